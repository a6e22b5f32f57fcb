package layout

import "slices"

// Frame is the text area of a page.
type Frame struct {
	X, Y, W, H Unit
}

// Flow pours blocks and lines into pages, top to bottom, starting a new page
// when the frame is full. It keeps paragraphs from leaving a single line
// alone at the top or the bottom of a page where it can, keeps what asks
// for it with what follows (a heading never ends a page), and can then
// stretch the vertical space of full pages so that their last lines sit on
// the bottom of the frame (FlushBottom): facing pages end level.
type Flow struct {
	Doc *Document
	// Start is called for each new page; it returns the page's frame.
	Start func(p *Page) Frame
	// Orphans and Widows are the least number of lines of a paragraph
	// left at the bottom and carried to the top of a page (default 2).
	Orphans, Widows int
	// Report, when set, is told of what the flow had to force: a widow
	// or an orphan it could not avoid.
	Report func(Issue, *Page)
	// Foot is how footnotes are set at the foot of the page.
	Foot Foot

	page   *Page
	frame  Frame
	y      Unit // used height of the frame
	frames map[*Page]Frame
	broken map[*Page]bool // pages ended because the next thing did not fit
	part   map[*Page]bool // pages FlushBottom may stretch part of the way
	slots  []slot
	space  Unit             // stretchable space since the last slot on this page
	keep   int              // first slot kept with what follows, -1 when none
	inKeep bool             // placing a group kept with what follows
	feet   map[*Page][]Line // the footnote lines of each page, in order
	carry  []Line           // note lines that did not fit on their page
}

// Foot is the setting of the footnotes: a short rule above them, Above
// below the text and Below above the first note.
type Foot struct {
	Above, Below, Rule, Thick Unit
	Color                     Color
}

// Notes are the footnotes of one text, set as lines, by number: the flow
// sets each at the foot of the page where its first call falls
// (LinesOpts.Notes), and carries what cannot fit there to the foot of the
// next page.
type Notes struct {
	Lines  map[int][]Line
	placed map[int]bool
}

// pending returns the lines of the notes called in nums that are not set yet.
func (n *Notes) pending(nums []int) []Line {
	if n == nil || len(nums) == 0 {
		return nil
	}
	var out []Line
	for _, k := range nums {
		if !n.placed[k] {
			out = append(out, n.Lines[k]...)
		}
	}
	return out
}

func (n *Notes) take(nums []int) []Line {
	out := n.pending(nums)
	if n != nil {
		if n.placed == nil {
			n.placed = map[int]bool{}
		}
		for _, k := range nums {
			n.placed[k] = true
		}
	}
	return out
}

// footH is the height the footnotes take at the foot of p: the rule and
// its gaps, then the lines; 0 without notes.
func (f *Flow) footH(p *Page) Unit {
	ls := f.feet[p]
	if len(ls) == 0 {
		return 0
	}
	return f.Foot.Above + f.Foot.Below + height(ls)
}

// noteH is what adding lines to the foot of the current page takes.
func (f *Flow) noteH(ls []Line, footEmpty bool) Unit {
	if len(ls) == 0 {
		return 0
	}
	h := height(ls)
	if footEmpty {
		h += f.Foot.Above + f.Foot.Below
	}
	return h
}

func height(ls []Line) Unit {
	var h Unit
	for _, l := range ls {
		h += l.Leading
	}
	return h
}

// addNotes sets note lines at the foot of the current page below a line
// of height lead about to be placed: what does not fit is carried to the
// next page's foot. It returns how many lines it added.
func (f *Flow) addNotes(ls []Line, lead Unit) int {
	if len(ls) == 0 {
		return 0
	}
	room := f.frame.H - f.y - lead - f.footH(f.page)
	if len(f.feet[f.page]) == 0 {
		room -= f.Foot.Above + f.Foot.Below
	}
	n := 0
	for n < len(ls) && ls[n].Leading <= room {
		room -= ls[n].Leading
		n++
	}
	if f.feet == nil {
		f.feet = map[*Page][]Line{}
	}
	f.feet[f.page] = append(f.feet[f.page], ls[:n]...)
	f.carry = append(f.carry, ls[n:]...)
	return n
}

// drawFeet sets every page's footnotes at the bottom of its frame.
func (f *Flow) drawFeet() {
	for _, p := range f.Doc.Pages {
		ls := f.feet[p]
		if len(ls) == 0 {
			continue
		}
		fr := f.frames[p]
		y := fr.Y + fr.H - f.footH(p)
		p.Add(Element{Kind: RuleElement, X: fr.X, Y: y + f.Foot.Above, W: f.Foot.Rule, Size: f.Foot.Thick, Color: f.Foot.Color})
		y += f.Foot.Above + f.Foot.Below
		for _, l := range ls {
			PlaceLine(p, l, fr.X, y)
			y += l.Leading
		}
	}
	f.feet = nil
}

// Issue is something the flow had to force.
type Issue uint8

const (
	// Widow: the last line of a paragraph alone at the top of a page.
	Widow Issue = iota + 1
	// Orphan: the first line of a paragraph alone at the bottom of a page.
	Orphan
	// HyphenTurn: a page ends inside a hyphenated word ("deman-" at its
	// foot, "daient" at the top of the next).
	HyphenTurn
)

// slot is one thing the flow placed: a line or a block.
type slot struct {
	page       *Page
	first, end int  // its elements on the page
	y, h       Unit // top (from the frame's top) and height
	space      Unit // stretchable space just above it
	notes      int  // footnote lines it set at the foot of its page
}

// Page returns the current page, starting one if needed.
func (f *Flow) Page() *Page {
	if f.page == nil {
		f.NewPage()
	}
	return f.page
}

// Frame returns the current frame.
func (f *Flow) Frame() Frame { f.Page(); return f.frame }

// NewPage starts a new page.
func (f *Flow) NewPage() *Page {
	if f.frames == nil {
		f.frames = map[*Page]Frame{}
		f.broken = map[*Page]bool{}
	}
	f.page = f.Doc.NewPage()
	f.frame = f.Start(f.page)
	f.frames[f.page] = f.frame
	f.y = 0
	if len(f.carry) > 0 {
		// notes carried from the page before: as many as fit, first
		ls := f.carry
		f.carry = nil
		f.addNotes(ls, 0)
	}
	f.space = 0
	f.keep = -1
	return f.page
}

// breakPage ends the current page because what comes next does not fit,
// carrying along what was to be kept with it.
func (f *Flow) breakPage() {
	old, oldFrame := f.page, f.frame
	kept := f.keptSlots()
	f.broken[old] = true
	var movedNotes []Line
	if kept >= 0 {
		n := 0
		for _, s := range f.slots[kept:] {
			n += s.notes
		}
		if ls := f.feet[old]; n > 0 && n <= len(ls) {
			movedNotes = ls[len(ls)-n:]
			f.feet[old] = ls[: len(ls)-n : len(ls)-n]
		}
	}
	f.NewPage()
	if kept < 0 {
		return
	}
	if len(movedNotes) > 0 {
		f.feet[f.page] = append(f.feet[f.page], movedNotes...)
	}
	top := f.slots[kept].y
	first := f.slots[kept].first
	moved := old.Elements[first:]
	old.Elements = old.Elements[:first:first]
	dx, dy := f.frame.X-oldFrame.X, f.frame.Y+0-(oldFrame.Y+top)
	base := len(f.page.Elements)
	for _, e := range moved {
		e.X += dx
		e.Y += dy
		f.page.Elements = append(f.page.Elements, e)
	}
	for i := kept; i < len(f.slots); i++ {
		s := &f.slots[i]
		s.page = f.page
		s.first += base - first
		s.end += base - first
		s.y -= top
		if i == kept {
			s.space = 0
		}
	}
	last := f.slots[len(f.slots)-1]
	f.y = last.y + last.h
}

// keptSlots returns the first slot of the group kept with what follows
// when it can be moved to the next page: it is the last thing on the
// page, below something else; -1 otherwise.
func (f *Flow) keptSlots() int {
	k := f.keep
	if k < 0 || k >= len(f.slots) {
		return -1
	}
	s := f.slots[k]
	if s.page != f.page || s.y <= 0 {
		return -1
	}
	end := s.first
	for _, x := range f.slots[k:] {
		if x.page != f.page || x.first != end {
			return -1
		}
		end = x.end
	}
	if end != len(f.page.Elements) {
		return -1 // something else was drawn after it
	}
	return k
}

// record notes what was just placed: the page's elements from first on,
// at f.y, h high.
func (f *Flow) record(first int, h Unit) {
	f.slots = append(f.slots, slot{page: f.page, first: first, end: len(f.page.Elements), y: f.y, h: h, space: f.space})
	f.space = 0
	if !f.inKeep {
		f.keep = -1
	}
}

// Fresh reports whether nothing was placed on the current page yet.
func (f *Flow) Fresh() bool { return f.page == nil || f.y == 0 }

// Y returns the current position on the page (from the page top).
func (f *Flow) Y() Unit { f.Page(); return f.frame.Y + f.y }

// Remaining is the height left in the frame.
func (f *Flow) Remaining() Unit { f.Page(); return f.frame.H - f.footH(f.page) - f.y }

// Space adds vertical space, dropped at the top of a page. FlushBottom may
// stretch it.
func (f *Flow) Space(h Unit) {
	if f.Fresh() {
		return
	}
	f.y += h
	f.space += h
}

// Skip moves down by h even at the top of a page.
func (f *Flow) Skip(h Unit) { f.Page(); f.y += h }

// Need starts a new page unless h fits in what is left.
func (f *Flow) Need(h Unit) {
	f.Page()
	if !f.Fresh() && f.Remaining() < h {
		f.breakPage()
	}
}

// Block places an unbreakable block of height h: on a new page when it does
// not fit. draw receives the page and the top-left corner of the block.
func (f *Flow) Block(h Unit, draw func(p *Page, x, y Unit)) { f.BlockNotes(h, nil, nil, draw) }

// NeedWithNotes is the height a block of height h that calls these notes
// needs on the current page: h and the notes' height, the rule included
// when the page has no note yet. When that cannot fit on any page, the
// block needs room for the first line of its notes only: the rest is
// carried to the next page's foot.
func (f *Flow) NeedWithNotes(h Unit, notes *Notes, calls []int) Unit {
	f.Page()
	ls := notes.pending(calls)
	empty := f.footH(f.page) == 0
	need := h + f.noteH(ls, empty)
	if len(ls) > 0 && need > f.frame.H-f.footH(f.page) {
		need = h + f.noteH(ls[:1], empty)
	}
	return need
}

// BlockNotes places an unbreakable block that calls footnotes (a table's
// row): on the page where it and its notes fit, the notes at its foot.
func (f *Flow) BlockNotes(h Unit, notes *Notes, calls []int, draw func(p *Page, x, y Unit)) {
	f.Need(f.NeedWithNotes(h, notes, calls))
	n := f.addNotes(notes.take(calls), h)
	first := len(f.page.Elements)
	draw(f.page, f.frame.X, f.frame.Y+f.y)
	f.record(first, h)
	f.slots[len(f.slots)-1].notes = n
	f.y += h
}

// FlushBottom stretches the vertical space of every page the flow ended
// because the next thing did not fit, so that its last line sits on the
// bottom of the frame (or on the top of its footnotes): first the space
// between blocks (up to doubling it), then between lines (up to 8% of a
// line). A page that would need more is left as it is. It then sets the
// footnotes at the foot of their pages. Call it once everything is
// placed, before adding anything else to the pages.
func (f *Flow) FlushBottom() {
	defer f.drawFeet()
	var run []slot
	flush := func() {
		if len(run) > 1 && f.broken[run[0].page] {
			f.flush(run)
		}
		run = run[:0]
	}
	for _, s := range f.slots {
		if len(run) > 0 && run[0].page != s.page {
			flush()
		}
		run = append(run, s)
	}
	flush()
}

// room is what FlushBottom must add to the page of run (short) and what
// it may (the spaces between blocks, 8% of each line gap).
func (f *Flow) room(run []slot) (short, spaces, caps Unit) {
	p := run[0].page
	last := run[len(run)-1]
	short = f.frames[p].H - f.footH(p) - (last.y + last.h)
	for k := 1; k < len(run); k++ {
		spaces += run[k].space
		caps += min(run[k-1].h, run[k].h) * 8 / 100
	}
	return short, spaces, caps
}

// Gap is how far above the bottom of its frame the last line of p, a page
// among the last the flow started, stays after FlushBottom: 0 when it can
// even the page, else what it cannot take up (with PartFlush) or the whole
// shortfall.
func (f *Flow) Gap(p *Page) Unit {
	var run []slot
	for i := len(f.slots) - 1; i >= 0; i-- {
		if f.slots[i].page == p {
			run = append(run, f.slots[i])
		} else if len(run) > 0 {
			break
		}
	}
	if len(run) < 2 {
		return f.frames[p].H
	}
	slices.Reverse(run)
	short, spaces, caps := f.room(run)
	switch {
	case short <= spaces+caps:
		return 0
	case f.part[p]:
		return short - spaces - caps
	}
	return short
}

// PartFlush lets FlushBottom stretch p as far as it may when it cannot
// bring its last line down to the bottom: a page run short on purpose
// then ends as close to the bottom as it can.
func (f *Flow) PartFlush(p *Page) {
	if f.part == nil {
		f.part = map[*Page]bool{}
	}
	f.part[p] = true
}

// Reframe sets the height of p's frame, for FlushBottom and the footnotes:
// a page laid out in a shorter frame (run a line short) is then evened to
// the bottom of the full one.
func (f *Flow) Reframe(p *Page, h Unit) {
	if fr, ok := f.frames[p]; ok {
		fr.H = h
		f.frames[p] = fr
	}
}

func (f *Flow) flush(run []slot) {
	p := run[0].page
	short, spaces, caps := f.room(run)
	if short > spaces+caps && f.part[p] {
		short = spaces + caps
	}
	if short <= 0 || short > spaces+caps {
		return
	}
	fromSpaces := min(short, spaces)
	rest := short - fromSpaces
	var sumSpace, sumCap Unit
	for k := 1; k < len(run); k++ {
		sumSpace += run[k].space
		sumCap += min(run[k-1].h, run[k].h) * 8 / 100
		var shift Unit
		if spaces > 0 {
			shift += Unit(int64(fromSpaces) * int64(sumSpace) / int64(spaces))
		}
		if caps > 0 {
			shift += Unit(int64(rest) * int64(sumCap) / int64(caps))
		}
		for i := run[k].first; i < run[k].end; i++ {
			p.Elements[i].Y += shift
		}
	}
}

// Baseline is the offset of a line's baseline below the top of its slot.
func Baseline(leading, size Unit) Unit {
	half := (leading - size*1107/1000) / 2
	return half + size*891/1000
}

// PlaceLine puts a set line on the page at x with its slot's top at y.
func PlaceLine(p *Page, l Line, x, y Unit) {
	base := y + Baseline(l.Leading, max(l.Size, 1))
	t := p.s.tag()
	for _, e := range l.Elements {
		e.X += x
		e.Y += base
		if e.Node == 0 {
			e.Node = t
		}
		p.Elements = append(p.Elements, e)
	}
}

// LinesOpts tune how lines are placed.
type LinesOpts struct {
	X    Unit // offset from the frame's left edge
	Keep bool // never split the lines across pages (when they fit on a page)
	// OnLine is called with each line placed (for markers, anchors...).
	OnLine func(i int, p *Page, y Unit)
	// KeepNext keeps the lines on the page of what the flow places next
	// (a heading): when that goes to a new page, they go with it.
	KeepNext bool
	// Notes are the footnotes the lines may call (Line.Notes): each is
	// set at the foot of the page of its first call, and the lines that
	// do not leave room for their notes go to the next page.
	Notes *Notes
}

// Lines places the lines of a paragraph, splitting it across pages with
// widow and orphan control.
func (f *Flow) Lines(lines []Line, o LinesOpts) {
	orphans, widows := max(f.Orphans, 2), max(f.Widows, 2)
	f.Page()
	i := 0
	for i < len(lines) {
		left := len(lines) - i
		var total Unit
		for _, l := range lines[i:] {
			total += l.Leading
		}
		fit := 0 // lines that fit in the frame, with their notes
		var h Unit
		foot := f.footH(f.page)
		for _, l := range lines[i:] {
			nh := f.noteH(o.Notes.pending(l.Notes), foot == 0)
			if f.y+h+l.Leading > f.frame.H-foot-nh {
				break
			}
			h += l.Leading
			foot += nh
			fit++
		}
		n := left
		if fit < left {
			n = fit
			if o.Keep && total <= f.frame.H && !f.Fresh() {
				n = 0
			}
			if left-n < widows {
				n = left - widows
			}
			for n > 0 && lines[i+n-1].Hyphen && !o.Keep {
				// never end a page inside a word: a line fewer here (two
				// when the line before is hyphenated too), or the whole
				// paragraph on the next page when that leaves an orphan
				// (FlushBottom evens the page)
				n--
			}
			if n < orphans {
				n = 0
			}
			if n == 0 && f.Fresh() {
				n = max(fit, 1) // nothing better to do on an empty page
			}
			if n == 0 {
				f.breakPage()
				continue
			}
			if f.Report != nil && !o.Keep {
				if n < orphans {
					f.Report(Orphan, f.page)
				}
				if left-n < widows {
					f.Report(Widow, f.page)
				}
			}
			if f.Report != nil && n < left && lines[i+n-1].Hyphen {
				f.Report(HyphenTurn, f.page)
			}
		}
		if o.KeepNext && i == 0 {
			f.inKeep = true
			f.keep = len(f.slots)
		}
		for _, l := range lines[i : i+n] {
			top := f.frame.Y + f.y
			first := len(f.page.Elements)
			notes := f.addNotes(o.Notes.take(l.Notes), l.Leading)
			PlaceLine(f.page, l, f.frame.X+o.X, top)
			if o.OnLine != nil {
				o.OnLine(i, f.page, top)
			}
			f.record(first, l.Leading)
			f.slots[len(f.slots)-1].notes = notes
			f.y += l.Leading
			i++
		}
		f.inKeep = false
		if i < len(lines) {
			f.breakPage()
		}
	}
}

// Mark is a point of the flow to come back to (Rewind): a typesetter lays
// a text out, looks at its pages and may set it again differently.
type Mark struct {
	pages, elems, anchors, outline, slots, feet int
	page                                        *Page
	frame                                       Frame
	y, space                                    Unit
	keep                                        int
	inKeep, broken                              bool
	carry                                       []Line
}

// Mark returns the current point of the flow. Pages started after it may
// be dropped by Rewind; the current page keeps what it holds now.
func (f *Flow) Mark() Mark {
	m := Mark{pages: len(f.Doc.Pages), slots: len(f.slots), page: f.page, frame: f.frame, y: f.y,
		space: f.space, keep: f.keep, inKeep: f.inKeep, carry: append([]Line(nil), f.carry...)}
	if f.page != nil {
		m.elems, m.anchors, m.outline = len(f.page.Elements), len(f.page.Anchors), len(f.page.Outline)
		m.feet, m.broken = len(f.feet[f.page]), f.broken[f.page]
	}
	return m
}

// Rewind takes the flow and its document back to m: the pages started
// since are dropped, the current page loses what was added to it.
func (f *Flow) Rewind(m Mark) {
	for _, p := range f.Doc.Pages[m.pages:] {
		delete(f.frames, p)
		delete(f.broken, p)
		delete(f.part, p)
		delete(f.feet, p)
	}
	clear(f.Doc.Pages[m.pages:])
	f.Doc.Pages = f.Doc.Pages[:m.pages]
	f.slots = f.slots[:m.slots]
	f.page, f.frame, f.y, f.space, f.keep, f.inKeep = m.page, m.frame, m.y, m.space, m.keep, m.inKeep
	f.carry = append([]Line(nil), m.carry...)
	if p := f.page; p != nil {
		p.Elements, p.Anchors, p.Outline = p.Elements[:m.elems], p.Anchors[:m.anchors], p.Outline[:m.outline]
		if ls, ok := f.feet[p]; ok {
			f.feet[p] = ls[:m.feet:m.feet]
		}
		if m.broken {
			f.broken[p] = true
		} else {
			delete(f.broken, p)
		}
	}
}

// Tail describes the current page: how many things (lines or blocks) the
// flow placed on it and the height they take, its footnotes included.
func (f *Flow) Tail() (slots int, used Unit) {
	if f.page == nil {
		return 0, 0
	}
	for i := len(f.slots) - 1; i >= 0 && f.slots[i].page == f.page; i-- {
		slots++
	}
	return slots, f.y + f.footH(f.page)
}

// Used is the height the flow filled on p, a page among the last it
// started: from the frame's top to the bottom of the last thing placed.
func (f *Flow) Used(p *Page) Unit {
	var used Unit
	seen := false
	for i := len(f.slots) - 1; i >= 0; i-- {
		s := f.slots[i]
		if s.page != p {
			if seen {
				break
			}
			continue
		}
		seen = true
		used = max(used, s.y+s.h)
	}
	return used
}

// SnapTo moves the current position down to the next multiple of grid
// from the frame's top, so that lines placed next sit on the page's
// baseline grid; nothing happens at the top of a page.
func (f *Flow) SnapTo(grid Unit) {
	if f.Fresh() || grid <= 0 {
		return
	}
	if r := f.y % grid; r != 0 {
		f.y += grid - r
	}
}
