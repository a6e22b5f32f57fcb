package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/layout"
)

// drawEmoji draws a text element set in the emoji face (book.yaml's
// emoji: keep) as the outlines of the bundled emoji font, filled in the
// text's colour, scaled to its size on its baseline: fpdf cannot draw a
// glyph above U+FFFF. The outlines sit in a span whose /ActualText is the
// element's characters (inside the text's marked content), so that a
// screen reader and a copy get the emoji; an invisible space of the body
// face in it gives the text extractors that want a glyph (poppler's
// pdftotext) something to put the ActualText in place of.
func (d *drawer) drawEmoji(e layout.Element) {
	face, err := fonts.Emoji()
	if err != nil {
		if d.err == nil {
			d.err = fmt.Errorf("emoji font: %w", err)
		}
		return
	}
	h := pt(d.doc.Height)
	size := pt(e.Size)
	// the word space drawn after a word (see spaced) is drawn after the
	// span, as a space of the body face: not read as part of the emoji
	text, space := strings.CutSuffix(e.Text, " ")
	var s strings.Builder
	s.WriteString("/Span <</ActualText " + utf16Hex(text) + ">> BDC\n")
	fmt.Fprintf(&s, "q %s rg\n", rgb(e.Color))
	x := pt(e.X)
	y := h - pt(e.Y)
	k := size / 1000
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
	p := func(q [2]float64) string { return num(x+q[0]*k) + " " + num(y-q[1]*k) }
	drawn := false
	for _, r := range text {
		segs := face.Outline(r)
		// a quadratic segment as a cubic one: the current point is where
		// the last segment ended
		var cur [2]float64
		for _, g := range segs {
			switch g.Op {
			case 'M':
				if drawn {
					s.WriteString("h\n")
				}
				s.WriteString(p(g.P[0]) + " m\n")
				cur, drawn = g.P[0], true
			case 'L':
				s.WriteString(p(g.P[0]) + " l\n")
				cur = g.P[0]
			case 'Q':
				c, to := g.P[0], g.P[1]
				c1 := [2]float64{cur[0] + 2.0/3*(c[0]-cur[0]), cur[1] + 2.0/3*(c[1]-cur[1])}
				c2 := [2]float64{to[0] + 2.0/3*(c[0]-to[0]), to[1] + 2.0/3*(c[1]-to[1])}
				s.WriteString(p(c1) + " " + p(c2) + " " + p(to) + " c\n")
				cur = to
			case 'C':
				s.WriteString(p(g.P[0]) + " " + p(g.P[1]) + " " + p(g.P[2]) + " c\n")
				cur = g.P[2]
			}
		}
		x += float64(face.Advance(r)) * k
	}
	if drawn {
		s.WriteString("h f\n")
	}
	s.WriteString("Q")
	d.f.RawWriteStr(s.String())
	// the invisible space the ActualText stands for, stretched (Tz) to
	// the emoji's width, so that an extractor sees no gap to the next
	// glyph and adds no space of its own
	d.setFont(int(fonts.Serif), e.Size)
	w := float64(x) - pt(e.X) // the emoji's advance, in points
	if sw := float64(d.r.Fonts.Face(fonts.Serif).Advance(' ')) * k; sw > 0 && w > 0 {
		d.f.RawWriteStr(num(100*w/sw) + " Tz")
	}
	d.f.RawWriteStr("3 Tr")
	d.f.Text(pt(e.X), pt(e.Y), " ")
	d.f.RawWriteStr("0 Tr 100 Tz\nEMC")
	if space {
		d.f.Text(pt(e.X)+w, pt(e.Y), " ")
	}
}

// utf16Hex is s as a PDF text string: UTF-16BE with its byte order mark,
// in hexadecimal.
func utf16Hex(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

func rgb(c layout.Color) string {
	f := func(v uint8) string { return strconv.FormatFloat(float64(v)/255, 'f', 3, 64) }
	return f(c.R) + " " + f(c.G) + " " + f(c.B)
}
