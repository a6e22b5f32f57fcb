package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io/fs"

	"codeberg.org/go-pdf/fpdf"

	"github.com/recueil/recueil/internal/imaging"
)

// images registers the document's images with fpdf, in the order they are
// first drawn, so that the PDF does not depend on map order.
//
// fpdf v0.12.0 writes its images (putimages) in the order of a map, sorted
// by pixel width only when catalog sorting is on: images of equal width
// came out in random order, with random object numbers. Every image
// registered here gets a width made unique by a fraction of a pixel
// (k/2^20 for the k-th image): the sort becomes total, and the /Width
// written (fpdf prints int(w)) and the pixels are unchanged.
//
// Images are named by the SHA-256 of their bytes, so two paths to the same
// picture give one embedded image.
type images struct {
	f      *fpdf.Fpdf
	files  fs.FS                    // the book's files
	sides  map[string]int           // path -> longest side needed, in pixels
	ready  map[string]imaging.Image // path -> the image made ready by the caller
	byPath map[string]string        // path -> fpdf image name, "" when unreadable
	byHash map[string]bool          // image names registered
	next   int                      // images registered so far
}

func newImages(f *fpdf.Fpdf, files fs.FS, sides map[string]int, ready map[string]imaging.Image) *images {
	return &images{f: f, files: files, sides: sides, ready: ready, byPath: map[string]string{}, byHash: map[string]bool{}}
}

// widthStep is the fraction of a pixel that sets registered images apart.
const widthStep = 1.0 / (1 << 20)

// name returns the fpdf name of the image at path, registering it on first
// use; "" when the file cannot be read or is not a JPEG, PNG or GIF.
func (im *images) name(path string) (string, error) {
	if n, ok := im.byPath[path]; ok {
		return n, nil
	}
	im.byPath[path] = ""
	data, err := fs.ReadFile(im.files, path)
	if err != nil {
		return "", nil
	}
	if imageType(data) == "" {
		return "", nil
	}
	sum := sha256.Sum256(data)
	name := "img-" + hex.EncodeToString(sum[:])
	im.byPath[path] = name
	if im.byHash[name] {
		return name, nil
	}
	img, ok := im.ready[path]
	if !ok {
		var err error
		if img, err = imaging.Normalize(data, im.sides[path]); err != nil {
			return "", fmt.Errorf("image %s: %w", path, err)
		}
	}
	data, tp := img.Data, img.Type
	info, err := register(im.f, name, tp, data)
	if err != nil {
		return "", fmt.Errorf("image %s: %w", path, err)
	}
	if im.next >= 1<<20 {
		return "", fmt.Errorf("image %s: too many images", path)
	}
	if err := nudgeWidth(info, float64(im.next)*widthStep); err != nil {
		return "", fmt.Errorf("image %s: %w", path, err)
	}
	im.byHash[name] = true
	im.next++
	return name, nil
}

// nudgeWidth adds d (< 1) to the pixel width fpdf keeps for an image. fpdf
// has no setter: the image is round-tripped through its GobEncode and
// GobDecode, whose field order is [data smask n w h cs pal bpc f dp trns
// scale dpi].
func nudgeWidth(info *fpdf.ImageInfoType, d float64) error {
	raw, err := info.GobEncode()
	if err != nil {
		return err
	}
	var (
		data, smask, pal []byte
		n, bpc           int
		w, h             float64
		cs, filter, dp   string
		trns             []int
		scale, dpi       float64
	)
	fields := []any{&data, &smask, &n, &w, &h, &cs, &pal, &bpc, &filter, &dp, &trns, &scale, &dpi}
	dec := gob.NewDecoder(bytes.NewReader(raw))
	for _, p := range fields {
		if err := dec.Decode(p); err != nil {
			return fmt.Errorf("unexpected fpdf image encoding: %w", err)
		}
	}
	if w != float64(int(w)) || w < 1 {
		return fmt.Errorf("unexpected fpdf image width %v", w)
	}
	w += d
	var out bytes.Buffer
	enc := gob.NewEncoder(&out)
	for _, v := range []any{data, smask, n, w, h, cs, pal, bpc, filter, dp, trns, scale, dpi} {
		if err := enc.Encode(v); err != nil {
			return err
		}
	}
	if err := info.GobDecode(out.Bytes()); err != nil {
		return err
	}
	if info.Width() == 0 {
		return fmt.Errorf("image width lost")
	}
	return nil
}

func imageType(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("\x89PNG")):
		return "PNG"
	case bytes.HasPrefix(head, []byte("\xff\xd8")):
		return "JPG"
	case bytes.HasPrefix(head, []byte("GIF8")):
		return "GIF"
	}
	return ""
}
