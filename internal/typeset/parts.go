package typeset

import (
	"strconv"
	"strings"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/internal/qr"
	"github.com/recueil/recueil/layout"
)

// numberMark starts the text of a page-number placeholder; the anchor
// follows. leaderMark starts the text of a dot leader's placeholder, which
// runs up to the page number of the same anchor. fillPageNumbers replaces
// both.
const (
	numberMark = "\x00#"
	leaderMark = "\x00."
)

// fillPageNumbers writes the folio of each placeholder's anchor, flush right
// where the placeholder stands, and the dots of each leader up to it.
func (t *typesetter) fillPageNumbers(anchors map[string]layout.AnchorPos) {
	for _, p := range t.doc.Pages {
		for i := range p.Elements {
			e := &p.Elements[i]
			if e.Kind != layout.TextElement {
				continue
			}
			switch {
			case strings.HasPrefix(e.Text, numberMark):
				n := strconv.Itoa(anchors[e.Text[len(numberMark):]].Page)
				w := layout.Width(t.faces[e.Face], n, e.Size)
				e.Text, e.X, e.W = n, e.X+e.W-w, w
			case strings.HasPrefix(e.Text, leaderMark):
				n := strconv.Itoa(anchors[e.Text[len(leaderMark):]].Page)
				t.fillLeader(e, layout.Width(t.faces[e.Face], n, e.Size))
			}
		}
	}
}

// fillLeader sets the dots of a leader placeholder spanning e.X to e.X+e.W,
// before a page number numW wide that ends there. The dots stand on a grid
// of the page, so that the leaders of the lines above one another line up.
func (t *typesetter) fillLeader(e *layout.Element, numW layout.Unit) {
	face := t.faces[e.Face]
	pitch := layout.Width(face, ". ", e.Size)
	gap := e.Size / 3
	end := e.X + e.W - numW - gap
	x := (e.X + gap + pitch - 1) / pitch * pitch
	n := 0
	if pitch > 0 && end > x {
		n = int((end - x + pitch - layout.Width(face, ".", e.Size)) / pitch)
	}
	if n < 2 { // a dot or two says nothing: leave the gap
		e.Text, e.W = "", 0
		return
	}
	e.Text = strings.TrimSuffix(strings.Repeat(". ", n), " ")
	e.X, e.W = x, layout.Width(face, e.Text, e.Size)
}

// entrySet is how the entries of the contents or the index are set: the
// width of their column, their leading, the look of their page numbers,
// the indent of the lines after the first, and whether leaders lead the
// eye from the text to the number.
type entrySet struct {
	width, leading, hang layout.Unit
	num                  tstyle
	leaders              bool
}

// numbered sets an entry of the contents or the index: its text ragged in
// the column less room for the page number, the lines after the first
// indented (a hanging indent), the number on the last line flush right,
// after dot leaders when asked, the whole entry a link to dest.
func (t *typesetter) numbered(runs []layout.Run, es entrySet, dest string) []layout.Line {
	nr := t.text("0", es.num)
	numCol := layout.Width(t.faces[nr.Face], "0000", nr.Size)
	st := t.pstyle(es.width-numCol-layout.Mm(2), es.leading, layout.Left)
	lines := t.setLines(runs, st)
	if len(lines) > 1 && es.hang > 0 {
		// it wraps: set again, the lines after the first indented. The
		// first line is set short by as much, the price of a hanging
		// indent with a breaker of one measure.
		st.Width -= es.hang
		lines = t.setLines(runs, st)
	}
	if len(lines) == 0 {
		return nil
	}
	for i := 1; i < len(lines); i++ {
		for k := range lines[i].Elements {
			lines[i].Elements[k].X += es.hang
		}
	}
	last := &lines[len(lines)-1]
	if es.leaders {
		end := last.Width
		if len(lines) > 1 {
			end += es.hang
		}
		last.Elements = append(last.Elements, t.leaderElement(nr, end, es.width, dest))
	}
	last.Elements = append(last.Elements, t.numberElement(nr, es.width, dest))
	for i := range lines {
		lines[i].Elements = append(lines[i].Elements, t.entryLink(lines[i], es.width, max(lines[i].Size, nr.Size), dest))
	}
	return lines
}

// numberElement is the placeholder of a page number ending at right.
func (t *typesetter) numberElement(nr layout.Run, right layout.Unit, dest string) layout.Element {
	return layout.Element{Kind: layout.TextElement, X: right, Face: nr.Face, Size: nr.Size, Text: numberMark + dest, Color: nr.Color}
}

// leaderElement is the placeholder of the dots from x to the page number
// ending at right.
func (t *typesetter) leaderElement(nr layout.Run, x, right layout.Unit, dest string) layout.Element {
	// the dots are decoration: a reader hears the entry and its page
	return layout.Element{Kind: layout.TextElement, X: x, W: right - x, Face: nr.Face, Size: nr.Size, Text: leaderMark + dest, Color: nr.Color, Node: layout.Decoration}
}

// entryLink makes a line of an entry, across its column, a link to dest.
func (t *typesetter) entryLink(l layout.Line, width, size layout.Unit, dest string) layout.Element {
	return layout.Element{Kind: layout.LinkElement, X: 0, Y: -size * 891 / 1000, W: width, H: size * 1107 / 1000, Dest: dest}
}

// colItem is what the columns of the contents or the index are made of:
// lines never split, with space above them (dropped at the top of a
// column); keepNext keeps them in the column of the next item (a letter
// head, a section's name).
type colItem struct {
	lines    []layout.Line
	space    layout.Unit
	keepNext bool
}

// columns sets items in n columns of width w, gap apart, page after page:
// each page's columns are filled in turn, the last page's are balanced.
func (t *typesetter) columns(items []colItem, n int, w, gap layout.Unit) {
	for len(items) > 0 {
		avail := t.flow.Remaining()
		if !t.flow.Fresh() && avail < 4*t.d.leading {
			t.flow.NewPage()
			continue
		}
		cols, rest := packColumns(items, n, avail)
		if len(rest) == 0 {
			// the last page: the shortest height that still holds them
			lo, hi := avail/layout.Unit(n), avail
			for lo < hi {
				mid := lo + (hi-lo)/2
				if _, r := packColumns(items, n, mid); len(r) == 0 {
					hi = mid
				} else {
					lo = mid + 1
				}
			}
			cols, _ = packColumns(items, n, hi)
		}
		var h layout.Unit
		for _, c := range cols {
			h = max(h, colHeight(c))
		}
		t.flow.Block(h, func(p *layout.Page, x, y layout.Unit) {
			for k, c := range cols {
				cy := y
				for i, it := range c {
					if i > 0 {
						cy += it.space
					}
					cy += place(p, it.lines, x+layout.Unit(k)*(w+gap), cy)
				}
			}
		})
		items = rest
		if len(items) > 0 {
			t.flow.NewPage()
		}
	}
}

func colHeight(c []colItem) layout.Unit {
	var h layout.Unit
	for i, it := range c {
		if i > 0 {
			h += it.space
		}
		h += height(it.lines)
	}
	return h
}

// packColumns fills up to n columns of height h with items, in order, and
// returns them with the items left over. An item that asks to be kept
// with the next one never ends a column; an item taller than a column
// still goes into an empty one.
func packColumns(items []colItem, n int, h layout.Unit) (cols [][]colItem, rest []colItem) {
	i := 0
	for k := 0; k < n && i < len(items); k++ {
		var used layout.Unit
		start := i
		for i < len(items) {
			// the group: this item and those it is kept with
			j, gh := i, layout.Unit(0)
			for {
				it := items[j]
				if j > i || i > start {
					gh += it.space
				}
				gh += height(it.lines)
				if !it.keepNext || j+1 == len(items) {
					break
				}
				j++
			}
			if used+gh > h && i > start {
				break
			}
			used += gh
			i = j + 1
		}
		cols = append(cols, items[start:i])
	}
	return cols, items[i:]
}

// columnType is the size and leading of the contents and the index set in
// two columns: smaller than the text, as a reference list is, and still
// above the 7.5 pt a designer reads as the floor for a book's apparatus.
func (d design) columnType() (size, leading layout.Unit) {
	size = d.size * 76 / 100
	return size, size * 116 / 100
}

// contentsColumns is the number of contributions above which the contents
// is set in two columns, after a short contents listing its parts.
const contentsColumns = 100

// indexColumns is the number of entries above which the index is set in
// two columns.
const indexColumns = 40

func (t *typesetter) contents() {
	t.file, t.line = "book.yaml", 0
	t.at("contents")
	e := t.entries[0]
	t.head = e.Title
	p := t.newPage(openingPage, true)
	defer t.open(layout.RoleTOC)()
	t.chapterTitle(p, e.Title, e)
	d := t.d
	if len(t.b.Published()) <= contentsColumns {
		size := d.size * 92 / 100
		t.setContents(t.entries[1:], d.measure, size, size*135/100, false)
		return
	}
	// A short contents first: the parts, the editor's texts, the index;
	// then the whole contents, in two columns.
	size := d.size * 92 / 100
	var short []Entry
	for _, en := range t.entries[1:] {
		if en.Kind != EntryContribution {
			short = append(short, en)
		}
	}
	t.setContents(short, d.measure, size, size*135/100, false)
	full := t.entry("full-contents")
	t.head = full.Title
	p = t.newPage(openingPage, false)
	t.chapterTitle(p, full.Title, full)
	size, ld := d.columnType()
	var rest []Entry
	for _, en := range t.entries[1:] {
		if en.Kind != EntryFullContents {
			rest = append(rest, en)
		}
	}
	gap := layout.Mm(6)
	t.setContents(rest, (d.measure-gap)/2, size, ld, true)
}

// setContents sets entries of the contents in the flow: in one column of
// the measure, or in two of width w.
func (t *typesetter) setContents(entries []Entry, w, size, ld layout.Unit, twoCols bool) {
	d := t.d
	es := entrySet{width: w, leading: ld, hang: size, num: tstyle{fam: serif, size: size, color: d.soft}, leaders: true}
	var items []colItem
	for _, en := range entries {
		var runs []layout.Run
		it := colItem{}
		switch en.Kind {
		case EntrySection:
			it.space, it.keepNext = ld*2/3, true
			runs = []layout.Run{t.text(strings.ToUpper(en.Title), tstyle{fam: sans, base: book.Bold, size: size * 9 / 10, color: d.accentText, noHyphen: true})}
		case EntryContribution:
			c := t.contrib(en.Slug)
			if c == nil {
				continue
			}
			runs = t.textRuns(t.typo(c.Name), tstyle{fam: serif, size: size, color: d.ink, noHyphen: true}, false)
			if c.Title != "" {
				runs = append(runs, t.text(" — ", tstyle{fam: serif, size: size, color: d.gray}))
				runs = append(runs, t.texts(t.typo(c.Title), tstyle{fam: serif, base: book.Italic, size: size, color: d.soft})...)
			}
		default:
			it.space = ld / 3
			runs = []layout.Run{t.text(en.Title, tstyle{fam: sans, base: book.Bold, size: size, color: d.ink, noHyphen: true})}
		}
		it.lines = t.tagLines(t.numbered(runs, es, en.Anchor), layout.RoleTOCI)
		items = append(items, it)
	}
	t.placeItems(items, twoCols, w, ld)
}

// placeItems sets the entries of the contents or an index: in two columns
// of width w, or one after the other in the flow, each kept whole, a
// heading (keepNext) with the entry that follows it.
func (t *typesetter) placeItems(items []colItem, twoCols bool, w, ld layout.Unit) {
	if twoCols {
		t.columns(items, 2, w, t.d.measure-2*w)
		return
	}
	for _, it := range items {
		t.flow.Space(it.space)
		if it.keepNext {
			t.flow.Need(height(it.lines) + 2*ld)
			t.flow.Lines(it.lines, layout.LinesOpts{Keep: true, KeepNext: true})
			continue
		}
		t.flow.Lines(it.lines, layout.LinesOpts{Keep: true})
	}
}

func (t *typesetter) contrib(slug string) *book.Contribution {
	if t.bySlug == nil {
		t.bySlug = map[string]*book.Contribution{}
		for _, c := range t.b.Published() {
			t.bySlug[c.Slug] = c
		}
	}
	return t.bySlug[slug]
}

func handleURL(h string) string { return book.HandleURL(h) }

// contribution sets one contributor's pages: the opening, the pull quote,
// the text.
func (t *typesetter) contribution(c *book.Contribution, e Entry) {
	d := t.d
	defer t.inLanguage(c.Lang)()
	t.file = c.Path
	t.at(c.Path)
	t.head = c.Name
	p := t.newPage(openingPage, t.b.Page.Recto)
	defer t.openNode(layout.Node{Role: layout.RoleSect, Lang: c.Lang})()
	first := p.Number
	t.anchor(p, e, 0)
	x := t.flow.Frame().X
	y := d.top + d.textH*6/100

	// the photo, on the outer side
	var phW, phH layout.Unit
	var photo *layout.Element // drawn after the name, which is read first
	if c.Photo != "" {
		t.line = c.FieldPos("photo").Line
		if pw, ph, ok := t.imageSize(c.Photo); ok {
			phW = layout.Mm(30)
			phH = layout.Unit(int64(phW) * int64(ph) / int64(pw))
			if phH > openingZone {
				phH = openingZone
				phW = layout.Unit(int64(phH) * int64(pw) / int64(ph))
			}
			photo = &layout.Element{Kind: layout.ImageElement, X: x + d.measure - phW, Y: y, W: phW, H: phH, Src: t.path(c.Photo)}
		} else {
			t.warnImage(c.Photo)
		}
	}
	w := d.measure
	if phW > 0 {
		w -= openingPhotoColumn
	}
	var lines []layout.Line
	// the name is the heading of the contribution, each line after it a
	// paragraph
	role := layout.RoleH1
	var beside layout.Unit // the block's height beside a photo, photo or not: the text starts at the same height
	add := func(runs []layout.Run, size, leading layout.Unit, gap layout.Unit) {
		ls := t.setLines(runs, t.pstyle(w, leading, layout.Left))
		if len(ls) > 0 {
			ls[len(ls)-1].Leading += gap
		}
		lines = append(lines, t.tagLines(ls, role)...)
		role = layout.RoleP
		if phW > 0 {
			beside += height(ls)
		} else if n := height(t.setLines(runs, t.pstyle(d.measure-openingPhotoColumn, leading, layout.Left))); n > 0 {
			beside += n + gap
		}
	}
	t.line = c.FieldPos("name").Line
	ns := d.size * 2
	add(t.textRuns(t.typo(c.Name), tstyle{fam: sans, base: book.Bold, size: ns, color: d.ink, noHyphen: true}, false), ns, ns*115/100, layout.Mm(2))
	ss := d.size * 9 / 10
	if c.Role != "" {
		t.line = c.FieldPos("role").Line
		add(t.texts(t.typo(c.Role), tstyle{fam: sans, size: ss, color: d.soft}), ss, ss*13/10, 0)
	}
	var org []string
	if c.Organization != "" {
		org = append(org, t.typo(c.Organization))
	}
	if c.City != "" {
		org = append(org, t.typo(c.City))
	}
	if len(org) > 0 {
		t.line = c.FieldPos("organization").Line
		add(t.texts(strings.Join(org, " · "), tstyle{fam: sans, size: ss, color: d.gray}), ss, ss*13/10, 0)
	}
	if c.Handle != "" {
		t.line = c.FieldPos("handle").Line
		r := t.text(c.Handle, tstyle{fam: sans, base: book.Bold, size: ss, color: d.accentText, noHyphen: true})
		r.Link = handleURL(c.Handle)
		if r.Link != "" {
			r.Color = d.accentText
		}
		add([]layout.Run{r}, ss, ss*13/10, 0)
	}
	for _, l := range c.ShownLinks() { // links, then the LinkedIn profile
		t.line = c.FieldPos("links").Line
		r := t.text(strings.TrimPrefix(strings.TrimPrefix(l, "https://"), "http://"), tstyle{fam: sans, size: ss * 9 / 10, color: d.link, noHyphen: true})
		r.Link = l
		add([]layout.Run{r}, ss, ss*13/10, 0)
	}
	place(p, lines, x, y)
	if photo != nil {
		t.doc.Struct.Open(layout.Node{Role: layout.RoleFigure, Alt: t.typo(c.PortraitAlt(t.loc.Labels))})
		p.Add(*photo)
		t.doc.Struct.Close()
	}
	y += max(beside, openingZone) + layout.Mm(7)
	p.Add(layout.Element{Kind: layout.RectElement, X: x, Y: y, W: layout.Mm(12), H: layout.Pt(1.2), Color: d.accent})
	y += layout.Mm(5)
	if c.Title != "" {
		t.line = c.FieldPos("title").Line
		ts := d.size * 145 / 100
		tl := t.setLines(t.texts(t.typo(c.Title), tstyle{fam: serif, base: book.Bold, size: ts, color: d.ink, noHyphen: true}),
			t.pstyle(d.measure, ts*125/100, layout.Left))
		t.tagged(layout.RoleH2, func() { y += place(p, tl, x, y) + layout.Mm(3) })
	}
	t.flow.Skip(y - d.top)
	if c.Extract != "" {
		t.line = c.FieldPos("extract").Line
		// a repetition of the text: read once, there
		t.artifacts(func() { t.pullQuote(c.Extract) })
	}
	t.flow.Space(d.leading / 2)
	if t.flow.Page() != p || t.flow.Remaining() < 2*d.leading {
		// the text will start on the next page: the opening is alone
		t.line = c.FieldPos("name").Line
		t.diags.Add(t.fileOr(), book.Pos{Line: t.line}, book.Warning, "opening-alone",
			book.M("l’en-tête de la contribution (nom, liens, titre, exergue) remplit la première page : le texte ne commence qu’à la page suivante ; raccourcissez l’exergue, le titre ou la liste de liens", "the contribution's header (name, links, title, extract) fills the first page: the text only starts on the next page; shorten the extract, the title or the list of links"))
	}
	t.notes = t.setNotes(c.Notes)
	if c.Title != "" {
		t.headings(c.Body, 2)
	} else {
		t.headings(c.Body, 1)
	}
	t.blocks(c.Body, t.body())
	t.notes = nil
	t.ranges = append(t.ranges, PageRange{Slug: c.Slug, First: first, Last: len(t.doc.Pages)})
}

// pullQuote sets the extract: larger italic, an accent bar in the margin of
// the text, never split across pages.
func (t *typesetter) pullQuote(s string) {
	d := t.d
	size := d.size * 112 / 100
	ld := size * 135 / 100
	pad := layout.Mm(5)
	lines := t.setLines([]layout.Run{t.text(t.typo(s), tstyle{fam: serif, base: book.Italic, size: size, color: d.soft})},
		t.pstyle(d.measure-pad-layout.Mm(4), ld, layout.Left))
	h := height(lines)
	t.flow.Space(d.leading / 2)
	t.flow.Block(h+d.leading, func(p *layout.Page, x, y layout.Unit) {
		y += d.leading / 3
		p.Add(layout.Element{Kind: layout.RectElement, X: x, Y: y + ld/8, W: layout.Pt(2), H: h - ld/4, Color: d.accent})
		place(p, lines, x+pad, y)
	})
}

func (t *typesetter) index() { t.setIndex("index", t.b.Index(), true) }

// indexBy sets an optional index (book.yaml indexes:): by organisation or
// by city, each group headed by its name.
func (t *typesetter) indexBy(kind string) {
	t.setIndex(indexAnchor(kind), t.b.IndexBy(kind), false)
}

// indexAnchor is the anchor, and the part of the book (book.PageStart),
// of the optional index of kind.
func indexAnchor(kind string) string { return "index-" + kind }

// setIndex sets an index: its groups (letters, or organisations or
// cities), each entry a contributor's name and the page their text starts
// on.
func (t *typesetter) setIndex(anchor string, groups []book.IndexGroup, letters bool) {
	t.file, t.line = "book.yaml", 0
	t.at(anchor)
	e := t.entry(anchor)
	t.head = e.Title
	p := t.newPage(openingPage, true)
	defer t.open(layout.RoleSect)()
	t.chapterTitle(p, e.Title, e)
	defer t.open(layout.RoleIndex)()
	d := t.d
	n := 0
	for _, g := range groups {
		n += len(g.Entries)
	}
	twoCols := n > indexColumns
	size, ld, w, gs := d.size*88/100, d.size*88/100*132/100, d.measure, d.size*115/100
	if twoCols {
		size, ld = d.columnType()
		w, gs = (d.measure-layout.Mm(6))/2, d.size
	}
	es := entrySet{width: w, leading: ld, hang: size, num: tstyle{fam: serif, size: size, color: d.soft}, leaders: true}
	var items []colItem
	for _, g := range groups {
		hs, name := gs, g.Letter
		if !letters {
			hs, name = size, t.typo(g.Letter) // an organisation's or a city's name
		}
		head := t.setLines([]layout.Run{t.text(name, tstyle{fam: sans, base: book.Bold, size: hs, color: d.accentText, noHyphen: true})}, t.pstyle(w, hs*14/10, layout.Left))
		items = append(items, colItem{lines: t.tagLines(head, layout.RoleH2), space: ld * 2 / 3, keepNext: true})
		for _, en := range g.Entries {
			c := en.Contribution
			t.file = c.Path
			surname, given, _ := strings.Cut(en.Key, ", ")
			runs := t.textRuns(t.typo(surname), tstyle{fam: serif, base: book.Bold, size: size, color: d.ink, noHyphen: true}, false)
			if given != "" {
				runs = append(runs, t.textRuns(t.typo(", "+given), tstyle{fam: serif, size: size, color: d.ink, noHyphen: true}, false)...)
			}
			if c.Role != "" && !twoCols {
				runs = append(runs, t.text(" — ", tstyle{fam: serif, size: size, color: d.gray}))
				runs = append(runs, t.texts(t.typo(c.Role), tstyle{fam: serif, base: book.Italic, size: size, color: d.soft})...)
			}
			items = append(items, colItem{lines: t.tagLines(t.numbered(runs, es, contribAnchor(c.Slug)), layout.RoleP)})
		}
	}
	t.placeItems(items, twoCols, w, ld)
}

func (t *typesetter) partners() {
	t.file, t.line = "book.yaml", 0
	t.at("partners")
	e := t.entry("partners")
	t.head = e.Title
	p := t.newPage(openingPage, true)
	defer t.open(layout.RoleSect)()
	t.chapterTitle(p, e.Title, e)
	d := t.d
	for _, pa := range t.b.Partners {
		var lw, lh layout.Unit
		if pa.Logo != "" {
			if pw, ph, ok := t.imageSize(pa.Logo); ok {
				lw, lh = layout.Mm(45), layout.Unit(int64(layout.Mm(45))*int64(ph)/int64(pw))
				if lh > layout.Mm(22) {
					lh = layout.Mm(22)
					lw = layout.Unit(int64(lh) * int64(pw) / int64(ph))
				}
			} else {
				t.warnImage(pa.Logo)
			}
		}
		s := d.size
		nr := t.text(t.typo(pa.Name), tstyle{fam: sans, base: book.Bold, size: s, color: d.ink, noHyphen: true})
		nr.Link = pa.URL
		lines := t.setLines([]layout.Run{nr}, t.pstyle(d.measure, s*13/10, layout.Center))
		h := lh + layout.Mm(2) + height(lines) + layout.Mm(8)
		logo := t.path(pa.Logo)
		t.flow.Block(h, func(p *layout.Page, x, y layout.Unit) {
			if lw > 0 {
				t.doc.Struct.Open(layout.Node{Role: layout.RoleFigure, Alt: t.typo(pa.Name)})
				p.Add(layout.Element{Kind: layout.ImageElement, X: x + (d.measure-lw)/2, Y: y, W: lw, H: lh, Src: logo})
				if pa.URL != "" {
					p.Add(layout.Element{Kind: layout.LinkElement, X: x + (d.measure-lw)/2, Y: y, W: lw, H: lh, URI: pa.URL})
				}
				t.doc.Struct.Close()
				y += lh + layout.Mm(2)
			}
			t.tagged(layout.RoleP, func() { place(p, lines, x, y) })
		})
	}
}

// decorate adds running heads and folios.
func (t *typesetter) decorate() {
	d := t.d
	fs := layout.Pt(8.5)
	hs := layout.Pt(7.5)
	// The book's title: what it lacks is book.yaml's to report, not the
	// last contribution set's.
	file, line := t.file, t.line
	t.file, t.line = "book.yaml", t.b.FieldPos("title").Line
	title := t.clean(t.typo(t.b.Title), fonts.Sans)
	t.file, t.line = file, line
	t.headBoxes = make([]layout.Element, len(t.doc.Pages))
	for i, p := range t.doc.Pages {
		kind := t.kinds[i]
		if kind == plainPage || len(p.Elements) == 0 {
			continue
		}
		x := d.inner
		if p.Verso() {
			x = d.outer
		}
		num := strconv.Itoa(p.Number)
		nr := t.text(num, tstyle{fam: serif, size: fs, color: d.soft})
		nw := layout.Width(t.faces[nr.Face], num, fs)
		p.Add(layout.Element{Kind: layout.TextElement, X: x + (d.measure-nw)/2, Y: d.height - d.bottom*45/100, Face: nr.Face, Size: fs, Text: num, Color: d.soft, W: nw})
		if kind != normalPage {
			continue
		}
		head := t.heads[i]
		if p.Verso() || head == "" {
			head = title
		}
		head = t.clean(head, fonts.Sans)
		if layout.Width(t.faces[fonts.Sans], head, hs) > d.measure {
			r := []rune(head)
			for len(r) > 1 && layout.Width(t.faces[fonts.Sans], string(r)+"…", hs) > d.measure {
				r = r[:len(r)-1]
			}
			head = strings.TrimSpace(string(r)) + "…"
		}
		lines := t.setLines([]layout.Run{{Text: head, Face: int(fonts.Sans), Size: hs, Color: d.gray, NoHyphen: true}}, t.pstyle(d.measure, hs*13/10, layout.Center))
		if len(lines) > 0 {
			y := d.top * 45 / 100
			layout.PlaceLine(p, lines[0], x, y)
			l := lines[0]
			t.headBoxes[i] = layout.Element{Kind: layout.LinkElement, X: x + (d.measure-l.Width)/2, Y: y, W: l.Width, H: l.Leading}
		}
	}
}

// finish ends the book: blank pages, then the back cover when book.yaml
// has one, so that the page count is a multiple of page.round_to. The
// blank pages stand before the last page, where a printer expects them,
// never inside a text.
func (t *typesetter) finish() {
	t.file, t.line = "book.yaml", t.b.FieldPos("back_cover").Line
	t.at("back-cover") // the blank pages too
	n := len(t.doc.Pages)
	if t.b.BackCover != nil {
		n++
	}
	if m := t.b.Page.RoundTo; m > 1 {
		for ; n%m != 0; n++ {
			t.newPage(plainPage, false)
		}
	}
	if t.b.BackCover != nil {
		t.backCover(*t.b.BackCover)
	}
}

// backCover sets the last page: the cover's ground, the title and the
// text in the cover's text colour (made readable when it is not, 4.5:1),
// and at the foot a paper-white band with the partners' logos, the
// book's address and its QR code.
func (t *typesetter) backCover(bc book.BackCover) {
	d := t.d
	t.at("back-cover")
	p := t.newPage(plainPage, false)
	defer t.open(layout.RoleSect)()
	bg := parseColor(t.b.Cards.Background, layout.Color{R: 0x1f, G: 0x2a, B: 0x44})
	fg := onGround(parseColor(t.b.Cards.Text, layout.Color{R: 0xff, G: 0xff, B: 0xff}), bg)
	p.Add(t.rect(0, 0, d.width, d.height, bg))
	x, w := d.inner, d.measure
	if p.Verso() {
		x = d.outer
	}
	y := d.top + layout.Mm(6)

	// the foot: logos, address, code
	code, _ := qr.Encode(bc.URL) // nil without an address: no code
	side := layout.Mm(22)
	var logos []logo
	for _, pa := range t.b.Partners {
		if pa.Logo == "" {
			continue
		}
		if pw, ph, ok := t.imageSize(pa.Logo); ok {
			lh := layout.Mm(12)
			lw := layout.Unit(int64(lh) * int64(pw) / int64(ph))
			if lw > layout.Mm(30) {
				lw, lh = layout.Mm(30), layout.Unit(int64(layout.Mm(30))*int64(ph)/int64(pw))
			}
			logos = append(logos, logo{src: t.path(pa.Logo), w: lw, h: lh, alt: t.typo(pa.Name)})
		} else {
			t.warnImage(pa.Logo)
		}
	}
	band := layout.Unit(0)
	if code != nil || len(logos) > 0 || bc.URL != "" {
		band = side + layout.Mm(16)
	}
	bandY := d.height - band
	if band > 0 {
		p.Add(t.rect(0, bandY, d.width, band, layout.Color{R: 0xff, G: 0xff, B: 0xff}))
		t.backCoverFoot(p, bc.URL, code, logos, x, w, bandY+layout.Mm(6), side)
	}

	// the title, the text
	ts := layout.Pt(15)
	lines := t.setLines(t.texts(t.typo(t.b.Title), tstyle{fam: sans, base: book.Bold, size: ts, color: fg, noHyphen: true}),
		t.pstyle(w, ts*12/10, layout.Left))
	y += place(p, lines, x, y) + layout.Mm(2)
	p.Add(t.rect(x, y, layout.Mm(12), layout.Pt(1.2), d.accent))
	y += layout.Mm(6)
	room := bandY - layout.Mm(8) - y
	body := tstyle{fam: serif, size: d.size, color: fg}
	for _, para := range strings.Split(strings.ReplaceAll(bc.Text, "\r\n", "\n"), "\n\n") {
		para = strings.Join(strings.Fields(para), " ")
		if para == "" {
			continue
		}
		ls := t.setLines(t.texts(t.typo(para), body), t.pstyle(w, d.leading, layout.Justify))
		if h := height(ls); h > room {
			t.diags.Add("book.yaml", t.b.FieldPos("back_cover.text"), book.Warning, "back-cover-full",
				book.M("le texte de la quatrième de couverture ne tient pas au-dessus des logos et du code QR : la fin en est coupée ; raccourcissez-le", "the back cover's text does not fit above the logos and the QR code: its end is cut off; shorten it"))
			break
		}
		h := place(p, ls, x, y) + d.leading/2
		y += h
		room -= h
	}
}

// logo is a partner's logo at its size on the back cover.
type logo struct {
	src  string
	w, h layout.Unit
	alt  string // the partner's name
}

// backCoverFoot sets, in the white band from y, the logos side by side on
// the left and the QR code of url on the right, the address under it.
func (t *typesetter) backCoverFoot(p *layout.Page, url string, code *qr.Code, logos []logo, x, w, y, side layout.Unit) {
	d := t.d
	qx := x + w - side
	if code != nil {
		module := side / layout.Unit(code.Size())
		qs := module * layout.Unit(code.Size())
		qx = x + w - qs
		code.Runs(func(row, x0, n int) {
			p.Add(t.rect(qx+module*layout.Unit(x0), y+module*layout.Unit(row), module*layout.Unit(n), module, layout.Color{}))
		})
		p.Add(layout.Element{Kind: layout.LinkElement, X: qx, Y: y, W: qs, H: qs, URI: url})
	}
	if url != "" {
		s := layout.Pt(8)
		r := t.text(strings.TrimPrefix(strings.TrimPrefix(url, "https://"), "http://"), tstyle{fam: sans, size: s, color: d.ink, noHyphen: true})
		r.Link = url
		ls := t.setLines([]layout.Run{r}, t.pstyle(w, s*13/10, layout.Right))
		place(p, ls, x, y+side+layout.Mm(1.5))
	}
	lx := x
	for _, l := range logos {
		if lx+l.w > qx-layout.Mm(6) {
			break // no room left beside the code
		}
		t.doc.Struct.Open(layout.Node{Role: layout.RoleFigure, Alt: l.alt})
		p.Add(layout.Element{Kind: layout.ImageElement, X: lx, Y: y + (side-l.h)/2, W: l.w, H: l.h, Src: l.src})
		t.doc.Struct.Close()
		lx += l.w + layout.Mm(6)
	}
}

// rect is a filled rectangle.
func (t *typesetter) rect(x, y, w, h layout.Unit, c layout.Color) layout.Element {
	return layout.Element{Kind: layout.RectElement, X: x, Y: y, W: w, H: h, Color: c}
}

// onGround is fg when it reads on bg (4.5:1), else white or ink, whichever
// reads better.
func onGround(fg, bg layout.Color) layout.Color {
	if layout.Contrast(fg, bg) >= 4.5 {
		return fg
	}
	white, ink := layout.Color{R: 0xff, G: 0xff, B: 0xff}, layout.Color{R: 0x1a, G: 0x1a, B: 0x1a}
	if layout.Contrast(white, bg) >= layout.Contrast(ink, bg) {
		return white
	}
	return ink
}
