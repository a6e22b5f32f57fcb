package site

import (
	"bytes"
	"encoding/binary"
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
	// Dated as the original font, not at the time of the run, with its
	// checksums right (the whole file sums to 0xB1B0AFBA).
	if got, want := tableOf(t, a, "head")[28:36], tableOf(t, ttf, "head")[28:36]; !bytes.Equal(got, want) {
		t.Errorf("head.modified %x, want the original's %x", got, want)
	}
	if s := sum32(a); s != 0xB1B0AFBA {
		t.Errorf("the file sums to %#x, want 0xB1B0AFBA", s)
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

func tableOf(t *testing.T, ttf []byte, tag string) []byte {
	t.Helper()
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n; i++ {
		rec := ttf[12+16*i:]
		if string(rec[:4]) == tag {
			off, l := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
			return ttf[off : off+l]
		}
	}
	t.Fatalf("no %s table", tag)
	return nil
}
