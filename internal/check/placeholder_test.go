package check

import (
	"strconv"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/load"
	"github.com/recueil/recueil/internal/scaffold"
)

func checkOne(t *testing.T, src string) book.Diagnostics {
	t.Helper()
	var d book.Diagnostics
	c := load.Contribution("contributions/zoe.md", []byte(src), &d)
	if c == nil {
		t.Fatalf("not loaded: %s", d.Text())
	}
	b := book.Defaults()
	b.Contributions = []*book.Contribution{c}
	return Book(&b)
}

func only(d book.Diagnostics, rules ...string) []string {
	var out []string
	for _, x := range d {
		for _, r := range rules {
			if x.Rule == r {
				out = append(out, x.String())
			}
		}
	}
	return out
}

// The template of recueil new, left as it is but for the name, is an
// error at each placeholder field and at the first placeholder paragraph.
func TestPlaceholderTemplate(t *testing.T) {
	data := scaffold.NewData("Livre", "urn:x", book.Defaults().Limits, nil)
	d := checkOne(t, string(scaffold.Contribution("Zoé Martin", data)))
	got := only(d, "placeholder-text", "example-text")
	if len(got) != 3 {
		t.Fatalf("findings:\n%s", strings.Join(got, "\n"))
	}
	for i, want := range []string{
		"contributions/zoe.md:4:7: error: « Votre fonction, sur une ligne » est encore le texte du modèle (role)",
		"contributions/zoe.md:5:15: error: « Votre organisation (facultatif) » est encore le texte du modèle (organization)",
		"contributions/zoe.md:14:1: error: Le texte du modèle est encore là (4 phrases, dont « Écrivez votre texte ici, en paragraphes… ») : ce n’est pas encore votre texte.",
	} {
		if !strings.HasPrefix(got[i], want) || !strings.HasSuffix(got[i], "[placeholder-text]") {
			t.Errorf("finding %d:\n got %s\nwant %s…", i, got[i], want)
		}
	}
}

// A sentence of the template kept among the contributor's own text is
// found after typographic normalisation (fixed spaces and apostrophes,
// other limits, other case), wherever it is; a single word of it is not.
func TestPlaceholderKeptSentence(t *testing.T) {
	own := strings.Repeat("Mon propre texte parle de rencontres et de métiers. ", 10)
	for _, c := range []struct {
		name, body string
		line       int
	}{
		{"kept sentence", own + "\n\nRemplacez tout ce texte par le vôtre\u202f: entre 120 et 600 mots.\n", 7},
		{"other case and quotes", own + "\n\n> UNE CITATION COMMENCE PAR LE SIGNE \"›\"…\n", 7},
		{"the README's model", own + "\n\nVotre texte ici, en paragraphes séparés par une ligne vide.\n", 7},
		{"in the middle", own + "\n\nJ’ai fini. Écrivez  votre texte ici, en paragraphes séparés par une ligne vide. Merci.\n", 7},
	} {
		src := "---\nname: Zoé Martin\nrole: Apicultrice\n---\n" + c.body
		got := only(checkOne(t, src), "placeholder-text")
		if len(got) != 1 || !strings.HasPrefix(got[0], "contributions/zoe.md:"+strconv.Itoa(c.line)+":1: error: Le texte du modèle est encore là (1 phrase") {
			t.Errorf("%s: findings %q", c.name, got)
		}
	}
	src := "---\nname: Zoé Martin\nrole: Votre fonction de trésorière\n---\n" + own + "\n\nÉcrivez votre texte ici.\n"
	if got := only(checkOne(t, src), "placeholder-text", "example-text"); len(got) != 0 {
		t.Errorf("the contributor's own text is taken for the template: %q", got)
	}
}

// The example of recueil init is a warning: a new book compiles at once,
// and the example is to be removed before the first edition.
func TestPlaceholderExample(t *testing.T) {
	var ex []byte
	for _, f := range scaffold.Book(scaffold.NewData("Livre", "urn:x", book.Defaults().Limits, nil)) {
		if f.Path == "contributions/"+scaffold.ExampleSlug+".md" {
			ex = f.Data
		}
	}
	d := checkOne(t, string(ex))
	if d.HasErrors() {
		t.Errorf("the example is an error:\n%s", d.Text())
	}
	got := only(d, "example-text")
	if len(got) != 1 || !strings.HasPrefix(got[0], "contributions/zoe.md:3:7: warning: C’est encore le texte de l’exemple de recueil init (") {
		t.Errorf("example findings: %q", got)
	}
}

// TestNormLatinIsNormSentence: the one-pass normalisation gives what the
// general one gives, on every text it accepts.
func TestNormLatinIsNormSentence(t *testing.T) {
	alphabet := []rune("aZéÉçÇœŒİıß 0129’‘«»“”…\u00a0\u202f\u2009'\".,;:!?-×ª\u0301ЖΩ\t\n")
	cases := []string{"", "Écrivez ici votre texte, en quelques paragraphes.", "L’été 2024 : « 12 mots »…", "e\u0301te\u0301", "\xff\xfe abc"}
	seed := uint32(1)
	for n := 0; n < 20000; n++ {
		var b []rune
		for k := 0; k < int(seed%40); k++ {
			seed = seed*1664525 + 1013904223
			b = append(b, alphabet[int(seed>>8)%len(alphabet)])
		}
		cases = append(cases, string(b))
	}
	accepted := 0
	for _, s := range cases {
		for _, min := range []int{0, 2, 4} {
			got, ok := normLatin(s, min)
			if !ok {
				continue
			}
			accepted++
			if want := normSentenceSlow(s, min); got != want {
				t.Fatalf("normLatin(%q, %d) = %q, want %q", s, min, got, want)
			}
		}
	}
	if accepted < 10000 {
		t.Errorf("only %d cases took the one-pass path", accepted)
	}
}
