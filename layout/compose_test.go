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

func frame10(ld Unit) func(*Page) Frame {
	return func(*Page) Frame { return Frame{X: Pt(10), Y: Pt(10), W: Pt(150), H: 10 * ld} }
}

// A heading kept with what follows goes to the next page with it.
func TestKeepNext(t *testing.T) {
	ld := Pt(10)
	d := &Document{Width: Pt(200), Height: Pt(200)}
	f := &Flow{Doc: d, Start: frame10(ld)}
	f.Lines(lines(8, ld), LinesOpts{})
	head := lines(1, ld)
	head[0].Elements[0].Text = "heading"
	f.Lines(head, LinesOpts{Keep: true, KeepNext: true})
	f.Lines(lines(3, ld), LinesOpts{}) // 1 + 2 would leave an orphan: moved
	if got := count(d); len(got) != 2 || got[0] != 8 || got[1] != 4 {
		t.Fatalf("pages hold %v lines, want [8 4]", got)
	}
	e := d.Pages[1].Elements[0]
	if e.Text != "heading" || e.Y != Pt(10)+Baseline(ld, Pt(10)) {
		t.Errorf("the heading is not at the top of page 2: %+v", e)
	}
	// the lines after it follow it
	if y := d.Pages[1].Elements[1].Y; y != e.Y+ld {
		t.Errorf("the text after the heading is at %v, want %v", y, e.Y+ld)
	}

	// a heading already at the top of a page stays there
	d = &Document{Width: Pt(200), Height: Pt(200)}
	f = &Flow{Doc: d, Start: frame10(ld)}
	f.Lines(head, LinesOpts{Keep: true, KeepNext: true})
	f.Lines(lines(12, ld), LinesOpts{})
	if got := count(d); got[0] != 10 {
		t.Errorf("pages hold %v lines", got)
	}
}

func TestFlushBottom(t *testing.T) {
	ld := Pt(10)
	d := &Document{Width: Pt(200), Height: Pt(200)}
	f := &Flow{Doc: d, Start: frame10(ld)}
	f.Lines(lines(5, ld), LinesOpts{})
	f.Space(Pt(4))
	f.Lines(lines(4, ld), LinesOpts{})           // 94pt used, room for no more line
	f.Lines(lines(3, ld), LinesOpts{})           // to page 2
	f.Block(Pt(30), func(p *Page, x, y Unit) {}) // page 2: 60pt
	f.NewPage()                                  // page 2 ends by choice: not stretched
	f.Lines(lines(1, ld), LinesOpts{})
	before := make([]Unit, 0, 12)
	for _, e := range d.Pages[0].Elements {
		before = append(before, e.Y)
	}
	p2 := append([]Element(nil), d.Pages[1].Elements...)
	f.FlushBottom()
	p1 := d.Pages[0].Elements
	if p1[0].Y != before[0] {
		t.Errorf("the first line moved: %v -> %v", before[0], p1[0].Y)
	}
	// the last line's slot now ends at the frame's bottom: 6pt lower
	if got := p1[8].Y - before[8]; got != Pt(6) {
		t.Errorf("the last line moved by %v, want 6pt", got)
	}
	for i := 1; i < len(p1); i++ {
		if p1[i].Y-p1[i-1].Y < before[i]-before[i-1] {
			t.Errorf("line %d moved up", i)
		}
		if gap := (p1[i].Y - p1[i-1].Y) - (before[i] - before[i-1]); i != 5 && gap > ld*8/100 {
			t.Errorf("gap %d stretched by %v, more than 8%% of a line", i, gap)
		}
	}
	for i, e := range d.Pages[1].Elements {
		if e != p2[i] {
			t.Errorf("page 2 changed")
		}
	}

	// a page with a hole too big to fill stays as it is
	d = &Document{Width: Pt(200), Height: Pt(200)}
	f = &Flow{Doc: d, Start: frame10(ld)}
	f.Lines(lines(4, ld), LinesOpts{})
	f.Block(Pt(80), func(p *Page, x, y Unit) {}) // to page 2
	y := d.Pages[0].Elements[3].Y
	f.FlushBottom()
	if d.Pages[0].Elements[3].Y != y {
		t.Error("a page 60pt short was stretched")
	}
}

func TestReportForced(t *testing.T) {
	ld := Pt(10)
	d := &Document{Width: Pt(200), Height: Pt(200)}
	var got []Issue
	f := &Flow{Doc: d, Start: func(*Page) Frame { return Frame{H: 2 * ld} },
		Report: func(is Issue, p *Page) { got = append(got, is) }}
	f.Lines(lines(3, ld), LinesOpts{}) // a page holds 2 lines: the third is a widow
	if len(got) != 1 || got[0] != Widow {
		t.Errorf("reported %v, want a widow", got)
	}
	got = nil
	f.Lines(lines(2, ld), LinesOpts{}) // 1 line left on page 2: the pair moves
	if len(got) != 0 {
		t.Errorf("reported %v for an avoidable orphan", got)
	}
}
