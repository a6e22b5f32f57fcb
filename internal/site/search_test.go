package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

// wordsOf is the search index's words as they were first written: the
// whole text lowercased and folded, then split.
func wordsOf(text string) string {
	seen := map[string]bool{}
	var words []string
	for _, f := range strings.FieldsFunc(book.FoldAccents(strings.ToLower(text)), notLetter) {
		if len(f) >= 5 && !seen[f] {
			seen[f] = true
			words = append(words, f)
		}
	}
	return strings.Join(words, " ")
}

// TestFolderWords checks that the index's rune-by-rune folding finds the
// same words as folding the whole text, on hard cases and on every
// Markdown file of the repository's books.
func TestFolderWords(t *testing.T) {
	texts := []string{
		"", "Élève ÉLÈVE élève", "Cœur ŒUVRE Æsthétique straße STRASSE", "l’école aujourd’hui peut-être",
		"Ångström résumé naïveté Zoë", "e\u0301coute combinée\u0301\u0323e", "Kelvin \u212a \u212aelvin", "İstanbul ıstanbul",
		"ǅemal ǆ ﬁnancement ﬂeuve", "１２３４５ ２０２６ chiffres", "Ｂｏｎｊｏｕｒ ｍｏｎｄｅ", "日本語 한국어 ελληνικά русский",
		"invalid \xff\xfe bytes aaaaa\xffbbbbb", "a\u0308\u0301\u0323bcde", "\u00a0espaces\u202finsécables", "abcde abcde abcde",
		"12345 1234 x2026x", "trèèèèès loooong", "e\u0903xyzab", "ma\u0903\u0301nuscrit",
	}
	for _, pattern := range []string{"../../contributions/*.md", "../../testdata/books/*/contributions/*.md", "../../editorial/*.md"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(raw))
		}
	}
	if len(texts) < 40 {
		t.Fatalf("only %d texts: the books' files were not found", len(texts))
	}
	f := &folder{}
	for _, s := range texts {
		if got, want := f.words(s), wordsOf(s); got != want {
			t.Errorf("words(%.40q) = %.200q\nwant %.200q", s, got, want)
		}
	}
}
