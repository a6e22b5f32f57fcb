package load

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/recueil/recueil/internal/book"
)

// FuzzContribution feeds arbitrary bytes to the contribution loader: it
// must never panic, and every finding must have a rule, a message and a
// position inside the file.
func FuzzContribution(f *testing.F) {
	seeds, _ := filepath.Glob("../../contributions/*.md")
	for _, p := range seeds {
		if raw, err := os.ReadFile(p); err == nil {
			f.Add(raw)
		}
	}
	for _, s := range []string{
		"", "---", "---\n", "---\n---\n", "---\nname: [\n---\n", "---\na: &a [1]\nb: *a\n---\n",
		"---\r\nname: X\r\nrole: Y\r\n---\r\ntexte\r\n", "\xef\xbb\xbf---\nname: X\n---\n",
		"---\nname: X\n---\n> > > - - 1. x\n\n<div>\n\n[a](javascript:x) ![b](http://x/y.png) <http://a.b> `c`\n",
		"---\nname: \xff\n---\n\x00", "---\nlinks: {a: b}\ndraft: 3\n---\n***a**b*_c_\\*",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var d book.Diagnostics
		c := Contribution("contributions/x.md", raw, &d)
		text := normalize(raw)
		lines := bytes.Count(text, []byte("\n")) + 1
		for _, x := range d {
			if x.Rule == "" || x.Message == "" {
				t.Fatalf("finding without rule or message: %+v", x)
			}
			if x.Pos.Line < 1 || x.Pos.Col < 1 || x.Pos.Line > lines {
				t.Fatalf("finding outside the file (%d lines): %+v", lines, x)
			}
		}
		if c == nil {
			return
		}
		book.Walk(c.Body, func(b *book.Block) {
			for _, s := range b.Spans {
				if !utf8.ValidString(s.Text) {
					t.Fatalf("invalid UTF-8 in the loaded text: %q", s.Text)
				}
			}
		})
	})
}
