package typeset

import (
	"strconv"
	"strings"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/layout"
)

// numberMark starts the text of a page-number placeholder; the anchor
// follows. fillPageNumbers replaces it.
const numberMark = "\x00#"

// fillPageNumbers writes the folio of each placeholder's anchor, flush right
// where the placeholder stands.
func (t *typesetter) fillPageNumbers(anchors map[string]layout.AnchorPos) {
	for _, p := range t.doc.Pages {
		for i := range p.Elements {
			e := &p.Elements[i]
			if e.Kind != layout.TextElement || !strings.HasPrefix(e.Text, numberMark) {
				continue
			}
			n := strconv.Itoa(anchors[e.Text[len(numberMark):]].Page)
			w := layout.Width(t.faces[e.Face], n, e.Size)
			e.Text, e.X, e.W = n, e.X+e.W-w, w
		}
	}
}

// numbered sets an entry of the contents or the index: its text ragged in
// the measure less a column for the page number, the number on the last
// line flush right, the whole entry a link to dest.
func (t *typesetter) numbered(runs []layout.Run, numStyle tstyle, leading layout.Unit, dest string) []layout.Line {
	d := t.d
	nr := t.text("0", numStyle)
	numCol := layout.Width(t.faces[nr.Face], "0000", nr.Size)
	st := t.pstyle(d.measure-numCol-layout.Mm(3), leading, layout.Left)
	lines := t.setLines(runs, st)
	if len(lines) == 0 {
		return nil
	}
	last := &lines[len(lines)-1]
	last.Elements = append(last.Elements, layout.Element{Kind: layout.TextElement, X: d.measure, Face: nr.Face, Size: nr.Size, Text: numberMark + dest, Color: nr.Color})
	for i := range lines {
		l := &lines[i]
		size := max(l.Size, nr.Size)
		l.Elements = append(l.Elements, layout.Element{Kind: layout.LinkElement, X: 0, Y: -size * 891 / 1000, W: d.measure, H: size * 1107 / 1000, Dest: dest})
	}
	return lines
}

func (t *typesetter) contents() {
	t.file, t.line = "book.yaml", 0
	e := t.entries[0]
	t.head = e.Title
	p := t.newPage(openingPage, true)
	t.chapterTitle(p, e.Title, e)
	d := t.d
	size := d.size * 92 / 100
	ld := size * 135 / 100
	num := tstyle{fam: serif, size: size, color: d.soft}
	for _, en := range t.entries[1:] {
		var runs []layout.Run
		var lines []layout.Line
		switch en.Kind {
		case EntrySection:
			t.flow.Space(ld * 2 / 3)
			runs = []layout.Run{t.text(strings.ToUpper(en.Title), tstyle{fam: sans, base: book.Bold, size: size * 9 / 10, color: d.accentText, noHyphen: true})}
			lines = t.numbered(runs, num, ld, en.Anchor)
			t.flow.Need(height(lines) + 2*ld)
		case EntryContribution:
			c := t.contrib(en.Slug)
			if c == nil {
				continue
			}
			runs = []layout.Run{t.text(t.typo(c.Name), tstyle{fam: serif, size: size, color: d.ink, noHyphen: true})}
			if c.Title != "" {
				runs = append(runs, t.text(" — ", tstyle{fam: serif, size: size, color: d.gray}),
					t.text(t.typo(c.Title), tstyle{fam: serif, base: book.Italic, size: size, color: d.soft}))
			}
			lines = t.numbered(runs, num, ld, en.Anchor)
		default:
			t.flow.Space(ld / 3)
			runs = []layout.Run{t.text(en.Title, tstyle{fam: sans, base: book.Bold, size: size, color: d.ink, noHyphen: true})}
			lines = t.numbered(runs, num, ld, en.Anchor)
		}
		t.flow.Lines(lines, layout.LinesOpts{Keep: true})
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
	t.head = c.Name
	p := t.newPage(openingPage, t.b.Page.Recto)
	first := p.Number
	t.anchor(p, e, 0)
	x := t.flow.Frame().X
	y := d.top + d.textH*6/100

	// the photo, on the outer side
	var phW, phH layout.Unit
	if c.Photo != "" {
		t.line = c.FieldPos("photo").Line
		if pw, ph, ok := t.imageSize(c.Photo); ok {
			phW = layout.Mm(30)
			phH = layout.Unit(int64(phW) * int64(ph) / int64(pw))
			if phH > openingZone {
				phH = openingZone
				phW = layout.Unit(int64(phH) * int64(pw) / int64(ph))
			}
			p.Add(layout.Element{Kind: layout.ImageElement, X: x + d.measure - phW, Y: y, W: phW, H: phH, Src: t.path(c.Photo)})
		} else {
			t.warnImage(c.Photo)
		}
	}
	w := d.measure
	if phW > 0 {
		w -= openingPhotoColumn
	}
	var lines []layout.Line
	var beside layout.Unit // the block's height beside a photo, photo or not: the text starts at the same height
	add := func(runs []layout.Run, size, leading layout.Unit, gap layout.Unit) {
		ls := t.setLines(runs, t.pstyle(w, leading, layout.Left))
		if len(ls) > 0 {
			ls[len(ls)-1].Leading += gap
		}
		lines = append(lines, ls...)
		if phW > 0 {
			beside += height(ls)
		} else if n := height(t.setLines(runs, t.pstyle(d.measure-openingPhotoColumn, leading, layout.Left))); n > 0 {
			beside += n + gap
		}
	}
	t.line = c.FieldPos("name").Line
	ns := d.size * 2
	add([]layout.Run{t.text(t.typo(c.Name), tstyle{fam: sans, base: book.Bold, size: ns, color: d.ink, noHyphen: true})}, ns, ns*115/100, layout.Mm(2))
	ss := d.size * 9 / 10
	if c.Role != "" {
		t.line = c.FieldPos("role").Line
		add([]layout.Run{t.text(t.typo(c.Role), tstyle{fam: sans, size: ss, color: d.soft})}, ss, ss*13/10, 0)
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
		add([]layout.Run{t.text(strings.Join(org, " · "), tstyle{fam: sans, size: ss, color: d.gray})}, ss, ss*13/10, 0)
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
	y += max(beside, openingZone) + layout.Mm(7)
	p.Add(layout.Element{Kind: layout.RectElement, X: x, Y: y, W: layout.Mm(12), H: layout.Pt(1.2), Color: d.accent})
	y += layout.Mm(5)
	if c.Title != "" {
		t.line = c.FieldPos("title").Line
		ts := d.size * 145 / 100
		tl := t.setLines([]layout.Run{t.text(t.typo(c.Title), tstyle{fam: serif, base: book.Bold, size: ts, color: d.ink, noHyphen: true})},
			t.pstyle(d.measure, ts*125/100, layout.Left))
		y += place(p, tl, x, y) + layout.Mm(3)
	}
	t.flow.Skip(y - d.top)
	if c.Extract != "" {
		t.line = c.FieldPos("extract").Line
		t.pullQuote(c.Extract)
	}
	t.flow.Space(d.leading / 2)
	if t.flow.Page() != p || t.flow.Remaining() < 2*d.leading {
		// the text will start on the next page: the opening is alone
		t.line = c.FieldPos("name").Line
		t.diags.Add(t.fileOr(), book.Pos{Line: t.line}, book.Warning, "opening-alone",
			"l’en-tête de la contribution (nom, liens, titre, exergue) remplit la première page : le texte ne commence qu’à la page suivante ; raccourcissez l’exergue, le titre ou la liste de liens")
	}
	t.notes = t.setNotes(c.Notes)
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

func (t *typesetter) index() {
	t.file, t.line = "book.yaml", 0
	e := t.entry("index")
	t.head = e.Title
	p := t.newPage(openingPage, true)
	t.chapterTitle(p, e.Title, e)
	d := t.d
	size := d.size * 88 / 100
	ld := size * 132 / 100
	num := tstyle{fam: serif, size: size, color: d.soft}
	for _, g := range t.b.Index() {
		gs := d.size * 115 / 100
		head := t.setLines([]layout.Run{t.text(g.Letter, tstyle{fam: sans, base: book.Bold, size: gs, color: d.accentText})}, t.pstyle(d.measure, gs*14/10, layout.Left))
		t.flow.Space(ld * 2 / 3)
		t.flow.Need(height(head) + 2*ld)
		t.flow.Lines(head, layout.LinesOpts{Keep: true, KeepNext: true})
		for _, en := range g.Entries {
			c := en.Contribution
			t.file = c.Path
			surname, given, _ := strings.Cut(en.Key, ", ")
			runs := []layout.Run{t.text(t.typo(surname), tstyle{fam: serif, base: book.Bold, size: size, color: d.ink, noHyphen: true})}
			if given != "" {
				runs = append(runs, t.text(t.typo(", "+given), tstyle{fam: serif, size: size, color: d.ink, noHyphen: true}))
			}
			if c.Role != "" {
				runs = append(runs, t.text(" — ", tstyle{fam: serif, size: size, color: d.gray}),
					t.text(t.typo(c.Role), tstyle{fam: serif, base: book.Italic, size: size, color: d.soft}))
			}
			anchor := contribAnchor(c.Slug)
			lines := t.numbered(runs, num, ld, anchor)
			t.flow.Lines(lines, layout.LinesOpts{Keep: true})
		}
	}
}

func (t *typesetter) partners() {
	t.file, t.line = "book.yaml", 0
	e := t.entry("partners")
	t.head = e.Title
	p := t.newPage(openingPage, true)
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
				p.Add(layout.Element{Kind: layout.ImageElement, X: x + (d.measure-lw)/2, Y: y, W: lw, H: lh, Src: logo})
				if pa.URL != "" {
					p.Add(layout.Element{Kind: layout.LinkElement, X: x + (d.measure-lw)/2, Y: y, W: lw, H: lh, URI: pa.URL})
				}
				y += lh + layout.Mm(2)
			}
			place(p, lines, x, y)
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
