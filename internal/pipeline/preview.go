package pipeline

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"slices"
	"sort"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/cards"
	"github.com/recueil/recueil/internal/pdf"
	"github.com/recueil/recueil/internal/raster"
	"github.com/recueil/recueil/internal/typeset"
)

// PreviewDPI is the resolution of the first page's picture.
const PreviewDPI = 110

// Preview writes one contributor's pages as they will stand in the book
// (same page numbers), a PNG of the first of them, and their two cards into
// <out>/preview/. file is the contribution's book-relative path. Findings
// about other contributors do not stop it; the contributor's own errors do.
func Preview(o Options, file string) (*Result, error) {
	if err := CheckOut(o.Root, o.out()); err != nil {
		return nil, err
	}
	b, diags, err := Check(o)
	if err != nil {
		return nil, err
	}
	res := &Result{Book: b, Diags: diags.ForFiles(map[string]bool{file: true, "book.yaml": true})}
	var c *book.Contribution
	for _, x := range b.Contributions {
		if x.Path == file {
			c = x
		}
	}
	if c == nil {
		return res, usageErrorf("%s is not a contribution of this book (expected contributions/<name>.md)", file)
	}
	if err := Failed(res.Diags, o.Strict); err != nil {
		return res, err
	}
	c.Draft = false // a draft is previewed where it would stand
	o.progress("typeset")
	r, d, err := typeset.Typeset(b)
	if err != nil {
		return res, fmt.Errorf("typeset: %w", err)
	}
	res.Diags = append(res.Diags, d.ForFiles(map[string]bool{file: true})...)
	var first, last int
	for _, pr := range r.Contributions {
		if pr.Slug == c.Slug {
			first, last = pr.First, pr.Last
		}
	}
	st, err := newStage(o.out(), o.fs)
	if err != nil {
		return res, outputError(err)
	}
	pdfName, pageName, cardName, squareName := b.Artifacts().Preview(c.Slug)
	mine := map[string]bool{pdfName: true, pageName: true, cardName: true, squareName: true}
	if err := st.carry(func(rel string) bool { return mine[rel] }); err != nil {
		st.abort()
		return res, fmt.Errorf("output: %w", err)
	}
	fail := func(err error) (*Result, error) {
		st.abort()
		return res, err
	}
	o.progress("pdf")
	if err := st.write(pdfName, func(w io.Writer) error { return pdf.WritePages(w, r, b, first, last) }); err != nil {
		return fail(fmt.Errorf("pdf: %w", err))
	}
	faces := make([][]byte, len(r.Fonts.Faces))
	for i, f := range r.Fonts.Faces {
		faces[i] = f.TTF
	}
	for _, p := range r.Doc.Pages {
		if p.Number != first {
			continue
		}
		img, err := raster.Page(r.Doc, p, faces, PreviewDPI, b.Files())
		if err != nil {
			return fail(fmt.Errorf("preview: %w", err))
		}
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
			return fail(err)
		}
		if err := st.write(pageName, bytesWriter(buf.Bytes())); err != nil {
			return fail(err)
		}
	}
	o.progress("cards")
	cs, d, err := cards.RenderAll(o.ctx(), b, []*book.Contribution{c}, b.Files(), 1)
	if err != nil {
		return fail(fmt.Errorf("cards: %w", err))
	}
	res.Diags = append(res.Diags, d.ForFiles(map[string]bool{file: true, "book.yaml": true})...)
	if err := st.write(cardName, bytesWriter(cs[0].Wide)); err != nil {
		return fail(err)
	}
	if err := st.write(squareName, bytesWriter(cs[0].Square)); err != nil {
		return fail(err)
	}
	res.Files = slices.Clone(st.made)
	sort.Strings(res.Files)
	// The book's SHA256SUMS, carried over, stays the release's: a preview
	// is not part of it.
	if err := st.manifest(); err != nil {
		return fail(fmt.Errorf("output: %w", err))
	}
	if err := st.commit(); err != nil {
		return res, fmt.Errorf("output: %w", err)
	}
	res.Pages = []typeset.PageRange{{Slug: c.Slug, First: first, Last: last}}
	res.Diags.Sort()
	return res, nil
}
