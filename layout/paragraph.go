package layout

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Run is a piece of paragraph text in one face, size and colour.
type Run struct {
	Text     string
	Face     int // index in the face table given to Set
	Size     Unit
	Color    Color
	Link     string // external URI, or "#name" for an internal destination
	NoHyphen bool   // never hyphenate (names, handles, URLs, code)
	Break    bool   // a hard line break; Text is ignored
	Rise     Unit   // raises the baseline (a superscript)
	Strike   bool   // struck through
	// Note is the number of the footnote this run calls: the line that
	// holds it lists it in Notes, so that the flow can set the note on
	// the same page.
	Note int
	// Lang marks a passage in another language (Element.Lang).
	Lang uint16
}

// Align is how lines sit in the measure.
type Align uint8

const (
	Justify Align = iota
	Left
	Center
	Right
)

// Style is the setting of a paragraph.
type Style struct {
	Width     Unit // the measure
	Indent    Unit // first-line indent
	Leading   Unit // baseline to baseline
	Align     Align
	Hyphenate bool
	Params    BreakParams
}

// Line is a set line: its elements are placed relative to the left end of
// the line's baseline.
type Line struct {
	Elements []Element
	Width    Unit // natural width of the text as set (after justification)
	Leading  Unit
	Size     Unit // largest font size on the line
	Overfull bool
	// Cut reports a line that ends inside a word too long for the measure,
	// cut between two letters without a hyphen.
	Cut bool
	// Badness is TeX's badness of the line as the breaker chose it (0 for
	// a paragraph's last line): above the Tolerance, the line was set
	// looser than the typesetter wanted, by the emergency pass.
	Badness int
	// Notes are the footnotes called on the line, in order.
	Notes []int
	// Hyphen reports a line that ends inside a word, at a hyphenation
	// point or after a hard hyphen ("porte-"): the flow avoids ending a
	// page on such a line.
	Hyphen bool
}

// Letters is the number of letters and digits the line prints.
func (l Line) Letters() int {
	n := 0
	for _, e := range l.Elements {
		if e.Kind != TextElement {
			continue
		}
		for _, r := range e.Text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
			}
		}
	}
	return n
}

// Whitespace that may break a line. U+00A0 and U+202F are not in it: they
// are set as part of the word they bind.
func isBreakSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// content is what an item prints.
type content struct {
	text   string
	face   int
	size   Unit
	color  Color
	link   string
	rise   Unit
	strike bool
	note   int
	lang   uint16
}

// contentOf is what a run's items print.
func contentOf(r Run) content {
	return content{face: r.Face, size: r.Size, color: r.Color, link: r.Link, rise: r.Rise, strike: r.Strike, note: r.Note, lang: r.Lang}
}

// fill is the stretch of the glue that ends a paragraph or a hard-broken
// line: large enough to absorb any shortfall, finite for every breaker.
const fill = Unit(1 << 40)

type builder struct {
	faces []Face
	hy    Hyphenator
	st    Style
	items []Item
	cont  []content
}

func (b *builder) add(it Item, c content) {
	b.items = append(b.items, it)
	b.cont = append(b.cont, c)
}

func (b *builder) lastIsGlue() bool {
	return len(b.items) == 0 || b.items[len(b.items)-1].Kind == GlueItem ||
		(b.items[len(b.items)-1].Kind == PenaltyItem && b.items[len(b.items)-1].Penalty <= -Infinity)
}

func (b *builder) glue(r Run) {
	if b.lastIsGlue() {
		return
	}
	f := b.faces[r.Face]
	w := Width(f, " ", r.Size)
	it := Item{Kind: GlueItem, Width: w, Stretch: w / 2, Shrink: w / 3}
	if b.st.Align != Justify {
		// Ragged lines: the breaker sees room to stretch, the line is set
		// at its natural spacing.
		it.Stretch = 3 * w
		it.Shrink = 0
	}
	b.add(it, content{face: r.Face, size: r.Size, link: r.Link, strike: r.Strike})
}

// noHyphenWord reports the words never hyphenated: URLs, mail addresses,
// handles, numbers, words in capitals.
func noHyphenWord(w string) bool {
	if strings.ContainsAny(w, "@/#_\\=&0123456789") || strings.Contains(w, "www") {
		return true
	}
	// an inner dot: example.org
	if i := strings.IndexByte(w, '.'); i >= 0 && i < len(w)-1 {
		r, _ := utf8.DecodeRuneInString(w[i+1:])
		if unicode.IsLetter(r) {
			return true
		}
	}
	upper, letters := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters > 1 && upper == letters
}

func (b *builder) word(r Run, w string) {
	f := b.faces[r.Face]
	c := contentOf(r)
	box := func(s string) {
		if s == "" {
			return
		}
		c.text = s
		b.add(Item{Kind: BoxItem, Width: Width(f, s, r.Size)}, c)
	}
	hyphenate := !r.NoHyphen && b.st.Hyphenate && b.hy != nil && !noHyphenWord(w)
	if limit := b.st.Width * 9 / 10; b.st.Width > 0 && Width(f, w, r.Size) > limit &&
		(!hyphenate || !b.hyphensFit(w, f, r.Size, limit)) {
		b.longWord(r, w, box)
		return
	}
	if !hyphenate {
		box(w)
		return
	}
	hyw := Width(f, "-", r.Size)
	pen := b.st.Params.HyphenPenalty
	// Split at hard hyphens (a break after the hyphen) and hyphenate the
	// letter runs between apostrophes and hyphens.
	start := 0 // byte offset of the pending text
	seg := -1  // byte offset of the current letter run
	flush := func(end int) {
		if seg < 0 {
			return
		}
		s0 := seg
		letters := w[s0:end]
		seg = -1
		if utf8.RuneCountInString(letters) < 5 {
			return
		}
		pts := b.hy.Points(letters)
		if len(pts) == 0 {
			return
		}
		// rune offsets to byte offsets
		ri, pi := 0, 0
		for bi := range letters {
			for pi < len(pts) && pts[pi] < ri {
				pi++
			}
			if pi < len(pts) && pts[pi] == ri && ri > 0 {
				cut := s0 + bi
				box(w[start:cut])
				b.add(Item{Kind: PenaltyItem, Width: hyw, Penalty: pen, Flagged: true}, contentOf(r))
				start = cut
			}
			ri++
		}
	}
	for i, ch := range w {
		if unicode.IsLetter(ch) {
			if seg < 0 {
				seg = i
			}
			continue
		}
		flush(i)
		if ch == '-' && i > 0 && i+1 < len(w) {
			box(w[start : i+1])
			b.add(Item{Kind: PenaltyItem, Penalty: pen, Flagged: true}, content{face: r.Face, size: r.Size, link: r.Link, rise: r.Rise})
			start = i + 1
		}
	}
	flush(len(w))
	box(w[start:])
}

// wordCutPenalty is the penalty of a break between two letters of a word
// too long for the measure: a last resort, and reported.
const wordCutPenalty = Infinity/2 - 1

// urlBreakAfter are the characters after which a long address may break.
const urlBreakAfter = "/.?&=#,;"

// longWord sets a word too wide for the measure (an address, a
// contributor's 100,000-letter joke) so that no line sticks out of the
// page: it may break, without a hyphen, after an address's separators and,
// when a piece is still too wide, between letters into pieces that fit.
func (b *builder) longWord(r Run, w string, box func(string)) {
	f := b.faces[r.Face]
	limit := b.st.Width * 9 / 10
	breakHere := func(pen int) {
		b.add(Item{Kind: PenaltyItem, Penalty: pen}, contentOf(r))
	}
	var segs []string
	start := 0
	for i, ch := range w {
		if strings.ContainsRune(urlBreakAfter, ch) && i+utf8.RuneLen(ch) < len(w) {
			segs = append(segs, w[start:i+utf8.RuneLen(ch)])
			start = i + utf8.RuneLen(ch)
		}
	}
	segs = append(segs, w[start:])
	for si, seg := range segs {
		if si > 0 {
			breakHere(b.st.Params.HyphenPenalty)
		}
		// Pieces of at most limit wide, cut between characters.
		for seg != "" {
			cut, width := len(seg), Unit(0)
			for i, ch := range seg {
				cw := Width(f, string(ch), r.Size)
				if width+cw > limit && i > 0 {
					cut = i
					break
				}
				width += cw
			}
			box(seg[:cut])
			seg = seg[cut:]
			if seg != "" {
				breakHere(wordCutPenalty)
			}
		}
	}
}

// hyphensFit reports whether hyphenating w (and breaking it after its hard
// hyphens) leaves no piece wider than limit.
func (b *builder) hyphensFit(w string, f Face, size, limit Unit) bool {
	cuts := map[int]bool{}
	for _, p := range b.hy.Points(w) {
		cuts[p] = true
	}
	var piece Unit
	i := 0
	for _, ch := range w {
		if cuts[i] {
			piece = 0
		}
		piece += Width(f, string(ch), size)
		if piece > limit {
			return false
		}
		if ch == '-' {
			piece = 0
		}
		i++
	}
	return true
}

// Items turns runs into boxes, glue and penalties, with the content each
// item prints. Exposed for tests and for callers that measure.
func (st Style) items(runs []Run, faces []Face, hy Hyphenator) *builder {
	n := 8
	for _, r := range runs {
		n += len(r.Text) / 3
	}
	b := &builder{faces: faces, hy: hy, st: st, items: make([]Item, 0, n), cont: make([]content, 0, n)}
	if st.Indent > 0 {
		b.add(Item{Kind: BoxItem, Width: st.Indent}, content{})
	}
	for _, r := range runs {
		if r.Break {
			if len(b.items) > 0 {
				b.add(Item{Kind: PenaltyItem, Penalty: Infinity}, content{})
				b.add(Item{Kind: GlueItem, Stretch: fill}, content{})
				b.add(Item{Kind: PenaltyItem, Penalty: -Infinity}, content{})
			}
			continue
		}
		s := r.Text
		wstart := -1
		for i, ch := range s {
			if isBreakSpace(ch) {
				if wstart >= 0 {
					b.word(r, s[wstart:i])
					wstart = -1
				}
				b.glue(r)
				continue
			}
			if wstart < 0 {
				wstart = i
			}
		}
		if wstart >= 0 {
			b.word(r, s[wstart:])
		}
	}
	// drop trailing glue and breaks
	for len(b.items) > 0 && b.items[len(b.items)-1].Kind != BoxItem {
		b.items = b.items[:len(b.items)-1]
		b.cont = b.cont[:len(b.cont)-1]
	}
	b.add(Item{Kind: PenaltyItem, Penalty: Infinity}, content{})
	b.add(Item{Kind: GlueItem, Stretch: fill}, content{})
	b.add(Item{Kind: PenaltyItem, Penalty: -Infinity}, content{})
	return b
}

// Items returns the Knuth–Plass items of a paragraph.
func (st Style) Items(runs []Run, faces []Face, hy Hyphenator) []Item {
	return st.items(runs, faces, hy).items
}

// Set breaks a paragraph into lines and positions every word: justified
// lines get their inter-word spaces computed here, so that the writer only
// draws text at the positions given.
func (st Style) Set(runs []Run, faces []Face, hy Hyphenator) []Line {
	b := st.items(runs, faces, hy)
	items := b.items
	if len(items) <= 3 {
		return nil
	}
	p := st.Params
	if p.MinLastLetters > 0 && p.ShortLastFrom == 0 && st.Align == Justify {
		p.ShortLastFrom = b.shortLastFrom(p.MinLastLetters)
	}
	breaks := BreakLines(items, func(int) Unit { return st.Width }, p)
	var lines []Line
	start := 0
	for _, br := range breaks {
		// discard glue and penalties at the start of a line
		for start < br.Index && items[start].Kind != BoxItem {
			start++
		}
		l := st.setLine(b, start, br.Index)
		l.Badness = br.Badness
		lines = append(lines, l)
		start = br.Index + 1
	}
	return lines
}

// shortLastFrom is the first item at which a break leaves fewer than min
// letters (or digits) on the last line; 0 when the whole paragraph has
// fewer.
func (b *builder) shortLastFrom(min int) int {
	n := 0
	for i := len(b.items) - 1; i >= 0; i-- {
		if b.items[i].Kind != BoxItem {
			continue
		}
		for _, r := range b.cont[i].text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
			}
		}
		if n >= min {
			return i
		}
	}
	return 0
}

func (st Style) setLine(b *builder, start, end int) Line {
	items := b.items
	var w, stretch, shrink Unit
	last := end // items [start, last) are on the line
	for i := start; i < last; i++ {
		it := items[i]
		switch it.Kind {
		case BoxItem:
			w += it.Width
		case GlueItem:
			w += it.Width
			stretch += it.Stretch
			shrink += it.Shrink
		}
	}
	brk := items[end]
	hyphen := brk.Kind == PenaltyItem && brk.Width > 0
	cut := brk.Kind == PenaltyItem && brk.Penalty == wordCutPenalty
	if hyphen {
		w += brk.Width
	}
	// The adjustment is shared among the glue in proportion to its
	// stretch (or shrink), rounded cumulatively so that a justified line
	// ends exactly at the measure.
	var adjust, pool Unit
	switch {
	case w < st.Width && stretch > 0 && st.Align == Justify:
		adjust, pool = st.Width-w, stretch
	case w > st.Width && shrink > 0:
		adjust, pool = -min(w-st.Width, shrink), shrink
	}
	line := Line{Leading: st.Leading}
	x := Unit(0)
	var used, done Unit // glue share seen, adjustment given
	var cur *Element
	var strikes []Element
	for i := start; i < last; i++ {
		it := items[i]
		c := b.cont[i]
		switch it.Kind {
		case BoxItem:
			if c.text == "" {
				x += it.Width
				cur = nil
				continue
			}
			if c.size > line.Size {
				line.Size = c.size
			}
			if cur != nil && cur.Face == c.face && cur.Size == c.size && cur.Color == c.color && cur.URI == c.link && cur.Y == -c.rise && cur.Lang == c.lang {
				cur.Text += c.text
				cur.W += it.Width
			} else {
				line.Elements = append(line.Elements, Element{Kind: TextElement, X: x, Y: -c.rise, Face: c.face, Size: c.size, Text: c.text, Color: c.color, W: it.Width, URI: c.link, Lang: c.lang})
				cur = &line.Elements[len(line.Elements)-1]
			}
			if c.note > 0 && !slices.Contains(line.Notes, c.note) {
				line.Notes = append(line.Notes, c.note)
			}
			if c.strike {
				strikes = strike(strikes, x, it.Width, c)
			}
			x += it.Width
		case GlueItem:
			g := it.Width
			if it.Stretch >= fill {
				g = 0
			} else if adjust != 0 {
				share := it.Stretch
				if adjust < 0 {
					share = it.Shrink
				}
				used += share
				a := Unit(int64(adjust) * int64(used) / int64(pool))
				g += a - done
				done = a
			}
			if c.strike && g > 0 && i+1 < last && b.cont[i+1].strike {
				strikes = strike(strikes, x, g, c)
			}
			x += g
			cur = nil
		}
	}
	if hyphen {
		c := b.cont[end]
		if cur != nil && cur.Face == c.face && cur.Size == c.size {
			cur.Text += "-"
			cur.W += brk.Width
			cur.Hyphen = true
		} else {
			line.Elements = append(line.Elements, Element{Kind: TextElement, X: x, Face: c.face, Size: c.size, Text: "-", Color: c.color, W: brk.Width, URI: c.link, Hyphen: true, Lang: c.lang})
		}
		x += brk.Width
	}
	line.Elements = append(line.Elements, strikes...)
	line.Width = x
	line.Overfull = x > st.Width
	line.Cut = cut
	line.Hyphen = brk.Kind == PenaltyItem && brk.Flagged
	shift := Unit(0)
	switch st.Align {
	case Center:
		shift = (st.Width - x) / 2
	case Right:
		shift = st.Width - x
	}
	// Links: one area per run of linked text on the line, spaces included.
	var out []Element
	for i := range line.Elements {
		e := &line.Elements[i]
		e.X += shift
		if e.URI == "" {
			continue
		}
		uri := e.URI
		e.URI = ""
		top := -e.Size * 891 / 1000
		h := e.Size * 1107 / 1000
		if n := len(out); n > 0 && linkTarget(out[n-1]) == uri && out[n-1].Y == top {
			out[n-1].W = e.X + e.W - out[n-1].X
			continue
		}
		l := Element{Kind: LinkElement, X: e.X, Y: top, W: e.W, H: h}
		if strings.HasPrefix(uri, "#") {
			l.Dest = uri[1:]
		} else {
			l.URI = uri
		}
		out = append(out, l)
	}
	line.Elements = append(line.Elements, out...)
	return line
}

// strike extends the line through struck text over [x, x+w), or starts
// one: at about half the height of a lowercase letter, as thick as a
// regular stroke.
func strike(strikes []Element, x, w Unit, c content) []Element {
	if n := len(strikes); n > 0 && strikes[n-1].X+strikes[n-1].W == x && strikes[n-1].Size == c.size/18 {
		strikes[n-1].W += w
		return strikes
	}
	return append(strikes, Element{Kind: RuleElement, X: x, Y: -c.size * 27 / 100, W: w, Size: c.size / 18, Color: c.color})
}

func linkTarget(e Element) string {
	if e.Dest != "" {
		return "#" + e.Dest
	}
	return e.URI
}
