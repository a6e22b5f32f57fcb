package cards

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/layout"
)

// bodyQuoteChars is the length the quote taken from the body (when there is
// no extract) aims at: whole sentences up to about this many characters.
const bodyQuoteChars = 220

// flatten turns any run of ASCII white space (newlines between blocks, tabs)
// into one U+0020 and trims the ends. No-break spaces (U+00A0, U+202F) are
// kept as they are: they are not places where a line may break.
func flatten(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// words splits s at U+0020 only: the only places a card line may break.
func words(s string) []string {
	var out []string
	for _, w := range strings.Split(s, " ") {
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// endsSentence reports whether a word ends a sentence: a final . ! ? or …,
// possibly followed by closing quotes or brackets.
func endsSentence(w string) bool {
	w = strings.TrimRight(w, "»”’\"')]\u00a0\u202f")
	r, _ := utf8.DecodeLastRuneInString(w)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// trimForEllipsis removes what should not stand before an added "…":
// trailing commas, colons, semicolons, dashes and no-break spaces.
func trimForEllipsis(w string) string {
	return strings.TrimRightFunc(w, func(r rune) bool {
		return r == ',' || r == ';' || r == ':' || r == '\u00a0' || r == '\u202f' ||
			r == '-' || r == '–' || r == '—' || r == '«' || r == '“' || r == '(' || r == '.'
	})
}

// bodyQuote picks the first whole sentences of the body, up to about
// bodyQuoteChars characters; when the first sentence alone is longer, its
// first words up to that length, with "…". Never cuts inside a word.
func bodyQuote(body []book.Block) string {
	ws := words(flatten(book.BlocksText(body)))
	n, end := 0, 0 // characters so far, words in the last whole sentence
	for i, w := range ws {
		n += utf8.RuneCountInString(w)
		if i > 0 {
			n++
		}
		if n > bodyQuoteChars {
			break
		}
		if endsSentence(w) {
			end = i + 1
		}
	}
	if end > 0 {
		return strings.Join(ws[:end], " ")
	}
	// No sentence ends within the budget: take words up to it.
	n, k := 0, 0
	for i, w := range ws {
		n += utf8.RuneCountInString(w)
		if i > 0 {
			n++
		}
		if n > bodyQuoteChars-1 && i > 0 {
			break
		}
		k = i + 1
	}
	if k == len(ws) {
		return strings.Join(ws, " ")
	}
	return ellipsis(ws[:k])
}

// ellipsis joins ws and marks the cut with "…".
func ellipsis(ws []string) string {
	if len(ws) == 0 {
		return "…"
	}
	out := append([]string(nil), ws...)
	last := trimForEllipsis(out[len(out)-1])
	if last == "" {
		out = out[:len(out)-1]
		if len(out) == 0 {
			return "…"
		}
		out[len(out)-1] += "…"
		return strings.Join(out, " ")
	}
	out[len(out)-1] = last + "…"
	return strings.Join(out, " ")
}

// sentenceCut joins ws, which ends with a whole sentence, and marks the
// omitted rest the French editorial way, with "[…]" kept on the last line.
func sentenceCut(ws []string) string {
	return strings.Join(ws, " ") + "\u00a0[…]"
}

// dropMissing removes the characters the face cannot draw (emoji, symbols
// outside the font, variation selectors, joiners...) so that nothing is drawn
// as a blank box. It returns the cleaned text and the removed characters,
// each once, in order of first appearance.
func dropMissing(s string, f layout.Face) (string, []rune) {
	var missing []rune
	var b strings.Builder
	for _, r := range s {
		if r == ' ' || f.Has(r) {
			b.WriteRune(r)
			continue
		}
		if !containsRune(missing, r) {
			missing = append(missing, r)
		}
	}
	if len(missing) == 0 {
		return s, nil
	}
	return flatten(b.String()), missing
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// describeRunes lists characters for a message: "😀 (U+1F600), ✨ (U+2728)".
// Invisible ones are shown by their code point only.
func describeRunes(rs []rune) string {
	var parts []string
	for _, r := range rs {
		code := fmt.Sprintf("U+%04X", r)
		if unicode.IsGraphic(r) && !unicode.Is(unicode.Mn, r) {
			parts = append(parts, string(r)+" ("+code+")")
		} else {
			parts = append(parts, code)
		}
	}
	return strings.Join(parts, ", ")
}

// shortURL is the book's URL as printed: without scheme nor trailing slash.
func shortURL(u string) string {
	u = strings.TrimSpace(u)
	for _, p := range []string{"https://", "http://"} {
		if len(u) >= len(p) && strings.EqualFold(u[:len(p)], p) {
			u = u[len(p):]
			break
		}
	}
	return strings.TrimRight(u, "/")
}
