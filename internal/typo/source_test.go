package typo

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/markdown"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// A contribution with one fault of each kind, and places that must not move.
const sample = `---
name: Violette Exemple
role: Directrice de l'école
organization: "Exemple & Cie"
title: "Pourquoi pas?"
extract: Elle a dit "oui"...
links: ["https://example.org/a?b=c"]
handle: "@violette"
photo: photos/l'eau.jpg
---
Bonjour! Il a dit : oui.
Le code ` + "`a:b ?`" + ` reste, comme <https://x.org/?q=1> et [le lien](http://x.org/a?b "Titre?").
Deux  espaces, et une fin de ligne dure  
l'école... et « Oui ».

    indenté: "code"

` + "```" + `
x = "y"... ; z
` + "```" + `
`

func TestCheckPositions(t *testing.T) {
	type pos struct {
		line, col      int
		rule, old, fix string
	}
	want := []pos{
		{3, 22, RuleApostrophe, "'", "’"},
		{5, 21, RuleSpaceBeforePunct, "", "⍽"},
		{6, 21, RuleQuotes, "\"", "«"},
		{6, 22, RuleGuillemets, "", "⍽"},
		{6, 25, RuleGuillemets, "", "⍽"},
		{6, 25, RuleQuotes, "\"", "»"},
		{6, 26, RuleEllipsis, "...", "…"},
		{11, 8, RuleSpaceBeforePunct, "", "⍽"},
		{11, 18, RuleSpaceBeforePunct, " ", "␣"},
		{13, 5, RuleDoubleSpace, "  ", " "},
		{14, 2, RuleApostrophe, "'", "’"},
		{14, 8, RuleEllipsis, "...", "…"},
		{14, 16, RuleGuillemets, " ", "⍽"},
		{14, 20, RuleGuillemets, " ", "⍽"},
	}
	got := Check("fr", []byte(sample))
	var g []pos
	for _, f := range got {
		g = append(g, pos{f.Line, f.Col, f.Rule, f.Old, show(f.Fix)})
		if f.Message == "" || f.MessageEn == "" || !strings.Contains(f.Message, "recueil check --fix") {
			t.Errorf("%d:%d %s: message %q / %q", f.Line, f.Col, f.Rule, f.Message, f.MessageEn)
		}
	}
	if fmt.Sprint(g) != fmt.Sprint(want) {
		t.Errorf("findings:\n got %v\nwant %v", g, want)
	}
}

func TestFixSample(t *testing.T) {
	out, fs := Fix("fr", []byte(sample))
	if len(fs) != len(Check("fr", []byte(sample))) {
		t.Errorf("Fix reports %d findings, Check %d", len(fs), len(Check("fr", []byte(sample))))
	}
	s := string(out)
	for _, keep := range []string{
		"links: [\"https://example.org/a?b=c\"]", "photo: photos/l'eau.jpg", "handle: \"@violette\"",
		"`a:b ?`", "<https://x.org/?q=1>", "(http://x.org/a?b \"Titre?\")",
		"dure  \n", "    indenté: \"code\"\n", "x = \"y\"... ; z\n",
	} {
		if !strings.Contains(s, keep) {
			t.Errorf("fixed file lost %q:\n%s", keep, s)
		}
	}
	for _, fixed := range []string{
		"role: Directrice de l’école", "title: \"Pourquoi pas⍽?\"", "extract: Elle a dit «⍽oui⍽»…",
		"Bonjour⍽! Il a dit␣: oui.", "Deux espaces,", "l’école… et «⍽Oui⍽».",
	} {
		if !strings.Contains(s, vis(fixed)) {
			t.Errorf("fixed file lacks %q:\n%s", fixed, show(s))
		}
	}
	checkFixed(t, "fr", []byte(sample), out)
}

// checkFixed asserts the properties of every fix: idempotent, nothing left
// to report, the same words, the same Markdown structure.
func checkFixed(t *testing.T, lang string, in, out []byte) {
	t.Helper()
	again, fs := Fix(lang, out)
	if !bytes.Equal(again, out) {
		t.Fatalf("Fix is not idempotent:\n%q\n%q\n%q", in, out, again)
	}
	left := 0
	for _, f := range Check(lang, out) {
		if !f.Manual {
			left++
		}
	}
	if len(fs) != 0 || left != 0 {
		t.Fatalf("findings left after Fix: %+v\nin  %q\nout %q", fs, in, out)
	}
	if words(string(in)) != words(string(out)) {
		t.Fatalf("Fix changed the words:\n%q\n%q", in, out)
	}
	if a, b := structure(in), structure(out); a != b {
		t.Fatalf("Fix changed the Markdown structure:\n%s\n%s\nin  %q\nout %q", a, b, in, out)
	}
}

// structure is the Markdown tree of src without its text.
func structure(src []byte) string {
	_, _, body := frontMatter(src, 0)
	if bytes.HasPrefix(src, []byte("\ufeff")) {
		_, _, body = frontMatter(src, 3)
	}
	doc := markdown.New().Parser().Parse(text.NewReader(src[body:]))
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Kind() == ast.KindText {
			return ast.WalkContinue, nil
		}
		if entering {
			b.WriteString(n.Kind().String() + "(")
			switch n := n.(type) {
			case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
				b.WriteString(strconv.Quote(string(n.Text(src[body:])))) //nolint:staticcheck // the text of the code, to compare
			case *ast.Link:
				b.WriteString(string(n.Destination))
			}
		} else {
			b.WriteString(")")
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

var fixCases = []struct{ name, in, want string }{
	{"punct", "Bonjour! Ça va ?\n", "Bonjour⍽! Ça va⍽?\n"},
	{"crlf and bom", "\ufeffBonjour!\r\nÇa va ?\r\n", "\ufeffBonjour⍽!\r\nÇa va⍽?\r\n"},
	{"times and urls", "À 12:30, voir http://x.org/a?b=c et www.x.org/?a=b!\n", "À 12:30, voir http://x.org/a?b=c et www.x.org/?a=b⍽!\n"},
	{"emails", "Écrire à jean.d@example.org !\n", "Écrire à jean.d@example.org⍽!\n"},
	{"code span", "Tapez `\"a\"...` puis `b` !\n", "Tapez `\"a\"...` puis `b`⍽!\n"},
	{"emphasis", "Un *texte*? Un **gras**!\n", "Un *texte*⍽? Un **gras**⍽!\n"},
	{"emphasis opening", "Un «*texte*»\n", "Un «⍽*texte*⍽»\n"},
	{"hard break kept", "Ligne  \nsuite  !  \nfin\n", "Ligne  \nsuite⍽!  \nfin\n"},
	{"line start untouched", "Quoi\n? oui\n", "Quoi\n? oui\n"},
	{"indentation kept", "- un\n\n    deux  trois\n", "- un\n\n    deux trois\n"},
	{"nested quotes", "Il dit \"elle a dit 'non'\".\n", "Il dit «⍽elle a dit “non”⍽».\n"},
	{"escaped quote", "Un \\\"vrai\\\" guillemet\n", "Un \\\"vrai\\\" guillemet\n"},
	{"entity", "Tom &amp; Jerry ; oui\n", "Tom &amp; Jerry⍽; oui\n"},
	{"html", "Un <span title=\"a ; b\">mot</span> !\n", "Un <span title=\"a ; b\">mot</span>⍽!\n"},
	{"link title", "[un lien](http://x.org \"a : b\") !\n", "[un lien](http://x.org \"a : b\")⍽!\n"},
	{"image", "![l'image](img/a'b.png)\n", "![l’image](img/a'b.png)\n"},
	{"heading", "# Pourquoi?\n", "# Pourquoi⍽?\n"},
	{"no numbers in sources", "500 000 vues, p. 42\n", "500 000 vues, p. 42\n"},
	{"already right", "«⍽Oui⍽», dit-il␣: l’école…\n", "«⍽Oui⍽», dit-il␣: l’école…\n"},
	{"front matter keys", "---\nname: A\ntitle: Quoi?\nrole: 'L''école ; non'\nsection: \"Quoi?\"\n---\nx\n", "---\nname: A\ntitle: Quoi⍽?\nrole: 'L''école⍽; non'\nsection: \"Quoi?\"\n---\nx\n"},
	{"front matter multiline", "---\nextract: >-\n  Un  texte\n  ... fin!\nname: B # c\n---\n", "---\nextract: >-\n  Un texte\n  … fin⍽!\nname: B # c\n---\n"},
	{"front matter plain comment", "---\ntitle: Quoi? # pas ceci?\n---\n", "---\ntitle: Quoi⍽? # pas ceci?\n---\n"},
	{"footnote", "Un texte[^1] ! Fin.\n\n[^1]: La note ; oui.\n[^a-b]:Sans espace?\n", "Un texte[^1]⍽! Fin.\n\n[^1]: La note⍽; oui.\n[^a-b]:Sans espace?\n"}, // a note never called is not in the text (note-unused): left alone
	{"footnote call before punctuation", "Voilà[^n]: la suite.\n\n[^n]: Une note.\n", "Voilà[^n]␣: la suite.\n\n[^n]: Une note.\n"},
	{"table", "| Quoi ? | Où: |\n|:---|---:|\n| l'école | 2 ! |\n", "| Quoi⍽? | Où␣: |\n|:---|---:|\n| l’école | 2⍽! |\n"},
	{"lang span", "Il chante « [everybody's got a hungry heart]{lang=en} » !\n", "Il chante «⍽[everybody's got a hungry heart]{lang=en}⍽»⍽!\n"}, // the passage is not French: the outputs set it in its own typography
	{"lang span refused", "Un [mot]{lang=??} !\n", "Un [mot]{lang=??}⍽!\n"},
	{"strikethrough", "Un ~~mot~~ ! Et ~~deux : trois~~\n", "Un ~~mot~~⍽! Et ~~deux␣: trois~~\n"},
	{"broken front matter", "---\ntitle: [Quoi?\n---\nSuite!\n", "---\ntitle: [Quoi?\n---\nSuite⍽!\n"},
}

func TestFix(t *testing.T) {
	for _, c := range fixCases {
		in, want := vis(c.in), vis(c.want)
		out, _ := Fix("fr", []byte(in))
		if string(out) != want {
			t.Errorf("%s: Fix(%q)\n = %q\nwant %q", c.name, c.in, show(string(out)), c.want)
			continue
		}
		checkFixed(t, "fr", []byte(in), out)
	}
}

func TestFixEnglish(t *testing.T) {
	in := "It's \"done\"... ok: yes !\n"
	out, fs := Fix("en", []byte(in))
	if string(out) != "It’s “done”… ok: yes!\n" || len(fs) != 5 {
		t.Errorf("Fix(en) = %q, %d findings", out, len(fs))
	}
}

func TestRules(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if r.Code == "" || r.Fr == "" || r.En == "" || seen[r.Code] {
			t.Errorf("bad rule doc %+v", r)
		}
		seen[r.Code] = true
	}
	for _, f := range Check("fr", []byte(sample)) {
		if !seen[f.Rule] {
			t.Errorf("finding rule %q is not documented", f.Rule)
		}
	}
}

// TestFixSeeds runs the fix properties over the fuzz seed corpus.
func TestFixSeeds(t *testing.T) {
	for _, c := range fuzzSeeds(t) {
		out, _ := Fix("fr", c)
		checkFixed(t, "fr", c, out)
	}
}

func fuzzSeeds(t testing.TB) [][]byte {
	files, _ := filepath.Glob("testdata/fuzz/FuzzFix/*")
	var out [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// go test fuzz v1 / []byte("...")
		lines := strings.SplitN(string(b), "\n", 3)
		if len(lines) < 2 || !strings.HasPrefix(lines[1], "[]byte(") {
			t.Fatalf("%s: not a []byte seed", f)
		}
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")"))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, []byte(s))
	}
	return out
}

func FuzzFix(f *testing.F) {
	f.Add([]byte(sample))
	for _, c := range fixCases {
		f.Add([]byte(vis(c.in)))
	}
	for _, c := range pastedCases {
		f.Add([]byte(vis(c.in)))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		out, _ := Fix("fr", src)
		checkFixed(t, "fr", src, out)
		for _, lang := range otherLanguages {
			out, _ := Fix(lang, src)
			checkFixed(t, lang, src, out)
		}
	})
}

// TestFixBookSamples runs the fix properties over the sample book's
// contributions (words kept, idempotent, nothing left, same structure).
func TestFixBookSamples(t *testing.T) {
	files, _ := filepath.Glob("../../contributions/*.md")
	if len(files) == 0 {
		t.Skip("no sample contributions in ../../contributions")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := Fix("fr", b)
		checkFixed(t, "fr", b, out)
	}
	// The sample book of each language, fixed in its language.
	for _, lang := range otherLanguages[1:] {
		files, _ := filepath.Glob("../../testdata/books/" + lang + "/contributions/*.md")
		if len(files) == 0 {
			t.Fatalf("no sample book in testdata/books/%s", lang)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out, _ := Fix(lang, b)
			checkFixed(t, lang, b, out)
		}
	}
}

// otherLanguages are the languages besides French with a policy of their own.
var otherLanguages = []string{"en", "en-US", "en-GB", "de", "es", "it", "pt", "nl"}

func TestCheckBOMColumns(t *testing.T) {
	fs := Check("fr", []byte("\ufeffBonjour!\r\nÀ «toi»\r\n"))
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%d:%d:%s", f.Line, f.Col, f.Rule))
	}
	want := "[1:8:typo-space-before-punct 2:4:typo-guillemets 2:7:typo-guillemets]"
	if fmt.Sprint(got) != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

func TestFindingDiagnostic(t *testing.T) {
	fs := Check("fr", []byte("Oui!\n"))
	if len(fs) != 1 {
		t.Fatalf("findings: %+v", fs)
	}
	d := fs[0].Diagnostic("contributions/a.md", "fr", book.Warning)
	if d.String() != "contributions/a.md:1:4: warning: Il manque une espace fine insécable avant « ! » (corrigeable avec recueil check --fix). [typo-space-before-punct]" {
		t.Errorf("got %s", d)
	}
	if en := fs[0].Diagnostic("a.md", "en", book.Warning); !strings.HasPrefix(en.Message, "Missing a narrow no-break space") {
		t.Errorf("english: %s", en.Message)
	}
}
