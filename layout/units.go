// Package layout is recueil's typesetting engine: line breaking,
// hyphenation and page composition over integer units. It is pure: it
// never imports the PDF library, so the same engine serves the book, the
// offprints and the cards.
package layout

import "math"

// Unit is a length in scaled points, as in TeX: 1 pt = 65536 sp.
type Unit int64

const (
	SP Unit = 1
	PT Unit = 65536
)

// Pt converts points to Units.
func Pt(pt float64) Unit { return Unit(math.Round(pt * float64(PT))) }

// Mm converts millimetres to Units.
func Mm(mm float64) Unit { return Pt(mm * 72 / 25.4) }

// Points converts a Unit to points.
func (u Unit) Points() float64 { return float64(u) / float64(PT) }

// Millimetres converts a Unit to millimetres.
func (u Unit) Millimetres() float64 { return u.Points() * 25.4 / 72 }

// Face is what layout needs to know about a font: its advance widths, in
// thousandths of an em, exactly as the PDF writer measures and draws them.
type Face interface {
	Advance(r rune) int
	Has(r rune) bool
}

// Width is the width of s set in face at size.
func Width(f Face, s string, size Unit) Unit {
	n := 0
	for _, r := range s {
		n += f.Advance(r)
	}
	return Unit(int64(n) * int64(size) / 1000)
}
