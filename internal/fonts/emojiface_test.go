package fonts

import "testing"

// The bundled emoji face: an emoji has an advance and an outline; what
// only joins or styles emoji has neither; a letter is not its business.
func TestEmojiFace(t *testing.T) {
	e, err := Emoji()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []rune{'🌸', '❤', '👨', '🇫', '☔'} {
		if !e.Has(r) || e.Advance(r) < 900 || len(e.Outline(r)) < 4 || e.Outline(r)[0].Op != 'M' {
			t.Errorf("%U: has %v advance %d, %d segments", r, e.Has(r), e.Advance(r), len(e.Outline(r)))
		}
	}
	for _, r := range []rune{0x200D, 0xFE0F, 0x1F3FD, 0x20E3} {
		if !e.Has(r) || e.Advance(r) != 0 || e.Outline(r) != nil {
			t.Errorf("%U is drawn: advance %d", r, e.Advance(r))
		}
	}
	if e.Has('a') || e.Has('é') {
		t.Error("the emoji face claims letters")
	}
}
