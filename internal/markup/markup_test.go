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
