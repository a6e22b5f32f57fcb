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
	// emoji is the bundled emoji font (fonts.Emoji) with book.yaml's
	// emoji: keep, nil otherwise: what the text fonts lack of it is drawn
	// from it.
	emoji *sfnt.Font
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
	out := &fontSet{quote: parsed[0], serif: parsed[1], bold: parsed[2], sans: parsed[3]}
	if b.KeepEmoji() {
		e, err := fonts.Emoji()
		if err != nil {
			return nil, fmt.Errorf("emoji font: %w", err)
		}
		out.emoji = e.Font()
	}
	return out, nil
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
	// emoji, when set, draws the emoji f lacks (fontSet.emoji).
	emoji *sfnt.Font
	emo   map[rune]sfnt.GlyphIndex
}

func newMetrics(f, emoji *sfnt.Font) *metrics {
	return &metrics{f: f, upm: fixed.Int26_6(f.UnitsPerEm()) << 6,
		adv: make(map[rune]int), index: make(map[rune]sfnt.GlyphIndex), emoji: emoji}
}

// emojiGlyph is r's glyph in the emoji font, 0 when there is none or r is
// no emoji.
func (m *metrics) emojiGlyph(r rune) sfnt.GlyphIndex {
	if m.emoji == nil || !book.IsEmoji(r) {
		return 0
	}
	if x, ok := m.emo[r]; ok {
		return x
	}
	x, err := m.emoji.GlyphIndex(&m.buf, r)
	if err != nil {
		x = 0
	}
	if m.emo == nil {
		m.emo = make(map[rune]sfnt.GlyphIndex)
	}
	m.emo[r] = x
	return x
}

// fontOf is the font that draws r and its glyph there: f, else the emoji
// font; 0 when neither has it.
func (m *metrics) fontOf(r rune) (*sfnt.Font, sfnt.GlyphIndex) {
	if x := m.glyph(r); x != 0 {
		return m.f, x
	}
	if m.emoji != nil && !fonts.EmojiSilent(r) {
		if x := m.emojiGlyph(r); x != 0 {
			return m.emoji, x
		}
	}
	return m.f, 0
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

// Has reports whether the font has a real glyph (not .notdef) for r, or
// the emoji font does (what only styles an emoji included).
func (m *metrics) Has(r rune) bool {
	if _, x := m.fontOf(r); x != 0 {
		return true
	}
	return m.emoji != nil && fonts.EmojiSilent(r)
}

// Advance is the advance width of r in thousandths of an em.
func (m *metrics) Advance(r rune) int {
	if a, ok := m.adv[r]; ok {
		return a
	}
	a := 0
	if f, x := m.fontOf(r); x != 0 {
		v, err := f.GlyphAdvance(&m.buf, x, fixed.Int26_6(f.UnitsPerEm())<<6, font.HintingNone)
		if err == nil {
			// v is in font units (26.6 at ppem = units per em).
			a = int(math.Round(float64(v) / 64 * 1000 / float64(f.UnitsPerEm())))
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
