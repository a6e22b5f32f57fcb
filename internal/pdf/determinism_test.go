package pdf

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	"github.com/recueil/recueil/internal/typeset"
	"github.com/recueil/recueil/internal/typeset/testbook"
)

// Photos of equal pixel width used to come out of fpdf in map order (it
// sorts images by width only): the book's bytes changed from run to run.
// Go randomises map iteration on every range, so twenty builds in one
// process show it.
func TestDeterministicEqualWidthImages(t *testing.T) {
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5}, {5, 3, 1, 0, 2, 4}} {
		t.Run(fmt.Sprint(order), func(t *testing.T) {
			dir := t.TempDir()
			b, err := testbook.New(dir, 8)
			if err != nil {
				t.Fatal(err)
			}
			// six distinct photos, all 90 px wide, two of them twice the same file
			for i, c := range b.Published()[:6] {
				rel := fmt.Sprintf("contributions/photos/p%d.png", order[i]%4)
				if err := testbook.Photo(dir, rel, 90, 100+order[i]%4); err != nil {
					t.Fatal(err)
				}
				c.Photo = rel
			}
			r, _, err := typeset.Typeset(b)
			if err != nil {
				t.Fatal(err)
			}
			var first []byte
			for i := range 20 {
				var buf bytes.Buffer
				if err := Write(&buf, r, b); err != nil {
					t.Fatal(err)
				}
				if i == 0 {
					first = buf.Bytes()
					if n := bytes.Count(first, []byte("/Subtype /Image")); n != 5 { // four photos and the logo
						t.Fatalf("%d images embedded, want 5", n)
					}
					continue
				}
				if !bytes.Equal(first, buf.Bytes()) {
					t.Fatalf("build %d differs from the first", i+1)
				}
			}
		})
	}
}

// Offprints are written in parallel by compile: the same bytes as one by
// one, and no data race (go test -race).
func TestWritePagesParallel(t *testing.T) {
	dir := t.TempDir()
	b, r, _ := build(t, dir, 8)
	serial := make([][]byte, len(r.Contributions))
	for i, pr := range r.Contributions {
		var buf bytes.Buffer
		if err := WritePages(&buf, r, b, pr.First, pr.Last); err != nil {
			t.Fatal(err)
		}
		serial[i] = buf.Bytes()
	}
	par := make([][]byte, len(r.Contributions))
	errs := make([]error, len(r.Contributions))
	var wg sync.WaitGroup
	for i, pr := range r.Contributions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			errs[i] = WritePages(&buf, r, b, pr.First, pr.Last)
			par[i] = buf.Bytes()
		}()
	}
	wg.Wait()
	for i := range par {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !bytes.Equal(par[i], serial[i]) {
			t.Errorf("offprint %d differs when written in parallel", i)
		}
	}
}
