package typo

import (
	"strings"
	"unicode"
)

// maskNonProse marks in mask the runes of rs that are not prose even in the
// middle of a text: URLs (with a scheme, or starting with www.), email
// addresses and HTML character references (&amp; &#160;).
func maskNonProse(rs []rune, mask []bool) {
	for i := 0; i < len(rs); i++ {
		if end := urlAt(rs, i); end > i {
			markRange(mask, i, end)
			i = end - 1
			continue
		}
		if rs[i] == '&' {
			if end := entityAt(rs, i); end > i {
				markRange(mask, i, end)
				i = end - 1
			}
		}
	}
	for i, r := range rs {
		if r == '@' {
			if s, e := emailAround(rs, i); e > s {
				markRange(mask, s, e)
			}
		}
	}
}

func markRange(mask []bool, s, e int) {
	for k := s; k < e; k++ {
		mask[k] = true
	}
}

func isASCIILetter(r rune) bool { return r < 128 && unicode.IsLetter(r) }
func isASCIIAlnum(r rune) bool  { return isASCIILetter(r) || isDigit(r) }

// urlAt returns the end of the URL starting at i, or i.
func urlAt(rs []rune, i int) int {
	if !isASCIILetter(rs[i]) || (i > 0 && (isLetter(rs[i-1]) || isDigit(rs[i-1]))) {
		return i
	}
	j := i
	for j < len(rs) && j-i < 32 && (isASCIIAlnum(rs[j]) || rs[j] == '+' || rs[j] == '.' || rs[j] == '-') {
		j++
	}
	switch {
	case j+2 < len(rs) && rs[j] == ':' && rs[j+1] == '/' && rs[j+2] == '/':
		j += 3
	case j < len(rs) && rs[j] == ':' && (foldIs(rs[i:j], "mailto") || foldIs(rs[i:j], "tel") || foldIs(rs[i:j], "urn")):
		j++
	case j-i > 4 && foldIs(rs[i:i+4], "www."):
		j = i + 4
	default:
		return i
	}
	for j < len(rs) && !isSpace(rs[j]) && !strings.ContainsRune("<>\"«»`", rs[j]) && !unicode.IsControl(rs[j]) {
		j++
	}
	// Trailing punctuation belongs to the sentence, as in GFM autolinks; a
	// closing parenthesis stays when the URL opened one.
	open, closed := 0, 0
	for _, r := range rs[i:j] {
		switch r {
		case '(':
			open++
		case ')':
			closed++
		}
	}
	for j > i {
		r := rs[j-1]
		if r == ')' {
			if open >= closed {
				break
			}
			closed--
		} else if !strings.ContainsRune(".,;:!?'\"*_~…’”]", r) {
			break
		}
		j--
	}
	return j
}

// entityAt returns the end of the character reference starting at i, or i.
func entityAt(rs []rune, i int) int {
	j := i + 1
	switch {
	case j < len(rs) && rs[j] == '#':
		j++
		hex := j < len(rs) && (rs[j] == 'x' || rs[j] == 'X')
		if hex {
			j++
		}
		s := j
		for j < len(rs) && j-s < 8 && (isDigit(rs[j]) || hex && strings.ContainsRune("abcdefABCDEF", rs[j])) {
			j++
		}
		if j == s {
			return i
		}
	case j < len(rs) && isASCIILetter(rs[j]):
		for j < len(rs) && j-i < 33 && isASCIIAlnum(rs[j]) {
			j++
		}
	default:
		return i
	}
	if j < len(rs) && rs[j] == ';' {
		return j + 1
	}
	return i
}

// emailAround returns the email address around the @ at i, if any.
func emailAround(rs []rune, i int) (int, int) {
	s := i
	for s > 0 && (isASCIIAlnum(rs[s-1]) || strings.ContainsRune("._%+-", rs[s-1])) {
		s--
	}
	e := i + 1
	for e < len(rs) && (isASCIIAlnum(rs[e]) || rs[e] == '.' || rs[e] == '-') {
		e++
	}
	for e > i+1 && (rs[e-1] == '.' || rs[e-1] == '-') {
		e--
	}
	if s == i || !strings.Contains(string(rs[i+1:e]), ".") {
		return 0, 0
	}
	return s, e
}

// foldIs reports whether rs is the ASCII word w, ignoring case.
func foldIs(rs []rune, w string) bool {
	if len(rs) != len(w) {
		return false
	}
	for k, r := range rs {
		if unicode.ToLower(r) != rune(w[k]) {
			return false
		}
	}
	return true
}
