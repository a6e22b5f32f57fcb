package pdf

import (
	"bytes"
	"testing"
	"time"

	"github.com/go-fonts/liberation/liberationserifregular"

	"github.com/recueil/recueil/internal/fonts"
)

// FuzzFont: whatever the bytes, the font intake (recueil's parser and
// trimmer, then fpdf through ProbeFont) returns an error or accepts it,
// never panics, never hangs.
func FuzzFont(f *testing.F) {
	ttf := liberationserifregular.TTF
	f.Add(ttf)
	f.Add(ttf[:len(ttf)/3])
	f.Add(ttf[:200])
	damaged := bytes.Clone(ttf)
	for i := 300; i < 600; i++ {
		damaged[i] ^= 0x5a
	}
	f.Add(damaged)
	f.Fuzz(func(t *testing.T, data []byte) {
		// recueil's own parser and trimmer, unguarded: a panic fails.
		// fpdf's, guarded by ProbeFont: it must return, with or without
		// an error. Both soon: a font that makes either loop would hang
		// check.
		done := make(chan struct{})
		go func() {
			defer close(done)
			if face, err := fonts.Parse(data); err == nil {
				face.Has('é')
				face.Trim([]rune("Aé«"))
			}
			ProbeFont(data)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("the font intake did not return in 10 s")
		}
	})
}

// TestProbeFont: the built-in font passes, a damaged copy is refused
// with an error rather than a panic.
func TestProbeFont(t *testing.T) {
	if err := ProbeFont(liberationserifregular.TTF); err != nil {
		t.Errorf("the built-in font: %v", err)
	}
	damaged := bytes.Clone(liberationserifregular.TTF)
	// Scramble the table directory's offsets and lengths past the first.
	for i := 12 + 16; i < 12+16*8; i++ {
		damaged[i] ^= 0xa5
	}
	if err := ProbeFont(damaged); err == nil {
		t.Error("a font with a scrambled table directory passed")
	}
	if err := ProbeFont([]byte("not a font")); err == nil {
		t.Error("a text file passed as a font")
	}
}
