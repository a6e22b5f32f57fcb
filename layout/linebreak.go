package layout

import (
	"cmp"
	"slices"
)

// ItemKind is the kind of a line-breaking item (Knuth & Plass).
type ItemKind uint8

const (
	BoxItem ItemKind = iota
	GlueItem
	PenaltyItem
)

// Infinity is the penalty that forbids a break (>= Infinity) or forces one
// (<= -Infinity).
const Infinity = 10000

// Fil is the stretch of TeX's fil glue: a glue whose Stretch is at least
// Fil stretches infinitely, and while a line holds one, its finite glue
// keeps its natural width. The glue that ends a paragraph (parfillskip)
// must have a Stretch of at least Fil.
const Fil = Unit(1 << 40)

// Item is a box, glue or penalty of a paragraph.
type Item struct {
	Kind    ItemKind
	Width   Unit
	Stretch Unit
	Shrink  Unit
	Penalty int
	Flagged bool // a hyphenation penalty
}

// BreakParams tune the line breaker. The zero value of every field added
// after the first seven is a sensible default, so that a BreakParams
// written by hand keeps working.
type BreakParams struct {
	Tolerance          int // badness above which a line is infeasible in the first passes
	LinePenalty        int
	HyphenPenalty      int // penalty given to hyphenation points by the caller (informational)
	FlaggedDemerits    int // two flagged breaks in a row
	FitnessDemerits    int // adjacent lines of very different tightness
	LastHyphenDemerits int // a hyphen on the second-to-last line
	MaxHyphenRun       int // at most this many hyphenated lines in a row (<= 0: no limit)

	// Pretolerance is the badness limit of the first pass, which ignores
	// hyphenation points (TeX's \pretolerance); negative skips that pass.
	Pretolerance int
	// EmergencyStretch is the extra stretch per line that the last pass
	// assumes when grading lines (TeX's \emergencystretch); 0 means a
	// tenth of the line's measure, negative means none.
	EmergencyStretch Unit

	// ShortLastFrom, when above 0, is the first item index at which a
	// break leaves too short a last line (a fragment such as "ter." alone
	// under a full line): the final line after such a break costs
	// ShortLastDemerits more, and a pass whose best choice still ends
	// that way lets the next pass try. Style.Set computes it from
	// MinLastLetters.
	ShortLastFrom     int
	ShortLastDemerits int
	// MinLastLetters is the fewest letters (or digits) a paragraph's last
	// line should hold under a full one (0: no such rule); Style.Set turns
	// it into ShortLastFrom for justified paragraphs.
	MinLastLetters int
	// Looseness asks for the paragraph set in that many more (or, below
	// 0, fewer) lines than its best setting, within Tolerance (TeX's
	// \looseness): the first two passes are tried for exactly that count
	// and, when neither reaches it, the best setting is returned.
	Looseness int
	// LooseTolerance, when above Tolerance, is the badness limit of a
	// last pass tried for Looseness.
	LooseTolerance int
}

// DefaultBreakParams are TeX's plain defaults (\tolerance 200,
// \pretolerance 100, \linepenalty 10, \hyphenpenalty 50,
// \doublehyphendemerits 10000, \adjdemerits 10000,
// \finalhyphendemerits 5000), with at most two hyphenated lines in a row
// and no last line of fewer than 5 letters under a full one when another
// setting within the tolerance avoids it.
func DefaultBreakParams() BreakParams {
	return BreakParams{Tolerance: 200, LinePenalty: 10, HyphenPenalty: 50,
		FlaggedDemerits: 10000, FitnessDemerits: 10000, LastHyphenDemerits: 5000, MaxHyphenRun: 2,
		Pretolerance: 100, MinLastLetters: 5, ShortLastDemerits: shortLastDemerits}
}

// shortLastDemerits outweighs any choice of feasible lines (a line costs at
// most (10+200)² plus 10,000s of fitness and hyphen demerits) but not the
// emergency pass's underfull lines.
const shortLastDemerits = 10_000_000

// Break is one chosen line break.
type Break struct {
	Index    int     // index of the item broken at (glue, penalty, or the last item)
	Ratio    float64 // adjustment ratio of the line ending here: <0 shrunk, >0 stretched
	Overfull bool    // the line could not be made to fit the measure
	// Badness is TeX's badness of the line (0 perfect, 100 stretched or
	// shrunk fully, 10000 infinitely bad). A line whose badness exceeds
	// the Tolerance was set by the emergency pass: worth a warning.
	Badness int
}

// BreakLines chooses the line breaks of a paragraph with the Knuth–Plass
// total-fit algorithm, as TeX does. width(i) is the measure of line i
// (0-based); it may be called for any line up to the number of legal
// breakpoints.
//
// The caller ends a paragraph with a glue of Stretch >= Fil (parfillskip,
// usually preceded by a penalty of Infinity so that it is not a break) and
// a forced break (a penalty of -Infinity). The last item is always taken
// as a forced break, whatever its kind. Glue and penalties following a
// break are discarded: the next line starts at the next box. Legal breaks
// are a glue right after a box, and a penalty below Infinity, whose Width
// (a hyphen) then ends the line.
//
// Like TeX it tries up to three passes: without hyphenation points at
// Pretolerance, with them at Tolerance, then an emergency pass that grades
// lines with EmergencyStretch and, where no line can fit, takes the break
// sequence with the fewest and smallest overfull lines. It never fails:
// Overfull marks only the lines that cannot fit (a word wider than the
// measure). It returns nil for an empty paragraph. Its cost is
// O(items × active breakpoints).
func BreakLines(items []Item, width func(line int) Unit, p BreakParams) []Break {
	if len(items) == 0 {
		return nil
	}
	if p.Looseness != 0 {
		reg := BreakLines(items, width, p.without())
		k := newBreaker(items, width, p)
		k.target = len(reg) + p.Looseness
		if k.target < 1 {
			return reg
		}
		if p.Pretolerance >= 0 {
			if br, ok := k.pass(p.Pretolerance, false, false, false); ok {
				return br
			}
		}
		if br, ok := k.pass(p.Tolerance, true, false, false); ok {
			return br
		}
		if p.LooseTolerance > p.Tolerance {
			if br, ok := k.pass(p.LooseTolerance, true, false, false); ok {
				return br
			}
		}
		return reg
	}
	k := newBreaker(items, width, p)
	var short []Break // a result whose last line is too short, kept in case no pass does better
	try := func(br []Break, ok bool) bool {
		if !ok {
			return false
		}
		if p.ShortLast(br) {
			if short == nil {
				short = br
			}
			return false
		}
		return true
	}
	if p.Pretolerance >= 0 {
		if br, ok := k.pass(p.Pretolerance, false, false, false); try(br, ok) {
			return br
		}
	}
	if br, ok := k.pass(p.Tolerance, true, false, false); try(br, ok) {
		return br
	}
	if short != nil {
		// within the tolerance, the best settings end on a fragment: one
		// line fewer (the fragment taken back) or one more, when either
		// fits the tolerance, else the best of them rather than looser
		// lines
		for _, d := range []int{-1, 1} {
			if k.target = len(short) + d; k.target >= 2 {
				if br, ok := k.pass(p.Tolerance, true, false, false); ok && !p.ShortLast(br) {
					return br
				}
			}
		}
		k.target = 0
		if p.EmergencyStretch >= 0 {
			// the emergency pass, when its lines stay within the
			// badness that still reads well
			if br, ok := k.pass(p.Tolerance, true, true, false); ok && !p.ShortLast(br) && maxBadness(br) <= shortLastBadness {
				return br
			}
		}
		return short
	}
	if p.EmergencyStretch >= 0 {
		if br, ok := k.pass(p.Tolerance, true, true, false); ok {
			return br
		}
	}
	br, _ := k.pass(p.Tolerance, true, true, true)
	return br
}

// shortLastBadness is the worst line the emergency pass may set to avoid
// a fragment alone on a paragraph's last line: TeX's \hbadness, above
// which TeX warns of an underfull line (recueil's line-loose finding).
const shortLastBadness = 1000

func maxBadness(br []Break) int {
	m := 0
	for _, b := range br {
		m = max(m, b.Badness)
	}
	return m
}

// without is p asking for the best setting.
func (p BreakParams) without() BreakParams { p.Looseness = 0; return p }

// ShortLast reports whether the breaks br of a paragraph leave a last line
// too short under p (see ShortLastFrom).
func (p BreakParams) ShortLast(br []Break) bool {
	return p.ShortLastFrom > 0 && len(br) >= 2 && br[len(br)-2].Index >= p.ShortLastFrom
}

// TeX's fitness classes.
const (
	veryLoose = iota
	loose
	decent
	tight
)

const (
	infBad = 10000
	// demerits of the emergency pass for lines that cannot be made good:
	// any number of underfull lines beats one overfull line.
	underfullDemerits = 1_000_000_000
	overfullDemerits  = 1_000_000_000_000
)

type sums struct{ w, st, sh, fil Unit }

// lineStart is where the line after a break starts: the first box after it.
type lineStart struct {
	idx int
	sums
}

type kpNode struct {
	pos      int   // item broken at; -1 for the paragraph start
	line     int   // lines ended up to and including this break
	fitness  int8  // of the line ending here
	run      int16 // hyphenated lines in a row ending here (0 when unlimited)
	flagged  bool  // the line ends at a flagged penalty
	demerits int64 // total from the paragraph start
	prev     int32 // node of the previous break, -1 for none
	// the line ending here, for the result
	ratio    float64
	badness  int
	overfull bool
}

type candidate struct {
	lineClass int
	fitness   int8
	run       int16
	seq       int32 // order found, for ties
	node      kpNode
}

type breaker struct {
	items  []Item
	p      BreakParams
	pre    []sums // pre[i]: sums of items[:i]
	widths []Unit // widths[l] for l < len; the last repeats forever
	legal  int    // number of legal breakpoints
	// nextLegal[c] is the next legal breakpoint after c (hyphens
	// included), -1 for none.
	nextLegal []int
	// monotone: no negative width, stretch or shrink and one measure, so
	// that a line that is too loose from an active node is too loose from
	// every later one (TeX's own shortcut).
	monotone bool

	nodes   []kpNode
	active  []int32
	cands   []candidate
	afterOf []lineStart
	// target, when above 0, is the number of lines the paragraph must
	// have (looseness): line numbers are then told apart.
	target int
}

func newBreaker(items []Item, width func(int) Unit, p BreakParams) *breaker {
	n := len(items)
	k := &breaker{items: items, p: p, pre: make([]sums, n+1)}
	var s sums
	k.monotone = true
	for i, it := range items {
		if it.Kind != PenaltyItem && (it.Width < 0 || it.Stretch < 0 || it.Shrink < 0) {
			k.monotone = false
		}
		k.pre[i] = s
		switch it.Kind {
		case BoxItem:
			s.w += it.Width
		case GlueItem:
			s.w += it.Width
			if it.Stretch >= Fil {
				s.fil += it.Stretch
			} else {
				s.st += it.Stretch
			}
			s.sh += it.Shrink
		}
		if k.isLegal(i, true) {
			k.legal++
		}
	}
	k.pre[n] = s
	k.nextLegal = make([]int, n)
	next := -1
	for i := n - 1; i >= 0; i-- {
		k.nextLegal[i] = next
		if k.isLegal(i, true) {
			next = i
		}
	}
	// The measures of all the lines the paragraph can have, trimmed to
	// the last change: lines past it are interchangeable, so that the
	// breaker needs to tell line numbers apart only before it.
	k.widths = make([]Unit, k.legal+1)
	for l := range k.widths {
		k.widths[l] = width(l)
	}
	last := len(k.widths) - 1
	for last > 0 && k.widths[last-1] == k.widths[last] {
		last--
	}
	k.widths = k.widths[:last+1]
	k.monotone = k.monotone && len(k.widths) == 1
	return k
}

func (k *breaker) width(line int) Unit {
	if line >= len(k.widths) {
		return k.widths[len(k.widths)-1]
	}
	return k.widths[line]
}

func (k *breaker) lineClass(line int) int {
	if k.target > 0 {
		return line
	}
	return min(line, len(k.widths)-1)
}

// isLegal reports whether items[i] is a legal breakpoint.
func (k *breaker) isLegal(i int, hyphens bool) bool {
	if i == len(k.items)-1 {
		return true
	}
	it := k.items[i]
	switch it.Kind {
	case GlueItem:
		return i > 0 && k.items[i-1].Kind == BoxItem
	case PenaltyItem:
		if it.Penalty >= Infinity {
			return false
		}
		return hyphens || !it.Flagged || it.Penalty <= -Infinity
	}
	return false
}

// longestFrom reports whether the line from start to c is the longest
// one that fits: the line to the next legal breakpoint would stick out.
func (k *breaker) longestFrom(start lineStart, c int, target Unit) bool {
	next := k.nextLegal[c]
	if next < 0 {
		return true
	}
	end := k.pre[next]
	if next == len(k.items)-1 && k.items[next].Kind == BoxItem {
		end = k.pre[next+1]
	}
	w := k.items[next].Width
	if k.items[next].Kind != PenaltyItem {
		w = 0
	}
	if next > start.idx {
		w += end.w - start.w - (end.sh - start.sh)
	}
	return w > target
}

// after returns the sums at the start of the line following a break at
// pos: glue and penalties after a break are discarded.
func (k *breaker) after(pos int) lineStart {
	q := pos + 1
	for q < len(k.items) && k.items[q].Kind != BoxItem {
		q++
	}
	return lineStart{q, k.pre[q]}
}

// pass runs one pass of the algorithm; ok is false when no feasible
// sequence exists (never in the last resort). emergency adds the
// emergency stretch when grading lines; lastResort accepts every line.
func (k *breaker) pass(threshold int, hyphens, emergency, lastResort bool) ([]Break, bool) {
	n := len(k.items)
	if k.nodes == nil {
		k.nodes = make([]kpNode, 0, 2*k.legal+8)
		k.active = make([]int32, 0, 64)
		k.afterOf = make([]lineStart, 0, 2*k.legal+8)
	}
	k.nodes = append(k.nodes[:0], kpNode{pos: -1, fitness: decent, prev: -1})
	k.active = append(k.active[:0], 0)
	afterOf := append(k.afterOf[:0], k.after(-1)) // parallel to nodes
	defer func() { k.afterOf = afterOf }()
	for c := 0; c < n; c++ {
		if !k.isLegal(c, hyphens) {
			continue
		}
		k.tryBreak(c, threshold, emergency, lastResort, afterOf)
		for len(afterOf) < len(k.nodes) {
			afterOf = append(afterOf, k.after(k.nodes[len(afterOf)].pos))
		}
		if len(k.active) == 0 {
			return nil, false
		}
	}
	// every active node now ends at the last item
	best := int32(-1)
	for _, a := range k.active {
		if k.nodes[a].pos == n-1 && (k.target <= 0 || k.nodes[a].line == k.target) &&
			(best < 0 || k.nodes[a].demerits < k.nodes[best].demerits) {
			best = a
		}
	}
	if best < 0 {
		return nil, false
	}
	count := 0
	for i := best; k.nodes[i].prev >= 0; i = k.nodes[i].prev {
		count++
	}
	out := make([]Break, count)
	for i := best; k.nodes[i].prev >= 0; i = k.nodes[i].prev {
		count--
		nd := &k.nodes[i]
		out[count] = Break{Index: nd.pos, Ratio: nd.ratio, Overfull: nd.overfull, Badness: nd.badness}
	}
	return out, true
}

func (k *breaker) tryBreak(c, threshold int, emergency, final bool, afterOf []lineStart) {
	n := len(k.items)
	it := k.items[c]
	last := c == n-1
	forced := last || (it.Kind == PenaltyItem && it.Penalty <= -Infinity)
	pi := 0
	var penWidth Unit
	flagged := false
	if it.Kind == PenaltyItem {
		pi = it.Penalty
		penWidth = it.Width
		flagged = it.Flagged
	}
	if forced {
		pi = -Infinity
	}
	end := k.pre[c] // the line holds items [start, c)
	if last && it.Kind == BoxItem {
		end = k.pre[c+1]
	}
	k.cands = k.cands[:0]
	keep := k.active[:0]
	for j, ai := range k.active {
		a := &k.nodes[ai]
		start := afterOf[ai]
		var line sums // empty when c is among the items discarded after a
		if c > start.idx || (last && c == start.idx) {
			line = sums{end.w - start.w, end.st - start.st, end.sh - start.sh, end.fil - start.fil}
		}
		line.w += penWidth
		target := k.width(a.line)
		shortfall := target - line.w
		b, fit, overfull := 0, int8(decent), false
		realB := -1 // the badness without emergency stretch, when it differs
		ratio := 0.0
		switch {
		case shortfall > 0:
			switch {
			case line.fil > 0:
			default:
				st := line.st
				if emergency {
					extra := k.p.EmergencyStretch
					if extra == 0 {
						extra = target / 10
					}
					st += max(extra, 0)
				}
				b = badness(shortfall, st)
				realB = badness(shortfall, line.st)
				switch {
				case b > 99:
					fit = veryLoose
				case b > 12:
					fit = loose
				}
				if line.st > 0 {
					ratio = float64(shortfall) / float64(line.st)
				}
			}
		case shortfall < 0:
			if -shortfall > line.sh {
				overfull, b, ratio = true, infBad+1, -1
			} else {
				b = badness(-shortfall, line.sh)
				if b > 12 {
					fit = tight
				}
				ratio = float64(shortfall) / float64(line.sh)
			}
		}
		// run counts the hyphenated lines in a row; it is a class of
		// nodes only when it is limited.
		run := int16(0)
		if flagged && !forced && k.p.MaxHyphenRun > 0 {
			run = min(a.run+1, int16(min(k.p.MaxHyphenRun, 1000))+1)
		}
		runOK := forced || !flagged || k.p.MaxHyphenRun <= 0 || int(run) <= k.p.MaxHyphenRun
		deactivate := forced || overfull
		allowed := runOK && !overfull && b <= threshold
		if !allowed && !forced && !final && k.monotone && !overfull && b > threshold {
			// the active list is sorted by position: every node after
			// this one gives a shorter line with less stretch.
			keep = append(keep, k.active[j:]...)
			break
		}
		var extra int64
		if final && runOK && !allowed {
			switch {
			case overfull:
				// one overfull candidate per node, at the first break
				// where its line no longer fits: later ones only stick
				// out further.
				extra = overfullDemerits + min(int64(-shortfall-line.sh), int64(Fil))*1000/int64(PT)
				allowed = true
			case forced || 2*line.w >= target || k.longestFrom(start, c, target):
				// too loose even with the emergency stretch: only lines
				// at least half full, the longest line that does not
				// stick out and any line ending at a forced break are
				// candidates, so that empty lines cannot multiply.
				extra = underfullDemerits
				allowed = true
			}
		}
		if final && overfull && !runOK {
			deactivate = false // wait for a break that is not a hyphen
		}
		if allowed {
			reported := b
			if realB >= 0 {
				reported = realB
			}
			d := int64(k.p.LinePenalty) + int64(min(b, infBad))
			if d < 0 {
				d = -d
			}
			if d >= infBad {
				d = 100_000_000
			} else {
				d *= d
			}
			switch {
			case pi > 0:
				d += int64(pi) * int64(pi)
			case pi > -Infinity:
				d -= int64(pi) * int64(pi)
			}
			if a.flagged {
				if last {
					d += int64(k.p.LastHyphenDemerits)
				} else if flagged {
					d += int64(k.p.FlaggedDemerits)
				}
			}
			if fit-a.fitness > 1 || a.fitness-fit > 1 {
				d += int64(k.p.FitnessDemerits)
			}
			if last && k.p.ShortLastFrom > 0 && a.pos >= k.p.ShortLastFrom {
				d += int64(k.p.ShortLastDemerits)
			}
			d += extra + a.demerits
			k.offer(candidate{
				lineClass: k.lineClass(a.line + 1), fitness: fit, run: run,
				node: kpNode{pos: c, line: a.line + 1, fitness: fit, run: run, flagged: flagged && !last,
					demerits: d, prev: ai, ratio: ratio, badness: reported, overfull: overfull},
			})
		}
		if !deactivate {
			keep = append(keep, ai)
		}
	}
	k.active = keep
	k.addCandidates()
}

// offer records a candidate break at the current position, keeping only
// the best of each class (line, fitness, hyphen run) while there are few;
// the first one found wins a tie.
func (k *breaker) offer(c candidate) {
	if len(k.cands) < smallCands {
		for i := range k.cands {
			o := &k.cands[i]
			if o.lineClass == c.lineClass && o.fitness == c.fitness && o.run == c.run {
				if c.node.demerits < o.node.demerits {
					o.node = c.node
				}
				return
			}
		}
	}
	c.seq = int32(len(k.cands))
	k.cands = append(k.cands, c)
}

// smallCands is the number of candidates below which quadratic searches
// beat sorting.
const smallCands = 24

// addCandidates keeps the best candidate of each class and, as TeX does,
// drops a class worse than the best of its line and hyphen run by more
// than FitnessDemerits: it can never win. The new nodes become active.
func (k *breaker) addCandidates() {
	cs := k.cands
	slack := int64(max(k.p.FitnessDemerits, 0))
	if len(cs) < smallCands { // classes are distinct here
		for i := range cs {
			keep := true
			for j := range cs {
				if j != i && cs[j].lineClass == cs[i].lineClass && cs[j].run == cs[i].run &&
					cs[i].node.demerits > cs[j].node.demerits+slack {
					keep = false
					break
				}
			}
			if keep {
				k.nodes = append(k.nodes, cs[i].node)
				k.active = append(k.active, int32(len(k.nodes)-1))
			}
		}
		return
	}
	slices.SortFunc(cs, func(x, y candidate) int {
		return cmp.Or(cmp.Compare(x.lineClass, y.lineClass), cmp.Compare(x.run, y.run),
			cmp.Compare(x.fitness, y.fitness), cmp.Compare(x.node.demerits, y.node.demerits),
			cmp.Compare(x.seq, y.seq))
	})
	for i := 0; i < len(cs); {
		// a group of one line class and hyphen run
		j := i
		best := cs[i].node.demerits
		for j < len(cs) && cs[j].lineClass == cs[i].lineClass && cs[j].run == cs[i].run {
			best = min(best, cs[j].node.demerits)
			j++
		}
		for g := i; g < j; g++ {
			if g > i && cs[g].fitness == cs[g-1].fitness {
				continue // same class, worse or found later
			}
			if cs[g].node.demerits > best+slack {
				continue
			}
			k.nodes = append(k.nodes, cs[g].node)
			k.active = append(k.active, int32(len(k.nodes)-1))
		}
		i = j
	}
}

// badness is TeX's approximation of 100·(t/s)³, at most infBad.
func badness(t, s Unit) int {
	if t <= 0 {
		return 0
	}
	if s <= 0 {
		return infBad
	}
	var r int64
	switch {
	case t <= 7230584:
		r = int64(t) * 297 / int64(s)
	case s >= 1663497:
		r = int64(t) / (int64(s) / 297)
	default:
		r = int64(t)
	}
	if r > 1290 {
		return infBad
	}
	return int((r*r*r + 0x20000) / 0x40000)
}
