package typeset

import (
	"errors"
	"fmt"

	"github.com/recueil/recueil/layout"
)

// Offprint returns the pages first..last (folios) as a document of their
// own: the book's pages unchanged, plus
//   - a colophon strip on the first page, in its top margin (on an opening
//     page, which has no running head) or else in its bottom margin: the
//     book's title, edition, page range, licence and download URL (a link);
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
	doc := &layout.Document{Width: r.Doc.Width, Height: r.Doc.Height}
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
	t.colophon(p0, first, last, top)
	out[0] = p0.Elements
	return out, nil
}

// colophon sets, on p, where the offprint comes from.
func (t *typesetter) colophon(p *layout.Page, first, last int, top bool) {
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
	lines := t.setLines(runs, t.pstyle(d.measure, ld, layout.Left))
	h := height(lines)
	var y layout.Unit
	if top {
		// in the top margin, a hairline under it
		y = d.top*40/100 - h/2
		p.Add(layout.Element{Kind: layout.RectElement, X: x, Y: y + h + layout.Mm(1), W: d.measure, H: layout.Pt(0.4), Color: d.gray})
	} else {
		// in the bottom margin, between the text and the folio, a hairline above
		y = d.height - d.bottom + layout.Mm(2)
		p.Add(layout.Element{Kind: layout.RectElement, X: x, Y: y - layout.Mm(0.8), W: d.measure, H: layout.Pt(0.4), Color: d.gray})
	}
	place(p, lines, x, y)
}
