package cards

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"math"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/recueil/recueil/internal/book"
)

// drawnCard paints the wide card of c as render does, and returns the
// canvas before encoding.
func drawnCard(t *testing.T, b *book.Book, c *book.Contribution, files fstest.MapFS) *image.RGBA {
	t.Helper()
	fonts, err := loadFonts(b, files)
	if err != nil {
		t.Fatal(err)
	}
	bp := prepareBook(b, files)
	if len(bp.diags) > 0 {
		t.Fatal(bp.diags.Text())
	}
	m := &faces{quote: newMetrics(fonts.quote, nil), serif: newMetrics(fonts.serif, nil),
		bold: newMetrics(fonts.bold, nil), sans: newMetrics(fonts.sans, nil), fonts: fonts}
	d := wideDesign()
	d.logo = bp.logo[0]
	f := fields{quote: words(c.Extract), open: "«\u202f", close: "\u202f»", name: c.Name, role: c.Role,
		handle: c.Handle, title: b.Title, tag: b.Hashtag, url: shortURL(b.URL)}
	p := d.plan(m, &f)
	_, qs, _ := fitBoth(&f, m.quote, []*design{d}, []*plan{p})
	img := image.NewRGBA(image.Rect(0, 0, d.W, d.H))
	d.draw(img, &scratch{}, m, bp, p, qs[0], nil)
	return img
}

// TestPNGRoundTrip encodes cards and reads them back with image/png: with
// few colours (exact palette), with many (median cut) and as RGB. Exact
// encodings must give every pixel back; the median cut must keep the
// background exact and every pixel close to what was drawn.
func TestPNGRoundTrip(t *testing.T) {
	b := testBook()
	b.Cards.Logo = "editorial/logo.png"
	files := testFiles()
	// A logo of 8×4 colour blocks: once scaled, their blurred edges make
	// more than 256 colours.
	grad := image.NewRGBA(image.Rect(0, 0, 320, 100))
	for y := 0; y < 100; y++ {
		for x := 0; x < 320; x++ {
			grad.Set(x, y, color.RGBA{uint8(x / 40 * 36), uint8(y / 25 * 80), uint8(255 - x/40*36), 255})
		}
	}
	files["editorial/logo.png"] = &fstest.MapFile{Data: encodeStd(t, grad)}
	c := contributions()[2] // accents
	img := drawnCard(t, b, c, files)
	bg := img.RGBAAt(0, 0)

	e := newEncoder()
	if !e.index(img) || len(e.cols) <= 256 {
		t.Fatalf("test card has %d colours, want more than 256", len(e.cols))
	}
	// The pixel counts, kept by runs and repeated rows, are exact, and the
	// runs give every pixel its colour.
	idOf := map[uint32]int{}
	for i, c := range e.cols {
		idOf[c] = i
	}
	count := make([]int, len(e.cols))
	for y := 0; y < img.Rect.Dy(); y++ {
		at := y
		for e.same[at] {
			at--
		}
		var ids []int
		for _, r := range e.runs[e.rowAt[at]:e.rowAt[at+1]] {
			for range r.n {
				ids = append(ids, int(r.id))
			}
		}
		if len(ids) != img.Rect.Dx() {
			t.Fatalf("row %d: runs of %d pixels, want %d", y, len(ids), img.Rect.Dx())
		}
		for x := range img.Rect.Dx() {
			c := binary.LittleEndian.Uint32(img.Pix[y*img.Stride+4*x:])
			count[idOf[c]]++
			if ids[x] != idOf[c] {
				t.Fatalf("pixel %d,%d: colour %d in its run, %d drawn", x, y, ids[x], idOf[c])
			}
		}
	}
	if !slices.Equal(count, e.n) {
		t.Errorf("colour counts differ from a pixel-by-pixel count")
	}
	for _, tc := range []struct {
		name     string
		paletted bool
		exact    bool
	}{{"rgb", false, true}, {"median cut", true, false}} {
		data, err := e.encode(img, tc.paletted)
		if err != nil {
			t.Fatal(err)
		}
		got := decode(t, data)
		if _, ok := got.(*image.Paletted); ok != tc.paletted {
			t.Errorf("%s: decoded as %T", tc.name, got)
		}
		var worst, sum float64
		for y := 0; y < img.Rect.Dy(); y++ {
			for x := 0; x < img.Rect.Dx(); x++ {
				want := img.RGBAAt(x, y)
				r, g, bb, _ := got.At(x, y).RGBA()
				d := math.Sqrt(sq(float64(r>>8)-float64(want.R)) + sq(float64(g>>8)-float64(want.G)) + sq(float64(bb>>8)-float64(want.B)))
				if want == bg && d != 0 {
					t.Fatalf("%s: background pixel (%d,%d) written as %v", tc.name, x, y, got.At(x, y))
				}
				worst = max(worst, d)
				sum += d
			}
		}
		mean := sum / float64(img.Rect.Dx()*img.Rect.Dy())
		t.Logf("%s: %d bytes, worst colour distance %.1f, mean %.3f", tc.name, len(data), worst, mean)
		if tc.exact && worst != 0 {
			t.Errorf("%s: not exact (worst distance %.1f)", tc.name, worst)
		}
		if !tc.exact && (worst > 16 || mean > 0.2) {
			t.Errorf("%s: worst colour distance %.1f, mean %.3f: too far from the card drawn", tc.name, worst, mean)
		}
	}

	// 200 colours: an exact palette, every pixel given back.
	img = image.NewRGBA(image.Rect(0, 0, 400, 300))
	for y := 0; y < 300; y++ {
		for x := 0; x < 400; x++ {
			k := (x/20 + y/30*20) % 200
			img.SetRGBA(x, y, color.RGBA{uint8(k), uint8(255 - k), uint8(k * 7), 255})
		}
	}
	data, err := e.encode(img, true)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := decode(t, data).(*image.Paletted)
	if !ok || len(e.cols) != 200 || len(got.Palette) != 200 {
		t.Fatalf("200-colour image: %d colours, decoded as %T", len(e.cols), got)
	}
	for y := 0; y < img.Rect.Dy(); y++ {
		for x := 0; x < img.Rect.Dx(); x++ {
			r, g, bb, _ := got.At(x, y).RGBA()
			if w := img.RGBAAt(x, y); uint8(r>>8) != w.R || uint8(g>>8) != w.G || uint8(bb>>8) != w.B {
				t.Fatalf("exact palette: pixel (%d,%d) is %v, drawn %v", x, y, got.At(x, y), w)
			}
		}
	}
}

func sq(x float64) float64 { return x * x }

func encodeStd(t *testing.T, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
