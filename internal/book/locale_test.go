package book

import (
	"testing"
	"time"
)

func TestResolveLocale(t *testing.T) {
	for _, c := range []struct {
		lang, tag string
		french    bool
		contents  string
	}{
		{"", "fr", true, "Sommaire"},
		{"fr", "fr", true, "Sommaire"},
		{"fr-CA", "fr-CA", true, "Sommaire"}, // was "Contents" in the PDF
		{"fr_BE", "fr-BE", true, "Sommaire"},
		{"en", "en", false, "Contents"},
		{"en-GB", "en-GB", false, "Contents"},
		{"de", "de", false, "Contents"},
		{"not a tag!", "fr", true, "Sommaire"},
	} {
		l := ResolveLocale(c.lang)
		if l.Tag.String() != c.tag || l.French != c.french || l.Contents != c.contents {
			t.Errorf("%q: tag %s french %v contents %q, want %s %v %q", c.lang, l.Tag, l.French, l.Contents, c.tag, c.french, c.contents)
		}
	}
}

// TestFrenchElision: "de" elides before a vowel, accented or not, and a
// y; not before a consonant or an h.
func TestFrenchElision(t *testing.T) {
	fr, en := ResolveLocale("fr"), ResolveLocale("en")
	for _, c := range []struct{ got, want string }{
		{fr.EditedBy([]string{"Alban Jarry"}), "Sous la direction d’Alban Jarry"},
		{fr.EditedBy([]string{"Camille Exemple"}), "Sous la direction de Camille Exemple"},
		{fr.EditedBy([]string{"Élodie Marchetti", "Basile Roy"}), "Sous la direction d’Élodie Marchetti et Basile Roy"},
		{fr.Portrait("Élodie Marchetti"), "Portrait d’Élodie Marchetti"},
		{fr.Portrait("Œdipe Roi"), "Portrait d’Œdipe Roi"},
		{fr.Portrait("Yves Martin"), "Portrait d’Yves Martin"},
		{fr.Portrait("Hugues Capet"), "Portrait de Hugues Capet"},
		{fr.Portrait("Ulla"), "Portrait d’Ulla"},
		{fr.Portrait("Ingrid"), "Portrait d’Ingrid"},
		{fr.Portrait("Pieter Van der Kraats"), "Portrait de Pieter Van der Kraats"},
		{en.Portrait("Élodie Marchetti"), "Portrait of Élodie Marchetti"},
		{en.EditedBy([]string{"A", "B", "C"}), "Edited by A, B and C"},
		{fr.EditedBy(nil), ""},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestLongDate(t *testing.T) {
	d := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	if got := ResolveLocale("fr-CA").LongDate(d); got != "1er\u00a0novembre 2026" {
		t.Errorf("fr: %q", got)
	}
	if got := ResolveLocale("en").LongDate(d.AddDate(0, 0, 20)); got != "November 21, 2026" {
		t.Errorf("en: %q", got)
	}
}
