package pdf

import (
	"image/color"
	"strings"

	"github.com/boombuler/barcode/ean"

	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/internal/typeset"
	"github.com/recueil/recueil/layout"
)

// ISBN13 is isbn (checked by the loader, hyphens and spaces allowed) as
// 13 digits: an ISBN-10 becomes 978 and its first nine digits with a new
// check digit. "" when it is neither.
func ISBN13(isbn string) string {
	var d []byte
	for _, c := range strings.ToUpper(isbn) {
		if c >= '0' && c <= '9' || c == 'X' {
			d = append(d, byte(c))
		}
	}
	switch len(d) {
	case 13:
		return string(d)
	case 10:
		s := "978" + string(d[:9])
		sum := 0
		for i := range 12 {
			w := 1
			if i%2 == 1 {
				w = 3
			}
			sum += int(s[i]-'0') * w
		}
		return s + string(rune('0'+(10-sum%10)%10))
	}
	return ""
}

// eanModule is the width of one bar module: 0.33 mm, the EAN-13's
// nominal size (37.29 mm for the 113 modules with their quiet zones).
var eanModule = layout.Mm(0.33)

// Barcode lays out the EAN-13 of isbn13 with its top-left corner at
// (x, y), on a white field with its quiet zones, the ISBN above the bars
// and the digits below; it returns the elements and the field's size. The
// bars come from github.com/boombuler/barcode's ean encoder.
func Barcode(r *typeset.Result, isbn13 string, x, y layout.Unit) ([]layout.Element, layout.Unit, layout.Unit, error) {
	bc, err := ean.Encode(isbn13)
	if err != nil {
		return nil, 0, 0, err
	}
	face := r.Fonts.Face(fonts.Sans)
	size := layout.Pt(8)
	n := bc.Bounds().Dx() // 95 modules
	quiet := 11 * eanModule
	w := 2*quiet + layout.Unit(n)*eanModule
	barH := layout.Mm(22)
	h := layout.Mm(2) + size + barH + size + layout.Mm(2)
	deco := func(e layout.Element) layout.Element { e.Node = layout.Decoration; return e }
	els := []layout.Element{deco(layout.Element{Kind: layout.RectElement, X: x, Y: y, W: w, H: h, Color: layout.Color{R: 255, G: 255, B: 255}})}
	label := "ISBN " + isbn13[:3] + "-" + isbn13[3:]
	tw := layout.Width(face, label, size)
	els = append(els, deco(layout.Element{Kind: layout.TextElement, Face: int(fonts.Sans), Size: size, Text: label, X: x + (w-tw)/2, Y: y + layout.Mm(1.5) + size, W: tw}))
	top := y + layout.Mm(2) + size + layout.Mm(1)
	for i := 0; i < n; {
		if !dark(bc.At(bc.Bounds().Min.X+i, bc.Bounds().Min.Y)) {
			i++
			continue
		}
		j := i
		for j < n && dark(bc.At(bc.Bounds().Min.X+j, bc.Bounds().Min.Y)) {
			j++
		}
		els = append(els, deco(layout.Element{Kind: layout.RectElement, X: x + quiet + layout.Unit(i)*eanModule, Y: top, W: layout.Unit(j-i) * eanModule, H: barH - size/2, Color: layout.Black}))
		i = j
	}
	digits := isbn13
	dw := layout.Width(face, digits, size)
	els = append(els, deco(layout.Element{Kind: layout.TextElement, Face: int(fonts.Sans), Size: size, Text: digits, X: x + (w-dw)/2, Y: top + barH + size/2, W: dw}))
	return els, w, h, nil
}

func dark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r+g+b < 3*0x8000
}
