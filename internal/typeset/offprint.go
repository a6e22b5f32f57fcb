package typeset

import (
	"errors"
	"fmt"

	"github.com/recueil/recueil/internal/qr"
	"github.com/recueil/recueil/layout"
)

// Offprint returns the pages first..last (folios) as a document of their
// own: the book's pages unchanged, plus
//   - a colophon strip on the first page, in its top margin (on an opening
//     page, which has no running head) or else in its bottom margin: the
//     book's title, edition, page range, licence and download URL (a link),
//     and beside it a QR code to the contributor's page of the web edition
//     (a link too), when the book has a url and the pages are one
//     contribution's;
//   - links to places outside these pages, and the running heads, leading
//     to the book's URL instead of nowhere.
//
// The book's text does not move. Offprint does not change r and may be
// called from several goroutines at once.
func (r *Result) Offprint(first, last int) (*layout.Document, error) {
	if r.Doc == nil || r.b == nil {
		return nil, errors.New("offprint of a book not typeset")
	}
	if first < 1 || last < first || last > len(r.Doc.Pages) {
		return nil, fmt.Errorf("bad page range %d-%d (the book has %d pages)", first, last, len(r.Doc.Pages))
	}
	url := r.b.URL
	in := map[string]bool{}
	for _, p := range r.Doc.Pages[first-1 : last] {
		for _, a := range p.Anchors {
			in[a.Name] = true
		}
	}
	adds, err := r.OffprintAdditions(first, last)
	if err != nil {
		return nil, err
	}
	doc := &layout.Document{Width: r.Doc.Width, Height: r.Doc.Height, Struct: r.Doc.Struct}
	for i := first - 1; i < last; i++ {
		src := r.Doc.Pages[i]
		p := &layout.Page{Number: src.Number, Anchors: src.Anchors, Outline: src.Outline,
			Elements: make([]layout.Element, 0, len(src.Elements)+len(adds[i-first+1]))}
		for _, e := range src.Elements {
			if e.Kind == layout.LinkElement && e.Dest != "" && !in[e.Dest] {
				if url == "" {
					continue
				}
				e.Dest, e.URI = "", url
			}
			p.Elements = append(p.Elements, e)
		}
		p.Elements = append(p.Elements, adds[i-first+1]...)
		doc.Pages = append(doc.Pages, p)
	}
	return doc, nil
}

// OffprintAdditions returns what Offprint draws on each of the pages
// first..last after the book's own elements: a link over the running head
// to the book's URL, and on the first page the colophon. The PDF writer
// uses it to cut offprints out of the book's PDF.
func (r *Result) OffprintAdditions(first, last int) ([][]layout.Element, error) {
	if r.Doc == nil || r.b == nil {
		return nil, errors.New("offprint of a book not typeset")
	}
	if first < 1 || last < first || last > len(r.Doc.Pages) {
		return nil, fmt.Errorf("bad page range %d-%d (the book has %d pages)", first, last, len(r.Doc.Pages))
	}
	url := r.b.URL
	out := make([][]layout.Element, 0, last-first+1)
	var p0 *layout.Page
	for i := first - 1; i < last; i++ {
		p := &layout.Page{Number: r.Doc.Pages[i].Number}
		if i < len(r.heads) && r.heads[i].W > 0 && url != "" {
			h := r.heads[i]
			h.URI = url
			p.Elements = append(p.Elements, h)
		}
		if p0 == nil {
			p0 = p
		}
		out = append(out, nil)
		if i > first-1 {
			out[len(out)-1] = p.Elements
		}
	}
	top := r.kinds[first-1] != normalPage
	t := newTypesetter(r.b, r.Fonts)
	page := ""
	for _, pr := range r.Contributions {
		if pr.First == first && pr.Last == last {
			page = r.b.PageURL(pr.Slug)
			break
		}
	}
	t.colophon(p0, first, last, top, page)
	out[0] = p0.Elements
	// all of it is one paragraph of the structure, under the root
	for _, els := range out {
		for i := range els {
			els[i].Node = int32(r.colophon + 1)
		}
	}
	return out, nil
}

// qrColophon is the side of the colophon's QR code, without its quiet
// zone: 37 modules (a 70-character URL) of 0.3 mm, which a phone reads
// from a page printed at home.
var qrColophon = layout.Mm(11)

// colophon sets, on p, where the offprint comes from, with a QR code to
// page when it is not "".
func (t *typesetter) colophon(p *layout.Page, first, last int, top bool, page string) {
	d := t.d
	b := t.b
	size := layout.Pt(6.8)
	ld := size * 13 / 10
	st := tstyle{fam: sans, size: size, color: d.soft, noHyphen: true}
	s := t.loc.OffprintCredit(b.Title, b.Edition, b.License, first, last)
	runs := []layout.Run{t.text(t.typo(s), st)}
	if b.URL != "" {
		runs = append(runs, t.text(t.typo(" "+t.loc.Colon(t.loc.WholeBook)), st))
		u := t.text(b.URL, st)
		u.Link, u.Color = b.URL, d.link
		runs = append(runs, u)
	}
	x := d.inner
	if p.Verso() {
		x = d.outer
	}
	var code *qr.Code
	if page != "" {
		code, _ = qr.Encode(page) // a URL book.yaml's checks let through always encodes; without one, no code
	}
	measure, side, module := d.measure, layout.Unit(0), layout.Unit(0)
	if code != nil {
		module = qrColophon / layout.Unit(code.Size())
		side = module * layout.Unit(code.Size())
		// the quiet zone and a gap between the text and the code
		measure -= side + module*qr.QuietZone + layout.Mm(2)
	}
	lines := t.setLines(runs, t.pstyle(measure, ld, layout.Left))
	h := height(lines)
	var y, qy layout.Unit
	if top {
		// in the top margin, a hairline under it; the code ends its quiet
		// zone above the text block
		y = d.top*40/100 - h/2
		qy = min(y, d.top-side-module*qr.QuietZone)
		p.Add(layout.Element{Kind: layout.RectElement, X: x, Y: y + h + layout.Mm(1), W: measure, H: layout.Pt(0.4), Color: d.gray})
	} else {
		// in the bottom margin, between the text and the folio, a hairline above
		y = d.height - d.bottom + layout.Mm(2)
		qy = y - layout.Mm(0.8)
		p.Add(layout.Element{Kind: layout.RectElement, X: x, Y: y - layout.Mm(0.8), W: measure, H: layout.Pt(0.4), Color: d.gray})
	}
	place(p, lines, x, y)
	if code != nil {
		qx := x + d.measure - side
		code.Runs(func(row, x0, n int) {
			p.Add(layout.Element{Kind: layout.RectElement, X: qx + module*layout.Unit(x0), Y: qy + module*layout.Unit(row),
				W: module * layout.Unit(n), H: module, Color: layout.Color{}})
		})
		p.Add(layout.Element{Kind: layout.LinkElement, X: qx, Y: qy, W: side, H: side, URI: page})
	}
}
