package intake

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/pipeline"
)

// TestWordsInThePDF: a .docx and an .odt imported, their role filled in,
// compile; every word of each document (pandoc's reading of it) is on
// the book's pages, in order, as pdftotext reads them back.
func TestWordsInThePDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is not installed: run `make tools` (Debian: apt-get install poppler-utils)")
	}
	root := newBook(t)
	for _, c := range []struct{ doc, name string }{{"libreoffice.docx", ""}, {"tracked.odt", "Marc Relu"}} {
		res := Document(Options{Root: root, Lang: "fr", Name: c.name}, c.doc, read(t, c.doc))
		if res.Diags.HasErrors() {
			t.Fatal(res.Diags.Text())
		}
		for _, f := range res.Files {
			p := filepath.Join(root, f)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, []byte(strings.Replace(string(b), `role: ""`, `role: "Bibliothécaire"`, 1)), 0o644)
		}
	}
	opts := pipeline.Options{Root: root, Jobs: 2, Only: []string{"pdf"}, Env: func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1795000000"
		}
		return ""
	}}
	r, err := pipeline.Compile(opts)
	if err != nil {
		if r != nil {
			t.Log(r.Diags.Text())
		}
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", filepath.Join(root, "output", r.Book.Artifacts().PDF()), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// Hyphens are dropped on both sides: pdftotext rejoins a word broken
	// at a line end and removes the hyphen there.
	// A note's call is a raised number glued to its word ("précieusement1"):
	// the digits after a word's letters are dropped.
	pdfWords := func(s string) []string {
		ws := words(strings.NewReplacer("-", "", "\u2011", "").Replace(s))
		for i, w := range ws {
			ws[i] = strings.TrimRightFunc(w, unicode.IsDigit)
		}
		return ws
	}
	stream := pdfWords(string(out))
	// The book orders by surname: Dubreuil, then Relu; one cursor for
	// both, so that a word missing from the first is not found in the
	// second. The footnotes (pandoc's "[1] …" lines) are at the foot of
	// their page, not after the text: each is looked for on its own.
	at := 0
	inOrder := func(what string, want []string, at int) int {
		for i, w := range want {
			for at < len(stream) && stream[at] != w {
				at++
			}
			if at == len(stream) {
				t.Fatalf("%s: word %d %q not found in the PDF in order (after %q)", what, i, w, strings.Join(want[max(0, i-8):i], " "))
			}
			at++
		}
		return at
	}
	for _, plain := range []string{"libreoffice.docx.plain", "tracked.docx.plain"} {
		var body, notes []string
		for line := range strings.Lines(golden(t, plain)) {
			if n, ok := strings.CutPrefix(line, "["); ok && len(n) > 2 && n[0] >= '1' && n[0] <= '9' && strings.Contains(n[:3], "] ") {
				notes = append(notes, n[strings.Index(n, "] ")+2:])
				continue
			}
			body = append(body, line)
		}
		at = inOrder(plain, pdfWords(strings.Join(body, "")), at)
		for _, n := range notes {
			inOrder(plain+" (note)", pdfWords(n), 0)
		}
	}
}

// TestLoaderReadsTheImport: the loader reads the imported file as the
// document was built: a heading, a bulleted and a numbered list of three
// items, a quote, a link; check finds no error once the role is filled.
func TestLoaderReadsTheImport(t *testing.T) {
	root := newBook(t)
	res := Document(Options{Root: root, Lang: "fr"}, "a.odt", read(t, "libreoffice.odt"))
	p := filepath.Join(root, "contributions", "helene-dubreuil.md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err, res.Diags.Text())
	}
	os.WriteFile(p, []byte(strings.Replace(string(b), `role: ""`, `role: "Bibliothécaire"`, 1)), 0o644)
	bk, diags, err := pipeline.Check(pipeline.Options{Root: root, Jobs: 1})
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v\n%s", err, diags.Text())
	}
	var kinds []string
	for _, bl := range bk.Contributions[0].Body {
		k := map[book.BlockKind]string{book.Paragraph: "p", book.Heading: "h", book.Quote: "quote", book.List: "list"}[bl.Kind]
		if bl.Kind == book.List {
			k = fmt.Sprintf("list(ordered=%v,%d)", bl.Ordered, len(bl.Children))
		}
		if bl.Kind == book.Heading {
			k = fmt.Sprintf("h%d", bl.Level)
		}
		kinds = append(kinds, k)
	}
	// The footnote is the contribution's, not a paragraph.
	if n := len(bk.Contributions[0].Notes); n != 1 {
		t.Errorf("%d notes, want 1", n)
	}
	want := "p h2 p list(ordered=false,3) p list(ordered=true,3) quote p p p"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("blocks %s, want %s", got, want)
	}
	found := false
	book.Walk(bk.Contributions[0].Body, func(bl *book.Block) {
		for _, s := range bl.Spans {
			if s.Link == "https://example.org/atelier" && s.Text == "le site de la médiathèque" {
				found = true
			}
		}
	})
	if !found {
		t.Error("the link is not read back")
	}
}
