package load

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
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

// A photo path that is not found suggests the file meant: same name but
// for case and accents, or .jpeg for .jpg, in its folder or in photos/.
func TestPhotoDidYouMean(t *testing.T) {
	root := t.TempDir()
	photos := filepath.Join(root, "contributions", "photos")
	os.MkdirAll(photos, 0o755)
	for _, n := range []string{"Jean.JPG", "hélène.png", "paul.jpeg"} {
		os.WriteFile(filepath.Join(photos, n), []byte("x"), 0o644)
	}
	os.WriteFile(filepath.Join(root, "secret.jpg"), []byte("x"), 0o644)
	files := book.DirFS(root)
	for in, want := range map[string]string{
		"photos/jean.jpg":   "photos/Jean.JPG",
		"photos/JEAN.jpeg":  "photos/Jean.JPG",
		"photos/helene.png": "photos/hélène.png",
		"Hélène.PNG":        "photos/hélène.png",
		"photos/paul.jpg":   "photos/paul.jpeg",
		"photos/autre.jpg":  "",
		"../secret.jpg":     "",
		"../../secret.jpg":  "",
	} {
		if got := SuggestAsset(files, "contributions", in); got != want {
			t.Errorf("SuggestAsset(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPhotoMissingSuggests(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "contributions", "photos"), 0o755)
	os.WriteFile(filepath.Join(root, "book.yaml"), []byte("title: Livre\ndate: 2026-11-21\nidentifier: \"urn:x\"\n"), 0o644)
	os.WriteFile(filepath.Join(root, "contributions", "photos", "Jean.JPG"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(root, "contributions", "jean.md"), []byte("---\nname: Jean\nrole: x\nphoto: photos/jean.jpg\n---\nUn texte.\n"), 0o644)
	_, d, err := Load(Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	want := "contributions/jean.md:4:8: error: Le fichier « photos/jean.jpg » est introuvable : vouliez-vous dire « photos/Jean.JPG » ?"
	if len(d) != 1 || !strings.HasPrefix(d[0].String(), want) || d[0].Rule != "photo-missing" {
		t.Errorf("got\n%s\nwant %s…", d.Text(), want)
	}
}
