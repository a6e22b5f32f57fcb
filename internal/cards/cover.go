package cards

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"strings"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/typo"
)

// Cover sizes: 1600 × 2400 px, the 2:3 portrait that Apple Books, Kobo
// and Google Play Books ask of an EPUB's cover image.
const coverW, coverH = 1600, 2400

// Cover draws a cover image for a book whose book.yaml names none, as a
// PNG: the typographic cover of the PDF (the title in bold sans, the
// subtitle in italic, the editors at the foot, the accent's bar above the
// title) on the cards' colours, the text at least 4.5:1 against them.
// The EPUB shows it in reading systems' libraries, which show a blank
// otherwise.
func Cover(b *book.Book, files fs.FS) ([]byte, book.Diagnostics, error) {
	fset, err := loadFonts(b, files)
	if err != nil {
		return nil, nil, err
	}
	bp := prepareBook(b, files)
	img := image.NewRGBA(image.Rect(0, 0, coverW, coverH))
	fillRect(img, img.Rect, bp.bg)
	ink := readable(bp.text, bp.bg)
	margin := 160.0
	width := float64(coverW) - 2*margin
	y := float64(coverH) * 0.30
	fillRect(img, image.Rect(int(margin), int(y-100), int(margin)+260, int(y-100)+18), bp.accent)
	cache := make(glyphCache)
	block := func(f *metrics, size, leading float64, s string, col color.Color) {
		p := newPen(f, size, cache)
		asc, _ := f.vmetrics(size)
		for _, l := range wrapWords(s, func(t string) float64 { return p.width(t) }, width) {
			p.draw(img, margin, y+asc, l, solid(col))
			y += leading
		}
	}
	lang := b.Locale().Tag.String()
	block(newMetrics(fset.bold, fset.emoji), 150, 172, typo.StringIn(b.TypographyOf(lang), b.Title), ink)
	if b.Subtitle != "" {
		y += 60
		block(newMetrics(fset.quote, fset.emoji), 76, 96, typo.StringIn(b.TypographyOf(lang), b.Subtitle), ink)
	}
	if len(b.Editors) > 0 {
		y = float64(coverH) - 320
		block(newMetrics(fset.sans, fset.emoji), 58, 72, typo.StringIn(b.TypographyOf(lang), b.Locale().JoinNames(b.Editors)), ink)
	}
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return nil, bp.diags, err
	}
	return out.Bytes(), bp.diags, nil
}

// wrapWords breaks s into lines no wider than w (a word wider than w has
// a line of its own).
func wrapWords(s string, width func(string) float64, w float64) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		if cur == "" {
			cur = word
			continue
		}
		if width(cur+" "+word) <= w {
			cur += " " + word
			continue
		}
		lines = append(lines, cur)
		cur = word
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
