package cards

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/recueil/recueil/internal/book"
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

func BenchmarkRenderAll(b *testing.B) {
	files := fstest.MapFS{"contributions/photos/p.jpg": {Data: benchPhoto()}}
	bk := testBook()
	for _, photos := range []bool{false, true} {
		for _, jobs := range []int{1, 2} {
			cs := benchContributions(100, photos)
			b.Run(fmt.Sprintf("photos=%v/jobs=%d", photos, jobs), func(b *testing.B) {
				var before, after syscall.Rusage
				syscall.Getrusage(syscall.RUSAGE_SELF, &before)
				for b.Loop() {
					if _, _, err := RenderAll(context.Background(), bk, cs, files, jobs); err != nil {
						b.Fatal(err)
					}
				}
				syscall.Getrusage(syscall.RUSAGE_SELF, &after)
				cpu := time.Duration(after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano())
				b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/100, "ms/contributor")
				// CPU time says more than wall time on a shared, loaded machine:
				// 612 contributors on 2 cores take about 612 × cpu-ms / 2.
				b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N)/100, "cpu-ms/contributor")
			})
		}
	}
}
