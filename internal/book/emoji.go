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
