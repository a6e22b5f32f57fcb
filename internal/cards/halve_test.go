package cards

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"testing"

	"golang.org/x/image/draw"

	"github.com/recueil/recueil/internal/cpuclock"
)

// TestHalveIsApproxBiLinear: halve gives the bytes of x/image/draw's
// ApproxBiLinear at one half, on 4:2:0 YCbCr (its fast path at even
// offsets, the library's at odd ones), on RGBA, and on the sample book's
// photo as decoded, with saturated colours where the conversion clamps.
func TestHalveIsApproxBiLinear(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	ycc := image.NewYCbCr(image.Rect(0, 0, 37, 30), image.YCbCrSubsampleRatio420)
	for _, p := range [][]byte{ycc.Y, ycc.Cb, ycc.Cr} {
		for i := range p {
			p[i] = byte(r.Uint32())
			if r.IntN(8) == 0 {
				p[i] = 0xff * byte(r.IntN(2)) // extremes: the conversion clamps
			}
		}
	}
	rgba := image.NewRGBA(image.Rect(0, 0, 33, 26))
	for i := range rgba.Pix {
		rgba.Pix[i] = byte(r.Uint32())
	}
	type tcase struct {
		src image.Image
		r   image.Rectangle
	}
	cases := []tcase{
		{ycc, ycc.Rect}, {ycc, image.Rect(2, 4, 36, 30)}, {ycc, image.Rect(1, 3, 37, 29)}, {ycc, image.Rect(4, 0, 30, 10)},
		{rgba, rgba.Rect}, {rgba, image.Rect(3, 1, 33, 25)},
		{ycc.SubImage(image.Rect(6, 4, 30, 28)), image.Rect(6, 4, 30, 28)}, // a Rect not at the origin
	}
	if data, err := os.ReadFile("../../contributions/photos/elodie-marchetti.jpg"); err == nil {
		img, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		b := img.Bounds()
		side := min(b.Dx(), b.Dy())
		cases = append(cases, tcase{img, image.Rect(0, 0, side, side).Add(image.Pt((b.Dx()-side)/2, (b.Dy()-side)/2))})
	} else {
		t.Fatal(err)
	}
	for k, c := range cases {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			got := halve(c.src, c.r)
			want := image.NewRGBA(image.Rect(0, 0, c.r.Dx()/2, c.r.Dy()/2))
			draw.ApproxBiLinear.Scale(want, want.Rect, c.src, image.Rect(c.r.Min.X, c.r.Min.Y, c.r.Min.X+2*want.Rect.Dx(), c.r.Min.Y+2*want.Rect.Dy()), draw.Src, nil)
			if got.Rect != want.Rect {
				t.Fatalf("size %v, want %v", got.Rect, want.Rect)
			}
			for i := range got.Pix {
				if got.Pix[i] != want.Pix[i] {
					t.Fatalf("%T %v: byte %d (pixel %d) is %d, ApproxBiLinear gives %d", c.src, c.r, i, i/4, got.Pix[i], want.Pix[i])
				}
			}
		})
	}
}

func BenchmarkHalve(b *testing.B) {
	data, err := os.ReadFile("../../contributions/photos/elodie-marchetti.jpg")
	if err != nil {
		b.Fatal(err)
	}
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	r := image.Rect(0, 100, 800, 900)
	b.Run("halve", func(b *testing.B) {
		defer cpuclock.PerOp(b)()
		for b.Loop() {
			halve(img, r)
		}
	})
	b.Run("ApproxBiLinear", func(b *testing.B) {
		defer cpuclock.PerOp(b)()
		for b.Loop() {
			dst := image.NewRGBA(image.Rect(0, 0, 400, 400))
			draw.ApproxBiLinear.Scale(dst, dst.Rect, img, r, draw.Src, nil)
		}
	})
}
