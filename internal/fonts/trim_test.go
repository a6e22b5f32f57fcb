package fonts

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

func TestTrim(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	text := "Aujourd’hui, l’école «\u202fœuvre\u202f» 500\u00a0000 vues — p.\u00a042 ÉÇ…"
	keep := []rune(text + "☃\U0001F600") // a snowman Liberation lacks, a rune outside the BMP
	for id := ID(0); id < NumFaces; id++ {
		f := set.Face(id)
		ttf, err := f.Trim(keep)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := tableLen(ttf, "cmap"), tableLen(f.TTF, "cmap"); a == 0 || a*4 > b {
			t.Errorf("%s %s: trimmed cmap of %d bytes, the whole one has %d", f.Name, f.Style, a, b)
		}
		g, err := Parse(ttf)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range keep {
			if g.Has(r) != f.Has(r) || g.Advance(r) != f.Advance(r) {
				t.Errorf("%s %s: %q: has %v width %d, was %v %d", f.Name, f.Style, r, g.Has(r), g.Advance(r), f.Has(r), f.Advance(r))
			}
		}
		for _, r := range "xyzWQ[]" {
			if g.Has(r) {
				t.Errorf("%s %s: %q kept", f.Name, f.Style, r)
			}
		}
		if g.Missing != f.Missing {
			t.Errorf("missing width %d, was %d", g.Missing, f.Missing)
		}
		// fpdf reads it, measures as before and draws the text
		pdf := fpdf.New("P", "pt", "A5", "")
		pdf.SetCompression(false)
		pdf.AddUTF8FontFromBytes("trim", "", ttf)
		pdf.AddUTF8FontFromBytes("whole", "", f.TTF)
		pdf.AddPage()
		pdf.SetFont("trim", "", 12)
		w1 := pdf.GetStringWidth(text)
		pdf.Text(20, 40, text)
		pdf.SetFont("whole", "", 12)
		if w2 := pdf.GetStringWidth(text); w1 != w2 {
			t.Errorf("fpdf measures %v with the trimmed font, %v with the whole one", w1, w2)
		}
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "/FontFile2") {
			t.Error("no embedded font")
		}
	}
}

func tableLen(ttf []byte, tag string) int {
	be := binary.BigEndian
	for i := 0; i < int(be.Uint16(ttf[4:])); i++ {
		rec := ttf[12+16*i:]
		if string(rec[:4]) == tag {
			return int(be.Uint32(rec[12:]))
		}
	}
	return 0
}

// TestValidate: the built-in faces pass; a composite glyph that includes
// itself, which sends fpdf's subsetter into endless recursion, does not.
func TestValidate(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for id := ID(0); id < NumFaces; id++ {
		if err := Validate(set.Face(id).TTF); err != nil {
			t.Errorf("%s %s: %v", set.Face(id).Name, set.Face(id).Style, err)
		}
	}
	ttf := bytes.Clone(set.Face(Serif).TTF)
	be := binary.BigEndian
	tables := map[string][2]int{}
	for i := 0; i < int(be.Uint16(ttf[4:])); i++ {
		rec := 12 + 16*i
		tables[string(ttf[rec:rec+4])] = [2]int{int(be.Uint32(ttf[rec+8:])), int(be.Uint32(ttf[rec+12:]))}
	}
	head, loca, glyf := tables["head"][0], tables["loca"][0], tables["glyf"][0]
	long := be.Uint16(ttf[head+50:]) == 1
	off := func(g int) int {
		if long {
			return int(be.Uint32(ttf[loca+4*g:]))
		}
		return 2 * int(be.Uint16(ttf[loca+2*g:]))
	}
	// Find a composite glyph and point its first component at itself.
	for g := 1; g < 3000; g++ {
		o := glyf + off(g)
		if off(g+1) > off(g) && int16(be.Uint16(ttf[o:])) < 0 {
			be.PutUint16(ttf[o+12:], uint16(g))
			if err := Validate(ttf); err == nil || !strings.Contains(err.Error(), "includes itself") {
				t.Errorf("a self-including composite glyph: %v", err)
			}
			return
		}
	}
	t.Fatal("no composite glyph in Liberation Serif")
}
