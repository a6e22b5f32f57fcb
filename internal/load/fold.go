package load

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldAccents removes diacritics and expands ligatures: "Œillet Élodie" -> "OEillet Elodie".
func foldAccents(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch r {
		case 'Œ':
			b.WriteString("OE")
		case 'œ':
			b.WriteString("oe")
		case 'Æ':
			b.WriteString("AE")
		case 'æ':
			b.WriteString("ae")
		case 'ß':
			b.WriteString("ss")
		default:
			if unicode.Is(unicode.Mn, r) {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
