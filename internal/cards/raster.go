package cards

import (
	"image"
	"math"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// A small glyph rasterizer: exact signed-area coverage accumulation (the
// algorithm of font-rs and golang.org/x/image/vector's floating-point path).
// It is here because golang.org/x/image/vector, which font/opentype needs,
// pulls in golang.org/x/sys, which is not in the module graph's go.sum.

type raster struct {
	w, h int
	acc  []float32
}

func newRaster(w, h int) *raster {
	return &raster{w: w, h: h, acc: make([]float32, w*h+2)}
}

// line adds the edge from (x0,y0) to (x1,y1), in pixels.
func (z *raster) line(x0, y0, x1, y1 float32) {
	if y0 == y1 {
		return
	}
	dir := float32(1)
	if y0 > y1 {
		dir = -1
		x0, y0, x1, y1 = x1, y1, x0, y0
	}
	dxdy := (x1 - x0) / (y1 - y0)
	x := x0
	if y0 < 0 {
		x -= y0 * dxdy
		y0 = 0
	}
	w := z.w
	for y := int(y0); y < z.h && float32(y) < y1; y++ {
		start := y * w
		dy := min(float32(y+1), y1) - max(float32(y), y0)
		xnext := x + dxdy*dy
		d := dy * dir
		a, b := x, xnext
		if a > b {
			a, b = b, a
		}
		a = max(a, 0)
		b = min(max(b, 0), float32(w))
		af := float32(math.Floor(float64(a)))
		ai := int(af)
		bc := float32(math.Ceil(float64(b)))
		bi := int(bc)
		if bi <= ai+1 {
			xm := 0.5*(x+xnext) - af
			z.add(start+ai, d-d*xm)
			z.add(start+ai+1, d*xm)
		} else {
			s := 1 / (b - a)
			a0f := a - af
			a0 := 0.5 * s * (1 - a0f) * (1 - a0f)
			b1f := b - bc + 1
			am := 0.5 * s * b1f * b1f
			z.add(start+ai, d*a0)
			if bi == ai+2 {
				z.add(start+ai+1, d*(1-a0-am))
			} else {
				a1 := s * (1.5 - a0f)
				z.add(start+ai+1, d*(a1-a0))
				for xi := ai + 2; xi < bi-1; xi++ {
					z.add(start+xi, d*s)
				}
				a2 := a1 + float32(bi-ai-3)*s
				z.add(start+bi-1, d*(1-a2-am))
			}
			z.add(start+bi, d*am)
		}
		x = xnext
	}
}

func (z *raster) add(i int, v float32) {
	if i >= 0 && i < len(z.acc) {
		z.acc[i] += v
	}
}

// quad flattens a quadratic Bézier curve into lines.
func (z *raster) quad(x0, y0, x1, y1, x2, y2 float32) {
	ddx, ddy := x0-2*x1+x2, y0-2*y1+y2
	dev := ddx*ddx + ddy*ddy
	if dev < 0.333 {
		z.line(x0, y0, x2, y2)
		return
	}
	n := 1 + int(math.Sqrt(math.Sqrt(3*float64(dev))))
	px, py := x0, y0
	for i := 1; i <= n; i++ {
		t := float32(i) / float32(n)
		u := 1 - t
		qx := u*u*x0 + 2*u*t*x1 + t*t*x2
		qy := u*u*y0 + 2*u*t*y1 + t*t*y2
		z.line(px, py, qx, qy)
		px, py = qx, qy
	}
}

// cube flattens a cubic Bézier curve into lines.
func (z *raster) cube(x0, y0, x1, y1, x2, y2, x3, y3 float32) {
	l := math.Hypot(float64(x1-x0), float64(y1-y0)) + math.Hypot(float64(x2-x1), float64(y2-y1)) +
		math.Hypot(float64(x3-x2), float64(y3-y2))
	n := max(1, int(math.Ceil(math.Sqrt(l))))
	px, py := x0, y0
	for i := 1; i <= n; i++ {
		t := float32(i) / float32(n)
		u := 1 - t
		qx := u*u*u*x0 + 3*u*u*t*x1 + 3*u*t*t*x2 + t*t*t*x3
		qy := u*u*u*y0 + 3*u*u*t*y1 + 3*u*t*t*y2 + t*t*t*y3
		z.line(px, py, qx, qy)
		px, py = qx, qy
	}
}

// alpha turns the accumulated areas into an 8-bit coverage mask
// (non-zero winding, as TrueType outlines are drawn).
func (z *raster) alpha() *image.Alpha {
	a := image.NewAlpha(image.Rect(0, 0, z.w, z.h))
	var sum float32
	for i := 0; i < z.w*z.h; i++ {
		sum += z.acc[i]
		v := sum
		if v < 0 {
			v = -v
		}
		if v > 1 {
			v = 1
		}
		a.Pix[i] = uint8(v*255 + 0.5)
	}
	return a
}

// rasterize draws a glyph's outline with its origin at (dx, 0) in 26.6
// pixels, y down, and returns the mask and where it goes relative to the
// integer origin.
func rasterize(segs sfnt.Segments, dx fixed.Int26_6) (image.Rectangle, *image.Alpha) {
	b := segs.Bounds()
	b.Min.X += dx
	b.Max.X += dx
	dr := image.Rect(b.Min.X.Floor(), b.Min.Y.Floor(), b.Max.X.Ceil(), b.Max.Y.Ceil())
	if dr.Dx() <= 0 || dr.Dy() <= 0 {
		return image.Rectangle{}, nil
	}
	z := newRaster(dr.Dx(), dr.Dy())
	biasX := dx - fixed.Int26_6(dr.Min.X<<6)
	biasY := -fixed.Int26_6(dr.Min.Y << 6)
	px := func(p fixed.Point26_6) (float32, float32) {
		return float32(p.X+biasX) / 64, float32(p.Y+biasY) / 64
	}
	var cx, cy, sx, sy float32 // current point, start of the contour
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			if cx != sx || cy != sy {
				z.line(cx, cy, sx, sy)
			}
			cx, cy = px(s.Args[0])
			sx, sy = cx, cy
		case sfnt.SegmentOpLineTo:
			x, y := px(s.Args[0])
			z.line(cx, cy, x, y)
			cx, cy = x, y
		case sfnt.SegmentOpQuadTo:
			x1, y1 := px(s.Args[0])
			x, y := px(s.Args[1])
			z.quad(cx, cy, x1, y1, x, y)
			cx, cy = x, y
		case sfnt.SegmentOpCubeTo:
			x1, y1 := px(s.Args[0])
			x2, y2 := px(s.Args[1])
			x, y := px(s.Args[2])
			z.cube(cx, cy, x1, y1, x2, y2, x, y)
			cx, cy = x, y
		}
	}
	if cx != sx || cy != sy {
		z.line(cx, cy, sx, sy)
	}
	return dr, z.alpha()
}
