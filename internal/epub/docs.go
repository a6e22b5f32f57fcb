package epub

import (
	"fmt"
	"path"
	"strings"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/markup"
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
	fmt.Fprintf(&s, `<html xmlns="http://www.w3.org/1999/xhtml"%s lang="%s" xml:lang="%s">`+"\n", ns, markup.Esc(x.lang), markup.Esc(x.lang))
	s.WriteString("<head>\n")
	fmt.Fprintf(&s, "<title>%s</title>\n", markup.Esc(title))
	s.WriteString(`<link rel="stylesheet" type="text/css" href="style.css"/>` + "\n")
	s.WriteString("</head>\n<body>\n")
	s.WriteString(body)
	s.WriteString("</body>\n</html>\n")
	return s.String()
}

func (x *writer) img(p *picture, alt, class string) string {
	return fmt.Sprintf(`<div class="%s"><img src="%s" alt="%s"/></div>`+"\n", class, markup.Esc(p.file), markup.Esc(alt))
}

func (x *writer) coverDoc() doc {
	b := x.b
	title := x.text(b.Title)
	var s strings.Builder
	if x.cover != nil {
		s.WriteString(`<section class="cover" epub:type="cover">` + "\n")
		s.WriteString(x.img(x.cover, x.text(b.CoverAltText()), "cover-image"))
		s.WriteString("</section>\n")
	} else {
		// A typographic cover when the book has no cover image.
		s.WriteString(`<section class="cover" epub:type="cover">` + "\n")
		fmt.Fprintf(&s, "<h1 class=\"book-title\">%s</h1>\n", markup.Esc(title))
		if b.Subtitle != "" {
			fmt.Fprintf(&s, "<p class=\"subtitle\">%s</p>\n", markup.Esc(x.text(b.Subtitle)))
		}
		if len(b.Editors) > 0 {
			fmt.Fprintf(&s, "<p class=\"editors\">%s</p>\n", markup.Esc(x.text(strings.Join(b.Editors, ", "))))
		}
		s.WriteString("</section>\n")
	}
	return doc{id: "cover", file: "cover.xhtml", title: x.text(x.l.Cover), body: x.startMarkers("cover", "cover.xhtml", 1<<30) + s.String()}
}

func (x *writer) titleDoc() doc {
	b := x.b
	var s strings.Builder
	s.WriteString(`<section class="titlepage" epub:type="titlepage">` + "\n")
	fmt.Fprintf(&s, "<h1 class=\"book-title\">%s</h1>\n", markup.Esc(x.text(b.Title)))
	if b.Subtitle != "" {
		fmt.Fprintf(&s, "<p class=\"subtitle\">%s</p>\n", markup.Esc(x.text(b.Subtitle)))
	}
	if len(b.Editors) > 0 {
		fmt.Fprintf(&s, "<p class=\"editors\">%s</p>\n", markup.Esc(x.text(x.l.EditedBy(b.Editors))))
	}
	if b.Publisher != "" {
		fmt.Fprintf(&s, "<p class=\"publisher\">%s</p>\n", markup.Esc(x.text(b.Publisher)))
	}
	s.WriteString("</section>\n")
	return doc{id: "titlepage", file: "titlepage.xhtml", title: x.text(x.l.TitlePage), body: x.startMarkers("titlepage", "titlepage.xhtml", 1<<30) + s.String()}
}

// joinNames writes "A, B et C" (French) or "A, B and C".

func (x *writer) copyrightDoc() doc {
	b := x.b
	title := x.text(x.l.Copyright)
	var s strings.Builder
	s.WriteString(`<section class="copyright" epub:type="copyright-page" aria-labelledby="copyright-title">` + "\n")
	fmt.Fprintf(&s, "<h1 id=\"copyright-title\">%s</h1>\n", markup.Esc(title))
	fmt.Fprintf(&s, "<p class=\"book-title\">%s</p>\n", markup.Esc(x.text(b.Title)))
	line := func(label, value string, code bool) {
		if strings.TrimSpace(value) == "" {
			return
		}
		v := markup.Esc(value)
		if !code {
			v = markup.Inline(x.lang, x.text(value))
		}
		fmt.Fprintf(&s, "<p>%s%s</p>\n", markup.Esc(x.text(label)), v)
	}
	if len(b.Editors) > 0 {
		fmt.Fprintf(&s, "<p>%s</p>\n", markup.Esc(x.text(x.l.EditedBy(b.Editors))))
	}
	line(x.l.Colon(x.l.Publisher), b.Publisher, false)
	line(x.l.Colon(x.l.License), b.License, false)
	line(x.l.Colon(x.l.Identifier), b.Identifier, true)
	line(x.l.Colon(x.l.Edition), b.Edition, false)
	if x.dated {
		line(x.l.Colon(x.l.Date), x.l.LongDate(x.date), false)
	}
	line(x.l.Colon(x.l.SourceVersion), b.Version, true)
	if u := markup.SafeURL(b.URL); u != "" {
		fmt.Fprintf(&s, "<p>%s<a href=\"%s\">%s</a></p>\n", markup.Esc(x.text(x.l.Colon(x.l.Download))), markup.Esc(u), markup.Esc(markup.DisplayURL(u)))
	}
	s.WriteString("</section>\n")
	return doc{id: "copyright", file: "copyright.xhtml", title: title, body: x.startMarkers("copyright", "copyright.xhtml", 1<<30) + s.String()}
}

func (x *writer) editorialDoc(id string, e *book.Editorial, fallback, epubType string) doc {
	title := strings.TrimSpace(e.Title)
	if title == "" {
		title = fallback
	}
	title = x.text(title)
	file := x.uniqueName(id + ".xhtml")
	var s strings.Builder
	s.WriteString(x.startMarkers(e.Path, file, firstLine(e.Body)))
	fmt.Fprintf(&s, `<section class="%s" epub:type="%s" role="doc-%s" aria-labelledby="%s-title">`+"\n", id, epubType, epubType, id)
	fmt.Fprintf(&s, "<h1 id=\"%s-title\">%s</h1>\n", id, markup.Esc(title))
	x.blocks(&s, e.Path, file, e.Body, markup.NewOutline(e.Body, 2), e.Path)
	x.md.Notes(&s, e.Notes, e.Path)
	s.WriteString("</section>\n")
	return doc{id: strings.TrimSuffix(file, ".xhtml"), file: file, title: title, body: s.String()}
}

func (x *writer) sectionDoc(n int, name string) doc {
	title := x.text(name)
	id := fmt.Sprintf("part-%02d", n)
	var s strings.Builder
	for i, sec := range x.b.Sections {
		if sec == name {
			s.WriteString(x.startMarkers(fmt.Sprintf("part-%d", i+1), id+".xhtml", 1<<30))
			break
		}
	}
	fmt.Fprintf(&s, `<section class="part" epub:type="part" role="doc-part" aria-labelledby="%s-title">`+"\n", id)
	fmt.Fprintf(&s, "<h1 id=\"%s-title\">%s</h1>\n", id, markup.Esc(title))
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
	return "c-" + markup.FileSafe(slug)
}

func (x *writer) contributionDoc(c *book.Contribution) doc {
	file := x.uniqueName(contributionStem(c) + ".xhtml")
	id := strings.TrimSuffix(file, ".xhtml")
	x.target[c] = file + "#" + id
	// A text of a mixed book in another language is set in its own
	// typography and says its language.
	lang := ""
	if c.Lang != "" && c.Lang != x.lang {
		was, wasMD := x.lang, x.md.Lang
		x.lang, x.md.Lang = c.Lang, c.Lang
		defer func() { x.lang, x.md.Lang = was, wasMD }()
		lang = fmt.Sprintf(` lang="%s" xml:lang="%s"`, markup.Esc(c.Lang), markup.Esc(c.Lang))
	}
	name := x.text(c.Name)
	var s strings.Builder
	s.WriteString(x.startMarkers(c.Path, file, firstLine(c.Body)))
	fmt.Fprintf(&s, `<section class="contribution" epub:type="chapter" role="doc-chapter" aria-labelledby="%s"%s>`+"\n", id, lang)
	s.WriteString("<header>\n")
	// under its part's heading (the part's document is its h1), a
	// contribution's name is an h2: the heading levels say the book's
	// hierarchy, as the PDF's structure does
	top := 1
	if len(x.b.Sections) > 0 && c.Section != "" {
		top = 2
	}
	fmt.Fprintf(&s, "<h%d id=\"%s\" class=\"name\">%s</h%d>\n", top, id, markup.Esc(name), top)
	if c.Role != "" || c.Organization != "" {
		s.WriteString(`<p class="role">`)
		if c.Role != "" {
			s.WriteString(markup.Inline(x.lang, x.text(c.Role)))
		}
		if c.Organization != "" {
			if c.Role != "" {
				s.WriteString("<br/>")
			}
			fmt.Fprintf(&s, `<span class="organization">%s</span>`, markup.Esc(x.text(c.Organization)))
		}
		s.WriteString("</p>\n")
	}
	var meta []string
	if c.City != "" {
		meta = append(meta, `<span class="city">`+markup.Esc(x.text(c.City))+`</span>`)
	}
	if h := strings.TrimSpace(c.Handle); h != "" {
		if u := markup.SafeURL(book.HandleURL(h)); u != "" { // X, Mastodon or Bluesky
			meta = append(meta, fmt.Sprintf(`<a class="handle" href="%s">%s</a>`, markup.Esc(u), markup.Esc(h)))
		} else {
			meta = append(meta, `<span class="handle">`+markup.Esc(h)+`</span>`)
		}
	}
	if len(meta) > 0 {
		fmt.Fprintf(&s, "<p class=\"meta\">%s</p>\n", strings.Join(meta, " · "))
	}
	var links []string
	for _, l := range c.ShownLinks() { // links, then the LinkedIn profile
		if u := markup.SafeURL(l); u != "" {
			links = append(links, fmt.Sprintf(`<li><a href="%s">%s</a></li>`, markup.Esc(u), markup.Esc(markup.DisplayURL(u))))
		}
	}
	if len(links) > 0 {
		fmt.Fprintf(&s, "<ul class=\"links\">\n%s\n</ul>\n", strings.Join(links, "\n"))
	}
	if c.Photo != "" {
		if p := x.picture(c.Photo, c.Path, c.FieldPos("photo")); p != nil {
			s.WriteString(x.img(p, x.text(c.PortraitAlt(x.l.Labels)), "photo"))
		}
	}
	s.WriteString("</header>\n")
	base := top + 1
	if c.Title != "" {
		fmt.Fprintf(&s, "<h%d class=\"title\">%s</h%d>\n", top+1, markup.Inline(x.lang, x.text(c.Title)), top+1)
		base = top + 2
	}
	if c.Extract != "" {
		fmt.Fprintf(&s, "<aside class=\"extract\" epub:type=\"pullquote\" role=\"doc-pullquote\">\n<p>%s</p>\n</aside>\n", markup.Esc(x.text(c.Extract)))
	}
	s.WriteString(`<div class="text">` + "\n")
	x.blocks(&s, c.Path, file, c.Body, markup.NewOutline(c.Body, base), c.Path)
	x.md.Notes(&s, c.Notes, c.Path)
	s.WriteString("</div>\n</section>\n")
	d := doc{id: id, file: file, title: name, body: s.String()}
	if c.Title != "" {
		d.sub = x.text(c.Title) // in the text's language
		if lang != "" {
			d.subLang = c.Lang
		}
	}
	return d
}

func (x *writer) partnersDoc() doc {
	title := x.text(x.l.Partners)
	file := x.uniqueName("partners.xhtml")
	var s strings.Builder
	s.WriteString(x.startMarkers("partners", file, 1<<30))
	s.WriteString(`<section class="partners" aria-labelledby="partners-title">` + "\n")
	fmt.Fprintf(&s, "<h1 id=\"partners-title\">%s</h1>\n<ul class=\"partners\">\n", markup.Esc(title))
	for _, p := range x.b.Partners {
		// A logo carries the partner's name as its alternative text; the
		// name is printed as text only when there is no logo, so that a
		// screen reader does not read it twice.
		name := x.text(p.Name)
		label := fmt.Sprintf(`<span class="partner">%s</span>`, markup.Esc(name))
		if p.Logo != "" {
			if pic := x.picture(p.Logo, "book.yaml", book.Pos{}); pic != nil {
				label = fmt.Sprintf(`<img class="logo" src="%s" alt="%s"/>`, markup.Esc(pic.file), markup.Esc(name))
			}
		}
		if u := markup.SafeURL(p.URL); u != "" {
			label = fmt.Sprintf(`<a href="%s">%s</a>`, markup.Esc(u), label)
		}
		fmt.Fprintf(&s, "<li>%s</li>\n", label)
	}
	s.WriteString("</ul>\n</section>\n")
	return doc{id: strings.TrimSuffix(file, ".xhtml"), file: file, title: title, body: s.String()}
}

// indexDoc is the contributor index as EPUB Indexes 1.0 writes one: letter
// groups of "Surname, First name — role" entries, each term linking to the
// contribution's heading and, when the EPUB has the PDF's page list, the
// page where it starts in the PDF as its locator.
func (x *writer) indexDoc() doc {
	return x.indexOf("index", x.l.Index, x.b.Index(), false)
}

// indexByDoc is an optional index (book.yaml indexes:), by organisation
// or by city: the groups are their names.
func (x *writer) indexByDoc(kind string) doc {
	title := x.l.IndexOrganizations
	if kind == book.IndexByCity {
		title = x.l.IndexCities
	}
	return x.indexOf("index-"+kind, title, x.b.IndexBy(kind), true)
}

// indexOf is an index document named id (its part of the book too, for
// the page markers), its groups headed by a letter or, named, by the
// typeset name of an organisation or a city.
func (x *writer) indexOf(id, title string, groups []book.IndexGroup, named bool) doc {
	title = x.text(title)
	file := x.uniqueName(id + ".xhtml")
	var s strings.Builder
	s.WriteString(x.startMarkers(id, file, 1<<30))
	fmt.Fprintf(&s, `<section class="index" epub:type="index" role="doc-index" aria-labelledby="%s-title">`+"\n", id)
	fmt.Fprintf(&s, "<h1 id=\"%s-title\">%s</h1>\n", id, markup.Esc(title))
	for gi, g := range groups {
		head := g.Letter
		if named {
			head = x.text(head)
		}
		fmt.Fprintf(&s, "<section class=\"index-group\" epub:type=\"index-group\" aria-labelledby=\"%s-%d\">\n", id, gi+1)
		fmt.Fprintf(&s, "<h2 id=\"%s-%d\">%s</h2>\n<ul epub:type=\"index-entry-list\">\n", id, gi+1, markup.Esc(head))
		for _, e := range g.Entries {
			s.WriteString(`<li epub:type="index-entry">`)
			page := x.firstPage(e.Contribution.Path)
			if page == 0 {
				fmt.Fprintf(&s, `<a epub:type="index-term" href="%s">%s</a>`, markup.Esc(x.target[e.Contribution]), markup.Esc(x.text(e.Key)))
			} else {
				fmt.Fprintf(&s, `<span epub:type="index-term">%s</span>`, markup.Esc(x.text(e.Key)))
			}
			if e.Contribution.Role != "" && !named {
				fmt.Fprintf(&s, " — %s", markup.Esc(x.text(e.Contribution.Role)))
			}
			if page > 0 {
				fmt.Fprintf(&s, `, <a epub:type="index-locator" href="%s">%d</a>`, markup.Esc(x.target[e.Contribution]), page)
			}
			s.WriteString("</li>\n")
		}
		s.WriteString("</ul>\n</section>\n")
	}
	s.WriteString("</section>\n")
	return doc{id: strings.TrimSuffix(file, ".xhtml"), file: file, title: title, body: s.String()}
}
