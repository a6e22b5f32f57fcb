package corpus

import (
	"bytes"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/pipeline"
)

func TestSameSeedSameBytes(t *testing.T) {
	a, err := Generate(Options{N: 50, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(Options{N: 50, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p, x := range a {
		if !bytes.Equal(x, b[p]) {
			t.Errorf("%s differs between two runs", p)
		}
	}
	c, err := Generate(Options{N: 50, Seed: 8})
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for p, x := range a {
		if strings.HasSuffix(p, ".md") && bytes.Equal(x, c[p]) {
			same++
		}
	}
	if same > 1 { // the introduction may not change; contributions must
		t.Errorf("seed 8 gave %d Markdown files identical to seed 7", same)
	}
}

// The generated book must pass recueil's own checks: it is only useful for
// measuring if every contribution goes into the book.
func TestCorpusChecksClean(t *testing.T) {
	const n = 150
	files, err := Generate(Options{N: n, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	b, diags, err := pipeline.Check(pipeline.Options{Root: dir, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		if d.Severity == book.Error {
			t.Errorf("%s", d)
		}
	}
	if len(b.Contributions) != n {
		t.Fatalf("%d contributions loaded, want %d", len(b.Contributions), n)
	}
	var photos, extracts, particles, short, long int
	for _, c := range b.Contributions {
		if c.Photo != "" {
			photos++
		}
		if c.Extract != "" {
			extracts++
		}
		if strings.Contains(c.Name, " de ") || strings.Contains(c.Name, " d’") || strings.Contains(c.Name, " du ") ||
			strings.Contains(c.Name, " Le ") || strings.Contains(c.Name, " La ") || strings.Contains(c.Name, " Van der ") {
			particles++
		}
		if c.Words < 150 || c.Words > 700 {
			t.Errorf("%s: %d words, want 150–600 (give or take the counting)", c.Path, c.Words)
		}
		if c.Words < 300 {
			short++
		} else {
			long++
		}
	}
	// Rates, loosely: the point is that each feature is there in quantity.
	if photos < n*15/100 || photos > n*45/100 {
		t.Errorf("%d photos out of %d, want about 30%%", photos, n)
	}
	if extracts < n*65/100 || extracts > n*95/100 {
		t.Errorf("%d extracts out of %d, want about 80%%", extracts, n)
	}
	if particles < n*5/100 {
		t.Errorf("%d names with a particle out of %d, want about 12%%", particles, n)
	}
	if short == 0 || long == 0 {
		t.Errorf("word counts not spread: %d short, %d long", short, long)
	}
}
