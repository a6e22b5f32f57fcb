package main

import (
	"testing"

	"github.com/recueil/recueil/internal/corpus"
	"github.com/recueil/recueil/internal/pipeline"
	"github.com/recueil/recueil/internal/typeset"
)

// apparatusPages typesets a generated book of n contributions and returns
// how many pages its contents (the short one and the full one) and its
// contributor index take (blank versos left before the next part are not
// counted).
func apparatusPages(t *testing.T, n int) (contents, index int) {
	t.Helper()
	files, err := corpus.Generate(corpus.Options{N: n, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := corpus.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	b, _, err := pipeline.Check(pipeline.Options{Root: dir, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := typeset.Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[typeset.EntryKind][2]int{}
	for i, e := range r.Entries {
		end := len(r.Doc.Pages) + 1
		if i+1 < len(r.Entries) {
			end = r.Entries[i+1].Page
		}
		for end > e.Page && len(r.Doc.Pages[end-2].Elements) == 0 {
			end-- // a blank verso before the next part is not the part's
		}
		if _, ok := pages[e.Kind]; !ok {
			pages[e.Kind] = [2]int{e.Page, end}
		}
	}
	span := func(k typeset.EntryKind) int { return pages[k][1] - pages[k][0] }
	return span(typeset.EntryContents) + span(typeset.EntryFullContents), span(typeset.EntryIndex)
}

// Issue 14: at 612 contributions, the contents and the index take at most
// 17 pages together (34 before they were set to scale).
func TestApparatusAt612(t *testing.T) {
	if testing.Short() {
		t.Skip("typesets 612 contributions")
	}
	c, x := apparatusPages(t, 612)
	t.Logf("contents %d pages, index %d pages", c, x)
	if c+x > 17 {
		t.Errorf("contents %d + index %d = %d pages, want at most 17", c, x, c+x)
	}
}
