package typo

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/recueil/recueil/internal/book"
)

// In the tables, ⍽ stands for U+202F (narrow no-break space) and ␣ for
// U+00A0 (no-break space), so that the expectations can be read.
func vis(s string) string {
	return strings.NewReplacer("⍽", "\u202f", "␣", "\u00a0").Replace(s)
}

func show(s string) string {
	return strings.NewReplacer("\u202f", "⍽", "\u00a0", "␣").Replace(s)
}

var stringCases = []struct {
	lang, in, want string
}{
	// Spaces before ; : ! ?
	{"fr", "Bonjour !", "Bonjour⍽!"},
	{"fr", "Bonjour!", "Bonjour⍽!"},
	{"fr", "Bonjour  !", "Bonjour⍽!"},
	{"fr", "Bonjour\u00a0!", "Bonjour⍽!"},
	{"fr", "Bonjour\u2009!", "Bonjour⍽!"},
	{"fr", "Bonjour⍽!", "Bonjour⍽!"},
	{"fr", "Vraiment ? Oui ; non.", "Vraiment⍽? Oui⍽; non."},
	{"fr", "Il a dit : oui", "Il a dit␣: oui"},
	{"fr", "Il a dit: oui", "Il a dit␣: oui"},
	{"fr", "Il a dit⍽: oui", "Il a dit␣: oui"},
	{"fr", "Note :", "Note␣:"},
	{"fr", "Fin\r\n!", "Fin⍽!"},
	{"fr", "Un\n\n!", "Un\n\n!"},
	{"fr", "Quoi ?!", "Quoi⍽?!"},
	{"fr", "Quoi?!", "Quoi⍽?!"},
	{"fr", "Quoi !?", "Quoi⍽!?"},
	{"fr", "(vraiment?)", "(vraiment⍽?)"},
	{"fr", "Et toi ?", "Et toi⍽?"},
	// Not punctuation of prose.
	{"fr", "12:30", "12:30"},
	{"fr", "à 12:30 précises", "à 12:30␣précises"},
	{"fr", "un format 3:2", "un format 3:2"},
	{"fr", "https://example.org/a?b=c", "https://example.org/a?b=c"},
	{"fr", "voir https://example.org/a?b=c !", "voir https://example.org/a?b=c⍽!"},
	{"fr", "voir http://x.org/a:b;c!d", "voir http://x.org/a:b;c!d"},
	{"fr", "écrivez à jean@example.org !", "écrivez à jean@example.org⍽!"},
	{"fr", "le disque C:\\ plein", "le disque C:\\ plein"},
	{"fr", "content :) et ;-) et :D", "content :) et ;-) et :D"},
	{"fr", "si a != b", "si a != b"},
	{"fr", "Tom &amp; Jerry", "Tom &amp; Jerry"},
	// Guillemets.
	{"fr", "« Oui »", "«⍽Oui⍽»"},
	{"fr", "«Oui»", "«⍽Oui⍽»"},
	{"fr", "«  Oui  »", "«⍽Oui⍽»"},
	{"fr", "«\u00a0Oui\u00a0»", "«⍽Oui⍽»"},
	{"fr", "\"Oui\"", "«⍽Oui⍽»"},
	{"fr", "Il a dit \"oui\" puis \"non\".", "Il a dit «⍽oui⍽» puis «⍽non⍽»."},
	{"fr", "Il a dit \" oui \".", "Il a dit «⍽oui⍽»."},
	{"fr", "Il a dit : \"oui !\"", "Il a dit␣: «⍽oui⍽!⍽»"},
	{"fr", "Il mesure 5'10\" environ", "Il mesure 5'10\" environ"},
	{"fr", "un a\"b", "un a\"b"},
	// Apostrophes.
	{"fr", "l'école", "l’école"},
	{"fr", "aujourd'hui", "aujourd’hui"},
	{"fr", "qu'il", "qu’il"},
	{"fr", "l'« école »", "l’«⍽école⍽»"},
	{"fr", "L'an 2000", "L’an 2000"},
	{"fr", "d'1 coup", "d’1␣coup"},
	{"fr", "'citation'", "«\u202fcitation\u202f»"},
	{"fr", "Il dit 'non' et l'autre 'oui'.", "Il dit «\u202fnon\u202f» et l’autre «\u202foui\u202f»."},
	{"fr", "aujourd' hui, l' école", "aujourd' hui, l' école"},
	// Ellipsis.
	{"fr", "...", "…"},
	{"fr", "Et puis...", "Et puis…"},
	{"fr", "Et puis....", "Et puis…"},
	{"fr", "Et puis..", "Et puis.."},
	{"fr", "Quoi...?", "Quoi…⍽?"},
	// Spaces.
	{"fr", "deux  espaces", "deux espaces"},
	{"fr", "Bonjour , toi .", "Bonjour, toi."},
	{"fr", "le .NET et .5", "le .NET et .5"},
	{"fr", "Une incise — comme ceci — reste.", "Une incise — comme ceci — reste."},
	// Numbers.
	{"fr", "500 000 vues", "500⍽000␣vues"},
	{"fr", "1 000 000 de personnes", "1⍽000⍽000␣de personnes"},
	{"fr", "en 1998 250 personnes", "en 1998 250␣personnes"},
	{"fr", "12 %", "12␣%"},
	{"fr", "10 km", "10␣km"},
	{"fr", "p. 42", "p.␣42"},
	{"fr", "voir pp. 42-43", "voir pp.␣42-43"},
	{"fr", "M. Dupont et Mme Durand", "M.␣Dupont et Mme␣Durand"},
	{"fr", "le n° 5", "le n°␣5"},
	{"fr", "le COVID19 tue", "le COVID19 tue"},
	{"fr", "chapitre 3", "chapitre 3"},
	// Already right: unchanged.
	{"fr", "Il dit␣: «⍽Oui⍽!⍽» Et l’école…", "Il dit␣: «⍽Oui⍽!⍽» Et l’école…"},
	{"fr-CA", "Allo!", "Allo⍽!"},
	{"", "Allo!", "Allo⍽!"},
	// Other languages: only ’ and ….
	{"en", "It's ok: yes", "It’s ok: yes"},
	{"en", "Wait... \"what\"?  Yes !", "Wait… “what”? Yes!"},
	{"en", "500 000 views", "500 000 views"},
}

func TestString(t *testing.T) {
	for _, c := range stringCases {
		in, want := vis(c.in), vis(c.want)
		got := String(c.lang, in)
		if got != want {
			t.Errorf("String(%q, %q) = %q, want %q", c.lang, c.in, show(got), c.want)
		}
		if again := String(c.lang, got); again != got {
			t.Errorf("String(%q, %q) not idempotent: %q then %q", c.lang, c.in, show(got), show(again))
		}
		if a, b := words(in), words(got); a != b {
			t.Errorf("String(%q, %q) changed the words: %q -> %q", c.lang, c.in, a, b)
		}
	}
}

// words returns the runs of letters and digits of s, one per line: what
// the policy must never change.
func words(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	}), "\n")
}

func TestSpans(t *testing.T) {
	sp := func(text string, st book.Style) book.Span { return book.Span{Text: text, Style: st} }
	cases := []struct {
		name string
		in   []book.Span
		want []book.Span
	}{
		{"question after italic",
			[]book.Span{sp("un ", 0), sp("texte", book.Italic), sp("?", 0)},
			[]book.Span{sp("un ", 0), sp("texte", book.Italic), sp("⍽?", 0)}},
		{"space ending the italic span",
			[]book.Span{sp("un ", 0), sp("texte ", book.Italic), sp("? fin", 0)},
			[]book.Span{sp("un ", 0), sp("texte⍽", book.Italic), sp("? fin", 0)}},
		{"guillemets around bold",
			[]book.Span{sp("«", 0), sp("Oui", book.Bold), sp("»", 0)},
			[]book.Span{sp("«⍽", 0), sp("Oui", book.Bold), sp("⍽»", 0)}},
		{"code span untouched but spaced",
			[]book.Span{sp("tapez ", 0), sp("a:b", book.Code), sp("!", 0)},
			[]book.Span{sp("tapez ", 0), sp("a:b", book.Code), sp("⍽!", 0)}},
		{"autolink untouched",
			[]book.Span{sp("voir ", 0), {Text: "http://x.org/a?b", Link: "http://x.org/a?b"}, sp(" !", 0)},
			[]book.Span{sp("voir ", 0), {Text: "http://x.org/a?b", Link: "http://x.org/a?b"}, sp("⍽!", 0)}},
		{"quotes across spans",
			[]book.Span{sp("il dit \"", 0), sp("oui", book.Italic), sp("\".", 0)},
			[]book.Span{sp("il dit «⍽", 0), sp("oui", book.Italic), sp("⍽».", 0)}},
		{"blank span merged",
			[]book.Span{sp("un ", 0), sp(" ", book.Italic), sp("deux", 0)},
			[]book.Span{sp("un ", 0), sp("deux", 0)}},
		{"hard break separates",
			[]book.Span{sp("fin", 0), {Break: true}, sp("? non", 0)},
			[]book.Span{sp("fin", 0), {Break: true}, sp("? non", 0)}},
	}
	for _, c := range cases {
		for i := range c.in {
			c.in[i].Text = vis(c.in[i].Text)
		}
		for i := range c.want {
			c.want[i].Text = vis(c.want[i].Text)
		}
		got := Spans("fr", c.in)
		if len(got) != len(c.want) {
			t.Errorf("%s: got %d spans %q, want %d", c.name, len(got), spansText(got), len(c.want))
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: span %d = %+v (%q), want %+v (%q)", c.name, i, got[i], show(got[i].Text), c.want[i], show(c.want[i].Text))
			}
		}
		again := Spans("fr", got)
		if spansText(again) != spansText(got) {
			t.Errorf("%s: not idempotent: %q then %q", c.name, spansText(got), spansText(again))
		}
	}
}

func spansText(sp []book.Span) string {
	var b strings.Builder
	for _, s := range sp {
		b.WriteString(show(s.Text))
		b.WriteByte('|')
	}
	return b.String()
}

func FuzzString(f *testing.F) {
	for _, c := range stringCases {
		f.Add(vis(c.in))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range append([]string{"fr"}, otherLanguages...) {
			got := String(lang, s)
			if again := String(lang, got); again != got {
				t.Fatalf("%s: not idempotent:\n%q\n%q\n%q", lang, s, got, again)
			}
			if words(s) != words(got) {
				t.Fatalf("%s: words changed:\n%q\n%q", lang, s, got)
			}
			// Cut into spans anywhere (on rune boundaries), the text reads the same.
			cut := func(i int) int {
				for i < len(s) && !utf8.RuneStart(s[i]) {
					i++
				}
				return i
			}
			a, b := cut(len(s)/3), cut(2*len(s)/3)
			sp := Spans(lang, []book.Span{{Text: s[:a]}, {Text: s[a:b], Style: book.Italic}, {Text: s[b:]}})
			var cat strings.Builder
			for _, x := range sp {
				cat.WriteString(x.Text)
			}
			if cat.String() != got {
				t.Fatalf("%s: Spans differs from String:\n%q\n%q\n%q", lang, s, got, cat.String())
			}
		}
	})
}

// TestLongInputs guards against quadratic behaviour on runs of markers.
func TestLongInputs(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("*", 20000) + "\"a\"",
		"http://x.org/" + strings.Repeat(")", 20000),
		strings.Repeat("_a ", 10000) + "!",
		strings.Repeat("1 ", 10000) + "vues",
		strings.Repeat("a@", 10000),
	} {
		out := String("fr", s)
		if words(out) != words(s) {
			t.Errorf("words changed on a long input")
		}
		fixed, _ := Fix("fr", []byte(s))
		if words(string(fixed)) != words(s) {
			t.Errorf("Fix changed words on a long input")
		}
	}
}

var benchText = strings.Repeat("Il a dit : \"Pourquoi pas ?\" Et l'école, aujourd'hui... 500 000 vues, p. 42 ; voir https://example.org/a?b=c ! ", 20)

func BenchmarkString(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		String("fr", benchText)
	}
}

func BenchmarkFix(b *testing.B) {
	src := []byte("---\ntitle: Quoi?\nrole: Chef d'équipe\n---\n" + strings.Repeat(benchText+"\n\n", 5))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Fix("fr", src)
	}
}

// TestSpansInAnotherLanguage: a passage in English inside a French text
// keeps English typography (no space before "?"), gets its apostrophe
// curled, and the French quotes around it are French.
func TestSpansInAnotherLanguage(t *testing.T) {
	in := []book.Span{{Text: "Il demande \"["}, {Text: "isn't it lovely?", Lang: "en"}, {Text: "]\" ! Oui."}}
	in[0].Text, in[2].Text = "Il demande \"", "\" ! Oui."
	got := book.PlainText(Spans("fr", in))
	if want := "Il demande «\u202fisn’t it lovely?\u202f»\u202f! Oui."; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
