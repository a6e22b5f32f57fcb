package load

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

// withOrientation is a small JPEG carrying an EXIF Orientation tag, in
// the given byte order ("II" or "MM"); o == 0 writes no EXIF at all.
func withOrientation(t *testing.T, o int, order string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, 40, 30)), nil); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if o == 0 {
		return data
	}
	le := order == "II"
	u16 := func(v int) []byte {
		if le {
			return []byte{byte(v), byte(v >> 8)}
		}
		return []byte{byte(v >> 8), byte(v)}
	}
	u32 := func(v int) []byte {
		if le {
			return []byte{byte(v), byte(v >> 8), byte(v >> 16), byte(v >> 24)}
		}
		return []byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
	}
	tiff := []byte(order)
	tiff = append(tiff, u16(42)...)
	tiff = append(tiff, u32(8)...)
	tiff = append(tiff, u16(2)...) // two entries: Make, then Orientation
	tiff = append(tiff, u16(0x010f)...)
	tiff = append(tiff, u16(2)...)
	tiff = append(tiff, u32(4)...)
	tiff = append(tiff, []byte("abc\x00")...)
	tiff = append(tiff, u16(0x0112)...)
	tiff = append(tiff, u16(3)...)
	tiff = append(tiff, u32(1)...)
	tiff = append(tiff, u16(o)...)
	tiff = append(tiff, 0, 0)
	tiff = append(tiff, u32(0)...)
	payload := append([]byte("Exif\x00\x00"), tiff...)
	seg := append([]byte{0xff, 0xe1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}, payload...)
	return append(append(append([]byte{}, data[:2]...), seg...), data[2:]...)
}

// A JPEG whose EXIF tag says it is stored on its side is used, with a
// warning; an upright one (tag 1, or no tag) passes silently.
func TestRotatedPhotoWarns(t *testing.T) {
	for _, tc := range []struct {
		o     int
		order string
		warn  bool
	}{{0, "", false}, {1, "MM", false}, {6, "MM", true}, {8, "II", true}, {3, "II", true}, {2, "MM", true}} {
		root := t.TempDir()
		os.MkdirAll(filepath.Join(root, "contributions", "photos"), 0o755)
		os.WriteFile(filepath.Join(root, "contributions", "photos", "p.jpg"), withOrientation(t, tc.o, tc.order), 0o644)
		rel, prob := resolveAsset(root, "contributions", "photos/p.jpg", 5<<20)
		if rel != "contributions/photos/p.jpg" {
			t.Errorf("orientation %d: photo refused: %+v", tc.o, prob)
		}
		if got := prob != nil && prob.warn && prob.kind == "rotated"; got != tc.warn {
			t.Errorf("orientation %d (%s): warning %v, want %v (%+v)", tc.o, tc.order, got, tc.warn, prob)
		}
	}
}

// The EXIF reader never reads past what it was given.
func TestExifOrientationDamaged(t *testing.T) {
	full := withOrientation(t, 6, "II")
	for n := 0; n < 80 && n < len(full); n++ {
		exifOrientation(bytes.NewReader(full[:n]))
	}
	if o := exifOrientation(bytes.NewReader(full)); o != 6 {
		t.Errorf("orientation %d, want 6", o)
	}
}
