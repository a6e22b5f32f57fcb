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
		{"de", "de", false, "Inhalt"},
		{"de-CH", "de-CH", false, "Inhalt"},
		{"es", "es", false, "Índice"},
		{"it", "it", false, "Indice"},
		{"pt-BR", "pt-BR", false, "Sumário"},
		{"nl-BE", "nl-BE", false, "Inhoud"},
		{"fi", "fi", false, "Contents"}, // no words of its own yet
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

// Each language writes its dates, its quotation marks and an offprint's
// credit its own way.
func TestLanguages(t *testing.T) {
	d := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ lang, date, quote, credit string }{
		{"en-US", "November 1, 2026", "“x”", "From “T” (2e), pp.\u00a012–14. License: CC BY."},
		{"en-GB", "1\u00a0November 2026", "‘x’", "From ‘T’ (2e), pp.\u00a012–14. License: CC BY."},
		{"de", "1.\u00a0November 2026", "„x“", "Auszug aus „T“ (2e), S.\u00a012–14. Lizenz: CC BY."},
		{"es", "1 de noviembre de 2026", "«x»", "Extracto de «T» (2e), pp.\u00a012–14. Licencia: CC BY."},
		{"it", "1º\u00a0novembre 2026", "«x»", "Estratto da «T» (2e), pp.\u00a012–14. Licenza: CC BY."},
		{"pt", "1 de novembro de 2026", "«x»", "Excerto de «T» (2e), pp.\u00a012–14. Licença: CC BY."},
		{"nl", "1\u00a0november 2026", "“x”", "Uit “T” (2e), pp.\u00a012–14. Licentie: CC BY."},
	} {
		l := ResolveLocale(c.lang)
		if got := l.LongDate(d); got != c.date {
			t.Errorf("%s: date %q, want %q", c.lang, got, c.date)
		}
		if got := l.Quote("x"); got != c.quote {
			t.Errorf("%s: quote %q, want %q", c.lang, got, c.quote)
		}
		if got := l.OffprintCredit("T", "2e", "CC BY", 12, 14); got != c.credit {
			t.Errorf("%s: credit %q, want %q", c.lang, got, c.credit)
		}
		if l.EditedBy([]string{"A", "B"}) == ResolveLocale("en").EditedBy([]string{"A", "B"}) && c.lang[:2] != "en" {
			t.Errorf("%s: editors' line in English", c.lang)
		}
	}
}

// Each language's typographic policy on its Locale, and a house style
// from book.yaml applying to the texts in the book's language only.
func TestTypography(t *testing.T) {
	want := map[string]string{
		"fr": "«»“”", "en": "“”‘’", "en-US": "“”‘’", "en-GB": "‘’“”", "de": "„“‚‘", "de-CH": "„“‚‘",
		"es": "«»“”", "it": "«»“”", "pt": "«»“”", "pt-BR": "«»“”", "nl": "“”‘’",
	}
	for lang, q := range want {
		ty := ResolveLocale(lang).Typography
		got := string([]rune{ty.Quotes[0][0], ty.Quotes[0][1], ty.Quotes[1][0], ty.Quotes[1][1]})
		if got != q {
			t.Errorf("%s: quotes %q, want %q", lang, got, q)
		}
		if ty.French != (lang == "fr") || ty.Inverted != (lang == "es") {
			t.Errorf("%s: French %v, Inverted %v", lang, ty.French, ty.Inverted)
		}
	}
	q, err := ParseQuotes("» « › ‹")
	if err != nil || q != [2][2]rune{{'»', '«'}, {'›', '‹'}} {
		t.Fatalf("ParseQuotes = %q, %v", q, err)
	}
	if q2, _ := ParseQuotes("german-chevrons"); q2 != q {
		t.Errorf("german-chevrons = %q", q2)
	}
	for _, bad := range []string{"» «", "abcd", "»«›‹»", ""} {
		if _, err := ParseQuotes(bad); err == nil {
			t.Errorf("ParseQuotes(%q) accepted", bad)
		} else if e := err.(*QuotesError); e.Fr == "" || e.En == "" {
			t.Errorf("ParseQuotes(%q): %+v", bad, e)
		}
	}
	b := &Book{Language: "de", Quotes: q}
	if got := b.TypographyOf("").Quotes; got != q {
		t.Errorf("house style not applied to the book's texts: %q", got)
	}
	if got := b.TypographyOf("de-AT").Quotes; got != q {
		t.Errorf("house style not applied to a de-AT text: %q", got)
	}
	if got := b.TypographyOf("en").Quotes; got != ResolveLocale("en").Typography.Quotes {
		t.Errorf("a German house style asked of an English text: %q", got)
	}
	if got := b.Locale().Quote("x"); got != "»x«" {
		t.Errorf("the cards' quote = %q, want »x«", got)
	}
}

// The order of names in each language: particles, Spanish double
// surnames, Portuguese last surname, and book.yaml's sort_particles.
func TestNameKeys(t *testing.T) {
	cases := []struct{ lang, sortParticles, name, want string }{
		{"en", "", "Vincent van Gogh", "Gogh, Vincent van"},
		{"de", "", "Johann Wolfgang von Goethe", "Goethe, Johann Wolfgang von"},
		{"de", "", "Anna van der Berg", "Berg, Anna van der"},
		{"nl", "", "Vincent van Gogh", "van Gogh, Vincent"},
		{"nl", "", "Anna van der Berg", "van der Berg, Anna"},
		{"nl", "ignore", "Vincent van Gogh", "Gogh, Vincent van"},
		{"en", "keep", "Vincent van Gogh", "van Gogh, Vincent"},
		{"nl", "", "Dirk Jansen", "Jansen, Dirk"},
		{"es", "", "Gabriel García Márquez", "García Márquez, Gabriel"},
		{"es", "", "José Ortega y Gasset", "Ortega y Gasset, José"},
		{"es", "", "Miguel de Cervantes Saavedra", "Cervantes Saavedra, Miguel de"},
		{"es", "", "Lucía Pérez", "Pérez, Lucía"},
		{"pt", "", "Maria dos Santos Silva", "Silva, Maria dos Santos"},
		{"pt", "", "Pedro Álvares Cabral", "Cabral, Pedro Álvares"},
		{"it", "", "Lorenzo Da Ponte", "Da Ponte, Lorenzo"},
		{"fr", "", "Charles de Gaulle", "Gaulle, Charles de"},
		{"fr", "", "Jean Le Jossec", "Le Jossec, Jean"},
	}
	for _, c := range cases {
		b := &Book{Language: c.lang, SortParticles: c.sortParticles}
		cn := &Contribution{Name: c.name}
		if got := cn.SortKeyIn(b.Locale().Names); got != c.want {
			t.Errorf("%s (%s): %q sorted as %q, want %q", c.lang, c.sortParticles, c.name, got, c.want)
		}
	}
	// Ñ is a letter of its own in a Spanish index, after N.
	b := &Book{Language: "es", Contributions: []*Contribution{{Name: "Andrés Nava Ruiz", Path: "a.md"}, {Name: "Lucía Ñáñez Roca", Path: "b.md"}}}
	if g := b.Index(); len(g) != 2 || g[0].Letter != "N" || g[1].Letter != "Ñ" {
		t.Errorf("es: index letters %+v, want N then Ñ", g)
	}
	// The index groups by the key: van Gogh under G in English, V in Dutch.
	for lang, letter := range map[string]string{"en": "G", "de": "G", "nl": "V"} {
		b := &Book{Language: lang, Contributions: []*Contribution{{Name: "Vincent van Gogh", Path: "a.md"}}}
		if g := b.Index(); len(g) != 1 || g[0].Letter != letter {
			t.Errorf("%s: van Gogh indexed under %+v, want %s", lang, g, letter)
		}
	}
}
