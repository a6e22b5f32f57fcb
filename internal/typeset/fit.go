package typeset

import (
	"cmp"
	"slices"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/layout"
)

// LayoutReport is what the typesetter measured of its own pages: the page
// faults a book designer looks for, each where it is, and what it did to
// avoid them.
type LayoutReport struct {
	// HyphenTurns: a page that ends inside a hyphenated word.
	HyphenTurns []Fault
	// ShortLastLines: a paragraph whose last line holds fewer than 5
	// letters under a full one.
	ShortLastLines []Fault
	// ShortLastPages: a contribution that ends with a page of one to
	// three lines that no looseness could take back.
	ShortLastPages []Fault
	// Openings: where each contribution's text starts.
	Openings []Opening
	// RunShort: a short last page taken back by running the pages before
	// it a line short, no paragraph of the text being able to change its
	// number of lines.
	RunShort []Fault
	// RunLong: a lone last line taken back by running the page before it
	// a line long.
	RunLong []Fault
	// Tightened and Loosened count the paragraphs set a line tighter or
	// looser to take back a short last page; Refits the contributions
	// whose short last page was taken back.
	Tightened, Loosened, Refits int
}

// Fault is one page fault: the source it comes from and its page (0 when
// it is not tied to one).
type Fault struct {
	File string
	Line int
	Page int
	Text string // what is printed there, when it says more
}

// Opening is where a contribution's text starts on its opening page.
type Opening struct {
	Slug  string
	Photo bool
	Page  int         // folio of the opening
	Top   layout.Unit // top of the first text line, from the top of the text frame; -1: not on the opening page
	Grid  bool        // Top is a whole number of body lines from the frame's top
}

// openingZone is the height of a contribution's opening block, its photo
// included: the text starts below it, at the same height whether the
// contribution has a photo or not (a taller name block pushes it down).
var openingZone = layout.Mm(24)

// openingPhotoColumn is the room kept beside the name block for the
// photo (30 mm and a 6 mm gutter), photo or not, so that the name, role
// and links are measured the same way in both cases (a text without a
// photo sets them at the full measure but starts where it would beside one).
var openingPhotoColumn = layout.Mm(36)

// para is a paragraph of the contribution being set, as first set.
type para struct {
	b     *book.Block
	lines int
	fill  float64 // width of its last line over the measure
}

// paragraph sets a body paragraph with the looseness asked of it, noting
// it when a contribution is being fitted.
func (t *typesetter) paragraph(b *book.Block, ts tstyle, st layout.Style) []layout.Line {
	st.Params.Looseness = t.loose[b]
	if st.Params.Looseness != 0 {
		st.Params.LooseTolerance = t.looseTol
	}
	lines, hit := t.cached(b, st)
	if !hit {
		d0, s0, f0 := len(t.diags), len(t.seenLog), len(t.report.ShortLastLines)
		lines = t.setLines(t.spans(b.Spans, ts), st)
		if t.fitting {
			if t.setCache == nil {
				t.setCache = map[*book.Block]setPara{}
			}
			t.setCache[b] = setPara{loose: st.Params.Looseness, tol: st.Params.LooseTolerance, lines: lines,
				diags: slices.Clone(t.diags[d0:]), seen: slices.Clone(t.seenLog[s0:]), faults: slices.Clone(t.report.ShortLastLines[f0:])}
			lines = slices.Clone(lines)
		}
	}
	if t.fitting && len(lines) > 0 {
		last := lines[len(lines)-1]
		fill := 1.0
		if st.Width > 0 {
			fill = float64(last.Width) / float64(st.Width)
		}
		t.paras = append(t.paras, para{b: b, lines: len(lines), fill: fill})
	}
	return lines
}

// setPara is a paragraph of the contribution being fitted as set, with
// what setting it reported: the next layout of the text reuses it when it
// asks for the same looseness.
type setPara struct {
	loose, tol int
	lines      []layout.Line
	diags      book.Diagnostics
	seen       []string
	faults     []Fault
}

// cached returns the lines of b set earlier for this contribution with the
// same looseness, reporting again what their setting reported.
func (t *typesetter) cached(b *book.Block, st layout.Style) ([]layout.Line, bool) {
	c, ok := t.setCache[b]
	if !ok || !t.fitting || c.loose != st.Params.Looseness || c.tol != st.Params.LooseTolerance {
		return nil, false
	}
	for _, k := range c.seen {
		if t.seen[k] {
			return nil, false // reported since: set it again, as the first time
		}
	}
	for _, k := range c.seen {
		t.see(k)
	}
	t.diags = append(t.diags, c.diags...)
	t.report.ShortLastLines = append(t.report.ShortLastLines, c.faults...)
	return slices.Clone(c.lines), true
}

// snap puts the first text line of a contribution on the page's baseline
// grid: whatever the height of its opening, its lines sit where the lines
// of every other page sit.
func (t *typesetter) snap() {
	if t.fitting && !t.snapped {
		t.snapped = true
		t.flow.SnapTo(t.d.leading)
	}
}

// onText notes where the first text line of a contribution is placed.
func (t *typesetter) onText(_ int, p *layout.Page, y layout.Unit) {
	if t.fitting && t.textPage == 0 {
		t.textPage, t.textTop = p.Number, y
	}
}

// tmark is a point of the typesetting to come back to.
type tmark struct {
	flow                             layout.Mark
	kinds, heads, diags, ranges      int
	hyphens, shorts, pages, openings int
	nextKind                         pageKind
	head                             string
	breaks                           int
	structure                        layout.StructMark
}

func (t *typesetter) mark() tmark {
	t.seenLog = t.seenLog[:0]
	return tmark{flow: t.flow.Mark(), kinds: len(t.kinds), heads: len(t.heads), diags: len(t.diags), ranges: len(t.ranges),
		hyphens: len(t.report.HyphenTurns), shorts: len(t.report.ShortLastLines), pages: len(t.report.ShortLastPages),
		openings: len(t.report.Openings), nextKind: t.nextKind, head: t.head,
		breaks: len(t.breaks), structure: t.doc.Struct.Mark()}
}

func (t *typesetter) rewind(m tmark) {
	t.flow.Rewind(m.flow)
	t.kinds, t.heads, t.diags, t.ranges = t.kinds[:m.kinds], t.heads[:m.heads], t.diags[:m.diags], t.ranges[:m.ranges]
	r := &t.report
	r.HyphenTurns, r.ShortLastLines = r.HyphenTurns[:m.hyphens], r.ShortLastLines[:m.shorts]
	r.ShortLastPages, r.Openings = r.ShortLastPages[:m.pages], r.Openings[:m.openings]
	t.nextKind, t.head = m.nextKind, m.head
	t.breaks = t.breaks[:m.breaks]
	t.doc.Struct.Rewind(m.structure)
	for _, k := range t.seenLog {
		delete(t.seen, k)
	}
	t.seenLog = t.seenLog[:0]
}

// shortEnd is the number of lines of the contribution just set on its last
// page when that page holds one to three lines below its first page; 0
// otherwise.
func (t *typesetter) shortEnd() int {
	r := t.ranges[len(t.ranges)-1]
	if r.Last == r.First {
		return 0
	}
	slots, used := t.flow.Tail()
	if slots >= 1 && slots <= 3 && used <= 4*t.d.leading {
		return slots
	}
	return 0
}

// fitContribution sets a contribution and, when it ends with a page of
// one to three lines, sets it again: first with some paragraphs a line
// tighter (the short page taken back) or a line looser (the last page
// filled to four lines), as TeX's \looseness does, within the breaker's
// tolerance; when no paragraph can, with the pages before the last run a
// line short (FlushBottom evens them), so that the last page gets four
// lines. Only that contribution is set again.
func (t *typesetter) fitContribution(c *book.Contribution, e Entry) {
	m := t.mark()
	t.layOut(c, e, nil, nil)
	k := t.shortEnd()
	if k == 0 {
		t.fitting, t.loose, t.paras = false, nil, t.paras[:0]
		clear(t.setCache)
		return
	}
	first := slices.Clone(t.paras)
	r0 := t.ranges[len(t.ranges)-1]
	used := t.usedHeights(r0.First, r0.Last) // as first set
	pages := r0.Last - r0.First + 1
	frags := len(t.report.ShortLastLines)
	ok := func() bool {
		r := t.ranges[len(t.ranges)-1]
		return t.shortEnd() == 0 && r.Last-r.First+1 <= pages && len(t.report.ShortLastLines) <= frags
	}
	done := false
	ts := trials(first, k)
	for i, try := range append(ts, ts...) {
		// the second round lets the paragraphs set a line tighter or
		// looser use lines up to badness 1000, the limit below which a
		// line reads well (TeX's \hbadness, recueil's line-loose)
		t.looseTol = 0
		if i >= len(ts) {
			t.looseTol = looseReport
		}
		t.rewind(m)
		t.layOut(c, e, try, nil)
		if ok() {
			done = true
			t.countChanged(first)
			break
		}
	}
	if !done {
		// no looseness does it: the pages before the last, from the
		// last back, each give it one line
		if k == 1 {
			// the page before the last run a line long takes the lone
			// line back (TeX's \enlargethispage): the bottom margin
			// has room for it above the folio
			t.rewind(m)
			t.layOut(c, e, nil, map[int]layout.Unit{r0.Last - 1: t.d.textH + t.d.leading})
			if r := t.ranges[len(t.ranges)-1]; r.Last < r0.Last && t.shortEnd() == 0 {
				done = true
				t.report.RunLong = append(t.report.RunLong, Fault{File: c.Path, Line: c.FieldPos("name").Line, Page: r.Last})
			}
		}
		// then the pages before run short, alone or with every
		// paragraph that can set a line looser
		var looser map[*book.Block]int
		for _, p := range first {
			if p.lines >= 2 {
				if looser == nil {
					looser = map[*book.Block]int{}
				}
				looser[p.b] = 1
			}
		}
		type try struct {
			loose map[*book.Block]int
			n     int
		}
		tries := []try{{nil, 4 - k}, {nil, 5 - k}}
		for n := 1; n < 4-k && looser != nil; n++ {
			tries = append(tries, try{looser, n})
		}
		for _, tr := range tries {
			if done {
				break
			}
			short := runShort(used, r0.First, r0.Last, tr.n, t.d.leading, t.d.textH)
			if short == nil {
				continue
			}
			t.looseTol = looseReport
			t.rewind(m)
			t.layOut(c, e, tr.loose, short)
			even := true
			for p := range short {
				pg := t.doc.Pages[p-1]
				t.flow.Reframe(pg, t.d.textH)
				t.flow.PartFlush(pg)
				even = even && t.flow.Gap(pg) <= t.d.leading/2
			}
			if even && ok() {
				done = true
				t.countChanged(first)
				t.report.RunShort = append(t.report.RunShort, Fault{File: c.Path, Line: c.FieldPos("name").Line, Page: r0.Last})
			}
		}
	}
	if done {
		t.report.Refits++
	} else {
		t.rewind(m)
		t.layOut(c, e, nil, nil)
		r := t.ranges[len(t.ranges)-1]
		line := c.FieldPos("name").Line
		t.report.ShortLastPages = append(t.report.ShortLastPages, Fault{File: c.Path, Line: line, Page: r.Last})
		t.diags.Add(c.Path, book.Pos{Line: line}, book.Warning, "short-last-page",
			book.M("le texte se termine par une page de %s (page %d) que la mise en page n’a pas pu reprendre : raccourcir ou allonger un peu le texte l’évite",
				"the text ends with a page of %s (page %d) that the layout could not take back: making the text a little shorter or longer avoids it"), book.Plural(k, "ligne", "lignes", "line", "lines"), r.Last)
	}
	t.fitting, t.loose, t.paras, t.short, t.looseTol = false, nil, t.paras[:0], nil, 0
	clear(t.setCache)
}

// countChanged counts the paragraphs of the text just set that have a
// line fewer or more than when first set.
func (t *typesetter) countChanged(first []para) {
	for i, p := range t.paras {
		if i < len(first) && first[i].b == p.b {
			switch {
			case p.lines < first[i].lines:
				t.report.Tightened++
			case p.lines > first[i].lines:
				t.report.Loosened++
			}
		}
	}
}

// usedHeights is the height the text just set fills on each of its pages
// first..last, by folio.
func (t *typesetter) usedHeights(first, last int) map[int]layout.Unit {
	out := make(map[int]layout.Unit, last-first+1)
	for p := first; p <= last; p++ {
		out[p] = t.flow.Used(t.doc.Pages[p-1])
	}
	return out
}

// runShort spreads n lines over the pages first..last-1 of the text just
// set, from the last back, one per page, then a second one: by folio, the
// height each page's frame is cut to, so many lines less than the page
// held (used). A page is cut only where FlushBottom can then bring it to
// the bottom of its full frame, or within half a line of it (it stretches
// each line gap by 8% at most): the caller sets each frame back to full
// and checks. Nil when the pages cannot give n lines.
func runShort(used map[int]layout.Unit, first, last, n int, leading, full layout.Unit) map[int]layout.Unit {
	lines := map[int]int{}
	for round := 1; round <= 2 && n > 0; round++ {
		for p := last - 1; p >= first && n > 0; p-- {
			if lines[p] != round-1 {
				continue
			}
			h := used[p] - layout.Unit(round)*leading
			if h <= 0 || full-h > h*8/100+leading/2 {
				continue
			}
			lines[p] = round
			n--
		}
	}
	if n > 0 {
		return nil
	}
	out := make(map[int]layout.Unit, len(lines))
	for p, k := range lines {
		out[p] = used[p] - layout.Unit(k)*leading
	}
	return out
}

// layOut sets the contribution with the looseness asked of its paragraphs.
func (t *typesetter) layOut(c *book.Contribution, e Entry, loose map[*book.Block]int, short map[int]layout.Unit) {
	t.fitting, t.loose, t.paras, t.snapped, t.short = true, loose, t.paras[:0], false, short
	t.textPage, t.textTop = 0, 0
	t.contribution(c, e)
	r := t.ranges[len(t.ranges)-1]
	o := Opening{Slug: c.Slug, Photo: c.Photo != "", Page: r.First, Top: -1}
	if t.textPage == r.First {
		o.Top = t.textTop - t.d.top
		o.Grid = o.Top%t.d.leading == 0
	}
	t.report.Openings = append(t.report.Openings, o)
}

// trials are the looseness settings tried, in order, for a contribution
// whose last page holds k lines: k paragraphs a line tighter, those with
// the shortest last line first (they have the most room to lose a line),
// then every paragraph that can; then enough paragraphs a line looser to
// give the last page four lines, those with the fullest last line first,
// then every paragraph that can. Each is one more layout of the text: few
// tries, since a short paragraph can rarely change its line count within
// the tolerance.
func trials(paras []para, k int) []map[*book.Block]int {
	var cands []para
	for _, p := range paras {
		if p.lines >= 2 {
			cands = append(cands, p)
		}
	}
	order := func(asc bool) []para {
		s := slices.Clone(cands)
		slices.SortStableFunc(s, func(a, b para) int {
			if asc {
				return cmp.Compare(a.fill, b.fill)
			}
			return cmp.Compare(b.fill, a.fill)
		})
		return s
	}
	var out []map[*book.Block]int
	add := func(s []para, n, loose int) {
		if n > len(s) || n <= 0 {
			return
		}
		m := make(map[*book.Block]int, n)
		for _, p := range s[:n] {
			m[p.b] = loose
		}
		out = append(out, m)
	}
	tight := order(true)
	add(tight, k, -1)
	add(tight, len(tight), -1)
	wide := order(false)
	add(wide, 4-k, 1)
	add(wide, len(wide), 1)
	return out
}
