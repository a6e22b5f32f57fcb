package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/typeset"
)

// pagesFile keeps, with the cache (not an artifact), where each contributor's pages
// are and a fingerprint of what they were made from, for list.
const pagesFile = cacheDir + "/pages.json"

type pagesRecord struct {
	Sources string              `json:"sources"`
	Pages   []typeset.PageRange `json:"pages"`
}

// Pages typesets the book, writing nothing, and returns where each
// published contribution is, by slug. The book must have no errors.
func Pages(o Options) (*book.Book, book.Diagnostics, map[string][2]int, error) {
	b, diags, err := Check(o)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := Failed(diags, false); err != nil {
		return b, diags, nil, err
	}
	r, d, err := typeset.Typeset(b)
	if err != nil {
		return b, diags, nil, fmt.Errorf("typeset: %w", err)
	}
	diags = append(diags, d.In(o.msgLang(b))...)
	return b, diags, byslug(r.Contributions), nil
}

func byslug(ranges []typeset.PageRange) map[string][2]int {
	pages := map[string][2]int{}
	for _, p := range ranges {
		pages[p.Slug] = [2]int{p.First, p.Last}
	}
	return pages
}

// LastPages returns the pages of the last compile into the output
// folder when it was made from exactly these sources by this recueil
// (their fingerprint matches), nil otherwise: never stale pages.
func LastPages(o Options, b *book.Book) map[string][2]int {
	out := o.out()
	if !realFile(out, pagesFile) {
		return nil
	}
	raw, err := os.ReadFile(filepath.Join(out, pagesFile))
	if err != nil || len(raw) > 16<<20 {
		return nil
	}
	var rec pagesRecord
	if json.Unmarshal(raw, &rec) != nil || rec.Sources == "" || rec.Sources != sources(b) {
		return nil
	}
	return byslug(rec.Pages)
}

// sources fingerprints what a book's pages are made from: this recueil,
// book.yaml, and every file of contributions/, editorial/ and the book's
// own fonts. "" when it cannot be read.
func sources(b *book.Book) string {
	salt := binarySalt()
	if salt == nil {
		return ""
	}
	h := sha256.New()
	h.Write(salt)
	add := func(rel string) {
		p := filepath.Join(b.Root, filepath.FromSlash(rel))
		st, err := os.Lstat(p)
		if err != nil || !st.Mode().IsRegular() {
			fmt.Fprintf(h, "%s\x00-\x00", rel)
			return
		}
		fmt.Fprintf(h, "%s\x00%d\x00", rel, st.Size())
		if f, err := os.Open(p); err == nil {
			io.Copy(h, f)
			f.Close()
		}
	}
	add("book.yaml")
	for _, dir := range []string{"contributions", "editorial"} {
		filepath.WalkDir(filepath.Join(b.Root, dir), func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				rel, _ := filepath.Rel(b.Root, p)
				add(filepath.ToSlash(rel))
			}
			return nil
		})
	}
	for _, f := range []string{fontFile(b.Fonts.Serif), fontFile(b.Fonts.Sans)} {
		if f != "" {
			add(f)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}
