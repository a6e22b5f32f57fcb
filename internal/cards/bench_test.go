package cards

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"testing"
	"testing/fstest"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/cpuclock"
)

// benchPhoto is an 800×800 JPEG, the size of a typical portrait.
func benchPhoto() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 800, 800))
	for y := 0; y < 800; y++ {
		for x := 0; x < 800; x++ {
			img.Set(x, y, color.RGBA{uint8(x / 4), uint8(y / 4), uint8((x + y) / 8), 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func benchContributions(n int, photos bool) []*book.Contribution {
	extracts := []string{
		"Une rencontre change tout.",
		"Je suis arrivée à Lyon un lundi de novembre, sans connaître personne, avec une valise et une liste de numéros de téléphone.",
		long600[:280],
		"",
	}
	cs := make([]*book.Contribution, n)
	for i := range cs {
		c := &book.Contribution{
			Path: fmt.Sprintf("contributions/c%03d.md", i), Slug: fmt.Sprintf("c%03d", i),
			Name: fmt.Sprintf("Personne Numéro %d", i), Role: "Responsable des partenariats",
			Organization: "Association Exemple", Handle: fmt.Sprintf("@p%d", i),
			Extract: extracts[i%len(extracts)], Body: para(long600),
		}
		if photos {
			c.Photo = "contributions/photos/p.jpg"
		}
		cs[i] = c
	}
	return cs
}

func BenchmarkRenderAll(b *testing.B) { benchRender(b, AllSizes, false) }

// BenchmarkRenderWide draws the wide cards alone, as the web edition does;
// photos=distinct gives every contributor a photo file of their own (as
// in a real book, where no photo is decoded once for several).
func BenchmarkRenderWide(b *testing.B) { benchRender(b, Wide, true) }

func benchRender(b *testing.B, sizes Sizes, distinct bool) {
	files := fstest.MapFS{"contributions/photos/p.jpg": {Data: benchPhoto()}}
	for i := range 100 {
		files[fmt.Sprintf("contributions/photos/p%03d.jpg", i)] = files["contributions/photos/p.jpg"]
	}
	bk := testBook()
	modes := []string{"false", "true"}
	if distinct {
		modes = append(modes, "distinct")
	}
	for _, photos := range modes {
		for _, jobs := range []int{1, 2} {
			cs := benchContributions(100, photos != "false")
			if photos == "distinct" {
				for i, c := range cs {
					c.Photo = fmt.Sprintf("contributions/photos/p%03d.jpg", i)
				}
			}
			b.Run(fmt.Sprintf("photos=%v/jobs=%d", photos, jobs), func(b *testing.B) {
				before := cpuclock.Used()
				for b.Loop() {
					if _, _, err := RenderSizes(context.Background(), bk, cs, files, jobs, sizes); err != nil {
						b.Fatal(err)
					}
				}
				cpu := cpuclock.Used() - before
				b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/100, "ms/contributor")
				// CPU time says more than wall time on a shared, loaded machine:
				// 612 contributors on 2 cores take about 612 × cpu-ms / 2.
				b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N)/100, "cpu-ms/contributor")
			})
		}
	}
}

// BenchmarkEncode encodes drawn cards, flat and with a photo (the sample
// book's, 800×1000), as recueil writes them (PNG: paletted when flat, RGB
// with a photo) and, for the record of the decision to keep PNG, as a
// baseline JPEG at quality 90 (image/jpeg). It reports the file's size.
func BenchmarkEncode(b *testing.B) {
	photo, err := os.ReadFile("../../contributions/photos/elodie-marchetti.jpg")
	if err != nil {
		b.Fatal(err)
	}
	bk := testBook()
	fonts, err := loadFonts(bk, testFiles())
	if err != nil {
		b.Fatal(err)
	}
	for _, withPhoto := range []bool{false, true} {
		files := testFiles()
		c := benchContributions(2, false)[1]
		if withPhoto {
			files["contributions/photos/p.jpg"] = &fstest.MapFile{Data: photo}
			c.Photo = "contributions/photos/p.jpg"
		}
		sc := &scratch{enc: newEncoder(), glyphs: make(glyphCache)}
		if _, _, err := render(sc, fonts, prepareBook(bk, files), bk, c, files, AllSizes); err != nil {
			b.Fatal(err)
		}
		for k, img := range sc.canvas {
			for _, format := range []string{"png", "jpeg90"} {
				b.Run(fmt.Sprintf("photo=%v/%s/%s", withPhoto, SizeNames[k], format), func(b *testing.B) {
					e := newEncoder()
					var n int
					defer cpuclock.PerOp(b)()
					for b.Loop() {
						if format == "png" {
							data, err := e.encode(img, !withPhoto)
							if err != nil {
								b.Fatal(err)
							}
							n = len(data)
							continue
						}
						var buf bytes.Buffer
						if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
							b.Fatal(err)
						}
						n = buf.Len()
					}
					b.ReportMetric(float64(n)/1024, "KB")
				})
			}
		}
	}
}
