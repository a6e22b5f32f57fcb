package typo

import (
	"slices"
	"unicode"

	"github.com/recueil/recueil/internal/book"
	"gopkg.in/yaml.v3"
)

// RuleEmoji is the code of the emoji finding that RemoveEmoji fixes (the
// finding itself is the loader's, at the emoji's place).
const RuleEmoji = "emoji"

// RemoveEmoji returns src without its emoji (book.yaml's emoji: remove),
// and a finding for each one it removed. Each goes whole, with its
// variation selectors, skin tones and joiners (a zero-width-joiner
// sequence or a flag at once; a keycap loses its mark, not its digit),
// and so does a space the removal leaves doubled, at a line's start or
// end, or before punctuation. Nothing else changes, but for a space put
// where an emoji stood between two letters, so that the words on each
// side stay two words. The front matter is changed only when it still
// reads as the same keys, none emptied; else its emoji are left to the
// contributor (their findings stay).
func RemoveEmoji(src []byte, has func(rune) bool) ([]byte, []Finding) {
	if !hasEmoji(src, has) {
		return src, nil
	}
	start := 0
	if len(src) >= 3 && string(src[:3]) == "\ufeff" {
		start = 3
	}
	fs, fe, body := frontMatter(src, start)
	// the body's prose: code, addresses and link targets keep theirs
	ok := make([]bool, len(src))
	ranges, _ := bodyProse(src[body:], "fr")
	for _, r := range ranges {
		for i := body + r[0]; i < body+r[1] && i < len(src); i++ {
			ok[i] = true
		}
	}
	if fe > fs {
		head := make([]bool, len(src))
		for i := fs; i < fe; i++ {
			head[i], ok[i] = true, true
		}
		if out, _, _ := removeEmoji(src, head, has); !sameKeys(src[fs:fe], out[fs:fe+len(out)-len(src)]) {
			copy(ok[fs:fe], make([]bool, fe-fs)) // keep the front matter as it is, fix the rest
		}
	}
	out, found, spans := removeEmoji(src, ok, has)
	_, shape := bodyProse(src[body:], "fr")
	if len(found) == 0 || sameShape(shape(), out) {
		return out, found
	}
	// One at a time, each kept if the Markdown still reads the same (an
	// emoji alone on a line holds its paragraph apart from a list).
	take := make([]bool, len(src))
	var kept []Finding
	for k, sp := range spans {
		try := slices.Clone(take)
		for i := sp[0]; i < sp[1]; i++ {
			try[i] = true
		}
		o, _, _ := removeEmoji(src, try, has)
		if sp[0] < body || sameShape(shape(), o) {
			take = try
			kept = append(kept, found[k])
		}
	}
	if len(kept) == 0 {
		return src, nil
	}
	out, _, _ = removeEmoji(src, take, has)
	return out, kept
}

// sameShape reports whether the body of out has the Markdown structure
// shape.
func sameShape(shape string, out []byte) bool {
	_, _, body := frontMatter(out, 0)
	if len(out) >= 3 && string(out[:3]) == "\ufeff" {
		_, _, body = frontMatter(out, 3)
	}
	_, s := bodyProse(out[body:], "fr")
	return s() == shape
}

func hasEmoji(src []byte, has func(rune) bool) bool {
	for _, r := range string(src) {
		if book.IsEmoji(r) && (has == nil || !has(r)) || r == 0x20E3 {
			return true
		}
	}
	return false
}

// removeEmoji removes the emoji that has lacks where ok is set (by byte).
func removeEmoji(src []byte, ok []bool, has func(rune) bool) ([]byte, []Finding, [][2]int) {
	rs := make([]rune, 0, len(src))
	var okr []bool
	var off []int
	for i, r := range string(src) {
		rs = append(rs, r)
		okr = append(okr, ok[i])
		off = append(off, i)
	}
	off = append(off, len(src))
	var spans [][2]int
	drop := make([]bool, len(rs))
	space := make([]bool, len(rs)) // a space put in the emoji's place
	var found []Finding
	line, col := 1, 1
	for i := 0; i < len(rs); i++ {
		if okr[i] {
			if e := book.EmojiEnd(rs, i); e > i && (!book.IsEmoji(rs[i]) || has == nil || !has(rs[i])) {
				seq := string(rs[i:e])
				at := i
				if !book.IsEmoji(rs[i]) { // a keycap: its digit stays
					at++
					seq = string(rs[at:e])
				}
				for k := at; k < e; k++ {
					drop[k] = true
				}
				// the spaces around it
				l, r := at-1, e // the characters before and after
				for l >= 0 && drop[l] {
					l--
				}
				lsp := l >= 0 && isBlank(rs[l])
				rsp := r < len(rs) && isBlank(rs[r])
				lineStart := l < 0 || rs[l] == '\n'
				lineEnd := r >= len(rs) || rs[r] == '\n' || rs[r] == '\r'
				switch {
				case lsp && rsp:
					drop[r] = true // one of the two: the Markdown before (a list's "- ") keeps its own
				case rsp && lineStart:
					drop[r] = true
				case lsp && (lineEnd || r < len(rs) && emojiClosing(rs[r])):
					for l >= 0 && isBlank(rs[l]) && !(l > 0 && rs[l-1] == '\n') {
						drop[l] = true
						l--
					}
				case !lsp && !rsp && l >= 0 && r < len(rs) && wordRune(rs[l]) && wordRune(rs[r]):
					space[at] = true
				}
				found = append(found, Finding{Line: line, Col: col + (at - i), Rule: RuleEmoji, Old: seq,
					Message:   "L’émoji « " + seq + " » est retiré : la police du livre n’en a pas (book.yaml : emoji: remove).",
					MessageEn: "The emoji “" + seq + "” is removed: the book's font has none (book.yaml: emoji: remove)."})
				spans = append(spans, [2]int{off[at], off[e]})
				col += e - i
				i = e - 1
				continue
			}
		}
		if rs[i] == '\n' {
			line, col = line+1, 1
		} else if !(i == 0 && rs[0] == '\ufeff') {
			col++
		}
	}
	if len(found) == 0 {
		return src, nil, nil
	}
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		if space[i] {
			out = append(out, ' ')
		}
		if !drop[i] {
			out = append(out, r)
		}
	}
	return []byte(string(out)), found, spans
}

func isBlank(r rune) bool { return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' }

// closing reports the punctuation no space should be left before once an
// emoji goes: "Bravo 🎉." is "Bravo.".
func emojiClosing(r rune) bool {
	switch r {
	case ',', '.', ')', ']', '…', '!', '?', ';', ':':
		return true
	}
	return false
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// sameKeys reports whether the front matter b reads as a, key for key,
// with no value emptied.
func sameKeys(a, b []byte) bool {
	ma, mb := parseMapping(a), parseMapping(b)
	if ma == nil || mb == nil || len(ma.Content) != len(mb.Content) {
		return ma == nil && mb == nil && string(a) == string(b)
	}
	for i := 0; i+1 < len(ma.Content); i += 2 {
		if ma.Content[i].Value != mb.Content[i].Value || ma.Content[i+1].Kind != mb.Content[i+1].Kind {
			return false
		}
		if va, vb := ma.Content[i+1], mb.Content[i+1]; va.Kind == yaml.ScalarNode && va.Value != "" && vb.Value == "" {
			return false
		}
	}
	return true
}
