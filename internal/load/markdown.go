package load

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/markdown"
)

// maxDepth bounds the nesting of quotes and lists kept in the book; deeper
// blocks are flattened into their parent with a warning.
const maxDepth = 8

// md converts a goldmark AST into domain blocks, recording findings.
type md struct {
	src    *source // the whole file, for positions
	base   int     // offset of the Markdown text in the file
	text   []byte  // the Markdown text
	diags  *book.Diagnostics
	warned map[string]bool
	langs  []string        // the open passages in another language
	notes  []book.Note     // footnotes, as met
	defs   map[string]bool // footnote labels defined
}

// parseMarkdown reads a text's Markdown into blocks and footnotes, by
// number. Raw HTML is never kept: safe by construction.
func parseMarkdown(src *source, base int, body []byte, diags *book.Diagnostics) ([]book.Block, []book.Note) {
	p := markdown.New().Parser()
	body = guardNesting(src, base, body, diags)
	pc := markdown.Context()
	doc := p.Parse(text.NewReader(body), parser.WithContext(pc))
	m := &md{src: src, base: base, text: body, diags: diags, warned: map[string]bool{}, defs: map[string]bool{}}
	for _, l := range markdown.DefinedNotes(pc) {
		m.defs[l] = true
	}
	blocks := m.blocks(doc, 0)
	for _, u := range markdown.UnusedNotes(pc) {
		m.addAt(m.defOffset(u), book.Warning, "note-unused",
			book.M("La note [^%s] n’est appelée nulle part dans le texte : elle n’apparaît pas dans le livre. Placez [^%s] à l’endroit du texte qu’elle commente, ou supprimez-la.", "The note [^%s] is called nowhere in the text: it does not appear in the book. Put [^%s] at the place in the text it comments on, or delete it."), u.Label, u.Label)
	}
	for _, b := range markdown.LangFindings(pc) {
		m.addAt(b.Offset, book.Warning, "lang-span",
			book.M("« {%s} » n’est pas une langue reconnue : écrivez par exemple [the words]{lang=en} (en pour l’anglais, de pour l’allemand, es pour l’espagnol). Le passage s’imprime tel quel.", "“{%s}” is not a known language: write for example [die Wörter]{lang=de} (en for English, de for German, es for Spanish). The passage is printed as it is."), truncate(b.Attr, 40))
	}
	return blocks, m.notes
}

// defOffset is where a footnote's definition starts: its "[^label]:".
func (m *md) defOffset(u markdown.UnusedNote) int {
	o := u.Offset
	if o < 0 {
		o = len(m.text)
	}
	if i := bytes.LastIndex(m.text[:o], []byte("[^"+u.Label+"]:")); i >= 0 {
		return i
	}
	return max(o, 0)
}

func (m *md) addAt(offset int, sev book.Severity, rule string, msg book.Msg, args ...any) {
	m.diags.Add(m.src.path, m.src.pos(m.base+offset), sev, rule, msg, args...)
}

// noteCall is a footnote call as written: [^label].
var noteCall = regexp.MustCompile(`\[\^([^\]\s]+)\]`)

// undefinedNotes reports the calls [^label] of a block that no definition
// answers: goldmark leaves them as text.
func (m *md) undefinedNotes(n ast.Node) {
	lines := n.Lines()
	if lines == nil {
		return
	}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		v := seg.Value(m.text)
		for _, loc := range noteCall.FindAllSubmatchIndex(v, -1) {
			if loc[1] < len(v) && v[loc[1]] == ':' {
				continue
			}
			label := string(v[loc[2]:loc[3]])
			if m.defs[label] || m.warned["note:"+label] {
				continue // one finding per missing note, at its first call
			}
			m.warned["note:"+label] = true
			m.addAt(seg.Start+loc[0], book.Error, "note-undefined",
				book.M("L’appel de note [^%s] n’a pas de note : ajoutez sous le texte une ligne « [^%s]: le texte de la note », ou retirez l’appel. Sinon il s’imprime tel quel.", "The note call [^%s] has no note: add under the text a line “[^%s]: the note's text”, or remove the call. Otherwise it is printed as it is."), label, label)
		}
	}
}

// offset of a node in the Markdown text, or -1.
func nodeOffset(n ast.Node) int {
	if n == nil {
		return -1
	}
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			return l.At(0).Start
		}
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	if p := n.Pos(); p >= 0 {
		return p
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if o := nodeOffset(c); o >= 0 {
			return o
		}
	}
	return -1
}

func (m *md) pos(n ast.Node) book.Pos {
	o := nodeOffset(n)
	if o < 0 {
		for p := n.Parent(); p != nil && o < 0; p = p.Parent() {
			o = nodeOffset(p)
		}
	}
	if o < 0 {
		o = 0
	}
	return m.src.pos(m.base + o)
}

func (m *md) add(n ast.Node, sev book.Severity, rule string, msg book.Msg, args ...any) {
	m.diags.Add(m.src.path, m.pos(n), sev, rule, msg, args...)
}

func (m *md) blocks(parent ast.Node, depth int) []book.Block {
	var out []book.Block
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		out = append(out, m.block(n, depth)...)
	}
	return out
}

func (m *md) block(n ast.Node, depth int) []book.Block {
	line := m.pos(n).Line
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		m.langs = m.langs[:0] // a passage never runs over its paragraph
		m.undefinedNotes(n)
		spans, images := m.inlines(n, 0, "")
		var out []book.Block
		if len(strings.TrimSpace(book.PlainText(spans))) > 0 {
			b := book.Block{Kind: book.Paragraph, Spans: trimSpans(spans), Line: line}
			m.paragraphClass(n, &b)
			out = append(out, b)
		}
		return append(out, images...)
	case *ast.Heading:
		m.undefinedNotes(n)
		spans, images := m.inlines(n, 0, "")
		return append([]book.Block{{Kind: book.Heading, Level: n.Level, Spans: trimSpans(spans), Line: line}}, images...)
	case *ast.Blockquote:
		if depth >= maxDepth {
			m.tooDeep(n)
			return m.blocks(n, depth+1)
		}
		children := m.blocks(n, depth+1)
		return []book.Block{{Kind: book.Quote, Children: children, Line: line}}
	case *ast.List:
		if depth >= maxDepth {
			m.tooDeep(n)
		}
		var items []book.Block
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			items = append(items, book.Block{Kind: book.ListItem, Children: m.blocks(it, depth+1), Line: m.pos(it).Line})
		}
		if depth >= maxDepth {
			var flat []book.Block
			for _, it := range items {
				flat = append(flat, it.Children...)
			}
			return flat
		}
		return []book.Block{{Kind: book.List, Ordered: n.IsOrdered(), Start: n.Start, Children: items, Line: line}}
	case *ast.ThematicBreak:
		return []book.Block{{Kind: book.Rule, Line: line}}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var b bytes.Buffer
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Write(seg.Value(m.text))
		}
		return []book.Block{{Kind: book.CodeBlock, Spans: []book.Span{{Text: strings.TrimRight(b.String(), "\n"), Style: book.Code}}, Line: line}}
	case *ast.HTMLBlock:
		m.add(n, book.Warning, "raw-html", book.M("Le HTML brut n’est pas accepté et a été retiré du livre : écrivez ce passage en Markdown.", "Raw HTML is not accepted and was removed from the book: write this passage in Markdown."))
		return nil
	case *ast.LinkReferenceDefinition:
		return nil
	case *east.FootnoteList:
		for fn := n.FirstChild(); fn != nil; fn = fn.NextSibling() {
			if f, ok := fn.(*east.Footnote); ok && f.Index > 0 {
				m.notes = append(m.notes, book.Note{N: f.Index, Blocks: m.blocks(f, depth+1), Line: m.src.pos(m.base + m.defOffset(markdown.UnusedNote{Label: string(f.Ref), Offset: nodeOffset(f)})).Line})
			}
		}
		return nil
	case *east.Table:
		return []book.Block{m.table(n, line)}
	}
	// Unknown block kinds: keep their text.
	return m.blocks(n, depth)
}

// table keeps a GitHub table: the header row, then the rows, each cell's
// spans and its column's alignment.
func (m *md) table(n *east.Table, line int) book.Block {
	t := book.Block{Kind: book.Table, Line: line}
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		row := book.Block{Kind: book.TableRow, Header: r.Kind() == east.KindTableHeader, Line: m.pos(r).Line}
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cell := book.Block{Kind: book.TableCell, Line: row.Line}
			if tc, ok := c.(*east.TableCell); ok {
				cell.Align = cellAlign(tc.Alignment)
			}
			m.undefinedNotes(c)
			spans, images := m.inlines(c, 0, "")
			if len(images) > 0 {
				m.add(c, book.Warning, "image-in-table", book.M("Une image ne peut pas être placée dans un tableau : elle a été retirée. Placez-la sous le tableau.", "An image cannot be placed in a table: it was removed. Place it under the table."))
			}
			cell.Spans = trimSpans(spans)
			row.Children = append(row.Children, cell)
		}
		t.Children = append(t.Children, row)
	}
	return t
}

func cellAlign(a east.Alignment) book.Align {
	switch a {
	case east.AlignLeft:
		return book.AlignLeft
	case east.AlignCenter:
		return book.AlignCenter
	case east.AlignRight:
		return book.AlignRight
	}
	return book.AlignNone
}

func (m *md) lang() string {
	if len(m.langs) == 0 {
		return ""
	}
	return m.langs[len(m.langs)-1]
}

func (m *md) tooDeep(n ast.Node) {
	if m.warned["too-deep"] {
		return
	}
	m.warned["too-deep"] = true
	m.add(n, book.Warning, "too-deep", book.M("Les citations et listes sont imbriquées sur plus de %d niveaux : les niveaux en trop ont été aplatis.", "Quotations and lists are nested more than %d levels deep: the extra levels were flattened."), maxDepth)
}

// resolve turns a text segment into its characters: backslash escapes and
// entity references resolved, NUL replaced.
func resolve(b []byte) string {
	b = util.UnescapePunctuations(b)
	b = util.ResolveNumericReferences(b)
	b = util.ResolveEntityNames(b)
	return strings.ReplaceAll(string(b), "\x00", "\uFFFD")
}

// inlines flattens the inline children of n into spans; images found along
// the way are returned as blocks to place after the paragraph.
func (m *md) inlines(n ast.Node, style book.Style, link string) ([]book.Span, []book.Block) {
	var spans []book.Span
	var images []book.Block
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		from := len(spans)
		switch c := c.(type) {
		case *markdown.LangOpen:
			m.langs = append(m.langs, c.Lang)
		case *markdown.LangClose:
			if len(m.langs) > 0 {
				m.langs = m.langs[:len(m.langs)-1]
			}
		case *east.FootnoteLink:
			spans = append(spans, book.Span{Style: style, Note: c.Index})
		case *east.FootnoteBacklink:
		case *east.Strikethrough:
			s, im := m.inlines(c, style|book.Strike, link)
			spans, images = append(spans, s...), append(images, im...)
		case *ast.Text:
			v := c.Segment.Value(m.text)
			s := string(v)
			if !c.IsRaw() {
				s = resolve(v)
			}
			spans = append(spans, book.Span{Text: s, Style: style, Link: link})
			if c.HardLineBreak() {
				spans = append(spans, book.Span{Break: true})
			} else if c.SoftLineBreak() {
				spans = append(spans, book.Span{Text: " ", Style: style, Link: link})
			}
		case *ast.String:
			s := string(c.Value)
			if !c.IsRaw() {
				s = resolve(c.Value)
			}
			spans = append(spans, book.Span{Text: s, Style: style, Link: link})
		case *ast.CodeSpan:
			var b strings.Builder
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tt, ok := t.(*ast.Text); ok {
					b.Write(tt.Segment.Value(m.text))
				} else if ts, ok := t.(*ast.String); ok {
					b.Write(ts.Value)
				}
			}
			spans = append(spans, book.Span{Text: b.String(), Style: style | book.Code, Link: link})
		case *ast.Emphasis:
			st := book.Italic
			if c.Level >= 2 {
				st = book.Bold
			}
			s, im := m.inlines(c, style|st, link)
			spans, images = append(spans, s...), append(images, im...)
		case *ast.Link:
			target := m.checkLink(c, string(c.Destination))
			s, im := m.inlines(c, style, target)
			spans, images = append(spans, s...), append(images, im...)
		case *ast.AutoLink:
			u := string(c.URL(m.text))
			label := string(c.Label(m.text))
			target := m.checkLink(c, u)
			if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
				target = "mailto:" + u
			}
			spans = append(spans, book.Span{Text: label, Style: style, Link: target})
		case *ast.Image:
			if b, ok := m.image(c); ok {
				images = append(images, b)
			}
		case *ast.RawHTML:
			m.add(c, book.Warning, "raw-html", book.M("Le HTML brut n’est pas accepté et a été retiré du livre : écrivez ce passage en Markdown.", "Raw HTML is not accepted and was removed from the book: write this passage in Markdown."))
		default:
			s, im := m.inlines(c, style, link)
			spans, images = append(spans, s...), append(images, im...)
		}
		if l := m.lang(); l != "" {
			for i := from; i < len(spans); i++ {
				if spans[i].Lang == "" && !spans[i].Break {
					spans[i].Lang = l
				}
			}
		}
	}
	return spans, images
}

// checkLink returns the link target when its scheme is allowed, or "" (the
// text is kept, unlinked) after an error.
func (m *md) checkLink(n ast.Node, dest string) string {
	d := strings.TrimSpace(dest)
	if LinkAllowed(d) {
		return d
	}
	if n.Kind() == ast.KindAutoLink {
		if al := n.(*ast.AutoLink); al.AutoLinkType == ast.AutoLinkEmail {
			return "mailto:" + d
		}
	}
	m.add(n, book.Error, "link-scheme",
		book.M("Lien refusé « %s » : seuls les liens complets en http://, https:// ou mailto: sont acceptés.", "Link refused “%s”: only full links starting with http://, https:// or mailto: are accepted."), truncate(d, 60))
	return ""
}

// LinkAllowed is the one link rule of the book (rule link-scheme): a full
// http(s) address with a host, or a mailto: address. Contributions' links
// and book.yaml's url and partners' urls all follow it.
func LinkAllowed(d string) bool {
	u, err := url.Parse(d)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Host != ""
	case "mailto":
		return u.Opaque != ""
	}
	return false
}

// image keeps a local image; Src stays as written (relative to the
// contribution's folder) until the folder loader checks the file.
func (m *md) image(n *ast.Image) (book.Block, bool) {
	dest := strings.TrimSpace(string(n.Destination))
	alt, _ := m.inlines(n, 0, "")
	b := book.Block{Kind: book.Image, Src: dest, Alt: strings.TrimSpace(book.PlainText(alt)), Line: m.pos(n).Line}
	if u, err := url.Parse(dest); err != nil || u.Scheme != "" || strings.HasPrefix(dest, "//") {
		m.add(n, book.Error, "remote-image",
			book.M("Image refusée « %s » : seules les images placées dans le dossier contributions/ (par exemple photos/mon-image.jpg) sont acceptées.", "Image refused “%s”: only images in the contributions/ folder (for example photos/my-image.jpg) are accepted."), truncate(dest, 60))
		return b, false
	}
	if b.Alt == "" {
		m.add(n, book.Warning, "image-alt",
			book.M("Cette image n’a pas de texte alternatif : décrivez-la entre les crochets, ![description](%s), pour les lecteurs aveugles.", "This image has no alternative text: describe it between the brackets, ![description](%s), for blind readers."), truncate(dest, 60))
	}
	return b, true
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// trimSpans removes leading and trailing white space of a paragraph.
// paragraphClass reads a class written at the end of a paragraph, after a
// space: "— Jeanne Dupont {.signature}". The one class recueil knows is
// signature (the paragraph is set flush right); it is removed from the
// text. Another class, or one alone in its paragraph, is reported and
// left as text.
func (m *md) paragraphClass(n ast.Node, b *book.Block) {
	last := &b.Spans[len(b.Spans)-1]
	if last.Style&book.Code != 0 || last.Link != "" || last.Note != 0 || !strings.HasSuffix(last.Text, "}") {
		return
	}
	open := strings.LastIndex(last.Text, "{.")
	if open < 0 {
		return
	}
	class := last.Text[open+2 : len(last.Text)-1]
	if class == "" || strings.TrimLeft(class, "abcdefghijklmnopqrstuvwxyz-") != "" {
		return
	}
	before := strings.TrimRight(last.Text[:open], " \t\n")
	if before == last.Text[:open] && open > 0 {
		return // glued to a word: text, not a class
	}
	alone := strings.TrimSpace(book.PlainText(b.Spans[:len(b.Spans)-1])+before) == ""
	if class != "signature" || alone {
		hint := book.M("", "")
		if class != "signature" {
			hint = book.M(" Vouliez-vous écrire {.signature} ?", " Did you mean {.signature}?")
		}
		m.addAt(m.classOffset(n, "{."+class+"}"), book.Warning, "paragraph-class",
			book.M("« {.%s} » s’imprime tel quel : la seule marque de paragraphe connue est {.signature}, à la fin de la dernière ligne du paragraphe à aligner à droite, après une espace (« — Jeanne Dupont {.signature} »).%s", "“{.%s}” is printed as it is: the only known paragraph mark is {.signature}, at the end of the last line of the paragraph to align right, after a space (“— Jane Doe {.signature}”).%s"), truncate(class, 40), hint)
		return
	}
	last.Text = before
	b.Spans = trimSpans(b.Spans)
	b.Signature = true
}

// classOffset is where mark is written on the last line of block n (the
// paragraph's start when it cannot be found).
func (m *md) classOffset(n ast.Node, mark string) int {
	lines := n.Lines()
	if lines == nil || lines.Len() == 0 {
		return max(nodeOffset(n), 0)
	}
	for i := lines.Len() - 1; i >= 0; i-- {
		seg := lines.At(i)
		if k := bytes.LastIndex(m.text[seg.Start:seg.Stop], []byte(mark)); k >= 0 {
			return seg.Start + k
		}
	}
	return lines.At(0).Start
}

func trimSpans(spans []book.Span) []book.Span {
	for len(spans) > 0 && !spans[0].Break && spans[0].Note == 0 && strings.TrimSpace(spans[0].Text) == "" {
		spans = spans[1:]
	}
	for len(spans) > 0 && spans[len(spans)-1].Note == 0 && (spans[len(spans)-1].Break || strings.TrimSpace(spans[len(spans)-1].Text) == "") {
		spans = spans[:len(spans)-1]
	}
	if len(spans) > 0 {
		spans[0].Text = strings.TrimLeft(spans[0].Text, " \t")
		spans[len(spans)-1].Text = strings.TrimRight(spans[len(spans)-1].Text, " \t")
	}
	return spans
}
