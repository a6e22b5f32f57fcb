package layout

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

// Item is a box, glue or penalty of a paragraph.
type Item struct {
	Kind    ItemKind
	Width   Unit
	Stretch Unit
	Shrink  Unit
	Penalty int
	Flagged bool // a hyphenation penalty
}

// BreakParams tune the line breaker.
type BreakParams struct {
	Tolerance          int // badness above which a line is infeasible in the first passes
	LinePenalty        int
	HyphenPenalty      int // penalty given to hyphenation points by the caller (informational)
	FlaggedDemerits    int // two flagged breaks in a row
	FitnessDemerits    int // adjacent lines of very different tightness
	LastHyphenDemerits int // a hyphen on the second-to-last line
	MaxHyphenRun       int // at most this many hyphenated lines in a row
}

// DefaultBreakParams are TeX-like defaults.
func DefaultBreakParams() BreakParams {
	return BreakParams{Tolerance: 200, LinePenalty: 10, HyphenPenalty: 50,
		FlaggedDemerits: 3000, FitnessDemerits: 100, LastHyphenDemerits: 5000, MaxHyphenRun: 2}
}

// Break is one chosen line break.
type Break struct {
	Index    int     // index of the item broken at (glue, penalty, or the last item)
	Ratio    float64 // adjustment ratio of the line ending here: <0 shrunk, >0 stretched
	Overfull bool    // the line could not be made to fit the measure
}

// BreakLines chooses the line breaks of a paragraph. width(i) is the measure
// of line i (0-based). The last item must be a forced break (a penalty of
// -Infinity), normally preceded by a finishing glue. It never fails: when no
// break sequence is feasible it still returns one, marking overfull lines.
//
// This first-fit implementation is the placeholder the total-fit
// (Knuth–Plass) breaker replaces.
func BreakLines(items []Item, width func(line int) Unit, p BreakParams) []Break {
	var out []Break
	line := 0
	start := 0 // first item of the current line
	var w, st, sh Unit
	lastOK := -1 // last feasible break in the current line
	var lw, lst, lsh Unit
	for i := 0; i < len(items); i++ {
		it := items[i]
		breakable := false
		switch it.Kind {
		case GlueItem:
			breakable = i > 0 && items[i-1].Kind == BoxItem
		case PenaltyItem:
			breakable = it.Penalty < Infinity
		}
		if breakable {
			extra := Unit(0)
			if it.Kind == PenaltyItem {
				extra = it.Width
			}
			if w+extra-sh <= width(line) || lastOK < 0 {
				if it.Kind == PenaltyItem && it.Penalty <= -Infinity {
					out = append(out, Break{Index: i, Ratio: ratio(w+extra, st, sh, width(line)), Overfull: w+extra-sh > width(line)})
					line++
					start, w, st, sh, lastOK = i+1, 0, 0, 0, -1
					continue
				}
				if w+extra-sh <= width(line) {
					lastOK, lw, lst, lsh = i, w+extra, st, sh
				}
			}
			if w+extra-sh > width(line) && lastOK >= 0 {
				out = append(out, Break{Index: lastOK, Ratio: ratio(lw, lst, lsh, width(line))})
				line++
				i = lastOK
				for i+1 < len(items) && items[i+1].Kind != BoxItem { // discard glue after a break
					if items[i+1].Kind == PenaltyItem && items[i+1].Penalty <= -Infinity {
						break
					}
					i++
				}
				start, w, st, sh, lastOK = i+1, 0, 0, 0, -1
				continue
			}
		}
		switch it.Kind {
		case BoxItem:
			w += it.Width
		case GlueItem:
			if i > start {
				w += it.Width
				st += it.Stretch
				sh += it.Shrink
			}
		}
	}
	return out
}

func ratio(w, st, sh, target Unit) float64 {
	switch {
	case w < target && st > 0:
		return float64(target-w) / float64(st)
	case w > target && sh > 0:
		return -float64(w-target) / float64(sh)
	}
	return 0
}
