// Package imaging makes the book's images safe and right-sized for every
// output: decoded by Go's decoders, which return errors and never panic,
// checked against a pixel limit, encoded again as 8-bit, non-interlaced
// PNG (or a JPEG passed through when it is small enough), and scaled by
// area averaging. The PDF writer and the web edition use it.
package imaging

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"math"

	"golang.org/x/image/draw"
)

// MaxSide is the longest side, in pixels, of an image handed to the PDF: a
// full A4 page at 300 dpi is 2480 × 3508, so nothing the book prints needs
// more. Larger images are scaled down before they are embedded.
const MaxSide = 3508

// MaxPixels bounds what is decoded at all (a 40-megapixel photo; check
// refuses more).
const MaxPixels = 40_000_000

// Image is an image file made ready by Normalize.
type Image struct {
	Data []byte
	Type string // "JPG" or "PNG"
}

// Normalize returns an image in a form fpdf's own parsers are known to
// accept, no larger than side pixels on its longest side (MaxSide when
// side is 0), or an error that says what is wrong with it. fpdf's PNG reader
// panics on malformed chunks and cannot read interlaced or 16-bit files,
// so every PNG is decoded by Go's image/png (which returns errors, never
// panics) and encoded again: 8 bits, not interlaced, alpha when there is
// some. A JPEG is passed as it is (fpdf embeds its bytes and reads only its
// header) unless it is larger than the page needs.
func Normalize(data []byte, side int) (Image, error) {
	out, err := NormalizeSides(data, side)
	if err != nil {
		return Image{}, err
	}
	return out[0], nil
}

// NormalizeSides is Normalize for each of sides, the image decoded once:
// the web edition makes each photo at two sizes (1× and 2×), and decoding
// a photo costs more than scaling it. The k-th image is byte for byte
// Normalize(data, sides[k]).
func NormalizeSides(data []byte, sides ...int) ([]Image, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a readable JPEG or PNG: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, fmt.Errorf("%d × %d pixels: over the limit of 40 megapixels", cfg.Width, cfg.Height)
	}
	if format != "jpeg" && format != "png" {
		return nil, fmt.Errorf("a %s image: only JPEG and PNG are printed", format)
	}
	out := make([]Image, len(sides))
	var img image.Image // decoded when a side needs it, once
	var whole *Image    // the image at its own size, once made
	for k, side := range sides {
		if side <= 0 || side > MaxSide {
			side = MaxSide
		}
		big := max(cfg.Width, cfg.Height) > side
		if format == "jpeg" && !big {
			out[k] = Image{Data: data, Type: "JPG"}
			continue
		}
		if !big && whole != nil {
			out[k] = *whole
			continue
		}
		if img == nil {
			if img, _, err = image.Decode(bytes.NewReader(data)); err != nil {
				return nil, fmt.Errorf("damaged image: %w", err)
			}
		}
		src := img
		if big {
			src = scale(img, side)
		}
		var buf bytes.Buffer
		if format == "jpeg" {
			if err := jpeg.Encode(&buf, src, &jpeg.Options{Quality: 92}); err != nil {
				return nil, err
			}
			out[k] = Image{Data: buf.Bytes(), Type: "JPG"}
			continue
		}
		if err := (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, eightBit(src)); err != nil {
			return nil, err
		}
		out[k] = Image{Data: buf.Bytes(), Type: "PNG"}
		if !big {
			whole = &out[k]
		}
	}
	return out, nil
}

// scale fits img in side × side, keeping its proportions, by area
// averaging: each new pixel is the mean of the source area it covers
// (premultiplied, so that transparent edges do not darken). It reads the
// source a row at a time, converted to RGBA by image/draw's fast paths,
// so that a 40-megapixel photo needs a few rows of memory beyond itself;
// x/image/draw's kernels keep a float buffer of the destination's width
// by the source's height (600 MB for such a photo).
func scale(img image.Image, side int) image.Image {
	b := img.Bounds()
	sw, sh := b.Dx(), b.Dy()
	dw, dh := side, max(1, sh*side/sw)
	if sh > sw {
		dw, dh = max(1, sw*side/sh), side
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	row := image.NewRGBA(image.Rect(0, 0, sw, 1))
	// For destination column x, the source columns it covers are
	// cols[start[x]:start[x+1]], with their share of it in wts (in source
	// pixels: a column's shares sum to sw/dw).
	fx := float64(sw) / float64(dw)
	start := make([]int, dw+1)
	var cols []int
	var wts []float32
	for x := 0; x < dw; x++ {
		l, r := float64(x)*fx, float64(x+1)*fx
		for sx := int(l); sx < sw && float64(sx) < r; sx++ {
			if w := math.Min(r, float64(sx+1)) - math.Max(l, float64(sx)); w > 0 {
				cols = append(cols, 4*sx)
				wts = append(wts, float32(w))
			}
		}
		start[x+1] = len(cols)
	}
	acc := make([]float32, 4*dw) // the destination row being built
	fy := float64(sh) / float64(dh)
	area := float32(fx * fy)
	y := 0
	for dy := 0; dy < dh; dy++ {
		top, bottom := float64(dy)*fy, float64(dy+1)*fy
		clear(acc)
		for ; y < sh && float64(y) < bottom; y++ {
			wy := float32(math.Min(bottom, float64(y+1)) - math.Max(top, float64(y)))
			if wy > 0 {
				draw.Draw(row, row.Bounds(), img, image.Pt(b.Min.X, b.Min.Y+y), draw.Src)
				pix := row.Pix
				for x := 0; x < dw; x++ {
					var c0, c1, c2, c3 float32
					for k := start[x]; k < start[x+1]; k++ {
						p, w := cols[k], wts[k]
						px := pix[p : p+4 : p+4]
						c0 += w * float32(px[0])
						c1 += w * float32(px[1])
						c2 += w * float32(px[2])
						c3 += w * float32(px[3])
					}
					a := acc[4*x : 4*x+4 : 4*x+4]
					a[0] += wy * c0
					a[1] += wy * c1
					a[2] += wy * c2
					a[3] += wy * c3
				}
			}
			if float64(y+1) > bottom {
				break // this row also belongs to the next destination row
			}
		}
		out := dst.Pix[dy*dst.Stride : dy*dst.Stride+4*dw]
		for i, v := range acc {
			out[i] = uint8(min(255, v/area+0.5))
		}
	}
	return dst
}

// eightBit converts the 16-bit and unusual models to 8 bits a channel;
// 8-bit grey, paletted and RGB(A) images are kept as they are.
func eightBit(img image.Image) image.Image {
	switch img.(type) {
	case *image.Gray, *image.Paletted, *image.NRGBA, *image.RGBA:
		return img
	case *image.Gray16:
		g := image.NewGray(img.Bounds())
		draw.Draw(g, g.Bounds(), img, img.Bounds().Min, draw.Src)
		return g
	}
	n := image.NewNRGBA(img.Bounds())
	draw.Draw(n, n.Bounds(), img, img.Bounds().Min, draw.Src)
	return n
}
