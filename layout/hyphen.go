package layout

// Hyphenator finds where a word may be hyphenated.
type Hyphenator interface {
	// Points returns the rune offsets i (ascending) such that the word may
	// be broken before its i-th rune, a hyphen being added at the line end.
	Points(word string) []int
}

// French returns the French hyphenator. Placeholder: no break points until
// Liang's algorithm with TeX's hyph-fr patterns lands.
func French() Hyphenator { return noHyphens{} }

type noHyphens struct{}

func (noHyphens) Points(string) []int { return nil }
