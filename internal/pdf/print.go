package pdf

import (
	_ "embed"
	"errors"
	"io"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/imaging"
	"github.com/recueil/recueil/internal/typeset"
	"github.com/recueil/recueil/layout"
)

// The print edition: the book's pages as typeset, each on a sheet larger
// by the bleed and by room for crop marks, with its TrimBox (the page),
// its BleedBox (the page and the bleed) and an sRGB output intent, for a
// printer. Decided where issue 14 is silent: the link annotations are kept
// (the file stays the tagged, accessible PDF the book is; a printer ignores
// them) and the linked words are drawn in black.

// Bleed is how far past the trim what touches the page's edge is drawn;
// MarkRoom is the room for the crop marks past the bleed.
var (
	Bleed    = layout.Mm(3)
	MarkRoom = layout.Mm(10)
)

// sRGB is the free sRGB profile of Debian's icc-profiles-free (zlib
// licence, see icc/NOTICE).
//
//go:embed icc/sRGB.icc
var sRGB []byte

// edition is what the print edition changes in write.
type edition struct {
	print bool
	off   layout.Unit // where the trim starts, from the sheet's top-left corner
	trimW layout.Unit
	trimH layout.Unit
	// panels are the cover spread's back, spine and front, as x ranges
	// of the sheet: an image is clipped to its own (and the bleed)
	panels [][2]layout.Unit
	spine  *spine // the spread's spine text, nil for none
}

// clip is the box the image e is clipped to: the page, or the bleed box,
// and on a cover spread the part of it of the panel e is centred in.
func (ed edition) clip(doc *layout.Document, e layout.Element) (x, y, w, h layout.Unit) {
	if !ed.print {
		return 0, 0, doc.Width, doc.Height
	}
	x, y, w, h = ed.off-Bleed, ed.off-Bleed, ed.trimW+2*Bleed, ed.trimH+2*Bleed
	c := e.X + e.W/2
	for i, p := range ed.panels {
		if c >= p[0] && c < p[1] {
			x0, x1 := p[0], p[1]
			if i == 0 {
				x0 -= Bleed
			}
			if i == len(ed.panels)-1 {
				x1 += Bleed
			}
			return x0, y, x1 - x0, h
		}
	}
	return x, y, w, h
}

// box is x0, y0, x1, y1 in PDF coordinates of the box that starts at
// inset from the sheet's edges (symmetric: y up or down is the same).
func (ed edition) box(inset layout.Unit) []float64 {
	return []float64{pt(inset), pt(inset), pt(2*ed.off + ed.trimW - inset), pt(2*ed.off + ed.trimH - inset)}
}

// WritePrint draws the print edition of the book: r's pages with bleed
// and crop marks (see PrintDocument).
func WritePrint(w io.Writer, r *typeset.Result, b *book.Book, ready map[string]imaging.Image) error {
	if r.Doc == nil || r.Fonts == nil {
		return errors.New("nothing typeset")
	}
	doc := PrintDocument(r.Doc)
	ed := edition{print: true, off: Bleed + MarkRoom, trimW: r.Doc.Width, trimH: r.Doc.Height}
	return writeEdition(w, r, doc, b, b.Title, ready, ed)
}

// PrintDocument is doc on sheets larger by Bleed and MarkRoom on every
// side: every element moved into the trim, what touches the trim's edge
// extended into the bleed, the linked words in black, and crop marks at
// the four corners. doc is left as it was.
func PrintDocument(doc *layout.Document) *layout.Document {
	off := Bleed + MarkRoom
	out := &layout.Document{Width: doc.Width + 2*off, Height: doc.Height + 2*off, Struct: doc.Struct}
	for _, p := range doc.Pages {
		np := &layout.Page{Number: p.Number}
		np.Elements = make([]layout.Element, 0, len(p.Elements)+8)
		for _, e := range p.Elements {
			switch e.Kind {
			case layout.RectElement:
				e = bleedRect(e, doc.Width, doc.Height)
			case layout.ImageElement:
				e = bleedImage(e, doc.Width, doc.Height)
			case layout.TextElement:
				for j := range p.Elements {
					if l := &p.Elements[j]; l.Kind == layout.LinkElement && covers(l, &e) {
						e.Color = layout.Black
						break
					}
				}
			}
			e.X += off
			e.Y += off
			np.Elements = append(np.Elements, e)
		}
		np.Elements = append(np.Elements, cropMarks(off, doc.Width, doc.Height)...)
		for _, a := range p.Anchors {
			a.Y += off
			np.Anchors = append(np.Anchors, a)
		}
		for _, o := range p.Outline {
			o.Y += off
			np.Outline = append(np.Outline, o)
		}
		out.Pages = append(out.Pages, np)
	}
	return out
}

// touch says which edges of the page (w×h) the box e reaches.
func touch(e layout.Element, w, h layout.Unit) (l, t, r, b bool) {
	const tol = layout.PT / 4
	return e.X <= tol, e.Y <= tol, e.X+e.W >= w-tol, e.Y+e.H >= h-tol
}

// bleedRect extends a filled box that reaches the page's edge by Bleed
// past it.
func bleedRect(e layout.Element, w, h layout.Unit) layout.Element {
	l, t, r, b := touch(e, w, h)
	if l {
		e.W += e.X + Bleed
		e.X = -Bleed
	}
	if t {
		e.H += e.Y + Bleed
		e.Y = -Bleed
	}
	if r {
		e.W = w + Bleed - e.X
	}
	if b {
		e.H = h + Bleed - e.Y
	}
	return e
}

// bleedImage scales an image that reaches the page's edge about its centre,
// keeping its proportions, until it covers the bleed on the edges it
// reaches (an image already past the edge by the bleed is left alone).
func bleedImage(e layout.Element, w, h layout.Unit) layout.Element {
	if e.W <= 0 || e.H <= 0 {
		return e
	}
	n := bleedRect(e, w, h)
	if n == e {
		return e
	}
	// n is the box to cover; grow e about n's centre
	s := max(float64(n.W)/float64(e.W), float64(n.H)/float64(e.H), 1)
	cw, ch := layout.Unit(float64(e.W)*s+0.5), layout.Unit(float64(e.H)*s+0.5)
	// keep the image where it was on the edges it does not reach
	l, t, r, b := touch(e, w, h)
	x := n.X + (n.W-cw)/2
	switch {
	case l && !r:
		x = n.X
	case r && !l:
		x = n.X + n.W - cw
	}
	y := n.Y + (n.H-ch)/2
	switch {
	case t && !b:
		y = n.Y
	case b && !t:
		y = n.Y + n.H - ch
	}
	e.X, e.Y, e.W, e.H = x, y, cw, ch
	return e
}

// cropMarks are the crop marks of a page w×h whose trim starts off from
// the sheet's corner: at each corner, a line along each edge of the trim,
// in the margin past the bleed, never crossing it. They are artifacts.
func cropMarks(off, w, h layout.Unit) []layout.Element {
	gap := layout.Mm(2)        // between the bleed and a mark
	length := MarkRoom - 2*gap // each mark's length
	thin := layout.Pt(0.25)
	start := off - Bleed - gap - length // the margin, from the sheet's edge
	mark := func(x, y, dx, dy layout.Unit) layout.Element {
		return layout.Element{Kind: layout.RuleElement, Node: layout.Decoration, X: x, Y: y, W: dx, H: dy, Size: thin, Color: layout.Black}
	}
	left, top, right, bottom := off, off, off+w, off+h
	far := off + h + Bleed + gap // below the bottom bleed
	farX := off + w + Bleed + gap
	return []layout.Element{
		// top left: a horizontal mark on the trim's top edge, left of the bleed; a vertical one above
		mark(start, top, length, 0), mark(left, start, 0, length),
		mark(farX, top, length, 0), mark(right, start, 0, length),
		mark(start, bottom, length, 0), mark(left, far, 0, length),
		mark(farX, bottom, length, 0), mark(right, far, 0, length),
	}
}
