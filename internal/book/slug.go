package book

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// FoldAccents removes diacritics and expands ligatures: "Œillet Élodie"
// -> "OEillet Elodie". File names, index letters and elision use it.
func FoldAccents(s string) string {
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

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidSlug reports whether a file name (without .md) is a lowercase ASCII
// slug.
func ValidSlug(s string) bool { return slugRE.MatchString(s) }

// Slugify turns a name into a file slug: "Élodie d’Arbonne" ->
// "elodie-d-arbonne".
func Slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range FoldAccents(name) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.Trim(b.String(), "-")
}

// SlugOf is the slug of a contribution's path: its file name without .md.
func SlugOf(path string) string {
	return strings.TrimSuffix(path[strings.LastIndex(path, "/")+1:], ".md")
}

// Slug names the book's own files (the PDF, the EPUB): its title as a
// slug, cut at a dash after 100 bytes (a title of several lines still
// names a file), "livre" without a title.
func (b *Book) Slug() string {
	s := Slugify(b.Title)
	if len(s) > 100 {
		s = s[:100]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i]
		}
	}
	if s != "" {
		return s
	}
	return "livre"
}
