package book

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Piece is a part of a text, set as a superscript or not.
type Piece struct {
	Text string
	Sup  bool
}

// supRules says which superscripts a language's typography sets.
type supRules uint8

const (
	noSups      supRules = iota
	frenchSups           // 1er, 1re, 2e, 2d, XIXe, Mme, Mlle, Mgr, nº
	englishSups          // 1st, 2nd, 3rd, 4th
)

// Superscripts splits s where the language's typography sets letters as
// superscripts: in French the ordinals (1er, 1re, 2e, 2d, XIXe, Ier), the
// abbreviations Mme, Mlle, Mgr (and their plurals) before a word, and the
// numero sign (n° 5, nº 5, no 5: the o raised); in English the ordinals
// whose suffix matches the number (1st, 22nd, 13th). It returns nil when
// nothing is raised. A token glued to a URL-like character (/, @, ., _,
// #…) is left alone, and so is "Mme." or "Mme" not followed by a word:
// only the unambiguous cases are raised. Code spans and links are the
// caller's to leave out.
func (l Locale) Superscripts(s string) []Piece {
	if l.sups == noSups || !maySup(s) {
		return nil
	}
	var out []Piece
	plain := 0 // start of the text not yet emitted
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += n
		}
		if base, sup, end, ok := l.supToken(s, i, j); ok {
			if base > plain {
				out = append(out, Piece{Text: s[plain:base]})
			}
			out = append(out, Piece{Text: sup, Sup: true})
			plain = end
		}
		i = j
	}
	if out == nil {
		return nil
	}
	if plain < len(s) {
		out = append(out, Piece{Text: s[plain:]})
	}
	return out
}

// maySup is a cheap test that s could hold a superscript at all.
func maySup(s string) bool {
	return strings.ContainsAny(s, "0123456789IVXLCM°ºn")
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '°' || r == 'º'
}

// glued are the characters that make a token part of an address, a
// handle, a file name or a formula rather than a word.
const glued = "/@._#\\:=&?%~+|<>*^$"

// supToken looks at the token s[i:j]. When part of it is raised, it returns
// where the raised part starts (base: the text before it is kept as is),
// the raised text (° becomes o) and where it ends.
func (l Locale) supToken(s string, i, j int) (base int, sup string, end int, ok bool) {
	if i > 0 {
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if strings.ContainsRune(glued, prev) {
			return 0, "", 0, false
		}
	}
	if j < len(s) {
		next, n := utf8.DecodeRuneInString(s[j:])
		if strings.ContainsRune(glued, next) && next != '.' {
			return 0, "", 0, false
		}
		if next == '.' && j+n < len(s) { // 2e.fr, Mme.Dupont
			after, _ := utf8.DecodeRuneInString(s[j+n:])
			if isWordRune(after) {
				return 0, "", 0, false
			}
		}
	}
	w := s[i:j]
	switch l.sups {
	case frenchSups:
		if k, ok := frenchOrdinal(w); ok {
			return i + k, w[k:], j, true
		}
		if k, ok := frenchAbbrev(w); ok && beforeWord(s[j:]) {
			return i + k, w[k:], j, true
		}
		if k, ok := numero(w); ok && beforeNumber(s[j:]) {
			return i + k, "o", j, true
		}
	case englishSups:
		if k, ok := englishOrdinal(w); ok {
			return i + k, w[k:], j, true
		}
	}
	return 0, "", 0, false
}

// digits returns how many ASCII digits w starts with.
func digits(w string) int {
	k := 0
	for k < len(w) && w[k] >= '0' && w[k] <= '9' {
		k++
	}
	return k
}

// frenchOrdinal: 1er, 1re, 1ers, 1res; 2d, 2de, 2ds, 2des; 2e, 2es, 10e…;
// in Roman numerals XIXe, IIe, Ve, Ier (François Ier). It returns where
// the suffix starts.
func frenchOrdinal(w string) (int, bool) {
	if k := digits(w); k > 0 {
		num, suf := w[:k], w[k:]
		if num[0] == '0' {
			return 0, false
		}
		switch {
		case num == "1":
			return k, suf == "er" || suf == "re" || suf == "ers" || suf == "res"
		case suf == "e" || suf == "es":
			return k, true
		case num == "2":
			return k, suf == "d" || suf == "de" || suf == "ds" || suf == "des"
		}
		return 0, false
	}
	k := 0
	for k < len(w) && strings.IndexByte("IVXLCDM", w[k]) >= 0 {
		k++
	}
	if k == 0 || !roman(w[:k]) {
		return 0, false
	}
	num, suf := w[:k], w[k:]
	switch {
	case num == "I":
		return k, suf == "er"
	case k == 1 && num != "V" && num != "X":
		return 0, false // Ce, De, Le, Me are words
	}
	return k, suf == "e" || suf == "es"
}

// roman reports whether s is a Roman numeral in the usual form (1 to 3999).
func roman(s string) bool {
	rest := s
	take := func(units ...string) {
		for _, u := range units { // the longest first
			if strings.HasPrefix(rest, u) {
				rest = rest[len(u):]
				return
			}
		}
	}
	take("MMM", "MM", "M")
	take("CM", "CD", "DCCC", "DCC", "DC", "D", "CCC", "CC", "C")
	take("XC", "XL", "LXXX", "LXX", "LX", "L", "XXX", "XX", "X")
	take("IX", "IV", "VIII", "VII", "VI", "V", "III", "II", "I")
	return rest == "" && s != ""
}

// frenchAbbrev: Mme, Mmes, Mlle, Mlles, Mgr, Mgrs: the M stays, the rest
// is raised.
func frenchAbbrev(w string) (int, bool) {
	switch w {
	case "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Mgrs":
		return 1, true
	}
	return 0, false
}

// numero: n°, nº, N°, Nº, and no, No (before a number only).
func numero(w string) (int, bool) {
	switch w {
	case "n°", "nº", "N°", "Nº", "no", "No":
		return 1, true
	}
	return 0, false
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' }

// beforeWord: rest starts with one space and a letter.
func beforeWord(rest string) bool {
	r, n := utf8.DecodeRuneInString(rest)
	if !isSpaceRune(r) {
		return false
	}
	r, _ = utf8.DecodeRuneInString(rest[n:])
	return unicode.IsLetter(r)
}

// beforeNumber: rest starts with a space, or none, and a digit.
func beforeNumber(rest string) bool {
	r, n := utf8.DecodeRuneInString(rest)
	if isSpaceRune(r) {
		r, _ = utf8.DecodeRuneInString(rest[n:])
	}
	return r >= '0' && r <= '9'
}

// englishOrdinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st…
func englishOrdinal(w string) (int, bool) {
	k := digits(w)
	if k == 0 || w[0] == '0' {
		return 0, false
	}
	num, suf := w[:k], w[k:]
	last := num[k-1]
	teen := k >= 2 && num[k-2] == '1'
	want := "th"
	switch {
	case teen:
	case last == '1':
		want = "st"
	case last == '2':
		want = "nd"
	case last == '3':
		want = "rd"
	}
	return k, suf == want
}
