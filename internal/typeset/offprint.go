package typeset

import (
	"errors"
	"fmt"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/qr"
	"github.com/recueil/recueil/layout"
)

// Offprint returns the pages first..last (folios) as a document of their
// own: a cover page (OffprintCover), then the book's pages unchanged, plus
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
	cover, err := r.OffprintCover(first, last)
	if err != nil {
		return nil, err
	}
	doc.Pages = append(doc.Pages, &layout.Page{Number: first - 1, Elements: cover})
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

// OffprintCover returns the elements of an offprint's first page, before
// the book's pages first..last: the book's cover reduced (its image, or
// the typographic cover's ground, bar and title), the contributor's name
// and title when the pages are one contribution's, and the credit line
// ("Extrait de « … », p. 32–33. Licence …"). Its texts are one paragraph
// of the structure, the image a figure with the cover's alternative text.
func (r *Result) OffprintCover(first, last int) ([]layout.Element, error) {
	if r.Doc == nil || r.b == nil {
		return nil, errors.New("offprint of a book not typeset")
	}
	if first < 1 || last < first || last > len(r.Doc.Pages) {
		return nil, fmt.Errorf("bad page range %d-%d (the book has %d pages)", first, last, len(r.Doc.Pages))
	}
	t := newTypesetter(r.b, r.Fonts)
	d := t.d
	b := r.b
	p := &layout.Page{}
	// the cover, reduced to two fifths of the page's width, centred
	bw := d.width * 42 / 100
	bh := bw * d.height / d.width
	x, y := (d.width-bw)/2, d.height*12/100
	fig := int32(r.coverFig + 1)
	text := int32(r.coverText + 1)
	drawn := false
	if b.Cover != "" {
		if pw, ph, ok := t.imageSize(b.Cover); ok {
			h := layout.Unit(int64(bw) * int64(ph) / int64(pw))
			w := bw
			if h > bh {
				h, w = bh, layout.Unit(int64(bh)*int64(pw)/int64(ph))
			}
			p.Add(layout.Element{Kind: layout.ImageElement, X: (d.width - w) / 2, Y: y, W: w, H: h, Src: t.path(b.Cover), Node: fig})
			bh, drawn = h, true
		}
	}
	if !drawn {
		bg := parseColor(b.Cards.Background, layout.Color{R: 0x1f, G: 0x2a, B: 0x44})
		fg := onGround(parseColor(b.Cards.Text, layout.Color{R: 0xff, G: 0xff, B: 0xff}), bg)
		p.Add(layout.Element{Kind: layout.RectElement, X: x, Y: y, W: bw, H: bh, Color: bg})
		p.Add(layout.Element{Kind: layout.RectElement, X: x + bw/10, Y: y + bh*26/100, W: bw / 8, H: layout.Pt(0.8), Color: d.accent})
		size := layout.Pt(11)
		lines := t.setLines([]layout.Run{t.text(t.typo(b.Title), tstyle{fam: sans, base: book.Bold, size: size, color: fg, noHyphen: true})},
			t.pstyle(bw*8/10, size*115/100, layout.Left))
		layout.Tag(lines, int(fig-1))
		place(p, lines, x+bw/10, y+bh*30/100)
	}
	y += bh + layout.Mm(12)
	var runs [][]layout.Run
	var slug string
	for _, pr := range r.Contributions {
		if pr.First == first && pr.Last == last {
			slug = pr.Slug
		}
	}
	if c := t.contrib(slug); c != nil {
		runs = append(runs, []layout.Run{t.text(t.typo(c.Name), tstyle{fam: sans, base: book.Bold, size: layout.Pt(16), color: d.ink, noHyphen: true})})
		if c.Title != "" {
			runs = append(runs, t.texts(t.typo(c.Title), tstyle{fam: serif, base: book.Italic, size: layout.Pt(12), color: d.soft, noHyphen: true}))
		}
	}
	credit := t.loc.OffprintCredit(b.Title, b.Edition, b.License, first, last)
	runs = append(runs, []layout.Run{t.text(t.typo(credit), tstyle{fam: sans, size: layout.Pt(8.5), color: d.soft})})
	for i, rs := range runs {
		size := rs[0].Size
		lines := t.setLines(rs, t.pstyle(d.measure, size*13/10, layout.Center))
		layout.Tag(lines, int(text-1))
		if i == len(runs)-1 {
			y += layout.Mm(6)
		}
		y += place(p, lines, d.inner, y) + layout.Mm(2)
	}
	return p.Elements, nil
}
