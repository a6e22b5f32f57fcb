// Package raster draws a laid-out page into an image, for previews: the
// same positions the PDF writer uses, rendered with golang.org/x/image.
package raster

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	_ "image/jpeg" // photos
	_ "image/png"  // photos and logos
	"io/fs"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/recueil/recueil/layout"
)

// Page draws page of doc at the given resolution (dots per inch). faces
// holds the TrueType data of the document's face table, by index.
func Page(doc *layout.Document, page *layout.Page, faces [][]byte, dpi float64, files fs.FS) (*image.RGBA, error) {
	scale := dpi / 72 // pixels per point
	px := func(u layout.Unit) float64 { return u.Points() * scale }
	w, h := int(px(doc.Width)+0.5), int(px(doc.Height)+0.5)
	if w <= 0 || h <= 0 || w*h > 50_000_000 {
		return nil, fmt.Errorf("raster: page of %d×%d pixels", w, h)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	parsed := make([]*opentype.Font, len(faces))
	type faceKey struct {
		face int
		size layout.Unit
	}
	cache := map[faceKey]font.Face{}
	defer func() {
		for _, f := range cache {
			f.Close()
		}
	}()
	face := func(i int, size layout.Unit) (font.Face, error) {
		if i < 0 || i >= len(faces) {
			return nil, fmt.Errorf("raster: no face %d", i)
		}
		k := faceKey{i, size}
		if f, ok := cache[k]; ok {
			return f, nil
		}
		if parsed[i] == nil {
			f, err := opentype.Parse(faces[i])
			if err != nil {
				return nil, err
			}
			parsed[i] = f
		}
		f, err := opentype.NewFace(parsed[i], &opentype.FaceOptions{Size: size.Points(), DPI: dpi, Hinting: font.HintingNone})
		if err != nil {
			return nil, err
		}
		cache[k] = f
		return f, nil
	}
	rgba := func(c layout.Color) color.RGBA { return color.RGBA{c.R, c.G, c.B, 255} }
	for _, e := range page.Elements {
		switch e.Kind {
		case layout.RectElement:
			r := image.Rect(int(px(e.X)), int(px(e.Y)), int(px(e.X+e.W)+0.5), int(px(e.Y+e.H)+0.5))
			draw.Draw(img, r, image.NewUniform(rgba(e.Color)), image.Point{}, draw.Over)
		case layout.RuleElement:
			t := max(1, int(px(e.Size)+0.5))
			r := image.Rect(int(px(e.X)), int(px(e.Y)), int(px(e.X+e.W)+0.5), int(px(e.Y+e.H)+0.5))
			if r.Dy() < t {
				r.Max.Y = r.Min.Y + t
			}
			if r.Dx() < t {
				r.Max.X = r.Min.X + t
			}
			draw.Draw(img, r, image.NewUniform(rgba(e.Color)), image.Point{}, draw.Over)
		case layout.ImageElement:
			f, err := files.Open(e.Src)
			if err != nil {
				continue // the PDF writer reports unreadable images
			}
			src, _, err := image.Decode(f)
			f.Close()
			if err != nil {
				continue
			}
			r := image.Rect(int(px(e.X)), int(px(e.Y)), int(px(e.X+e.W)+0.5), int(px(e.Y+e.H)+0.5))
			xdraw.CatmullRom.Scale(img, r, src, src.Bounds(), draw.Over, nil)
		case layout.TextElement:
			f, err := face(e.Face, e.Size)
			if err != nil {
				return nil, err
			}
			d := font.Drawer{Dst: img, Src: image.NewUniform(rgba(e.Color)), Face: f,
				Dot: fixed.Point26_6{X: fixed.Int26_6(px(e.X) * 64), Y: fixed.Int26_6(px(e.Y) * 64)}}
			d.DrawString(e.Text)
		}
	}
	return img, nil
}
