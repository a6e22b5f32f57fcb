package typeset

import (
	"strings"
	"testing"

	"github.com/recueil/recueil/layout"
)

func texts(p *layout.Page) []string {
	var out []string
	for _, e := range p.Elements {
		if e.Kind == layout.TextElement {
			out = append(out, e.Text)
		}
	}
	return out
}

// TestMarkDraft: every page gets the label once, inside the page, at the
// outer edge; nothing else changes.
func TestMarkDraft(t *testing.T) {
	r := typesetTestBook(t)
	before := make([]int, len(r.Doc.Pages))
	for i, p := range r.Doc.Pages {
		before[i] = len(p.Elements)
	}
	r.MarkDraft("ÉPREUVE")
	for i, p := range r.Doc.Pages {
		if len(p.Elements) != before[i]+1 {
			t.Fatalf("page %d: %d elements added", p.Number, len(p.Elements)-before[i])
		}
		e := p.Elements[len(p.Elements)-1]
		if e.Text != "ÉPREUVE" || e.X < 0 || e.X+e.W > r.Doc.Width || e.Y <= 0 || e.Y > r.Doc.Height/10 {
			t.Errorf("page %d: mark %+v", p.Number, e)
		}
		if outerRight := !p.Verso(); outerRight != (e.X > r.Doc.Width/2) {
			t.Errorf("page %d: the mark is not at the outer edge (x %v)", p.Number, e.X.Millimetres())
		}
	}
}

// TestErrorBanner: the title and each finding, wrapped inside the page,
// capped with the count of the findings left out; characters the font
// lacks are replaced.
func TestErrorBanner(t *testing.T) {
	r := typesetTestBook(t)
	p := r.Doc.Pages[len(r.Doc.Pages)-1]
	lines := []string{"ligne 4 : " + strings.Repeat("un message assez long ", 20), "ligne 5 : emoji 🐝 ici"}
	for i := range 30 {
		lines = append(lines, "ligne "+string(rune('a'+i%26)))
	}
	r.ErrorBanner(p.Number, "Aperçu avec erreurs", lines, func(n int) string { return "… et " + strings.Repeat("x", n) })
	got := texts(p)
	i := 0
	for ; i < len(got) && got[i] != "Aperçu avec erreurs"; i++ {
	}
	got = got[i:]
	if len(got) != 1+MaxBannerLines {
		t.Fatalf("banner of %d lines:\n%s", len(got), strings.Join(got, "\n"))
	}
	var first []string
	for j := 1; j < len(got) && (j == 1 || !strings.HasPrefix(got[j], "ligne ")); j++ {
		first = append(first, got[j])
	}
	if len(first) < 2 || strings.Join(first, " ") != strings.TrimSpace(lines[0]) {
		t.Errorf("the long finding is not wrapped:\n%s", strings.Join(got, "\n"))
	}
	if !strings.Contains(strings.Join(got, "\n"), "emoji ? ici") {
		t.Errorf("a character the font lacks was kept:\n%s", strings.Join(got, "\n"))
	}
	// 32 findings, the first takes several lines: the last line counts the
	// findings left out.
	shown := 0
	for _, l := range got[1 : len(got)-1] {
		if strings.HasPrefix(l, "ligne ") {
			shown++
		}
	}
	if want := "… et " + strings.Repeat("x", 32-shown); got[len(got)-1] != want {
		t.Errorf("last line %q, want %q", got[len(got)-1], want)
	}
	for _, e := range p.Elements {
		if e.Kind == layout.TextElement && (e.X < 0 || e.X+e.W > r.Doc.Width) {
			t.Errorf("%q runs off the page", e.Text)
		}
	}
}

func typesetTestBook(t *testing.T) *Result {
	t.Helper()
	r, _, err := Typeset(newBook(t, 3))
	if err != nil {
		t.Fatal(err)
	}
	return r
}
