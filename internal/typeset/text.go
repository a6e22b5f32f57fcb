package typeset

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/layout"
)

// family is serif (body) or sans (headings, names).
type family uint8

const (
	serif family = iota
	sans
)

func faceFor(fam family, st book.Style) fonts.ID {
	if st&book.Code != 0 {
		return fonts.Sans
	}
	if fam == sans {
		if st&book.Bold != 0 {
			return fonts.SansBold
		}
		return fonts.Sans
	}
	switch {
	case st&book.Bold != 0 && st&book.Italic != 0:
		return fonts.SerifBoldItalic
	case st&book.Bold != 0:
		return fonts.SerifBold
	case st&book.Italic != 0:
		return fonts.SerifItalic
	}
	return fonts.Serif
}

// tstyle is the look of a run of text.
type tstyle struct {
	fam      family
	base     book.Style // added to every span's style
	size     layout.Unit
	color    layout.Color
	noHyphen bool
}

// text is one plain run.
func (t *typesetter) text(s string, ts tstyle) layout.Run {
	f := faceFor(ts.fam, ts.base)
	return layout.Run{Text: t.clean(s, f), Face: int(f), Size: ts.size, Color: ts.color, NoHyphen: ts.noHyphen}
}

// spans turns Markdown spans into runs, with the book's typography applied.
func (t *typesetter) spans(spans []book.Span, ts tstyle) []layout.Run {
	spans = t.memo.SpansIn(t.b.TypographyOf(t.lang), t.lang, spans)
	var emoji []bool
	if t.keepEmoji() {
		spans, emoji = t.splitEmoji(spans, ts)
	}
	out := make([]layout.Run, 0, len(spans))
	for i, s := range spans {
		if s.Break {
			out = append(out, layout.Run{Break: true})
			continue
		}
		st := s.Style | ts.base
		f := faceFor(ts.fam, st)
		size := ts.size
		if st&book.Code != 0 {
			size = size * 9 / 10
		}
		if s.Note > 0 {
			// the call: a superscript number, in the text's face
			out = append(out, layout.Run{Text: strconv.Itoa(s.Note), Face: int(faceFor(ts.fam, ts.base)), Size: ts.size * 62 / 100,
				Rise: ts.size * 36 / 100, Color: ts.color, NoHyphen: true, Note: s.Note})
			continue
		}
		if emoji != nil && emoji[i] {
			out = append(out, t.emojiRun(s, ts, size, st))
			continue
		}
		r := layout.Run{Text: t.clean(s.Text, f), Face: int(f), Size: size, Color: ts.color, Strike: st&book.Strike != 0,
			NoHyphen: ts.noHyphen || st&book.Code != 0 || s.Link != "" && s.Text == s.Link || t.otherLang(s.Lang)}
		if s.Link != "" {
			r.Link = s.Link
			r.Color = t.d.link
		}
		if t.otherLang(s.Lang) {
			r.Lang = t.doc.Struct.LangID(s.Lang)
		}
		if st&book.Code != 0 || s.Link != "" && s.Text == s.Link {
			out = append(out, r) // code and addresses are never touched
			continue
		}
		lang := s.Lang
		if lang == "" {
			lang = t.lang
		}
		out = append(out, t.raise(r, lang)...)
	}
	return out
}

// texts is text with the superscripts of the language's typography (1er,
// XIXe, Mme): the run split where letters are raised.
func (t *typesetter) texts(s string, ts tstyle) []layout.Run { return t.textRuns(s, ts, true) }

// textRuns is text, with the language's superscripts when raise is set,
// and with book.yaml's emoji: keep, the emoji as runs of the emoji face.
func (t *typesetter) textRuns(s string, ts tstyle, raise bool) []layout.Run {
	set := func(s string) []layout.Run {
		if raise {
			return t.raise(t.text(s, ts), t.lang)
		}
		return []layout.Run{t.text(s, ts)}
	}
	if !t.keepEmoji() || !hasEmoji(s) {
		return set(s)
	}
	spans, emoji := t.splitEmoji([]book.Span{{Text: s}}, ts)
	var out []layout.Run
	for i, sp := range spans {
		if emoji != nil && emoji[i] {
			out = append(out, t.emojiRun(sp, ts, ts.size, ts.base))
			continue
		}
		out = append(out, set(sp.Text)...)
	}
	return out
}

// raise splits a run where the typography of lang raises letters (see
// book.Locale.Superscripts): those are set smaller and higher, as the
// fonts have no superscript glyphs recueil can rely on.
func (t *typesetter) raise(r layout.Run, lang string) []layout.Run {
	loc, ok := t.locales[lang]
	if !ok {
		loc = book.ResolveLocale(lang)
		if t.locales == nil {
			t.locales = map[string]book.Locale{}
		}
		t.locales[lang] = loc
	}
	ps := loc.Superscripts(r.Text)
	if ps == nil {
		return []layout.Run{r}
	}
	out := make([]layout.Run, 0, len(ps))
	for _, p := range ps {
		q := r
		q.Text = p.Text
		if p.Sup {
			q.Size, q.Rise, q.NoHyphen = r.Size*65/100, r.Rise+r.Size*33/100, true
		}
		out = append(out, q)
	}
	return out
}

// otherLang reports a passage in a language other than the book's: the
// French patterns must not hyphenate it, and no others are loaded yet, so
// it is not hyphenated at all.
func (t *typesetter) otherLang(tag string) bool {
	if tag == "" {
		return false
	}
	return primary(tag) != primary(t.lang)
}

func primary(tag string) string {
	for i := 0; i < len(tag); i++ {
		if tag[i] == '-' || tag[i] == '_' {
			return strings.ToLower(tag[:i])
		}
	}
	return strings.ToLower(tag)
}

// setNotes sets a text's footnotes in the small size, at the measure,
// each opening with its number, for the flow to place at the foot of the
// pages that call them.
func (t *typesetter) setNotes(notes []book.Note) *layout.Notes {
	if len(notes) == 0 {
		return nil
	}
	d := t.d
	ns := &layout.Notes{Lines: map[int][]layout.Line{}}
	ts := tstyle{fam: serif, size: d.small, color: d.ink}
	for _, n := range notes {
		t.line = n.Line
		// the note belongs to the text that calls it; set at the foot
		// of its page, its lines are stamped now
		note := t.doc.Struct.Open(layout.Node{Role: layout.RoleNote, ID: fmt.Sprintf("note-%d-%d", len(t.doc.Struct.Nodes), n.N)})
		t.doc.Struct.Close()
		var lines []layout.Line
		first := true
		book.Walk(n.Blocks, func(b *book.Block) {
			if len(b.Spans) == 0 || b.Kind == book.TableCell {
				return
			}
			runs := t.spans(b.Spans, ts)
			if first {
				runs = append([]layout.Run{t.text(strconv.Itoa(n.N)+".\u00a0", ts)}, runs...)
				first = false
			}
			lines = append(lines, t.setLines(runs, t.pstyle(d.measure, d.smallLd, layout.Justify))...)
		})
		if first { // an empty note still shows its number
			lines = t.setLines([]layout.Run{t.text(strconv.Itoa(n.N)+".", ts)}, t.pstyle(d.measure, d.smallLd, layout.Left))
		}
		layout.Tag(lines, note)
		ns.Lines[n.N] = lines
	}
	return ns
}

// pstyle is a paragraph setting.
func (t *typesetter) pstyle(width, leading layout.Unit, align layout.Align) layout.Style {
	return layout.Style{Width: width, Leading: leading, Align: align, Hyphenate: align == layout.Justify,
		Params: layout.DefaultBreakParams()}
}

// looseReport is the badness above which a justified line is reported as
// too loose: TeX's \hbadness, the threshold of its "Underfull \hbox"
// warnings. Lines between the breaker's tolerance (200) and this are set by
// its emergency pass and look acceptable.
const looseReport = 1000

func (t *typesetter) setLines(runs []layout.Run, st layout.Style) []layout.Line {
	var hy layout.Hyphenator
	if st.Hyphenate {
		hy = t.hy
	}
	lines := st.Set(runs, t.faces, hy)
	if st.Align == layout.Justify && len(lines) >= 2 && lines[len(lines)-1].Letters() < st.Params.MinLastLetters {
		t.report.ShortLastLines = append(t.report.ShortLastLines, Fault{File: t.fileOr(), Line: t.line, Text: lineText(lines[len(lines)-2]) + " / " + lineText(lines[len(lines)-1])})
		t.reportLine(lines[len(lines)-1:], "short-last-line", func(layout.Line) bool { return true }, func(layout.Line) book.Msg {
			return book.M("la dernière ligne d’un paragraphe ne porte qu’un fragment de mot : ajouter ou retirer quelques mots l’évite",
				"a paragraph's last line holds only a short fragment: adding or removing a few words avoids it")
		})
	}
	if st.Align == layout.Justify {
		t.reportLine(lines, "line-loose", func(l layout.Line) bool { return l.Badness > looseReport && !l.Overfull && !l.Cut },
			func(layout.Line) book.Msg {
				return book.M("une ligne justifiée a dû être composée avec des espaces trop larges (mot long, adresse web ?) : reformulez ou ajoutez un point de coupure",
					"a justified line had to be set with spaces that are too wide (a long word, a web address?): reword it or add a place where it can break")
			})
	}
	t.reportLine(lines, "word-cut", func(l layout.Line) bool { return l.Cut }, func(layout.Line) book.Msg {
		return book.M("un mot trop long pour la largeur de la page a été coupé entre deux lettres, sans trait d’union : raccourcissez-le ou ajoutez des espaces",
			"a word too long for the page's width was cut between two letters, without a hyphen: shorten it or add spaces")
	})
	t.reportLine(lines, "line-overfull", func(l layout.Line) bool { return l.Overfull }, func(l layout.Line) book.Msg {
		return book.M("une ligne dépasse la marge de %.1f mm : un mot (une adresse web ?) est trop long pour la largeur de la page",
			"a line goes %.1f mm past the margin: a word (a web address?) is too long for the page's width").Format((l.Width - st.Width).Millimetres())
	})
	return lines
}

// lineText is what a set line prints, for the layout report.
func lineText(l layout.Line) string {
	var sb strings.Builder
	for _, e := range l.Elements {
		if e.Kind == layout.TextElement {
			if sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(e.Text)
		}
	}
	return sb.String()
}

// reportLine reports, once per block of the source, the first line that
// has a problem.
func (t *typesetter) reportLine(lines []layout.Line, rule string, bad func(layout.Line) bool, msg func(layout.Line) book.Msg) {
	key := fmt.Sprintf("%s\x00%s\x00%d", rule, t.file, t.line)
	if t.seen[key] {
		return
	}
	for _, l := range lines {
		if bad(l) {
			t.see(key)
			t.diags.Add(t.fileOr(), book.Pos{Line: t.line}, book.Warning, rule, msg(l))
			return
		}
	}
}

func (t *typesetter) fileOr() string {
	if t.file == "" {
		return "book.yaml"
	}
	return t.file
}

// height of a set of lines.
func height(lines []layout.Line) layout.Unit {
	var h layout.Unit
	for _, l := range lines {
		h += l.Leading
	}
	return h
}

// place draws lines at (x, y) on p; returns the height used.
func place(p *layout.Page, lines []layout.Line, x, y layout.Unit) layout.Unit {
	for _, l := range lines {
		layout.PlaceLine(p, l, x, y)
		y += l.Leading
	}
	return height(lines)
}

// bctx is where body blocks are set: a left offset and a measure within
// the frame, a size.
type bctx struct {
	x, width      layout.Unit
	size, leading layout.Unit
	italic        bool
	first         bool // the first block of a text
}

// blocks sets Markdown blocks into the flow.
func (t *typesetter) blocks(bl []book.Block, c bctx) {
	for i := range bl {
		b := &bl[i]
		if b.Line > 0 {
			t.line = b.Line
		}
		if c.first && b.Kind != book.Paragraph && b.Kind != book.List {
			t.snap() // a text that opens on a heading, a quote, a table
		}
		t.block(b, c)
		c.first = false
	}
}

func (t *typesetter) block(b *book.Block, c bctx) {
	ts := tstyle{fam: serif, size: c.size, color: t.d.ink}
	if c.italic {
		ts.base = book.Italic
	}
	switch b.Kind {
	case book.Paragraph:
		if b.Signature {
			t.signature(b, c, ts)
			return
		}
		st := t.pstyle(c.width, c.leading, layout.Justify)
		if t.b.Page.Indent {
			if !c.first || t.loc.Typography.IndentFirst {
				st.Indent = t.d.indent * c.size / t.d.size
			}
		} else {
			t.flow.Space(c.leading / 2)
		}
		lines := t.paragraph(b, ts, st)
		t.snap()
		defer t.open(layout.RoleP)()
		t.flow.Lines(lines, layout.LinesOpts{X: c.x, Notes: t.notes, OnLine: t.onText})
	case book.CodeBlock:
		ts := tstyle{fam: sans, size: c.size * 85 / 100, color: t.d.soft, noHyphen: true, base: book.Code}
		st := t.pstyle(c.width-t.d.indent, c.leading*85/100, layout.Left)
		t.flow.Space(c.leading / 3)
		var lines []layout.Line
		for _, s := range splitLines(book.PlainText(b.Spans)) {
			if s == "" {
				s = " "
			}
			lines = append(lines, t.setLines([]layout.Run{t.text(s, ts)}, st)...)
		}
		t.tagged(layout.RoleCode, func() { t.flow.Lines(lines, layout.LinesOpts{X: c.x + t.d.indent, Notes: t.notes}) })
		t.flow.Space(c.leading / 3)
	case book.Heading:
		size := c.size * 115 / 100
		if b.Level <= 1 {
			size = c.size * 13 / 10
		} else if b.Level >= 3 {
			size = c.size
		}
		ld := size * 13 / 10
		lines := t.setLines(t.spans(b.Spans, tstyle{fam: sans, base: book.Bold, size: size, color: t.d.ink, noHyphen: true}),
			t.pstyle(c.width, ld, layout.Left))
		t.flow.Space(c.leading * 3 / 4)
		t.flow.Need(height(lines) + 2*c.leading + ld/3)
		t.tagged(t.headingRole(b.Level), func() {
			t.flow.Lines(lines, layout.LinesOpts{X: c.x, Keep: true, KeepNext: true, Notes: t.notes})
		})
		t.flow.Skip(ld / 3)
	case book.Quote:
		t.flow.Space(c.leading / 3)
		q := c
		q.x += t.d.indent
		q.width -= t.d.indent * 3 / 2
		q.size = c.size * 93 / 100
		q.leading = c.leading * 93 / 100
		q.first = true
		t.tagged(layout.RoleBlockQuote, func() { t.blocks(b.Children, q) })
		t.flow.Space(c.leading / 3)
	case book.List:
		t.list(b, c)
	case book.Rule:
		mark := "*\u2003*\u2003*"
		if t.set.Face(fonts.Serif).Has('⁂') {
			mark = "⁂"
		}
		lines := t.setLines([]layout.Run{t.text(mark, ts)}, t.pstyle(c.width, c.leading, layout.Center))
		t.flow.Space(c.leading / 2)
		t.artifacts(func() { t.flow.Lines(lines, layout.LinesOpts{X: c.x, Notes: t.notes}) })
		t.flow.Space(c.leading / 2)
	case book.Image:
		t.tagged(layout.RoleFigure, func() {
			t.doc.Struct.Nodes[t.doc.Struct.Current()].Alt = t.typo(b.Alt)
			t.image(b.Src, c, c.width, t.d.textH*6/10)
		})
	case book.ListItem:
		t.blocks(b.Children, c)
	case book.Table:
		t.table(b, c)
	}
}

// signature sets a paragraph marked {.signature}: flush right, unhyphenated,
// after half a line of space, kept on one page and with the paragraph
// before it when it is short.
func (t *typesetter) signature(b *book.Block, c bctx, ts tstyle) {
	ts.noHyphen = true
	lines := t.setLines(t.spans(b.Spans, ts), t.pstyle(c.width, c.leading, layout.Right))
	t.flow.Space(c.leading / 2)
	t.flow.Lines(lines, layout.LinesOpts{X: c.x, Keep: true, Notes: t.notes})
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// list sets a list with hanging indents: markers in the margin of the items.
func (t *typesetter) list(b *book.Block, c bctx) {
	t.flow.Space(c.leading / 4)
	hang := t.d.indent
	n := b.Start
	if n == 0 && b.Ordered {
		n = 1
	}
	ts := tstyle{fam: serif, size: c.size, color: t.d.ink}
	defer t.open(layout.RoleL)()
	for i := range b.Children {
		endItem := t.open(layout.RoleLI)
		lbl := t.doc.Struct.Open(layout.Node{Role: layout.RoleLbl})
		t.doc.Struct.Close()
		endBody := t.open(layout.RoleLBody)
		it := &b.Children[i]
		marker := "–"
		if b.Ordered {
			marker = strconv.Itoa(n) + "."
			n++
		}
		ic := c
		ic.x += hang
		ic.width -= hang
		ic.first = true
		mrun := t.text(marker, ts)
		mw := layout.Width(t.faces[mrun.Face], mrun.Text, mrun.Size)
		done := false
		for j := range it.Children {
			ch := &it.Children[j]
			if ch.Line > 0 {
				t.line = ch.Line
			}
			if !done && ch.Kind == book.Paragraph {
				done = true
				st := t.pstyle(ic.width, ic.leading, layout.Justify)
				lines := t.paragraph(ch, ts, st)
				t.snap()
				if len(lines) > 0 {
					m := layout.Element{Kind: layout.TextElement, X: -hang/3 - mw, Face: mrun.Face, Size: mrun.Size, Text: mrun.Text, Color: t.d.accentText, W: mw}
					if b.Ordered {
						m.Color = t.d.ink
					}
					t.tagLines(lines, layout.RoleP)
					m.Node = int32(lbl + 1)
					lines[0].Elements = append([]layout.Element{m}, lines[0].Elements...)
				}
				t.flow.Lines(lines, layout.LinesOpts{X: ic.x, Notes: t.notes})
				continue
			}
			if ch.Kind == book.Paragraph && !t.b.Page.Indent {
				t.flow.Space(ic.leading / 4)
			}
			t.block(ch, ic)
		}
		endBody()
		endItem()
	}
	t.flow.Space(c.leading / 4)
}

// image sets a local image, centred, scaled to fit.
func (t *typesetter) image(src string, c bctx, maxW, maxH layout.Unit) {
	pw, ph, ok := t.imageSize(src)
	if !ok {
		t.warnImage(src)
		return
	}
	w := maxW
	h := layout.Unit(int64(w) * int64(ph) / int64(pw))
	if h > maxH {
		h = maxH
		w = layout.Unit(int64(h) * int64(pw) / int64(ph))
	}
	t.flow.Space(c.leading / 2)
	path := t.path(src)
	t.flow.Block(h, func(p *layout.Page, x, y layout.Unit) {
		p.Add(layout.Element{Kind: layout.ImageElement, X: x + c.x + (c.width-w)/2, Y: y, W: w, H: h, Src: path})
	})
	t.flow.Space(c.leading / 2)
}

// keepEmoji reports book.yaml's emoji: keep, with the emoji face loaded.
func (t *typesetter) keepEmoji() bool { return t.b.KeepEmoji() && len(t.faces) > fonts.EmojiID }

func hasEmoji(s string) bool {
	for _, r := range s {
		if book.IsEmoji(r) {
			return true
		}
	}
	return false
}

// splitEmoji cuts spans at their emoji (book.yaml's emoji: keep): each
// emoji sequence the text faces lack and the emoji face draws becomes a
// span of its own, marked in emoji, set in the emoji face (emojiRun). A
// sequence the emoji font prints as its parts (a zero-width-joiner
// sequence, a flag, a skin tone) is reported once per file.
func (t *typesetter) splitEmoji(spans []book.Span, ts tstyle) ([]book.Span, []bool) {
	var out []book.Span
	var emoji []bool
	for k, s := range spans {
		if s.Break || s.Note > 0 || !hasEmoji(s.Text) {
			if out != nil {
				out, emoji = append(out, s), append(emoji, false)
			}
			continue
		}
		if out == nil {
			out, emoji = append(out, spans[:k]...), make([]bool, k)
		}
		face := t.set.Face(faceFor(ts.fam, s.Style|ts.base))
		rs := []rune(s.Text)
		from := 0
		for i := 0; i < len(rs); i++ {
			if !book.IsEmoji(rs[i]) || face.Has(rs[i]) || !t.faces[fonts.EmojiID].Has(rs[i]) {
				continue // an emoji the emoji font lacks is left to clean: reported, left out
			}
			e := book.EmojiEnd(rs, i)
			if e <= i {
				continue
			}
			if i > from {
				q := s
				q.Text = string(rs[from:i])
				out, emoji = append(out, q), append(emoji, false)
			}
			q := s
			q.Text = string(rs[i:e])
			out, emoji = append(out, q), append(emoji, true)
			if book.EmojiSimplified(q.Text) {
				t.simplified(q.Text)
			}
			from = e
			i = e - 1
		}
		if from < len(rs) {
			q := s
			q.Text = string(rs[from:])
			out, emoji = append(out, q), append(emoji, false)
		}
	}
	if out == nil {
		return spans, nil
	}
	return out, emoji
}

// emojiRun is the run of an emoji span (splitEmoji): the emoji face
// draws it, never hyphenated.
func (t *typesetter) emojiRun(s book.Span, ts tstyle, size layout.Unit, st book.Style) layout.Run {
	r := layout.Run{Text: s.Text, Face: fonts.EmojiID, Size: size, Color: ts.color, Strike: st&book.Strike != 0, NoHyphen: true}
	if s.Link != "" {
		r.Link, r.Color = s.Link, t.d.link
	}
	if t.otherLang(s.Lang) {
		r.Lang = t.doc.Struct.LangID(s.Lang)
	}
	return r
}

// simplified reports, once per file, an emoji sequence printed as its
// parts.
func (t *typesetter) simplified(seq string) {
	key := t.file + "\x00emoji-simplified"
	if t.seen[key] {
		return
	}
	t.see(key)
	file := t.file
	if file == "" {
		file = "book.yaml"
	}
	t.diags.Add(file, book.Pos{Line: t.line}, book.Warning, "emoji-simplified",
		book.M("l’émoji « %s » est imprimé simplifié dans le PDF : la police d’émojis monochrome en dessine les éléments côte à côte (un drapeau par ses deux lettres, une famille par ses personnes, sans couleur de peau) ; l’EPUB et le site le montrent entier",
			"the emoji “%s” is printed simplified in the PDF: the monochrome emoji font draws its parts side by side (a flag as its two letters, a family as its people, no skin tone); the EPUB and the site show it whole"), seq)
}
