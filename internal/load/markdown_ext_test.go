package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

func loadBody(t *testing.T, body string) (*book.Contribution, book.Diagnostics) {
	t.Helper()
	src := "---\nname: Zoé Martin\nrole: Apicultrice\n---\n" + body
	var d book.Diagnostics
	c := Contribution("contributions/zoe-martin.md", []byte(src), &d)
	if c == nil {
		t.Fatalf("not loaded: %s", d.Text())
	}
	return c, d
}

func TestFootnotes(t *testing.T) {
	c, d := loadBody(t, "Un texte[^b] et un autre[^a], encore[^b].\n\n[^a]: La note A.\n[^b]: La note *B*.\n")
	if len(d) != 0 {
		t.Fatalf("findings: %s", d.Text())
	}
	var calls []int
	for _, s := range c.Body[0].Spans {
		if s.Note > 0 {
			calls = append(calls, s.Note)
			if s.Text != "" {
				t.Errorf("call has text %q", s.Text)
			}
		}
	}
	if len(calls) != 3 || calls[0] != 1 || calls[1] != 2 || calls[2] != 1 {
		t.Errorf("calls %v, want [1 2 1]: numbered in the order of first call", calls)
	}
	if len(c.Notes) != 2 || c.Notes[0].N != 1 || c.Notes[1].N != 2 {
		t.Fatalf("notes %+v", c.Notes)
	}
	if got := book.BlocksText(c.Notes[0].Blocks); got != "La note B.\n" {
		t.Errorf("note 1 = %q", got)
	}
	if c.Notes[0].Line != 8 || c.Notes[1].Line != 7 {
		t.Errorf("note lines %d %d", c.Notes[0].Line, c.Notes[1].Line)
	}
	if strings.Contains(book.BlocksText(c.Body), "[^") {
		t.Errorf("raw markup left: %q", book.BlocksText(c.Body))
	}
}

func TestFootnoteFindings(t *testing.T) {
	_, d := loadBody(t, "Un texte[^x] sans note[^x].\n\nUn autre.\n\n[^y]: Jamais appelée.\n")
	want := map[string]book.Pos{"note-undefined": {Line: 5, Col: 9}, "note-unused": {Line: 9, Col: 1}}
	if len(d) != 2 {
		t.Fatalf("want 2 findings, got:\n%s", d.Text())
	}
	for _, f := range d {
		if p, ok := want[f.Rule]; !ok || f.Pos != p {
			t.Errorf("%s at %v, want %v", f.Rule, f.Pos, want[f.Rule])
		}
	}
}

func TestTable(t *testing.T) {
	c, d := loadBody(t, "Avant.\n\n| Année | Lieu | Nombre |\n|:---|:---:|---:|\n| 2024 | Lyon | 12 |\n| 2025 | *Brest* | 7 |\n")
	if len(d) != 0 {
		t.Fatalf("findings: %s", d.Text())
	}
	if len(c.Body) != 2 || c.Body[1].Kind != book.Table {
		t.Fatalf("blocks %+v", c.Body)
	}
	tb := c.Body[1]
	if len(tb.Children) != 3 || !tb.Children[0].Header || tb.Children[1].Header {
		t.Fatalf("rows %+v", tb.Children)
	}
	h := tb.Children[0].Children
	if len(h) != 3 || book.PlainText(h[0].Spans) != "Année" || h[0].Align != book.AlignLeft || h[1].Align != book.AlignCenter || h[2].Align != book.AlignRight {
		t.Errorf("header %+v", h)
	}
	r := tb.Children[2].Children
	if book.PlainText(r[1].Spans) != "Brest" || r[1].Spans[0].Style != book.Italic || tb.Children[2].Line != 10 {
		t.Errorf("row %+v line %d", r, tb.Children[2].Line)
	}
	if c.Words != 1+3+6 {
		t.Errorf("words %d", c.Words)
	}
}

func TestStrikeAndLang(t *testing.T) {
	c, d := loadBody(t, "Il a ~~barré~~ et chanté « [everybody’s got a *hungry*\nheart]{lang=en} » puis [ceci]{lang=qqq-x-} et [cela](https://example.org).\n")
	if len(d) != 1 || d[0].Rule != "lang-span" || d[0].Pos != (book.Pos{Line: 6, Col: 30}) {
		t.Fatalf("want one lang-span at 6:30, got:\n%s", d.Text())
	}
	var struck, en []string
	for _, s := range c.Body[0].Spans {
		if s.Style&book.Strike != 0 {
			struck = append(struck, s.Text)
		}
		if s.Lang == "en" {
			en = append(en, s.Text)
		}
	}
	if strings.Join(struck, "") != "barré" {
		t.Errorf("struck %q", struck)
	}
	if strings.Join(en, "") != "everybody’s got a hungry heart" {
		t.Errorf("en %q", en)
	}
	txt := book.PlainText(c.Body[0].Spans)
	if !strings.Contains(txt, "« everybody’s got a hungry heart »") || !strings.Contains(txt, "[ceci]{lang=qqq-x-}") || strings.Contains(txt, "{lang=en}") {
		t.Errorf("text %q", txt)
	}
}

func TestExtractMarkup(t *testing.T) {
	src := "---\nname: Zoé Martin\nrole: Apicultrice\nextract: \"Une phrase[^1].\"\n---\nUn texte.\n"
	var d book.Diagnostics
	Contribution("contributions/zoe-martin.md", []byte(src), &d)
	if len(d) != 1 || d[0].Rule != "extract-markup" || d[0].Pos.Line != 4 {
		t.Errorf("got:\n%s", d.Text())
	}
}

// A trailing {.signature} marks a paragraph to set flush right and is
// removed from the text; anything else that looks like a class is left as
// text and reported, and a class glued to a word, in code or in the middle
// of a paragraph is plain text.
func TestSignature(t *testing.T) {
	for _, c := range []struct {
		body, last string
		sig        bool
		rule       string // rule@line:col
	}{
		{"Le texte.\n\n— Jeanne Dupont, le 1er mai {.signature}\n", "— Jeanne Dupont, le 1er mai", true, ""},
		{"Le texte.\n\n— Jeanne Dupont\n{.signature}\n", "— Jeanne Dupont", true, ""},
		{"Le texte.\n\n*Jeanne* {.signature}\n", "Jeanne", true, ""},
		{"Le texte.\n\n— Jeanne {.signatur}\n", "— Jeanne {.signatur}", false, "paragraph-class@7:10"},
		{"Le texte.\n\n{.signature}\n", "{.signature}", false, "paragraph-class@7:1"},
		{"Le texte.\n\n— Jeanne{.signature}\n", "— Jeanne{.signature}", false, ""},
		{"Le texte.\n\nÉcrivez `{.signature}`\n", "Écrivez {.signature}", false, ""},
		{"Le texte {.signature} au milieu.\n", "Le texte {.signature} au milieu.", false, ""},
		{"Le texte.\n\nUn ensemble {x} de {.y z}\n", "Un ensemble {x} de {.y z}", false, ""},
	} {
		got, d := loadBody(t, c.body)
		var rules []string
		for _, f := range d {
			rules = append(rules, fmt.Sprintf("%s@%d:%d", f.Rule, f.Pos.Line, f.Pos.Col))
		}
		if strings.Join(rules, ",") != c.rule {
			t.Errorf("%q: findings %q, want %q", c.body, rules, c.rule)
		}
		last := got.Body[len(got.Body)-1]
		if txt := book.PlainText(last.Spans); txt != c.last || last.Signature != c.sig {
			t.Errorf("%q: last paragraph %q (signature %v), want %q (%v)", c.body, txt, last.Signature, c.last, c.sig)
		}
	}
}
