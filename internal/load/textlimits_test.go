package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

func findings(d book.Diagnostics) string {
	var out []string
	for _, x := range d {
		out = append(out, fmt.Sprintf("%s:%d:%d %s", x.File, x.Pos.Line, x.Pos.Col, x.Rule))
	}
	return strings.Join(out, "\n")
}

// TestBookLinksFollowTheContributionRule: book.yaml's url and the partners'
// urls accept http(s) and mailto only, like links in the texts.
func TestBookLinksFollowTheContributionRule(t *testing.T) {
	src := "title: T\nidentifier: x\nurl: javascript:alert(1)\npartners:\n  - name: A\n    url: ftp://example.org\n  - name: B\n    url: mailto:b@example.org\n  - name: C\n    url: https://example.org\n"
	b := book.Defaults()
	var d book.Diagnostics
	bookYAML([]byte(src), &b, &d)
	got := findings(d)
	for _, w := range []string{"book.yaml:3:6 link-scheme", "book.yaml:6:10 link-scheme"} {
		if !strings.Contains(got, w) {
			t.Errorf("want %s; got:\n%s", w, got)
		}
	}
	if b.URL != "" || len(b.Partners) != 3 || b.Partners[0].URL != "" || b.Partners[1].URL != "mailto:b@example.org" || b.Partners[2].URL != "https://example.org" {
		t.Errorf("url %q partners %+v", b.URL, b.Partners)
	}
	if strings.Count(got, "link-scheme") != 2 {
		t.Errorf("want two link-scheme findings, got:\n%s", got)
	}
}

// TestControlCharacters: each class of control character, in a field or
// in the text, is an error at its exact line and column.
func TestControlCharacters(t *testing.T) {
	for _, tc := range []struct{ name, ch string }{
		{"esc", "\x1b"}, {"bell", "\x07"}, {"c1", "\u0085"}, {"ls", "\u2028"}, {"ps", "\u2029"},
		{"rlo", "\u202e"}, {"lre", "\u202a"}, {"rli", "\u2067"}, {"pdi", "\u2069"}, {"del", "\x7f"},
	} {
		for _, where := range []struct{ src, want string }{
			{"---\nname: Jean" + tc.ch + "Nom\nrole: R\n---\nTexte.\n", "x.md:2:11 control-char"},
			{"---\nname: Jean\nrole: \"R" + tc.ch + "\"\n---\nTexte.\n", "x.md:3:9 control-char"},
			{"---\nname: Jean\nrole: R\n---\nUn\ttexte " + tc.ch + "ici.\n", "x.md:5:10 control-char"},
		} {
			var d book.Diagnostics
			Contribution("x.md", []byte(where.src), &d)
			scanSource("x.md", []byte(where.src), nil, &d)
			if got := findings(d); !strings.Contains(got, where.want) {
				t.Errorf("%s in %q: want %s; got:\n%s", tc.name, where.src, where.want, got)
			}
		}
	}
	var d book.Diagnostics
	src := "---\nname: Jean\nrole: R\n---\nUn\ttexte.\n"
	scanSource("x.md", []byte(src), nil, &d)
	if len(d) != 0 {
		t.Errorf("a tab is not a finding: %s", d.Text())
	}
}

var hostileUnits = []struct{ name, unit string }{{"lists", "- "}, {"links", "[a]("}, {"quotes", "> "}, {"ordered", "1. "}}

func hostileText(unit string, n int) []byte {
	return []byte("---\nname: J\nrole: R\n---\nUn texte.\n\n" + strings.Repeat(unit, n) + "x\n")
}

// TestHostileNesting: deep nesting and runs of unclosed links are a
// nesting-limit error where the limit is exceeded.
func TestHostileNesting(t *testing.T) {
	want := map[string]string{"lists": "x.md:7:129 nesting-limit", "quotes": "x.md:7:129 nesting-limit",
		"ordered": "x.md:7:193 nesting-limit", "links": "x.md:7:2003 nesting-limit"}
	for _, h := range hostileUnits {
		var d book.Diagnostics
		Contribution("x.md", hostileText(h.unit, 10000), &d)
		if got := findings(d); !strings.Contains(got, want[h.name]) {
			t.Errorf("%s: want %s; got:\n%s", h.name, want[h.name], got)
		}
	}
	// Under the limits, nothing.
	var d book.Diagnostics
	Contribution("x.md", hostileText("- ", 60), &d)
	Contribution("x.md", hostileText("[a](", 400), &d)
	for _, x := range d {
		if x.Rule == "nesting-limit" {
			t.Errorf("under the limit: %s", x)
		}
	}
}

// BenchmarkHostile: loading time stays linear in the size of the input.
func BenchmarkHostile(b *testing.B) {
	for _, h := range hostileUnits {
		for _, n := range []int{10000, 20000, 40000, 80000} {
			src := hostileText(h.unit, n)
			b.Run(fmt.Sprintf("%s-%d", h.name, n), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					var d book.Diagnostics
					Contribution("x.md", src, &d)
				}
			})
		}
	}
}
