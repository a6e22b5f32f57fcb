package cards

import (
	"fmt"
	"io/fs"
	"math"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/recueil/recueil/internal/book"
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

// loadFonts parses the fonts named by book.yaml: "builtin" (or empty) means
// Liberation; otherwise a book-relative path to a TrueType file read from
// files, used for every style of that family.
func loadFonts(b *book.Book, files fs.FS) (*fontSet, error) {
	serifI, serifR, err := family(b.Fonts.Serif, files, liberationserifitalic.TTF, liberationserifregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("serif font: %w", err)
	}
	sansB, sansR, err := family(b.Fonts.Sans, files, liberationsansbold.TTF, liberationsansregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("sans font: %w", err)
	}
	return &fontSet{quote: serifI, serif: serifR, bold: sansB, sans: sansR}, nil
}

func family(name string, files fs.FS, first, second []byte) (*sfnt.Font, *sfnt.Font, error) {
	if name != "" && name != "builtin" {
		if files == nil {
			return nil, nil, fmt.Errorf("%s: no files to read it from", name)
		}
		data, err := fs.ReadFile(files, name)
		if err != nil {
			return nil, nil, err
		}
		f, err := sfnt.Parse(data)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		return f, f, nil
	}
	f1, err := sfnt.Parse(first)
	if err != nil {
		return nil, nil, err
	}
	f2, err := sfnt.Parse(second)
	if err != nil {
		return nil, nil, err
	}
	return f1, f2, nil
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
