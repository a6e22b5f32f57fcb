// Command sampleart draws the images of the sample book: illustrated
// portraits for a few contributors, the cover and the partners' logos.
//
// Every image is computed from fixed parameters (no randomness, no clock),
// so running it twice writes the same bytes. Run it from the repository
// root:
//
//	go run ./tools/sampleart
//
// or give the root as the only argument. The pictures are abstract on
// purpose: the contributors of the sample book are fictional.
package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

func main() {
	root := "."
	if len(os.Args) > 1 {
		root = os.Args[1]
	}
	if err := run(root, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "sampleart:", err)
		os.Exit(1) // a development tool, not part of recueil itself
	}
}

// run writes every image under root and lists what it wrote on w.
func run(root string, w io.Writer) error {
	fonts, err := loadFonts()
	if err != nil {
		return err
	}
	for _, p := range portraits {
		img := drawPortrait(fonts, p)
		if err := save(filepath.Join(root, "contributions", "photos", p.file), img, w); err != nil {
			return err
		}
	}
	if err := save(filepath.Join(root, "editorial", "cover.jpg"), drawCover(fonts), w); err != nil {
		return err
	}
	logos := []struct {
		file string
		img  image.Image
	}{
		{"logo-fondation-imaginaire.png", drawLogoFondation(fonts)},
		{"logo-reseau-exemplaire.png", drawLogoReseau(fonts)},
		{"logo-afri.png", drawLogoAFRI(fonts)},
	}
	for _, l := range logos {
		if err := save(filepath.Join(root, "editorial", l.file), l.img, w); err != nil {
			return err
		}
	}
	return nil
}

// save encodes img as JPEG or PNG according to the file extension.
func save(path string, img image.Image, w io.Writer) error {
	var buf bytes.Buffer
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jpg", ".jpeg":
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 88}); err != nil {
			return err
		}
	case ".png":
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&buf, img); err != nil {
			return err
		}
	default:
		return fmt.Errorf("%s: unknown image type", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(w, "%s %d×%d %d bytes\n", filepath.ToSlash(path), img.Bounds().Dx(), img.Bounds().Dy(), buf.Len())
	return nil
}

// ---------------------------------------------------------------- fonts

// Glyphs are drawn from their outlines with the same rasterizer as the
// shapes (x/image/font/sfnt), with kerning.

type fontSet struct {
	serifBold, serifItalic, sans, sansBold *sfnt.Font
}

func loadFonts() (*fontSet, error) {
	var fs fontSet
	for _, f := range []struct {
		dst **sfnt.Font
		ttf []byte
	}{
		{&fs.serifBold, liberationserifbold.TTF},
		{&fs.serifItalic, liberationserifitalic.TTF},
		{&fs.sans, liberationsansregular.TTF},
		{&fs.sansBold, liberationsansbold.TTF},
	} {
		fnt, err := sfnt.Parse(f.ttf)
		if err != nil {
			return nil, err
		}
		*f.dst = fnt
	}
	return &fs, nil
}

// face is a font at a size in pixels.
type face struct {
	f    *sfnt.Font
	size float64
}

func (fc face) ppem() fixed.Int26_6 { return fixed.Int26_6(math.Round(fc.size * 64)) }

// glyphs lays s out from x = 0 and returns each glyph's index and x, and
// the total advance. tracking adds that many pixels between letters.
func (fc face) glyphs(s string, tracking float64) (idx []sfnt.GlyphIndex, xs []float64, width float64) {
	var buf sfnt.Buffer
	x := 0.0
	prev := sfnt.GlyphIndex(0)
	for i, r := range []rune(s) {
		g, err := fc.f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			panic(fmt.Sprintf("sampleart: no glyph for %q", r))
		}
		if i > 0 {
			if k, err := fc.f.Kern(&buf, prev, g, fc.ppem(), font.HintingNone); err == nil {
				x += float64(k) / 64
			}
			x += tracking
		}
		idx = append(idx, g)
		xs = append(xs, x)
		adv, err := fc.f.GlyphAdvance(&buf, g, fc.ppem(), font.HintingNone)
		if err != nil {
			panic(err)
		}
		x += float64(adv) / 64
		prev = g
	}
	return idx, xs, x
}

// text draws s with its baseline at y. align is 'l', 'c' or 'r' relative to x.
func text(dst draw.Image, fc face, s string, x, y float64, align byte, c color.Color, tracking float64) {
	idx, xs, width := fc.glyphs(s, tracking)
	switch align {
	case 'c':
		x -= width / 2
	case 'r':
		x -= width
	}
	var buf sfnt.Buffer
	sh := newShape(dst.Bounds())
	for i, g := range idx {
		segs, err := fc.f.LoadGlyph(&buf, g, fc.ppem(), nil)
		if err != nil {
			panic(err)
		}
		ox := x + xs[i]
		p := func(a fixed.Point26_6) (float64, float64) {
			return ox + float64(a.X)/64, y + float64(a.Y)/64
		}
		for _, sg := range segs {
			x0, y0 := p(sg.Args[0])
			switch sg.Op {
			case sfnt.SegmentOpMoveTo:
				sh.MoveTo(x0, y0)
			case sfnt.SegmentOpLineTo:
				sh.LineTo(x0, y0)
			case sfnt.SegmentOpQuadTo:
				x1, y1 := p(sg.Args[1])
				sh.QuadTo(x0, y0, x1, y1)
			case sfnt.SegmentOpCubeTo:
				x1, y1 := p(sg.Args[1])
				x2, y2 := p(sg.Args[2])
				sh.CubeTo(x0, y0, x1, y1, x2, y2)
			}
		}
		sh.ClosePath()
	}
	sh.fill(dst, c)
}

// ---------------------------------------------------------------- paint

func hex(s string) color.NRGBA {
	var c color.NRGBA
	c.A = 255
	fmt.Sscanf(strings.TrimPrefix(s, "#"), "%02x%02x%02x", &c.R, &c.G, &c.B)
	return c
}

func alpha(c color.NRGBA, a float64) color.NRGBA {
	c.A = uint8(math.Round(a * 255))
	return c
}

func mix(a, b color.NRGBA, t float64) color.NRGBA {
	l := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.NRGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), l(a.A, b.A)}
}

func smooth(t float64) float64 {
	t = math.Max(0, math.Min(1, t))
	return t * t * (3 - 2*t)
}

// gradient fills dst with a soft diagonal gradient from top to bottom, with
// a slight tilt so that the light seems to come from the upper left.
func gradient(dst *image.RGBA, top, bottom color.NRGBA) {
	b := dst.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			t := smooth((float64(y) + 0.35*float64(x)) / (h + 0.35*w))
			dst.Set(x, y, mix(top, bottom, t))
		}
	}
}

// shape is a path filled with anti-aliasing (non-zero winding), so that an
// inner path drawn the other way cuts a hole. Curves are flattened into
// short segments; each pixel row is sampled on several sub-rows, and spans
// are accumulated with exact horizontal coverage.
type shape struct {
	w, h  int
	subs  [][]pt
	cur   []pt
	start pt
}

type pt struct{ x, y float64 }

func newShape(b image.Rectangle) *shape { return &shape{w: b.Dx(), h: b.Dy()} }

func (s *shape) MoveTo(x, y float64) {
	s.ClosePath()
	s.cur = []pt{{x, y}}
	s.start = pt{x, y}
}

func (s *shape) LineTo(x, y float64) { s.cur = append(s.cur, pt{x, y}) }

func (s *shape) CubeTo(x1, y1, x2, y2, x3, y3 float64) {
	p0 := s.cur[len(s.cur)-1]
	const n = 24
	for i := 1; i <= n; i++ {
		t := float64(i) / n
		u := 1 - t
		a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
		s.cur = append(s.cur, pt{a*p0.x + b*x1 + c*x2 + d*x3, a*p0.y + b*y1 + c*y2 + d*y3})
	}
}

func (s *shape) QuadTo(x1, y1, x2, y2 float64) {
	p0 := s.cur[len(s.cur)-1]
	const n = 8
	for i := 1; i <= n; i++ {
		t := float64(i) / n
		u := 1 - t
		a, b, c := u*u, 2*u*t, t*t
		s.cur = append(s.cur, pt{a*p0.x + b*x1 + c*x2, a*p0.y + b*y1 + c*y2})
	}
}

func (s *shape) ClosePath() {
	if len(s.cur) > 1 {
		s.subs = append(s.subs, append(s.cur, s.start))
	}
	s.cur = nil
}

// mask computes the coverage of the shape.
func (s *shape) mask() *image.Alpha {
	s.ClosePath()
	const sub = 5
	m := image.NewAlpha(image.Rect(0, 0, s.w, s.h))
	type edge struct {
		a, b pt
		dir  int
	}
	var edges []edge
	minY, maxY := math.Inf(1), math.Inf(-1)
	for _, ps := range s.subs {
		for i := 0; i+1 < len(ps); i++ {
			a, b := ps[i], ps[i+1]
			if a.y == b.y {
				continue
			}
			e := edge{a, b, 1}
			if a.y > b.y {
				e = edge{b, a, -1}
			}
			edges = append(edges, e)
			minY, maxY = math.Min(minY, e.a.y), math.Max(maxY, e.b.y)
		}
	}
	acc := make([]float64, s.w+1)
	type cross struct {
		x   float64
		dir int
	}
	var xs []cross
	y0 := max(0, int(math.Floor(minY)))
	y1 := min(s.h, int(math.Ceil(maxY))+1)
	for y := y0; y < y1; y++ {
		clear(acc)
		for k := 0; k < sub; k++ {
			sy := float64(y) + (float64(k)+0.5)/sub
			xs = xs[:0]
			for _, e := range edges {
				if sy < e.a.y || sy >= e.b.y {
					continue
				}
				t := (sy - e.a.y) / (e.b.y - e.a.y)
				xs = append(xs, cross{e.a.x + t*(e.b.x-e.a.x), e.dir})
			}
			sort.Slice(xs, func(i, j int) bool { return xs[i].x < xs[j].x })
			wind := 0
			for i, c := range xs {
				wind += c.dir
				if wind != 0 && i+1 < len(xs) {
					span(acc, c.x, xs[i+1].x)
				}
			}
		}
		for x := 0; x < s.w; x++ {
			v := acc[x] / sub
			if v > 0 {
				m.Pix[y*m.Stride+x] = uint8(math.Round(math.Min(1, v) * 255))
			}
		}
	}
	return m
}

// span adds the coverage of [x0, x1) to the pixels of acc.
func span(acc []float64, x0, x1 float64) {
	w := float64(len(acc) - 1)
	x0, x1 = math.Max(0, math.Min(w, x0)), math.Max(0, math.Min(w, x1))
	if x1 <= x0 {
		return
	}
	i0, i1 := int(x0), int(x1)
	if i0 == i1 {
		acc[i0] += x1 - x0
		return
	}
	acc[i0] += float64(i0+1) - x0
	for i := i0 + 1; i < i1; i++ {
		acc[i]++
	}
	acc[i1] += x1 - float64(i1)
}

func (s *shape) fill(dst draw.Image, c color.Color) {
	m := s.mask()
	draw.DrawMask(dst, dst.Bounds(), image.NewUniform(c), image.Point{}, m, image.Point{}, draw.Over)
}

// ellipse adds an ellipse; ccw reverses the direction (to cut a hole).
func (s *shape) ellipse(cx, cy, rx, ry float64, ccw bool) {
	const k = 0.5522847498
	sy := 1.0
	if ccw {
		sy = -1
	}
	s.MoveTo(cx+rx, cy)
	s.CubeTo(cx+rx, cy+sy*k*ry, cx+k*rx, cy+sy*ry, cx, cy+sy*ry)
	s.CubeTo(cx-k*rx, cy+sy*ry, cx-rx, cy+sy*k*ry, cx-rx, cy)
	s.CubeTo(cx-rx, cy-sy*k*ry, cx-k*rx, cy-sy*ry, cx, cy-sy*ry)
	s.CubeTo(cx+k*rx, cy-sy*ry, cx+rx, cy-sy*k*ry, cx+rx, cy)
	s.ClosePath()
}

func disc(dst draw.Image, cx, cy, r float64, c color.Color) {
	s := newShape(dst.Bounds())
	s.ellipse(cx, cy, r, r, false)
	s.fill(dst, c)
}

func ring(dst draw.Image, cx, cy, r, width float64, c color.Color) {
	s := newShape(dst.Bounds())
	s.ellipse(cx, cy, r+width/2, r+width/2, false)
	s.ellipse(cx, cy, r-width/2, r-width/2, true)
	s.fill(dst, c)
}

// line draws a segment of the given width with round ends.
func line(dst draw.Image, x0, y0, x1, y1, width float64, c color.Color) {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	nx, ny := -dy/l*width/2, dx/l*width/2
	s := newShape(dst.Bounds())
	f := func(v float64) float64 { return v }
	s.MoveTo(f(x0+nx), f(y0+ny))
	s.LineTo(f(x1+nx), f(y1+ny))
	s.LineTo(f(x1-nx), f(y1-ny))
	s.LineTo(f(x0-nx), f(y0-ny))
	s.ClosePath()
	s.ellipse(x0, y0, width/2, width/2, false)
	s.ellipse(x1, y1, width/2, width/2, false)
	s.fill(dst, c)
}

// ---------------------------------------------------------------- portraits

// portrait describes one contributor's illustrated portrait.
type portrait struct {
	file     string // under contributions/photos/
	initials string
	w, h     int
	top, bot string  // background gradient
	figure   string  // silhouette colour
	halo     string  // disc behind the head
	accent   string  // thin rings
	shift    float64 // horizontal offset of the figure, in widths
	headTilt float64 // head ellipse: ratio of width to height
	hair     int     // 0 short, 1 bun, 2 long
}

var portraits = []portrait{
	{file: "violette-exemple.jpg", initials: "VE", w: 800, h: 1000,
		top: "#3d2c5e", bot: "#e7a6c8", figure: "#241838", halo: "#f3d3e4", accent: "#e8b04b",
		shift: 0.04, headTilt: 0.84, hair: 1},
	{file: "maelle-le-goaziou.jpg", initials: "MLG", w: 800, h: 1000,
		top: "#123b52", bot: "#8fd3d1", figure: "#0b2431", halo: "#d9f2ee", accent: "#f4f1de",
		shift: -0.05, headTilt: 0.82, hair: 2},
	{file: "elodie-marchetti.jpg", initials: "ÉM", w: 800, h: 1000,
		top: "#7d2e22", bot: "#f6c28b", figure: "#45160f", halo: "#fde5c6", accent: "#fff4e0",
		shift: 0.0, headTilt: 0.86, hair: 3},
	{file: "pieter-van-der-kraats.png", initials: "PVK", w: 600, h: 750,
		top: "#1f4038", bot: "#c9d8a7", figure: "#11261f", halo: "#eef3dc", accent: "#e8b04b",
		shift: 0.06, headTilt: 0.8, hair: 0},
}

func drawPortrait(fs *fontSet, p portrait) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, p.w, p.h))
	gradient(img, hex(p.top), hex(p.bot))
	W, H := float64(p.w), float64(p.h)
	cx := W * (0.5 + p.shift)
	headR := W * 0.15
	headY := H * 0.37

	// light behind the head, and thin rings like ripples of an encounter
	disc(img, cx+W*0.03, headY-H*0.01, W*0.34, alpha(hex(p.halo), 0.30))
	disc(img, cx+W*0.03, headY-H*0.01, W*0.24, alpha(hex(p.halo), 0.25))
	ring(img, W*0.17, H*0.15, W*0.10, W*0.006, alpha(hex(p.accent), 0.7))
	ring(img, W*0.86, H*0.30, W*0.06, W*0.005, alpha(hex(p.accent), 0.55))
	disc(img, W*0.86, H*0.30, W*0.016, alpha(hex(p.accent), 0.8))

	fig := hex(p.figure)
	hair := mix(fig, hex(p.halo), 0.22)
	sw := W * 0.37           // half width of the shoulders at the bottom
	sy := headY + headR*1.32 // top of the shoulders
	r := H * 0.17
	nw := headR * 0.36 // half width of the neck

	// hair behind the head, in a lighter tone than the figure
	h := newShape(img.Bounds())
	switch p.hair {
	case 1: // a bun
		h.ellipse(cx+headR*0.32, headY-headR*0.98, headR*0.42, headR*0.38, false)
		h.ellipse(cx, headY-headR*0.1, headR*p.headTilt*1.08, headR*1.02, false)
	case 2: // long hair falling on the shoulders
		h.ellipse(cx, headY-headR*0.08, headR*1.02, headR*1.1, false)
		h.MoveTo(cx-headR*1.02, headY)
		h.LineTo(cx+headR*1.02, headY)
		h.LineTo(cx+headR*1.12, sy+headR*0.7)
		h.LineTo(cx-headR*1.12, sy+headR*0.7)
		h.ClosePath()
	case 3: // short, cropped
		h.ellipse(cx, headY-headR*0.12, headR*p.headTilt*1.06, headR*0.98, false)
	}
	h.fill(img, hair)

	s := newShape(img.Bounds())
	// shoulders: sloping curves that leave the frame at the bottom
	s.MoveTo(cx-sw, H+2)
	s.LineTo(cx-sw, sy+r)
	s.CubeTo(cx-sw, sy+r*0.3, cx-sw*0.72, sy, cx-sw*0.28, sy)
	s.LineTo(cx+sw*0.28, sy)
	s.CubeTo(cx+sw*0.72, sy, cx+sw, sy+r*0.3, cx+sw, sy+r)
	s.LineTo(cx+sw, H+2)
	s.ClosePath()
	// neck
	s.MoveTo(cx-nw, headY+headR*0.6)
	s.LineTo(cx+nw, headY+headR*0.6)
	s.LineTo(cx+nw*1.25, sy+2)
	s.LineTo(cx-nw*1.25, sy+2)
	s.ClosePath()
	// head, lower so that the hair frames it
	s.ellipse(cx, headY+headR*0.04, headR*p.headTilt*0.96, headR*0.96, false)
	s.fill(img, fig)

	// collar: a soft V, so that the figure reads as a bust
	v := newShape(img.Bounds())
	v.MoveTo(cx-nw*1.5, sy)
	v.LineTo(cx+nw*1.5, sy)
	v.LineTo(cx, sy+H*0.07)
	v.ClosePath()
	v.fill(img, alpha(hex(p.halo), 0.18))

	// initials on the chest
	size := W * 0.13
	if len([]rune(p.initials)) > 2 {
		size = W * 0.105
	}
	fc := face{fs.serifBold, size}
	text(img, fc, p.initials, cx, sy+H*0.26, 'c', alpha(hex(p.halo), 0.85), W*0.012)
	return img
}

// ---------------------------------------------------------------- cover

const (
	navy  = "#1f2a44"
	ink   = "#111a2e"
	gold  = "#e8b04b"
	coral = "#e07a5f"
	teal  = "#5fa8a0"
	cream = "#f6f1e7"
)

func drawCover(fs *fontSet) *image.RGBA {
	// Drawn on a 1400 × 2000 grid scaled by k: 1750 × 2500 pixels, 300 dpi
	// on the A5 cover as the book prints it (the 240 dpi of 1400 × 2000 was
	// below what a printer asks, and compile said so).
	const k = 1.25
	const W, H = 1400 * k, 2000 * k
	img := image.NewRGBA(image.Rect(0, 0, W, H))
	gradient(img, hex("#26355a"), hex(ink))

	// two circles that meet: the "improbable encounter", each linked to a
	// small companion
	line(img, k*250, k*330, k*560, k*720, k*2, alpha(hex(cream), 0.25))
	line(img, k*860, k*820, k*1180, k*1230, k*2, alpha(hex(cream), 0.25))
	disc(img, k*560, k*720, k*360, alpha(hex(gold), 0.92))
	disc(img, k*860, k*820, k*360, alpha(hex(teal), 0.78))
	// their intersection, lit
	lens := image.NewRGBA(img.Bounds())
	disc(lens, k*560, k*720, k*360, color.NRGBA{255, 255, 255, 255})
	m := newShape(img.Bounds())
	m.ellipse(k*860, k*820, k*360, k*360, false)
	mask := m.mask()
	draw.DrawMask(img, img.Bounds(), image.NewUniform(alpha(hex(cream), 0.55)), image.Point{}, intersect{lens, mask}, image.Point{}, draw.Over)

	// ripples and small companions
	ring(img, k*560, k*720, k*430, k*3, alpha(hex(cream), 0.35))
	ring(img, k*860, k*820, k*470, k*2, alpha(hex(cream), 0.22))
	ring(img, k*710, k*770, k*560, k*1.5, alpha(hex(cream), 0.14))
	disc(img, k*250, k*330, k*26, alpha(hex(coral), 0.95))
	disc(img, k*1180, k*1230, k*18, alpha(hex(cream), 0.9))
	disc(img, k*1130, k*300, k*10, alpha(hex(gold), 0.9))
	disc(img, k*300, k*1180, k*12, alpha(hex(teal), 0.95))

	// title block
	white := hex("#ffffff")
	text(img, face{fs.sansBold, k * 34}, "LIVRE BLANC COLLECTIF", k*120, k*1420, 'l', hex(gold), k*9)
	line(img, k*120, k*1448, k*300, k*1448, k*4, hex(gold))
	title := face{fs.serifBold, k * 150}
	text(img, title, "Rencontres", k*112, k*1600, 'l', white, 0)
	text(img, title, "improbables", k*112, k*1745, 'l', white, 0)
	text(img, face{fs.serifItalic, k * 44}, "Témoignages réunis par Camille Exemple", k*120, k*1830, 'l', hex(cream), 0)
	text(img, face{fs.sans, k * 30}, "Association fictive des rencontres improbables · 1re édition · 2026", k*120, k*1930, 'l', alpha(hex(cream), 0.7), 0)
	return img
}

// intersect is the alpha of a masked by the alpha of b.
type intersect struct {
	a image.Image
	b *image.Alpha
}

func (i intersect) ColorModel() color.Model { return color.AlphaModel }
func (i intersect) Bounds() image.Rectangle { return i.b.Bounds() }
func (i intersect) At(x, y int) color.Color {
	_, _, _, a := i.a.At(x, y).RGBA()
	return color.Alpha{uint8(uint32(i.b.AlphaAt(x, y).A) * (a >> 8) / 255)}
}

// ---------------------------------------------------------------- logos

func drawLogoFondation(fs *fontSet) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 680, 300))
	disc(img, 120, 130, 70, alpha(hex(gold), 0.95))
	disc(img, 190, 130, 70, alpha(hex(teal), 0.85))
	disc(img, 155, 190, 70, alpha(hex(coral), 0.8))
	text(img, face{fs.sansBold, 70}, "Fondation", 300, 140, 'l', hex(navy), 0)
	text(img, face{fs.sans, 70}, "Imaginaire", 300, 215, 'l', hex(navy), 0)
	text(img, face{fs.sans, 24}, "POUR LE LIEN SOCIAL", 303, 262, 'l', hex(teal), 4)
	return img
}

func drawLogoReseau(fs *fontSet) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 700, 300))
	// six nodes on a hexagon, linked, around a centre
	cx, cy, r := 150.0, 150.0, 95.0
	var pts [6][2]float64
	for i := range pts {
		a := math.Pi/6 + float64(i)*math.Pi/3
		pts[i] = [2]float64{cx + r*math.Cos(a), cy + r*math.Sin(a)}
	}
	for i, p := range pts {
		q := pts[(i+1)%6]
		line(img, p[0], p[1], q[0], q[1], 6, alpha(hex(navy), 0.85))
		if i%2 == 0 {
			line(img, p[0], p[1], cx, cy, 6, alpha(hex(navy), 0.85))
		}
	}
	for i, p := range pts {
		c := hex(teal)
		if i%2 == 0 {
			c = hex(gold)
		}
		disc(img, p[0], p[1], 22, c)
	}
	disc(img, cx, cy, 30, hex(coral))
	text(img, face{fs.serifBold, 78}, "Réseau", 300, 135, 'l', hex(navy), 0)
	text(img, face{fs.serifItalic, 78}, "Exemplaire", 300, 220, 'l', hex(navy), 0)
	return img
}

// drawLogoAFRI is the publisher's logo, light on transparent, for the dark
// share cards.
func drawLogoAFRI(fs *fontSet) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 730, 240))
	ring(img, 95, 120, 62, 12, hex(gold))
	ring(img, 165, 120, 62, 12, alpha(hex("#ffffff"), 0.9))
	text(img, face{fs.serifBold, 92}, "AFRI", 270, 140, 'l', hex("#ffffff"), 4)
	text(img, face{fs.sans, 25}, "ASSOCIATION FICTIVE DES", 272, 180, 'l', hex(gold), 3)
	text(img, face{fs.sans, 25}, "RENCONTRES IMPROBABLES", 272, 212, 'l', hex(gold), 3)
	return img
}
