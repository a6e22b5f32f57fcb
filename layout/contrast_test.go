package layout

import "testing"

// WCAG's ratio: white on the cards' navy is about 14.2:1, white on white
// 1:1, black on white 21:1, and it does not depend on the order.
func TestContrast(t *testing.T) {
	white, navy, black := Color{255, 255, 255}, Color{0x1f, 0x2a, 0x44}, Color{}
	if r := Contrast(white, navy); r < 13 || r > 15 {
		t.Errorf("contrast white/navy %.2f, want about 14.2", r)
	}
	if r := Contrast(navy, white); r != Contrast(white, navy) {
		t.Errorf("the order changes the ratio: %.2f", r)
	}
	if r := Contrast(white, white); r != 1 {
		t.Errorf("white on white %.2f, want 1", r)
	}
	if r := Contrast(black, white); r < 20.99 || r > 21.01 {
		t.Errorf("black on white %.2f, want 21", r)
	}
}
