package site

import (
	"bytes"
	"testing"

	"github.com/recueil/recueil/internal/fonts"
)

// The subset holds the characters asked for, not the others, is a font
// the book's own parser reads, and is the same bytes every time.
func TestSubset(t *testing.T) {
	set, err := fonts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ttf := set.Faces[fonts.Serif].TTF
	var rs runeSet
	rs.add("Élodie « Hélène » cœur\u202f;")
	runes := rs.sorted()
	a, err := subset(ttf, runes)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := subset(ttf, runes)
	if !bytes.Equal(a, b) {
		t.Error("two subsets of the same characters differ")
	}
	if len(a) > len(ttf)/5 {
		t.Errorf("subset is %d bytes of %d", len(a), len(ttf))
	}
	f, err := fonts.Parse(a)
	if err != nil {
		t.Fatalf("the subset does not parse: %v", err)
	}
	for _, r := range "AzÉéœ«»\u202f;" {
		if !f.Has(r) {
			t.Errorf("subset lacks %q", r)
		}
	}
	for _, r := range "ЖΩ" {
		if f.Has(r) {
			t.Errorf("subset has %q, never asked for", r)
		}
	}
	if _, err := subset([]byte("not a font at all, but long enough to be read as one maybe"), runes); err == nil {
		t.Error("garbage accepted as a font")
	}
	if _, err := subset(ttf[:len(ttf)/3], runes); err == nil {
		t.Error("a truncated font accepted")
	}
}
