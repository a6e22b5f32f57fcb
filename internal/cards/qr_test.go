package cards

import (
	"image"
	"image/color"
	"testing"

	"github.com/makiuchi-d/gozxing"
	gzqr "github.com/makiuchi-d/gozxing/qrcode"

	"github.com/recueil/recueil/internal/book"
)

// readQR finds and reads a QR code anywhere in img with ZXing's detector,
// as a phone's camera app would.
func readQR(img image.Image) (string, error) {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", err
	}
	res, err := gzqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		return "", err
	}
	return res.GetText(), nil
}

// The square and portrait cards carry a QR code that a reader finds on
// the whole card and that leads to the contributor's page; the wide card,
// a link preview, has none; a book without url has none.
func TestQRCodeLeadsToThePage(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cards book.Cards
	}{
		{"defaults", book.Defaults().Cards},
		{"light", book.Cards{Background: "#fbf7ef", Accent: "#b3261e", Text: "#222222"}},
		{"low contrast", book.Cards{Background: "#777777", Accent: "#eeeeee", Text: "#999999"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := testBook()
			b.Cards = tc.cards
			cs, cards, _ := renderSamples(t, b, testFiles(), 2)
			for i, c := range cards {
				want := b.PageURL(cs[i].Slug)
				for _, k := range []struct {
					what string
					data []byte
				}{{"square", c.Square}, {"portrait", c.Portrait}} {
					got, err := readQR(decode(t, k.data))
					if err != nil || got != want {
						t.Errorf("%s %s card: QR code reads %q (%v), want %q", cs[i].Slug, k.what, got, err, want)
					}
				}
				if got, err := readQR(decode(t, c.Wide)); err == nil {
					t.Errorf("%s wide card has a QR code (%q)", cs[i].Slug, got)
				}
			}
		})
	}
	b := testBook()
	b.URL = ""
	_, cards, _ := renderSamples(t, b, testFiles(), 1)
	for _, c := range cards {
		if got, err := readQR(decode(t, c.Square)); err == nil {
			t.Errorf("a book without url has a QR code on its square card (%q)", got)
		}
	}
}

// Text on a card reads at 4.5:1 at least, whatever colours book.yaml
// gives: a pale accent on a pale ground is darkened for text.
func TestReadableText(t *testing.T) {
	for _, tc := range []struct{ c, bg color.RGBA }{
		{color.RGBA{0xe8, 0xb0, 0x4b, 255}, color.RGBA{0xff, 0xff, 0xff, 255}},
		{color.RGBA{0xe8, 0xb0, 0x4b, 255}, color.RGBA{0x1f, 0x2a, 0x44, 255}},
		{color.RGBA{0x30, 0x30, 0x40, 255}, color.RGBA{0x20, 0x20, 0x30, 255}},
		{color.RGBA{0x77, 0x77, 0x77, 255}, color.RGBA{0x88, 0x88, 0x88, 255}},
	} {
		got := readable(tc.c, tc.bg)
		if r := contrast(got, tc.bg); r < 4.5 {
			t.Errorf("%v on %v: %v is %.2f:1", tc.c, tc.bg, got, r)
		}
	}
	// A colour that reads already is kept.
	gold, navy := color.RGBA{0xe8, 0xb0, 0x4b, 255}, color.RGBA{0x1f, 0x2a, 0x44, 255}
	if got := readable(gold, navy); got != gold {
		t.Errorf("the default gold on navy was changed to %v", got)
	}
}
