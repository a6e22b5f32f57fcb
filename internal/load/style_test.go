package load

import (
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

// book.yaml's quotes (a house style) and sort_particles: read when right,
// an error at the value's place when not.
func TestHouseStyleKeys(t *testing.T) {
	b := book.Defaults()
	var d book.Diagnostics
	bookYAML([]byte("title: T\nidentifier: x\nlanguage: de\nquotes: \"» « › ‹\"\nsort_particles: keep\n"), &b, &d)
	if len(d) != 0 || b.Quotes != [2][2]rune{{'»', '«'}, {'›', '‹'}} || b.SortParticles != "keep" {
		t.Errorf("quotes %q sort_particles %q, %s", b.Quotes, b.SortParticles, findings(d))
	}
	b = book.Defaults()
	d = nil
	bookYAML([]byte("title: T\nidentifier: x\nquotes: chevrons\nsort_particles: always\n"), &b, &d)
	if got := findings(d); got != "book.yaml:3:9 quotes-style\nbook.yaml:4:17 sort-particles" {
		t.Errorf("findings:\n%s", got)
	}
	for _, x := range d {
		if !strings.Contains(x.Message, "chevrons") && !strings.Contains(x.Message, "always") {
			t.Errorf("the message does not say what was written: %s", x.Message)
		}
	}
	if b.Quotes != ([2][2]rune{}) || b.SortParticles != "" {
		t.Errorf("a refused value was kept: %q %q", b.Quotes, b.SortParticles)
	}
}

// book.yaml's indexes: the known kinds kept in order, once; another is an
// error at its place.
func TestIndexesKey(t *testing.T) {
	var b book.Book
	var d book.Diagnostics
	bookYAML([]byte("title: T\nidentifier: x\nindexes: [city, organization, city]\n"), &b, &d)
	if len(b.Indexes) != 2 || b.Indexes[0] != "city" || b.Indexes[1] != "organization" || len(d) != 0 {
		t.Errorf("indexes %q, %s", b.Indexes, findings(d))
	}
	b, d = book.Book{}, nil
	bookYAML([]byte("title: T\nidentifier: x\nindexes:\n  - organization\n  - colour\n"), &b, &d)
	if got := findings(d); got != "book.yaml:5:5 index-kind" || len(b.Indexes) != 1 {
		t.Errorf("findings %q, indexes %q", got, b.Indexes)
	}
}

// book.yaml's emoji: keep or remove (the default); another value is an
// error at the value's place, and the default stays.
func TestEmojiKey(t *testing.T) {
	b := book.Defaults()
	var d book.Diagnostics
	bookYAML([]byte("title: T\nidentifier: x\nemoji: keep\n"), &b, &d)
	if len(d) != 0 || !b.KeepEmoji() {
		t.Errorf("emoji %q, %s", b.Emoji, findings(d))
	}
	b = book.Defaults()
	d = nil
	bookYAML([]byte("title: T\nidentifier: x\nemoji:  yes-please\n"), &b, &d)
	if got := findings(d); got != "book.yaml:3:9 emoji-setting" {
		t.Errorf("findings:\n%s", got)
	}
	if len(d) == 1 && !strings.Contains(d[0].Message, "yes-please") {
		t.Errorf("the message does not say what was written: %s", d[0].Message)
	}
	if b.KeepEmoji() || b.Emoji != "remove" {
		t.Errorf("a refused value was kept: %q", b.Emoji)
	}
}
