// Package load reads a book folder: book.yaml and the contributions'
// YAML front matter (as yaml.v3 node trees, so every finding has a line
// and column) and Markdown (through goldmark, in safe mode) into the
// domain model. Loading never stops at the first problem: it collects a
// finding for each and loads what it can.
package load

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/recueil/recueil/internal/book"
)

// source is a file's text with a line index, to turn byte offsets into
// 1-based line and rune column positions.
type source struct {
	path  string
	text  []byte
	lines []int // byte offset of the start of each line
}

func newSource(path string, text []byte) *source {
	s := &source{path: path, text: text, lines: []int{0}}
	for i, c := range text {
		if c == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	return s
}

// pos returns the position of byte offset off.
func (s *source) pos(off int) book.Pos {
	if off < 0 {
		off = 0
	}
	if off > len(s.text) {
		off = len(s.text)
	}
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) - 1
	col := utf8.RuneCount(s.text[s.lines[i]:off]) + 1
	return book.Pos{Line: i + 1, Col: col}
}

// normalize strips a byte-order mark and turns CRLF and lone CR line ends
// into LF, keeping the number of lines, so positions stay those an editor
// shows.
func normalize(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
}

// firstInvalidUTF8 returns the offset of the first invalid UTF-8 sequence,
// or -1.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// levenshtein distance, for "did you mean".
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Suggest returns the candidate closest to s when it is close enough to be
// a likely typo, or "".
func Suggest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		d := levenshtein(s, c)
		if d < bestD {
			best, bestD = c, d
		}
	}
	limit := 2
	if utf8.RuneCountInString(s) <= 4 {
		limit = 1
	}
	if bestD <= limit || (bestD <= 3 && utf8.RuneCountInString(s) >= 10) {
		return best
	}
	return ""
}
