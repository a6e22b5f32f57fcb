package markup

import (
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

func TestEscAndLinks(t *testing.T) {
	if got := Esc(`<a href="x">'&` + "\x01"); got != "&#60;a href=&#34;x&#34;&#62;&#39;&#38;" {
		t.Errorf("Esc: %q", got)
	}
	for raw, want := range map[string]string{
		"https://example.org/a": "https://example.org/a",
		"javascript:alert(1)":   "",
		"mailto:a@example.org":  "mailto:a@example.org",
		"http://":               "",
		"data:text/html,x":      "",
	} {
		if got := SafeURL(raw); got != want {
			t.Errorf("SafeURL(%q) = %q, want %q", raw, got, want)
		}
	}
}

// TestBlocks: headings keep the outline, images go through the callback
// with their alternative text set by the typographer, and typography
// applies to the text.
func TestBlocks(t *testing.T) {
	blocks := []book.Block{
		{Kind: book.Heading, Level: 3, Spans: []book.Span{{Text: "Titre"}}},
		{Kind: book.Paragraph, Spans: []book.Span{{Text: "Une phrase : voilà."}}},
		{Kind: book.Image, Src: "contributions/photos/x.jpg", Alt: "Un « chat »", Line: 7},
	}
	var got string
	r := Renderer{Lang: "fr", Image: func(src, alt, file string, line int) string {
		got = src + "|" + alt + "|" + file
		return "<img/>\n"
	}}
	var s strings.Builder
	r.Blocks(&s, blocks, NewOutline(blocks, 2), "contributions/x.md")
	out := s.String()
	if !strings.Contains(out, "<h2>Titre</h2>") || !strings.Contains(out, "phrase\u00a0: voilà") || !strings.Contains(out, "<img/>") {
		t.Errorf("blocks:\n%s", out)
	}
	if got != "contributions/photos/x.jpg|Un «\u202fchat\u202f»|contributions/x.md" {
		t.Errorf("image callback got %q", got)
	}
}

// TestNotesTablesSpans: footnote calls link to their notes and back (the
// first call has the id), tables have a head with column headers, struck
// text is del and a passage in another language carries lang.
func TestNotesTablesSpans(t *testing.T) {
	blocks := []book.Block{
		{Kind: book.Paragraph, Spans: []book.Span{{Text: "Un mot"}, {Note: 1}, {Text: " et "}, {Text: "barré", Style: book.Strike}, {Text: " puis "}, {Text: "hungry heart", Lang: "en"}, {Note: 1}}},
		{Kind: book.Table, Children: []book.Block{
			{Kind: book.TableRow, Header: true, Children: []book.Block{{Kind: book.TableCell, Spans: []book.Span{{Text: "Année"}}}, {Kind: book.TableCell, Align: book.AlignRight, Spans: []book.Span{{Text: "Nombre"}}}}},
			{Kind: book.TableRow, Children: []book.Block{{Kind: book.TableCell, Spans: []book.Span{{Text: "2024"}}}, {Kind: book.TableCell, Align: book.AlignRight, Spans: []book.Span{{Text: "12"}}}}},
		}},
	}
	notes := []book.Note{{N: 1, Blocks: []book.Block{{Kind: book.Paragraph, Spans: []book.Span{{Text: "La note."}}}}}}
	for _, epub := range []bool{true, false} {
		x := Renderer{Lang: "fr", EPUB: epub, Back: "Retour au texte, note"}
		var s strings.Builder
		x.Blocks(&s, blocks, NewOutline(blocks, 2), "c.md")
		x.Notes(&s, notes, "c.md")
		got := s.String()
		want := []string{
			`<sup><a class="noteref" href="#fn-1" id="fnref-1" role="doc-noteref"`,
			`<del>barré</del>`,
			"<thead>\n<tr><th scope=\"col\">Année</th><th scope=\"col\" class=\"right\">Nombre</th></tr>\n</thead>\n<tbody>\n<tr><td>2024</td><td class=\"right\">12</td></tr>\n</tbody>",
			`<aside class="footnote" id="fn-1" role="doc-footnote"`,
			`<p><a class="backlink" role="doc-backlink" href="#fnref-1" aria-label="Retour au texte, note 1">1.</a> La note.</p>`,
		}
		if epub {
			want = append(want, `<span lang="en" xml:lang="en">hungry heart</span>`, `epub:type="noteref"`, `epub:type="footnote"`)
		} else {
			want = append(want, `<span lang="en">hungry heart</span>`)
			if strings.Contains(got, "epub:") || strings.Contains(got, "xml:lang") {
				t.Errorf("EPUB markup in HTML:\n%s", got)
			}
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("epub=%v: missing %q in:\n%s", epub, w, got)
			}
		}
		if strings.Count(got, `id="fnref-1"`) != 1 {
			t.Errorf("the id of the call must be unique:\n%s", got)
		}
	}
}

// The EPUB and the site raise ordinals and abbreviations with sup, in the
// language of each passage, and never inside code or an address.
func TestSuperscripts(t *testing.T) {
	x := Renderer{Lang: "fr"}
	got := x.Spans([]book.Span{
		{Text: "Au XIXe siècle, Mme Dupont, nº 5 / "},
		{Text: "the 2nd and 2e", Lang: "en"},
		{Text: " / "},
		{Text: "2e", Style: book.Code},
		{Text: " "},
		{Text: "https://example.org/1er", Link: "https://example.org/1er"},
		{Text: " le 1er", Style: book.Italic},
	})
	want := `Au XIX<sup>e</sup> siècle, M<sup>me</sup>` + "\u00a0" + `Dupont, n<sup>o</sup> 5 / <span lang="en">the 2<sup>nd</sup> and 2e</span> / <code>2e</code> <a href="https://example.org/1er">https://example.org/1er</a><em> le 1<sup>er</sup></em>`
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestSignatureClass(t *testing.T) {
	var s strings.Builder
	Renderer{Lang: "fr"}.Blocks(&s, []book.Block{{Kind: book.Paragraph, Signature: true, Spans: []book.Span{{Text: "Jeanne"}}}}, NewOutline(nil, 2), "c.md")
	if got := s.String(); got != "<p class=\"signature\">Jeanne</p>\n" {
		t.Errorf("got %q", got)
	}
}

func TestInline(t *testing.T) {
	if got, want := Inline("fr", "Adjointe au maire du 2e & du XIXe"), "Adjointe au maire du 2<sup>e</sup> &#38; du XIX<sup>e</sup>"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := Inline("de", "2e"); got != "2e" {
		t.Errorf("German: %q", got)
	}
}
