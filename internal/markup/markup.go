// Package markup writes a contribution's Markdown blocks as HTML, the one
// renderer of the EPUB and the web edition, with the book's typography,
// and escapes text and links for both (XHTML-compatible HTML).
package markup

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/typo"
)

// Renderer writes blocks in a language (for the typographer), with images
// written by Image (nil: left out): src is the image's book-relative path,
// alt its alternative text with the typography applied, file and line where
// the text names it.
type Renderer struct {
	Lang  string
	Image func(src, alt, file string, line int) string
	// EPUB writes what only EPUB reading systems read (epub:type,
	// xml:lang beside lang).
	EPUB bool
	// Back is the label of a footnote's link back to its call ("Retour
	// au texte"): the number of the note follows it.
	Back string
	// Typography gives the policy of a text in a language (the book's
	// TypographyOf, with its house style); nil: each language's own.
	Typography func(lang string) book.Typography
	// Memo, when set, keeps the typography of each text for the other
	// writers of the run (see typo.Memo).
	Memo *typo.Memo
}

// typography is the policy of the renderer's language.
func (x *Renderer) typography() book.Typography {
	if x.Typography != nil {
		return x.Typography(x.Lang)
	}
	return book.ResolveLocale(x.Lang).Typography
}

// validXMLRune reports whether r may appear in an XML 1.0 document.
func validXMLRune(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD ||
		(r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) ||
		(r >= 0x10000 && r <= 0x10FFFF)
}

// Esc escapes s for XML text and attribute values with numeric character
// references (never named entities: HTML ones are undefined in XHTML, and
// epubcheck flags even XML's predefined five in usage mode),
// drops characters XML 1.0 forbids (control characters) and replaces invalid
// UTF-8 with U+FFFD.
func Esc(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
			i++
			continue
		}
		i += n
		switch r {
		case '&':
			b.WriteString("&#38;")
		case '<':
			b.WriteString("&#60;")
		case '>':
			b.WriteString("&#62;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			if validXMLRune(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// SafeURL returns the normalised form of a link target when it is an
// absolute http, https or mailto URL, and "" otherwise. The loader already
// filters links; this is the writer's own guard so that no other scheme
// (javascript:, file:, data:) ever reaches the EPUB or the site.
func SafeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return ""
		}
	case "mailto":
		if u.Opaque == "" {
			return ""
		}
	default:
		return ""
	}
	return u.String()
}

// DisplayURL is the text shown for a bare link: the URL without its scheme.
func DisplayURL(u string) string {
	for _, p := range []string{"https://", "http://", "mailto:"} {
		if strings.HasPrefix(strings.ToLower(u), p) {
			u = u[len(p):]
			break
		}
	}
	return strings.TrimSuffix(u, "/")
}

// Outline maps Markdown heading levels to document levels so that the
// outline of each document stays correct: the first level used in the text
// becomes base (h2, or h3 under a title), and no level is ever skipped.
type Outline struct {
	min, base, prev int
	calls           map[int]bool // footnotes already called: the first call has the id
}

// NewOutline starts the outline of a text whose first heading level
// becomes base.
func NewOutline(blocks []book.Block, base int) *Outline {
	o := &Outline{min: 7, base: base, prev: base - 1, calls: map[int]bool{}}
	book.Walk(blocks, func(b *book.Block) {
		if b.Kind == book.Heading && b.Level < o.min {
			o.min = max(b.Level, 1)
		}
	})
	return o
}

// Level is the document level of a Markdown heading level.
func (o *Outline) Level(l int) int {
	n := max(l, 1) - o.min + o.base
	n = min(n, o.prev+1, 6)
	n = max(n, o.base)
	o.prev = n
	return n
}

// Blocks writes Markdown blocks as HTML (XHTML-compatible). file names the source file for
// diagnostics about images.
func (x Renderer) Blocks(s *strings.Builder, blocks []book.Block, o *Outline, file string) {
	for i := range blocks {
		x.block(s, &blocks[i], o, file)
	}
}

func (x Renderer) block(s *strings.Builder, b *book.Block, o *Outline, file string) {
	switch b.Kind {
	case book.Paragraph:
		if inner := x.spans(b.Spans, o); inner != "" {
			if b.Signature {
				fmt.Fprintf(s, "<p class=\"signature\">%s</p>\n", inner)
				break
			}
			fmt.Fprintf(s, "<p>%s</p>\n", inner)
		}
	case book.Heading:
		inner := x.spans(b.Spans, o)
		if inner == "" {
			return
		}
		l := o.Level(b.Level)
		fmt.Fprintf(s, "<h%d>%s</h%d>\n", l, inner, l)
	case book.Quote:
		s.WriteString("<blockquote>\n")
		x.Blocks(s, b.Children, o, file)
		s.WriteString("</blockquote>\n")
	case book.List:
		tag := "ul"
		if b.Ordered {
			tag = "ol"
			if b.Start != 0 && b.Start != 1 {
				fmt.Fprintf(s, "<ol start=\"%d\">\n", b.Start)
			} else {
				s.WriteString("<ol>\n")
			}
		} else {
			s.WriteString("<ul>\n")
		}
		for i := range b.Children {
			item := &b.Children[i]
			s.WriteString("<li>")
			if item.Kind == book.ListItem {
				x.listItem(s, item, o, file)
			} else {
				x.block(s, item, o, file)
			}
			s.WriteString("</li>\n")
		}
		fmt.Fprintf(s, "</%s>\n", tag)
	case book.ListItem:
		x.Blocks(s, b.Children, o, file)
		if inner := x.spans(b.Spans, o); inner != "" {
			fmt.Fprintf(s, "<p>%s</p>\n", inner)
		}
	case book.Rule:
		s.WriteString("<hr/>\n")
	case book.Image:
		if b.Src == "" {
			return
		}
		if x.Image != nil {
			s.WriteString(x.Image(b.Src, typo.StringIn(x.typography(), b.Alt), file, b.Line))
		}
	case book.CodeBlock:
		var code strings.Builder
		for _, sp := range b.Spans {
			if sp.Break {
				code.WriteByte('\n')
				continue
			}
			code.WriteString(sp.Text)
		}
		fmt.Fprintf(s, "<pre><code>%s</code></pre>\n", Esc(strings.TrimSuffix(code.String(), "\n")))
	case book.Table:
		x.table(s, b, o)
	}
}

// table writes a table: the header row in thead, its cells th with a
// scope, the column alignments as classes (no inline style).
func (x Renderer) table(s *strings.Builder, b *book.Block, o *Outline) {
	s.WriteString("<table>\n")
	body := false
	for i := range b.Children {
		row := &b.Children[i]
		switch {
		case row.Header && i == 0:
			s.WriteString("<thead>\n")
		case !body:
			if i > 0 {
				s.WriteString("</thead>\n")
			}
			s.WriteString("<tbody>\n")
			body = true
		}
		s.WriteString("<tr>")
		for j := range row.Children {
			c := &row.Children[j]
			tag, attr := "td", ""
			if row.Header && i == 0 {
				tag, attr = "th", ` scope="col"`
			}
			if cls := alignClass(c.Align); cls != "" {
				attr += ` class="` + cls + `"`
			}
			fmt.Fprintf(s, "<%s%s>%s</%s>", tag, attr, x.spans(c.Spans, o), tag)
		}
		s.WriteString("</tr>\n")
	}
	if body {
		s.WriteString("</tbody>\n")
	} else if len(b.Children) > 0 {
		s.WriteString("</thead>\n")
	}
	s.WriteString("</table>\n")
}

func alignClass(a book.Align) string {
	switch a {
	case book.AlignLeft:
		return "left"
	case book.AlignCenter:
		return "center"
	case book.AlignRight:
		return "right"
	}
	return ""
}

// Notes writes a text's footnotes after it, each with a link back to its
// first call: asides that EPUB reading systems may show as pop-ups, and
// that the web edition shows at the end of the page.
func (x Renderer) Notes(s *strings.Builder, notes []book.Note, file string) {
	if len(notes) == 0 {
		return
	}
	s.WriteString(`<div class="notes">` + "\n")
	o := NewOutline(nil, 6)
	epubType := ""
	if x.EPUB {
		epubType = ` epub:type="footnote"`
	}
	for _, n := range notes {
		var inner strings.Builder
		x.Blocks(&inner, n.Blocks, o, file)
		back := fmt.Sprintf(`<a class="backlink" role="doc-backlink" href="#fnref-%d" aria-label="%s">%d.</a> `, n.N, Esc(strings.TrimSpace(x.Back+" "+fmt.Sprint(n.N))), n.N)
		body := inner.String()
		if strings.HasPrefix(body, "<p>") {
			body = "<p>" + back + body[3:]
		} else {
			body = "<p>" + strings.TrimSpace(back) + "</p>\n" + body
		}
		fmt.Fprintf(s, "<aside class=\"footnote\" id=\"fn-%d\" role=\"doc-footnote\"%s>\n%s</aside>\n", n.N, epubType, body)
	}
	s.WriteString("</div>\n")
}

// listItem writes an item's content: a single paragraph inline (a tight
// list), anything else as blocks.
func (x Renderer) listItem(s *strings.Builder, item *book.Block, o *Outline, file string) {
	if len(item.Spans) > 0 {
		s.WriteString(x.spans(item.Spans, o))
	}
	kids := item.Children
	if len(kids) > 0 && kids[0].Kind == book.Paragraph && len(item.Spans) == 0 {
		s.WriteString(x.spans(kids[0].Spans, o))
		kids = kids[1:]
	}
	if len(kids) > 0 {
		s.WriteString("\n")
		x.Blocks(s, kids, o, file)
	}
}

// Spans writes inline text: typography applied, links kept only for http,
// https and mailto targets, styles as em, strong, code and del, passages
// in another language as span lang, footnote calls as links to the notes.
func (x Renderer) Spans(spans []book.Span) string { return x.spans(spans, nil) }

func (x Renderer) spans(spans []book.Span, o *Outline) string {
	spans = x.Memo.SpansIn(x.typography(), x.Lang, spans)
	var s strings.Builder
	for i := 0; i < len(spans); {
		sp := spans[i]
		if sp.Note > 0 {
			x.noteCall(&s, sp.Note, o)
			i++
			continue
		}
		if sp.Link == "" {
			x.writeSpan(&s, sp)
			i++
			continue
		}
		j := i
		for j < len(spans) && spans[j].Link == sp.Link {
			j++
		}
		href := SafeURL(sp.Link)
		var inner strings.Builder
		for _, t := range spans[i:j] {
			x.writeSpan(&inner, t)
		}
		switch {
		case href == "":
			s.WriteString(inner.String())
		case strings.TrimSpace(book.PlainText(spans[i:j])) == "":
			fmt.Fprintf(&s, `<a href="%s">%s</a>`, Esc(href), Esc(DisplayURL(href)))
		default:
			fmt.Fprintf(&s, `<a href="%s">%s</a>`, Esc(href), inner.String())
		}
		i = j
	}
	return strings.TrimSpace(s.String())
}

// noteCall writes a footnote call: a superscript number linked to the
// note, the first call of each note with the id the note links back to.
func (x Renderer) noteCall(s *strings.Builder, n int, o *Outline) {
	id := ""
	if o != nil && !o.calls[n] {
		o.calls[n] = true
		id = fmt.Sprintf(` id="fnref-%d"`, n)
	}
	epubType := ""
	if x.EPUB {
		epubType = ` epub:type="noteref"`
	}
	fmt.Fprintf(s, `<sup><a class="noteref" href="#fn-%d"%s role="doc-noteref"%s>%d</a></sup>`, n, id, epubType, n)
}

func (x Renderer) writeSpan(s *strings.Builder, sp book.Span) {
	if sp.Break {
		s.WriteString("<br/>")
		return
	}
	t := Esc(sp.Text)
	if t == "" {
		return
	}
	if sp.Lang != "" {
		l := Esc(sp.Lang)
		if x.EPUB {
			fmt.Fprintf(s, `<span lang="%s" xml:lang="%s">`, l, l)
		} else {
			fmt.Fprintf(s, `<span lang="%s">`, l)
		}
		defer s.WriteString("</span>")
	}
	if sp.Style&book.Strike != 0 {
		s.WriteString("<del>")
		defer s.WriteString("</del>")
	}
	if sp.Style&book.Bold != 0 {
		s.WriteString("<strong>")
	}
	if sp.Style&book.Italic != 0 {
		s.WriteString("<em>")
	}
	if sp.Style&book.Code != 0 {
		s.WriteString("<code>")
	}
	if sp.Style&book.Code != 0 || sp.Link != "" && sp.Text == sp.Link {
		s.WriteString(t) // code and addresses are never touched
	} else {
		x.raised(s, sp)
	}
	if sp.Style&book.Code != 0 {
		s.WriteString("</code>")
	}
	if sp.Style&book.Italic != 0 {
		s.WriteString("</em>")
	}
	if sp.Style&book.Bold != 0 {
		s.WriteString("</strong>")
	}
}

// Inline is s, already typeset, escaped for HTML, with the superscripts of
// lang's typography in sup elements: for a title or a role shown in the
// page (never in a title element or an attribute).
func Inline(lang, s string) string {
	var b strings.Builder
	Renderer{Lang: lang}.raised(&b, book.Span{Text: s})
	return b.String()
}

// raised writes a span's text with the superscripts of its language's
// typography (1er, XIXe, Mme, nº) in sup elements.
func (x Renderer) raised(s *strings.Builder, sp book.Span) {
	lang := sp.Lang
	if lang == "" {
		lang = x.Lang
	}
	ps := book.ResolveLocale(lang).Superscripts(sp.Text)
	if ps == nil {
		s.WriteString(Esc(sp.Text))
		return
	}
	for _, p := range ps {
		if p.Sup {
			s.WriteString("<sup>" + Esc(p.Text) + "</sup>")
		} else {
			s.WriteString(Esc(p.Text))
		}
	}
}

// FileSafe turns a book-relative path or a slug into a name made of ASCII
// letters, digits, '-', '_' and '.', safe in an EPUB, on a web host and as an XML id part.
func FileSafe(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_', r == '.':
			b.WriteRune(r)
			dash = false
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + ('a' - 'A'))
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	out := strings.Trim(b.String(), "-.")
	if out == "" {
		out = "x"
	}
	return out
}
