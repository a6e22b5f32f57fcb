package layout

import "testing"

func lines(n int, leading Unit) []Line {
	out := make([]Line, n)
	for i := range out {
		out[i] = Line{Leading: leading, Size: Pt(10), Elements: []Element{{Kind: TextElement, W: Pt(50), Size: Pt(10), Text: "x"}}}
	}
	return out
}

// count returns the text lines on each page.
func count(d *Document) []int {
	var out []int
	for _, p := range d.Pages {
		out = append(out, len(p.Elements))
	}
	return out
}

func TestWidowsAndOrphans(t *testing.T) {
	ld := Pt(10)
	for _, tc := range []struct {
		name      string
		used, n   int // lines already on the page (frame holds 10), paragraph length
		wantPages []int
	}{
		{"fits", 2, 5, []int{7}},
		{"orphan moved", 9, 4, []int{9, 4}},           // one line would be alone at the bottom
		{"widow avoided", 5, 6, []int{9, 2}},          // 5+5 would leave 1 line on top: 5+4, 2
		{"split", 4, 8, []int{10, 2}},                 // 6 + 2
		{"long paragraph", 0, 25, []int{10, 10, 5}},   //
		{"widow on full page", 0, 11, []int{9, 2}},    //
		{"three lines late", 8, 3, []int{8, 3}},       // 2+1 would make a widow, 0+3
		{"two lines fit", 8, 2, []int{10}},            //
		{"single line moved", 10, 1, []int{10, 1}},    //
		{"exact", 0, 10, []int{10}},                   //
		{"orphan and widow", 8, 3, []int{8, 3}},       //
		{"paragraph of 4", 8, 4, []int{10, 2}},        //
		{"paragraph of 4, 1 room", 9, 4, []int{9, 4}}, //
	} {
		d := &Document{Width: Pt(200), Height: Pt(200)}
		f := &Flow{Doc: d, Start: func(*Page) Frame { return Frame{X: Pt(10), Y: Pt(10), W: Pt(150), H: 10 * ld} }}
		if tc.used > 0 {
			f.Lines(lines(tc.used, ld), LinesOpts{})
		}
		f.Lines(lines(tc.n, ld), LinesOpts{})
		got := count(d)
		if len(got) != len(tc.wantPages) {
			t.Errorf("%s: pages %v, want %v", tc.name, got, tc.wantPages)
			continue
		}
		for i := range got {
			if got[i] != tc.wantPages[i] {
				t.Errorf("%s: pages %v, want %v", tc.name, got, tc.wantPages)
				break
			}
		}
		// nothing below the frame
		for _, p := range d.Pages {
			for _, e := range p.Elements {
				if e.Y > Pt(10)+10*ld || e.Y < Pt(10) {
					t.Errorf("%s: baseline %v outside the frame", tc.name, e.Y)
				}
			}
		}
	}
}

func TestKeepAndBlock(t *testing.T) {
	ld := Pt(10)
	d := &Document{Width: Pt(200), Height: Pt(200)}
	f := &Flow{Doc: d, Start: func(*Page) Frame { return Frame{Y: 0, W: Pt(150), H: 10 * ld} }}
	f.Lines(lines(7, ld), LinesOpts{})
	f.Lines(lines(4, ld), LinesOpts{Keep: true})
	if got := count(d); len(got) != 2 || got[1] != 4 {
		t.Fatalf("kept lines split: %v", got)
	}
	f.Block(7*ld, func(p *Page, x, y Unit) { p.Add(Element{Kind: RectElement, Y: y, H: 7 * ld}) })
	if len(d.Pages) != 3 || d.Pages[2].Elements[0].Y != 0 {
		t.Fatalf("block not moved to a new page: %d pages", len(d.Pages))
	}
}
