package qr

import (
	"image"
	"image/color"
	"testing"

	"github.com/makiuchi-d/gozxing"
	gzqr "github.com/makiuchi-d/gozxing/qrcode"
)

// Render draws c at px pixels per module with its quiet zone, black on
// white, from its runs (as the cards and the PDF draw it).
func render(c *Code, px int) *image.Gray {
	side := (c.Size() + 2*QuietZone) * px
	img := image.NewGray(image.Rect(0, 0, side, side))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	c.Runs(func(y, x0, n int) {
		for yy := (y + QuietZone) * px; yy < (y+QuietZone+1)*px; yy++ {
			for xx := (x0 + QuietZone) * px; xx < (x0+QuietZone+n)*px; xx++ {
				img.SetGray(xx, yy, color.Gray{})
			}
		}
	})
	return img
}

// Decode reads the code in img with ZXing's decoder.
func Decode(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := gzqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_PURE_BARCODE: true})
	if err != nil {
		t.Fatalf("ZXing cannot read the code: %v", err)
	}
	return res.GetText()
}

func TestEncodeReads(t *testing.T) {
	for _, u := range []string{
		"https://example.org/livre-blanc/camille-de-la-tour.html",
		"https://recueil.example/é/ß/",
		"https://x.example/abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz",
	} {
		c, err := Encode(u)
		if err != nil {
			t.Fatal(err)
		}
		if got := Decode(t, render(c, 4)); got != u {
			t.Errorf("decoded %q, want %q", got, u)
		}
	}
}

func TestEncodeDeterministicAndSized(t *testing.T) {
	u := "https://example.org/livre-blanc/camille-de-la-tour.html"
	a, _ := Encode(u)
	b, _ := Encode(u)
	if a.Size() != b.Size() {
		t.Fatal("two sizes for one text")
	}
	for y := range a.Dark {
		for x := range a.Dark[y] {
			if a.Dark[y][x] != b.Dark[y][x] {
				t.Fatalf("module %d,%d differs between two encodings", x, y)
			}
		}
	}
	// 55 bytes at level M: version 4, 33 modules.
	if a.Size() != 33 {
		t.Errorf("size %d, want 33 (version 4)", a.Size())
	}
	n := 0
	a.Runs(func(y, x0, k int) {
		for x := x0; x < x0+k; x++ {
			if !a.Dark[y][x] {
				t.Fatalf("run over a light module at %d,%d", x, y)
			}
			n++
		}
	})
	dark := 0
	for _, row := range a.Dark {
		for _, d := range row {
			if d {
				dark++
			}
		}
	}
	if n != dark {
		t.Errorf("runs cover %d modules, %d are dark", n, dark)
	}
	if _, err := Encode(""); err == nil {
		t.Error("an empty text encoded")
	}
}

// TestEncodeOnce: the same text gives the very same code, made once; another
// text another code.
func TestEncodeOnce(t *testing.T) {
	a, err := Encode("https://example.org/site/a.html")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Encode("https://example.org/site/a.html")
	c, _ := Encode("https://example.org/site/b.html")
	if a != b {
		t.Error("the same text was encoded twice")
	}
	if c == a || Decode(t, render(c, 4)) != "https://example.org/site/b.html" {
		t.Error("another text did not give its own code")
	}
}
