package load

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// An interlaced PNG is refused by check (fpdf cannot embed one, so compile
// used to fail with exit 3 after check had passed); a plain one is kept.
func TestInterlacedPNGRefused(t *testing.T) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	plain := buf.Bytes()
	inter := append([]byte(nil), plain...)
	inter[28] = 1 // IHDR interlace method: Adam7
	binary.BigEndian.PutUint32(inter[29:], crc32.ChecksumIEEE(inter[12:29]))
	for _, tc := range []struct {
		data []byte
		kind string
	}{{plain, ""}, {inter, "interlaced"}} {
		root := t.TempDir()
		os.MkdirAll(filepath.Join(root, "contributions", "photos"), 0o755)
		os.WriteFile(filepath.Join(root, "contributions", "photos", "p.png"), tc.data, 0o644)
		_, prob := resolveAsset(root, "contributions", "photos/p.png", 5<<20)
		got := ""
		if prob != nil {
			got = prob.kind
		}
		if got != tc.kind {
			t.Errorf("problem %q (%+v), want %q", got, prob, tc.kind)
		}
	}
}
