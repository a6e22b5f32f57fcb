package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

// book.yaml's back_cover and page.round_to: the values, the default
// address, and a finding at the place of each wrong value.
func TestBackCoverKeys(t *testing.T) {
	for _, c := range []struct {
		src      string
		text     string
		url      string
		roundTo  int
		findings string // rule@line:col, comma-separated
	}{
		{"title: T\nidentifier: x\nback_cover:\n  text: |\n    Un texte.\n\n    Un autre.\nurl: https://example.org/livre\n",
			"Un texte.\n\nUn autre.", "https://example.org/livre", 4, ""},
		{"title: T\nidentifier: x\nurl: https://example.org/livre\nback_cover: {text: Court, url: \"https://example.org/autre\"}\npage: {round_to: 1}\n",
			"Court", "https://example.org/autre", 1, ""},
		{"title: T\nidentifier: x\nback_cover: {text: T, url: \"ftp://example.org\"}\npage: {round_to: 3}\n",
			"T", "", 4, "link-scheme@3:28,wrong-type@4:18"},
		{"title: T\nidentifier: x\nback_cover: {texte: T}\n", "", "", 4, "unknown-key@3:14"},
		{"title: T\nidentifier: x\nback_cover: \"Un texte\"\n", "", "", 4, "wrong-type@3:13"},
		{"title: T\nidentifier: x\nback_cover: {text: \"" + strings.Repeat("mot ", 301) + "\"}\n", "", "", 4, "back-cover-long@3:20"},
	} {
		b := book.Defaults()
		var d book.Diagnostics
		bookYAML([]byte(c.src), &b, &d)
		var got []string
		for _, f := range d {
			got = append(got, fmt.Sprintf("%s@%d:%d", f.Rule, f.Pos.Line, f.Pos.Col))
		}
		if strings.Join(got, ",") != c.findings {
			t.Errorf("%q: findings %q, want %q", c.src, got, c.findings)
		}
		if b.Page.RoundTo != c.roundTo {
			t.Errorf("%q: round_to %d, want %d", c.src, b.Page.RoundTo, c.roundTo)
		}
		if strings.HasPrefix(c.findings, "unknown-key") || strings.HasPrefix(c.findings, "wrong-type@3") {
			continue // a back_cover that is not a mapping, or only unknown keys: nothing to check
		}
		if b.BackCover == nil {
			t.Errorf("%q: no back cover", c.src)
			continue
		}
		if b.BackCover.Text != c.text || b.BackCover.URL != c.url {
			t.Errorf("%q: back cover %+v, want text %q url %q", c.src, *b.BackCover, c.text, c.url)
		}
	}
}
