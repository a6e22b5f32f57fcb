// Package typeset turns a book into laid-out pages: the cover, the front
// matter, the contributions, the editor's texts, the index. It decides
// everything the PDF shows; the PDF writer only draws it.
package typeset

import (
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // photos
	_ "image/png"  // photos and logos
	"strconv"
	"strings"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/internal/typo"
	"github.com/recueil/recueil/layout"
)

// EntryKind is the kind of a table-of-contents entry.
type EntryKind uint8

const (
	EntryContents EntryKind = iota
	EntryIntroduction
	EntrySection
	EntryContribution
	EntryAfterword
	EntryIndex
	EntryPartners
	// EntryFullContents is the whole contents of a large book, after a
	// short one listing its parts.
	EntryFullContents
	// EntryIndexBy is an optional index, by organisation or by city.
	EntryIndexBy
)

// Entry is a table-of-contents and outline entry.
type Entry struct {
	Kind   EntryKind
	Title  string // as shown in the outline
	Level  int    // outline level: contributions nest under their section
	Anchor string // named destination
	Page   int    // folio where it starts
	Slug   string // contributions only
}

// PageRange is where a contribution is printed.
type PageRange struct {
	Slug        string
	First, Last int // folios
}

// Result is a typeset book.
type Result struct {
	Doc           *layout.Document
	Fonts         *fonts.Set
	Entries       []Entry
	Contributions []PageRange // every published contribution, in book order
	// Layout is what the typesetter measured of its own pages.
	Layout LayoutReport

	b     *book.Book
	kinds []pageKind       // by page index
	heads []layout.Element // by page index: the running head's box (W 0 when none)
	// colophon is the structure node of what an offprint adds (a
	// paragraph under the root, empty in the book)
	colophon int
	// coverText and coverFig are the structure nodes of an offprint's
	// cover page (OffprintCover): its texts, its reduced cover
	coverText, coverFig int
	// Breaks say where each page starts, for the EPUB's page list.
	Breaks []book.PageStart
}

// Faces returns the face table the document's elements index into.
func (r *Result) Faces() []layout.Face { return faceTable(r.Fonts) }

func faceTable(s *fonts.Set) []layout.Face {
	t := make([]layout.Face, fonts.NumFaces, fonts.NumFaces+1)
	for i := range t {
		t[i] = s.Faces[i]
	}
	if e, err := fonts.Emoji(); err == nil {
		t = append(t, e) // at fonts.EmojiID
	}
	return t
}

// Anchor names.
func contribAnchor(slug string) string { return "c:" + slug }
func sectionAnchor(i int) string       { return "s:" + strconv.Itoa(i) }

// Typeset lays out the whole book. The diagnostics are warnings about what
// the typesetter had to change (a character missing from the font...).
func Typeset(b *book.Book) (*Result, book.Diagnostics, error) { return TypesetWith(b, nil) }

// TypesetWith is Typeset keeping the typography of each text in memo, for
// the run's other writers (nil: none kept).
func TypesetWith(b *book.Book, memo *typo.Memo) (*Result, book.Diagnostics, error) {
	set, err := fonts.LoadFS(b.Files(), b.Fonts.Serif, b.Fonts.Sans)
	if err != nil {
		return nil, nil, err
	}
	t := newTypesetter(b, set)
	t.memo = memo
	t.book()
	res := &Result{Doc: t.doc, Fonts: set, Entries: t.entries, Contributions: t.ranges,
		b: b, kinds: t.kinds, heads: t.headBoxes, colophon: t.colophonNode, coverText: t.coverTextNode, coverFig: t.coverFigNode, Breaks: t.breaks, Layout: t.report}
	anchors := t.doc.Anchors()
	for i := range res.Entries {
		res.Entries[i].Page = anchors[res.Entries[i].Anchor].Page
	}
	// The contents and the index reserve a column for page numbers, so
	// their length does not depend on the numbers: they are written in
	// once every page is known, instead of typesetting the book twice.
	t.fillPageNumbers(anchors)
	diags := t.diags
	diags.Sort()
	return res, diags, nil
}

// design is the book's typographic scale, derived from the page settings.
type design struct {
	size, leading   layout.Unit // body
	small, smallLd  layout.Unit
	indent          layout.Unit
	top, bottom     layout.Unit
	inner, outer    layout.Unit
	width, height   layout.Unit
	measure, textH  layout.Unit
	accent, gray    layout.Color
	accentText      layout.Color // the accent made dark enough for text on the page (4.5:1)
	ink, soft, link layout.Color
}

func newDesign(b *book.Book) design {
	p := b.Page
	w, h := p.Width, p.Height
	if w <= 0 || h <= 0 {
		w, h = 148, 210
	}
	fs := p.FontSize
	if fs <= 0 {
		fs = 10.5
	}
	m := p.Margins
	if m.Top <= 0 && m.Bottom <= 0 && m.Inner <= 0 && m.Outer <= 0 {
		m = book.Margins{Top: 18, Bottom: 20, Inner: 18, Outer: 15}
	}
	d := design{
		size: layout.Pt(fs), leading: layout.Pt(fs * 1.32),
		small: layout.Pt(fs * 0.86), smallLd: layout.Pt(fs * 0.86 * 1.3),
		indent: layout.Pt(fs * 1.5),
		top:    layout.Mm(m.Top), bottom: layout.Mm(m.Bottom),
		inner: layout.Mm(m.Inner), outer: layout.Mm(m.Outer),
		width: layout.Mm(w), height: layout.Mm(h),
		accent: parseColor(b.Cards.Accent, layout.Color{R: 0xb0, G: 0x6a, B: 0x1c}),
		gray:   layout.Color{R: 0x6b, G: 0x6b, B: 0x6b},
		ink:    layout.Color{R: 0x1a, G: 0x1a, B: 0x1a},
		soft:   layout.Color{R: 0x44, G: 0x44, B: 0x44},
		link:   layout.Color{R: 0x1f, G: 0x3f, B: 0x6f},
	}
	d.accentText = readable(d.accent, layout.Color{R: 0xff, G: 0xff, B: 0xff}, 4.5)
	d.measure = d.width - d.inner - d.outer
	d.textH = d.height - d.top - d.bottom
	return d
}

// readable is c darkened, if need be, until its contrast against bg is at
// least min (WCAG 2's ratio): the cards' gold accent is 1.9:1 on white
// paper, too pale for a handle or a heading set in it.
func readable(c, bg layout.Color, min float64) layout.Color {
	for k := 0; k <= 100; k++ {
		f := 1 - float64(k)/100
		d := layout.Color{R: uint8(float64(c.R) * f), G: uint8(float64(c.G) * f), B: uint8(float64(c.B) * f)}
		if layout.Contrast(d, bg) >= min {
			return d
		}
	}
	return layout.Color{}
}

func parseColor(s string, def layout.Color) layout.Color {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return def
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return def
	}
	return layout.Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v)}
}

// pageKind says what decorates a page.
type pageKind uint8

const (
	plainPage   pageKind = iota // no running head, no folio (cover, title, blank)
	openingPage                 // folio only
	normalPage                  // running head and folio
)

type typesetter struct {
	memo    *typo.Memo // the typography of each text, shared with the other writers; nil: none
	b       *book.Book
	set     *fonts.Set
	faces   []layout.Face
	d       design
	lang    string // the book's BCP 47 tag, for the typographer
	loc     book.Locale
	doc     *layout.Document
	flow    *layout.Flow
	entries []Entry
	ranges  []PageRange
	diags   book.Diagnostics
	seen    map[string]bool // glyph-missing findings already reported
	hy      layout.Hyphenator
	hys     map[string]layout.Hyphenator // by language, for the texts of a mixed book; nil: none for it
	bySlug  map[string]*book.Contribution
	locales map[string]book.Locale // by BCP 47 tag, for the superscripts of each language

	kinds     []pageKind // by page index
	heads     []string
	headBoxes []layout.Element // by page index, filled by decorate
	nextKind  pageKind         // kind of the pages the flow starts
	head      string           // running head of the recto pages started

	// where findings about the text being set point
	file string
	line int

	notes *layout.Notes // the footnotes of the text being set

	colophonNode  int // see Result.colophon
	coverTextNode int // see Result.coverText
	coverFigNode  int
	breaks        []book.PageStart
	part          string // see PageStart
	fresh         bool   // newPage is starting a part's first page
	level, hmin   int    // the heading level of a text's highest headings (3 under a title), and their Markdown level
	report        LayoutReport
	fitting       bool                    // a contribution is being laid out (its paragraphs are recorded)
	paras         []para                  // the paragraphs of the contribution being set, in order
	loose         map[*book.Block]int     // looseness asked of a paragraph
	seenLog       []string                // keys added to seen since the contribution started
	textTop       layout.Unit             // where the text of the contribution being set starts (page coordinates)
	textPage      int                     // and on which folio (0: not yet)
	snapped       bool                    // its first text line was put on the grid
	short         map[int]layout.Unit     // by folio: the frame height of a page of it run short
	setCache      map[*book.Block]setPara // its paragraphs as set, for the next layout of it
	looseTol      int                     // the badness limit of its paragraphs set a line tighter or looser (0: the tolerance)
}

func newTypesetter(b *book.Book, set *fonts.Set) *typesetter {
	d := newDesign(b)
	loc := b.Locale()
	t := &typesetter{b: b, set: set, faces: faceTable(set), d: d, loc: loc, lang: loc.Tag.String(), seen: map[string]bool{}}
	t.doc = &layout.Document{Width: d.width, Height: d.height, Struct: &layout.Structure{}}
	t.doc.Struct.Open(layout.Node{Role: layout.RoleDocument, Lang: loc.Tag.String()})
	t.flow = &layout.Flow{Doc: t.doc, Start: t.startPage, Report: t.flowIssue,
		Foot: layout.Foot{Above: d.leading * 3 / 4, Below: d.smallLd / 3, Rule: d.measure / 4, Thick: layout.Pt(0.5), Color: d.soft}}
	// TeX's patterns for the book's language, when recueil has them, with
	// book.yaml's exceptions; a bad entry is reported and the others apply.
	if h, ok, err := layout.ForLanguage(loc.Tag.String(), b.Hyphenation); ok {
		if err != nil {
			t.diags.Add("book.yaml", b.FieldPos("hyphenation"), book.Warning, "hyphenation-exception", exceptionMsg(err))
		}
		t.hy = layout.Memo(h)
	}
	t.hys = map[string]layout.Hyphenator{t.lang: t.hy}
	return t
}

// inLanguage sets what follows in lang (a contribution of a mixed book
// written in another language than the book's): its typography and its
// hyphenation. It returns the function that sets the book's back.
func (t *typesetter) inLanguage(lang string) (restore func()) {
	if lang == "" || lang == t.lang {
		return func() {}
	}
	was, wasHy := t.lang, t.hy
	h, ok := t.hys[lang]
	if !ok {
		if l, found, _ := layout.ForLanguage(lang, t.b.Hyphenation); found {
			h = layout.Memo(l)
		}
		t.hys[lang] = h
	}
	t.lang, t.hy = lang, h
	return func() { t.lang, t.hy = was, wasHy }
}

// flowIssue reports a widow or an orphan the page breaking could not avoid.
func (t *typesetter) flowIssue(is layout.Issue, p *layout.Page) {
	key := fmt.Sprintf("flow\x00%s\x00%d\x00%d", t.file, t.line, is)
	if is == layout.HyphenTurn {
		t.report.HyphenTurns = append(t.report.HyphenTurns, Fault{File: t.fileOr(), Line: t.line, Page: p.Number})
	}
	if t.seen[key] {
		return
	}
	t.see(key)
	switch is {
	case layout.Widow:
		t.diags.Add(t.fileOr(), book.Pos{Line: t.line}, book.Warning, "widow",
			book.M("la dernière ligne d’un paragraphe se retrouve seule en haut de la page %d : raccourcir ou allonger un peu le texte l’évite", "the last line of a paragraph is left alone at the top of page %d: making the text a little shorter or longer avoids it"), p.Number+1)
	case layout.Orphan:
		t.diags.Add(t.fileOr(), book.Pos{Line: t.line}, book.Warning, "orphan",
			book.M("la première ligne d’un paragraphe se retrouve seule en bas de la page %d : raccourcir ou allonger un peu le texte l’évite", "the first line of a paragraph is left alone at the foot of page %d: making the text a little shorter or longer avoids it"), p.Number)
	case layout.HyphenTurn:
		t.diags.Add(t.fileOr(), book.Pos{Line: t.line}, book.Warning, "hyphen-page-turn",
			book.M("un mot coupé en fin de page %d se termine à la page suivante : raccourcir ou allonger un peu le paragraphe l’évite",
				"a word hyphenated at the foot of page %d ends on the next page: making the paragraph a little shorter or longer avoids it"), p.Number)
	}
}

func (t *typesetter) startPage(p *layout.Page) layout.Frame {
	line := t.line
	if t.fresh {
		line = 0 // a page the part starts on: its beginning
	}
	t.breaks = append(t.breaks, book.PageStart{Page: p.Number, Part: t.part, Line: line})
	t.kinds = append(t.kinds, t.nextKind)
	t.heads = append(t.heads, t.head)
	t.nextKind = normalPage
	x := t.d.inner
	if p.Verso() {
		x = t.d.outer
	}
	h := t.d.textH
	if s, ok := t.short[p.Number]; ok {
		h = s
	}
	return layout.Frame{X: x, Y: t.d.top, W: t.d.measure, H: h}
}

// newPage starts a page of the given kind; recto forces a right-hand page,
// leaving a blank verso when needed.
func (t *typesetter) newPage(kind pageKind, recto bool) *layout.Page {
	t.fresh = true
	defer func() { t.fresh = false }()
	if recto && len(t.doc.Pages)%2 == 1 { // the next page would be a verso
		t.nextKind = plainPage
		t.flow.NewPage()
	}
	t.nextKind = kind
	return t.flow.NewPage()
}

// at says which part of the book the pages started from now belong to
// (see book.PageStart).
func (t *typesetter) at(part string) { t.part = part }

func (t *typesetter) typo(s string) string { return typo.StringIn(t.b.TypographyOf(t.lang), s) }

// path is what an image element draws: the book-relative path, read
// through book.Files by the writers.
func (t *typesetter) path(rel string) string { return rel }

// imageSize reads an image's pixel size; ok is false when it cannot be read.
func (t *typesetter) imageSize(rel string) (w, h int, ok bool) {
	f, err := t.b.Files().Open(rel)
	if err != nil {
		return 0, 0, false
	}
	defer f.Close()
	c, _, err := image.DecodeConfig(f)
	if err != nil || c.Width <= 0 || c.Height <= 0 {
		return 0, 0, false
	}
	return c.Width, c.Height, true
}

func (t *typesetter) warnImage(rel string) {
	key := "img\x00" + t.file + rel
	if t.seen[key] {
		return
	}
	t.see(key)
	file := t.file
	if file == "" {
		file = rel
	}
	t.diags.Add(file, book.Pos{Line: t.line}, book.Warning, "image-unreadable",
		book.M("l’image %s n’a pas pu être lue : elle est omise du PDF", "the image %s could not be read: it is left out of the PDF"), rel)
}

// clean replaces the characters the face lacks, reporting each once.
func (t *typesetter) clean(s string, face fonts.ID) string {
	f := t.set.Face(face)
	ok := true
	for _, r := range s {
		if (!f.Has(r) || book.EmojiJoiner(r)) && !isSpace(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var sb strings.Builder
	for _, r := range s {
		if book.EmojiJoiner(r) {
			continue // it joins or styles emoji, which are left out
		}
		if f.Has(r) || isSpace(r) {
			sb.WriteRune(r)
			continue
		}
		if r == '\u00ad' || r == '\u200b' {
			continue // invisible: soft hyphen, zero-width space, emoji joiners
		}
		key := fmt.Sprintf("%s\x00%d\x00%d", t.file, t.line, r)
		report := !t.seen[key]
		t.see(key)
		file := t.file
		if file == "" {
			file = "book.yaml"
		}
		if book.IsEmoji(r) { // left out, never a "?"
			if report && t.keepEmoji() {
				t.diags.Add(file, book.Pos{Line: t.line}, book.Warning, "emoji",
					book.M("l’émoji « %c » n’est pas dessiné ici (titre courant, signet, intertitre) : avec emoji: keep, les textes, les noms et les fonctions le dessinent ; l’EPUB et le site le gardent",
						"the emoji “%c” is not drawn here (a running head, a bookmark, a heading): with emoji: keep, the texts, the names and roles draw it; the EPUB and the site keep it"), r)
				report = false
			}
			if report {
				t.diags.Add(file, book.Pos{Line: t.line}, book.Warning, "emoji",
					book.M("l’émoji « %c » ne s’imprime pas dans le PDF (la police du livre n’en a pas) : il en est retiré ; l’EPUB et le site le gardent", "the emoji “%c” does not print in the PDF (the book's font does not have it): it is left out there; the EPUB and the site keep it"), r)
			}
			continue
		}
		if report {
			t.diags.Add(file, book.Pos{Line: t.line}, book.Warning, "glyph-missing",
				book.M("le caractère « %c » (U+%04X) n’existe pas dans la police du livre : il est remplacé par « ? » dans le PDF", "the character “%c” (U+%04X) does not exist in the book's font: it is replaced by “?” in the PDF"), r, r)
		}
		sb.WriteByte('?')
	}
	return sb.String()
}

// see marks a finding as reported, noting it so that a contribution set
// again (setLoose) can report it again.
func (t *typesetter) see(key string) {
	if !t.seen[key] {
		t.seen[key] = true
		t.seenLog = append(t.seenLog, key)
	}
}

// msg is the French or the English text of a finding, by the book's language.
func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// exceptionMsg is what ForLanguage says of book.yaml's hyphenation
// exceptions, in French and in English, one line per exception.
func exceptionMsg(err error) book.Msg {
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	var fr, en []string
	for _, e := range errs {
		var x *layout.ExceptionError
		if errors.As(e, &x) {
			fr, en = append(fr, x.Fr), append(en, x.En)
		} else {
			fr, en = append(fr, e.Error()), append(en, e.Error())
		}
	}
	return book.Msg{Fr: strings.Join(fr, "\n"), En: strings.Join(en, "\n")}
}
