package typeset

import (
	"testing"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/load"
)

// FuzzTypeset sets arbitrary Markdown, loaded as a contribution, and
// checks that the typesetter never panics and places nothing outside the
// page (the cover aside, which bleeds), whatever the text.
func FuzzTypeset(f *testing.F) {
	for _, s := range []string{
		"Un paragraphe simple.",
		"# Titre\n\nTexte *italique* et **gras**, [lien](https://example.org).\n\n> Citation\n\n- un\n- deux\n  1. trois",
		"Anticonstitutionnellementanticonstitutionnellementanticonstitutionnellement fin.",
		"https://example.org/un/très/long/chemin/qui/ne/tient/pas/sur/une/ligne/de/la/page/a5",
		"Quoi ?! « Oui » : 500 000 vues… l'école\\\nligne\n\n---\n\n```\ncode\n```",
		"😀 谢谢 \u202e \u200b \x00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var d book.Diagnostics
		c := load.Contribution("contributions/x.md", []byte("---\nname: Jean Exemple\nrole: Testeur\n---\n"+text), &d)
		if c == nil {
			return
		}
		b := newBook(t, 0)
		c.Slug = "x"
		b.Contributions = []*book.Contribution{c}
		r, _, err := Typeset(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range r.Doc.Pages {
			if p.Number == 1 {
				continue
			}
			for _, e := range p.Elements {
				if e.X < 0 || e.Y < 0 || e.X+e.W > r.Doc.Width || e.Y+e.H > r.Doc.Height {
					t.Fatalf("page %d: %+v outside the page %v×%v", p.Number, e, r.Doc.Width, r.Doc.Height)
				}
			}
		}
	})
}
