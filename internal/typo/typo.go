// Package typo applies a text's typographic policy (book.Typography, one
// per language, on book.Locale) to text, and finds the places in a source
// text where it is not followed.
//
// The policy, for French (lang "fr", "fr-XX", or empty: the book's default):
// U+202F (narrow no-break space) before « ; ! ? » and inside « »; U+00A0
// (no-break space) before « : »; straight quotes become « » (and “ ” inside
// « »); the apostrophe is ’; three dots or more become …; doubled spaces
// become one and there is no space before « , » and « . ». In the output
// only, a number keeps its unit or the word after it (U+00A0: « 500 vues »,
// « 12 % », « p. 42 », « M. Dupont ») and digit groups are joined by U+202F
// (« 500 000 »).
//
// Every other language (en-US, en-GB, de, es, it, pt, nl…): no space before
// ; : ! ? nor inside its guillemets, none after Spanish ¿ ¡; straight quotes
// "…" and '…' become the language's marks, the first level outside any
// quotation, the second inside one (“ ” ‘ ’, ‘ ’ “ ”, „ “ ‚ ‘, « » “ ”), or
// the book's house style; ’ and …; doubled spaces become one, no space
// before « , » and « . ».
//
// Nothing but blanks, quotes, apostrophes and dots is ever changed; code
// spans, URLs, email addresses and character references are left alone;
// applying the policy twice changes nothing more.
package typo

import (
	"strings"

	"github.com/recueil/recueil/internal/book"
)

// French reports whether lang gets the French rules: "fr", "fr-CA",
// "fr_BE"…, and the empty language, which is the book's default.
func French(lang string) bool { return book.IsFrench(lang) }

// policyFor is the policy of the language lang, as its book.Locale has it.
func policyFor(lang string) policy { return policyOf(book.ResolveLocale(lang).Typography) }

// String applies the typographic policy of lang to a run of prose.
func String(lang, s string) string { return stringP(policyFor(lang), s) }

// StringIn applies the policy t (a book.Locale's, or a book's
// TypographyOf, with its house style) to a run of prose.
func StringIn(t book.Typography, s string) string { return stringP(policyOf(t), s) }

func stringP(p policy, s string) string {
	if s == "" {
		return s
	}
	src := decode([]byte(s))
	mask := src.mask // invalid bytes stay as they are
	maskNonProse(src.rs, mask)
	edits := analyze(src.rs, mask, p, nil)
	if len(edits) == 0 {
		return s
	}
	return string(src.applyBytes(edits))
}

// Spans applies the policy to spans, leaving code spans, hard breaks and
// URLs untouched. The spans are read as one text, so that a « ? » opening a
// span after an italic word still gets its space; a space the policy adds
// goes with the punctuation it belongs to. A span left empty by the
// policy (a lone blank merged with its neighbour) is dropped.
func Spans(lang string, spans []book.Span) []book.Span {
	return SpansIn(book.ResolveLocale(lang).Typography, lang, spans)
}

// SpansIn is Spans with the policy t for the text in lang (a book's
// TypographyOf(lang), with its house style).
func SpansIn(t book.Typography, lang string, spans []book.Span) []book.Span {
	var buf []byte
	var bounds []int // byte offset where each span starts in buf
	for _, s := range spans {
		bounds = append(bounds, len(buf))
		if s.Break {
			buf = append(buf, '\n')
			continue
		}
		buf = append(buf, s.Text...)
	}
	src := decode(buf)
	mask := src.mask
	of := make([]int, len(src.rs)) // span of each rune
	for i, si := 0, 0; i < len(src.rs); i++ {
		for si+1 < len(spans) && bounds[si+1] <= src.off[i] {
			si++
		}
		of[i] = si
		s := spans[si]
		if s.Break || s.Style&book.Code != 0 || (s.Link != "" && (s.Text == s.Link || looksLikeAddress(s.Text))) || foreign(s.Lang, lang) {
			mask[i] = true
		}
	}
	maskNonProse(src.rs, mask)
	edits := analyze(src.rs, mask, policyOf(t), nil)
	if len(edits) == 0 {
		out := make([]book.Span, len(spans))
		copy(out, spans)
		return ownTypography(out, lang)
	}
	texts := make([][]byte, len(spans))
	pos := 0
	emit := func(upto int) {
		for ; pos < upto; pos++ {
			if !spans[of[pos]].Break {
				texts[of[pos]] = append(texts[of[pos]], buf[src.off[pos]:src.off[pos+1]]...)
			}
		}
	}
	for _, e := range edits {
		emit(e.start)
		texts[of[e.anchor]] = append(texts[of[e.anchor]], e.repl...)
		pos = e.end
	}
	emit(len(src.rs))
	out := make([]book.Span, 0, len(spans))
	for i, s := range spans {
		if !s.Break {
			if len(texts[i]) == 0 && s.Text != "" {
				continue
			}
			s.Text = string(texts[i])
		}
		out = append(out, s)
	}
	return ownTypography(out, lang)
}

// foreign reports a passage in another language than the text's: the
// text's policy leaves it alone, and it gets its own language's.
func foreign(tag, lang string) bool {
	return tag != "" && !strings.EqualFold(primaryTag(tag), primaryTag(lang))
}

func primaryTag(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		return tag[:i]
	}
	return tag
}

// ownTypography applies each foreign passage's language policy to it.
func ownTypography(spans []book.Span, lang string) []book.Span {
	for i := range spans {
		s := &spans[i]
		if !s.Break && s.Style&book.Code == 0 && foreign(s.Lang, lang) {
			s.Text = String(s.Lang, s.Text)
		}
	}
	return spans
}

// looksLikeAddress reports whether s is, as a whole, a URL or an email
// address.
func looksLikeAddress(s string) bool {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) == 0 {
		return false
	}
	if urlAt(rs, 0) == len(rs) {
		return true
	}
	for i, r := range rs {
		if r == '@' {
			if st, e := emailAround(rs, i); st == 0 && e == len(rs) {
				return true
			}
		}
	}
	return false
}

// Inner returns s, set with the policy of lang, ready to be put between
// the book's own quotation marks (the quote of a card, a share post, the
// book's title in a post): its first-level marks become the second-level
// ones, so that a quotation in a quotation reads « … “ … ” … » in French,
// “ … ‘ … ’ … ” in English, never « … « … » … ». In French the narrow
// spaces inside the outer « » go with them.
func Inner(lang, s string) string {
	return InnerIn(book.ResolveLocale(lang).Typography, s)
}

// InnerIn is Inner with the policy t.
func InnerIn(t book.Typography, s string) string { return InnerAs(t, t, s) }

// InnerAs is Inner for a text set with the policy t and put between the
// marks of another policy, outer (a contribution in English on the card of
// a French book): the text's own first-level marks become outer's
// second-level ones, so that an English quotation inside the card's « »
// reads “ ”, as French nests, not ‘ ’.
func InnerAs(t, outer book.Typography, s string) string {
	s = StringIn(t, s)
	o1, c1, o2, c2 := t.Quotes[0][0], t.Quotes[0][1], outer.Quotes[1][0], outer.Quotes[1][1]
	if o1 == 0 || !strings.ContainsAny(s, string([]rune{o1, c1})) {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	depth := 0
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; {
		case r == c1 && depth > 0:
			depth--
			if depth == 0 {
				for len(out) > 0 && (out[len(out)-1] == nnbsp || out[len(out)-1] == nbsp) {
					out = out[:len(out)-1]
				}
				out = append(out, c2)
				continue
			}
		case r == o1:
			depth++
			if depth == 1 {
				out = append(out, o2)
				for i+1 < len(rs) && (rs[i+1] == nnbsp || rs[i+1] == nbsp) {
					i++
				}
				continue
			}
		}
		out = append(out, rs[i])
	}
	return string(out)
}
