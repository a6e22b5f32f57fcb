package book

// IsEmoji reports whether r is an emoji or a pictograph that the book's
// text fonts never hold (the Unicode blocks of emoji, pictographs,
// dingbats and their modifiers). The PDF leaves them out rather than print
// "?", and check says so at their place; the EPUB and the web edition keep
// them, since readers' devices draw them.
func IsEmoji(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF: // mahjong … symbols and pictographs extended-A
		return true
	case r >= 0x2600 && r <= 0x27BF: // miscellaneous symbols, dingbats
		return true
	case r >= 0x1F1E6 && r <= 0x1F1FF: // regional indicators (flags)
		return true
	case r == 0x2B50 || r == 0x2B55 || r == 0x2B1B || r == 0x2B1C || r == 0x3030 || r == 0x303D:
		return true
	}
	return false
}

// EmojiJoiner reports whether r only joins or styles emoji (variation
// selector 16, zero-width joiner, skin tones are in IsEmoji's blocks).
func EmojiJoiner(r rune) bool { return r == 0xFE0F || r == 0x200D || r == 0xFE0E || r == 0x20E3 }

// SkinTone reports the Fitzpatrick modifiers that colour the emoji before
// them.
func SkinTone(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }

// emojiTag reports the tag characters of subdivision flags (England,
// Scotland) and their cancel tag.
func emojiTag(r rune) bool { return r >= 0xE0020 && r <= 0xE007F }

// keycapBase reports the characters a keycap sequence starts with
// (1 U+FE0F U+20E3 is "1️⃣").
func keycapBase(r rune) bool { return r >= '0' && r <= '9' || r == '#' || r == '*' }

// EmojiEnd returns the end of the emoji sequence that starts at rs[i]: an
// emoji with its variation selectors, skin tones and tags, a whole
// zero-width-joiner sequence, a flag (two regional indicators), or the
// selectors and keycap mark after a keycap's digit (the digit itself is
// not part of it: it is a character of the text). It returns i when
// rs[i] starts none.
func EmojiEnd(rs []rune, i int) int {
	if i >= len(rs) {
		return i
	}
	if keycapBase(rs[i]) {
		j := i + 1
		for j < len(rs) && (rs[j] == 0xFE0F || rs[j] == 0xFE0E || rs[j] == 0x20E3) {
			j++
		}
		if j > i+1 && rs[j-1] == 0x20E3 {
			return j // the digit stays, its keycap goes
		}
		return i
	}
	if !IsEmoji(rs[i]) || SkinTone(rs[i]) && i > 0 && IsEmoji(rs[i-1]) {
		return i
	}
	regional := func(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }
	j := i + 1
	if regional(rs[i]) && j < len(rs) && regional(rs[j]) {
		j++
	}
	for j < len(rs) {
		r := rs[j]
		switch {
		case r == 0xFE0F || r == 0xFE0E || r == 0x20E3 || SkinTone(r) || emojiTag(r):
			j++
		case r == 0x200D && j+1 < len(rs) && IsEmoji(rs[j+1]):
			j += 2
		case r == 0x200D:
			j++ // a joiner left dangling
		default:
			return j
		}
	}
	return j
}

// EmojiSimplified reports whether the emoji sequence seq (as EmojiEnd
// delimits it) is more than an emoji, or an emoji and its variation
// selector: a zero-width-joiner sequence, a flag, a skin tone, a keycap
// or a subdivision flag, which a monochrome font without shaping prints
// as its parts.
func EmojiSimplified(seq string) bool {
	n := 0
	for _, r := range seq {
		switch {
		case r == 0xFE0F || r == 0xFE0E:
		case r == 0x200D || r == 0x20E3 || SkinTone(r) || emojiTag(r):
			return true
		default:
			n++
		}
	}
	return n > 1
}
