package cards

import (
	"fmt"
	"io/fs"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/fonts"
)

// fontSet holds the parsed fonts of the cards. A *sfnt.Font is read-only
// once parsed and safe to share between goroutines, as long as each user
// brings its own sfnt.Buffer (faces and metrics below each own one).
type fontSet struct {
	quote *sfnt.Font // serif italic: the quote
	serif *sfnt.Font // serif roman: the book's title
	bold  *sfnt.Font // sans bold: the name
	sans  *sfnt.Font // sans regular: role, handle, hashtag, URL
}

// loadFonts parses the fonts named by book.yaml, as the PDF has them
// (package fonts: Liberation, or the book's TrueType file for every style
// of its family), read from files.
func loadFonts(b *book.Book, files fs.FS) (*fontSet, error) {
	set, err := fonts.LoadFS(files, b.Fonts.Serif, b.Fonts.Sans)
	if err != nil {
		return nil, err
	}
	var parsed [4]*sfnt.Font
	for i, id := range []fonts.ID{fonts.SerifItalic, fonts.Serif, fonts.SansBold, fonts.Sans} {
		f, err := sfnt.Parse(set.Face(id).TTF)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", set.Face(id).Name, set.Face(id).Style, err)
		}
		parsed[i] = f
	}
	return &fontSet{quote: parsed[0], serif: parsed[1], bold: parsed[2], sans: parsed[3]}, nil
}

// metrics adapts an sfnt.Font to layout.Face: advance widths in thousandths
// of an em, straight from the font's hmtx table (no kerning, no hinting), so
// that the line breaker measures exactly what draw places. Not safe for
// concurrent use (it owns a buffer and a cache); make one per card.
type metrics struct {
	f     *sfnt.Font
	buf   sfnt.Buffer
	upm   fixed.Int26_6
	adv   map[rune]int
	index map[rune]sfnt.GlyphIndex
}

func newMetrics(f *sfnt.Font) *metrics {
	return &metrics{f: f, upm: fixed.Int26_6(f.UnitsPerEm()) << 6,
		adv: make(map[rune]int), index: make(map[rune]sfnt.GlyphIndex)}
}

func (m *metrics) glyph(r rune) sfnt.GlyphIndex {
	if x, ok := m.index[r]; ok {
		return x
	}
	x, err := m.f.GlyphIndex(&m.buf, r)
	if err != nil {
		x = 0
	}
	m.index[r] = x
	return x
}

// Has reports whether the font has a real glyph (not .notdef) for r.
func (m *metrics) Has(r rune) bool { return m.glyph(r) != 0 }

// Advance is the advance width of r in thousandths of an em.
func (m *metrics) Advance(r rune) int {
	if a, ok := m.adv[r]; ok {
		return a
	}
	a := 0
	if x := m.glyph(r); x != 0 {
		v, err := m.f.GlyphAdvance(&m.buf, x, m.upm, font.HintingNone)
		if err == nil {
			// v is in font units (26.6 at ppem = units per em).
			a = int(math.Round(float64(v) / 64 * 1000 / float64(m.f.UnitsPerEm())))
		}
	}
	m.adv[r] = a
	return a
}

// width is the width of s, in pixels, at size px, as draw places it.
func (m *metrics) width(s string, size float64) float64 {
	n := 0
	for _, r := range s {
		n += m.Advance(r)
	}
	return float64(n) * size / 1000
}

// vmetrics returns ascent and descent in pixels at size px.
func (m *metrics) vmetrics(size float64) (ascent, descent float64) {
	fm, err := m.f.Metrics(&m.buf, fixed.Int26_6(math.Round(size*64)), font.HintingNone)
	if err != nil {
		return size * 0.9, size * 0.25
	}
	return float64(fm.Ascent) / 64, float64(fm.Descent) / 64
}
