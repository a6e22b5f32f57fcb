package pipeline

import (
	"testing"

	"github.com/recueil/recueil/internal/book"
)

// A missing glyph found by the writing stages is dropped only when check
// reported one at the same place: another place of the same file is news.
func TestMergeMatchesGlyphFindingsOnPosition(t *testing.T) {
	var checked, later book.Diagnostics
	checked.Add("contributions/a.md", book.Pos{Line: 7, Col: 12}, book.Warning, "glyph-missing", book.M("x", "x"))
	later.Add("contributions/a.md", book.Pos{Line: 7}, book.Warning, "glyph-missing", book.M("same line, typesetter", "same line, typesetter"))
	later.Add("contributions/a.md", book.Pos{Line: 7, Col: 12}, book.Warning, "glyph-missing", book.M("same place, cards", "same place, cards"))
	later.Add("contributions/a.md", book.Pos{Line: 3, Col: 8}, book.Warning, "glyph-missing", book.M("another field", "another field"))
	later.Add("contributions/a.md", book.Pos{Line: 20}, book.Warning, "glyph-missing", book.M("another paragraph", "another paragraph"))
	later.Add("contributions/b.md", book.Pos{Line: 7, Col: 12}, book.Warning, "glyph-missing", book.M("another file", "another file"))
	later.Add("contributions/a.md", book.Pos{Line: 7, Col: 12}, book.Warning, "too-long", book.M("another rule", "another rule"))
	checked.Add("book.yaml", book.Pos{Line: 2, Col: 9}, book.Warning, "glyph-missing", book.M("in the title", "in the title"))
	later.Add("book.yaml", book.Pos{}, book.Warning, "glyph-missing", book.M("the typesetter, no position", "the typesetter, no position"))
	later.Add("editorial/postface.md", book.Pos{}, book.Warning, "glyph-missing", book.M("not seen by check", "not seen by check"))
	got := merge(checked, later)
	var msgs []string
	for _, d := range got {
		msgs = append(msgs, d.Message)
	}
	want := []string{"another field", "another paragraph", "another file", "another rule", "not seen by check"}
	if len(msgs) != len(want) {
		t.Fatalf("kept %q, want %q", msgs, want)
	}
	for i := range want {
		if msgs[i] != want[i] {
			t.Fatalf("kept %q, want %q", msgs, want)
		}
	}
	if p := got[1].Pos; p.Line != 20 || p.Col != 1 {
		t.Errorf("a finding without a column points at %d:%d, want 20:1", p.Line, p.Col)
	}
}
