package typo

import (
	"sync"

	"github.com/recueil/recueil/internal/book"
)

// Memo keeps what SpansIn made of each text of a book, so that the
// typesetter, the EPUB and the web edition of one run set a paragraph
// once. A text is known by the address and length of its spans: they must
// not change while the memo is used (a loaded book's blocks do not), and
// what SpansIn returns through it is shared, to be read, never changed.
// Safe for concurrent use; a nil *Memo sets the text every time.
type Memo struct {
	mu sync.Mutex
	m  map[memoKey][]book.Span
}

type memoKey struct {
	first *book.Span
	n     int
	lang  string
	t     book.Typography
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{m: map[memoKey][]book.Span{}} }

// SpansIn is SpansIn(t, lang, spans), set once for the same spans.
func (m *Memo) SpansIn(t book.Typography, lang string, spans []book.Span) []book.Span {
	if m == nil || len(spans) == 0 {
		return SpansIn(t, lang, spans)
	}
	k := memoKey{&spans[0], len(spans), lang, t}
	m.mu.Lock()
	out, ok := m.m[k]
	m.mu.Unlock()
	if ok {
		return out
	}
	out = SpansIn(t, lang, spans)
	out = out[:len(out):len(out)] // an append by a reader copies, never writes into the shared spans
	m.mu.Lock()
	m.m[k] = out
	m.mu.Unlock()
	return out
}
