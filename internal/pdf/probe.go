package pdf

import (
	"bytes"
	"fmt"
	"io"
	"math"

	"codeberg.org/go-pdf/fpdf"

	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/internal/imaging"
	"github.com/recueil/recueil/layout"
)

// DPI is the resolution images are embedded at, at most.
const DPI = 300

// PrintSides returns, for each image file the documents draw, the longest
// side in pixels it needs to print at DPI in the largest box it is drawn
// in, at most imaging.MaxSide.
func PrintSides(docs ...*layout.Document) map[string]int {
	sides := map[string]int{}
	for _, doc := range docs {
		for _, p := range doc.Pages {
			for _, e := range p.Elements {
				if e.Kind == layout.ImageElement && e.Src != "" {
					side := int(math.Ceil(max(pt(e.W), pt(e.H)) / 72 * DPI))
					sides[e.Src] = min(imaging.MaxSide, max(sides[e.Src], side, 1))
				}
			}
		}
	}
	return sides
}

// register hands an image to fpdf; a panic of fpdf's parser becomes an
// error, so that one bad file is a message, not a crash.
func register(f *fpdf.Fpdf, name, tp string, data []byte) (info *fpdf.ImageInfoType, err error) {
	defer func() {
		if r := recover(); r != nil {
			info, err = nil, fmt.Errorf("the PDF library cannot read it (%v)", r)
		}
	}()
	info = f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: tp}, bytes.NewReader(data))
	if err := f.Error(); err != nil {
		return nil, err
	}
	return info, nil
}

// ProbeFont embeds a TrueType font in a small PDF exactly as the book does
// (trimmed to the characters drawn, then given to fpdf) and reports why it
// cannot be used: check calls it on the book's own fonts, so that a font
// with a damaged table is a finding, not a failure of compile.
func ProbeFont(ttf []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &fonts.Problem{Why: fonts.Damaged, Detail: fmt.Sprintf("the PDF library cannot read it (%v)", r)}
		}
	}()
	face, err := fonts.Parse(ttf)
	if err != nil {
		return err
	}
	if err := fonts.Validate(ttf); err != nil {
		return err
	}
	text := "Aa Éé àâçèêëîïôœùûü « » – — ’ 0123456789 ?!;:"
	var runes []rune
	for _, r := range text {
		if face.Has(r) {
			runes = append(runes, r)
		}
	}
	if len(runes) == 0 {
		return &fonts.Problem{Why: fonts.NoLatin, Detail: "it has none of the Latin letters"}
	}
	trimmed, err := face.Trim(runes)
	if err != nil {
		return err
	}
	if err := fonts.Validate(trimmed); err != nil {
		return err
	}
	f := fpdf.New("P", "mm", "A5", "")
	f.SetCompression(false)
	f.AddUTF8FontFromBytes("probe", "", trimmed)
	f.AddPage()
	f.SetFont("probe", "", 11)
	f.Cell(0, 10, string(runes))
	return f.Output(io.Discard)
}
