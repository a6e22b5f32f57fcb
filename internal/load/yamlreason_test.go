package load

import (
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

// TestYAMLSyntaxInWords: the YAML parser's commonest complaints are said
// in words, in French and in English, at the line it names; one it does
// not know is quoted as it is.
func TestYAMLSyntaxInWords(t *testing.T) {
	for _, c := range []struct {
		name, fm string
		line     int
		fr, en   string
	}{
		{"a colon in a value", "name: A\nrole: Directrice: RH\n", 3, "un deux-points dans une valeur", "a colon inside a value"},
		{"an unclosed quote", "name: A\nrole: \"Directrice\n", 3, "un guillemet n’est sans doute pas refermé", "a quote is probably not closed"},
		// yaml.v3 names the line the mapping holding the list starts on.
		{"an unclosed list", "name: A\nlinks: [https://example.org\n", 2, "n’est pas refermée", "is not closed"},
		{"a value starting with @", "name: A\nhandle: @anne\n", 3, "que YAML réserve", "keeps for itself"},
		{"a bad indentation", "name: A\n  role: B\n", 3, "un deux-points dans une valeur", "a colon inside a value"},
	} {
		var d book.Diagnostics
		Contribution("contributions/a.md", []byte("---\n"+c.fm+"---\nUn texte.\n"), &d)
		var found *book.Diagnostic
		for i := range d {
			if d[i].Rule == "yaml-syntax" {
				found = &d[i]
			}
		}
		if found == nil {
			t.Errorf("%s: no yaml-syntax finding in\n%s", c.name, d.Text())
			continue
		}
		if found.Pos.Line != c.line || !strings.Contains(found.Message, c.fr) || !strings.Contains(found.En, c.en) || strings.Contains(found.Message, "yaml:") {
			t.Errorf("%s: %s\n  en: %s", c.name, found, found.En)
		}
	}
	if m := yamlReason("something new"); m.Fr != "le lecteur YAML dit « something new »" || m.En != "the YAML reader says “something new”" {
		t.Errorf("an unknown complaint: %+v", m)
	}
}
