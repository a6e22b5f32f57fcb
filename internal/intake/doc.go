// Package intake turns what contributors send — a Word (.docx) or
// LibreOffice (.odt) document, or a row of an online form's CSV export —
// into contributions: front matter and the Markdown the loader accepts.
// The readers are focused ones on archive/zip and encoding/xml, with
// limits on every size a hostile file could inflate (see archive.go).
package intake

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/recueil/recueil/internal/book"
)

// style is the character formatting kept: italic and bold.
type style uint8

const (
	italic style = 1 << iota
	bold
)

// inline is a piece of a paragraph: text in one style (and link), a
// footnote call, or a line break.
type inline struct {
	text  string
	st    style
	link  string
	note  int  // a footnote call [^note] when > 0
	brk   bool // a line break inside the paragraph
	space bool // text is a run of spaces (tabs, w:tab, text:s)
}

type kind uint8

const (
	para kind = iota
	heading
	quote
	bullet
	number
)

// block is one paragraph of the document.
type block struct {
	kind  kind
	level int // heading level (1 is the highest), list depth (0 is the outermost)
	in    []inline
	n     int    // paragraph number in the document, for findings
	style string // the paragraph style's name, normalised (see styleKey)
}

// image is a picture the document holds.
type image struct {
	part string // its path in the archive
	size uint64
	n    int // the paragraph it is in
}

// finding is a problem met while reading, at a paragraph (0: the whole
// document).
type finding struct {
	n      int
	sev    book.Severity
	code   string
	fr, en string
}

// Doc is a document as read: its properties, paragraphs, notes and
// images, and what could not be converted.
type Doc struct {
	Title, Creator string
	blocks         []block
	notes          [][]inline // notes[i] is footnote i+1
	images         []image
	findings       []finding
	archive        *archive
}

func (d *Doc) add(n int, sev book.Severity, code, fr, en string) {
	d.findings = append(d.findings, finding{n: n, sev: sev, code: code, fr: fr, en: en})
}

// styleKey normalises a style name for comparison: "Heading 2",
// "heading2", "Heading_20_2" and "Titre 2" compare by letters and digits.
func styleKey(s string) string {
	s = strings.ReplaceAll(s, "_20_", "")
	var b strings.Builder
	for _, r := range strings.ToLower(book.FoldAccents(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headingLevel is the level of a heading style ("heading 2", "titre 2"),
// or 0.
func headingLevel(key string) int {
	for _, p := range []string{"heading", "titre", "berschrift"} {
		if rest, ok := strings.CutPrefix(key, p); ok && len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
			return int(rest[0] - '0')
		}
	}
	return 0
}

// quoteStyle reports the styles of a quotation paragraph, in Word's,
// LibreOffice's and pandoc's names, English and French.
func quoteStyle(key string) bool {
	switch key {
	case "quote", "intensequote", "blocktext", "quotations", "quotation", "citation", "citations", "citationintense", "textedebloc":
		return true
	}
	return false
}

// titleStyle and authorStyle are the styles of the document's title and
// author lines.
func titleStyle(key string) bool  { return key == "title" || key == "titre" }
func authorStyle(key string) bool { return key == "author" || key == "auteur" }

// tocStyle reports the styles of a table of contents' entries ("TOC 1",
// "Contents 2", "Table des matières 1").
func tocStyle(key string) bool {
	for _, p := range []string{"toc", "contents", "tabledesmatieres", "verzeichnis"} {
		if rest, ok := strings.CutPrefix(key, p); ok && len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
			return true
		}
	}
	return false
}

// plain is the text of inlines, without the notes.
func plain(in []inline) string {
	var b strings.Builder
	for _, x := range in {
		switch {
		case x.brk:
			b.WriteByte(' ')
		case x.note == 0:
			b.WriteString(x.text)
		}
	}
	return oneLine(b.String())
}

// oneLine collapses every run of white space (tabs, line ends) into one
// space, keeping no-break spaces, and trims the ends.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f'
	}), " ")
}

// finish applies what every reader needs once the paragraphs are read:
// the title and author lines become the front matter's title and name
// when the properties lack them (and are dropped when they repeat them),
// empty paragraphs go.
func (d *Doc) finish() {
	var out []block
	toc := 0
	for _, b := range d.blocks {
		text := plain(b.in)
		if text == "" {
			continue
		}
		if tocStyle(b.style) {
			// A table of contents Word or LibreOffice made: the book makes its own.
			if toc == 0 {
				toc = b.n
				d.add(b.n, book.Info, "import-unsupported", "paragraphe "+strconv.Itoa(b.n)+" : la table des matières du document est laissée de côté : le livre fait la sienne",
					"paragraph "+strconv.Itoa(b.n)+": the document's table of contents is left out: the book makes its own")
			}
			continue
		}
		switch {
		case titleStyle(b.style):
			if d.Title == "" {
				d.Title = text
			}
			if d.Title == text {
				continue
			}
			b.kind, b.level = heading, 1
		case authorStyle(b.style):
			if d.Creator == "" {
				d.Creator = text
			}
			if d.Creator == text {
				continue
			}
		}
		out = append(out, b)
	}
	d.blocks = out
}
