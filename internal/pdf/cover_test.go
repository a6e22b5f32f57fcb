package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/recueil/recueil/internal/typeset/testbook"
)

// TestCutCoverReduced: an offprint's cover page draws the book's cover
// image made for its own size, as a drawn offprint does (the same pixels
// at 150 dpi), not the book's full-page image: the cut offprint is smaller
// than that image alone, and the book still carries it whole.
func TestCutCoverReduced(t *testing.T) {
	need(t, "qpdf", "pdftoppm")
	dir := t.TempDir()
	b, err := testbook.New(dir, 3)
	if err != nil {
		t.Fatal(err)
	}
	// a print-grade cover: 1750 × 2500 pixels of noise-free gradients,
	// a JPEG of several hundred KB
	img := image.NewRGBA(image.Rect(0, 0, 1750, 2500))
	for y := 0; y < 2500; y++ {
		for x := 0; x < 1750; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 7 % 256), uint8(y * 3 % 256), uint8((x ^ y) % 256), 255})
		}
	}
	var jp bytes.Buffer
	if err := jpeg.Encode(&jp, img, &jpeg.Options{Quality: 92}); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "editorial"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "editorial", "cover.jpg"), jp.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b.Cover = "editorial/cover.jpg"
	r, whole := typesetPDF(t, b)
	if len(whole) < jp.Len()/2 {
		t.Fatalf("the book (%d bytes) does not carry its %d-byte cover", len(whole), jp.Len())
	}
	c, err := NewCutter(whole, r, b)
	if err != nil {
		t.Fatal(err)
	}
	pr := r.Contributions[0]
	var cut, drawn bytes.Buffer
	if err := c.Cut(&cut, pr.First, pr.Last); err != nil {
		t.Fatal(err)
	}
	if err := WritePages(&drawn, r, b, pr.First, pr.Last); err != nil {
		t.Fatal(err)
	}
	if cut.Len() >= jp.Len()/2 {
		t.Errorf("the offprint is %d bytes: it carries the %d-byte full cover", cut.Len(), jp.Len())
	}
	cp, dp := filepath.Join(dir, "cut.pdf"), filepath.Join(dir, "drawn.pdf")
	os.WriteFile(cp, cut.Bytes(), 0o644)
	os.WriteFile(dp, drawn.Bytes(), 0o644)
	run(t, "qpdf", "--check", cp)
	for _, dpi := range []string{"50", "150"} {
		a, d := page1(t, cp, dpi), page1(t, dp, dpi)
		if len(a) < 1000 || !bytes.Equal(a, d) {
			t.Errorf("the cover page renders differently cut and drawn at %s dpi (%d and %d bytes of PNG)", dpi, len(a), len(d))
		}
	}
}

// page1 is the first page of the PDF at path as pdftoppm renders it, a PNG.
func page1(t *testing.T, path, dpi string) []byte {
	t.Helper()
	out, err := exec.Command("pdftoppm", "-r", dpi, "-png", "-f", "1", "-l", "1", path).Output()
	if err != nil {
		t.Fatalf("pdftoppm %s: %v", path, err)
	}
	return out
}
