package check

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/load"
	"github.com/recueil/recueil/internal/scaffold"
)

// placeholderSet is what a contribution must not still say: the sentences
// and front-matter values of the template recueil new writes (an error:
// the text is not the contributor's yet), and those of the example
// recueil init puts in a new book (a warning: the example is there so
// that a new book compiles at once, and must go before the first edition).
type placeholderSet struct {
	template, example map[string]bool // normalised sentences and whole field values
}

// placeholders reads the sentences from the scaffold's own files (the
// template of recueil new, the one contributions/README.md shows, the
// example), so that they never drift from what people are given.
var placeholders = sync.OnceValue(func() placeholderSet {
	data := scaffold.NewData("Livre", "urn:x", book.Defaults().Limits, []string{"Une partie"})
	set := placeholderSet{template: map[string]bool{}, example: map[string]bool{}}
	add := func(into map[string]bool, src []byte) {
		var d book.Diagnostics
		c := load.Contribution("contributions/x.md", src, &d)
		if c == nil {
			return
		}
		for _, v := range []string{c.Role, c.Organization, c.Title, c.Extract} {
			if k := normSentence(v, 2); k != "" {
				into[k] = true
			}
		}
		book.Walk(c.Body, func(bl *book.Block) {
			for _, s := range sentences(blockText(bl)) {
				into[s.key] = true
			}
		})
	}
	add(set.template, scaffold.Contribution("Prénom Nom", data))
	for _, f := range scaffold.Book(data) {
		switch f.Path {
		case "contributions/" + scaffold.ExampleSlug + ".md":
			add(set.example, f.Data)
		case "contributions/README.md":
			// The README shows the template to copy, in a Markdown block.
			if _, rest, ok := strings.Cut(string(f.Data), "```markdown\n"); ok {
				model, _, _ := strings.Cut(rest, "```")
				add(set.template, []byte(model))
			}
		}
	}
	return set
})

func blockText(bl *book.Block) string {
	var b strings.Builder
	for _, s := range bl.Spans {
		b.WriteString(s.Text)
		if s.Break {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// sentence is a sentence of a paragraph: as written, and normalised.
type sentence struct{ text, key string }

// sentences splits a paragraph into its sentences, keeping those of four
// words or more (a « Merci. » is anyone's).
func sentences(s string) []sentence {
	var out []sentence
	flush := func(t string) {
		if k := normSentence(t, 4); k != "" {
			out = append(out, sentence{t, k})
		}
	}
	start := 0
	for i, r := range s {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		end := i + utf8.RuneLen(r)
		if next, _ := utf8.DecodeRuneInString(s[end:]); end == len(s) || unicode.IsSpace(next) {
			flush(s[start:end])
			start = end
		}
	}
	flush(s[start:])
	return out
}

// normSentence folds what typing and typography change but not the
// words: case, accents kept but composed, quotes and apostrophes, every
// kind of space, the punctuation at the ends, and numbers (a book's own
// word limits). Fewer than min words: "".
func normSentence(s string, min int) string {
	if k, ok := normLatin(s, min); ok {
		return k
	}
	return normSentenceSlow(s, min)
}

// normLatin is normSentence in one pass, without allocating but for the
// result, for the usual text: Latin letters (below U+0250, where
// lowercase letters are already composed) and the typographic marks the
// folder replaces. false for anything else (combining marks, other
// scripts, invalid UTF-8), which normSentenceSlow handles.
func normLatin(s string, min int) (string, bool) {
	var buf [256]byte
	b := buf[:0]
	words, digit, sep := 0, false, true // sep: the last thing written was a separator (or nothing)
	word := func() {
		if sep {
			if words > 0 {
				b = append(b, ' ')
			}
			words++
			sep = false
		}
	}
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			return "", false
		case r == '’' || r == '‘':
			r = '\''
		case r == '«' || r == '»' || r == '“' || r == '”' || r == '…' || r == '\u00a0' || r == '\u202f' || r == '\u2009':
			r = ' '
		case r >= 0x250:
			return "", false
		}
		r = unicode.ToLower(r)
		switch {
		case unicode.IsDigit(r):
			if !digit {
				word()
				b = append(b, '0')
			}
			digit = true
			continue
		case unicode.IsLetter(r) || r == '\'':
			word()
			b = utf8.AppendRune(b, r)
		default:
			sep = true
		}
		digit = false
	}
	if words < min {
		return "", true
	}
	return string(b), true
}

func normSentenceSlow(s string, min int) string {
	s = norm.NFC.String(strings.ToLower(s))
	s = folder.Replace(s)
	var b strings.Builder
	digit := false
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			if !digit {
				b.WriteByte('0')
			}
			digit = true
			continue
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == '\'':
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
		digit = false
	}
	f := strings.Fields(b.String())
	if len(f) < min {
		return ""
	}
	return strings.Join(f, " ")
}

// placeholderText reports the template's and the example's texts left in
// a contribution: in a front-matter field, at the field; in the text, at
// the first paragraph that still holds one, with how many are left.
func placeholderText(c *book.Contribution, d *book.Diagnostics) {
	set := placeholders()
	var exAt book.Pos // the first place the example's text is found
	exN := 0
	exSeen := func(p book.Pos) {
		if exN == 0 || p.Line < exAt.Line || (p.Line == exAt.Line && p.Col < exAt.Col) {
			exAt = p
		}
		exN++
	}
	for _, f := range []struct {
		key, val string
		what     book.Msg
	}{
		{"role", c.Role, book.M("la fonction", "your role")}, {"organization", c.Organization, book.M("l’organisation", "your organisation")},
		{"title", c.Title, book.M("le titre", "your title")}, {"extract", c.Extract, book.M("l’extrait", "your extract")},
	} {
		k := normSentence(f.val, 2)
		switch {
		case k != "" && set.template[k]:
			d.Add(c.Path, c.FieldPos(f.key), book.Error, "placeholder-text",
				book.M("« %s » est encore le texte du modèle (%s) : écrivez %s.", "“%s” is still the template's text (%s): write %s."), f.val, f.key, f.what)
		case k != "" && set.example[k]:
			exSeen(c.FieldPos(f.key))
		}
	}
	var first *book.Block
	var firstS sentence
	n := 0
	book.Walk(c.Body, func(bl *book.Block) {
		for _, s := range sentences(blockText(bl)) {
			switch {
			case set.template[s.key]:
				if first == nil {
					first, firstS = bl, s
				}
				n++
			case set.example[s.key]:
				exSeen(book.Pos{Line: bl.Line, Col: 1})
			}
		}
	})
	if first != nil {
		d.Add(c.Path, book.Pos{Line: first.Line, Col: 1}, book.Error, "placeholder-text",
			book.M("Le texte du modèle est encore là (%s, dont « %s ») : ce n’est pas encore votre texte. Remplacez-le par le vôtre.", "The template's text is still there (%s, including “%s”): this is not your text yet. Replace it with yours."), phrases(n), excerpt(firstS.text))
	}
	if exN > 0 {
		d.Add(c.Path, exAt, book.Warning, "example-text",
			book.M("C’est encore le texte de l’exemple de recueil init (%s) : remplacez-le par un vrai texte, ou supprimez ce fichier avant la première édition.", "This is still the text of recueil init's example (%s): replace it with a real text, or delete this file before the first edition."), book.Plural(exN, "passage", "passages", "passage", "passages"))
	}
}

func phrases(n int) book.Msg {
	return book.Plural(max(n, 1), "phrase", "phrases", "sentence", "sentences")
}

// excerpt is the start of a sentence, to quote it.
func excerpt(s string) string {
	f := strings.Fields(s)
	if len(f) > 6 {
		return strings.Join(f[:6], " ") + "…"
	}
	return strings.Join(f, " ")
}
