package typo

import (
	"fmt"
	"strings"
	"testing"
)

var emojiCases = []struct {
	name, in, want string
	at             []string // line:col of each finding
}{
	{"between words", "Bravo 🎉 à tous\n", "Bravo à tous\n", []string{"1:7"}},
	{"before punctuation", "Bravo 🎉 !\n", "Bravo !\n", []string{"1:7"}},
	{"before full stop", "Merci 🙏.\n", "Merci.\n", []string{"1:7"}},
	{"line end", "Merci 🙏\nsuite\n", "Merci\nsuite\n", []string{"1:7"}},
	{"line start", "🎉 Bravo\n", "Bravo\n", []string{"1:1"}},
	{"list item", "- 🎉 Bravo\n- deux\n", "- Bravo\n- deux\n", []string{"1:3"}},
	{"heading", "# 🚀 Le départ\n", "# Le départ\n", []string{"1:3"}},
	{"glued to a word", "super👍\n", "super\n", []string{"1:6"}},
	{"between two letters", "Paris❤️Lyon\n", "Paris Lyon\n", []string{"1:6"}},
	{"variation selector", "J’❤️ ce livre\n", "J’ ce livre\n", []string{"1:3"}},
	{"skin tone", "Merci 👍🏽 !\n", "Merci !\n", []string{"1:7"}},
	{"zwj sequence whole", "La famille 👨‍👩‍👧 est là\n", "La famille est là\n", []string{"1:12"}},
	{"flag whole", "Vive la 🇫🇷 !\n", "Vive la !\n", []string{"1:9"}},
	{"two in a row", "Oui 🎉🎉 oui\n", "Oui oui\n", []string{"1:5", "1:6"}},
	{"keycap keeps its digit", "Étape 1️⃣ puis 2\n", "Étape 1 puis 2\n", []string{"1:8"}},
	{"hard break kept", "Fin 🎉  \nsuite\n", "Fin  \nsuite\n", []string{"1:5"}},
	{"second line", "Un\nDeux ☀️ trois\n", "Un\nDeux trois\n", []string{"2:6"}},
	{"front matter", "---\nname: Ana 🌸\nrole: Cheffe 🍳 de cuisine\n---\nTexte 🎉.\n",
		"---\nname: Ana\nrole: Cheffe de cuisine\n---\nTexte.\n", []string{"2:11", "3:14", "5:7"}},
	{"front matter value left whole", "---\nname: 🌸\nrole: R\n---\nTexte 🎉.\n",
		"---\nname: 🌸\nrole: R\n---\nTexte.\n", []string{"5:7"}},
	{"code and addresses kept", "Tapez `:-) 🎉` sur <https://x.org/🎉> 🎉 !\n", "Tapez `:-) 🎉` sur <https://x.org/🎉> !\n", []string{"1:37"}},
	{"no emoji", "Rien « ici » ; © 2026 ™ ★\n", "Rien « ici » ; © 2026 ™ ★\n", nil},
}

// star is a font's has: it holds ★ (Liberation does), and no emoji.
func star(r rune) bool { return r == '★' || r < 0x2000 }

func TestRemoveEmoji(t *testing.T) {
	for _, c := range emojiCases {
		out, fs := RemoveEmoji([]byte(c.in), star)
		if string(out) != c.want {
			t.Errorf("%s: RemoveEmoji(%q)\n = %q\nwant %q", c.name, c.in, out, c.want)
		}
		var at []string
		for _, f := range fs {
			at = append(at, fmt.Sprintf("%d:%d", f.Line, f.Col))
			if f.Rule != RuleEmoji || !strings.Contains(f.Message, f.Old) || f.Old == "" {
				t.Errorf("%s: finding %+v", c.name, f)
			}
		}
		if strings.Join(at, " ") != strings.Join(c.at, " ") {
			t.Errorf("%s: findings at %v, want %v", c.name, at, c.at)
		}
		checkEmojiRemoved(t, []byte(c.in), out)
	}
}

// checkEmojiRemoved asserts what check --fix promises of the removal:
// the same words (an emoji's variation selector is no word), no emoji
// left but those of a front matter kept whole, idempotent, and the
// typographic fix that follows keeps its own properties.
func checkEmojiRemoved(t *testing.T, in, out []byte) {
	t.Helper()
	bare := strings.NewReplacer("\ufe0f", "", "\ufe0e", "", "\u20e3", "").Replace
	if words(bare(string(in))) != words(bare(string(out))) {
		t.Fatalf("RemoveEmoji changed the words:\n%q\n%q", in, out)
	}
	if again, fs := RemoveEmoji(out, star); string(again) != string(out) || len(fs) != 0 && !strings.HasPrefix(string(out), "---\n") {
		t.Fatalf("RemoveEmoji is not idempotent:\n%q\n%q", out, again)
	}
	if a, b := structure(in), structure(out); a != b {
		t.Fatalf("RemoveEmoji changed the Markdown structure:\n%s\n%s", a, b)
	}
	fixed, _ := Fix("fr", out)
	checkFixed(t, "fr", out, fixed)
}

// TestRemoveEmojiSeeds: the removal keeps the words of the fix's seed
// corpus, with emoji put at its spaces.
func TestRemoveEmojiSeeds(t *testing.T) {
	emoji := []string{"🎉", "❤️", "👍🏽", "👨‍👩‍👧", "🇫🇷"}
	for n, c := range fuzzSeeds(t) {
		s := string(c)
		k := 0
		var b strings.Builder
		for _, r := range s {
			b.WriteRune(r)
			if r == ' ' && k < 20 {
				b.WriteString(emoji[(n+k)%len(emoji)] + " ")
				k++
			}
		}
		in := []byte(b.String())
		out, _ := RemoveEmoji(in, star)
		checkEmojiRemoved(t, in, out)
	}
}
