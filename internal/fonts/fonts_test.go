package fonts

import (
	"math"
	"os"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/recueil/recueil/layout"
)

// The layout must measure exactly as fpdf draws: compare layout.Width with
// fpdf's GetStringWidth on French lines, for every face.
func TestWidthsMatchFpdf(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{
		"Aujourd’hui, l’école est peut-être fermée\u202f; pourquoi\u00a0?",
		"«\u202fUne phrase entre guillemets\u202f» — dit-elle… œuvre, cœur, Œdipe",
		"ÉÈÊËÀÂÎÏÔÙÛÜŸÇ éèêëàâîïôùûüÿç æÆ 500\u00a0000 vues, p.\u00a042",
		"https://example.org/un-lien?x=1&y=2 @violette #612R",
		"Ça\tva ? ‘quote’ “quote” – – — … € § ° ½ ¼",
		"\U0001F600 emoji and \u0378 unassigned ☃",
	}
	sizes := []float64{7, 9.5, 10.5, 12, 24}
	pdf := fpdf.New("P", "pt", "A5", "")
	for id := ID(0); id < NumFaces; id++ {
		f := set.Face(id)
		pdf.AddUTF8FontFromBytes(f.Name, f.Style, f.TTF)
		for _, size := range sizes {
			pdf.SetFont(f.Name, f.Style, size)
			for _, s := range lines {
				want := pdf.GetStringWidth(s)
				got := layout.Width(f, s, layout.Pt(size)).Points()
				if math.Abs(got-want) > 0.001 {
					t.Errorf("%s %s %.1fpt %q: layout %.4f, fpdf %.4f", f.Name, f.Style, size, s, got, want)
				}
			}
		}
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
}

func TestHas(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for id := ID(0); id < NumFaces; id++ {
		f := set.Face(id)
		for _, r := range "aéœŒ«»’…\u202f\u00a0€—" {
			if !f.Has(r) {
				t.Errorf("%s %s lacks %U", f.Name, f.Style, r)
			}
		}
		for _, r := range []rune{0x1F600, 0x0378, 0xFFFF} {
			if f.Has(r) {
				t.Errorf("%s %s claims %U", f.Name, f.Style, r)
			}
		}
	}
}

func TestLoadCustomAndBad(t *testing.T) {
	if _, err := LoadFS(os.DirFS(t.TempDir()), "missing.ttf", "builtin"); err == nil {
		t.Fatal("a missing font file should be an error")
	}
	if _, err := Parse([]byte("not a font at all")); err == nil {
		t.Fatal("garbage should not parse")
	}
}
