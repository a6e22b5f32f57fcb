package typo

import (
	"fmt"
	"strings"
	"testing"
)

// Pasted text: each case with the position of its findings and its fix.
var pastedCases = []struct {
	name, in, want string
	found          []string // line:col:rule of the findings that are not Auto
}{
	{"english quotes", "Il a dit “oui” hier.\n", "Il a dit «⍽oui⍽» hier.\n",
		[]string{"1:10:typo-english-quotes", "1:14:typo-english-quotes"}},
	{"english quotes with spaces", "Il a dit “ oui ” hier.\n", "Il a dit «⍽oui⍽» hier.\n",
		[]string{"1:10:typo-english-quotes", "1:16:typo-english-quotes"}},
	{"single english quotes", "Le mot ‘partage’ revient.\n", "Le mot «⍽partage⍽» revient.\n",
		[]string{"1:8:typo-english-quotes", "1:16:typo-english-quotes"}},
	{"apostrophe inside single quotes", "On dit ‘l’école’ ici.\n", "On dit «⍽l’école⍽» ici.\n",
		[]string{"1:8:typo-english-quotes", "1:16:typo-english-quotes"}},
	{"inner quotes kept", "« Il a dit “oui” hier »\n", "«⍽Il a dit “oui” hier⍽»\n", nil},
	{"inner straight quotes", "« Il a dit \"oui\" hier »\n", "«⍽Il a dit “oui” hier⍽»\n", nil},
	{"inner single english quotes", "« Il a dit ‘oui’ hier »\n", "«⍽Il a dit “oui” hier⍽»\n",
		[]string{"1:12:typo-english-quotes", "1:16:typo-english-quotes"}},
	{"english outer, inner", "“Il a dit ‘oui’ hier”\n", "«⍽Il a dit “oui” hier⍽»\n",
		[]string{"1:1:typo-english-quotes", "1:11:typo-english-quotes", "1:15:typo-english-quotes", "1:21:typo-english-quotes"}},
	{"reversed guillemets", "Il a dit »oui« hier.\n", "Il a dit «⍽oui⍽» hier.\n",
		[]string{"1:10:typo-reversed-guillemets", "1:14:typo-reversed-guillemets"}},
	{"reversed guillemets with spaces", "Il a dit » oui « hier.\n", "Il a dit «⍽oui⍽» hier.\n",
		[]string{"1:10:typo-reversed-guillemets", "1:16:typo-reversed-guillemets"}},
	{"nested guillemets", "« Il a dit « oui » hier »\n", "«⍽Il a dit “oui” hier⍽»\n",
		[]string{"1:12:typo-inner-quotes", "1:18:typo-inner-quotes"}},
	{"nested guillemets, narrow spaces", "«⍽Il a dit «⍽oui⍽» hier⍽»\n", "«⍽Il a dit “oui” hier⍽»\n",
		[]string{"1:12:typo-inner-quotes", "1:18:typo-inner-quotes"}},
	{"right way round untouched", "Il a dit « oui » et « non ».\n", "Il a dit «⍽oui⍽» et «⍽non⍽».\n", nil},
	{"front matter english quotes", "---\nname: A\nrole: Chargée de “projets”\n---\nx\n", "---\nname: A\nrole: Chargée de «⍽projets⍽»\n---\nx\n",
		[]string{"3:18:typo-english-quotes", "3:26:typo-english-quotes"}},
	{"quoted name", "---\nname: “Jean Dupont”\nrole: x\n---\nx\n", "---\nname: Jean Dupont\nrole: x\n---\nx\n",
		[]string{"2:7:quoted-field"}},
	{"quoted name in yaml quotes", "---\nname: '\"Jean Dupont\"'\nrole: x\n---\nx\n", "---\nname: 'Jean Dupont'\nrole: x\n---\nx\n",
		[]string{"2:7:quoted-field"}},
	{"quoted role", "---\nname: A\nrole: \"«Directrice»\"\n---\nx\n", "---\nname: A\nrole: \"Directrice\"\n---\nx\n",
		[]string{"3:7:quoted-field"}},
	{"quoted name, escapes: no fix", "---\nname: \"\\\"Jean\\\"\"\nrole: x\n---\nx\n", "---\nname: \"\\\"Jean\\\"\"\nrole: x\n---\nx\n",
		[]string{"2:7:quoted-field"}},
}

func TestPasted(t *testing.T) {
	for _, c := range pastedCases {
		in, want := vis(c.in), vis(c.want)
		out, fs := Fix("fr", []byte(in))
		if string(out) != want {
			t.Errorf("%s: Fix(%q)\n = %q\nwant %q", c.name, c.in, show(string(out)), c.want)
		}
		var got []string
		for _, f := range Check("fr", []byte(in)) {
			if !Auto(f.Rule) {
				got = append(got, fmt.Sprintf("%d:%d:%s", f.Line, f.Col, f.Rule))
				if !strings.Contains(f.Message, "guillemet") && !strings.Contains(f.Message, "Guillemet") {
					t.Errorf("%s: message %q does not say what is wrong", c.name, f.Message)
				}
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(c.found) {
			t.Errorf("%s: findings %v, want %v", c.name, got, c.found)
		}
		_ = fs
		if strings.Contains(c.name, "no fix") {
			continue
		}
		checkFixed(t, "fr", []byte(in), out)
	}
	// English books keep their quotes.
	if out, _ := Fix("en", []byte("He said “yes” and »no«.\n")); string(out) != "He said “yes” and »no«.\n" {
		t.Errorf("en: %q", out)
	}
}

// The outputs set the inner quotes of a French quotation as “ ”, and
// never turn English quotes into guillemets on their own (check reports
// them, --fix changes them).
func TestStringInnerQuotes(t *testing.T) {
	for _, c := range [][2]string{
		{`« Il a dit "oui" hier »`, "«⍽Il a dit “oui” hier⍽»"},
		{`"Il a dit "oui" hier"`, "«⍽Il a dit “oui” hier⍽»"},
		{"« Il a dit “oui” »", "«⍽Il a dit “oui”⍽»"},
		{"Il a dit “oui”", "Il a dit “oui”"},
	} {
		if got := String("fr", c[0]); got != vis(c[1]) {
			t.Errorf("String(%q) = %q, want %q", c[0], show(got), c[1])
		}
	}
}

func TestInner(t *testing.T) {
	for _, c := range [][3]string{
		{"fr", `Il a dit « oui » hier`, "Il a dit “oui” hier"},
		{"fr", `Il a dit "oui" !`, "Il a dit “oui”⍽!"},
		{"fr", `Sans citation`, "Sans citation"},
		{"fr", `« Un “deux” trois »`, "“Un “deux” trois”"},
		{"en", `He said « yes »`, "He said « yes »"},
	} {
		if got := Inner(c[0], c[1]); got != vis(c[2]) {
			t.Errorf("Inner(%s, %q) = %q, want %q", c[0], c[1], show(got), c[2])
		}
	}
}
