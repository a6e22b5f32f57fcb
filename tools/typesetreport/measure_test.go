package main

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// A synthetic pdftotext -bbox-layout page: text block from x=40 to x=360,
// body lines 11.6 pt high on a 13.86 pt leading, words 6 pt per letter.
const (
	left, right, lineH, leading, indent = 40.0, 360.0, 11.6, 13.86, 15.0
)

type fakeLine struct {
	x0, x1 float64 // x1 = 0: natural width with 3 pt spaces
	h      float64
	words  []string
}

func just(words string) fakeLine {
	return fakeLine{x0: left, x1: right, h: lineH, words: strings.Fields(words)}
}
func short(words string) fakeLine {
	return fakeLine{x0: left, h: lineH, words: strings.Fields(words)}
}
func first(words string) fakeLine { // a paragraph's indented first line
	return fakeLine{x0: left + indent, x1: right, h: lineH, words: strings.Fields(words)}
}

func width(w string) float64 { return 6 * float64(utf8.RuneCountInString(w)) }

func xhtml(pages ...[]fakeLine) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><doc>`)
	for _, p := range pages {
		b.WriteString(`<page width="420" height="595"><flow><block>`)
		for i, l := range p {
			y := 50 + float64(i)*leading
			total := 0.0
			for _, w := range l.words {
				total += width(w)
			}
			gap := 3.0
			if l.x1 != 0 && len(l.words) > 1 {
				gap = (l.x1 - l.x0 - total) / float64(len(l.words)-1)
			}
			x := l.x0
			var ws strings.Builder
			for _, w := range l.words {
				fmt.Fprintf(&ws, `<word xMin="%f" yMin="%f" xMax="%f" yMax="%f">%s</word>`, x, y, x+width(w), y+l.h, w)
				x += width(w) + gap
			}
			fmt.Fprintf(&b, `<line xMin="%f" yMin="%f" xMax="%f" yMax="%f">%s</line>`, l.x0, y, x-gap, y+l.h, ws.String())
		}
		b.WriteString(`</block></flow></page>`)
	}
	b.WriteString(`</doc></body></html>`)
	return []byte(b.String())
}

func measure(t *testing.T, pages ...[]fakeLine) Report {
	t.Helper()
	doc, err := Parse(xhtml(pages...))
	if err != nil {
		t.Fatal(err)
	}
	return Measure(doc, Range{})
}

// 47 letters: with 8 words, 7 spaces of (320-282)/7 ≈ 5.43 pt.
const normal = "aaaaaa bbbbbb cccccc dddddd eeeeee ffffff gggggg hhhhh"

func TestCleanPageHasNoFinding(t *testing.T) {
	var page []fakeLine
	for i := 0; i < 8; i++ {
		page = append(page, just(normal))
	}
	page = append(page, short("fin du paragraphe."))
	r := measure(t, page)
	if r.BodyLines != 9 || r.OutOfMeasure != 0 || r.BadStarts+r.BadEnds != 0 || r.HyphenRuns3 != 0 {
		t.Errorf("findings on a clean page: %+v", r)
	}
	if r.Justified != 8 {
		t.Errorf("%d justified lines, want 8 (the short last line is not one)", r.Justified)
	}
	if r.SpreadMax != 1 || r.SpreadP95 != 1 {
		t.Errorf("equal spaces: spread p95 %v max %v, want 1 and 1", r.SpreadP95, r.SpreadMax)
	}
}

func TestFindings(t *testing.T) {
	page := []fakeLine{
		{x0: left, h: 20, words: []string{"Un", "titre", "beaucoup", "plus", "grand", "que", "le", "texte", "et", "large"}}, // a heading: not body
		just(normal),
		just(normal),
		just(normal),
		{x0: left, x1: right + 2, h: lineH, words: strings.Fields(normal)}, // 2 pt out
		just("; commence mal par un point-virgule qui traîne"),
		just("finit mal sur un guillemet ouvrant «"),
		just("première ligne coupée sur un trait d’union jam-"),
		just("deuxième ligne coupée sur un trait d’union bis-"),
		just("troisième ligne coupée sur un trait d’union ter-"),
		just("aaaaaa bbbbbb cccccc dd"), // very loose: 3 spaces of about 77 pt
		short("fin."),
	}
	r := measure(t, page)
	if r.BodyLines != 11 {
		t.Errorf("body lines %d, want 11 (the heading is not body text)", r.BodyLines)
	}
	if r.Measure[0][1] != right {
		t.Errorf("right edge %v, want %v", r.Measure[0][1], right)
	}
	if r.OutOfMeasure != 1 {
		t.Errorf("out of measure %d, want 1", r.OutOfMeasure)
	}
	if r.BadStarts != 1 || r.BadEnds != 1 {
		t.Errorf("bad starts %d, ends %d, want 1 and 1", r.BadStarts, r.BadEnds)
	}
	if r.HyphenLines != 3 || r.HyphenRuns3 != 1 || r.LongestRun != 3 {
		t.Errorf("hyphens %d, runs %d, longest %d; want 3, 1, 3", r.HyphenLines, r.HyphenRuns3, r.LongestRun)
	}
	if r.SpreadMax < 5 {
		t.Errorf("spread max %v: the loose line was missed", r.SpreadMax)
	}
	if len(r.Loosest) == 0 || !strings.HasPrefix(r.Loosest[0].Text, "aaaaaa bbbbbb cccccc dd") {
		t.Errorf("loosest line %v", r.Loosest)
	}
}

func TestUnevenLinesAreNotJustifiedText(t *testing.T) {
	toc := fakeLine{x0: left, x1: right, h: lineH, words: []string{"Introduction", "7"}}
	page := []fakeLine{just(normal), just(normal), just(normal), toc}
	// Give the table-of-contents line a normal space inside its title.
	toc.words = []string{"Une", "introduction", "7"}
	page[3] = toc
	doc, err := Parse(xhtml(page))
	if err != nil {
		t.Fatal(err)
	}
	l := &doc.Pages[0].Lines[3]
	// Put "Une" right before "introduction", leaving the leader gap.
	shift := l.Words[1].XMin - l.Words[0].XMax - 3
	l.Words[0].XMin += shift
	l.Words[0].XMax += shift
	r := Measure(doc, Range{})
	if r.Uneven != 1 || r.Justified != 3 {
		t.Errorf("uneven %d justified %d, want 1 and 3", r.Uneven, r.Justified)
	}
	if r.SpreadMax != 1 {
		t.Errorf("the leader gap entered the spread: max %v", r.SpreadMax)
	}
}

func TestFrenchFixedSpacesLeftOut(t *testing.T) {
	page := []fakeLine{just(normal), just(normal), just(normal)}
	doc, err := Parse(xhtml(page))
	if err != nil {
		t.Fatal(err)
	}
	// A colon after a fixed 1.5 pt space: not a justified space.
	l := &doc.Pages[0].Lines[0]
	l.Words = append(l.Words[:len(l.Words)-1:len(l.Words)-1], Word{XMin: l.Words[len(l.Words)-2].XMax + 1.5, XMax: right, YMin: l.YMin, YMax: l.YMax, Text: ":"})
	r := Measure(doc, Range{})
	if r.Justified != 3 || r.Uneven != 0 {
		t.Errorf("justified %d uneven %d: the line with « : » must be measured, on its justified spaces only", r.Justified, r.Uneven)
	}
	if r.SpreadP5 != 1 || r.SpreadMin != 1 {
		t.Errorf("the thin space before « : » counted as a tight line: p5 %v min %v", r.SpreadP5, r.SpreadMin)
	}
}

func TestWidowAndOrphan(t *testing.T) {
	body := func() []fakeLine {
		var p []fakeLine
		for i := 0; i < 7; i++ {
			p = append(p, just(normal))
		}
		return p
	}
	// Page 1 ends in mid-paragraph; page 2 opens on that paragraph's last
	// line alone (a widow), and ends on the first line of a new paragraph
	// (an orphan) continued on page 3.
	p1 := body()
	p2 := append([]fakeLine{short("seule.")}, body()...)
	p2 = append(p2, first(normal))
	p3 := body()
	r := measure(t, p1, p2, p3)
	if r.Widows != 1 || r.Orphans != 1 {
		t.Errorf("widows %d orphans %d, want 1 and 1 (%v)", r.Widows, r.Orphans, r.WidowExamples)
	}
	if r.IndentDetected != indent {
		t.Errorf("indent %v, want %v", r.IndentDetected, indent)
	}
	// A line sticking out at the top of a page does not end a paragraph.
	p2[0] = fakeLine{x0: left, x1: right + 3, h: lineH, words: strings.Fields(normal)}
	r = measure(t, p1, p2, p3)
	if r.Widows != 0 || r.OutOfMeasure != 1 {
		t.Errorf("widows %d out %d, want 0 and 1: an overfull line is no widow", r.Widows, r.OutOfMeasure)
	}
	// The same pages with the paragraph kept whole: nothing.
	p2 = append([]fakeLine{just(normal), short("fin.")}, body()...)
	p2 = append(p2, short("fin."))
	r = measure(t, p1, p2, append([]fakeLine{first(normal)}, p3...))
	if r.Widows != 0 || r.Orphans != 0 {
		t.Errorf("widows %d orphans %d on clean pages: %v", r.Widows, r.Orphans, r.WidowExamples)
	}
}

func TestTable(t *testing.T) {
	out := Table([]Report{{Label: "recueil", SpreadP95: 1.25}, {Label: "TeX", SpreadP95: 1.5}})
	for _, want := range []string{"| measure | recueil | TeX |", "| **spread p95** | **1.25** | **1.50** |"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func TestPageFaults(t *testing.T) {
	var p1 []fakeLine
	for i := 0; i < 11; i++ {
		p1 = append(p1, just(normal))
	}
	p1 = append(p1, short("fin."), just(normal), just("aaaaaa bbbbbb cccccc dddddd eeeeee ffffff gggg jam-"))
	p2 := []fakeLine{just(normal), short("bon.")}
	r := measure(t, p1, p2)
	if r.HyphenTurns != 1 || r.ShortLastLines != 2 || r.ShortPages != 1 {
		t.Errorf("hyphen turns %d, short last lines %d, short pages %d: want 1, 2, 1", r.HyphenTurns, r.ShortLastLines, r.ShortPages)
	}
	clean := measure(t, p1[:11], []fakeLine{just(normal), just(normal), just(normal), short("la fin du texte.")})
	if clean.HyphenTurns+clean.ShortLastLines+clean.ShortPages != 0 {
		t.Errorf("faults on clean pages: %d, %d, %d", clean.HyphenTurns, clean.ShortLastLines, clean.ShortPages)
	}
}
