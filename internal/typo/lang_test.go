package typo

import (
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

// Each language's policy, in the outputs (String): its quotation marks of
// both levels for straight quotes, nested; no space before ; : ! ?; none
// inside its guillemets; ¿ ¡ kept with their sentence.
func TestLanguagePolicy(t *testing.T) {
	cases := []struct{ lang, in, want string }{
		{"en-US", `She said "he told me 'no' twice" ; then left !`, "She said “he told me ‘no’ twice”; then left!"},
		{"en-GB", `She said "he told me 'no' twice".`, "She said ‘he told me “no” twice’."},
		{"en", `The students' books, it's the '90s: "Why ?"`, "The students’ books, it’s the ’90s: “Why?”"},
		{"de", `Er sagte: "Sie rief 'Halt' und ging" !`, "Er sagte: „Sie rief ‚Halt‘ und ging“!"},
		{"de-CH", `"Ja" ?`, "„Ja“?"},
		{"es", `Dijo: "Ella gritó 'basta' y se fue". ¿ Vienes ? ¡ Claro !`, "Dijo: «Ella gritó “basta” y se fue». ¿Vienes? ¡Claro!"},
		{"es", `« Hola » y « adiós »`, "«Hola» y «adiós»"},
		{"it", `Disse: "Lui urlò 'basta' e partì" ; poi tacque.`, "Disse: «Lui urlò “basta” e partì»; poi tacque."},
		{"it", `l'anno, un po' di più`, "l’anno, un po’ di più"},
		{"pt", `Ela disse: "Ele gritou 'chega' e saiu" !`, "Ela disse: «Ele gritou “chega” e saiu»!"},
		{"nl", `Hij zei: "Ze riep 'stop' en ging" ; de auto's stonden stil.`, "Hij zei: “Ze riep ‘stop’ en ging”; de auto’s stonden stil."},
		// Three levels: the first level again inside the second.
		{"en", `"a 'b "c" d' e"`, "“a ‘b “c” d’ e”"},
		// The language's own marks, typed, keep the nesting.
		{"de", `„Er rief "Halt" laut“`, "„Er rief ‚Halt‘ laut“"},
		// French is unchanged: « » with U+202F, “ ” inside.
		{"fr", `Il dit "oui" ; bien.`, "Il dit «\u202foui\u202f»\u202f; bien."},
		// Code and URLs are left alone in every language.
		{"de", "Siehe https://example.org/?a=1 ; gut", "Siehe https://example.org/?a=1; gut"},
		// A measure keeps its straight marks.
		{"en", `He is 5'10" tall`, "He is 5'10\" tall"},
	}
	for _, c := range cases {
		if got := String(c.lang, c.in); got != c.want {
			t.Errorf("String(%q, %q)\n = %q\nwant %q", c.lang, c.in, got, c.want)
		}
		if again := String(c.lang, c.want); again != c.want {
			t.Errorf("String(%q) not idempotent on %q: %q", c.lang, c.want, again)
		}
	}
}

// check reports, and --fix repairs, the same policy in a source file:
// each change a finding with its rule code, in French and English.
func TestLanguageFix(t *testing.T) {
	cases := []struct {
		lang, in, want string
		rules          []string
	}{
		{"de", "Er sagte : \"Nein\" !\n", "Er sagte: „Nein“!\n",
			[]string{RuleSpaceBeforePunct, RuleQuotes, RuleQuotes, RuleSpaceBeforePunct}},
		{"es", "¿ Qué dices ? « Nada ».\n", "¿Qué dices? «Nada».\n",
			[]string{RuleInvertedMarks, RuleSpaceBeforePunct, RuleGuillemets, RuleGuillemets}},
		{"en-GB", "\"Yes\" ; she said.\n", "‘Yes’; she said.\n",
			[]string{RuleQuotes, RuleQuotes, RuleSpaceBeforePunct}},
	}
	for _, c := range cases {
		out, fs := Fix(c.lang, []byte(c.in))
		if string(out) != c.want {
			t.Errorf("Fix(%q, %q) = %q, want %q", c.lang, c.in, out, c.want)
		}
		var got []string
		for _, f := range fs {
			got = append(got, f.Rule)
			if f.Message == "" || f.MessageEn == "" || f.Message == f.MessageEn {
				t.Errorf("%s: finding %+v lacks a French or an English message", c.lang, f)
			}
		}
		if len(got) != len(c.rules) {
			t.Errorf("Fix(%q, %q) findings %v, want %v", c.lang, c.in, got, c.rules)
			continue
		}
		for i := range got {
			if got[i] != c.rules[i] {
				t.Errorf("Fix(%q, %q) findings %v, want %v", c.lang, c.in, got, c.rules)
				break
			}
		}
		if again, fs := Fix(c.lang, out); string(again) != string(out) || len(fs) != 0 {
			t.Errorf("Fix(%q) again = %q, %d findings", c.lang, again, len(fs))
		}
	}
}

// Inner: a text put between the book's marks (a card's quote) has its
// first-level marks turned into the second-level ones, in every language.
func TestInnerLanguages(t *testing.T) {
	cases := []struct{ lang, in, want string }{
		{"en", `He said "yes" twice`, "He said ‘yes’ twice"},
		{"en-GB", `He said "yes" twice`, "He said “yes” twice"},
		{"de", `Er sagte "ja" zweimal`, "Er sagte ‚ja‘ zweimal"},
		{"es", `Dijo "sí" dos veces`, "Dijo “sí” dos veces"},
		{"fr", `Il dit "oui" deux fois`, "Il dit “oui” deux fois"},
	}
	for _, c := range cases {
		if got := Inner(c.lang, c.in); got != c.want {
			t.Errorf("Inner(%q, %q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}

// English quotes pasted into a German text: in a source, each pair
// becomes „ “ (‚ ‘ inside), one finding per mark to look at; the outputs
// leave them as typed, as French does.
func TestPastedEnglishQuotesInGerman(t *testing.T) {
	in := "Sie sagte “Er rief “Halt” und ging” leise.\n"
	out, fs := Fix("de", []byte(in))
	if want := "Sie sagte „Er rief ‚Halt‘ und ging“ leise.\n"; string(out) != want {
		t.Errorf("Fix(de) = %q, want %q", out, want)
	}
	if len(fs) != 4 {
		t.Fatalf("%d findings, want 4: %+v", len(fs), fs)
	}
	for _, f := range fs {
		if f.Rule != RuleEnglishQuotes || Auto(f.Rule) || !strings.Contains(f.MessageEn, "this language") {
			t.Errorf("finding %+v", f)
		}
	}
	if got := String("de", "“Ja”"); got != "“Ja”" {
		t.Errorf("String(de) changed pasted quotes: %q", got)
	}
	// English, Dutch, Spanish use “ ” themselves: left alone.
	for _, lang := range []string{"en", "nl", "es"} {
		if _, fs := Fix(lang, []byte("She said “yes”.\n")); len(fs) != 0 {
			t.Errorf("%s: %+v", lang, fs)
		}
	}
}

// InnerAs: a text of a mixed book on the book's card takes the book's
// second-level marks for its own quotations.
func TestInnerAs(t *testing.T) {
	fr, en, de := book.ResolveLocale("fr").Typography, book.ResolveLocale("en").Typography, book.ResolveLocale("de").Typography
	if got := InnerAs(en, fr, `someone wrote "read me" there`); got != "someone wrote “read me” there" {
		t.Errorf("en in fr: %q", got)
	}
	if got := InnerAs(de, fr, `er schrieb "lies mich" dort`); got != "er schrieb “lies mich” dort" {
		t.Errorf("de in fr: %q", got)
	}
	if got := InnerAs(fr, en, `il dit "oui" ici`); got != "il dit ‘oui’ ici" {
		t.Errorf("fr in en: %q", got)
	}
}
