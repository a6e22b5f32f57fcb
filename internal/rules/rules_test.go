package rules

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md and docs/rules.fr.md")

// TestDocGenerated: docs/rules.md is what the registry generates.
func TestDocGenerated(t *testing.T) {
	const path = "../../docs/rules.md"
	if *update {
		if err := os.WriteFile(path, []byte(Markdown()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != Markdown() {
		t.Error("docs/rules.md is not what internal/rules generates: run go test ./internal/rules -update")
	}
}

// TestDocFrGenerated: docs/rules.fr.md is what the registry generates, in
// French, with every rule of docs/rules.md.
func TestDocFrGenerated(t *testing.T) {
	const path = "../../docs/rules.fr.md"
	if *update {
		if err := os.WriteFile(path, []byte(MarkdownFr()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != MarkdownFr() {
		t.Error("docs/rules.fr.md is not what internal/rules generates: run go test ./internal/rules -update")
	}
	if len(sectionsFr) != len(sections) {
		t.Errorf("%d French sections for %d", len(sectionsFr), len(sections))
	}
	for _, r := range All() {
		if !strings.Contains(string(got), "| `"+r.Code+"`") {
			t.Errorf("rule %s missing from docs/rules.fr.md", r.Code)
		}
	}
}

// TestEveryCodeRegistered: each code the sources report is in the
// registry, and each prefix of a code built at run time ("photo-" + kind)
// starts registered codes.
func TestEveryCodeRegistered(t *testing.T) {
	literal, prefixes := usedCodes(t)
	if len(literal) < 40 {
		t.Fatalf("only %d codes found in the sources: the scan is broken", len(literal))
	}
	for _, c := range literal {
		if _, ok := Lookup(c); !ok {
			t.Errorf("rule %q is reported but not registered in internal/rules", c)
		}
	}
	for _, p := range prefixes {
		n := 0
		for _, r := range All() {
			for _, c := range append([]string{r.Code}, r.Also...) {
				if strings.HasPrefix(c, p) {
					n++
				}
			}
		}
		if n == 0 {
			t.Errorf("codes %s* are reported but none is registered", p)
		}
	}
}

// TestRegistry: codes are unique and well formed, and every rule says
// what it means in both languages.
func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range All() {
		for _, c := range append([]string{r.Code}, r.Also...) {
			if seen[c] {
				t.Errorf("%s registered twice", c)
			}
			seen[c] = true
			for _, ch := range c {
				if !(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '-') {
					t.Errorf("%q is not a lowercase code", c)
					break
				}
			}
		}
		if r.En == "" || r.Fr == "" {
			t.Errorf("%s lacks its English or French text", r.Code)
		}
	}
}
