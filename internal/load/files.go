package load

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/recueil/recueil/internal/book"
)

// ErrBadLayout is returned when the book folder's own structure is wrong
// (book.yaml a folder, contributions/ a file, a folder that leads out of
// the book): the CLI reports it as a usage problem.
var ErrBadLayout = errors.New("this folder is not laid out as a book")

// layoutError is an ErrBadLayout said in French and in English: Error is
// the English, French the French (the CLI says the one of the book).
type layoutError struct{ m book.Msg }

func (e *layoutError) Error() string { return ErrBadLayout.Error() + ": " + e.m.En }
func (e *layoutError) InFrench() string {
	return "ce dossier n’est pas organisé comme un livre : " + e.m.Fr
}
func (e *layoutError) Unwrap() error { return ErrBadLayout }

// badLayout is an ErrBadLayout saying m with args, in both languages.
func badLayout(m book.Msg, args ...any) error { return &layoutError{m.Format(args...)} }

// readProblem is why a file of the book was not read.
type readProblem struct {
	rule string // outside-book | not-a-file | file-too-large | file-missing | unreadable
	msg  book.Msg
}

// inBook resolves rel, a slash path relative to the book's root, after
// every symbolic link, and reports a problem unless it is a regular file
// inside the book (inside dir, when set) of at most limit bytes. Nothing
// is opened: a FIFO, a device or a folder is refused on its type alone.
func inBook(root, dir, rel string, limit int64) (string, fs.FileInfo, *readProblem) {
	clean := path.Clean(rel)
	if !fs.ValidPath(clean) || strings.Contains(rel, `\`) || filepath.IsAbs(rel) {
		return "", nil, &readProblem{"outside-book", book.M("« %s » doit être un chemin relatif au dossier du livre, sans « .. ».", "“%s” must be a path relative to the book's folder, without “..”.").Format(rel)}
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		realRoot = root
	}
	realRoot, _ = filepath.Abs(realRoot)
	real, err := filepath.EvalSymlinks(filepath.Join(root, filepath.FromSlash(clean)))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil, &readProblem{"file-missing", book.M("« %s » est introuvable : vérifiez le nom (majuscules comprises).", "“%s” cannot be found: check its name (capital letters included).").Format(rel)}
	}
	if err != nil {
		return "", nil, &readProblem{"unreadable", book.M("« %s » ne peut pas être lu : %s.", "“%s” cannot be read: %s.").Format(rel, book.ReadReason(err))}
	}
	real, _ = filepath.Abs(real)
	within := realRoot
	if dir != "" {
		within = filepath.Join(realRoot, filepath.FromSlash(dir))
	}
	if r, err := filepath.Rel(within, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		where := book.M("du livre", "the book")
		if dir != "" {
			where = book.M("du dossier "+dir+"/", "the "+dir+"/ folder")
		}
		return "", nil, &readProblem{"outside-book", book.M("« %s » mène, par un lien symbolique, en dehors %s : mettez-y le fichier lui-même.", "“%s” leads, through a symbolic link, outside %s: put the file itself there.").Format(rel, where)}
	}
	st, err := os.Stat(real)
	if err != nil {
		return "", nil, &readProblem{"unreadable", book.M("« %s » ne peut pas être lu : %s.", "“%s” cannot be read: %s.").Format(rel, book.ReadReason(err))}
	}
	if !st.Mode().IsRegular() {
		what := book.M("un dossier", "a folder")
		if !st.IsDir() {
			what = book.M("un fichier spécial (tube, périphérique)", "a special file (a pipe, a device)")
		}
		return "", nil, &readProblem{"not-a-file", book.M("« %s » est %s, pas un fichier ordinaire.", "“%s” is %s, not an ordinary file.").Format(rel, what)}
	}
	if limit > 0 && st.Size() > limit {
		return "", nil, &readProblem{"file-too-large", book.M("« %s » fait %s : la limite est %s.", "“%s” is %s: the limit is %s.").Format(rel, size(st.Size()), size(limit))}
	}
	return real, st, nil
}

// readInBook reads a file inInBook accepted, and at most limit bytes of
// it even if it grew since.
func readInBook(root, dir, rel string, limit int64) ([]byte, *readProblem) {
	real, _, prob := inBook(root, dir, rel, limit)
	if prob != nil {
		return nil, prob
	}
	f, err := os.Open(real)
	if err != nil {
		return nil, &readProblem{"unreadable", book.M("« %s » ne peut pas être lu : %s.", "“%s” cannot be read: %s.").Format(rel, book.ReadReason(err))}
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, &readProblem{"not-a-file", book.M("« %s » n’est pas un fichier ordinaire.", "“%s” is not an ordinary file.").Format(rel)}
	}
	var r io.Reader = f
	if limit > 0 {
		r = io.LimitReader(f, limit+1)
	}
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, &readProblem{"unreadable", book.M("« %s » ne peut pas être lu : %s.", "“%s” cannot be read: %s.").Format(rel, book.ReadReason(err))}
	}
	if limit > 0 && int64(len(raw)) > limit {
		return nil, &readProblem{"file-too-large", book.M("« %s » dépasse %s.", "“%s” is more than %s.").Format(rel, size(limit))}
	}
	return raw, nil
}

func size(n int64) book.Msg {
	if n < 1<<20 {
		return book.M("%d Ko", "%d KB").Format((n + 1023) >> 10)
	}
	mb := strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64)
	return book.Msg{Fr: strings.Replace(mb, ".", ",", 1) + " Mo", En: mb + " MB"} // a decimal comma in French
}

// bookDir checks that a folder of the book (contributions, editorial) is
// a real folder inside it; a missing one is not an error.
func bookDir(root, dir string) (string, bool, error) {
	p := filepath.Join(root, dir)
	st, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return p, false, nil
	}
	if err != nil {
		return "", false, err
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(p)
		realRoot, err2 := filepath.EvalSymlinks(root)
		if err != nil || err2 != nil {
			return "", false, badLayout(book.M("%s/ est un lien symbolique qui ne mène nulle part", "%s/ is a symbolic link that leads nowhere"), dir)
		}
		if r, err := filepath.Rel(realRoot, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return "", false, badLayout(book.M("%s/ est un lien symbolique vers %s, hors du livre : mettez le dossier lui-même dans le livre", "%s/ is a symbolic link to %s, outside the book: put the folder itself in the book"), dir, real)
		}
		st, err = os.Stat(real)
		if err != nil {
			return "", false, err
		}
	}
	if !st.IsDir() {
		return "", false, badLayout(book.M("%s n’est pas un dossier", "%s is not a folder"), dir)
	}
	return p, true, nil
}

// ReadContribution reads a contribution file as the loader does (inside
// contributions/, a regular file, at most MaxFileBytes); false when the
// loader would have refused it, with a finding of its own.
func ReadContribution(root, rel string) ([]byte, bool) {
	raw, prob := readInBook(root, "contributions", rel, MaxFileBytes)
	return raw, prob == nil
}
