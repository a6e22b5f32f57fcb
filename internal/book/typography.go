package book

import (
	"fmt"
	"slices"
	"strings"
)

// Typography is the typographic policy of one language, the one table that
// check, --fix and every output (PDF, EPUB, site, cards) ask: the spaces
// around punctuation and quotation marks, and the marks of a quotation and
// of a quotation inside it.
type Typography struct {
	// French spacing: U+202F before ; ! ? and inside « », U+00A0 before :.
	// Every other language has no space before ; : ! ? (a space there is
	// a finding) and none inside its quotation marks.
	French bool
	// Quotes are the marks of the first level (Quotes[0]) and of the
	// second (Quotes[1]), opening then closing: “ ” and ‘ ’ in American
	// English, „ “ and ‚ ‘ in German.
	Quotes [2][2]rune
	// Inverted: ¿ and ¡ open a question or an exclamation (Spanish); no
	// space and no line break after them.
	Inverted bool
	// IndentFirst: the first paragraph after a heading is indented too
	// (French usage); elsewhere it starts flush.
	IndentFirst bool
}

// typographyFor is the policy of a language, by its base and region.
func typographyFor(base, region string) Typography {
	switch base {
	case "fr":
		return Typography{French: true, IndentFirst: true, Quotes: [2][2]rune{{'«', '»'}, {'“', '”'}}}
	case "de":
		return Typography{Quotes: [2][2]rune{{'„', '“'}, {'‚', '‘'}}}
	case "es":
		return Typography{Quotes: [2][2]rune{{'«', '»'}, {'“', '”'}}, Inverted: true}
	case "it", "pt":
		return Typography{Quotes: [2][2]rune{{'«', '»'}, {'“', '”'}}}
	case "nl":
		return Typography{Quotes: [2][2]rune{{'“', '”'}, {'‘', '’'}}}
	case "en":
		switch region {
		case "GB", "IE", "AU", "NZ", "ZA", "IN":
			return Typography{Quotes: [2][2]rune{{'‘', '’'}, {'“', '”'}}}
		}
	}
	return Typography{Quotes: [2][2]rune{{'“', '”'}, {'‘', '’'}}}
}

// QuoteStyles are the house styles book.yaml's quotes key may name, besides
// four marks written out ("» « › ‹").
var QuoteStyles = map[string][2][2]rune{
	"english":         {{'“', '”'}, {'‘', '’'}},
	"british":         {{'‘', '’'}, {'“', '”'}},
	"german":          {{'„', '“'}, {'‚', '‘'}},
	"german-chevrons": {{'»', '«'}, {'›', '‹'}},
	"swiss":           {{'«', '»'}, {'‹', '›'}},
	"guillemets":      {{'«', '»'}, {'“', '”'}},
	"dutch":           {{'“', '”'}, {'‘', '’'}},
}

// quoteMarks are the characters a house style may use.
const quoteMarks = "«»‹›“”‘’„‚"

// ParseQuotes reads book.yaml's quotes value: a style name (see
// QuoteStyles) or the four marks, opening and closing of the first level
// then of the second, with or without spaces between them ("» « › ‹",
// "»«›‹"). The error is in French and in English.
func ParseQuotes(v string) ([2][2]rune, error) {
	v = strings.TrimSpace(v)
	if q, ok := QuoteStyles[strings.ToLower(v)]; ok {
		return q, nil
	}
	var marks []rune
	for _, r := range v {
		if r == ' ' || r == '\u00a0' || r == '\u202f' || r == ',' {
			continue
		}
		marks = append(marks, r)
	}
	bad := len(marks) != 4
	for _, r := range marks {
		if !strings.ContainsRune(quoteMarks, r) {
			bad = true
		}
	}
	if bad {
		names := styleNames()
		return [2][2]rune{}, &QuotesError{
			Fr: fmt.Sprintf("« %s » n’est pas un style de guillemets : écrivez les quatre guillemets, ouvrant et fermant du premier niveau puis du second (par exemple « » « › ‹ »), ou l’un de ces noms : %s", v, names),
			En: fmt.Sprintf("%q is not a quotation style: write the four marks, opening and closing of the first level then of the second (for example \"» « › ‹\"), or one of these names: %s", v, names),
		}
	}
	return [2][2]rune{{marks[0], marks[1]}, {marks[2], marks[3]}}, nil
}

// QuotesError says, in French and English, why a quotes value is refused.
type QuotesError struct{ Fr, En string }

func (e *QuotesError) Error() string { return e.En }

func styleNames() string {
	names := make([]string, 0, len(QuoteStyles))
	for n := range QuoteStyles {
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// Quote puts s between the policy's first-level marks, with French's
// narrow no-break spaces inside « ».
func (t Typography) Quote(s string) string {
	o, c := string(t.Quotes[0][0]), string(t.Quotes[0][1])
	if t.French && t.Quotes[0][0] == '«' {
		o, c = o+"\u202f", "\u202f"+c
	}
	return o + s + c
}
