package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/cards"
	"github.com/recueil/recueil/internal/pdf"
	"github.com/recueil/recueil/internal/raster"
	"github.com/recueil/recueil/internal/typeset"
	"github.com/recueil/recueil/internal/typo"
)

// PreviewDPI is the resolution of the first page's picture.
const PreviewDPI = 110

// Preview writes one contributor's pages as they will stand in the book
// (same page numbers), a PNG of the first of them, and their two cards into
// <out>/preview/. file is the contribution's book-relative path. Findings
// about other contributors do not stop it, nor do the contributor's own
// errors, as long as the text can be typeset: the contributor who has
// errors needs the preview most. Their errors are then written in a banner
// across the top of the first page (in the PDF and its picture), and
// Preview returns ErrPreviewFindings once everything is written.
func Preview(o Options, file string) (*Result, error) {
	if err := CheckOut(o.Root, o.out()); err != nil {
		return nil, err
	}
	b, diags, err := Check(o)
	if err != nil {
		return nil, err
	}
	res := &Result{Book: b, Diags: diags.ForFiles(map[string]bool{file: true, "book.yaml": true})}
	defer func() { res.Diags.In(o.msgLang(b)) }() // the typesetter's and the cards', as Check's
	var c *book.Contribution
	for _, x := range b.Contributions {
		if x.Path == file {
			c = x
		}
	}
	failed := Failed(res.Diags, o.Strict)
	if c == nil {
		if failed != nil {
			return res, failed // a file too broken to be read as one: nothing to preview
		}
		return res, usageErrorf("%s n’est pas une contribution de ce livre (attendu : contributions/<nom>.md)", "%s is not a contribution of this book (expected contributions/<name>.md)", file)
	}
	c.Draft = false // a draft is previewed where it would stand
	o.progress("typeset")
	r, d, err := typeset.Typeset(b)
	if err != nil {
		if failed != nil {
			return res, failed
		}
		return res, fmt.Errorf("typeset: %w", err)
	}
	res.Diags = append(res.Diags, d.ForFiles(map[string]bool{file: true})...)
	var first, last int
	for _, pr := range r.Contributions {
		if pr.Slug == c.Slug {
			first, last = pr.First, pr.Last
		}
	}
	if first == 0 {
		if failed != nil {
			return res, failed
		}
		return res, fmt.Errorf("preview: %s has no page in the book", file)
	}
	if failed != nil {
		bannerErrors(r, b.Locale(), first, res.Diags, o.Strict)
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
	if failed != nil {
		return res, ErrPreviewFindings
	}
	return res, nil
}

// ErrPreviewFindings is returned by Preview when the contribution has
// errors (or warnings with Strict): the preview was written, with them
// in a banner on its first page.
var ErrPreviewFindings = errors.New("the contribution has errors: its preview was written with them on its first page")

// bannerErrors writes the findings that fail the preview (errors, and
// warnings with strict) across the top of its first page, in the book's
// language: "ligne 4 : message".
func bannerErrors(r *typeset.Result, loc book.Locale, folio int, diags book.Diagnostics, strict bool) {
	var lines []string
	sorted := slices.Clone(diags).In(loc.Tag.String())
	sorted.Sort()
	for _, d := range sorted {
		if d.Severity != book.Error && !(strict && d.Severity == book.Warning) {
			continue
		}
		l := d.Message
		if d.Pos.Line > 0 {
			l = loc.Colon(fmt.Sprintf("%s %d", loc.Line, d.Pos.Line)) + l
		}
		if d.File != "" && !strings.HasPrefix(d.File, "contributions/") {
			l = loc.Colon(d.File) + l
		}
		lines = append(lines, typo.String(loc.Tag.String(), l))
	}
	r.ErrorBanner(folio, loc.PreviewErrors, lines, loc.AndMore)
}
