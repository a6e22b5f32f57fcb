package book

import (
	"crypto/sha1"
	"fmt"
)

// Contribution is one contributor's file, loaded.
type Contribution struct {
	Path string // book-relative, slash-separated: contributions/<slug>.md
	Slug string // file name without .md

	Name         string
	SortAs       string // as written in the front matter; see SortKey
	Role         string
	Organization string
	Handle       string // with its leading @: X, Mastodon or Bluesky (see Handle)
	City         string
	// Lang is the language the text is written in, when it is not the
	// book's (a mixed book): its hyphenation, typography and lang
	// attributes; "" for the book's. A well-formed BCP 47 tag.
	Lang     string
	Links    []string
	LinkedIn string // a LinkedIn profile address (linkedin.com/in/…)
	Photo    string // book-relative path of the photo, "" when none
	PhotoAlt string // what the photo shows, for readers who cannot see it ("" : "Portrait of <name>")
	Title    string
	Extract  string
	Section  string
	Date     string // optional YYYY-MM-DD, used by order: date
	Draft    bool

	Body  []Block
	Notes []Note // footnotes, by number
	Words int

	// Fields maps each front-matter key to the position of its value, so that
	// later checks can point at the line that needs changing.
	Fields   map[string]Pos
	BodyLine int // line of the first body line
}

// CoverAltText is the alternative text of the book's cover image: book.yaml's
// cover_alt, else "Cover: <title>" in the book's words.
func (b *Book) CoverAltText() string {
	if b.CoverAlt != "" {
		return b.CoverAlt
	}
	l := b.Locale()
	return l.Colon(l.Cover) + b.Title
}

// PortraitAlt is the alternative text of the contributor's photo: the
// front matter's photo_alt, else "Portrait of <name>" in l's words.
func (c *Contribution) PortraitAlt(l Labels) string {
	if c.PhotoAlt != "" {
		return c.PhotoAlt
	}
	return l.Portrait(c.Name)
}

// FieldPos returns where a front-matter key is, or the top of the file.
func (c *Contribution) FieldPos(key string) Pos {
	if p, ok := c.Fields[key]; ok {
		return p
	}
	return Pos{Line: 1, Col: 1}
}

// Partner is a sponsor named in book.yaml.
type Partner struct {
	Name string
	Logo string // book-relative path
	URL  string
}

// Limits bounds each contribution.
type Limits struct {
	MinWords     int
	MaxWords     int
	ExtractChars int
	PhotoBytes   int64 // largest accepted photo file
}

// Page is the PDF page design.
type Page struct {
	Size     string  // A5, A4, B5, letter, or "WxH" in mm
	Width    float64 // mm, resolved from Size
	Height   float64 // mm
	Margins  Margins // mm
	FontSize float64 // pt, body text
	Recto    bool    // contributions start on a right-hand page
	Indent   bool    // French first-line indent instead of block paragraphs
	// RoundTo is the multiple the page count is rounded up to with blank
	// pages before the last one, as a printer binds sheets folded in 4
	// pages (or 8, 16, 32); 1 adds none (a book only read on screen).
	RoundTo int
}

// BackCover is the book's last page: a short text, the partners' logos,
// the book's address and its QR code.
type BackCover struct {
	Text string // paragraphs separated by a blank line
	URL  string // book.yaml's url unless back_cover gives its own
}

// Margins in millimetres.
type Margins struct {
	Top, Bottom, Inner, Outer float64
}

// Fonts names the fonts: "builtin" (Liberation) or paths to TrueType files.
type Fonts struct {
	Serif, Sans string
}

// Cards is the look of the share cards.
type Cards struct {
	Background string // #rrggbb
	Accent     string // #rrggbb
	Text       string // #rrggbb
	Logo       string // book-relative path
}

// Editorial is one of the editor's own texts.
type Editorial struct {
	Path  string
	Title string
	Body  []Block
	Notes []Note // footnotes, by number
}

// Book is book.yaml, resolved, with the editor's texts loaded.
type Book struct {
	Root string // directory holding book.yaml (not written to any output)

	Title      string
	Subtitle   string
	Editors    []string
	Publisher  string
	Language   string // default fr
	Identifier string
	Edition    string
	Date       string // YYYY-MM-DD, resolved: book.yaml, SOURCE_DATE_EPOCH, last commit
	Version    string // version of the sources (git describe), "" when unknown
	License    string
	// The copyright page of a printed book: its ISBN (checked), the legal
	// deposit ("décembre 2026") and the printer's line ("Achevé d’imprimer
	// en janvier 2027 par …"), each printed only when given.
	ISBN, LegalDeposit, Printer string
	// PaperMM is the thickness of one sheet (a leaf: two pages) of the
	// printed book's paper, in millimetres: book.yaml's
	// print.paper_thickness_mm, 0.1 by default (80 g/m² offset paper). The
	// cover spread's spine is pages/2 × PaperMM wide.
	PaperMM   float64
	URL       string
	Hashtag   string
	Cover     string
	BackCover *BackCover // nil: no back cover
	CoverAlt  string     // what the cover image shows ("" : "Cover: <title>")

	Introduction *Editorial
	Afterword    *Editorial
	Partners     []Partner
	Sections     []string
	// Indexes are the indexes book.yaml asks for besides the
	// contributors': IndexByOrganization, IndexByCity, in its order.
	Indexes     []string
	Order       string // surname | manual | date | title
	Manual      []string
	Limits      Limits
	Page        Page
	Fonts       Fonts
	Cards       Cards
	Hyphenation []string // exceptions, e.g. "Lyon-nais" or "recueil" (no break)
	// Quotes is the house style of the book's quotation marks (book.yaml's
	// quotes: "» « › ‹"), for the texts in the book's language; zero: the
	// language's own.
	Quotes [2][2]rune
	// SortParticles is book.yaml's sort_particles: "ignore" (a lowercase
	// particle is not sorted on), "keep" (it is), "" (the language's usage).
	SortParticles string
	// Emoji is book.yaml's emoji: "remove" (the default: a finding per
	// emoji, which check --fix takes out) or "keep" (drawn in the PDF and
	// on the cards from the bundled monochrome emoji font).
	Emoji string

	// Fields maps each book.yaml key (dotted for nested ones: "cards.logo",
	// "partners.2.logo") to the position of its value.
	Fields map[string]Pos

	Contributions []*Contribution // every loaded file, drafts included, in book order after Sort()
}

// FieldPos returns where a book.yaml key is, or the top of the file.
func (b *Book) FieldPos(key string) Pos {
	if p, ok := b.Fields[key]; ok {
		return p
	}
	return Pos{Line: 1, Col: 1}
}

// Defaults returns the settings used when book.yaml is silent.
func Defaults() Book {
	return Book{
		Language: "fr",
		Order:    "surname",
		Emoji:    "remove",
		Limits:   Limits{MinWords: 80, MaxWords: 900, ExtractChars: 280, PhotoBytes: 5 << 20},
		Page: Page{Size: "A5", Width: 148, Height: 210,
			Margins:  Margins{Top: 18, Bottom: 20, Inner: 18, Outer: 15},
			FontSize: 10.5, Indent: true, RoundTo: 4},
		Fonts:   Fonts{Serif: "builtin", Sans: "builtin"},
		Cards:   Cards{Background: "#1f2a44", Accent: "#e8b04b", Text: "#ffffff"},
		PaperMM: 0.1,
	}
}

// Published returns the contributions that go into the book (drafts left out),
// in the current order.
func (b *Book) Published() []*Contribution {
	var out []*Contribution
	for _, c := range b.Contributions {
		if !c.Draft {
			out = append(out, c)
		}
	}
	return out
}

// DerivedIdentifier is the identifier used when book.yaml has none: a
// name-based UUID (version 5 layout) from the title, so it never changes
// between builds.
func DerivedIdentifier(title string) string {
	h := sha1.Sum([]byte("recueil:" + title))
	h[6] = (h[6] & 0x0f) | 0x50
	h[8] = (h[8] & 0x3f) | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// KeepEmoji reports whether book.yaml's emoji: keep asks for the emoji to
// be drawn in the PDF and on the cards (from fonts.Emoji) rather than
// reported for removal.
func (b *Book) KeepEmoji() bool { return b.Emoji == "keep" }
