package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/recueil/recueil/internal/book"
)

// tmpPrefix named the staging folders of earlier versions, inside the
// output folder.
const tmpPrefix = ".recueil-tmp-"

// CheckOut refuses an output folder that would overwrite the book's
// sources: the book folder itself, one of its parents, or its data folders.
func CheckOut(root, out string) error {
	ar, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	ao, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if r, err := filepath.EvalSymlinks(ar); err == nil {
		ar = r
	}
	if o, err := evalExisting(ao); err == nil {
		ao = o
	}
	inside := func(p, dir string) bool {
		rel, err := filepath.Rel(dir, p)
		return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	switch {
	case ao == ar:
		return usageErrorf("--out %s est le dossier du livre lui-même : choisissez un dossier tel que output/", "--out %s is the book folder itself: choose a folder such as output/", out)
	case inside(ar, ao):
		return usageErrorf("--out %s contient le livre : choisissez un dossier à l’intérieur, tel que output/", "--out %s contains the book: choose a folder inside it, such as output/", out)
	}
	for _, d := range []string{"contributions", "editorial", ".git", "cmd", "internal", "layout"} {
		if inside(ao, filepath.Join(ar, d)) {
			return usageErrorf("--out %s est dans %s/, qui contient les sources du livre : choisissez output/", "--out %s is inside %s/, which holds the book's sources: choose output/", out, d)
		}
	}
	if st, err := os.Stat(filepath.Join(ao, "book.yaml")); err == nil && !st.IsDir() {
		return usageErrorf("--out %s contient un book.yaml : c’est un livre, pas un dossier de sortie", "--out %s holds a book.yaml: it looks like a book, not an output folder", out)
	}
	// Before any work: a folder that is not recueil's (checked again,
	// under the lock, when the run writes).
	_, err = owned(filepath.Clean(out))
	return err
}

// evalExisting resolves symlinks in the longest existing prefix of p.
func evalExisting(p string) (string, error) {
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(p)
		if parent == p {
			return "", errors.New("no existing prefix")
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// stage builds the next generation of the output folder as a sibling of
// it, then switches the two in a single step: readers of the output see
// every artifact of the previous run or every artifact of this one, never
// a mix, whatever fails or kills the run part-way.
//
// The output folder is recueil's alone. It holds a manifest of the files
// the last run committed; recueil refuses a non-empty folder without one
// (a folder of the user's), never follows a symbolic link inside it, and
// removes nothing but whole generations it made.
type stage struct {
	fs     commitFS
	out    string   // the output folder
	tmp    string   // the next generation, a sibling of out
	prev   []string // the artifacts of the current generation, when it exists
	files  []string // slash paths relative to out
	made   []string // the files this run wrote
	taken  map[string]string
	unlock func()
	// sum is the SHA-256 of the artifacts whose bytes the run had in hand:
	// hashed as write wrote them, or known of the file linkOr linked
	// (known); sums reads back only the others.
	sum   map[string][sha256.Size]byte
	known map[string][sha256.Size]byte // by the path of a file to link from
	// mu guards files, made, taken, sum and known: write, alias,
	// writeAside and has may be called from several goroutines (the
	// site's pages are).
	mu sync.Mutex
}

// know records the SHA-256 of the file at path (a cache entry the run
// wrote or checked), for an artifact linked to it.
func (s *stage) know(path string, sum [sha256.Size]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.known == nil {
		s.known = map[string][sha256.Size]byte{}
	}
	s.known[path] = sum
}

// hashed records rel's SHA-256; s.mu is held.
func (s *stage) hashed(rel string, sum [sha256.Size]byte) {
	if s.sum == nil {
		s.sum = map[string][sha256.Size]byte{}
	}
	s.sum[rel] = sum
}

const (
	manifestName = book.ManifestFile
	manifestHead = "recueil output manifest v1"
	genInfix     = ".recueil-gen-"
	oldInfix     = ".recueil-old"
)

// newStage locks the output folder's parent, recovers or removes what
// killed runs left, proves that an existing output folder is recueil's,
// and makes the next generation's folder.
func newStage(out string, fsys commitFS) (st *stage, err error) {
	if fsys == nil {
		fsys = osFS{}
	}
	out = filepath.Clean(out)
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := fsys.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lockDir(parent)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			unlock()
		}
	}()
	old := filepath.Join(parent, "."+base+oldInfix)
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		// A run killed between the two renames of the fallback switch.
		if st, err := os.Lstat(old); err == nil && st.IsDir() {
			if err := fsys.Rename(old, out); err != nil {
				return nil, err
			}
		}
	}
	if entries, err := os.ReadDir(parent); err == nil {
		for _, e := range entries {
			if n := e.Name(); strings.HasPrefix(n, "."+base+genInfix) || n == "."+base+oldInfix {
				fsys.RemoveAll(filepath.Join(parent, n))
			}
		}
	}
	prev, err := owned(out)
	if err != nil {
		return nil, err
	}
	tmp, err := fsys.MkdirTemp(parent, "."+base+genInfix)
	if err != nil {
		return nil, err
	}
	return &stage{fs: fsys, out: out, tmp: tmp, prev: prev, taken: map[string]string{}, unlock: unlock}, nil
}

// owned returns the artifacts of an existing output folder, or a usage
// error when the folder is not one recueil made.
func owned(out string) ([]string, error) {
	st, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, err
	case st.Mode()&fs.ModeSymlink != 0:
		return nil, usageErrorf("--out %s est un lien symbolique : recueil n’écrit que dans un vrai dossier (donnez celui vers lequel il pointe)", "--out %s is a symbolic link: recueil writes only into a real folder (give the folder it points to)", out)
	case !st.IsDir():
		return nil, usageErrorf("--out %s n’est pas un dossier : choisissez un dossier, tel que output/", "--out %s is not a folder: choose a folder, such as output/", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, nil
	}
	if files, ok := readManifest(filepath.Join(out, manifestName), manifestHead); ok {
		return files, nil
	}
	// An output written before the manifest existed: every file in it is
	// listed by its SHA256SUMS, or is the cache or a staging leftover.
	if files, ok := readManifest(filepath.Join(out, book.SumsFile), ""); ok && legacy(out, files) {
		return append(files, book.SumsFile), nil
	}
	return nil, usageErrorf("--out %s contient déjà des fichiers que recueil n’a pas écrits : choisissez un dossier vide ou nouveau (recueil remplace son dossier de sortie en entier)", "--out %s already holds files that recueil did not write: choose an empty or new folder (recueil replaces its output folder as a whole)", out)
}

// readManifest reads a list of slash paths, one per line, after head when
// head is set; a SHA256SUMS line's path follows two spaces. It refuses
// anything that is not a regular file or a path that leaves the folder.
func readManifest(p, head string) ([]string, bool) {
	if st, err := os.Lstat(p); err != nil || !st.Mode().IsRegular() || st.Size() > 64<<20 {
		return nil, false
	}
	raw, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	lines := strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n")
	if head != "" {
		if lines[0] != head {
			return nil, false
		}
		lines = lines[1:]
	}
	var files []string
	for _, l := range lines {
		if head == "" {
			_, f, ok := strings.Cut(l, "  ")
			if !ok {
				return nil, false
			}
			l = f
		}
		if !fs.ValidPath(l) || l == "." {
			return nil, false
		}
		files = append(files, l)
	}
	return files, true
}

// legacy reports whether every file under out is listed in SHA256SUMS, or
// is recueil's own (cache, staging, previews).
func legacy(out string, listed []string) bool {
	known := map[string]bool{book.SumsFile: true}
	for _, f := range listed {
		known[f] = true
	}
	ok := true
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			ok = false
			return fs.SkipAll
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".":
			return nil
		case rel == cacheDir || strings.HasPrefix(rel, tmpPrefix) || rel == book.PreviewDir:
			// The cache, staging leftovers, and previews, which earlier
			// versions wrote outside SHA256SUMS.
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir():
			return nil
		case !known[rel]:
			ok = false
			return fs.SkipAll
		}
		return nil
	})
	return ok
}

// carry brings the current generation's artifacts that this run does not
// own into the next one (the cards, when only the PDF is remade), as hard
// links. Only regular files reached through real folders are carried.
func (s *stage) carry(owns func(rel string) bool) error {
	for _, rel := range s.prev {
		if rel == manifestName || owns(rel) || !realFile(s.out, rel) {
			continue
		}
		if err := s.link(filepath.Join(s.out, filepath.FromSlash(rel)), rel); err != nil {
			return err
		}
		s.files = append(s.files, rel)
		s.taken[strings.ToLower(rel)] = rel
	}
	return nil
}

// keep links a file of the current generation into the next one without
// making it an artifact (a cache entry).
func (s *stage) keep(rel string) error {
	if !realFile(s.out, rel) {
		return nil
	}
	return s.link(filepath.Join(s.out, filepath.FromSlash(rel)), rel)
}

func (s *stage) link(src, rel string) error {
	dst := filepath.Join(s.tmp, filepath.FromSlash(rel))
	if err := s.fs.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if err := s.fs.Link(src, dst); err == nil {
		return nil
	}
	// A file system without hard links: copy.
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	f, err := s.fs.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, in); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// realFile reports whether rel names a regular file under dir with no
// symbolic link on the way.
func realFile(dir, rel string) bool {
	p := dir
	parts := strings.Split(rel, "/")
	for i, part := range parts {
		p = filepath.Join(p, part)
		st, err := os.Lstat(p)
		if err != nil {
			return false
		}
		if i < len(parts)-1 && !st.IsDir() || i == len(parts)-1 && !st.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// alias makes rel a hard link to from, a file this run already wrote
// (the site's copy of a card), or writes data when it cannot.
func (s *stage) alias(rel, from string, data []byte) error {
	s.mu.Lock()
	prev, ok := s.taken[strings.ToLower(from)]
	written := ok && prev == from && slices.Contains(s.made, from) // by this run, not carried over
	s.mu.Unlock()
	if !written {
		return s.write(rel, bytesWriter(data))
	}
	return s.linkOr(filepath.Join(s.tmp, filepath.FromSlash(from)), rel, data)
}

// linkOr makes rel a hard link to src, a file holding exactly data (a
// cache entry of the current generation, or an artifact this run wrote),
// or writes data when it cannot: a warm run then writes no card's bytes
// again, and the site's copy of a card is the card. With data nil (a card
// not held in memory), what cannot be linked is copied from src.
func (s *stage) linkOr(src, rel string, data []byte) error {
	if src == "" {
		return s.write(rel, bytesWriter(data))
	}

	s.mu.Lock()
	if prev, ok := s.taken[strings.ToLower(rel)]; ok {
		s.mu.Unlock()
		return fmt.Errorf("two artifacts would be written as %s (and %s)", rel, prev)
	}
	s.taken[strings.ToLower(rel)] = rel
	s.mu.Unlock()
	dst := filepath.Join(s.tmp, filepath.FromSlash(rel))
	if s.fs.MkdirAll(filepath.Dir(dst), 0o755) == nil && s.fs.Link(src, dst) == nil {
		s.mu.Lock()
		s.files = append(s.files, rel)
		s.made = append(s.made, rel)
		if sum, ok := s.known[src]; ok {
			s.hashed(rel, sum)
		}
		s.mu.Unlock()
		return nil
	}
	s.mu.Lock()
	delete(s.taken, strings.ToLower(rel))
	s.mu.Unlock()
	if data == nil {
		return s.write(rel, func(w io.Writer) error {
			f, err := os.Open(src)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = io.Copy(w, f)
			return err
		})
	}
	return s.write(rel, bytesWriter(data))
}

// writeAside writes a file into the next generation that is not an
// artifact (a cache entry); errors are dropped with the file (false).
func (s *stage) writeAside(rel string, data []byte) bool {
	p := filepath.Join(s.tmp, filepath.FromSlash(rel))
	if s.fs.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return false
	}
	f, err := s.fs.Create(p)
	if err != nil {
		return false
	}
	_, err = f.Write(data)
	if f.Close() != nil || err != nil {
		os.Remove(p)
		return false
	}
	return true
}

// has reports whether the next generation holds rel.
func (s *stage) has(rel string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.taken[strings.ToLower(rel)]
	return ok
}

// write creates rel in the next generation with the bytes fn writes. Two
// artifacts may not share a name, even one differing only in case (the
// same file on macOS and Windows).
func (s *stage) write(rel string, fn func(w io.Writer) error) error {
	s.mu.Lock()
	if prev, ok := s.taken[strings.ToLower(rel)]; ok {
		s.mu.Unlock()
		return fmt.Errorf("two artifacts would be written as %s (and %s)", rel, prev)
	}
	s.taken[strings.ToLower(rel)] = rel
	s.mu.Unlock()
	p := filepath.Join(s.tmp, filepath.FromSlash(rel))
	if err := s.fs.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := s.fs.Create(p)
	if err != nil {
		return err
	}
	h := sha256.New()
	if err := fn(io.MultiWriter(f, h)); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", rel, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	s.mu.Lock()
	s.files = append(s.files, rel)
	if rel != manifestName {
		s.made = append(s.made, rel)
	}
	s.hashed(rel, [sha256.Size]byte(h.Sum(nil)))
	s.mu.Unlock()
	return nil
}

// sums writes SHA256SUMS over every artifact of the next generation,
// sorted by path, then its manifest.
func (s *stage) sums() error {
	sort.Strings(s.files)
	var b strings.Builder
	for _, rel := range s.files {
		sum, ok := s.sum[rel]
		if !ok {
			f, err := os.Open(filepath.Join(s.tmp, filepath.FromSlash(rel)))
			if err != nil {
				return err
			}
			h := sha256.New()
			_, err = io.Copy(h, f)
			f.Close()
			if err != nil {
				return err
			}
			sum = [sha256.Size]byte(h.Sum(nil))
		}
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), rel)
	}
	if err := s.write(book.SumsFile, func(w io.Writer) error {
		_, err := io.WriteString(w, b.String())
		return err
	}); err != nil {
		return err
	}
	return s.manifest()
}

// manifest writes the list of the next generation's artifacts, which
// proves to the next run that the folder is recueil's.
func (s *stage) manifest() error {
	sort.Strings(s.files)
	list := manifestHead + "\n" + strings.Join(s.files, "\n") + "\n"
	if err := s.write(manifestName, func(w io.Writer) error {
		_, err := io.WriteString(w, list)
		return err
	}); err != nil {
		return err
	}
	s.files = slices.DeleteFunc(s.files, func(f string) bool { return f == manifestName })
	return nil
}

// commit makes the next generation durable and switches it with the
// current one in one step, then removes the previous generation.
func (s *stage) commit() error {
	defer s.unlock()
	if err := s.fs.Sync(s.tmp); err != nil {
		s.fs.RemoveAll(s.tmp)
		return err
	}
	parent := filepath.Dir(s.out)
	if _, err := os.Lstat(s.out); errors.Is(err, fs.ErrNotExist) {
		if err := s.fs.Rename(s.tmp, s.out); err != nil {
			s.fs.RemoveAll(s.tmp)
			return err
		}
		s.fs.SyncDir(parent)
		return nil
	}
	err := s.fs.Exchange(s.tmp, s.out)
	if err == nil {
		s.fs.SyncDir(parent)
		s.fs.RemoveAll(s.tmp) // now the previous generation
		return nil
	}
	if !errors.Is(err, errNoExchange) {
		s.fs.RemoveAll(s.tmp)
		return err
	}
	// No atomic exchange here: two renames, which newStage completes or
	// undoes when a run is killed between them.
	old := filepath.Join(parent, "."+filepath.Base(s.out)+oldInfix)
	if err := s.fs.Rename(s.out, old); err != nil {
		s.fs.RemoveAll(s.tmp)
		return err
	}
	if err := s.fs.Rename(s.tmp, s.out); err != nil {
		if s.fs.Rename(old, s.out) != nil {
			return fmt.Errorf("%w (the previous output is in %s)", err, old)
		}
		s.fs.RemoveAll(s.tmp)
		return err
	}
	s.fs.SyncDir(parent)
	s.fs.RemoveAll(old)
	return nil
}

func (s *stage) abort() {
	s.fs.RemoveAll(s.tmp)
	s.unlock()
}

// commitFS is the file system a stage writes through, so that a test can
// make each step fail in turn.
type commitFS interface {
	MkdirAll(p string, perm fs.FileMode) error
	MkdirTemp(dir, pattern string) (string, error)
	Create(p string) (*os.File, error)
	Link(oldname, newname string) error
	Rename(oldname, newname string) error
	// Exchange swaps two paths atomically, or returns errNoExchange.
	Exchange(a, b string) error
	RemoveAll(p string) error
	// Sync makes every file under dir durable.
	Sync(dir string) error
	SyncDir(dir string) error
}

var errNoExchange = errors.New("no atomic exchange on this system")

type osFS struct{}

func (osFS) MkdirAll(p string, perm fs.FileMode) error { return os.MkdirAll(p, perm) }
func (osFS) MkdirTemp(dir, pat string) (string, error) { return os.MkdirTemp(dir, pat) }
func (osFS) Create(p string) (*os.File, error)         { return os.Create(p) }
func (osFS) Link(o, n string) error                    { return os.Link(o, n) }
func (osFS) Rename(o, n string) error                  { return os.Rename(o, n) }
func (osFS) Exchange(a, b string) error                { return exchange(a, b) }
func (osFS) RemoveAll(p string) error                  { return os.RemoveAll(p) }
func (osFS) Sync(dir string) error                     { return syncTree(dir) }
func (osFS) SyncDir(dir string) error                  { syncDir(dir); return nil }

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
