package raster

import (
	"image/color"
	"testing"
	"testing/fstest"

	"github.com/go-fonts/liberation/liberationserifregular"

	"github.com/recueil/recueil/layout"
)

// TestPageDrawsWhereTold draws a rectangle and a word and checks that ink
// lands where the elements are and nowhere else.
func TestPageDrawsWhereTold(t *testing.T) {
	doc := &layout.Document{Width: layout.Pt(200), Height: layout.Pt(100)}
	p := doc.NewPage()
	p.Add(layout.Element{Kind: layout.RectElement, X: layout.Pt(10), Y: layout.Pt(10), W: layout.Pt(20), H: layout.Pt(20), Color: layout.Color{R: 255}})
	p.Add(layout.Element{Kind: layout.TextElement, X: layout.Pt(100), Y: layout.Pt(60), Face: 0, Size: layout.Pt(20), Text: "Été"})
	img, err := Page(doc, p, [][]byte{liberationserifregular.TTF}, 72, fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() != 200 || img.Bounds().Dy() != 100 {
		t.Fatalf("size %v", img.Bounds())
	}
	if c := img.RGBAAt(20, 20); c != (color.RGBA{255, 0, 0, 255}) {
		t.Errorf("inside the rectangle: %v", c)
	}
	ink := func(x0, y0, x1, y1 int) int {
		n := 0
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				if c := img.RGBAAt(x, y); c.R < 128 && c.G < 128 {
					n++
				}
			}
		}
		return n
	}
	if n := ink(100, 40, 140, 62); n < 20 {
		t.Errorf("the word left %d dark pixels where it should be", n)
	}
	if n := ink(40, 0, 95, 100) + ink(150, 0, 200, 100); n != 0 {
		t.Errorf("%d dark pixels where nothing was drawn", n)
	}
}
