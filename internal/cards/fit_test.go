package cards

import (
	"bytes"
	"image"
	"image/color"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/image/draw"
)

// TestTooLongIsExact holds the shortcut of setQuote to its word: every
// size tooLong turns down is one the line breaker and the test behind it
// turn down too, for texts of every length on every design's quote box.
// It fails if minLines ever counted more lines than a fitting layout has.
func TestTooLongIsExact(t *testing.T) {
	fonts, err := loadFonts(testBook(), testFiles())
	if err != nil {
		t.Fatal(err)
	}
	m := newMetrics(fonts.quote, fonts.emoji)
	vocab := strings.Fields("« À soixante-dix ans, j’ai appris à lire des mangas, et un garçon de douze ans a appris à aimer Victor Hugo. » " +
		"l’anticonstitutionnellement Wwwwww iiii mm. — ; : ! ? (voir) «\u00a0oui\u00a0» 2026 https://example.org/une-adresse-longue")
	rng := rand.New(rand.NewPCG(1, 2))
	var texts []string
	for n := 1; n <= 90; n++ {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = vocab[rng.IntN(len(vocab))]
		}
		texts = append(texts, strings.Join(ws, " "))
	}
	turned, kept := 0, 0
	for _, d := range designs() {
		bx := box{X: 0, Y: 0, W: float64(d.W - 2*d.M), H: float64(d.H) * 0.6, MaxLines: d.maxLines}
		for _, s := range texts {
			ws := words(s)
			for size := d.quoteMax; size >= d.quoteMin; size-- {
				if !tooLong(ws, m, size, bx) {
					kept++
					continue
				}
				turned++
				if q, ok := setWords(ws, m, size, bx); ok {
					t.Fatalf("%d px on %d×%d: tooLong turns down %q, which fits in %d lines", int(size), d.W, d.H, s, len(q.Lines))
				}
			}
		}
	}
	if turned == 0 || kept == 0 {
		t.Fatalf("the texts do not try the bound: %d sizes turned down, %d kept", turned, kept)
	}
}

// TestGlyphOver holds glyphOver to image/draw's DrawMask over a uniform
// colour, on random masks, opaque and translucent colours, and rectangles
// clipped by every edge of the canvas.
func TestGlyphOver(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := range 400 {
		w, h := 1+rng.IntN(40), 1+rng.IntN(40)
		mask := image.NewAlpha(image.Rect(0, 0, w, h))
		for i := range mask.Pix {
			switch rng.IntN(3) {
			case 0:
				mask.Pix[i] = 0xff
			case 1:
				mask.Pix[i] = uint8(rng.IntN(256))
			}
		}
		c := color.RGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 0xff}
		if n%3 == 0 { // premultiplied, translucent
			a := uint8(rng.IntN(256))
			c = color.RGBA{c.R / 2 & a, c.G / 2 & a, c.B / 2 & a, a}
		}
		dst := image.NewRGBA(image.Rect(0, 0, 50, 30))
		for i := range dst.Pix {
			dst.Pix[i] = uint8(rng.IntN(256))
		}
		want := image.NewRGBA(dst.Rect)
		copy(want.Pix, dst.Pix)
		at := image.Pt(rng.IntN(80)-20, rng.IntN(60)-20)
		r := image.Rect(0, 0, w, h).Add(at)
		draw.DrawMask(want, r, image.NewUniform(c), image.Point{}, mask, image.Point{}, draw.Over)
		glyphOver(dst, r, c, mask)
		if !bytes.Equal(dst.Pix, want.Pix) {
			t.Fatalf("case %d: %v at %v over %dx%d: pixels differ from DrawMask's", n, c, at, w, h)
		}
	}
}
