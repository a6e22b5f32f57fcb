package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/internal/work"
)

// Options are what loading needs from the outside world.
type Options struct {
	Root string              // the book folder (holding book.yaml)
	Env  func(string) string // environment lookup (SOURCE_DATE_EPOCH); nil means none
	Jobs int                 // parallel parsers; <= 0 means 1
	// Glyphs, when set, is called once book.yaml is read and returns what
	// the book's text font can print; characters it lacks are findings at
	// their position in each contribution.
	Glyphs func(b *book.Book) func(rune) bool
	// Context, when set, stops the parsers when it is done.
	Context context.Context
	// FontCheck, when set, says whether the PDF writer can embed a font
	// that recueil's own parser reads (pdf.ProbeFont): a font it refuses
	// is a finding at its line of book.yaml.
	FontCheck func(ttf []byte) error
}

// ErrNoBook is returned when the folder has no book.yaml.
var ErrNoBook = errors.New("no book.yaml in this folder: run recueil in the book's folder, or pass --book DIR")

// Load reads book.yaml, the editor's texts and every contribution. The
// error is for a folder that is not a book at all; everything else is a
// finding.
func Load(opts Options) (*book.Book, book.Diagnostics, error) {
	var diags book.Diagnostics
	root := opts.Root
	if root == "" {
		root = "."
	}
	if st, err := os.Stat(root); err == nil && !st.IsDir() {
		return nil, nil, badLayout(book.M("%s n’est pas un dossier (donnez le dossier du livre)", "%s is not a folder (give the book's folder)"), root)
	}
	if _, err := os.Lstat(filepath.Join(root, "book.yaml")); errors.Is(err, fs.ErrNotExist) {
		return nil, nil, ErrNoBook
	}
	raw, prob := readInBook(root, "", "book.yaml", MaxFileBytes)
	if prob != nil {
		why := map[string]book.Msg{
			"not-a-file":     book.M("est un dossier ou un fichier spécial, pas un fichier texte", "is a folder or a special file, not a text file"),
			"outside-book":   book.M("est un lien symbolique qui sort du livre", "is a symbolic link out of the book"),
			"file-too-large": book.M("dépasse 1 Mo", "is over 1 MB"),
		}[prob.rule]
		if why == (book.Msg{}) {
			why = book.M("ne peut pas être lu", "cannot be read")
		}
		return nil, nil, &layoutError{book.M("le fichier book.yaml", "the file book.yaml").Join(" ", why)}
	}
	b := book.Defaults()
	b.Root = root
	text := normalize(raw)
	if off := firstInvalidUTF8(text); off >= 0 {
		diags.Add("book.yaml", newSource("book.yaml", text).pos(off), book.Error, "invalid-utf8", book.M("book.yaml n’est pas en UTF-8 : enregistrez-le en UTF-8.", "book.yaml is not in UTF-8: save it as UTF-8."))
		text = bytes.ToValidUTF8(text, []byte("\uFFFD"))
	}
	bookYAML(text, &b, &diags)
	resolveDate(&b, opts, &diags)
	b.Version = gitDescribe(root)
	loadAssets(&b, &diags)
	loadFonts(&b, opts.FontCheck, &diags)
	if b.Introduction != nil && !loadEditorial(root, b.Introduction, b.FieldPos("introduction"), &diags) {
		b.Introduction = nil
	}
	if b.Afterword != nil && !loadEditorial(root, b.Afterword, b.FieldPos("afterword"), &diags) {
		b.Afterword = nil
	}
	var has func(rune) bool
	if opts.Glyphs != nil {
		has = opts.Glyphs(&b)
	}
	// book.yaml's own characters, at their positions, as a contribution's:
	// a glyph the font lacks is reported at the field that holds it, and a
	// control character is an error. Comment lines are not printed.
	scanSource("book.yaml", uncommented(text), has, &diags)
	if err := loadContributions(opts.Context, &b, opts.Jobs, has, &diags); err != nil {
		return nil, nil, err
	}
	return &b, diags, nil
}

// resolveDate fills b.Date: book.yaml, else SOURCE_DATE_EPOCH, else the
// last commit's date, else the Unix epoch — never the clock.
func resolveDate(b *book.Book, opts Options, diags *book.Diagnostics) {
	if b.Date != "" {
		return
	}
	if opts.Env != nil {
		if s := opts.Env("SOURCE_DATE_EPOCH"); s != "" {
			if n, err := strconv.ParseInt(s, 10, 64); err == nil {
				b.Date = time.Unix(n, 0).UTC().Format("2006-01-02")
				return
			}
		}
	}
	if out, err := exec.Command("git", "-C", b.Root, "log", "-1", "--format=%ct").Output(); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64); err == nil {
			b.Date = time.Unix(n, 0).UTC().Format("2006-01-02")
			return
		}
	}
	b.Date = "1970-01-01"
	diags.Add("book.yaml", book.Pos{Line: 1, Col: 1}, book.Warning, "date-epoch",
		book.M("Le livre n’a pas de date : il serait daté du 1er janvier 1970. Ajoutez « date: AAAA-MM-JJ » à book.yaml, ou enregistrez le livre dans git (git commit) : la date du dernier commit sera prise.", "The book has no date: it would be dated 1 January 1970. Add “date: YYYY-MM-DD” to book.yaml, or record the book in git (git commit): the date of the last commit will be used."))
}

// gitDescribe names the version of the sources, or "".
func gitDescribe(root string) string {
	out, err := exec.Command("git", "-C", root, "describe", "--tags", "--always").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// loadAssets checks the book's own images (cover, logos).
func loadAssets(b *book.Book, diags *book.Diagnostics) {
	check := func(p *string, what, key string) {
		if *p == "" {
			return
		}
		rel, prob := resolveAsset(b.Root, "editorial", strings.TrimPrefix(*p, "editorial/"), 20<<20)
		if prob != nil && prob.warn {
			diags.Add("book.yaml", b.FieldPos(key), book.Warning, "image-"+prob.kind, book.M("%s : %s", "%s: %s"), what, prob.msg)
		} else if prob != nil {
			diags.Add("book.yaml", b.FieldPos(key), book.Error, "image-"+prob.kind, book.M("%s : %s", "%s: %s"), what, prob.msg)
			*p = ""
			return
		}
		*p = rel
	}
	check(&b.Cover, "cover", "cover")
	check(&b.Cards.Logo, "cards.logo", "cards.logo")
	for i := range b.Partners {
		check(&b.Partners[i].Logo, "partners."+b.Partners[i].Name, "partners."+strconv.Itoa(i))
	}
}

// MaxFontBytes bounds a font file (the largest common text faces, with
// every script, are about 20 MB).
const MaxFontBytes = 32 << 20

// loadFonts checks the book's own fonts: a TrueType file inside the book,
// that recueil can read and the PDF writer embed. A font that fails falls back to the built-in one
// (the finding, an error, stops the build anyway).
func loadFonts(b *book.Book, embeddable func([]byte) error, diags *book.Diagnostics) {
	for _, f := range []struct {
		key  string
		spec *string
	}{{"serif", &b.Fonts.Serif}, {"sans", &b.Fonts.Sans}} {
		if *f.spec == "" || *f.spec == "builtin" {
			continue
		}
		at := b.FieldPos("fonts." + f.key)
		raw, prob := readInBook(b.Root, "", *f.spec, MaxFontBytes)
		if prob != nil {
			diags.Add("book.yaml", at, book.Error, "font-"+strings.TrimSuffix(strings.TrimPrefix(prob.rule, "file-"), "-book"), book.M("Police %s : %s", "%s font: %s"), f.key, prob.msg)
			*f.spec = "builtin"
			continue
		}
		_, err := fonts.Parse(raw)
		if err == nil && embeddable != nil {
			err = embeddable(raw)
		}
		if err != nil {
			what, todo := fontReason(err)
			diags.Add("book.yaml", at, book.Error, "font-unreadable",
				book.M("Police %s : le fichier « %s » %s. %s, ou retirez la clé pour la police intégrée.", "%s font: the file “%s” %s. %s, or remove the key for the built-in font."), f.key, *f.spec, what, todo)
			*f.spec = "builtin"
			continue
		}
		*f.spec = path.Clean(*f.spec)
	}
}

// fontReason says why a font cannot be used and what to do, in words an
// editor knows (PostScript outlines, a collection, a web font), not the
// table or glyph that failed.
func fontReason(err error) (what, todo book.Msg) {
	other := book.M("Choisissez une autre police .ttf", "Choose another .ttf font")
	var p *fonts.Problem
	if !errors.As(err, &p) {
		return book.M("ne peut pas être intégré au PDF", "cannot be embedded in the PDF"), other
	}
	switch p.Why {
	case fonts.PostScript:
		return book.M("est une police OpenType à contours PostScript (.otf), que le PDF ne sait pas intégrer", "is an OpenType font with PostScript outlines (.otf), which the PDF cannot embed"),
			book.M("Choisissez la version TrueType (.ttf) de cette police", "Choose the TrueType (.ttf) version of this font")
	case fonts.Collection:
		return book.M("est une collection de polices (.ttc), plusieurs polices en un fichier", "is a font collection (.ttc), several fonts in one file"),
			book.M("Choisissez le fichier .ttf d’un seul style de cette police", "Choose the .ttf file of one style of this font")
	case fonts.WebFont:
		return book.M("est une police compressée pour le web (.woff ou .woff2)", "is a font compressed for the web (.woff or .woff2)"),
			book.M("Choisissez le fichier .ttf de cette police", "Choose the .ttf file of this font")
	case fonts.Damaged:
		return book.M("est abîmé ou incomplet", "is damaged or incomplete"),
			book.M("Téléchargez à nouveau la police ou choisissez-en une autre", "Download the font again or choose another one")
	case fonts.NoLatin:
		return book.M("est une police sans les lettres latines (a, é, ç…)", "is a font without the letters of the Latin alphabet"),
			book.M("Choisissez une police qui les a", "Choose a font that has them")
	case fonts.TooBig:
		return book.M("a trop de caractères pour être intégré au PDF", "has too many characters to be embedded in the PDF"), other
	}
	return book.M("n’est pas une police TrueType (.ttf) lisible", "is not a readable TrueType font (.ttf)"),
		book.M("Choisissez un fichier .ttf", "Choose a .ttf file")
}

// loadEditorial reads an editor's text (optional front matter with a
// title). It reports false when the text cannot be used.
func loadEditorial(root string, e *book.Editorial, at book.Pos, diags *book.Diagnostics) bool {
	p := path.Clean(e.Path)
	if !strings.HasPrefix(p, "editorial/") {
		diags.Add("book.yaml", at, book.Error, "image-outside", book.M("%s doit être dans le dossier editorial/.", "%s must be in the editorial/ folder."), e.Path)
		return false
	}
	raw, prob := readInBook(root, "editorial", p, MaxFileBytes)
	if prob != nil {
		diags.Add("book.yaml", at, book.Error, prob.rule, prob.msg)
		return false
	}
	text := normalize(bytes.ToValidUTF8(raw, []byte("\uFFFD")))
	src := newSource(p, text)
	start := 0
	if fs, fe, body, _, closed := book.FrontMatter(text); closed {
		y := &yamlFile{file: p, lineOffset: 1, diags: diags}
		if root := y.parse(text[fs:fe]); root != nil {
			for _, f := range y.fields(root, []string{"title"}, book.M("dans l’en-tête", "in the header")) {
				e.Title, _ = y.str(f)
			}
		}
		start = body
	}
	e.Path = p
	e.Body, e.Notes = parseMarkdown(src, start, text[start:], diags)
	resolveImages(root, p, "editorial", e.Body, 20<<20, diags)
	for i := range e.Notes {
		resolveImages(root, p, "editorial", e.Notes[i].Blocks, 20<<20, diags)
	}
	return true
}

// resolveImages checks the body's images and makes their Src book-relative;
// refused images are removed.
func resolveImages(root, file, dir string, blocks []book.Block, maxBytes int64, diags *book.Diagnostics) {
	for i := range blocks {
		bl := &blocks[i]
		if bl.Kind == book.Image && bl.Src != "" {
			rel, prob := resolveAsset(root, dir, bl.Src, maxBytes)
			switch {
			case prob != nil && prob.warn:
				diags.Add(file, book.Pos{Line: bl.Line, Col: 1}, book.Warning, "image-"+prob.kind, prob.msg)
				bl.Src = rel
			case prob != nil:
				diags.Add(file, book.Pos{Line: bl.Line, Col: 1}, book.Error, "image-"+prob.kind, prob.msg)
				bl.Src = ""
			default:
				bl.Src = rel
			}
		}
		resolveImages(root, file, dir, bl.Children, maxBytes, diags)
	}
}

var imageExt = map[string]bool{".jpg": true, ".jpeg": true, ".png": true}

// loadContributions reads every contributions/*.md file, in parallel, and
// appends them to b in file-name order.
func loadContributions(ctx context.Context, b *book.Book, jobs int, has func(rune) bool, diags *book.Diagnostics) error {
	dir, exists, err := bookDir(b.Root, "contributions")
	if err != nil {
		return err
	}
	if !exists {
		diags.Add("contributions", book.Pos{Line: 1, Col: 1}, book.Warning, "no-contributions", book.M("Le dossier contributions/ n’existe pas encore : le livre est vide.", "The contributions/ folder does not exist yet: the book is empty."))
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("read contributions: %w", err)
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		rel := "contributions/" + name
		if e.IsDir() || strings.HasPrefix(name, ".") || strings.EqualFold(name, "README.md") {
			continue
		}
		ext := strings.ToLower(filepath.Ext(name))
		if ext != ".md" {
			if !imageExt[ext] {
				diags.Add(rel, book.Pos{Line: 1, Col: 1}, book.Warning, "not-markdown",
					book.M("Ce fichier n’est pas un texte Markdown (.md) : il est ignoré. Les textes s’écrivent dans un fichier .md, les photos vont dans contributions/photos/.", "This file is not a Markdown text (.md): it is ignored. Texts are written in a .md file, photos go in contributions/photos/."))
			}
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			diags.Add(rel, book.Pos{Line: 1, Col: 1}, book.Error, "symlink",
				book.M("Ce fichier est un lien symbolique : ajoutez le texte lui-même dans contributions/.", "This file is a symbolic link: add the text itself to contributions/."))
			continue
		}
		if !e.Type().IsRegular() {
			// A FIFO or a device: never opened (a FIFO would wait forever).
			diags.Add(rel, book.Pos{Line: 1, Col: 1}, book.Error, "not-a-file",
				book.M("Ce n’est pas un fichier ordinaire (un tube ou un périphérique) : ajoutez le texte lui-même dans contributions/.", "This is not an ordinary file (a pipe or a device): add the text itself to contributions/."))
			continue
		}
		files = append(files, name)
	}
	sort.Strings(files)
	type loaded struct {
		c     *book.Contribution
		diags book.Diagnostics
	}
	results, err := work.Map(ctx, len(files), jobs, func(i int) (r loaded, err error) {
		rel := "contributions/" + files[i]
		// A panic on one stranger's file is a finding about it.
		defer func() {
			var pe *book.PanicError
			if errors.As(err, &pe) {
				r.c, err = nil, nil
				r.diags.Add(rel, book.Pos{Line: 1, Col: 1}, book.Error, "internal-error",
					book.M("recueil n’a pas pu lire ce texte (erreur interne : %v). Signalez-le sur https://github.com/recueil/recueil/issues en joignant ce fichier.", "recueil could not read this text (internal error: %v). Report it on https://github.com/recueil/recueil/issues with this file attached."), pe.Value)
			}
		}()
		defer book.Guard(rel, &err)
		found := &r.diags
		raw, prob := readInBook(b.Root, "contributions", rel, MaxFileBytes)
		if prob != nil {
			if prob.rule == "file-too-large" {
				prob.msg = prob.msg.Join(" ", book.M("Un texte tient en quelques Ko : raccourcissez-le.", "A text takes a few KB: shorten it."))
			}
			found.Add(rel, book.Pos{Line: 1, Col: 1}, book.Error, prob.rule, prob.msg)
			return r, nil
		}
		c := Contribution(rel, raw, found)
		if c == nil {
			return r, nil
		}
		scanSource(rel, raw, has, found)
		if b.KeepEmoji() {
			drawnEmoji(rel, raw, found)
		}
		if c.Photo != "" {
			rp, prob := resolveAsset(b.Root, "contributions", c.Photo, b.Limits.PhotoBytes)
			switch {
			case prob != nil && prob.warn:
				found.Add(rel, c.FieldPos("photo"), book.Warning, "photo-"+prob.kind, prob.msg)
				c.Photo = rp
			case prob != nil:
				if prob.kind == "missing" {
					if s := SuggestAsset(b.Files(), "contributions", c.Photo); s != "" {
						prob.msg = book.M("Le fichier « %s » est introuvable : vouliez-vous dire « %s » ? Écrivez le nom exactement comme celui du fichier (majuscules et accents compris).",
							"The file “%s” cannot be found: did you mean “%s”? Write the name exactly as the file's (capital letters and accents included).").Format(c.Photo, s)
					}
				}
				found.Add(rel, c.FieldPos("photo"), book.Error, "photo-"+prob.kind, prob.msg)
				c.Photo = ""
			default:
				c.Photo = rp
			}
		}
		resolveImages(b.Root, rel, "contributions", c.Body, b.Limits.PhotoBytes, found)
		for i := range c.Notes {
			resolveImages(b.Root, rel, "contributions", c.Notes[i].Blocks, b.Limits.PhotoBytes, found)
		}
		r.c = c
		return r, nil
	})
	if err != nil {
		return err // only a cancelled context: the rest are findings
	}
	for _, r := range results {
		*diags = append(*diags, r.diags...)
		if r.c != nil {
			b.Contributions = append(b.Contributions, r.c)
		}
	}
	return nil
}

// uncommented returns text with YAML comment lines (first non-blank
// character '#') blanked, keeping every offset and line.
func uncommented(text []byte) []byte {
	out := text
	for start := 0; start < len(text); {
		end := bytes.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if t := bytes.TrimLeft(text[start:end], " \t"); len(t) > 0 && t[0] == '#' {
			if &out[0] == &text[0] {
				out = append([]byte(nil), text...)
			}
			for i := end - len(t); i < end; i++ {
				if out[i] != '\r' {
					out[i] = ' '
				}
			}
		}
		start = end + 1
	}
	return out
}
