package layout

import (
	"strings"
	"testing"
)

// mono is a test face: every rune is 500/1000 em wide, except the spaces.
type mono struct{}

func (mono) Advance(r rune) int {
	switch r {
	case ' ', '\u00a0':
		return 250
	case '\u202f':
		return 125
	}
	return 500
}
func (mono) Has(r rune) bool { return r < 0x10000 }

// every4 hyphenates every word after each 4th letter, to exercise the
// flagged penalties.
type every4 struct{}

func (every4) Points(w string) []int {
	var p []int
	for i := 4; i < len([]rune(w))-2; i += 4 {
		p = append(p, i)
	}
	return p
}

const sample = "Aujourd’hui, l’école est peut-être fermée\u202f; pourquoi\u00a0? Les 500\u00a0000 vues, p.\u00a042, M.\u00a0Dupont et «\u202fanticonstitutionnellement\u202f» comptent moins qu’un message sincère envoyé à https://example.org/un-lien-tres-long par @violette."

func TestLinesFitTheMeasure(t *testing.T) {
	faces := []Face{mono{}}
	size := Pt(10)
	for w := 80; w <= 400; w += 7 {
		st := Style{Width: Pt(float64(w)), Leading: Pt(13), Align: Justify, Hyphenate: true, Params: DefaultBreakParams(), Indent: Pt(15)}
		lines := st.Set([]Run{{Text: sample, Size: size}}, faces, every4{})
		if len(lines) == 0 {
			t.Fatalf("width %d: no line", w)
		}
		var text strings.Builder
		for i, l := range lines {
			if l.Width > st.Width && !l.Overfull {
				t.Errorf("width %d line %d: %v wider than the measure, not flagged", w, i, l.Width)
			}
			if l.Overfull {
				// only a word longer than the measure may stick out
				longest := Unit(0)
				for _, e := range l.Elements {
					longest = max(longest, e.W)
				}
				if longest <= st.Width {
					t.Errorf("width %d line %d overfull without a long word", w, i)
				}
			}
			for _, e := range l.Elements {
				if e.Kind != TextElement {
					continue
				}
				if e.X < 0 || e.X+e.W > max(st.Width, l.Width) {
					t.Errorf("width %d line %d: %q at %v..%v outside the line", w, i, e.Text, e.X, e.X+e.W)
				}
				if text.Len() > 0 && !strings.HasSuffix(text.String(), "\n") {
					text.WriteString(" ")
				}
				text.WriteString(e.Text)
			}
			text.WriteString("\n")
		}
		got := strings.ReplaceAll(text.String(), "-\n", "")
		// An address too long for the line breaks after a separator,
		// without a hyphen: join those line ends back.
		for _, sep := range []string{"/", "."} {
			got = strings.ReplaceAll(got, sep+"\n", sep)
		}
		// non-breaking spaces never end a line
		for _, bound := range []string{"500\u00a0000", "p.\u00a042", "M.\u00a0Dupont", "pourquoi\u00a0?", "fermée\u202f;"} {
			if !strings.Contains(got, bound) {
				t.Errorf("width %d: %q was broken:\n%s", w, bound, got)
			}
		}
		// the URL and the handle are never hyphenated: an address too long
		// for the line breaks after a separator or, on a very narrow
		// measure, between letters, but no hyphen is added
		if !strings.Contains(strings.ReplaceAll(got, "\n", ""), "https://example.org/un-lien-tres-long") || !strings.Contains(got, "@violette") {
			t.Errorf("width %d: URL or handle broken:\n%s", w, got)
		}
		// joined back, the text is the same words (a hard hyphen at a
		// line end was removed with the line end: put it back)
		joined := strings.ReplaceAll(got, "peutêtre", "peut-être")
		if i := strings.Index(joined, "https:"); i >= 0 {
			if j := strings.Index(joined[i:], "par"); j > 0 {
				url := strings.ReplaceAll(strings.TrimRight(joined[i:i+j], " \n"), "\n", "")
				joined = joined[:i] + url + " " + joined[i+j:]
			}
		}
		if a, b := strings.Join(strings.Fields(joined), " "), strings.Join(strings.Fields(sample), " "); a != b {
			t.Errorf("width %d: text changed:\n%q\nwant\n%q", w, a, b)
		}
	}
}

func TestJustifiedLinesAreFlush(t *testing.T) {
	st := Style{Width: Pt(200), Leading: Pt(13), Align: Justify, Params: DefaultBreakParams()}
	lines := st.Set([]Run{{Text: strings.Repeat("un deux trois quatre cinq six ", 20), Size: Pt(10)}}, []Face{mono{}}, nil)
	for i, l := range lines[:len(lines)-1] {
		if d := l.Width - st.Width; d < -2 || d > 2 {
			t.Errorf("line %d: width %v, measure %v", i, l.Width, st.Width)
		}
	}
	if last := lines[len(lines)-1]; last.Width >= st.Width {
		t.Errorf("last line is stretched: %v", last.Width)
	}
}

func TestNoBreakAtNBSPItems(t *testing.T) {
	items := Style{Width: Pt(100), Params: DefaultBreakParams()}.Items([]Run{{Text: "a 500\u00a0000 b\u202f!", Size: Pt(10)}}, []Face{mono{}}, nil)
	var kinds string
	for _, it := range items {
		kinds += string("bgp"[it.Kind])
	}
	// a, glue, "500 000", glue, "b !", then the paragraph end
	if kinds != "bgbgbpgp" {
		t.Fatalf("items %s", kinds)
	}
}

func TestLinksAndHardBreaks(t *testing.T) {
	st := Style{Width: Pt(300), Leading: Pt(13), Align: Left, Params: DefaultBreakParams()}
	lines := st.Set([]Run{
		{Text: "voir ", Size: Pt(10)},
		{Text: "notre site web", Size: Pt(10), Link: "https://example.org"},
		{Break: true},
		{Text: "et le sommaire", Size: Pt(10), Link: "#contents"},
	}, []Face{mono{}}, nil)
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2 (hard break)", len(lines))
	}
	var links []Element
	for _, l := range lines {
		for _, e := range l.Elements {
			if e.Kind == LinkElement {
				links = append(links, e)
			}
		}
	}
	if len(links) != 2 || links[0].URI != "https://example.org" || links[1].Dest != "contents" {
		t.Fatalf("links %+v", links)
	}
	// one area over "notre site web", spaces included
	if want := Width(mono{}, "notre site web", Pt(10)); links[0].W != want {
		t.Errorf("link width %v, want %v", links[0].W, want)
	}
}
