package typeset

import (
	"testing"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/internal/typeset/testbook"
	"github.com/recueil/recueil/layout"
)

// With emoji: keep, each emoji sequence of a text, a name and a role is an
// element of the emoji face, as wide as the face measures it; no text face
// ever gets a character above U+FFFF (fpdf would crash); a sequence drawn
// as its parts is reported once. With remove, there is no emoji element.
func TestEmojiElements(t *testing.T) {
	for _, mode := range []string{"keep", "remove"} {
		b, err := testbook.New(t.TempDir(), 2)
		if err != nil {
			t.Fatal(err)
		}
		b.Emoji = mode
		c := b.Contributions[0]
		c.Name += " 🌸"
		c.Body = append(c.Body, book.Block{Kind: book.Paragraph, Spans: []book.Span{
			{Text: "Un merci 🙏 et 👍🏽 à la famille 👨‍👩‍👧."}}})
		r, diags, err := Typeset(b)
		if err != nil {
			t.Fatal(err)
		}
		e, err := fonts.Emoji()
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for _, p := range r.Doc.Pages {
			for _, el := range p.Elements {
				if el.Kind != layout.TextElement {
					continue
				}
				if el.Face == fonts.EmojiID {
					got[el.Text]++
					if w := layout.Width(e, el.Text, el.Size); el.W != w {
						t.Errorf("%s: %q is %d wide, the face measures %d", mode, el.Text, el.W, w)
					}
					continue
				}
				for _, ch := range el.Text {
					if ch > 0xFFFF {
						t.Errorf("%s: %q in a text face", mode, el.Text)
					}
				}
			}
		}
		simplified := 0
		for _, d := range diags {
			if d.Rule == "emoji-simplified" {
				simplified++
			}
		}
		if mode == "remove" {
			if len(got) != 0 || simplified != 0 {
				t.Errorf("remove: emoji elements %v, %d simplified", got, simplified)
			}
			continue
		}
		for _, want := range []string{"🌸", "🙏", "👍🏽", "👨‍👩‍👧"} {
			if got[want] == 0 {
				t.Errorf("keep: no element for %q: %v", want, got)
			}
		}
		if simplified != 1 {
			t.Errorf("keep: %d emoji-simplified findings, want 1 (per file)", simplified)
		}
	}
}
