package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

// TestEmojiSequenceOnce: an emoji sequence (a family joined by ZWJ, a
// skin tone, a flag) is one finding at its first character, naming the
// whole sequence; two emoji side by side are two.
func TestEmojiSequenceOnce(t *testing.T) {
	has := func(r rune) bool { return r < 0x2000 } // a font of letters only
	src := "Famille 👩\u200d👩\u200d👧, main 👍🏽, drapeau 🇫🇷 et 🌸🌸.\n"
	var d book.Diagnostics
	scanSource("x.md", []byte(src), has, &d)
	want := []struct {
		col int
		seq string
	}{{9, "👩\u200d👩\u200d👧"}, {21, "👍🏽"}, {33, "🇫🇷"}, {39, "🌸"}, {40, "🌸"}}
	if len(d) != len(want) {
		t.Fatalf("%d findings, want %d:\n%s", len(d), len(want), d.Text())
	}
	for i, w := range want {
		if d[i].Rule != "emoji" || d[i].Pos != (book.Pos{Line: 1, Col: w.col}) || !containsSeq(d[i].En, w.seq) {
			t.Errorf("finding %d: %s (want 1:%d naming %q)", i, d[i], w.col, w.seq)
		}
	}
}

func containsSeq(msg, seq string) bool { return strings.Contains(msg, "“"+seq+"”") }

// TestDrawnEmojiBounded: with emoji: keep, a text of thousands of pasted
// emoji (each is hundreds of path operators in the PDF) is an error at
// the first emoji over MaxDrawnEmoji, counting a sequence once; up to the
// limit, or with emoji: remove, there is none.
func TestDrawnEmojiBounded(t *testing.T) {
	words := strings.Repeat("mot ", 100)
	for _, c := range []struct {
		name, emoji string
		keep        bool
		want        string // the finding, "" for none
	}{
		{"thousands", strings.Repeat("🌸😀", 2000), true, "x.md:6:101: error: This text has 4000 emoji: the PDF draws 100 at most per text, and this one is the first too many. Remove some. [emoji-too-many]"},
		{"families count once", strings.Repeat("👩\u200d👩\u200d👧", 101), true, "x.md:6:501: error: This text has 101 emoji: the PDF draws 100 at most per text, and this one is the first too many. Remove some. [emoji-too-many]"},
		{"at the limit", strings.Repeat("🌸", 100), true, ""},
		{"not drawn", strings.Repeat("🌸", 2000), false, ""},
	} {
		root := t.TempDir()
		yaml := "title: \"T\"\ndate: 2026-01-01\n"
		if c.keep {
			yaml += "emoji: keep\n"
		}
		os.WriteFile(filepath.Join(root, "book.yaml"), []byte(yaml), 0o644)
		os.MkdirAll(filepath.Join(root, "contributions"), 0o755)
		os.WriteFile(filepath.Join(root, "contributions", "x.md"), []byte("---\nname: Anne Emoji\nrole: Testeuse\n---\n"+words+"\n"+c.emoji+"\n"), 0o644)
		_, diags, err := Load(Options{Root: root})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range diags.In("en") {
			if d.Rule == "emoji-too-many" {
				got = append(got, strings.Replace(d.String(), "contributions/", "", 1))
			}
		}
		if c.want == "" && len(got) != 0 || c.want != "" && (len(got) != 1 || got[0] != c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
