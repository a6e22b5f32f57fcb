package imaging

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// normalize is Normalize at the largest side, as the tests call it.
func normalize(data []byte) ([]byte, string, error) {
	img, err := Normalize(data, MaxSide)
	return img.Data, img.Type, err
}

// pngOf builds a PNG file from its chunks, with true CRCs, so that the
// chunks' contents, not their checksums, are what is malformed.
func pngOf(chunks ...[2]string) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	for _, c := range chunks {
		binary.Write(&b, binary.BigEndian, uint32(len(c[1])))
		b.WriteString(c[0])
		b.WriteString(c[1])
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE([]byte(c[0]+c[1])))
	}
	return b.Bytes()
}

func ihdr(w, h uint32, depth, ctype, interlace byte) [2]string {
	d := make([]byte, 13)
	binary.BigEndian.PutUint32(d[0:], w)
	binary.BigEndian.PutUint32(d[4:], h)
	d[8], d[9], d[12] = depth, ctype, interlace
	return [2]string{"IHDR", string(d)}
}

func encodePNG(t testing.TB, img image.Image, interlaced bool) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// hostileImages are the images that made fpdf panic or fail, and the
// ones it cannot read (16 bits), besides well-formed ones.
func hostileImages(t testing.TB) map[string][]byte {
	rgb := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	for i := range rgb.Pix {
		rgb.Pix[i] = byte(i * 7)
	}
	deep := image.NewNRGBA64(image.Rect(0, 0, 20, 10))
	for i := range deep.Pix {
		deep.Pix[i] = byte(i * 13)
	}
	gray16 := image.NewGray16(image.Rect(0, 0, 9, 9))
	pal := image.NewPaletted(image.Rect(0, 0, 8, 8), color.Palette{color.Black, color.White, color.NRGBA{255, 0, 0, 128}})
	var jb bytes.Buffer
	jpeg.Encode(&jb, rgb, nil)
	good := encodePNG(t, rgb, false)
	return map[string][]byte{
		"rgba":            good,
		"16-bit":          encodePNG(t, deep, false),
		"gray16":          encodePNG(t, gray16, false),
		"paletted":        encodePNG(t, pal, false),
		"jpeg":            jb.Bytes(),
		"short":           good[:len(good)/2],
		"short-trns":      pngOf(ihdr(4, 4, 8, 3, 0), [2]string{"PLTE", "\x00\x00\x00"}, [2]string{"tRNS", ""}, [2]string{"IDAT", ""}, [2]string{"IEND", ""}),
		"huge-chunk":      append(pngOf(ihdr(4, 4, 8, 2, 0)), "\x7f\xff\xff\xffIDAT"...),
		"no-data":         pngOf(ihdr(4000, 4000, 8, 2, 0), [2]string{"IDAT", "x\x9c\x03\x00\x00\x00\x00\x01"}, [2]string{"IEND", ""}),
		"too-many-pixels": pngOf(ihdr(50000, 50000, 8, 2, 0), [2]string{"IEND", ""}),
	}
}

// TestNormalizeHostileImages: each image is either refused with an error
// or handed to fpdf in a form it embeds without error (and, without the
// recover of register, without a panic).
func TestNormalizeHostileImages(t *testing.T) {
	accepted := map[string]bool{"rgba": true, "16-bit": true, "gray16": true, "paletted": true, "jpeg": true}
	for name, data := range hostileImages(t) {
		out, tp, err := normalize(data)
		if accepted[name] != (err == nil) {
			t.Errorf("%s: accepted %v (err %v), want %v", name, err == nil, err, accepted[name])
			continue
		}
		if err != nil {
			continue
		}
		f := fpdf.New("P", "mm", "A5", "")
		f.RegisterImageOptionsReader("x", fpdf.ImageOptions{ImageType: tp}, bytes.NewReader(out))
		if f.Error() != nil {
			t.Errorf("%s: fpdf refuses the normalised image: %v", name, f.Error())
		}
	}
}

// TestNormalizeScalesDown: a photo larger than any printed page is
// embedded at MaxSide on its long side, proportions kept.
func TestNormalizeScalesDown(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 5000, 2500))
	var b bytes.Buffer
	jpeg.Encode(&b, img, nil)
	out, tp, err := normalize(b.Bytes())
	if err != nil || tp != "JPG" {
		t.Fatal(err, tp)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(out))
	if err != nil || cfg.Width != MaxSide || cfg.Height != MaxSide/2 {
		t.Errorf("scaled to %dx%d (%v), want %dx%d", cfg.Width, cfg.Height, err, MaxSide, MaxSide/2)
	}
	small := hostileImages(t)["jpeg"]
	if out, _, _ := normalize(small); !bytes.Equal(out, small) {
		t.Error("a JPEG that fits was re-encoded")
	}
}

// FuzzImage: whatever the bytes, normalize returns an error or an image
// that fpdf embeds without error or panic (no recover here), at most
// MaxSide on a side.
func FuzzImage(f *testing.F) {
	for _, data := range hostileImages(f) {
		f.Add(data)
	}
	for _, p := range []string{"../../contributions/photos/pieter-van-der-kraats.png", "../../editorial/logo-afri.png"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, tp, err := normalize(data)
		if err != nil {
			return
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(out))
		if err != nil || max(cfg.Width, cfg.Height) > MaxSide {
			t.Fatalf("normalised image unreadable or too large: %v %dx%d", err, cfg.Width, cfg.Height)
		}
		pdf := fpdf.New("P", "mm", "A5", "")
		pdf.RegisterImageOptionsReader("x", fpdf.ImageOptions{ImageType: tp}, bytes.NewReader(out))
		if pdf.Error() != nil {
			t.Fatalf("fpdf refuses a normalised image: %v", pdf.Error())
		}
	})
}

// BenchmarkNormalize40MP: a phone's photo, the largest photo check accepts
// (a 40-megapixel camera JPEG), and the same size as a 16-bit PNG, each
// scaled for the page.
func BenchmarkNormalize40MP(b *testing.B) {
	for _, kind := range []string{"jpeg12", "jpeg", "png16"} {
		w, h := 7300, 5470
		if kind == "jpeg12" { // a phone's 12-megapixel photo
			w, h = 4032, 3024
		}
		img := image.NewRGBA64(image.Rect(0, 0, w, h))
		for i := range img.Pix {
			img.Pix[i] = byte(i)
		}
		var buf bytes.Buffer
		if kind != "png16" {
			jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
		} else {
			(&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img)
		}
		b.Run(kind, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := normalize(buf.Bytes()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestNormalizeSidesDecodesOnce: each image NormalizeSides makes is byte
// for byte the one Normalize makes at that side alone, for JPEGs and PNGs
// (with alpha), larger and smaller than the sides, sides repeated; and
// what a hostile file gets is an error, as from Normalize.
func TestNormalizeSidesDecodesOnce(t *testing.T) {
	files := map[string][]byte{}
	for _, p := range []string{"../../contributions/photos/elodie-marchetti.jpg", "../../contributions/photos/pieter-van-der-kraats.png", "../../editorial/logo-afri.png"} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = data
	}
	for name, data := range hostileImages(t) {
		files["hostile "+name] = data
	}
	sides := []int{320, 640, 0, 100000, 320, 64}
	for name, data := range files {
		got, err := NormalizeSides(data, sides...)
		for k, side := range sides {
			want, werr := Normalize(data, side)
			if (err != nil) != (werr != nil) {
				t.Fatalf("%s at %d: NormalizeSides says %v, Normalize %v", name, side, err, werr)
			}
			if err != nil {
				continue
			}
			if got[k].Type != want.Type || !bytes.Equal(got[k].Data, want.Data) {
				t.Errorf("%s at %d: not the image Normalize makes alone (%s, %d bytes; want %s, %d)", name, side, got[k].Type, len(got[k].Data), want.Type, len(want.Data))
			}
		}
	}
}
