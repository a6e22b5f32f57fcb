package cards

import (
	"math/rand/v2"
	"strings"
	"testing"
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
