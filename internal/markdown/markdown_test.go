package markdown

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// langs parses src and returns the text between LangOpen and LangClose
// markers, as "lang:text", and the refused attributes.
func langs(src string) ([]string, []BadLang) {
	pc := Context()
	doc := New().Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
	var out []string
	var cur *strings.Builder
	var lang string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *LangOpen:
			cur, lang = &strings.Builder{}, n.Lang
		case *LangClose:
			out = append(out, lang+":"+cur.String())
			cur = nil
		case *ast.Text:
			if cur != nil {
				cur.Write(n.Segment.Value([]byte(src)))
				if n.SoftLineBreak() {
					cur.WriteByte(' ')
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return out, LangFindings(pc)
}

func TestLangSpans(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string
		bad  int
	}{
		{"Un [hungry heart]{lang=en} ici.", "en:hungry heart", 0},
		{"Sur [deux\nlignes]{lang=de}.", "de:deux lignes", 0},
		{"[a [b](https://x.org) c]{lang=en-GB}", "en-GB:a b c", 0},
		{`[with "quotes"]{lang="es"}`, `es:with "quotes"`, 0},
		{"[non]{lang=zz-9}", "", 1},
		{"[non]{lang=}", "", 1},
		{"[non]{.classe}", "", 0},
		{"[non] {lang=en}", "", 0},
		{"[du `code]`]{lang=en}", "", 0},
		{"Un [lien](https://x.org) et [^1] rien.", "", 0},
		{strings.Repeat("[", 5000) + "x]{lang=en}", "en:x", 0}, // the innermost pair
	} {
		got, bad := langs(c.src)
		if strings.Join(got, "|") != c.want || len(bad) != c.bad {
			t.Errorf("%q: got %q, %d refused; want %q, %d", c.src[:min(len(c.src), 60)], got, len(bad), c.want, c.bad)
		}
	}
}
