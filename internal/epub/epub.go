// Package epub writes a book as an EPUB 3 publication: one XHTML document
// per contribution, a navigation document in the book's language with
// landmarks, the contributor index with links, the cover and photos with
// alternative text, and the schema.org accessibility metadata.
//
// The archive is written directly with archive/zip so that the output is
// byte-deterministic: fixed modification times derived from the book's date,
// files in a fixed order, no random identifier, nothing fetched from the
// network.
package epub

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"time"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/markup"
	"github.com/recueil/recueil/internal/typo"
)

// Rule codes of the diagnostics this package reports.
const (
	RuleImageUnreadable = "image-unreadable"
)

// doc is one XHTML content document.
type doc struct {
	id, file string
	title    string // plain text, already typeset
	body     string // the inner XHTML of <body>
	// sub follows the title in the navigation ("Name — Title"), in the
	// language subLang when it is not the book's
	sub, subLang string
}

// tocEntry is a line of the navigation document.
type tocEntry struct {
	label, href  string
	sub, subLang string // see doc
	children     []tocEntry
}

// picture is an image copied into the EPUB.
type picture struct {
	src       string // book-relative path
	file      string // path inside the EPUB content folder, e.g. images/x.png
	id        string
	mediaType string
	data      []byte
}

type writer struct {
	b     *book.Book
	files fs.FS
	lang  string
	l     book.Locale
	md    markup.Renderer // the contributions' blocks
	date  time.Time
	dated bool // b.Date was a valid YYYY-MM-DD

	diags    book.Diagnostics
	docs     []doc
	toc      []tocEntry
	pictures []*picture
	bySrc    map[string]*picture
	failed   map[string]book.Msg // src -> why it could not be used
	names    map[string]bool     // file names taken inside the EPUB
	cover    *picture
	pages    []book.PageStart              // where the PDF's pages start (WritePaged)
	drawn    []byte                        // a drawn cover (Extra.Cover)
	pageFile map[int]string                // the document holding each page's marker
	target   map[*book.Contribution]string // file#id of each contribution's heading
	bodyFile string                        // first document of the body matter
}

// Write writes the EPUB 3 of the book to w. b.Contributions are already in
// book order; only b.Published() is printed. files reads the book's images
// (cover, photos, images in texts, partner logos) by their book-relative
// slash paths: os.DirFS(b.Root) in production, fstest.MapFS in tests.
//
// An image that cannot be read or is not JPEG, PNG or GIF is left out with a
// warning; the error is only about writing to w.
func Write(w io.Writer, b *book.Book, files fs.FS) (book.Diagnostics, error) {
	return WritePaged(w, b, files, nil)
}

// Extra is what the EPUB takes from other stages.
type Extra struct {
	// Pages ties it to the PDF edition: where each of its pages starts
	// (see book.PageStart); none, no page list.
	Pages []book.PageStart
	// Cover is a PNG cover image drawn for a book whose book.yaml names
	// none (cards.Cover).
	Cover []byte
	// Memo holds the typography the typesetter already set (typo.Memo).
	Memo *typo.Memo
}

// WritePaged is Write with the page list of the PDF edition (Extra.Pages).
func WritePaged(w io.Writer, b *book.Book, files fs.FS, pages []book.PageStart) (book.Diagnostics, error) {
	return WriteWith(w, b, files, Extra{Pages: pages})
}

// WriteWith is Write with what other stages made (Extra).
func WriteWith(w io.Writer, b *book.Book, files fs.FS, extra Extra) (book.Diagnostics, error) {
	x := &writer{
		pages:    extra.Pages,
		drawn:    extra.Cover,
		pageFile: map[int]string{},
		b:        b,
		files:    files,
		lang:     b.Locale().Tag.String(),
		bySrc:    map[string]*picture{},
		failed:   map[string]book.Msg{},
		names:    map[string]bool{},
		target:   map[*book.Contribution]string{},
	}
	x.l = b.Locale()
	x.md = markup.Renderer{Lang: x.lang, EPUB: true, Typography: b.TypographyOf, Memo: extra.Memo, Back: x.l.BackToText, Image: func(src, alt, file string, line int) string {
		if p := x.picture(src, file, book.Pos{Line: line, Col: 1}); p != nil {
			return x.img(p, alt, "figure")
		}
		return ""
	}}
	x.date = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	if t, err := time.Parse("2006-01-02", b.Date); err == nil {
		x.dated = true
		if t.After(x.date) {
			x.date = t
		}
	}
	x.build()
	err := x.writeZip(w)
	x.diags.Sort()
	if err != nil {
		return x.diags, err
	}
	return x.diags, nil
}

func (x *writer) text(s string) string { return typo.StringIn(x.b.TypographyOf(x.lang), s) }

func (x *writer) add(d doc) {
	x.names[d.file] = true
	x.docs = append(x.docs, d)
}

// build lays out every document, in reading order.
func (x *writer) build() {
	b := x.b
	if b.Cover != "" {
		x.cover = x.picture(b.Cover, "book.yaml", book.Pos{})
	} else if len(x.drawn) > 0 {
		x.cover = &picture{src: "", file: x.uniqueName("images/cover.png"), id: fmt.Sprintf("img-%03d", len(x.pictures)+1),
			mediaType: "image/png", data: x.drawn}
		x.pictures = append(x.pictures, x.cover)
	}
	x.add(x.coverDoc())
	x.add(x.titleDoc())
	x.add(x.copyrightDoc())
	x.names["nav.xhtml"] = true
	x.names["style.css"] = true
	x.names["content.opf"] = true

	if b.Introduction != nil {
		d := x.editorialDoc("introduction", b.Introduction, x.l.Introduction, "introduction")
		x.add(d)
		x.toc = append(x.toc, tocEntry{label: d.title, href: d.file})
	}

	pub := b.Published()
	current, openers, part := "", 0, -1
	for _, c := range pub {
		if len(b.Sections) > 0 && c.Section != current {
			current = c.Section
			part = -1
			if c.Section != "" {
				openers++
				d := x.sectionDoc(openers, c.Section)
				x.add(d)
				x.toc = append(x.toc, tocEntry{label: d.title, href: d.file})
				part = len(x.toc) - 1
			}
		}
		d := x.contributionDoc(c)
		x.add(d)
		// "Name — Title", as the PDF's table of contents
		e := tocEntry{label: d.title, href: d.file, sub: d.sub, subLang: d.subLang}
		if part >= 0 {
			x.toc[part].children = append(x.toc[part].children, e)
		} else {
			x.toc = append(x.toc, e)
		}
	}

	if b.Afterword != nil {
		d := x.editorialDoc("afterword", b.Afterword, x.l.Afterword, "afterword")
		x.add(d)
		x.toc = append(x.toc, tocEntry{label: d.title, href: d.file})
	}
	// the back matter in the PDF's order
	if len(pub) > 0 {
		d := x.indexDoc()
		x.add(d)
		x.toc = append(x.toc, tocEntry{label: d.title, href: d.file})
		for _, k := range b.Indexes {
			if len(b.IndexBy(k)) > 0 {
				d := x.indexByDoc(k)
				x.add(d)
				x.toc = append(x.toc, tocEntry{label: d.title, href: d.file})
			}
		}
	}
	if len(b.Partners) > 0 {
		d := x.partnersDoc()
		x.add(d)
		x.toc = append(x.toc, tocEntry{label: d.title, href: d.file})
	}
	if len(x.docs) > 3 {
		x.bodyFile = x.docs[3].file
	}
	x.endMarkers()
}

// uniqueName returns name, or name with a number before its extension, so
// that no two files of the EPUB share a name.
func (x *writer) uniqueName(name string) string {
	if !x.names[name] {
		x.names[name] = true
		return name
	}
	stem, ext := name, ""
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		stem, ext = name[:i], name[i:]
	}
	for n := 2; ; n++ {
		c := stem + "-" + fmt.Sprint(n) + ext
		if !x.names[c] {
			x.names[c] = true
			return c
		}
	}
}

// picture returns the image at book-relative path src, copied into the
// EPUB, or nil with a warning about file at pos when it cannot be used.
func (x *writer) picture(src, file string, pos book.Pos) *picture {
	if p, ok := x.bySrc[src]; ok {
		return p
	}
	why, ok := x.failed[src]
	if !ok {
		p, err := x.load(src)
		if err == nil {
			x.bySrc[src] = p
			return p
		}
		why = book.Msg(err.(loadError))
		x.failed[src] = why
	}
	x.diags.Add(file, pos, book.Warning, RuleImageUnreadable,
		book.M("l’image %q n’a pas pu être lue (%s) : elle est laissée de côté dans l’EPUB", "the image %q could not be read (%s): it is left out of the EPUB"), src, why)
	return nil
}

// loadError is why an image cannot go into the EPUB, in French and in
// English.
type loadError book.Msg

func (e loadError) Error() string { return e.Fr }

func (x *writer) load(src string) (*picture, error) {
	if x.files == nil {
		return nil, loadError{"aucun dossier d’images", "no image folder"}
	}
	if !fs.ValidPath(src) {
		return nil, loadError{"chemin invalide", "invalid path"}
	}
	data, err := fs.ReadFile(x.files, src)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, loadError{"fichier introuvable", "file not found"}
		}
		return nil, loadError{"fichier illisible", "file unreadable"}
	}
	mt, ext := sniff(data)
	if mt == "" {
		return nil, loadError{"ni JPEG, ni PNG, ni GIF", "neither JPEG, PNG nor GIF"}
	}
	stem := src
	if i := strings.LastIndexByte(stem, '.'); i > strings.LastIndexByte(stem, '/') {
		stem = stem[:i]
	}
	p := &picture{
		src:       src,
		file:      x.uniqueName("images/" + markup.FileSafe(stem) + ext),
		id:        fmt.Sprintf("img-%03d", len(x.pictures)+1),
		mediaType: mt,
		data:      data,
	}
	x.pictures = append(x.pictures, p)
	return p, nil
}

// sniff returns the media type and file extension of an image from its
// first bytes: JPEG, PNG or GIF, or "" for anything else.
func sniff(data []byte) (mediaType, ext string) {
	switch {
	case len(data) > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF:
		return "image/jpeg", ".jpg"
	case len(data) > 8 && string(data[:8]) == "\x89PNG\r\n\x1a\n":
		return "image/png", ".png"
	case len(data) > 6 && (string(data[:6]) == "GIF87a" || string(data[:6]) == "GIF89a"):
		return "image/gif", ".gif"
	}
	return "", ""
}
