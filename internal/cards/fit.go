package cards

import (
	"math"

	"github.com/recueil/recueil/layout"
)

// lineHeight is the quote's leading, as a multiple of its size.
const lineHeight = 1.28

// box is where the quote may go, in pixels.
type box struct {
	X, Y, W, H float64
	MaxLines   int
}

// isOpening and isClosing are the marks a line may not end with or start
// with when they stand alone as a word (French typography).
func isOpening(w string) bool { return w == "«" || w == "“" || w == "‹" || w == "(" }
func isClosing(w string) bool {
	return w == "»" || w == "”" || w == "›" || w == ")" || w == ":" || w == ";" || w == "!" || w == "?"
}

// breakWords chooses the line breaks of ws set at size px in face m on a
// measure of width px, with the project's line breaker, ragged right: the
// glue between words can stretch (so every break is acceptable) but the
// lines are drawn at their natural width. Breaks happen only between words,
// that is at U+0020; no-break spaces are inside the words' boxes.
// It returns the lines as runs of words.
func breakWords(ws []string, m *metrics, size, width float64) [][]string {
	if len(ws) == 0 {
		return nil
	}
	sz := layout.Pt(size)
	space := layout.Width(m, " ", sz)
	items := make([]layout.Item, 0, 3*len(ws)+2)
	word := make([]int, 0, cap(items)) // word index of each item, -1 for glue and penalties
	for i, w := range ws {
		if i > 0 {
			if isOpening(ws[i-1]) || isClosing(w) || w == "\u00a0[…]" {
				items = append(items, layout.Item{Kind: layout.PenaltyItem, Penalty: layout.Infinity})
				word = append(word, -1)
			}
			items = append(items, layout.Item{Kind: layout.GlueItem, Width: space, Stretch: sz})
			word = append(word, -1)
		}
		items = append(items, layout.Item{Kind: layout.BoxItem, Width: layout.Width(m, w, sz)})
		word = append(word, i)
	}
	items = append(items,
		layout.Item{Kind: layout.GlueItem, Stretch: layout.Pt(width)},
		layout.Item{Kind: layout.PenaltyItem, Penalty: -layout.Infinity})
	word = append(word, -1, -1)

	measure := layout.Pt(width)
	breaks := layout.BreakLines(items, func(int) layout.Unit { return measure }, layout.DefaultBreakParams())
	var lines [][]string
	start := 0
	for _, br := range breaks {
		var line []string
		for j := start; j <= br.Index && j < len(items); j++ {
			if word[j] >= 0 {
				line = append(line, ws[word[j]])
			}
		}
		if len(line) > 0 {
			lines = append(lines, line)
		}
		start = br.Index + 1
	}
	return lines
}

// quoteLayout is a quote set in its box.
type quoteLayout struct {
	Size  float64
	Lines []string
}

// setQuote tries to set s in bx at size px: it fits when every line is
// within the measure, there are at most MaxLines lines, and their height is
// within the box.
func setQuote(s string, m *metrics, size float64, bx box) (quoteLayout, bool) {
	ws := words(s)
	if tooLong(ws, m, size, bx) {
		return quoteLayout{}, false
	}
	return setWords(ws, m, size, bx)
}

// tooLong tells that ws cannot fit bx at size px, whatever the breaks:
// its fewest lines (minLines) are too many or too tall.
func tooLong(ws []string, m *metrics, size float64, bx box) bool {
	asc, desc := m.vmetrics(size)
	n := minLines(ws, m, size, bx.W)
	return n > bx.MaxLines || float64(n-1)*size*lineHeight+asc+desc > bx.H
}

// setWords is setQuote's work past tooLong: the breaks, then the test.
func setWords(ws []string, m *metrics, size float64, bx box) (quoteLayout, bool) {
	lines := breakWords(ws, m, size, bx.W)
	if len(lines) == 0 || len(lines) > bx.MaxLines {
		return quoteLayout{}, false
	}
	asc, desc := m.vmetrics(size)
	if float64(len(lines)-1)*size*lineHeight+asc+desc > bx.H {
		return quoteLayout{}, false
	}
	out := quoteLayout{Size: size}
	for _, l := range lines {
		t := joinWords(l)
		if m.width(t, size) > bx.W+0.01 {
			return quoteLayout{}, false
		}
		out.Lines = append(out.Lines, t)
	}
	return out, true
}

// minLines is the fewest lines ws can be set in at size px on a measure of
// width px, whatever the breaks, under setQuote's test that every line is
// at most width (+0.01) wide. A line's width is the sum of its characters'
// advances (no kerning), so n lines holding the N words are together the
// words' widths and N−n spaces wide: n·(width + 0.01) ≥ words + (N−n)·space,
// so n ≥ (words + N·space) / (width + 0.01 + space). Most of the sizes
// fitQuote tries are too large by this bound alone, and are turned down
// without the line breaker (more than half of a card's allocations).
func minLines(ws []string, m *metrics, size, width float64) int {
	units := 0
	for _, w := range ws {
		units += m.Advance(' ')
		for _, r := range w {
			units += m.Advance(r)
		}
	}
	space := float64(m.Advance(' ')) * size / 1000
	n := int(math.Ceil(float64(units)*size/1000/(width+0.01+space) - 1e-9))
	return max(n, 1)
}

func joinWords(ws []string) string {
	n := 0
	for _, w := range ws {
		n += len(w) + 1
	}
	b := make([]byte, 0, n)
	for i, w := range ws {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return string(b)
}

// fitQuote finds the largest size, from max down to min by whole pixels, at
// which s fits bx.
func fitQuote(s string, m *metrics, maxSize, minSize float64, bx box) (quoteLayout, bool) {
	ws := words(s) // once for every size tried
	for size := maxSize; size >= minSize; size-- {
		if tooLong(ws, m, size, bx) {
			continue
		}
		if q, ok := setWords(ws, m, size, bx); ok {
			return q, true
		}
	}
	return quoteLayout{}, false
}
