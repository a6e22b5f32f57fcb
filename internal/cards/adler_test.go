package cards

import (
	"bytes"
	stdadler "hash/adler32"
	"image"
	"image/draw"
	"image/png"
	"math/rand/v2"
	"os"
	"testing"
	"testing/fstest"

	"github.com/recueil/recueil/internal/cpuclock"
)

// zlibInputs are byte strings like a card's filtered rows: runs of zeros of
// every length and alignment between random bytes, and long ones past the
// checksum's reduction interval.
func zlibInputs() [][]byte {
	r := rand.New(rand.NewPCG(1, 2))
	var out [][]byte
	for _, n := range []int{0, 1, 7, 8, 9, 63, 5551, 5552, 5553, 100_000, 1 << 20} {
		for _, zeros := range []float64{0, 0.5, 0.95, 1} {
			p := make([]byte, n)
			for i := 0; i < n; {
				run := 1 + r.IntN(40)
				if r.Float64() >= zeros {
					for j := i; j < min(n, i+run); j++ {
						p[j] = byte(r.Uint32())
					}
				}
				if zeros == 0 || r.IntN(50) == 0 {
					p[i] = 0xff // the worst case for the sums
				}
				i += run
			}
			out = append(out, p)
		}
	}
	return out
}

func TestAdler32(t *testing.T) {
	for _, p := range zlibInputs() {
		for _, split := range []int{0, 1, 3, len(p) / 2} {
			split = min(split, len(p))
			got := adler32(adler32(1, p[:split]), p[split:])
			if want := stdadler.Checksum(p); got != want {
				t.Fatalf("len %d split %d: adler32 %08x, hash/adler32 %08x", len(p), split, got, want)
			}
		}
	}
	all := bytes.Repeat([]byte{0xff}, 3*adlerMax+5)
	if got, want := adler32(1, all), stdadler.Checksum(all); got != want {
		t.Fatalf("all 0xff: adler32 %08x, hash/adler32 %08x", got, want)
	}
}

// BenchmarkAdler32 checksums a wide card's RGB rows as encoded (Up filter,
// the sample's photo card) with the cards' adler32 and with hash/adler32.
func BenchmarkAdler32(b *testing.B) {
	data, err := os.ReadFile("../../contributions/photos/elodie-marchetti.jpg")
	if err != nil {
		b.Fatal(err)
	}
	bk := testBook()
	files := testFiles()
	files["contributions/photos/p.jpg"] = &fstest.MapFile{Data: data}
	c := benchContributions(2, true)[1]
	card, _, err := Render(bk, c, files)
	if err != nil {
		b.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(card.Wide))
	if err != nil {
		b.Fatal(err)
	}
	rgba := image.NewRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Rect, img, image.Point{}, draw.Src)
	var rows []byte // the filtered rows, as the zlib stream gets them
	w := rgba.Rect.Dx()
	for y := 0; y < rgba.Rect.Dy(); y++ {
		rows = append(rows, 2)
		for x := 0; x < 4*w; x += 4 {
			for k := range 3 {
				v := rgba.Pix[y*rgba.Stride+x+k]
				if y > 0 {
					v -= rgba.Pix[(y-1)*rgba.Stride+x+k]
				}
				rows = append(rows, v)
			}
		}
	}
	b.Run("cards", func(b *testing.B) {
		defer cpuclock.PerOp(b)()
		b.SetBytes(int64(len(rows)))
		for b.Loop() {
			adler32(1, rows)
		}
	})
	b.Run("hash-adler32", func(b *testing.B) {
		defer cpuclock.PerOp(b)()
		b.SetBytes(int64(len(rows)))
		for b.Loop() {
			stdadler.Checksum(rows)
		}
	})
}
