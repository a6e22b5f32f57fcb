package cards

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"strings"
	"testing"
)

// With book.yaml's emoji: keep, a card draws the emoji from the bundled
// emoji font: they stay in the quote and the alt text, no glyph is
// reported missing, and the pixels are not those of the card without
// them.
func TestEmojiKeptOnCards(t *testing.T) {
	keep := testBook()
	keep.Emoji = "keep"
	cs := contributions()[4:]
	kept, diags, err := RenderAll(context.Background(), keep, cs, testFiles(), 1)
	if err != nil {
		t.Fatal(err)
	}
	c := kept[0]
	if !strings.Contains(c.Text, "humain 😀👍🏽 avant") || !strings.Contains(c.Alt, "Zoé 🚀 Durand") || !strings.Contains(c.Alt, "manager ✨") {
		t.Errorf("the emoji are not on the card: %q\n%s", c.Text, c.Alt)
	}
	for _, d := range diags {
		if d.File == cs[0].Path && d.Rule == "glyph-missing" {
			t.Errorf("with emoji: keep: %s", d.Message)
		}
	}
	removed, _, err := RenderAll(context.Background(), testBook(), cs, testFiles(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(removed[0].Wide, c.Wide) {
		t.Error("the card with emoji is the card without them")
	}
	if got := decode(t, c.Wide).Bounds(); got != image.Rect(0, 0, WideWidth, WideHeight) {
		t.Errorf("card size %v", got)
	}
	checkSafeArea(t, "emoji", c.Wide, color.RGBA{0x1f, 0x2a, 0x44, 255})
	write(t, "emoji-keep.png", c.Wide)
}
