package layout

import (
	"slices"
	"strings"
	"testing"
)

// A page never ends inside a hyphenated word: the flow ends it a line (or
// two, when the line before is hyphenated too) earlier, or moves the
// paragraph when that would leave an orphan.
func TestNoHyphenAcrossPageTurn(t *testing.T) {
	ld := Pt(10)
	for _, tc := range []struct {
		name      string
		used, n   int   // lines already on the page (frame holds 10), paragraph length
		hyphen    []int // lines of the paragraph ending with a hyphen
		wantPages []int
		wantTurns int
	}{
		{"plain split", 4, 8, nil, []int{10, 2}, 0},
		{"hyphen at the foot", 4, 8, []int{5}, []int{9, 3}, 0},
		{"two hyphens in a row", 2, 12, []int{6, 7}, []int{8, 6}, 0},
		{"orphan then: moved", 7, 6, []int{1, 2}, []int{7, 6}, 0},
		{"fresh page", 0, 14, []int{9}, []int{9, 5}, 0},
		{"no way out: reported", 0, 14, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, []int{10, 4}, 1},
	} {
		d := &Document{Width: Pt(200), Height: Pt(200)}
		turns := 0
		f := &Flow{Doc: d, Start: func(*Page) Frame { return Frame{X: Pt(10), Y: Pt(10), W: Pt(150), H: 10 * ld} },
			Report: func(is Issue, _ *Page) {
				if is == HyphenTurn {
					turns++
				}
			}}
		if tc.used > 0 {
			f.Lines(lines(tc.used, ld), LinesOpts{})
		}
		ls := lines(tc.n, ld)
		for _, h := range tc.hyphen {
			ls[h].Hyphen = true
		}
		f.Lines(ls, LinesOpts{})
		got := count(d)
		if !slices.Equal(got, tc.wantPages) {
			t.Errorf("%s: pages %v, want %v", tc.name, got, tc.wantPages)
		}
		if turns != tc.wantTurns {
			t.Errorf("%s: %d hyphen turns reported, want %d", tc.name, turns, tc.wantTurns)
		}
	}
}

// Mark and Rewind take the flow back: laying the same lines out again
// gives the same pages.
func TestRewind(t *testing.T) {
	ld := Pt(10)
	d := &Document{Width: Pt(200), Height: Pt(200)}
	f := &Flow{Doc: d, Start: func(*Page) Frame { return Frame{X: Pt(10), Y: Pt(10), W: Pt(150), H: 10 * ld} }}
	f.Lines(lines(3, ld), LinesOpts{})
	m := f.Mark()
	f.Lines(lines(25, ld), LinesOpts{})
	first := count(d)
	f.Rewind(m)
	if got := count(d); !slices.Equal(got, []int{3}) {
		t.Fatalf("after Rewind: pages %v, want [3]", got)
	}
	f.Lines(lines(25, ld), LinesOpts{})
	if got := count(d); !slices.Equal(got, first) {
		t.Errorf("laid out again: pages %v, want %v", got, first)
	}
}

// A paragraph's last line of fewer than 5 letters is avoided when another
// setting reads well; Looseness sets a paragraph a line looser or tighter
// when it can, and leaves it as it is when it cannot.
func TestShortLastLineAndLooseness(t *testing.T) {
	text := strings.Repeat("un deux trois quatre cinq six sept huit neuf dix onze douze ", 6) + "fin."
	faces := []Face{mono{}}
	fixed, worse := 0, 0
	for w := Pt(150); w <= Pt(260); w += Pt(1) {
		st := Style{Width: w, Leading: Pt(12), Params: DefaultBreakParams()}
		old := st
		old.Params.MinLastLetters = 0
		a, b := old.Set([]Run{{Text: text, Size: Pt(10)}}, faces, nil), st.Set([]Run{{Text: text, Size: Pt(10)}}, faces, nil)
		shortA := len(a) > 1 && a[len(a)-1].Letters() < 5
		shortB := len(b) > 1 && b[len(b)-1].Letters() < 5
		switch {
		case shortA && !shortB:
			fixed++
		case shortB && !shortA:
			worse++
		}
	}
	if fixed == 0 || worse > 0 {
		t.Errorf("short last lines: %d measures fixed, %d made worse; want some fixed, none worse", fixed, worse)
	}
	long := strings.Repeat("un deux trois quatre cinq six sept huit neuf dix onze douze ", 20)
	st := Style{Width: Pt(200), Leading: Pt(12), Params: DefaultBreakParams()}
	n := len(st.Set([]Run{{Text: long, Size: Pt(10)}}, faces, nil))
	changed := false
	for _, lo := range []int{-1, 1} {
		st.Params.Looseness = lo
		st.Params.LooseTolerance = 1000
		m := len(st.Set([]Run{{Text: long, Size: Pt(10)}}, faces, nil))
		t.Logf("looseness %d: %d lines from %d", lo, m, n)
		if m != n && m != n+lo {
			t.Errorf("looseness %d: %d lines from %d", lo, m, n)
		}
		changed = changed || m == n+lo
	}
	if !changed {
		t.Errorf("looseness changed nothing on a %d-line paragraph of short words", n)
	}
}

// A page laid out in a frame cut short and set back to its full height is
// evened to the bottom by FlushBottom when its line gaps allow (8% each),
// and as far as they allow with PartFlush.
func TestRunShortThenEven(t *testing.T) {
	ld := Pt(10)
	for _, tc := range []struct {
		name    string
		cut     int // lines the first page's frame is cut by
		part    bool
		wantGap Unit
	}{
		{"one line over 29 gaps: evened", 1, false, 0},
		{"three lines: left short", 3, false, 3 * ld},
		{"three lines, part flush: 8% of 26 gaps taken", 3, true, 3*ld - 26*(ld*8/100)},
	} {
		d := &Document{Width: Pt(200), Height: Pt(400)}
		f := &Flow{Doc: d, Start: func(p *Page) Frame {
			h := 30 * ld
			if p.Number == 1 {
				h -= Unit(tc.cut) * ld
			}
			return Frame{X: Pt(10), Y: Pt(10), W: Pt(150), H: h}
		}}
		f.Lines(lines(40, ld), LinesOpts{})
		p := d.Pages[0]
		f.Reframe(p, 30*ld)
		if tc.part {
			f.PartFlush(p)
		}
		if got := f.Gap(p); got != tc.wantGap {
			t.Errorf("%s: gap %v, want %v", tc.name, got, tc.wantGap)
		}
		f.FlushBottom()
		first, last := p.Elements[0].Y, p.Elements[len(p.Elements)-1].Y
		if bottom := first + 29*ld; tc.wantGap == 0 && (last < bottom-1 || last > bottom+1) {
			t.Errorf("%s: last line %v above the bottom line", tc.name, bottom-last)
		}
	}
}
