package fonts

import (
	_ "embed"
	"sync"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/layout"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// notoEmoji is Noto Emoji Regular (monochrome, OFL 1.1), the file of npm
// @expo-google-fonts/noto-emoji 0.4.7 unchanged: see emoji/NOTICE.
//
//go:embed emoji/NotoEmoji_400Regular.ttf
var notoEmoji []byte

// EmojiID is the index of the emoji face in a layout face table, after
// the book's NumFaces text faces (typeset.Result.Faces): a text element
// set in it is drawn as outlines by the PDF writer and the cards, never
// through fpdf (which has no glyph above U+FFFF).
const EmojiID = int(NumFaces)

// EmojiFace is the bundled monochrome emoji font, for book.yaml's
// emoji: keep. It implements layout.Face: an emoji's advance is the
// font's; what only joins or styles emoji (variation selectors, the
// zero-width joiner, skin tones, tags, the keycap mark) has none and is
// not drawn, so a sequence prints as its emoji side by side (see
// book.EmojiSimplified). Safe for concurrent use.
type EmojiFace struct {
	font *sfnt.Font
	upem int
	pool sync.Pool // *sfnt.Buffer
}

var _ layout.Face = (*EmojiFace)(nil)

var emojiOnce = sync.OnceValues(func() (*EmojiFace, error) {
	f, err := sfnt.Parse(notoEmoji)
	if err != nil {
		return nil, err
	}
	e := &EmojiFace{font: f, upem: int(f.UnitsPerEm())}
	e.pool.New = func() any { return new(sfnt.Buffer) }
	return e, nil
})

// Emoji returns the bundled emoji face, parsed once.
func Emoji() (*EmojiFace, error) { return emojiOnce() }

// Font is the parsed emoji font, for the cards' rasteriser (safe for
// concurrent use with a sfnt.Buffer per user).
func (e *EmojiFace) Font() *sfnt.Font { return e.font }

// EmojiSilent reports the characters that only join or style emoji
// (variation selectors, the zero-width joiner, the keycap mark, skin
// tones, tags): the emoji face has them, with no advance and no outline.
func EmojiSilent(r rune) bool { return silent(r) }

// silent reports the characters that style emoji and are not drawn.
func silent(r rune) bool {
	return book.EmojiJoiner(r) || book.SkinTone(r) || r >= 0xE0020 && r <= 0xE007F
}

func (e *EmojiFace) glyph(r rune) sfnt.GlyphIndex {
	b := e.pool.Get().(*sfnt.Buffer)
	defer e.pool.Put(b)
	g, err := e.font.GlyphIndex(b, r)
	if err != nil {
		return 0
	}
	return g
}

// Has reports whether the face draws r, or r only styles an emoji.
func (e *EmojiFace) Has(r rune) bool {
	return silent(r) || book.IsEmoji(r) && e.glyph(r) != 0
}

// Advance is r's advance in thousandths of an em (0 for what is not
// drawn).
func (e *EmojiFace) Advance(r rune) int {
	if silent(r) {
		return 0
	}
	g := e.glyph(r)
	if g == 0 {
		return 0
	}
	b := e.pool.Get().(*sfnt.Buffer)
	defer e.pool.Put(b)
	a, err := e.font.GlyphAdvance(b, g, fixed.I(e.upem), 0)
	if err != nil {
		return 0
	}
	return (a.Round()*1000 + e.upem/2) / e.upem
}

// Seg is one piece of a glyph's outline, in thousandths of an em from
// the glyph's origin on the baseline, y pointing down (as sfnt gives
// it): Op is 'M' (move to P[0]), 'L' (line to P[0]), 'Q' (quadratic
// through P[0] to P[1]) or 'C' (cubic through P[0], P[1] to P[2]).
type Seg struct {
	Op byte
	P  [3][2]float64
}

// Outline is r's outline, nil for what is not drawn.
func (e *EmojiFace) Outline(r rune) []Seg {
	if silent(r) {
		return nil
	}
	g := e.glyph(r)
	if g == 0 {
		return nil
	}
	b := e.pool.Get().(*sfnt.Buffer)
	defer e.pool.Put(b)
	segs, err := e.font.LoadGlyph(b, g, fixed.I(e.upem), nil)
	if err != nil {
		return nil
	}
	k := 1000 / float64(e.upem)
	pt := func(p fixed.Point26_6) [2]float64 {
		return [2]float64{float64(p.X) / 64 * k, float64(p.Y) / 64 * k}
	}
	out := make([]Seg, len(segs))
	for i, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			out[i] = Seg{Op: 'M', P: [3][2]float64{pt(s.Args[0])}}
		case sfnt.SegmentOpLineTo:
			out[i] = Seg{Op: 'L', P: [3][2]float64{pt(s.Args[0])}}
		case sfnt.SegmentOpQuadTo:
			out[i] = Seg{Op: 'Q', P: [3][2]float64{pt(s.Args[0]), pt(s.Args[1])}}
		case sfnt.SegmentOpCubeTo:
			out[i] = Seg{Op: 'C', P: [3][2]float64{pt(s.Args[0]), pt(s.Args[1]), pt(s.Args[2])}}
		}
	}
	return out
}
