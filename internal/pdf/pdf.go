// Package pdf draws a typeset book with fpdf. It decides nothing about the
// layout: every text run, image, rule and link is drawn where the typesetter
// put it.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/internal/imaging"
	"github.com/recueil/recueil/internal/typeset"
	"github.com/recueil/recueil/layout"
)

// Write draws the whole book.
func Write(w io.Writer, r *typeset.Result, b *book.Book) error {
	return WriteReady(w, r, b, nil)
}

// WriteReady is Write with images already made ready (imaging.Normalize at the
// PrintSides of r.Doc), by path; the others are made ready as they are
// drawn.
func WriteReady(w io.Writer, r *typeset.Result, b *book.Book, ready map[string]imaging.Image) error {
	if r.Doc == nil || r.Fonts == nil {
		return errors.New("nothing typeset")
	}
	return write(w, r, r.Doc, b, b.Title, ready)
}

// WritePages draws an offprint: the pages whose folios are first..last,
// each exactly as in the whole book (same typesetting, same page numbers),
// with a colophon strip on the first page saying where they come from and
// links leading outside them pointing at the book's URL (see
// typeset.Result.Offprint). When the range is a contribution's, the PDF is
// titled "Name — Book title".
func WritePages(w io.Writer, r *typeset.Result, b *book.Book, first, last int) error {
	if r.Doc == nil || r.Fonts == nil {
		return errors.New("nothing typeset")
	}
	doc, err := r.Offprint(first, last)
	if err != nil {
		return err
	}
	return write(w, r, doc, b, offprintTitle(r, b, first, last), nil)
}

// offprintTitle is "Name — Book title" when first..last is a
// contribution's range, else the book's title.
func offprintTitle(r *typeset.Result, b *book.Book, first, last int) string {
	for _, pr := range r.Contributions {
		if pr.First == first && pr.Last == last {
			for _, c := range b.Published() {
				if c.Slug == pr.Slug {
					return c.Name + " — " + b.Title
				}
			}
			break
		}
	}
	return b.Title
}

// addFace embeds a face in f, trimmed to the characters drawn with it
// (parsing a whole font costs milliseconds).
func addFace(f *fpdf.Fpdf, ff *fonts.Face, runes []rune) {
	ttf, err := ff.Trim(runes)
	if err != nil {
		ttf = ff.TTF
	}
	f.AddUTF8FontFromBytes(ff.Name, ff.Style, ttf)
}

func pt(u layout.Unit) float64 { return u.Points() }

// bmp drops what fpdf cannot encode (runes above U+FFFF make it panic),
// with the joiners and selectors of the emoji among them and the space
// an emoji leaves doubled: a bookmark or the document's title reads
// "Léa Œillet" for "Léa 🌸 Œillet", never "Léa ? Œillet".
func bmp(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r > 0xFFFF }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r > 0xFFFF || book.EmojiJoiner(r) {
			continue
		}
		if r == ' ' && strings.HasSuffix(b.String(), " ") {
			continue
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

func bookDate(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.UTC()
}

// write draws doc, whose elements index r's faces.
func write(w io.Writer, r *typeset.Result, doc *layout.Document, b *book.Book, title string, ready map[string]imaging.Image) error {
	return writeEdition(w, r, doc, b, title, ready, edition{})
}

// writeEdition is write for the screen edition or, with ed.print, the
// print edition (see print.go).
func writeEdition(w io.Writer, r *typeset.Result, doc *layout.Document, b *book.Book, title string, ready map[string]imaging.Image, ed edition) error {
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: pt(doc.Width), Ht: pt(doc.Height)}})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCatalogSort(true)
	f.SetCompression(false) // the finisher compresses the pages, in parallel
	date := bookDate(b.Date)
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	f.SetTitle(bmp(title), true)
	f.SetAuthor(bmp(strings.Join(b.Editors, ", ")), true)
	f.SetSubject(bmp(b.Subtitle), true)
	if b.Hashtag != "" {
		f.SetKeywords(bmp(b.Hashtag), true)
	}
	f.SetCreator("recueil", true)
	f.SetProducer("recueil", true)
	f.SetLang(b.Locale().Tag.String())
	f.SetDisplayMode("real", "TwoPageRight")

	if len(doc.Pages) == 0 {
		return errors.New("no page")
	}
	// internal links, resolved before drawing (they may point forward)
	links := map[string]int{}
	for i, p := range doc.Pages {
		fp := i + 1 // fpdf's page number
		for _, a := range p.Anchors {
			if _, dup := links[a.Name]; dup {
				continue
			}
			id := f.AddLink()
			f.SetLink(id, pt(a.Y), fp)
			links[a.Name] = id
		}
	}

	d := &drawer{f: f, r: r, ed: ed, doc: doc, images: newImages(f, b.Files(), PrintSides(doc), ready), runes: runesByFace(doc)}
	if ed.spine != nil {
		d.addRunes(int(fonts.SansBold), ed.spine.text)
	}
	levels := outlineLevels(doc)
	for _, p := range doc.Pages {
		f.AddPage()
		d.font = -1
		for _, o := range p.Outline {
			d.setFont(int(fonts.Serif), layout.PT)
			f.Bookmark(bmp(o.Title), levels[0], pt(o.Y))
			levels = levels[1:]
		}
		m := markPage(p.Elements, len(p.Elements))
		open := -1
		for i, e := range p.Elements {
			if s := m.of[i]; s >= 0 && s != open {
				if open >= 0 {
					f.RawWriteStr("EMC")
				}
				f.RawWriteStr(strings.TrimSuffix(m.open(s, doc.Struct), "\n"))
				open = s
			}
			if m.of[i] >= 0 && spaced(p.Elements, i) {
				e.Text += " "
			}
			d.draw(e, links)
		}
		if open >= 0 {
			f.RawWriteStr("EMC")
		}
		if ed.spine != nil {
			d.drawSpine(ed.spine, ed.off, ed.trimH)
		}
		if err := f.Error(); err != nil {
			return fmt.Errorf("page %d: %w", p.Number, err)
		}
		if d.err != nil {
			return fmt.Errorf("page %d: %w", p.Number, d.err)
		}
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return err
	}
	if err := f.Error(); err != nil {
		return err
	}
	pages := make([]finishPage, len(doc.Pages))
	for i, p := range doc.Pages {
		pages[i] = finishPage{els: p.Elements, split: len(p.Elements)}
	}
	m := bookMeta(b, title)
	if ed.print {
		m.intent = sRGB
		m.trim, m.bleed = ed.box(ed.off), ed.box(ed.off-Bleed)
	}
	data, err := finish(buf.Bytes(), doc.Struct, pages, pt(doc.Height), fontNames(r.Fonts), m)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// bookMeta is the XMP metadata of the book, or of an offprint titled
// title.
func bookMeta(b *book.Book, title string) meta {
	return meta{title: title, subject: b.Subtitle, keywords: b.Hashtag, creators: b.Editors,
		lang: b.Locale().Tag.String(), date: bookDate(b.Date)}
}

// outlineLevels are the levels of doc's bookmarks, in order, as fpdf
// needs them: the first at 0 and none more than one below the one before
// it. An offprint's first bookmark may be a contribution (level 1) whose
// section is in another part of the book: fpdf would make it its own
// parent.
func outlineLevels(doc *layout.Document) []int {
	var out []int
	shift := -1
	for _, p := range doc.Pages {
		for _, o := range p.Outline {
			if shift < 0 {
				shift = o.Level
			}
			l := max(0, o.Level-shift)
			if len(out) > 0 {
				l = min(l, out[len(out)-1]+1)
			} else {
				l = 0
			}
			out = append(out, l)
		}
	}
	return out
}

type drawer struct {
	f      *fpdf.Fpdf
	r      *typeset.Result
	font   int
	added  [fonts.NumFaces]bool
	runes  [fonts.NumFaces][]rune // what each face draws
	size   layout.Unit
	color  layout.Color
	images *images
	ed     edition
	doc    *layout.Document
	err    error // the first error met while drawing
}

// runesByFace lists the characters each face draws in doc, for the fonts
// embedded (see fonts.Face.Trim).
func runesByFace(doc *layout.Document) [fonts.NumFaces][]rune {
	var seen [fonts.NumFaces][]uint64
	var out [fonts.NumFaces][]rune
	// the space that follows words (see spaced)
	for f := range out {
		seen[f] = make([]uint64, 1024)
		seen[f][0] |= 1 << ' '
		out[f] = []rune{' '}
	}
	for _, p := range doc.Pages {
		for _, e := range p.Elements {
			if e.Kind != layout.TextElement || e.Face < 0 || e.Face >= int(fonts.NumFaces) {
				continue
			}
			if seen[e.Face] == nil {
				seen[e.Face] = make([]uint64, 1024)
			}
			for _, r := range e.Text {
				if r < 0 || r > 0xFFFF {
					continue
				}
				if w, bit := r/64, uint64(1)<<(r%64); seen[e.Face][w]&bit == 0 {
					seen[e.Face][w] |= bit
					out[e.Face] = append(out[e.Face], r)
				}
			}
		}
	}
	return out
}

// addRunes adds the characters of s to those face draws.
func (d *drawer) addRunes(face int, s string) {
	for _, r := range s {
		if r <= 0xFFFF && !slices.Contains(d.runes[face], r) {
			d.runes[face] = append(d.runes[face], r)
		}
	}
}

func (d *drawer) setFont(face int, size layout.Unit) {
	if face == d.font && size == d.size {
		return
	}
	ff := d.r.Fonts.Face(fonts.ID(face))
	if !d.added[face] {
		// only the faces drawn are embedded: an offprint rarely uses
		// all of them
		addFace(d.f, ff, d.runes[face])
		if err := d.f.Error(); err != nil && d.err == nil {
			d.err = fmt.Errorf("font %s %s: %w", ff.Name, ff.Style, err)
		}
		d.added[face] = true
	}
	d.f.SetFont(ff.Name, ff.Style, pt(size))
	d.font, d.size = face, size
}

func (d *drawer) draw(e layout.Element, links map[string]int) {
	f := d.f
	switch e.Kind {
	case layout.TextElement:
		if e.Text == "" {
			return
		}
		if e.Face == fonts.EmojiID {
			d.drawEmoji(e)
			return
		}
		d.setFont(e.Face, e.Size)
		f.SetTextColor(int(e.Color.R), int(e.Color.G), int(e.Color.B))
		f.Text(pt(e.X), pt(e.Y), bmp(e.Text))
	case layout.RectElement:
		f.SetFillColor(int(e.Color.R), int(e.Color.G), int(e.Color.B))
		f.Rect(pt(e.X), pt(e.Y), pt(e.W), pt(e.H), "F")
	case layout.RuleElement:
		f.SetDrawColor(int(e.Color.R), int(e.Color.G), int(e.Color.B))
		f.SetLineWidth(pt(e.Size))
		f.Line(pt(e.X), pt(e.Y), pt(e.X+e.W), pt(e.Y+e.H))
	case layout.ImageElement:
		name, err := d.images.name(e.Src)
		if err != nil {
			d.err = err
			return
		}
		if name == "" {
			return
		}
		cx, cy, cw, ch := d.ed.clip(d.doc, e)
		clip := e.X < cx || e.Y < cy || e.X+e.W > cx+cw || e.Y+e.H > cy+ch
		if clip {
			f.ClipRect(pt(cx), pt(cy), pt(cw), pt(ch), false)
		}
		f.ImageOptions(name, pt(e.X), pt(e.Y), pt(e.W), pt(e.H), false, fpdf.ImageOptions{}, 0, "")
		if clip {
			f.ClipEnd()
		}
	case layout.LinkElement:
		if e.URI != "" {
			f.LinkString(pt(e.X), pt(e.Y), pt(e.W), pt(e.H), e.URI)
		} else if id, ok := links[e.Dest]; ok {
			f.Link(pt(e.X), pt(e.Y), pt(e.W), pt(e.H), id)
		}
	}
}
