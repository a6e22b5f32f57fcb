package corpus

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
)

// palettes of the generated portraits: background top, bottom, silhouette.
var palettes = [photoCount][3]color.RGBA{
	{{0x2b, 0x4c, 0x7e, 255}, {0xa9, 0xc6, 0xe8, 255}, {0x1c, 0x1f, 0x2b, 255}},
	{{0x7e, 0x3b, 0x2b, 255}, {0xf0, 0xc2, 0x8e, 255}, {0x33, 0x1d, 0x17, 255}},
	{{0x2e, 0x6b, 0x4f, 255}, {0xcf, 0xe8, 0xb6, 255}, {0x17, 0x2a, 0x22, 255}},
	{{0x5b, 0x3a, 0x7e, 255}, {0xe3, 0xc8, 0xf0, 255}, {0x24, 0x17, 0x33, 255}},
	{{0x8a, 0x6d, 0x1f, 255}, {0xf5, 0xe6, 0x9f, 255}, {0x30, 0x27, 0x0c, 255}},
	{{0x44, 0x44, 0x48, 255}, {0xd8, 0xd8, 0xdc, 255}, {0x16, 0x16, 0x18, 255}},
}

// portrait draws a 400×400 gradient with a head-and-shoulders silhouette.
// image/jpeg is deterministic, so the bytes never change.
func portrait(i int) ([]byte, error) {
	const size = 400
	pal := palettes[i%photoCount]
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	lerp := func(a, b uint8, t float64) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*t) }
	// the six shared portraits are i = 0..5; others vary the head
	headX, headY, headR := 200.0+float64(i%11*7-20), 160.0+float64(i/11%5*4), 70.0+float64(i%photoCount*3)
	for y := 0; y < size; y++ {
		t := float64(y) / size
		bg := color.RGBA{lerp(pal[0].R, pal[1].R, t), lerp(pal[0].G, pal[1].G, t), lerp(pal[0].B, pal[1].B, t), 255}
		for x := 0; x < size; x++ {
			fx, fy := float64(x), float64(y)
			dx, dy := fx-headX, fy-headY
			inHead := dx*dx+dy*dy <= headR*headR
			sx, sy := (fx-headX)/150, (fy-410)/170
			inShoulders := sx*sx+sy*sy <= 1
			if inHead || inShoulders {
				img.SetRGBA(x, y, pal[2])
			} else {
				img.SetRGBA(x, y, bg)
			}
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
