package typo

import (
	"reflect"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

// TestMemo checks that a memo gives what SpansIn gives, sets a text once
// (the second call returns the first call's spans), and keeps texts, languages
// and policies apart.
func TestMemo(t *testing.T) {
	fr := book.ResolveLocale("fr").Typography
	en := book.ResolveLocale("en").Typography
	a := []book.Span{{Text: "Il dit : « oui » !"}, {Text: " Puis ; rien", Style: book.Italic}}
	b := []book.Span{{Text: "Il dit : « oui » !"}, {Text: " Puis ; rien", Style: book.Italic}}
	m := NewMemo()
	first := m.SpansIn(fr, "fr", a)
	if want := SpansIn(fr, "fr", a); !reflect.DeepEqual(first, want) {
		t.Fatalf("memo gives %+v, SpansIn %+v", first, want)
	}
	if again := m.SpansIn(fr, "fr", a); &again[0] != &first[0] {
		t.Error("the same spans were set again instead of taken from the memo")
	}
	if other := m.SpansIn(fr, "fr", b); &other[0] == &first[0] {
		t.Error("other spans with the same text were taken for the first ones")
	}
	if got, want := m.SpansIn(en, "en", a), SpansIn(en, "en", a); !reflect.DeepEqual(got, want) || reflect.DeepEqual(got, first) {
		t.Errorf("English policy: memo gives %+v, want %+v (and not the French %+v)", got, want, first)
	}
	var none *Memo
	if got, want := none.SpansIn(fr, "fr", a), SpansIn(fr, "fr", a); !reflect.DeepEqual(got, want) {
		t.Errorf("nil memo gives %+v, want %+v", got, want)
	}
	if got := m.SpansIn(fr, "fr", nil); len(got) != 0 {
		t.Errorf("no spans give %+v", got)
	}
}
