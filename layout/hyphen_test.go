package layout

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestHyphenateMatchesTeX compares with LuaTeX's own hyphenation of the same
// words with the same hyph-fr patterns, \lefthyphenmin=2 and
// \righthyphenmin=3: testdata/hyph-fr-tex.txt was produced by
// testdata/hyph-fr-tex.lua (see its header) with LuaTeX 1.15 (TeX Live 2022,
// Debian texlive-binaries). Words there have no apostrophe nor hyphen:
// TeX sees "aujourd" and "hui" as recueil does after splitting.
func TestHyphenateMatchesTeX(t *testing.T) {
	data, err := os.ReadFile("testdata/hyph-fr-tex.txt")
	if err != nil {
		t.Fatal(err)
	}
	h := French().(*Liang)
	n := 0
	for line := range strings.Lines(string(data)) {
		word, want, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok {
			t.Fatalf("bad reference line %q", line)
		}
		if got := h.Hyphenate(word); got != want {
			t.Errorf("Hyphenate(%q) = %q, TeX gives %q", word, got, want)
		}
		n++
	}
	if n < 30 {
		t.Errorf("only %d reference words", n)
	}
}

func TestHyphenate(t *testing.T) {
	h := French().(*Liang)
	tests := []struct{ word, want string }{
		{"typographie", "ty-po-gra-phie"},
		{"Typographie", "Ty-po-gra-phie"},
		{"typographie,", "ty-po-gra-phie,"},
		{"«typographie»", "«ty-po-gra-phie»"},
		// split at the apostrophe, each part on its own
		{"aujourd’hui", "au-jourd’hui"},
		{"aujourd'hui", "au-jourd'hui"},
		{"l’anticonstitutionnellement", "l’an-ti-cons-ti-tu-tion-nel-le-ment"},
		{"d’extraordinaires", "d’ex-tra-or-di-naires"},
		// hard hyphen: each part separately, no break next to the hyphen
		{"peut-être", "peut-être"},
		{"porte-parole", "porte-pa-role"},
		{"anticonstitutionnellement", "an-ti-cons-ti-tu-tion-nel-le-ment"},
		{"manœuvre", "ma-nœuvre"},
		{"œuvres", "œuvres"},
		{"cœur", "cœur"},
		{"français", "fran-çais"},
		// decomposed accents (NFD) give the same points
		{"de\u0301veloppement", "de\u0301-ve-lop-pe-ment"},
		// never
		{"UNESCO", "UNESCO"},
		{"PARTICIPATION", "PARTICIPATION"},
		{"2026", "2026"},
		{"participation2", "participation2"},
		{"@violette", "@violette"},
		{"#hashtag", "#hashtag"},
		{"https://example.org", "https://example.org"},
		{"example.org", "example.org"},
		{"violette@example.org", "violette@example.org"},
		{"tata", "tata"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := h.Hyphenate(tt.word); got != tt.want {
			t.Errorf("Hyphenate(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// TestHyphenMins checks TeX's \lefthyphenmin/\righthyphenmin semantics
// exactly: LeftMin = n allows a break after n letters, not n+1.
func TestHyphenMins(t *testing.T) {
	tests := []struct {
		word        string
		left, right int
		want        string
	}{
		// the patterns alone: ra-pi-de-ment, en-ne-mi, len-te-ment
		{"rapidement", 2, 3, "ra-pi-de-ment"},
		{"rapidement", 3, 3, "rapi-de-ment"},
		{"rapidement", 4, 3, "rapi-de-ment"}, // exactly 4 letters before
		{"rapidement", 5, 3, "rapide-ment"},
		{"ennemi", 2, 2, "en-ne-mi"}, // exactly 2 letters after
		{"ennemi", 2, 3, "en-nemi"},
		{"lentement", 2, 4, "len-te-ment"}, // exactly 4 letters after
		{"lentement", 2, 5, "len-tement"},
		{"opéra", 2, 2, "opé-ra"},
		{"opéra", 2, 3, "opéra"},
	}
	for _, tt := range tests {
		h := defaultFrench()
		h.LeftMin, h.RightMin = tt.left, tt.right
		if got := h.Hyphenate(tt.word); got != tt.want {
			t.Errorf("LeftMin %d RightMin %d: Hyphenate(%q) = %q, want %q", tt.left, tt.right, tt.word, got, tt.want)
		}
	}
}

func TestPointsOffsets(t *testing.T) {
	// rune offsets, not byte offsets: "é" is two bytes
	got := French().Points("développement")
	want := []int{2, 4, 7, 9}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Points(développement) = %v, want %v", got, want)
	}
}

func TestExceptions(t *testing.T) {
	h, err := NewHyphenator([]string{"re-cueil", "typographie", "Lyon-nais", "contri-bu-tions"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ word, want string }{
		{"recueil", "re-cueil"},
		{"Recueil", "Re-cueil"},
		{"typographie", "typographie"},        // forbidden
		{"typographique", "ty-po-gra-phique"}, // other words unchanged
		{"lyonnais", "lyon-nais"},
		{"d’typographie", "d’typographie"}, // the exception applies to each part
		{"contributions", "contri-bu-tions"},
	}
	for _, tt := range tests {
		if got := h.Hyphenate(tt.word); got != tt.want {
			t.Errorf("Hyphenate(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	// the default is unaffected
	if got := French().(*Liang).Hyphenate("typographie"); got != "ty-po-gra-phie" {
		t.Errorf("French() changed by NewHyphenator: %q", got)
	}
	// an exception still obeys RightMin: "reçu-es" would leave 2 letters
	h2, err := NewHyphenator([]string{"recu-es"})
	if err != nil {
		t.Fatal(err)
	}
	if got := h2.Hyphenate("recues"); got != "recues" {
		t.Errorf("RightMin ignored for an exception: %q", got)
	}
}

func TestExceptionErrors(t *testing.T) {
	h, err := NewHyphenator([]string{"re-cueil", "", "-abc", "ab--cd", "abc-", "a2b", "bon mot"})
	if err == nil {
		t.Fatal("no error for bad entries")
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 6 {
		t.Errorf("want 6 errors, got %d: %v", n, err)
	}
	if got := h.Hyphenate("recueil"); got != "re-cueil" {
		t.Errorf("valid entry lost: %q", got)
	}
}

func BenchmarkHyphenate(b *testing.B) {
	h := French()
	words := strings.Fields("Les contributions rassemblées dans ce recueil témoignent d’une extraordinaire diversité d’expériences professionnelles et personnelles anticonstitutionnellement")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, w := range words {
			h.Points(w)
		}
	}
}

// Each language's patterns break its words where a dictionary of that
// language does, with its own minimums, and French stays French.
func TestForLanguage(t *testing.T) {
	for _, tc := range []struct {
		tag, word, want string
	}{
		{"en-US", "hyphenation", "hy-phen-ation"},
		{"en", "associate", "as-so-ciate"}, // from the file's exception list
		{"en-US", "present", "present"},    // likewise: never broken
		{"en-GB", "hyphenation", "hy-phen-a-tion"},
		{"de", "Silbentrennung", "Sil-ben-tren-nung"},
		{"de-CH", "Wörterbuch", "Wör-ter-buch"},
		{"es", "diccionario", "dic-cio-na-rio"},
		{"it", "sillabazione", "sil-la-ba-zio-ne"},
		{"pt-BR", "hifenização", "hi-fe-ni-za-ção"},
		{"nl", "woordafbreking", "woord-af-bre-king"},
		{"fr", "typographie", "ty-po-gra-phie"},
	} {
		h, ok, err := ForLanguage(tc.tag, nil)
		if !ok || err != nil {
			t.Fatalf("%s: no hyphenator (%v)", tc.tag, err)
		}
		if got := mark(tc.word, h.Points(tc.word)); got != tc.want {
			t.Errorf("%s: %s -> %s, want %s", tc.tag, tc.word, got, tc.want)
		}
	}
	// English and Dutch minimums: never a single letter or two before the end in English.
	en, _, _ := ForLanguage("en-US", nil)
	if en.LeftMin != 2 || en.RightMin != 3 {
		t.Errorf("en-US minimums %d/%d, want 2/3", en.LeftMin, en.RightMin)
	}
	de, _, _ := ForLanguage("de", nil)
	if de.LeftMin != 2 || de.RightMin != 2 {
		t.Errorf("de minimums %d/%d, want 2/2", de.LeftMin, de.RightMin)
	}
	if _, ok, _ := ForLanguage("fi", nil); ok {
		t.Error("a language without patterns got a hyphenator")
	}
	// The book's exceptions apply in every language.
	h, _, err := ForLanguage("en-US", []string{"re-cueil", "bad--entry"})
	if err == nil {
		t.Error("a malformed exception was not reported")
	}
	if got := mark("recueil", h.Points("recueil")); got != "re-cueil" {
		t.Errorf("book exception: %s", got)
	}
}

func mark(word string, pts []int) string {
	rs := []rune(word)
	var b strings.Builder
	k := 0
	for i, r := range rs {
		if k < len(pts) && pts[k] == i {
			b.WriteByte('-')
			k++
		}
		b.WriteRune(r)
	}
	return b.String()
}
