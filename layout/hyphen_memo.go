package layout

// Memo returns a hyphenator that remembers the points of every word it has
// been asked about: a book repeats its words, and Liang's algorithm is the
// largest part of building a paragraph's items. It is not safe for
// concurrent use.
func Memo(h Hyphenator) Hyphenator {
	if h == nil {
		return nil
	}
	return &memo{h: h, m: map[string][]int{}}
}

type memo struct {
	h Hyphenator
	m map[string][]int
}

func (m *memo) Points(word string) []int {
	if p, ok := m.m[word]; ok {
		return p
	}
	p := m.h.Points(word)
	m.m[word] = p
	return p
}
