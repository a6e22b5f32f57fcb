package typeset

import (
	"strconv"
	"strings"
	"time"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/layout"
)

// plan lists the entries of the table of contents, in book order.
func (t *typesetter) plan() {
	b := t.b
	add := func(e Entry) { t.entries = append(t.entries, e) }
	add(Entry{Kind: EntryContents, Title: t.loc.Contents, Anchor: "contents"})
	if len(b.Published()) > contentsColumns {
		add(Entry{Kind: EntryFullContents, Title: t.loc.FullContents, Anchor: "full-contents"})
	}
	if b.Introduction != nil {
		add(Entry{Kind: EntryIntroduction, Title: t.editorialTitle(b.Introduction, t.loc.Introduction), Anchor: "introduction"})
	}
	section := -1
	for _, c := range b.Published() {
		level := 0
		if s := t.sectionOf(c); s >= 0 {
			if s != section {
				section = s
				add(Entry{Kind: EntrySection, Title: t.typo(b.Sections[s]), Anchor: sectionAnchor(s)})
			}
			level = 1
		} else if section >= 0 {
			section = -1
		}
		title := c.Name
		if c.Title != "" {
			title += " — " + c.Title
		}
		add(Entry{Kind: EntryContribution, Title: t.typo(title), Level: level, Anchor: contribAnchor(c.Slug), Slug: c.Slug})
	}
	if b.Afterword != nil {
		add(Entry{Kind: EntryAfterword, Title: t.editorialTitle(b.Afterword, t.loc.Afterword), Anchor: "afterword"})
	}
	add(Entry{Kind: EntryIndex, Title: t.loc.Index, Anchor: "index"})
	for _, k := range b.Indexes {
		title := t.loc.IndexOrganizations
		if k == book.IndexByCity {
			title = t.loc.IndexCities
		}
		if len(b.IndexBy(k)) > 0 {
			add(Entry{Kind: EntryIndexBy, Title: title, Anchor: indexAnchor(k)})
		}
	}
	if len(b.Partners) > 0 {
		add(Entry{Kind: EntryPartners, Title: t.loc.Partners, Anchor: "partners"})
	}
}

func (t *typesetter) editorialTitle(e *book.Editorial, def string) string {
	if strings.TrimSpace(e.Title) != "" {
		return t.typo(e.Title)
	}
	return def
}

func (t *typesetter) sectionOf(c *book.Contribution) int {
	if c.Section == "" {
		return -1
	}
	for i, s := range t.b.Sections {
		if s == c.Section {
			return i
		}
	}
	return -1
}

// anchor marks a named destination and an outline entry at y on p.
func (t *typesetter) anchor(p *layout.Page, e Entry, y layout.Unit) {
	p.Anchors = append(p.Anchors, layout.Anchor{Name: e.Anchor, Y: y})
	p.Outline = append(p.Outline, layout.OutlineEntry{Title: e.Title, Level: e.Level, Y: y})
}

func (t *typesetter) entry(anchor string) Entry {
	for _, e := range t.entries {
		if e.Anchor == anchor {
			return e
		}
	}
	return Entry{Anchor: anchor}
}

func (t *typesetter) book() {
	t.plan()
	t.cover()
	t.titlePage()
	t.copyright()
	t.contents()
	b := t.b
	if b.Introduction != nil {
		t.editorial(b.Introduction, t.entry("introduction"))
	}
	section := -1
	ei := 0
	endPart := func() {}
	for _, c := range b.Published() {
		if s := t.sectionOf(c); s >= 0 && s != section {
			endPart()
			section = s
			endPart = t.open(layout.RolePart)
			t.sectionOpener(s)
		} else if s < 0 {
			endPart()
			endPart = func() {}
			section = -1
		}
		for ei < len(t.entries) && t.entries[ei].Slug != c.Slug {
			ei++
		}
		e := Entry{Anchor: contribAnchor(c.Slug), Title: c.Name}
		if ei < len(t.entries) {
			e = t.entries[ei]
		}
		t.fitContribution(c, e)
	}
	endPart()
	if b.Afterword != nil {
		t.editorial(b.Afterword, t.entry("afterword"))
	}
	t.index()
	for _, k := range b.Indexes {
		if len(b.IndexBy(k)) > 0 {
			t.indexBy(k)
		}
	}
	if len(b.Partners) > 0 {
		t.partners()
	}
	t.colophonNode = t.doc.Struct.Open(layout.Node{Role: layout.RoleP})
	t.doc.Struct.Close()
	t.coverFigNode = t.doc.Struct.Open(layout.Node{Role: layout.RoleFigure, Alt: t.coverAlt()})
	t.doc.Struct.Close()
	t.coverTextNode = t.doc.Struct.Open(layout.Node{Role: layout.RoleP})
	t.doc.Struct.Close()
	t.finish()
	t.flow.FlushBottom()
	t.artifacts(t.decorate)
}

// cover: the cover image full-bleed, or a typographic cover.
func (t *typesetter) cover() {
	t.file, t.line = "book.yaml", 0
	t.at("cover")
	p := t.newPage(plainPage, false)
	d := t.d
	if t.b.Cover != "" {
		if pw, ph, ok := t.imageSize(t.b.Cover); ok {
			// cover the page, centred; the writer clips to the page
			w, h := d.width, layout.Unit(int64(d.width)*int64(ph)/int64(pw))
			if h < d.height {
				h = d.height
				w = layout.Unit(int64(h) * int64(pw) / int64(ph))
			}
			defer t.openNode(layout.Node{Role: layout.RoleFigure, Alt: t.coverAlt()})()
			p.Add(layout.Element{Kind: layout.ImageElement, X: (d.width - w) / 2, Y: (d.height - h) / 2, W: w, H: h, Src: t.path(t.b.Cover)})
			return
		}
		t.warnImage(t.b.Cover)
	}
	bg := parseColor(t.b.Cards.Background, layout.Color{R: 0x1f, G: 0x2a, B: 0x44})
	fg := parseColor(t.b.Cards.Text, layout.Color{R: 0xff, G: 0xff, B: 0xff})
	p.Add(layout.Element{Kind: layout.RectElement, W: d.width, H: d.height, Color: bg})
	x := d.inner
	w := d.width - d.inner - d.outer
	y := d.height * 30 / 100
	p.Add(layout.Element{Kind: layout.RectElement, X: x, Y: y - layout.Mm(8), W: layout.Mm(18), H: layout.Mm(1.2), Color: d.accent})
	size := layout.Pt(28)
	lines := t.setLines([]layout.Run{t.text(t.typo(t.b.Title), tstyle{fam: sans, base: book.Bold, size: size, color: fg, noHyphen: true})},
		t.pstyle(w, size*115/100, layout.Left))
	t.tagged(layout.RoleP, func() { y += place(p, lines, x, y) })
	if t.b.Subtitle != "" {
		s := layout.Pt(14)
		y += layout.Mm(4)
		lines = t.setLines([]layout.Run{t.text(t.typo(t.b.Subtitle), tstyle{fam: serif, base: book.Italic, size: s, color: fg})},
			t.pstyle(w, s*13/10, layout.Left))
		t.tagged(layout.RoleP, func() { y += place(p, lines, x, y) })
	}
	if len(t.b.Editors) > 0 {
		s := layout.Pt(11)
		lines = t.setLines([]layout.Run{t.text(t.typo(t.loc.JoinNames(t.b.Editors)), tstyle{fam: sans, size: s, color: fg, noHyphen: true})},
			t.pstyle(w, s*13/10, layout.Left))
		t.tagged(layout.RoleP, func() { place(p, lines, x, d.height-d.bottom-height(lines)-layout.Mm(10)) })
	}
}

func (t *typesetter) titlePage() {
	t.at("titlepage")
	t.newPage(plainPage, false) // back of the cover
	p := t.newPage(plainPage, true)
	d := t.d
	x, w := d.inner, d.measure
	y := d.height * 22 / 100
	size := layout.Pt(22)
	lines := t.setLines([]layout.Run{t.text(t.typo(t.b.Title), tstyle{fam: sans, base: book.Bold, size: size, color: d.ink, noHyphen: true})},
		t.pstyle(w, size*12/10, layout.Center))
	t.tagged(layout.RoleH1, func() { y += place(p, lines, x, y) })
	if t.b.Subtitle != "" {
		s := layout.Pt(13)
		y += layout.Mm(3)
		lines = t.setLines([]layout.Run{t.text(t.typo(t.b.Subtitle), tstyle{fam: serif, base: book.Italic, size: s, color: d.soft})},
			t.pstyle(w, s*13/10, layout.Center))
		t.tagged(layout.RoleP, func() { y += place(p, lines, x, y) })
	}
	y += layout.Mm(8)
	p.Add(layout.Element{Kind: layout.RectElement, X: x + (w-layout.Mm(14))/2, Y: y, W: layout.Mm(14), H: layout.Pt(0.8), Color: d.accent})
	y += layout.Mm(10)
	if len(t.b.Editors) > 0 {
		s := layout.Pt(10.5)
		lines = t.setLines([]layout.Run{t.text(t.typo(t.editorsLine()), tstyle{fam: sans, size: s, color: d.ink, noHyphen: true})},
			t.pstyle(w, s*13/10, layout.Center))
		t.tagged(layout.RoleP, func() { place(p, lines, x, y) })
	}
	if t.b.Publisher != "" {
		s := layout.Pt(10)
		lines = t.setLines([]layout.Run{t.text(t.typo(t.b.Publisher), tstyle{fam: sans, base: book.Bold, size: s, color: d.soft, noHyphen: true})},
			t.pstyle(w, s*13/10, layout.Center))
		t.tagged(layout.RoleP, func() { place(p, lines, x, d.height-d.bottom-height(lines)) })
	}
}

func (t *typesetter) copyright() {
	t.at("copyright")
	p := t.newPage(plainPage, false)
	d := t.d
	b := t.b
	s := layout.Pt(8.5)
	ts := tstyle{fam: serif, size: s, color: d.soft}
	var paras [][]layout.Run
	line := func(label, value string) {
		if strings.TrimSpace(value) == "" {
			return
		}
		r := []layout.Run{}
		if label != "" {
			r = append(r, t.text(t.typo(t.loc.Colon(label)), tstyle{fam: serif, base: book.Italic, size: s, color: d.soft}))
		}
		ts := ts
		ts.noHyphen = true
		r = append(r, t.texts(t.typo(value), ts)...)
		paras = append(paras, r)
	}
	line("", b.Title)
	line("", b.Subtitle)
	line("", t.editorsLine())
	line(t.loc.Edition, b.Edition)
	line(t.loc.Date, t.date())
	line(t.loc.License, b.License)
	line(t.loc.Identifier, b.Identifier)
	line(t.loc.SourceVersion, b.Version)
	line(t.loc.Publisher, b.Publisher)
	line("ISBN", b.ISBN)
	line(t.loc.LegalDeposit, b.LegalDeposit)
	if b.URL != "" {
		r := t.text(b.URL, ts)
		r.Link, r.Color, r.NoHyphen = b.URL, d.link, true
		paras = append(paras, []layout.Run{t.text(t.typo(t.loc.Colon(t.loc.FreeDownload)), tstyle{fam: serif, base: book.Italic, size: s, color: d.soft}), r})
	}
	line("", t.loc.TypesetWith)
	line("", b.Printer)
	var all []layout.Line
	for _, r := range paras {
		ls := t.setLines(r, t.pstyle(d.measure, s*14/10, layout.Left))
		if len(ls) > 0 {
			ls[len(ls)-1].Leading += s / 2
		}
		all = append(all, t.tagLines(ls, layout.RoleP)...)
	}
	x := d.outer
	place(p, all, x, d.height-d.bottom-height(all))
}

func (t *typesetter) editorsLine() string { return t.loc.EditedBy(t.b.Editors) }

// date prints b.Date (YYYY-MM-DD) in words, as it is when it is not a
// date.
func (t *typesetter) date() string {
	d, err := time.Parse("2006-01-02", t.b.Date)
	if err != nil {
		return t.b.Date
	}
	return t.loc.LongDate(d)
}

// heading sets a chapter-like title at the top of an opening page.
func (t *typesetter) chapterTitle(p *layout.Page, title string, e Entry) {
	d := t.d
	y := d.top + d.textH*12/100
	t.anchor(p, e, d.top)
	size := d.size * 19 / 10
	lines := t.setLines([]layout.Run{t.text(title, tstyle{fam: sans, base: book.Bold, size: size, color: d.ink, noHyphen: true})},
		t.pstyle(d.measure, size*12/10, layout.Left))
	x := t.flow.Frame().X
	p.Add(layout.Element{Kind: layout.RectElement, X: x, Y: y - layout.Mm(5), W: layout.Mm(12), H: layout.Pt(1.2), Color: d.accent})
	var h layout.Unit
	t.tagged(layout.RoleH1, func() { h = place(p, lines, x, y) })
	t.flow.Skip(y - d.top + h + d.leading*2)
}

func (t *typesetter) body() bctx {
	return bctx{width: t.d.measure, size: t.d.size, leading: t.d.leading, first: true}
}

func (t *typesetter) editorial(e *book.Editorial, en Entry) {
	t.file, t.line = e.Path, 0
	t.at(e.Path)
	t.head = en.Title
	p := t.newPage(openingPage, true)
	defer t.open(layout.RoleSect)()
	t.chapterTitle(p, en.Title, en)
	t.notes = t.setNotes(e.Notes)
	t.headings(e.Body, 1)
	t.blocks(e.Body, t.body())
	t.notes = nil
}

func (t *typesetter) sectionOpener(i int) {
	t.file, t.line = "book.yaml", 0
	t.at("part-" + strconv.Itoa(i+1))
	t.head = ""
	p := t.newPage(plainPage, true)
	e := t.entry(sectionAnchor(i))
	d := t.d
	t.anchor(p, e, 0)
	y := d.height * 36 / 100
	x := t.flow.Frame().X
	s := layout.Pt(9)
	num := t.loc.Part + " " + strconv.Itoa(i+1)
	lines := t.setLines([]layout.Run{t.text(strings.ToUpper(num), tstyle{fam: sans, base: book.Bold, size: s, color: d.accentText})}, t.pstyle(d.measure, s*14/10, layout.Left))
	size := layout.Pt(24)
	title := t.setLines([]layout.Run{t.text(e.Title, tstyle{fam: sans, base: book.Bold, size: size, color: d.ink, noHyphen: true})},
		t.pstyle(d.measure, size*12/10, layout.Left))
	// one heading, "Partie 1 Title"
	t.tagged(layout.RoleH1, func() {
		y += place(p, lines, x, y) + layout.Mm(3)
		y += place(p, title, x, y)
	})
	p.Add(layout.Element{Kind: layout.RectElement, X: x, Y: y + layout.Mm(5), W: layout.Mm(12), H: layout.Pt(1.2), Color: d.accent})
}
