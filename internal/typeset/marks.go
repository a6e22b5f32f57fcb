package typeset

import (
	"strings"

	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/layout"
)

// Colours of the marks recueil adds on top of a typeset book: a dark red
// (7.5:1 on white) on white or on a pale red (6.6:1).
var (
	markInk   = layout.Color{R: 0x9b, G: 0x11, B: 0x1e}
	markPaper = layout.Color{R: 0xfd, G: 0xec, B: 0xea}
)

// MarkDraft writes label (ÉPREUVE, DRAFT: the locale's Draft) on every
// page, small, in the top margin at the outer edge, so that a draft
// printed or passed around cannot be taken for the published book. It
// adds elements only: the pages, their numbers and the text stay as
// typeset.
func (r *Result) MarkDraft(label string) {
	face := r.Fonts.Face(fonts.SansBold)
	size := layout.Pt(7)
	label = safeText(face, label)
	w := layout.Width(face, label, size)
	edge := layout.Mm(6)
	for _, p := range r.Doc.Pages {
		x := r.Doc.Width - edge - w // recto: the outer edge is the right one
		if p.Verso() {
			x = edge
		}
		p.Add(layout.Element{Kind: layout.TextElement, X: x, Y: layout.Mm(6) + size, W: w, Face: int(fonts.SansBold), Size: size, Text: label, Color: markInk})
	}
}

// MaxBannerLines is how many lines the error banner shows; the rest are
// counted in its last line.
const MaxBannerLines = 14

// ErrorBanner writes a banner across the top of the page numbered folio
// (just under its top margin's furniture):
// title in bold, then each of lines (the contributor's findings, in the
// book's language), wrapped to the page's width and capped at
// MaxBannerLines, with more (such as "… et 3 autres") as the last line
// when some were left out. It is drawn over the page, for a preview made
// of a contribution with errors. Characters the font lacks become "?".
func (r *Result) ErrorBanner(folio int, title string, lines []string, more func(n int) string) {
	var page *layout.Page
	for _, p := range r.Doc.Pages {
		if p.Number == folio {
			page = p
		}
	}
	if page == nil {
		return
	}
	bold, regular := r.Fonts.Face(fonts.SansBold), r.Fonts.Face(fonts.Sans)
	size, lead, pad := layout.Pt(8), layout.Pt(10), layout.Mm(4)
	width := r.Doc.Width - 2*pad
	var wrapped []string
	for _, l := range lines {
		wrapped = append(wrapped, wrap(regular, safeText(regular, l), size, width)...)
	}
	if len(wrapped) > MaxBannerLines {
		// The findings that fit whole, in order, and a last line counting
		// the findings (not the lines) left out.
		shown, i := 0, 0
		for ; i < len(lines); i++ {
			n := len(wrap(regular, safeText(regular, lines[i]), size, width))
			if shown+n > MaxBannerLines-1 {
				break
			}
			shown += n
		}
		wrapped = append(wrapped[:shown], safeText(regular, more(len(lines)-i)))
	}
	// Below the top margin's furniture (the offprint's credit line, which
	// the preview's PDF carries), over the top of the text.
	y0 := newDesign(r.b).top * 60 / 100
	h := pad + lead + layout.Pt(2) + lead*layout.Unit(len(wrapped)) + pad/2
	els := []layout.Element{
		{Kind: layout.RectElement, X: 0, Y: y0, W: r.Doc.Width, H: h, Color: markPaper},
		{Kind: layout.RectElement, X: 0, Y: y0 + h - layout.Pt(1.5), W: r.Doc.Width, H: layout.Pt(1.5), Color: markInk},
	}
	y := y0 + pad + size
	t := safeText(bold, title)
	els = append(els, layout.Element{Kind: layout.TextElement, X: pad, Y: y, W: layout.Width(bold, t, size), Face: int(fonts.SansBold), Size: size, Text: t, Color: markInk})
	y += lead + layout.Pt(2)
	for _, l := range wrapped {
		els = append(els, layout.Element{Kind: layout.TextElement, X: pad, Y: y, W: layout.Width(regular, l, size), Face: int(fonts.Sans), Size: size, Text: l, Color: markInk})
		y += lead
	}
	page.Add(els...)
}

// wrap breaks s into lines no wider than width, at spaces (a word longer
// than the line is left whole).
func wrap(f layout.Face, s string, size, width layout.Unit) []string {
	var out []string
	line := ""
	for _, w := range strings.Fields(s) {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if line != "" && layout.Width(f, try, size) > width {
			out = append(out, line)
			line = w
			continue
		}
		line = try
	}
	if line != "" || len(out) == 0 {
		out = append(out, line)
	}
	return out
}

// safeText replaces what the face cannot draw (and controls) with "?".
func safeText(f layout.Face, s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case r < 0x20 || r > 0xffff || !f.Has(r):
			return '?'
		}
		return r
	}, s)
}
