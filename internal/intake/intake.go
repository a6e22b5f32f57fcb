package intake

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/typo"
)

// Options are what an import needs from the outside.
type Options struct {
	Root  string // the book folder; files are written in its contributions/ only
	Lang  string // the book's language: typography and messages
	Name  string // the contributor's name, over the document's author
	Photo bool   // extract the document's largest image as the portrait
	// Typography is the book's house style for Lang (quotes, spaces); the
	// language's own when zero.
	Typography book.Typography
	// Glyphs, when set, is what the book's font prints: the emoji it
	// lacks are removed, as check --fix does with emoji: remove.
	Glyphs func(rune) bool
}

// Result is what an import wrote (book-relative paths, sorted) and found.
type Result struct {
	Files []string
	Diags book.Diagnostics
}

// say is a message in French and in English: CSV and Document put their
// findings in the book's language (book.Diagnostics.In).
func (o Options) say(fr, en string) book.Msg { return book.M(fr, en) }

// Document imports a .docx or .odt as contributions/<slug>.md (and, with
// Photo, its portrait in contributions/photos/). file names the document
// in findings; nothing is written when a finding is an error.
func Document(o Options, file string, data []byte) Result {
	res := importDocument(o, file, data)
	res.Diags.In(o.Lang)
	return res
}

func importDocument(o Options, file string, data []byte) Result {
	var res Result
	var d *Doc
	if isODT(file, data) {
		d = ReadODT(data)
	} else {
		d = ReadDocx(data)
	}
	for _, f := range d.findings {
		res.Diags.Add(file, pos(f.n), f.sev, f.code, o.say(f.fr, f.en))
	}
	if res.Diags.HasErrors() {
		return res
	}
	if len(d.blocks) == 0 {
		res.Diags.Add(file, book.Pos{}, book.Error, "import-unreadable", o.say(
			"le document n’a pas de texte : rien n’a été écrit", "the document holds no text: nothing was written"))
		return res
	}
	name := oneLine(o.Name)
	if name == "" {
		name = d.Creator
	}
	slug := book.Slugify(name)
	switch {
	case slug == "" && o.Name != "":
		res.Diags.Add(file, book.Pos{}, book.Error, "import-no-name", o.say(
			"--name "+o.Name+" : ce nom ne donne aucun nom de fichier (pas une lettre ni un chiffre)",
			"--name "+o.Name+": this name gives no file name (not one letter or digit)"))
		return res
	case slug == "":
		res.Diags.Add(file, book.Pos{}, book.Error, "import-no-name", o.say(
			"le document ne donne pas le nom de son auteur : donnez-le avec --name \"Prénom Nom\"",
			"the document does not give its author's name: give it with --name \"First Last\""))
		return res
	case len(slug) > 200 || utf8.RuneCountInString(name) > 200:
		res.Diags.Add(file, book.Pos{}, book.Error, "import-no-name", o.say(
			"le nom a plus de 200 caractères : donnez-le avec --name \"Prénom Nom\"",
			"the name is over 200 characters: give it with --name \"First Last\""))
		return res
	}
	rel := "contributions/" + slug + ".md"
	fields := [][2]string{{"name", name}, {"role", ""}}
	if d.Title != "" {
		fields = append(fields, [2]string{"title", d.Title})
	}
	var photo string
	var photoData []byte
	if o.Photo && len(d.images) > 0 {
		im := d.images[0]
		for _, x := range d.images[1:] {
			if x.size > im.size {
				im = x
			}
		}
		ext := strings.ToLower(path.Ext(im.part))
		if ext == ".jpeg" {
			ext = ".jpg"
		}
		if ext != ".jpg" && ext != ".png" {
			res.Diags.Add(file, pos(im.n), book.Warning, "import-image", o.say(
				"paragraphe "+strconv.Itoa(im.n)+" : l’image la plus grande n’est ni un JPEG ni un PNG ("+ext+") : le portrait n’a pas été extrait",
				"paragraph "+strconv.Itoa(im.n)+": the largest image is neither a JPEG nor a PNG ("+ext+"): no portrait was extracted"))
		} else if b, p := d.archive.read(im.part); p != nil || b == nil {
			res.Diags.Add(file, pos(im.n), book.Warning, "import-image", o.say(
				"paragraphe "+strconv.Itoa(im.n)+" : l’image n’a pas pu être lue : le portrait n’a pas été extrait",
				"paragraph "+strconv.Itoa(im.n)+": the image could not be read: no portrait was extracted"))
		} else {
			photo, photoData = "photos/"+slug+ext, b
			fields = append(fields, [2]string{"photo", photo})
		}
		if n := len(d.images) - 1; n > 0 {
			res.Diags.Add(file, book.Pos{}, book.Warning, "import-image", o.say(
				"le portrait mis à part, "+count(n, "image du document n’est pas importée", "images du document ne sont pas importées"),
				"besides the portrait, "+count(n, "image of the document is not imported", "images of the document are not imported")))
		}
	} else if len(d.images) > 0 {
		res.Diags.Add(file, pos(d.images[0].n), book.Warning, "import-image", o.say(
			"le document contient "+count(len(d.images), "image, non importée", "images, non importées")+" : avec --photo, la plus grande devient le portrait",
			"the document holds "+count(len(d.images), "image, not imported", "images, not imported")+": with --photo, the largest becomes the portrait"))
	}
	if len(d.notes) > 0 {
		res.Diags.Add(file, book.Pos{}, book.Warning, "import-footnote", o.say(
			count(len(d.notes), "note de bas de page écrite en note Markdown ([^1] dans le texte, son texte à la fin) : vérifiez comment le livre l’imprime, ou intégrez-la au texte",
				"notes de bas de page écrites en notes Markdown ([^1] dans le texte, leur texte à la fin) : vérifiez comment le livre les imprime, ou intégrez-les au texte"),
			count(len(d.notes), "footnote written as a Markdown footnote ([^1] in the text, its text at the end): check how the book prints it, or work it into the text",
				"footnotes written as Markdown footnotes ([^1] in the text, their text at the end): check how the book prints them, or work them into the text")))
	}
	res.Diags.Add(file, book.Pos{}, book.Warning, "import-incomplete", o.say(
		"le document ne donne pas la fonction (role) : ajoutez-la dans l’en-tête de "+rel,
		"the document does not give the role: add it to the front matter of "+rel))
	src := contribution(fields, nil, d.Markdown())
	fixed := o.fixTypography(src)
	var files []newFile
	if photo != "" {
		files = append(files, newFile{"contributions/" + photo, photoData})
	}
	files = append(files, newFile{rel, fixed})
	written, err := createAll(o.Root, files)
	res.Files = written
	if err != nil {
		res.Diags.Add(file, book.Pos{}, book.Error, "import-exists", o.writeError(err, "rien n’a été écrit", "nothing was written"))
		res.Files = nil
	}
	return res
}

// existsError is a file the import would have replaced.
type existsError struct{ rel string }

func (e *existsError) Error() string { return e.rel + " exists already" }

func (o Options) writeError(err error, fr, en string) book.Msg {
	var ee *existsError
	if errors.As(err, &ee) {
		return o.say(fr+" : "+ee.rel+" existe déjà (recueil n’écrase jamais un fichier)", en+": "+ee.rel+" exists already (recueil never overwrites a file)")
	}
	return o.say(fr+" : "+err.Error(), en+": "+err.Error())
}

var noteDef = regexp.MustCompile(`(?m)^\[\^([0-9]+)\][\x{00a0}\x{202f} ]*:`)

// fixTypography applies check --fix's typography (and its removal of
// the emoji the book cannot print) to a new file; the footnotes'
// definitions keep their "[^1]:", which is syntax, not prose.
func (o Options) fixTypography(src []byte) []byte {
	if o.Glyphs != nil {
		src, _ = typo.RemoveEmoji(src, o.Glyphs)
	}
	t := o.Typography
	if t == (book.Typography{}) {
		t = book.ResolveLocale(o.Lang).Typography
	}
	fixed, _ := typo.FixIn(t, o.Lang, src)
	return noteDef.ReplaceAll(fixed, []byte("[^$1]:"))
}

// count writes "1 note" or "3 notes".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func pos(n int) book.Pos {
	if n <= 0 {
		return book.Pos{}
	}
	return book.Pos{Line: n, Col: 1}
}

// isODT tells an OpenDocument text from a Word file: by the name, or by
// the mimetype entry ODF puts first in its zip.
func isODT(name string, data []byte) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".odt", ".ott":
		return true
	case ".docx", ".docm", ".dotx":
		return false
	}
	return bytes.Contains(data[:min(len(data), 128)], []byte("application/vnd.oasis.opendocument.text"))
}

// contribution writes a contribution file: front matter then body.
func contribution(fields [][2]string, links []string, body string) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	for _, f := range fields {
		b.WriteString(f[0] + ": " + yamlString(f[1]) + "\n")
	}
	if len(links) > 0 {
		b.WriteString("links:\n")
		for _, l := range links {
			b.WriteString("  - " + yamlString(l) + "\n")
		}
	}
	b.WriteString("---\n")
	b.WriteString(body)
	return []byte(b.String())
}

// yamlString quotes a one-line value for YAML: double quotes, with
// backslashes and quotes escaped, control characters dropped.
func yamlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range oneLine(s) {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || book.Forging(r):
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

type newFile struct {
	rel  string
	data []byte
}

// createAll writes new files inside the book, through os.Root so that no
// path or link leads out of it; each is written whole to a temporary file
// then linked to its name, which fails rather than replace a file. When
// one fails, those already written are removed: all or nothing.
func createAll(root string, files []newFile) ([]string, error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	for _, f := range files {
		if _, err := r.Lstat(f.rel); err == nil {
			return nil, &existsError{f.rel}
		}
	}
	var done []string
	for _, f := range files {
		if err := create(r, f.rel, f.data); err != nil {
			for _, d := range done {
				r.Remove(d)
			}
			if errors.Is(err, fs.ErrExist) {
				return nil, &existsError{f.rel}
			}
			return nil, fmt.Errorf("%s: %w", f.rel, err)
		}
		done = append(done, f.rel)
	}
	sort.Strings(done)
	return done, nil
}

func create(r *os.Root, rel string, data []byte) error {
	dir := path.Dir(rel)
	if err := r.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var tmp string
	var f *os.File
	for i := 0; ; i++ {
		tmp = fmt.Sprintf("%s/.%s.recueil-import-%d-%d", dir, path.Base(rel), os.Getpid(), i)
		var err error
		f, err = r.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) || i > 100 {
			return err
		}
	}
	defer r.Remove(tmp)
	_, err := f.Write(data)
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := r.Link(tmp, rel); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		// A file system without hard links: create the name exclusively.
		f, err := r.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			r.Remove(rel)
		}
		return err
	}
	if d, err := r.Open(dir); err == nil {
		d.Sync() // best effort: the new name is durable once the folder is
		d.Close()
	}
	return nil
}
