// Package typo applies the book's typographic policy (French by default) to
// text, and finds the places in a source text where it is not followed.
package typo

import "github.com/recueil/recueil/internal/book"

// String applies the typographic policy of lang to a run of prose.
// Placeholder: returns s unchanged until the French rules land.
func String(lang, s string) string { return s }

// Spans applies the policy to spans, leaving code spans untouched.
func Spans(lang string, spans []book.Span) []book.Span {
	out := make([]book.Span, len(spans))
	for i, s := range spans {
		if s.Style&book.Code == 0 && !s.Break {
			s.Text = String(lang, s.Text)
		}
		out[i] = s
	}
	return out
}
