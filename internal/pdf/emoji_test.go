package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/typeset"
	"github.com/recueil/recueil/internal/typeset/testbook"
)

// emojiBook is the test book whose first contribution ends with a
// paragraph of emoji, drawn (emoji: keep) or not (remove).
func emojiBook(t *testing.T, dir, emoji string) (*book.Book, *typeset.Result, string) {
	t.Helper()
	b, err := testbook.New(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	b.Emoji = emoji
	c := b.Contributions[0]
	c.Body = append(c.Body, book.Block{Kind: book.Paragraph, Spans: []book.Span{
		{Text: "Merci 🌸 à toutes et à tous ❤️, la famille 👨‍👩‍👧 aussi."}}})
	r, data := typesetPDF(t, b)
	path := filepath.Join(dir, "book-"+emoji+".pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return b, r, path
}

// With emoji: keep the emoji are drawn on the page (its pixels are not
// those of the same page without them), read back by pdftotext through
// their ActualText, the file passes qpdf (and pdfcpu in strict mode when
// it is there), and the offprint cut from the book is the one drawn.
func TestEmojiDrawn(t *testing.T) {
	need(t, "qpdf", "pdftotext", "pdftoppm")
	dir := t.TempDir()
	b, r, keep := emojiBook(t, dir, "keep")
	_, _, remove := emojiBook(t, dir, "remove")
	run(t, "qpdf", "--check", keep)
	if _, err := exec.LookPath("pdfcpu"); err == nil {
		run(t, "pdfcpu", "validate", "-m", "strict", keep)
	}
	pr := r.Contributions[0]
	page := func(path string) string {
		return run(t, "pdftotext", "-f", itoa(pr.First), "-l", itoa(pr.Last), path, "-")
	}
	raw := page(keep)
	text := norm(raw)
	// "❤️," : the emoji is read with the comma that follows it, no space
	// between (the invisible glyph spans the emoji's width)
	for _, want := range []string{"Merci 🌸 à toutes", "tous ❤️,", "famille 👨‍👩‍👧 aussi"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext does not read %q from the ActualText:\n%s", want, text)
		}
	}
	// and one space after an emoji that ends a word, not two
	if strings.Contains(raw, "🌸  ") {
		t.Errorf("pdftotext reads two spaces after an emoji:\n%s", raw)
	}
	if plain := norm(page(remove)); !strings.Contains(plain, "Merci à toutes") || strings.Contains(plain, "🌸") || strings.Contains(plain, "?") && !strings.Contains(text, "?") {
		t.Errorf("emoji: remove prints:\n%s", plain)
	}
	last := pr.Last
	if bytes.Equal(render(t, keep, last), render(t, remove, last)) {
		t.Errorf("page %d: the emoji drew nothing", last)
	}
	// the offprint cut out of the book is the one drawn
	data, err := os.ReadFile(keep)
	if err != nil {
		t.Fatal(err)
	}
	cutter, err := NewCutter(data, r, b)
	if err != nil {
		t.Fatal(err)
	}
	var cut, drawn bytes.Buffer
	if err := cutter.Cut(&cut, pr.First, pr.Last); err != nil {
		t.Fatal(err)
	}
	if err := WritePages(&drawn, r, b, pr.First, pr.Last); err != nil {
		t.Fatal(err)
	}
	cp, dp := filepath.Join(dir, "cut.pdf"), filepath.Join(dir, "drawn.pdf")
	os.WriteFile(cp, cut.Bytes(), 0o644)
	os.WriteFile(dp, drawn.Bytes(), 0o644)
	run(t, "qpdf", "--check", cp)
	if a, b := run(t, "pdftotext", cp, "-"), run(t, "pdftotext", dp, "-"); a != b || !strings.Contains(a, "🌸") {
		t.Errorf("the cut offprint's text differs from the drawn one's:\n%s\n---\n%s", a, b)
	}
	for p := 1; p <= pr.Last-pr.First+2; p++ {
		if !bytes.Equal(render(t, cp, p), render(t, dp, p)) {
			t.Errorf("offprint page %d renders differently when cut", p)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
