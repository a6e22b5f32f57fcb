package load

import (
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
