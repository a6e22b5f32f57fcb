package layout

import "testing"

// TestFootnoteReservesItsHeight: a line calling a note near the bottom of
// a page goes to the next page with its note when the note does not fit
// below it; the note sits at the foot of the frame, under a rule.
func TestFootnoteReservesItsHeight(t *testing.T) {
	ld := Pt(12)
	d := &Document{}
	f := &Flow{Doc: d, Start: frame10(ld), Foot: Foot{Above: ld / 2, Below: ld / 4, Rule: Pt(30), Thick: Pt(0.5)}}
	notes := &Notes{Lines: map[int][]Line{1: lines(3, ld)}}
	for i := range notes.Lines[1] {
		notes.Lines[1][i].Elements[0].Text = "note"
	}
	body := lines(9, ld) // the ninth line calls note 1
	body[8].Notes = []int{1}
	f.Lines(body, LinesOpts{Notes: notes})
	f.FlushBottom()
	if len(d.Pages) != 2 {
		t.Fatalf("%d pages, want 2", len(d.Pages))
	}
	// page 2 holds the calling line (with a widow's companion) and the note
	var texts, notesAt []Unit
	var rule bool
	for _, e := range d.Pages[1].Elements {
		switch {
		case e.Kind == RuleElement:
			rule = true
		case e.Text == "note":
			notesAt = append(notesAt, e.Y)
		default:
			texts = append(texts, e.Y)
		}
	}
	if !rule || len(notesAt) != 3 || len(texts) < 1 {
		t.Fatalf("page 2: rule %v, %d note lines, %d text lines", rule, len(notesAt), len(texts))
	}
	for _, y := range texts {
		if y >= notesAt[0] {
			t.Errorf("text at %v below the note at %v", y, notesAt[0])
		}
	}
	if bottom := Pt(10) + 10*ld; notesAt[2] > bottom || notesAt[2] < bottom-ld {
		t.Errorf("the last note line at %v is not at the foot (%v)", notesAt[2], bottom)
	}
	for _, e := range d.Pages[0].Elements {
		if e.Text == "note" || e.Kind == RuleElement {
			t.Errorf("page 1 has a note it does not call")
		}
	}
}

// TestStrikeAndRise: a struck run is crossed by a rule as long as it, the
// spaces between struck words included; a raised run sits above the
// baseline and the line lists the note it calls.
func TestStrikeAndRise(t *testing.T) {
	faces := []Face{mono{}}
	st := Style{Width: Pt(400), Leading: Pt(13), Align: Left, Params: DefaultBreakParams()}
	ls := st.Set([]Run{{Text: "un ", Size: Pt(10)}, {Text: "deux mots", Size: Pt(10), Strike: true}, {Text: "3", Size: Pt(6), Rise: Pt(4), Note: 3}, {Text: " fin", Size: Pt(10)}}, faces, nil)
	if len(ls) != 1 {
		t.Fatalf("%d lines", len(ls))
	}
	var strike *Element
	var call Element
	for i, e := range ls[0].Elements {
		if e.Kind == RuleElement {
			strike = &ls[0].Elements[i]
		}
		if e.Text == "3" {
			call = e
		}
	}
	// "deux mots": 8 letters of 5 pt and a space of 2.5 pt
	if strike == nil || strike.W != Pt(42.5) || strike.X != Pt(12.5) {
		t.Fatalf("strike %+v", strike)
	}
	if call.Y != -Pt(4) || len(ls[0].Notes) != 1 || ls[0].Notes[0] != 3 {
		t.Errorf("call %+v, notes %v", call, ls[0].Notes)
	}
}
