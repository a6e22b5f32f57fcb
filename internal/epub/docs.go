package epub

import (
	"fmt"
	"path"
	"strings"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/typo"
)

// xhtml wraps a body into a complete XHTML content document with lang and
// xml:lang on the root element.
func (x *writer) xhtml(title, body string) string {
	var s strings.Builder
	s.Grow(len(body) + 512)
	s.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	s.WriteString("<!DOCTYPE html>\n")
	ns := ""
	if strings.Contains(body, "epub:type=") {
		ns = ` xmlns:epub="http://www.idpf.org/2007/ops"`
	}
	fmt.Fprintf(&s, `<html xmlns="http://www.w3.org/1999/xhtml"%s lang="%s" xml:lang="%s">`+"\n", ns, esc(x.lang), esc(x.lang))
	s.WriteString("<head>\n")
	fmt.Fprintf(&s, "<title>%s</title>\n", esc(title))
	s.WriteString(`<link rel="stylesheet" type="text/css" href="style.css"/>` + "\n")
	s.WriteString("</head>\n<body>\n")
	s.WriteString(body)
	s.WriteString("</body>\n</html>\n")
	return s.String()
}

func (x *writer) img(p *picture, alt, class string) string {
	return fmt.Sprintf(`<div class="%s"><img src="%s" alt="%s"/></div>`+"\n", class, esc(p.file), esc(alt))
}

func (x *writer) coverDoc() doc {
	b := x.b
	title := x.text(b.Title)
	var s strings.Builder
	if x.cover != nil {
		s.WriteString(`<section class="cover" epub:type="cover">` + "\n")
		s.WriteString(x.img(x.cover, x.text(x.l.Colon(x.l.Cover)+b.Title), "cover-image"))
		s.WriteString("</section>\n")
	} else {
		// A typographic cover when the book has no cover image.
		s.WriteString(`<section class="cover" epub:type="cover">` + "\n")
		fmt.Fprintf(&s, "<h1 class=\"book-title\">%s</h1>\n", esc(title))
		if b.Subtitle != "" {
			fmt.Fprintf(&s, "<p class=\"subtitle\">%s</p>\n", esc(x.text(b.Subtitle)))
		}
		if len(b.Editors) > 0 {
			fmt.Fprintf(&s, "<p class=\"editors\">%s</p>\n", esc(x.text(strings.Join(b.Editors, ", "))))
		}
		s.WriteString("</section>\n")
	}
	return doc{id: "cover", file: "cover.xhtml", title: x.text(x.l.Cover), body: s.String()}
}

func (x *writer) titleDoc() doc {
	b := x.b
	var s strings.Builder
	s.WriteString(`<section class="titlepage" epub:type="titlepage">` + "\n")
	fmt.Fprintf(&s, "<h1 class=\"book-title\">%s</h1>\n", esc(x.text(b.Title)))
	if b.Subtitle != "" {
		fmt.Fprintf(&s, "<p class=\"subtitle\">%s</p>\n", esc(x.text(b.Subtitle)))
	}
	if len(b.Editors) > 0 {
		fmt.Fprintf(&s, "<p class=\"editors\">%s</p>\n", esc(x.text(x.l.EditedBy(b.Editors))))
	}
	if b.Publisher != "" {
		fmt.Fprintf(&s, "<p class=\"publisher\">%s</p>\n", esc(x.text(b.Publisher)))
	}
	s.WriteString("</section>\n")
	return doc{id: "titlepage", file: "titlepage.xhtml", title: x.text(x.l.TitlePage), body: s.String()}
}

// joinNames writes "A, B et C" (French) or "A, B and C".

func (x *writer) copyrightDoc() doc {
	b := x.b
	title := x.text(x.l.Copyright)
	var s strings.Builder
	s.WriteString(`<section class="copyright" epub:type="copyright-page" aria-labelledby="copyright-title">` + "\n")
	fmt.Fprintf(&s, "<h1 id=\"copyright-title\">%s</h1>\n", esc(title))
	fmt.Fprintf(&s, "<p class=\"book-title\">%s</p>\n", esc(x.text(b.Title)))
	line := func(label, value string, code bool) {
		if strings.TrimSpace(value) == "" {
			return
		}
		v := value
		if !code {
			v = x.text(value)
		}
		fmt.Fprintf(&s, "<p>%s%s</p>\n", esc(x.text(label)), esc(v))
	}
	if len(b.Editors) > 0 {
		fmt.Fprintf(&s, "<p>%s</p>\n", esc(x.text(x.l.EditedBy(b.Editors))))
	}
	line(x.l.Colon(x.l.Publisher), b.Publisher, false)
	line(x.l.Colon(x.l.License), b.License, false)
	line(x.l.Colon(x.l.Identifier), b.Identifier, true)
	line(x.l.Colon(x.l.Edition), b.Edition, false)
	if x.dated {
		line(x.l.Colon(x.l.Date), x.l.LongDate(x.date), false)
	}
	line(x.l.Colon(x.l.SourceVersion), b.Version, true)
	if u := safeURL(b.URL); u != "" {
		fmt.Fprintf(&s, "<p>%s<a href=\"%s\">%s</a></p>\n", esc(x.text(x.l.Colon(x.l.Download))), esc(u), esc(displayURL(u)))
	}
	s.WriteString("</section>\n")
	return doc{id: "copyright", file: "copyright.xhtml", title: title, body: s.String()}
}

func (x *writer) editorialDoc(id string, e *book.Editorial, fallback, epubType string) doc {
	title := strings.TrimSpace(e.Title)
	if title == "" {
		title = fallback
	}
	title = x.text(title)
	var s strings.Builder
	fmt.Fprintf(&s, `<section class="%s" epub:type="%s" role="doc-%s" aria-labelledby="%s-title">`+"\n", id, epubType, epubType, id)
	fmt.Fprintf(&s, "<h1 id=\"%s-title\">%s</h1>\n", id, esc(title))
	x.blocks(&s, e.Body, newOutline(e.Body, 2), e.Path)
	s.WriteString("</section>\n")
	file := x.uniqueName(id + ".xhtml")
	return doc{id: strings.TrimSuffix(file, ".xhtml"), file: file, title: title, body: s.String()}
}

func (x *writer) sectionDoc(n int, name string) doc {
	title := x.text(name)
	id := fmt.Sprintf("part-%02d", n)
	var s strings.Builder
	fmt.Fprintf(&s, `<section class="part" epub:type="part" role="doc-part" aria-labelledby="%s-title">`+"\n", id)
	fmt.Fprintf(&s, "<h1 id=\"%s-title\">%s</h1>\n", id, esc(title))
	s.WriteString("</section>\n")
	file := x.uniqueName(id + ".xhtml")
	return doc{id: strings.TrimSuffix(file, ".xhtml"), file: file, title: title, body: s.String()}
}

// contributionFile is the document name of a contribution: c-<slug>.xhtml.
func contributionStem(c *book.Contribution) string {
	slug := c.Slug
	if slug == "" {
		slug = strings.TrimSuffix(path.Base(c.Path), ".md")
	}
	return "c-" + fileSafe(slug)
}

func (x *writer) contributionDoc(c *book.Contribution) doc {
	file := x.uniqueName(contributionStem(c) + ".xhtml")
	id := strings.TrimSuffix(file, ".xhtml")
	x.target[c] = file + "#" + id
	name := x.text(c.Name)
	var s strings.Builder
	fmt.Fprintf(&s, `<section class="contribution" epub:type="chapter" role="doc-chapter" aria-labelledby="%s">`+"\n", id)
	s.WriteString("<header>\n")
	fmt.Fprintf(&s, "<h1 id=\"%s\" class=\"name\">%s</h1>\n", id, esc(name))
	if c.Role != "" || c.Organization != "" {
		s.WriteString(`<p class="role">`)
		if c.Role != "" {
			s.WriteString(esc(x.text(c.Role)))
		}
		if c.Organization != "" {
			if c.Role != "" {
				s.WriteString("<br/>")
			}
			fmt.Fprintf(&s, `<span class="organization">%s</span>`, esc(x.text(c.Organization)))
		}
		s.WriteString("</p>\n")
	}
	var meta []string
	if c.City != "" {
		meta = append(meta, `<span class="city">`+esc(x.text(c.City))+`</span>`)
	}
	if h := strings.TrimSpace(c.Handle); h != "" {
		user := strings.TrimPrefix(h, "@")
		if u := safeURL("https://x.com/" + user); u != "" && !strings.ContainsAny(user, "/?#") {
			meta = append(meta, fmt.Sprintf(`<a class="handle" href="%s">%s</a>`, esc(u), esc(h)))
		} else {
			meta = append(meta, `<span class="handle">`+esc(h)+`</span>`)
		}
	}
	if len(meta) > 0 {
		fmt.Fprintf(&s, "<p class=\"meta\">%s</p>\n", strings.Join(meta, " · "))
	}
	var links []string
	for _, l := range c.Links {
		if u := safeURL(l); u != "" {
			links = append(links, fmt.Sprintf(`<li><a href="%s">%s</a></li>`, esc(u), esc(displayURL(u))))
		}
	}
	if len(links) > 0 {
		fmt.Fprintf(&s, "<ul class=\"links\">\n%s\n</ul>\n", strings.Join(links, "\n"))
	}
	if c.Photo != "" {
		if p := x.picture(c.Photo, c.Path, c.FieldPos("photo")); p != nil {
			s.WriteString(x.img(p, x.text(x.l.Portrait(c.Name)), "photo"))
		}
	}
	s.WriteString("</header>\n")
	base := 2
	if c.Title != "" {
		fmt.Fprintf(&s, "<h2 class=\"title\">%s</h2>\n", esc(x.text(c.Title)))
		base = 3
	}
	if c.Extract != "" {
		fmt.Fprintf(&s, "<aside class=\"extract\" epub:type=\"pullquote\" role=\"doc-pullquote\">\n<p>%s</p>\n</aside>\n", esc(x.text(c.Extract)))
	}
	s.WriteString(`<div class="text">` + "\n")
	x.blocks(&s, c.Body, newOutline(c.Body, base), c.Path)
	s.WriteString("</div>\n</section>\n")
	return doc{id: id, file: file, title: name, body: s.String()}
}

func (x *writer) partnersDoc() doc {
	title := x.text(x.l.Partners)
	var s strings.Builder
	s.WriteString(`<section class="partners" aria-labelledby="partners-title">` + "\n")
	fmt.Fprintf(&s, "<h1 id=\"partners-title\">%s</h1>\n<ul class=\"partners\">\n", esc(title))
	for _, p := range x.b.Partners {
		// A logo carries the partner's name as its alternative text; the
		// name is printed as text only when there is no logo, so that a
		// screen reader does not read it twice.
		name := x.text(p.Name)
		label := fmt.Sprintf(`<span class="partner">%s</span>`, esc(name))
		if p.Logo != "" {
			if pic := x.picture(p.Logo, "book.yaml", book.Pos{}); pic != nil {
				label = fmt.Sprintf(`<img class="logo" src="%s" alt="%s"/>`, esc(pic.file), esc(name))
			}
		}
		if u := safeURL(p.URL); u != "" {
			label = fmt.Sprintf(`<a href="%s">%s</a>`, esc(u), label)
		}
		fmt.Fprintf(&s, "<li>%s</li>\n", label)
	}
	s.WriteString("</ul>\n</section>\n")
	file := x.uniqueName("partners.xhtml")
	return doc{id: strings.TrimSuffix(file, ".xhtml"), file: file, title: title, body: s.String()}
}

// indexDoc is the contributor index: letter groups, "Surname, First name —
// role" entries linking to each contribution's heading.
func (x *writer) indexDoc() doc {
	title := x.text(x.l.Index)
	var s strings.Builder
	s.WriteString(`<section class="index" epub:type="index" role="doc-index" aria-labelledby="index-title">` + "\n")
	fmt.Fprintf(&s, "<h1 id=\"index-title\">%s</h1>\n", esc(title))
	for gi, g := range x.b.Index() {
		fmt.Fprintf(&s, "<section class=\"index-group\" epub:type=\"index-group\" aria-labelledby=\"index-%d\">\n", gi+1)
		fmt.Fprintf(&s, "<h2 id=\"index-%d\">%s</h2>\n<ul epub:type=\"index-entry-list\">\n", gi+1, esc(g.Letter))
		for _, e := range g.Entries {
			s.WriteString(`<li epub:type="index-entry">`)
			fmt.Fprintf(&s, `<a epub:type="index-term" href="%s">%s</a>`, esc(x.target[e.Contribution]), esc(x.text(e.Key)))
			if e.Contribution.Role != "" {
				fmt.Fprintf(&s, " — %s", esc(x.text(e.Contribution.Role)))
			}
			s.WriteString("</li>\n")
		}
		s.WriteString("</ul>\n</section>\n")
	}
	s.WriteString("</section>\n")
	file := x.uniqueName("index.xhtml")
	return doc{id: strings.TrimSuffix(file, ".xhtml"), file: file, title: title, body: s.String()}
}

// outline maps Markdown heading levels to document levels so that the
// outline of each document stays correct: the first level used in the text
// becomes base (h2, or h3 under a title), and no level is ever skipped.
type outline struct{ min, base, prev int }

func newOutline(blocks []book.Block, base int) *outline {
	o := &outline{min: 7, base: base, prev: base - 1}
	book.Walk(blocks, func(b *book.Block) {
		if b.Kind == book.Heading && b.Level < o.min {
			o.min = max(b.Level, 1)
		}
	})
	return o
}

func (o *outline) level(l int) int {
	n := max(l, 1) - o.min + o.base
	n = min(n, o.prev+1, 6)
	n = max(n, o.base)
	o.prev = n
	return n
}

// blocks writes Markdown blocks as XHTML. file names the source file for
// diagnostics about images.
func (x *writer) blocks(s *strings.Builder, blocks []book.Block, o *outline, file string) {
	for i := range blocks {
		x.block(s, &blocks[i], o, file)
	}
}

func (x *writer) block(s *strings.Builder, b *book.Block, o *outline, file string) {
	switch b.Kind {
	case book.Paragraph:
		if inner := x.spans(b.Spans); inner != "" {
			fmt.Fprintf(s, "<p>%s</p>\n", inner)
		}
	case book.Heading:
		inner := x.spans(b.Spans)
		if inner == "" {
			return
		}
		l := o.level(b.Level)
		fmt.Fprintf(s, "<h%d>%s</h%d>\n", l, inner, l)
	case book.Quote:
		s.WriteString("<blockquote>\n")
		x.blocks(s, b.Children, o, file)
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
		x.blocks(s, b.Children, o, file)
		if inner := x.spans(b.Spans); inner != "" {
			fmt.Fprintf(s, "<p>%s</p>\n", inner)
		}
	case book.Rule:
		s.WriteString("<hr/>\n")
	case book.Image:
		if b.Src == "" {
			return
		}
		if p := x.picture(b.Src, file, book.Pos{Line: b.Line, Col: 1}); p != nil {
			s.WriteString(x.img(p, x.text(b.Alt), "figure"))
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
		fmt.Fprintf(s, "<pre><code>%s</code></pre>\n", esc(strings.TrimSuffix(code.String(), "\n")))
	}
}

// listItem writes an item's content: a single paragraph inline (a tight
// list), anything else as blocks.
func (x *writer) listItem(s *strings.Builder, item *book.Block, o *outline, file string) {
	if len(item.Spans) > 0 {
		s.WriteString(x.spans(item.Spans))
	}
	kids := item.Children
	if len(kids) > 0 && kids[0].Kind == book.Paragraph && len(item.Spans) == 0 {
		s.WriteString(x.spans(kids[0].Spans))
		kids = kids[1:]
	}
	if len(kids) > 0 {
		s.WriteString("\n")
		x.blocks(s, kids, o, file)
	}
}

// spans writes inline text: typography applied, links kept only for http,
// https and mailto targets, styles as em, strong and code.
func (x *writer) spans(spans []book.Span) string {
	spans = typo.Spans(x.lang, spans)
	var s strings.Builder
	for i := 0; i < len(spans); {
		sp := spans[i]
		if sp.Link == "" {
			writeSpan(&s, sp)
			i++
			continue
		}
		j := i
		for j < len(spans) && spans[j].Link == sp.Link {
			j++
		}
		href := safeURL(sp.Link)
		var inner strings.Builder
		for _, t := range spans[i:j] {
			writeSpan(&inner, t)
		}
		switch {
		case href == "":
			s.WriteString(inner.String())
		case strings.TrimSpace(book.PlainText(spans[i:j])) == "":
			fmt.Fprintf(&s, `<a href="%s">%s</a>`, esc(href), esc(displayURL(href)))
		default:
			fmt.Fprintf(&s, `<a href="%s">%s</a>`, esc(href), inner.String())
		}
		i = j
	}
	return strings.TrimSpace(s.String())
}

func writeSpan(s *strings.Builder, sp book.Span) {
	if sp.Break {
		s.WriteString("<br/>")
		return
	}
	t := esc(sp.Text)
	if t == "" {
		return
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
	s.WriteString(t)
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
