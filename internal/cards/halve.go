package cards

import (
	"image"

	"golang.org/x/image/draw"
)

// halve returns the r part of src (its width and height even) reduced to
// half its size: each pixel the average of a 2×2 block. It gives exactly
// the bytes of draw.ApproxBiLinear.Scale at that ratio, whose samples then
// fall at the middle of each block (weights of one half, exact in
// floating point: a pixel is ⌊(a+b+c+d)/4⌋ of the 16-bit samples, then its
// high byte). For the two kinds of image a card's photo nearly always is
// (a camera's 4:2:0 JPEG, and the RGBA of an earlier halving) it does it in
// integers, taking each 2×2 block's one chroma sample once; x/image/draw's
// general code was about a fifth of a card's CPU with a photo of its own.
// TestHalveIsApproxBiLinear holds it to the library's bytes.
func halve(src image.Image, r image.Rectangle) *image.RGBA {
	w, h := r.Dx()/2, r.Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	r = image.Rect(r.Min.X, r.Min.Y, r.Min.X+2*w, r.Min.Y+2*h)
	switch s := src.(type) {
	case *image.YCbCr:
		if s.SubsampleRatio == image.YCbCrSubsampleRatio420 && r.Min.X%2 == 0 && r.Min.Y%2 == 0 && r.In(s.Rect) {
			halveYCbCr420(dst, s, r)
			return dst
		}
	case *image.RGBA:
		if r.In(s.Rect) {
			halveRGBA(dst, s, r)
			return dst
		}
	}
	draw.ApproxBiLinear.Scale(dst, dst.Rect, src, r, draw.Src, nil)
	return dst
}

// halveYCbCr420: a 2×2 block starting at even coordinates shares one Cb
// and one Cr sample; each of its four pixels is converted to 16-bit RGB
// as image/color's YCbCr.RGBA does (and x/image/draw inline), then summed.
func halveYCbCr420(dst *image.RGBA, src *image.YCbCr, r image.Rectangle) {
	w, h := dst.Rect.Dx(), dst.Rect.Dy()
	for y := 0; y < h; y++ {
		sy := r.Min.Y + 2*y
		y0 := (sy-src.Rect.Min.Y)*src.YStride + r.Min.X - src.Rect.Min.X
		c0 := (sy/2-src.Rect.Min.Y/2)*src.CStride + r.Min.X/2 - src.Rect.Min.X/2
		ya := src.Y[y0 : y0+2*w]
		yb := src.Y[y0+src.YStride : y0+src.YStride+2*w]
		cbs := src.Cb[c0 : c0+w]
		crs := src.Cr[c0 : c0+w]
		d := dst.Pix[y*dst.Stride : y*dst.Stride+4*w]
		for x := range cbs {
			cb := int(cbs[x]) - 128
			cr := int(crs[x]) - 128
			rc, gc, bc := 91881*cr, -22554*cb-46802*cr, 116130*cb
			y00, y10 := int(ya[2*x])*0x10101, int(ya[2*x+1])*0x10101
			y01, y11 := int(yb[2*x])*0x10101, int(yb[2*x+1])*0x10101
			R := clamp16((y00+rc)>>8) + clamp16((y10+rc)>>8) + clamp16((y01+rc)>>8) + clamp16((y11+rc)>>8)
			G := clamp16((y00+gc)>>8) + clamp16((y10+gc)>>8) + clamp16((y01+gc)>>8) + clamp16((y11+gc)>>8)
			B := clamp16((y00+bc)>>8) + clamp16((y10+bc)>>8) + clamp16((y01+bc)>>8) + clamp16((y11+bc)>>8)
			p := d[4*x : 4*x+4 : 4*x+4]
			p[0], p[1], p[2], p[3] = uint8(R>>10), uint8(G>>10), uint8(B>>10), 0xff
		}
	}
}

func clamp16(v int) int { return min(max(v, 0), 0xffff) }

// halveRGBA: each channel of each pixel is ⌊257·(a+b+c+d)/1024⌋, the high
// byte of the average of its four 16-bit samples (v·0x101).
func halveRGBA(dst *image.RGBA, src *image.RGBA, r image.Rectangle) {
	w, h := dst.Rect.Dx(), dst.Rect.Dy()
	for y := 0; y < h; y++ {
		o := (r.Min.Y+2*y-src.Rect.Min.Y)*src.Stride + (r.Min.X-src.Rect.Min.X)*4
		a := src.Pix[o : o+8*w]
		b := src.Pix[o+src.Stride : o+src.Stride+8*w]
		d := dst.Pix[y*dst.Stride : y*dst.Stride+4*w]
		for x := 0; x < w; x++ {
			p, q, o := a[8*x:8*x+8:8*x+8], b[8*x:8*x+8:8*x+8], d[4*x:4*x+4:4*x+4]
			for k := range 4 {
				o[k] = uint8(257 * (uint32(p[k]) + uint32(p[k+4]) + uint32(q[k]) + uint32(q[k+4])) >> 10)
			}
		}
	}
}
