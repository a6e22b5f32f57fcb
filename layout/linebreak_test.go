package layout

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// timesFace approximates Times/Liberation Serif advances (thousandths of
// an em): enough for realistic paragraphs without loading a font.
type timesFace struct{}

var timesWidths = map[rune]int{
	'a': 444, 'b': 500, 'c': 444, 'd': 500, 'e': 444, 'f': 333, 'g': 500, 'h': 500, 'i': 278,
	'j': 278, 'k': 500, 'l': 278, 'm': 778, 'n': 500, 'o': 500, 'p': 500, 'q': 500, 'r': 333,
	's': 389, 't': 278, 'u': 500, 'v': 500, 'w': 722, 'x': 500, 'y': 500, 'z': 444,
	' ': 250, ',': 250, '.': 250, ';': 278, ':': 278, '’': 333, '-': 333, '«': 500, '»': 500,
	'!': 333, '?': 444, '\u202f': 125, '\u00a0': 250,
}

func (timesFace) Advance(r rune) int {
	if w, ok := timesWidths[r]; ok {
		return w
	}
	switch {
	case r >= 'A' && r <= 'Z':
		return 667
	case r >= '0' && r <= '9':
		return 500
	}
	return 444 // accented lowercase letters
}

func (timesFace) Has(rune) bool { return true }

// paragraph builds the items of text as the paragraph builder does:
// interword glue of a third of an em stretching by half and shrinking by
// a third, hyphenation points as flagged penalties, parfillskip and a
// forced break at the end.
func paragraph(text string, size Unit, hy Hyphenator, p BreakParams) []Item {
	f := timesFace{}
	space := Width(f, " ", size)
	hyphen := Width(f, "-", size)
	var items []Item
	for i, w := range strings.Fields(text) {
		if i > 0 {
			items = append(items, Item{Kind: GlueItem, Width: space, Stretch: space / 2, Shrink: space / 3})
		}
		var pts []int
		if hy != nil {
			pts = hy.Points(w)
		}
		runes := []rune(w)
		prev := 0
		for _, pt := range pts {
			items = append(items, Item{Kind: BoxItem, Width: Width(f, string(runes[prev:pt]), size)})
			items = append(items, Item{Kind: PenaltyItem, Width: hyphen, Penalty: p.HyphenPenalty, Flagged: true})
			prev = pt
		}
		items = append(items, Item{Kind: BoxItem, Width: Width(f, string(runes[prev:]), size)})
	}
	return append(items,
		Item{Kind: PenaltyItem, Penalty: Infinity},
		Item{Kind: GlueItem, Stretch: Fil},
		Item{Kind: PenaltyItem, Penalty: -Infinity})
}

const frenchText = `Les contributions rassemblées dans ce recueil témoignent d’une extraordinaire
diversité d’expériences : des directrices de la communication, des développeurs, des
enseignantes et des responsables associatifs y racontent comment une rencontre improbable,
au détour d’un réseau social ou d’une conférence, a transformé leur manière de travailler.
Aujourd’hui, la bienveillance numérique n’est plus une idée abstraite : elle se construit
chaque jour, dans les entreprises comme dans les collectivités, par des gestes simples et
des engagements durables. Ce livre blanc collectif rassemble leurs voix, sans hiérarchie,
dans l’ordre alphabétique de leurs noms, afin que chacun puisse y trouver des idées, des
méthodes et peut-être l’envie de rejoindre à son tour cette communauté professionnelle
qui refuse la fatalité et préfère l’accessibilité, la solidarité et la transparence.`

// lineSums measures the line ending at break index end, starting after
// the break at prevEnd (-1 for the first line), discarding glue and
// penalties at the start of the line.
func lineSums(items []Item, prevEnd, end int) (w, st, sh, fil Unit) {
	i := prevEnd + 1
	for i < end && items[i].Kind != BoxItem {
		i++
	}
	for ; i < end; i++ {
		it := items[i]
		switch it.Kind {
		case BoxItem:
			w += it.Width
		case GlueItem:
			w += it.Width
			if it.Stretch >= Fil {
				fil += it.Stretch
			} else {
				st += it.Stretch
			}
			sh += it.Shrink
		}
	}
	switch it := items[end]; {
	case it.Kind == PenaltyItem:
		w += it.Width
	case it.Kind == BoxItem && end == len(items)-1:
		w += it.Width
	}
	return
}

// checkBreaks asserts the invariants every result must satisfy.
func checkBreaks(t testing.TB, items []Item, width func(int) Unit, breaks []Break) {
	t.Helper()
	if len(items) == 0 {
		if len(breaks) != 0 {
			t.Fatalf("breaks for an empty paragraph: %v", breaks)
		}
		return
	}
	if len(breaks) == 0 {
		t.Fatalf("no breaks for %d items", len(items))
	}
	prev := -1
	for l, b := range breaks {
		if b.Index <= prev || b.Index >= len(items) {
			t.Fatalf("line %d: break %d after %d (%d items)", l, b.Index, prev, len(items))
		}
		if b.Index != len(items)-1 {
			it := items[b.Index]
			legal := (it.Kind == GlueItem && b.Index > 0 && items[b.Index-1].Kind == BoxItem) ||
				(it.Kind == PenaltyItem && it.Penalty < Infinity)
			if !legal {
				t.Fatalf("line %d: illegal break at %d (%+v)", l, b.Index, it)
			}
		}
		w, _, sh, _ := lineSums(items, prev, b.Index)
		fits := w-sh <= width(l)
		if fits == b.Overfull {
			t.Errorf("line %d: natural %d, shrink %d, measure %d, but Overfull = %v", l, w, sh, width(l), b.Overfull)
		}
		prev = b.Index
	}
	if prev != len(items)-1 {
		t.Fatalf("last break %d, want the last item %d", prev, len(items)-1)
	}
}

// demerits recomputes, independently of the breaker, TeX's total demerits
// of a break sequence; ok is false if a line is infeasible at tolerance
// or the hyphen runs are too long.
func demerits(items []Item, width func(int) Unit, breaks []Break, p BreakParams) (total int64, ok bool) {
	prev, prevFit, prevFlagged, run := -1, decent, false, 0
	for l, b := range breaks {
		w, st, sh, fil := lineSums(items, prev, b.Index)
		short := width(l) - w
		bad, fit := 0, decent
		switch {
		case short > 0 && fil == 0:
			bad = badness(short, st)
			if bad > 99 {
				fit = veryLoose
			} else if bad > 12 {
				fit = loose
			}
		case short < 0:
			if -short > sh {
				return 0, false
			}
			bad = badness(-short, sh)
			if bad > 12 {
				fit = tight
			}
		}
		if bad > p.Tolerance {
			return 0, false
		}
		it := items[b.Index]
		last := b.Index == len(items)-1
		flagged := it.Kind == PenaltyItem && it.Flagged && !last
		if flagged {
			run++
			if p.MaxHyphenRun > 0 && run > p.MaxHyphenRun {
				return 0, false
			}
		} else {
			run = 0
		}
		d := int64(p.LinePenalty + bad)
		if d >= 10000 {
			d = 100000000
		} else {
			d *= d
		}
		if it.Kind == PenaltyItem && !last && it.Penalty > -Infinity {
			if it.Penalty > 0 {
				d += int64(it.Penalty * it.Penalty)
			} else {
				d -= int64(it.Penalty * it.Penalty)
			}
		}
		if prevFlagged {
			if last {
				d += int64(p.LastHyphenDemerits)
			} else if flagged {
				d += int64(p.FlaggedDemerits)
			}
		}
		if fit-prevFit > 1 || prevFit-fit > 1 {
			d += int64(p.FitnessDemerits)
		}
		total += d
		prev, prevFit, prevFlagged = b.Index, fit, flagged
	}
	return total, true
}

func constWidth(w Unit) func(int) Unit { return func(int) Unit { return w } }

func TestBadness(t *testing.T) {
	tests := []struct {
		t, s Unit
		want int
	}{
		{0, 0, 0}, {0, PT, 0}, {PT, 0, infBad}, {PT, PT, 100}, {2 * PT, PT, 800},
		{PT, 2 * PT, 12}, {5 * PT, PT, infBad}, {-PT, PT, 0},
	}
	for _, tt := range tests {
		if got := badness(tt.t, tt.s); got != tt.want {
			t.Errorf("badness(%d, %d) = %d, want %d", tt.t, tt.s, got, tt.want)
		}
	}
}

func TestBreakLinesFrench(t *testing.T) {
	p := DefaultBreakParams()
	size := Pt(10.5)
	emergencies := 0
	for _, mm := range []float64{40, 60, 80, 100, 120} {
		width := constWidth(Mm(mm))
		items := paragraph(frenchText, size, French(), p)
		breaks := BreakLines(items, width, p)
		checkBreaks(t, items, width, breaks)
		loose := false
		for l, b := range breaks {
			if b.Overfull {
				t.Errorf("%gmm: line %d overfull", mm, l)
			}
			if b.Badness > p.Tolerance {
				loose = true
			}
		}
		if got := breaks[len(breaks)-1].Ratio; got < 0 || got > 1e-3 {
			t.Errorf("%gmm: last line ratio %g, want about 0 (parfillskip)", mm, got)
		}
		if loose {
			// the emergency pass is only used when no sequence fits
			emergencies++
			if _, ok := newBreaker(items, width, p).pass(p.Tolerance, true, false, false); ok {
				t.Errorf("%gmm: lines beyond tolerance although the second pass succeeds", mm)
			}
			continue
		}
		if _, ok := demerits(items, width, breaks, p); !ok {
			t.Errorf("%gmm: result infeasible by the test's own measure", mm)
		}
	}
	if emergencies == 5 {
		t.Error("every measure needed the emergency pass")
	}
}

// firstFit is the greedy breaker (a word processor): the longest line that
// fits, shrinking if need be, hyphenating only when a word does not fit.
func firstFit(items []Item, width func(int) Unit) []Break {
	var out []Break
	prev := -1
	for prev < len(items)-1 {
		best := -1
		for c := prev + 1; c < len(items); c++ {
			it := items[c]
			legal := c == len(items)-1 || (it.Kind == GlueItem && items[c-1].Kind == BoxItem) ||
				(it.Kind == PenaltyItem && it.Penalty < Infinity)
			if !legal {
				continue
			}
			w, _, sh, _ := lineSums(items, prev, c)
			if w-sh > width(len(out)) {
				break
			}
			best = c
			if it.Kind == PenaltyItem && it.Penalty <= -Infinity {
				break
			}
		}
		if best < 0 {
			return nil
		}
		out = append(out, Break{Index: best})
		prev = best
	}
	return out
}

// TestTotalFitBeatsFirstFit: on the same text and measures, total fit
// never has more demerits than first fit, and is strictly better on most.
func TestTotalFitBeatsFirstFit(t *testing.T) {
	p := DefaultBreakParams()
	p.Tolerance = 10000 // so that first fit's loose lines are comparable
	p.Pretolerance = -1
	better, compared := 0, 0
	for mm := 50.0; mm <= 110; mm += 2.5 {
		width := constWidth(Mm(mm))
		items := paragraph(frenchText, Pt(10.5), French(), p)
		kp := BreakLines(items, width, p)
		ff := firstFit(items, width)
		dkp, ok1 := demerits(items, width, kp, p)
		dff, ok2 := demerits(items, width, ff, p)
		if !ok1 {
			t.Fatalf("%gmm: total fit infeasible", mm)
		}
		if !ok2 {
			continue
		}
		compared++
		if dkp > dff {
			t.Errorf("%gmm: total fit %d demerits > first fit %d", mm, dkp, dff)
		}
		if dkp < dff {
			better++
		}
	}
	if compared < 10 || better < compared/2 {
		t.Errorf("total fit strictly better on %d of %d measures", better, compared)
	}
}

// TestOptimal compares with an exhaustive search over every break
// sequence of small random paragraphs (hyphens included): the breaker
// must find the minimum demerits whenever a feasible sequence exists.
func TestOptimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	p := DefaultBreakParams()
	p.Pretolerance = -1 // one pass, so that the optimum is well defined
	for trial := 0; trial < 300; trial++ {
		var items []Item
		nw := 4 + rng.IntN(8)
		for i := 0; i < nw; i++ {
			if i > 0 {
				items = append(items, Item{Kind: GlueItem, Width: 3 * PT, Stretch: Unit(1+rng.IntN(3)) * PT, Shrink: PT})
			}
			items = append(items, Item{Kind: BoxItem, Width: Unit(5+rng.IntN(30)) * PT})
			if rng.IntN(3) == 0 {
				items = append(items, Item{Kind: PenaltyItem, Width: 2 * PT, Penalty: 50, Flagged: true},
					Item{Kind: BoxItem, Width: Unit(5+rng.IntN(20)) * PT})
			}
		}
		items = append(items, Item{Kind: PenaltyItem, Penalty: Infinity}, Item{Kind: GlueItem, Stretch: Fil},
			Item{Kind: PenaltyItem, Penalty: -Infinity})
		w := Unit(40+rng.IntN(60)) * PT
		width := func(l int) Unit {
			if l == 0 {
				return w - 10*PT
			}
			return w
		}
		var legal []int
		for c := range items[:len(items)-1] {
			it := items[c]
			if (it.Kind == GlueItem && items[c-1].Kind == BoxItem) || (it.Kind == PenaltyItem && it.Penalty < Infinity) {
				legal = append(legal, c)
			}
		}
		if len(legal) > 14 {
			continue
		}
		best, found := int64(0), false
		for mask := 0; mask < 1<<len(legal); mask++ {
			var seq []Break
			for j, c := range legal {
				if mask&(1<<j) != 0 {
					seq = append(seq, Break{Index: c})
				}
			}
			seq = append(seq, Break{Index: len(items) - 1})
			if d, ok := demerits(items, width, seq, p); ok && (!found || d < best) {
				best, found = d, true
			}
		}
		got := BreakLines(items, width, p)
		checkBreaks(t, items, width, got)
		if !found {
			continue
		}
		d, ok := demerits(items, width, got, p)
		if !ok || d != best {
			t.Fatalf("trial %d: demerits %d (feasible %v), optimum %d; breaks %v", trial, d, ok, best, got)
		}
	}
}

func hyphenRuns(items []Item, breaks []Break) int {
	longest, run := 0, 0
	for _, b := range breaks {
		if it := items[b.Index]; it.Kind == PenaltyItem && it.Flagged && b.Index != len(items)-1 {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

func TestMaxHyphenRun(t *testing.T) {
	const text = `anticonstitutionnellement extraordinairement professionnellement
		transformation accessibilité communication développement participation
		internationalisation responsabilités infrastructures représentativité
		intergouvernementales multidisciplinaires authentification incompréhensibles`
	sawLongRun := false
	for _, limit := range []int{1, 2, 3} {
		for mm := 20.0; mm <= 60; mm += 1 {
			width := constWidth(Mm(mm))
			p := DefaultBreakParams()
			p.FlaggedDemerits = 0 // make hyphen runs tempting
			p.MaxHyphenRun = limit
			items := paragraph(strings.Repeat(text+" ", 3), Pt(10.5), French(), p)
			breaks := BreakLines(items, width, p)
			checkBreaks(t, items, width, breaks)
			if got := hyphenRuns(items, breaks); got > limit {
				t.Errorf("limit %d, %gmm: %d hyphenated lines in a row", limit, mm, got)
			}
			p.MaxHyphenRun = 0
			if hyphenRuns(items, BreakLines(items, width, p)) > limit {
				sawLongRun = true
			}
		}
	}
	if !sawLongRun {
		t.Error("the text never tempts the breaker into long hyphen runs: the test proves nothing")
	}
}

func TestWordWiderThanMeasure(t *testing.T) {
	p := DefaultBreakParams()
	text := "Une adresse https://example.org/un/chemin/vraiment/très/long/qui/ne/tient/pas ne doit jamais faire planter le programme ni déborder ailleurs que sur sa propre ligne."
	items := paragraph(text, Pt(10.5), nil, p)
	width := constWidth(Mm(40))
	breaks := BreakLines(items, width, p)
	checkBreaks(t, items, width, breaks)
	over := 0
	for _, b := range breaks {
		if b.Overfull {
			over++
		}
	}
	if over != 1 {
		t.Errorf("%d overfull lines, want exactly the URL's", over)
	}
}

func TestBreakLinesEdgeCases(t *testing.T) {
	p := DefaultBreakParams()
	if got := BreakLines(nil, constWidth(PT), p); got != nil {
		t.Errorf("empty paragraph: %v", got)
	}
	forced := []Item{{Kind: PenaltyItem, Penalty: -Infinity}}
	got := BreakLines(forced, constWidth(100*PT), p)
	if len(got) != 1 || got[0].Index != 0 || got[0].Overfull {
		t.Errorf("only a forced break: %v", got)
	}
	// a box alone, no final penalty: the last item still ends the line
	box := []Item{{Kind: BoxItem, Width: 10 * PT}}
	got = BreakLines(box, constWidth(100*PT), p)
	if len(got) != 1 || got[0].Index != 0 || got[0].Overfull {
		t.Errorf("a box alone: %v", got)
	}
	got = BreakLines(box, constWidth(PT), p)
	if len(got) != 1 || !got[0].Overfull {
		t.Errorf("a box wider than the measure: %v", got)
	}
	// hard line breaks in the middle are honoured
	items := paragraph("un deux trois", Pt(10), nil, p)
	mid := append([]Item{}, items[:3]...) // un glue deux
	mid = append(mid, Item{Kind: PenaltyItem, Penalty: Infinity}, Item{Kind: GlueItem, Stretch: Fil},
		Item{Kind: PenaltyItem, Penalty: -Infinity})
	mid = append(mid, items[3:]...)
	got = BreakLines(mid, constWidth(100*PT), p)
	checkBreaks(t, mid, constWidth(100*PT), got)
	if len(got) != 2 || got[0].Index != 5 {
		t.Errorf("forced break in the middle: %v", got)
	}
}

// TestExtremeMeasures: a 1 sp measure (every line overfull), a zero and a
// negative one, a huge one; all must return valid breaks.
func TestExtremeMeasures(t *testing.T) {
	p := DefaultBreakParams()
	items := paragraph(strings.Repeat(frenchText+" ", 10), Pt(10.5), French(), p)
	for _, w := range []Unit{1, 0, -PT, 1 << 50} {
		width := constWidth(w)
		breaks := BreakLines(items, width, p)
		checkBreaks(t, items, width, breaks)
		if w <= 1 {
			words := strings.Count(strings.Repeat(frenchText+" ", 10), " ")
			if len(breaks) < words/2 {
				t.Errorf("measure %d: %d lines for %d words", w, len(breaks), words)
			}
		} else if len(breaks) != 1 {
			t.Errorf("huge measure: %d lines", len(breaks))
		}
	}
}

func TestVariableWidths(t *testing.T) {
	p := DefaultBreakParams()
	items := paragraph(frenchText, Pt(10.5), French(), p)
	// a photo beside the first four lines
	width := func(l int) Unit {
		if l < 4 {
			return Mm(60)
		}
		return Mm(100)
	}
	breaks := BreakLines(items, width, p)
	checkBreaks(t, items, width, breaks)
	for l, b := range breaks {
		if b.Overfull {
			t.Errorf("line %d overfull", l)
		}
	}
	// the narrow lines really are narrower
	w0, _, _, _ := lineSums(items, -1, breaks[0].Index)
	if w0 > Mm(62) || w0 < Mm(50) {
		t.Errorf("first line %gmm for a 60mm measure", w0.Millimetres())
	}
}

func BenchmarkBreakLines(b *testing.B) {
	p := DefaultBreakParams()
	// about 120 words
	text := strings.Join(strings.Fields(frenchText+" "+frenchText), " ")
	words := strings.Fields(text)[:120]
	items := paragraph(strings.Join(words, " "), Pt(10.5), French(), p)
	width := constWidth(Mm(100))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		BreakLines(items, width, p)
	}
}

func FuzzBreakLines(f *testing.F) {
	f.Add([]byte{0, 10, 1, 3, 0, 20, 2, 50}, uint16(30))
	f.Add([]byte{2, 200, 2, 100, 1, 0, 0, 255}, uint16(1))
	f.Add([]byte{}, uint16(100))
	f.Fuzz(func(t *testing.T, data []byte, w uint16) {
		var items []Item
		for i := 0; i+1 < len(data) && len(items) < 400; i += 2 {
			v := Unit(data[i+1])
			switch data[i] % 5 {
			case 0, 1:
				items = append(items, Item{Kind: BoxItem, Width: v * PT / 8})
			case 2:
				items = append(items, Item{Kind: GlueItem, Width: v * PT / 16, Stretch: v * PT / 32, Shrink: v * PT / 64})
			case 3:
				items = append(items, Item{Kind: PenaltyItem, Width: v * PT / 64, Penalty: int(v)*100 - 12000, Flagged: v%2 == 1})
			case 4:
				items = append(items, Item{Kind: GlueItem, Stretch: Fil})
			}
		}
		width := func(l int) Unit { return Unit(w) * PT / Unit(1+l%3) }
		breaks := BreakLines(items, width, DefaultBreakParams())
		checkBreaks(t, items, width, breaks)
	})
}
