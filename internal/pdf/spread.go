package pdf

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/internal/imaging"
	"github.com/recueil/recueil/internal/typeset"
	"github.com/recueil/recueil/layout"
)

// The cover spread: one sheet for the printer of the cover, the back
// cover, the spine and the front cover side by side, with bleed and crop
// marks like the print edition's pages. The front is the book PDF's page 1
// (the cover image or the drawn cover); the back is its last page when
// book.yaml has a back_cover, else a plain field of the cards' background
// colour. The spine, pages/2 × print.paper_thickness_mm wide, carries the
// title and the editors when it is at least MinSpine wide, read from top
// to bottom (ISO 6357, the international recommendation).

// MinSpine is the narrowest spine that carries the title.
var MinSpine = layout.Mm(6)

// spine is the text set on the spine, rotated.
type spine struct {
	x, w   layout.Unit // the spine, from the trim's left edge
	text   string
	size   layout.Unit
	colour layout.Color
}

// SpineWidth is the spine of a book of pages pages on paper paperMM
// thick per sheet.
func SpineWidth(pages int, paperMM float64) layout.Unit {
	return layout.Mm(float64((pages+1)/2) * paperMM)
}

// WriteCover draws the cover spread of the typeset book r.
func WriteCover(w io.Writer, r *typeset.Result, b *book.Book, ready map[string]imaging.Image) error {
	if r.Doc == nil || r.Fonts == nil || len(r.Doc.Pages) == 0 {
		return errors.New("nothing typeset")
	}
	doc, sp := CoverSpread(r, b)
	pd := PrintDocument(doc)
	off := Bleed + MarkRoom
	ed := edition{print: true, off: off, trimW: doc.Width, trimH: doc.Height,
		panels: [][2]layout.Unit{{off, off + r.Doc.Width}, {off + r.Doc.Width, off + sp.x + sp.w}, {off + sp.x + sp.w, off + doc.Width}}}
	if sp.text != "" {
		ed.spine = &sp
	}
	return writeEdition(w, r, pd, b, b.Title, ready, ed)
}

// CoverSpread lays out the spread, trim size: back, spine, front.
func CoverSpread(r *typeset.Result, b *book.Book) (*layout.Document, spine) {
	pw, ph := r.Doc.Width, r.Doc.Height
	sw := SpineWidth(len(r.Doc.Pages), b.PaperMM)
	doc := &layout.Document{Width: 2*pw + sw, Height: ph, Struct: r.Doc.Struct}
	p := &layout.Page{Number: 1}
	doc.Pages = []*layout.Page{p}
	bg := hexColour(b.Cards.Background)
	fg := hexColour(b.Cards.Text)
	rect := func(x, w layout.Unit) layout.Element {
		return layout.Element{Kind: layout.RectElement, Node: layout.Decoration, X: x, Y: 0, W: w, H: ph, Color: bg}
	}
	place := func(src *layout.Page, dx layout.Unit) {
		for _, e := range src.Elements {
			e.X += dx
			p.Elements = append(p.Elements, e)
		}
	}
	last := r.Doc.Pages[len(r.Doc.Pages)-1]
	if b.BackCover != nil && len(r.Doc.Pages) > 1 {
		place(last, 0)
	} else {
		p.Elements = append(p.Elements, rect(0, pw))
	}
	if code := ISBN13(b.ISBN); code != "" {
		p.Elements = append(p.Elements, placeBarcode(r, code, p.Elements, pw, ph)...)
	}
	p.Elements = append(p.Elements, rect(pw, sw))
	place(r.Doc.Pages[0], pw+sw)

	sp := spine{x: pw, w: sw, colour: fg}
	if sw >= MinSpine {
		text := b.Title
		if len(b.Editors) > 0 {
			text += " — " + strings.Join(b.Editors, ", ")
		}
		face := r.Fonts.Face(fonts.SansBold)
		size := min(layout.Pt(10), sw*45/100)
		room := ph - layout.Mm(30) // clear of the head and the tail
		if tw := layout.Width(face, text, size); tw > room {
			size = layout.Unit(float64(size) * float64(room) / float64(tw))
		}
		if size >= layout.Pt(5) {
			sp.text, sp.size = text, size
		}
	}
	return doc, sp
}

// placeBarcode sets the ISBN's EAN-13 on the back cover (the first pw
// of the spread): at its foot on the right, or at its head on the right
// when what the back cover draws is in the way there.
func placeBarcode(r *typeset.Result, code string, els []layout.Element, pw, ph layout.Unit) []layout.Element {
	margin := layout.Mm(12)
	_, w, h, err := Barcode(r, code, 0, 0)
	if err != nil {
		return nil
	}
	x := pw - margin - w
	y := ph - margin - h
	// from the foot up, the first place where nothing is in the way
	for c := y; c >= margin; c -= layout.Mm(1) {
		if !overlaps(els, x, c, w, h, pw, ph) {
			y = c
			break
		}
	}
	bar, _, _, _ := Barcode(r, code, x, y)
	return bar
}

// overlaps reports whether the box x, y, w, h meets any element of els
// smaller than the page (a background is not in the way).
func overlaps(els []layout.Element, x, y, w, h, pw, ph layout.Unit) bool {
	for _, e := range els {
		ex, ey, ew, eh := e.X, e.Y, e.W, e.H
		switch e.Kind {
		case layout.TextElement:
			ey, eh = e.Y-e.Size, e.Size+e.Size/4
		case layout.LinkElement:
			continue
		}
		if ew >= pw*9/10 && eh >= ph/3 {
			continue
		}
		if ex < x+w && ex+ew > x && ey < y+h && ey+eh > y {
			return true
		}
	}
	return false
}

// hexColour reads #rrggbb (checked by the loader); black when it cannot.
func hexColour(s string) layout.Color {
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil || len(s) != 7 {
		return layout.Black
	}
	return layout.Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v)}
}

// drawSpine sets the spine's text, rotated to read from top to bottom, as
// an artifact (the cover's title is read from the front).
func (d *drawer) drawSpine(sp *spine, off, h layout.Unit) {
	f := d.f
	face := int(fonts.SansBold)
	d.setFont(face, sp.size)
	tw := layout.Width(d.r.Fonts.Face(fonts.SansBold), sp.text, sp.size)
	cx, cy := pt(off+sp.x+sp.w/2), pt(off+h/2)
	f.RawWriteStr("/Artifact BMC")
	f.TransformBegin()
	f.TransformRotate(-90, cx, cy)
	f.SetTextColor(int(sp.colour.R), int(sp.colour.G), int(sp.colour.B))
	f.Text(cx-pt(tw)/2, cy+pt(sp.size)*0.35, bmp(sp.text))
	f.TransformEnd()
	f.RawWriteStr("EMC")
}
