package pipeline

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A mixed book: a contribution with lang: en in a French book is set in
// English typography (no space before ? or :; English quotation marks
// are issue 16's typographic policy, not done yet) in the PDF, the
// EPUB and the site, says its language there, and check does not ask it
// for French spacing; the book's labels stay French.
func TestMixedBook(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is not installed: run `make tools`")
	}
	root := copyBook(t)
	// rewrite sets a contribution of the French sample book in another
	// language: its lang, its title, its body.
	rewrite := func(slug, lang, title, body string) {
		p := filepath.Join(root, "contributions", slug+".md")
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		front, _, _ := strings.Cut(strings.TrimPrefix(string(raw), "---\n"), "\n---\n")
		var keep []string
		for _, l := range strings.Split(front, "\n") {
			if !strings.HasPrefix(l, "extract:") && !strings.HasPrefix(l, "title:") {
				keep = append(keep, l)
			}
		}
		os.WriteFile(p, []byte("---\n"+strings.Join(keep, "\n")+"\nlang: "+lang+"\ntitle: \""+title+"\"\n---\n"+body+"\n"), 0o644)
	}
	rewrite("louise-fauvette", "en", "The margin", strings.Repeat("Why do strangers talk to each other in a library? Because a book left on a table is an invitation: "+
		"someone wrote \"read me, 'if you dare'\" in the margin, and someone else answered. We don't plan these meetings; we only leave room for them. ", 4))
	rewrite("gaspard-herisson", "de", "Der Rand", strings.Repeat("Warum sprechen Fremde in einer Bibliothek miteinander ? Weil ein Buch auf dem Tisch eine Einladung ist : "+
		"Jemand schrieb \"Lies mich, 'wenn du dich traust'\" an den Rand, und ein anderer antwortete. Wir planen diese Begegnungen nicht; wir lassen ihnen nur Raum. ", 4))

	res, err := Compile(Options{Root: root, Jobs: 2, Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})})
	if err != nil {
		if res != nil {
			t.Log(res.Diags.Text())
		}
		t.Fatal(err)
	}
	for _, d := range res.Diags {
		if (d.File == "contributions/louise-fauvette.md" || d.File == "contributions/gaspard-herisson.md") && strings.HasPrefix(d.Rule, "typo-") &&
			(strings.Contains(d.Message, "espace fine") || strings.Contains(d.Message, "«") || strings.Contains(d.Message, "insécable")) {
			t.Errorf("French typography asked of a text in another language: %s", d)
		}
	}
	// check counts the German text's own fixes: no space before ? and :.
	german := false
	for _, d := range res.Diags {
		if d.File == "contributions/gaspard-herisson.md" && d.Rule == RuleAutoFixed && strings.Contains(d.Message, "avant ; : ! ?") {
			german = true
		}
	}
	if !german {
		t.Errorf("check does not ask the German text to lose its spaces before ? and :")
	}
	out := filepath.Join(root, "output")
	pdfText, err := exec.Command("pdftotext", filepath.Join(out, res.Book.Artifacts().PDF()), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(pdfText)), " ")
	if !strings.Contains(text, "in a library? Because") || !strings.Contains(text, "invitation: someone") {
		i := strings.Index(text, "Why do")
		t.Errorf("the English text is not set in English typography in the PDF: %.300s", text[max(i, 0):])
	}
	if strings.Contains(text, "library\u202f?") || strings.Contains(text, "« read me") {
		t.Errorf("French spacing or guillemets in the English text")
	}
	// Each text its own marks, nested: English “ ‘ ’ ”, German „ ‚ ‘ “.
	if !strings.Contains(text, "wrote “read me, ‘if you dare’” in the margin") {
		t.Errorf("the English quotation is not set “ ‘ ’ ”: %q", around(text, "read me"))
	}
	if !strings.Contains(text, "schrieb „Lies mich, ‚wenn du dich traust‘“ an den Rand") {
		t.Errorf("the German quotation is not set „ ‚ ‘ “: %q", around(text, "Lies mich"))
	}
	if !strings.Contains(text, "miteinander? Weil") || !strings.Contains(text, "Einladung ist: Jemand") {
		t.Errorf("the German text keeps spaces before ? or :: %q", around(text, "miteinander"))
	}
	// The French texts keep their own: « » with their spaces (pdftotext
	// writes the narrow no-break space as a space).
	if !strings.Contains(text, "« ") || !strings.Contains(text, " »") {
		t.Errorf("the French texts lost their guillemets")
	}
	if !strings.Contains(text, "Index des contributeurs") {
		t.Errorf("the book's labels are not French any more")
	}
	// EPUB: the contribution's section says its language.
	zr, err := zip.OpenReader(filepath.Join(out, res.Book.Artifacts().EPUB()))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	found, foundDe := false, false
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xhtml") {
			continue
		}
		r, _ := f.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		if f.Name == "EPUB/nav.xhtml" {
			// "Name — Title": the title in its own language
			if !strings.Contains(string(b), `<span lang="en" xml:lang="en">The margin`) {
				t.Errorf("the table of contents does not give the English title its language")
			}
			continue
		}
		if strings.Contains(string(b), "The margin") {
			found = true
			if !strings.Contains(string(b), "“read me, ‘if you dare’”") {
				t.Errorf("%s: the English quotation is not set “ ‘ ’ ”", f.Name)
			}
			if !strings.Contains(string(b), `lang="en" xml:lang="en"`) || !strings.Contains(string(b), "in a library? Because") {
				t.Errorf("%s: the English section does not say its language or is set in French", f.Name)
			}
		}
		if strings.Contains(string(b), "Der Rand") {
			foundDe = true
			if !strings.Contains(string(b), `lang="de" xml:lang="de"`) || !strings.Contains(string(b), "„Lies mich, ‚wenn du dich traust‘“") {
				t.Errorf("%s: the German section does not say its language or is not set in German", f.Name)
			}
		}
	}
	if !found || !foundDe {
		t.Error("no EPUB document holds the English or the German text")
	}
	// Site: the article says its language, the page stays French.
	page, err := os.ReadFile(filepath.Join(out, "site", "louise-fauvette.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `<html lang="fr">`) || !strings.Contains(string(page), `<article class="contribution" lang="en">`) ||
		!strings.Contains(string(page), "in a library? Because") {
		t.Errorf("the site's page does not set the English text in English, within a French page")
	}
}
