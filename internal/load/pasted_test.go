package load

import (
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

// Blanks pasted into the front matter are named in words at their place,
// instead of the YAML parser's message.
func TestPastedSpacesInFrontMatter(t *testing.T) {
	for _, c := range []struct {
		name, fm string
		pos      book.Pos
		says     string
	}{
		{"tab indentation", "name: A\n\trole: x\n", book.Pos{Line: 3, Col: 1}, "une tabulation"},
		{"tab in a list", "name: A\nlinks:\n\t- https://example.org\n", book.Pos{Line: 4, Col: 1}, "une tabulation"},
		{"no-break space after the colon", "name: A\nrole:\u00a0Directrice\n", book.Pos{Line: 3, Col: 6}, "une espace insécable (U+00A0), souvent collée depuis Word"},
		{"no-break space before a key", "name: A\n\u00a0role: Directrice\n", book.Pos{Line: 3, Col: 1}, "une espace insécable"},
		{"zero-width space in a key", "\u200bname: A\nrole: B\n", book.Pos{Line: 2, Col: 1}, "un espace de largeur nulle (U+200B)"},

		{"narrow no-break space in a key", "name: A\nrole\u202f: B\n", book.Pos{Line: 3, Col: 5}, "une espace fine insécable"},
	} {
		var d book.Diagnostics
		Contribution("contributions/a.md", []byte("---\n"+c.fm+"---\nUn texte.\n"), &d)
		var found *book.Diagnostic
		for i := range d {
			if d[i].Rule == "yaml-syntax" || d[i].Rule == "unknown-key" {
				t.Errorf("%s: the YAML's own finding is still there: %s", c.name, d[i])
			}
			if d[i].Rule == "pasted-space" {
				found = &d[i]
			}
		}
		if found == nil {
			t.Errorf("%s: no pasted-space finding in\n%s", c.name, d.Text())
			continue
		}
		if found.Pos != c.pos || !strings.Contains(found.Message, c.says) || found.Severity != book.Error {
			t.Errorf("%s: got %s, want at %v saying %q", c.name, found, c.pos, c.says)
		}
	}
	// In a value, a no-break space is text: no finding.
	var d book.Diagnostics
	if c := Contribution("contributions/a.md", []byte("---\nname: Jean\u00a0Dupont\nrole: x\n---\nUn texte.\n"), &d); c == nil || len(d) != 0 || c.Name != "Jean\u00a0Dupont" {
		t.Errorf("a no-break space inside a value: %s", d.Text())
	}
}

// A known key with a pasted character is read all the same.
func TestPastedKeyStillRead(t *testing.T) {
	var d book.Diagnostics
	c := Contribution("contributions/a.md", []byte("---\n\u200bname: Anne\nrole: B\n---\nUn texte.\n"), &d)
	if c == nil || c.Name != "Anne" || len(d) != 1 || d[0].Rule != "pasted-space" {
		t.Errorf("got %+v\n%s", c, d.Text())
	}
}
