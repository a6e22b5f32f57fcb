package pdf

import (
	"image"
	"image/color"
	"image/draw"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/oned"

	"github.com/recueil/recueil/layout"
)

func TestISBN13(t *testing.T) {
	for in, want := range map[string]string{
		"979-10-00000-00-8": "9791000000008",
		"2-07-036024-8":     "9782070360246", // an ISBN-10: 978, nine digits, a new check digit
		"0-306-40615-2":     "9780306406157",
		"123":               "",
	} {
		if got := ISBN13(in); got != want {
			t.Errorf("ISBN13(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBarcodeDecodes draws the bars Barcode lays out and reads them back
// with ZXing's EAN-13 reader.
func TestBarcodeDecodes(t *testing.T) {
	_, r, _ := build(t, t.TempDir(), 2)
	for _, code := range []string{"9791000000008", "9780306406157"} {
		els, w, h, err := Barcode(r, code, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		const px = 4 // pixels per module
		scale := func(u layout.Unit) int { return int(float64(u)/float64(eanModule)*px + 0.5) }
		img := image.NewGray(image.Rect(0, 0, scale(w), scale(h)))
		draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
		bars := 0
		for _, e := range els {
			if e.Kind == layout.RectElement && e.Color == layout.Black {
				bars++
				draw.Draw(img, image.Rect(scale(e.X), scale(e.Y), scale(e.X+e.W), scale(e.Y+e.H)), &image.Uniform{color.Black}, image.Point{}, draw.Src)
			}
		}
		if bars != 30 { // an EAN-13 has 30 bars
			t.Errorf("%s: %d bars", code, bars)
		}
		bmp, err := gozxing.NewBinaryBitmapFromImage(img)
		if err != nil {
			t.Fatal(err)
		}
		res, err := oned.NewEAN13Reader().Decode(bmp, nil)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		if res.GetText() != code {
			t.Errorf("read %s, want %s", res.GetText(), code)
		}
	}
}
