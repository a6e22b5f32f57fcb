package cards

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"

	"golang.org/x/image/draw"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// subpixels is how many horizontal positions per pixel glyphs are rendered
// at; glyph masks are cached per (rune, position).
const subpixels = 4

type glyphKey struct {
	f    *sfnt.Font
	ppem fixed.Int26_6
	r    rune
	sub  int
}

// glyphCache keeps glyph masks from card to card (the name, role and book
// lines come back at the same sizes on every card). A mask depends only on
// its key, so what the cache holds never changes what is drawn. Not safe
// for concurrent use: one per goroutine.
type glyphCache map[glyphKey]glyphMask

// maxCachedGlyphs bounds the cache; past it, it starts again empty.
const maxCachedGlyphs = 20000

type glyphMask struct {
	dr   image.Rectangle // relative to the integer dot
	mask *image.Alpha
}

// pen draws text in one font at one size. It places every glyph at the
// advance width layout measured (no kerning, like the PDF writer), so what
// the line breaker decided is exactly what is drawn. Not safe for
// concurrent use.
type pen struct {
	m     *metrics
	size  float64
	ppem  fixed.Int26_6
	buf   sfnt.Buffer
	cache glyphCache
}

// newPen makes a pen that keeps its glyphs in cache (nil: its own).
func newPen(m *metrics, size float64, cache glyphCache) *pen {
	if cache == nil {
		cache = make(glyphCache)
	}
	return &pen{m: m, size: size, ppem: fixed.Int26_6(math.Round(size * 64)), cache: cache}
}

func (p *pen) glyph(r rune, sub int) (glyphMask, bool) {
	f, x := p.m.fontOf(r)
	k := glyphKey{f, p.ppem, r, sub}
	if g, ok := p.cache[k]; ok {
		return g, g.mask != nil
	}
	if len(p.cache) >= maxCachedGlyphs {
		clear(p.cache)
	}
	var g glyphMask
	if x != 0 {
		segs, err := f.LoadGlyph(&p.buf, x, p.ppem, nil)
		if err == nil {
			dr, mask := rasterize(segs, fixed.Int26_6(sub*64/subpixels))
			if mask != nil {
				g = glyphMask{dr: dr, mask: mask}
			}
		}
	}
	p.cache[k] = g
	return g, g.mask != nil
}

// draw writes s with its baseline at y, starting at x; colour(i) gives the
// colour of the i-th rune. It returns the x after the last glyph.
func (p *pen) draw(dst *image.RGBA, x, y float64, s string, colour func(i int) color.Color) float64 {
	by := int(math.Round(y))
	i := 0
	for _, r := range s {
		q := int(math.Round(x * subpixels))
		ix, sub := floorDiv(q, subpixels), mod(q, subpixels)
		if g, ok := p.glyph(r, sub); ok {
			glyphOver(dst, g.dr.Add(image.Pt(ix, by)), colour(i), g.mask)
		}
		x += float64(p.m.Advance(r)) * p.size / 1000
		i++
	}
	return x
}

func (p *pen) width(s string) float64 { return p.m.width(s, p.size) }

// glyphOver is draw.DrawMask(dst, r, image.NewUniform(c), image.Point{},
// mask, image.Point{}, draw.Over), pixel for pixel (TestGlyphOver), without
// its allocation and dispatch per glyph, and with a shortcut for the
// pixels a glyph covers whole in an opaque colour (most of them): they
// take the colour. Text is a card's most drawn thing.
func glyphOver(dst *image.RGBA, r image.Rectangle, c color.Color, mask *image.Alpha) {
	clip := r.Intersect(dst.Rect)
	if clip.Empty() {
		return
	}
	mp := mask.Rect.Min.Add(clip.Min.Sub(r.Min))
	const m = 1<<16 - 1
	sr, sg, sb, sa := c.RGBA()
	r8, g8, b8, a8 := uint8(sr>>8), uint8(sg>>8), uint8(sb>>8), uint8(sa>>8)
	opaque := sa == m
	w := clip.Dx()
	for y := clip.Min.Y; y < clip.Max.Y; y++ {
		d := dst.Pix[dst.PixOffset(clip.Min.X, y):][: 4*w : 4*w]
		mrow := mask.Pix[mask.PixOffset(mp.X, mp.Y+y-clip.Min.Y):][:w:w]
		for x, ma := range mrow {
			if ma == 0 {
				continue
			}
			p := d[4*x : 4*x+4 : 4*x+4]
			if ma == 0xff && opaque {
				p[0], p[1], p[2], p[3] = r8, g8, b8, a8
				continue
			}
			// image/draw's drawGlyphOver
			a16 := uint32(ma) | uint32(ma)<<8
			a := (m - (sa * a16 / m)) * 0x101
			p[0] = uint8((uint32(p[0])*a + sr*a16) / m >> 8)
			p[1] = uint8((uint32(p[1])*a + sg*a16) / m >> 8)
			p[2] = uint8((uint32(p[2])*a + sb*a16) / m >> 8)
			p[3] = uint8((uint32(p[3])*a + sa*a16) / m >> 8)
		}
	}
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

func mod(a, b int) int { return a - floorDiv(a, b)*b }

func solid(c color.Color) func(int) color.Color { return func(int) color.Color { return c } }

// fillRect paints r in c.
func fillRect(dst *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(dst, r, image.NewUniform(c), image.Point{}, draw.Src)
}

// decodeImage reads a JPEG or PNG by its signature, not its file name.
func decodeImage(data []byte) (image.Image, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return png.Decode(bytes.NewReader(data))
	case bytes.HasPrefix(data, []byte{0xff, 0xd8}):
		return jpeg.Decode(bytes.NewReader(data))
	}
	return nil, errors.New("ni JPEG ni PNG")
}

// circlePhoto draws src, centre-cropped to a square and scaled to d×d, as a
// disc of diameter d with its top-left corner at at, ringed with a line of
// width m.ring in ringCol. The disc edge is antialiased with an analytic
// coverage mask (exact distance to the circle, clamped to one pixel), m,
// made by scratch.masks. scaled is a d×d canvas to scale into; sc gives
// the scaler (nil: one of its own).
func circlePhoto(dst *image.RGBA, src image.Image, at image.Point, m *discMasks, scaled *image.RGBA, sc *scratch, ringCol color.Color) {
	d := m.d
	b := src.Bounds()
	side := min(b.Dx(), b.Dy())
	crop := image.Rect(0, 0, side, side).Add(image.Pt(b.Min.X+(b.Dx()-side)/2, b.Min.Y+(b.Dy()-side)/2))
	src, crop = reduce(src, crop, d)
	sc.scaler(d, crop.Dx(), crop.Dy()).Scale(scaled, scaled.Rect, src, crop, draw.Src, nil)
	r := scaled.Rect.Add(at)
	draw.DrawMask(dst, r, scaled, image.Point{}, m.disc, image.Point{}, draw.Over)
	if m.ring > 0 {
		draw.DrawMask(dst, r, image.NewUniform(ringCol), image.Point{}, m.band, image.Point{}, draw.Over)
	}
}

// reduce halves src (2×2 averages) while the crop is more than twice the
// target size d, so that the final Catmull-Rom filter, whose cost grows
// with the reduction ratio, works on a small image. It returns the image
// image and the rectangle of it to use.
func reduce(src image.Image, crop image.Rectangle, d int) (image.Image, image.Rectangle) {
	for crop.Dx() > 2*d && crop.Dy() > 2*d {
		// At exactly one half, bilinear sampling is a 2×2 box average.
		half := halve(src, crop)
		src, crop = half, half.Rect
	}
	return src, crop
}

// preparePhoto crops src to its centre square and reduces it to at most
// twice d, once per contributor, for the cards to scale from.
func preparePhoto(src image.Image, d int) image.Image {
	b := src.Bounds()
	side := min(b.Dx(), b.Dy())
	crop := image.Rect(0, 0, side, side).Add(image.Pt(b.Min.X+(b.Dx()-side)/2, b.Min.Y+(b.Dy()-side)/2))
	img, r := reduce(src, crop, d)
	if r == crop {
		out := image.NewRGBA(image.Rect(0, 0, side, side))
		draw.Draw(out, out.Rect, src, crop.Min, draw.Src)
		return out
	}
	return img
}

// coverage maps a signed distance (positive inside) to a pixel coverage.
func coverage(d float64) float64 { return math.Max(0, math.Min(1, d+0.5)) }

// fitImage scales src to fit within maxW×maxH, keeping its proportions.
func fitImage(src image.Image, maxW, maxH int) *image.RGBA {
	b := src.Bounds()
	if b.Dx() == 0 || b.Dy() == 0 {
		return image.NewRGBA(image.Rect(0, 0, 0, 0))
	}
	s := math.Min(float64(maxW)/float64(b.Dx()), float64(maxH)/float64(b.Dy()))
	w := max(1, int(math.Round(float64(b.Dx())*s)))
	h := max(1, int(math.Round(float64(b.Dy())*s)))
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(out, out.Rect, src, b, draw.Src, nil)
	return out
}

// mix blends a towards b: t=0 gives a, t=1 gives b.
func mix(a, b color.RGBA, t float64) color.RGBA {
	l := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 255}
}

// parseHex reads #rrggbb.
func parseHex(s string) (color.RGBA, bool) {
	if len(s) != 7 || s[0] != '#' {
		return color.RGBA{}, false
	}
	var v [3]uint8
	for i := 0; i < 3; i++ {
		hi, ok1 := hexDigit(s[1+2*i])
		lo, ok2 := hexDigit(s[2+2*i])
		if !ok1 || !ok2 {
			return color.RGBA{}, false
		}
		v[i] = hi<<4 | lo
	}
	return color.RGBA{v[0], v[1], v[2], 255}, true
}

func hexDigit(c byte) (uint8, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
