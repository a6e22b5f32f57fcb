package load

import (
	"fmt"
	"unicode"

	"github.com/recueil/recueil/internal/book"
)

// maxGlyphFindings bounds the glyph findings reported per file.
const maxGlyphFindings = 5

// scanSource reports what is wrong with a file's characters as such, at
// their exact position: old Mac line ends (a lone CR) and characters the
// book's font cannot print (has may be nil), and control characters (C0,
// C1 but tab, U+2028/U+2029, bidirectional embeddings, overrides and
// isolates), which are errors wherever they are, front matter or text, so
// that they are never published.
func scanSource(path string, raw []byte, has func(rune) bool, diags *book.Diagnostics) {
	line, col := 1, 1
	loneCR, missing, controls := false, 0, 0
	text := string(raw)
	seqEnd := 0 // the byte just after the emoji sequence being read
	for i, r := range text {
		switch {
		case i < seqEnd:
			// the rest of an emoji sequence (a joined emoji, a skin tone,
			// a flag's second letter): said once, with its first
		case r == '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				continue // CRLF: accepted silently
			}
			if !loneCR {
				loneCR = true
				diags.Add(path, book.Pos{Line: line, Col: col}, book.Warning, "lone-cr",
					book.M("Ce fichier utilise d’anciennes fins de ligne Mac (CR seul) : elles sont lues comme des retours à la ligne. Enregistrez-le avec des fins de ligne LF ou CRLF.", "This file uses old Mac line endings (CR only): they are read as line breaks. Save it with LF or CRLF line endings."))
			}
			line, col = line+1, 1
			continue
		case r == '\n':
			line, col = line+1, 1
			continue
		case r != '\t' && (unicode.IsControl(r) || book.Forging(r)):
			if controls < maxGlyphFindings {
				controls++
				diags.Add(path, book.Pos{Line: line, Col: col}, book.Error, "control-char",
					book.M("Ce fichier contient un caractère de contrôle invisible (%s) ici : il pourrait changer l’affichage du texte. Retirez-le (retapez ce passage).", "This file holds an invisible control character (%s) here: it could change how the text is shown. Remove it (type this passage again)."), fmt.Sprintf("U+%04X", r))
			}
		case r == '\uFEFF' && i == 0, r == unicode.ReplacementChar, unicode.IsSpace(r):
		case has != nil && !has(r) && book.IsEmoji(r) && missing < maxGlyphFindings:
			missing++
			seq := emojiSequence(text, i)
			seqEnd = i + len(seq)
			diags.Add(path, book.Pos{Line: line, Col: col}, book.Warning, "emoji",
				book.M("L’émoji « %s » ne s’imprime pas dans le PDF (la police du livre n’en a pas) : il en est retiré, mais reste dans l’EPUB et sur le site. Remplacez-le par des mots, ou laissez `recueil check --fix` le retirer (ou écrivez emoji: keep dans book.yaml pour le dessiner).",
					"The emoji “%s” does not print in the PDF (the book's font does not have it): it is left out there, but stays in the EPUB and on the site. Replace it with words, or let `recueil check --fix` remove it (or write emoji: keep in book.yaml to draw it)."), seq)
		case has != nil && !has(r) && book.EmojiJoiner(r):
		case has != nil && !has(r) && missing < maxGlyphFindings:
			missing++
			diags.Add(path, book.Pos{Line: line, Col: col}, book.Warning, "glyph-missing",
				book.M("Le caractère « %c » (%s) n’existe pas dans la police du livre : il serait imprimé comme « ? ». Remplacez-le ou retirez-le.", "The character “%c” (%s) does not exist in the book's font: it would be printed as “?”. Replace it or remove it."), r, fmt.Sprintf("U+%04X", r))
		}
		col++
	}
}

// emojiSequence is the emoji sequence that starts at byte i of text (an
// emoji with its joined emoji, skin tones and selectors, or a flag), as
// book.EmojiEnd reads it: at least the emoji at i.
func emojiSequence(text string, i int) string {
	const longest = 64 // runes: far more than any real sequence
	rs := make([]rune, 0, 8)
	for _, r := range text[i:] {
		if len(rs) == longest {
			break
		}
		rs = append(rs, r)
	}
	end := max(book.EmojiEnd(rs, 0), 1)
	return string(rs[:end])
}

// MaxDrawnEmoji is how many emoji (sequences) one text may have when the
// book draws them (emoji: keep): each is hundreds of path operators in the
// PDF (about 2 KB of compressed page content), so that ten thousand pasted emoji
// would make a 20 MB PDF from a 40 KB text.
const MaxDrawnEmoji = 100

// drawnEmoji reports, with emoji: keep, a text holding more emoji than
// MaxDrawnEmoji, at the first one over the limit.
func drawnEmoji(path string, raw []byte, diags *book.Diagnostics) {
	line, col, n, seqEnd := 1, 1, 0, 0
	var over book.Pos // the first emoji too many
	text := string(raw)
	for i, r := range text {
		switch {
		case r == '\n':
			line, col = line+1, 1
			continue
		case i < seqEnd:
		case book.IsEmoji(r):
			seqEnd = i + len(emojiSequence(text, i))
			if n++; n == MaxDrawnEmoji+1 {
				over = book.Pos{Line: line, Col: col}
			}
		}
		col++
	}
	if n > MaxDrawnEmoji {
		diags.Add(path, over, book.Error, "emoji-too-many",
			book.M("Ce texte compte %d émojis : le PDF en dessine %d au plus par texte, et celui-ci est le premier de trop. Retirez-en.", "This text has %d emoji: the PDF draws %d at most per text, and this one is the first too many. Remove some."), n, MaxDrawnEmoji)
	}
}
