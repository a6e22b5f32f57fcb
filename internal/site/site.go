// Package site writes the web edition: a static site, one page per
// contributor whose link preview is their card, that works from any
// static host and from file:// (every link is relative, each page a file),
// with no script needed to read and no request to a third party.
//
// Contributor pages are <slug>.html beside index.html; their text comes
// from the same renderer as the EPUB (package markup). Absolute URLs (the
// canonical address, og:image, the sitemap) need book.yaml's url, which is
// taken as the address the site is published at.
package site

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	_ "image/jpeg" // photo sizes
	_ "image/png"  // photo sizes
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/imaging"
	"github.com/recueil/recueil/internal/markup"
	"github.com/recueil/recueil/internal/typo"
	"github.com/recueil/recueil/internal/work"
)

// Dir is the web edition's folder in the output.
const Dir = "site"

// Contributor is what the site knows of a contributor beyond the book:
// their pages in the PDF and their card.
type Contributor struct {
	First, Last int    // pages in the book's PDF; 0 when not typeset
	Card        []byte // the 1200×630 card (PNG), nil when not made or held by the caller
	// CardHeld says the card exists though Card is nil: the caller wrote
	// it as soon as it was drawn, and its Put is given nil for it and
	// links it in.
	CardHeld bool
	CardAlt  string // the card's alternative text
}

// Put writes one file of the site, rel relative to Dir. It is called from
// several goroutines at once when Options.Jobs > 1.
type Put func(rel string, data []byte) error

// Write writes the site of b: pub are the published contributions in book
// order, with what is known of them by slug. A draft site (compile
// --draft) says so in a banner at the top of every page and asks search
// engines not to index it.
func Write(put Put, b *book.Book, files fs.FS, extra map[string]Contributor, o Options) (book.Diagnostics, error) {
	w := &writer{b: b, files: files, extra: extra, loc: b.Locale(), draft: o.Draft, jobs: max(o.Jobs, 1), ctx: o.Context,
		done: &sync.Map{}, chars: &runeSet{}}
	if w.ctx == nil {
		w.ctx = context.Background()
	}
	w.put = put
	w.lang = w.loc.Tag.String()
	w.policies = &policies{b: b, m: map[string]book.Typography{}, set: map[[2]string]string{}}
	w.md = markup.Renderer{Lang: w.lang, Back: w.loc.BackToText, Image: w.bodyImage, Typography: w.policies.of, Memo: o.Memo}
	w.base = strings.TrimSuffix(markup.SafeURL(b.URL), "/")
	w.shared = w.makeShared()
	if err := w.all(); err != nil {
		return w.diags, err
	}
	return w.diags, nil
}

// Options are how the site is made.
type Options struct {
	Draft   bool // a banner on every page
	Jobs    int  // goroutines making the contributors' pages
	Context context.Context
	Memo    *typo.Memo // the typography the typesetter already set
}

type writer struct {
	b     *book.Book
	files fs.FS
	extra map[string]Contributor
	loc   book.Locale
	lang  string
	md    markup.Renderer
	base  string    // the published address, "" when book.yaml has no url
	put   Put       // safe for concurrent use
	done  *sync.Map // image source and size -> *madeImage
	diags book.Diagnostics
	pages []string // every page written but the contributors', for the sitemap
	draft bool     // a draft: a banner on every page
	jobs  int
	ctx   context.Context
	chars *runeSet // the characters of every page, for the fonts
	// policies are the book's typography by language, resolved once
	// (book.TypographyOf resolves the locale on every call).
	policies *policies
	shared   *shared // what every page in the writer's language shows
}

// policies memoises book.TypographyOf, for several goroutines.
type policies struct {
	b   *book.Book
	mu  sync.Mutex
	m   map[string]book.Typography
	set map[[2]string]string // lang and text -> the text set
}

// typo is typo.StringIn(p.of(lang), s), set once for each language and
// string: a contributor's name and role show on several pages.
func (p *policies) typo(lang, s string) string {
	k := [2]string{lang, s}
	p.mu.Lock()
	t, ok := p.set[k]
	p.mu.Unlock()
	if ok {
		return t
	}
	t = typo.StringIn(p.of(lang), s)
	p.mu.Lock()
	p.set[k] = t
	p.mu.Unlock()
	return t
}

func (p *policies) of(lang string) book.Typography {
	p.mu.Lock()
	defer p.mu.Unlock()
	t, ok := p.m[lang]
	if !ok {
		t = p.b.TypographyOf(lang)
		p.m[lang] = t
	}
	return t
}

// shared is what every page shares, set once in a language: the parts of
// the head, the header and the footer that do not depend on the page.
type shared struct {
	siteName  string // og:site_name, escaped
	ogLocale  string // og:locale, escaped
	title     string // the book's title with the typography, unescaped
	top       string // from the end of the head to <main>
	bottom    string // from </main> to the end
	downloads string // the links to the book's files
	prevNext  string // the previous/next nav's opening tag
	inTheBook string // "Dans le livre :", escaped
	offprint  string // the offprint's link text, escaped
}

func (w *writer) makeShared() *shared {
	sh := &shared{
		siteName:  markup.Esc(w.typo(w.b.Title)),
		ogLocale:  markup.Esc(strings.ReplaceAll(w.lang, "-", "_")),
		title:     w.typo(w.b.Title),
		prevNext:  "<nav class=\"prevnext\" aria-label=\"" + w.text(w.loc.Previous+" / "+w.loc.Next) + "\">\n",
		inTheBook: w.text(w.loc.Colon(w.loc.InTheBook)),
		offprint:  w.text(w.loc.Offprint),
	}
	a := w.b.Artifacts()
	sh.downloads = "<ul class=\"downloads\">\n<li><a href=\"../" + markup.Esc(a.PDF()) + "\">" + w.text(w.loc.ReadPDF) +
		"</a></li>\n<li><a href=\"../" + markup.Esc(a.EPUB()) + "\">" + w.text(w.loc.ReadEPUB) + "</a></li>\n</ul>\n"
	var s strings.Builder
	s.WriteString("</head>\n<body>\n")
	s.WriteString("<a class=\"skip\" href=\"#main\">" + w.text(w.loc.SkipToText) + "</a>\n")
	// A draft's banner is inside the header, so that every content of the
	// page stays in a landmark.
	draft := ""
	if w.draft {
		draft = "\n<p class=\"draft\" role=\"note\">" + w.text(w.loc.DraftNote) + "</p>\n"
	}
	s.WriteString("<header class=\"site\"><a href=\"index.html\">" + w.text(w.b.Title) + "</a>" + draft + "</header>\n")
	s.WriteString("<main id=\"main\">\n")
	sh.top = s.String()
	s.Reset()
	s.WriteString("</main>\n")
	s.WriteString("<footer class=\"site\">\n<nav aria-label=\"" + w.text(w.loc.TheBook) + "\"><ul>\n")
	s.WriteString("<li><a href=\"index.html\">" + w.text(w.loc.Contents) + "</a></li>\n")
	s.WriteString("<li><a href=\"contributeurs.html\">" + w.text(w.loc.ContributorsAZ) + "</a></li>\n")
	if len(w.b.Partners) > 0 {
		s.WriteString("<li><a href=\"partners.html\">" + w.text(w.loc.Partners) + "</a></li>\n")
	}
	s.WriteString("<li><a href=\"colophon.html\">" + w.text(w.loc.Colophon) + "</a></li>\n")
	s.WriteString("</ul></nav>\n</footer>\n</body>\n</html>\n")
	sh.bottom = s.String()
	return sh
}

// madeImage is an image of the site, made once however many pages show it.
type madeImage struct {
	once  sync.Once
	attrs string // its <img> attributes, "" when it could not be made
}

func (w *writer) text(s string) string { return markup.Esc(w.typo(s)) }

// typo sets s with the policy of the writer's language and the book's house style.
func (w *writer) typo(s string) string { return w.policies.typo(w.lang, s) }

// inline is text with the superscripts of the typography (1er, XIXe, Mme),
// for what is shown in the page, not in a title element or an attribute.
func (w *writer) inline(s string) string { return markup.Inline(w.lang, typo.String(w.lang, s)) }

func (w *writer) all() error {
	pub := w.b.Published()
	for _, f := range []struct {
		name string
		data string
	}{{"search.js", searchJS}} {
		if err := w.put(f.name, []byte(f.data)); err != nil {
			return err
		}
	}
	if err := w.home(pub); err != nil {
		return err
	}
	if _, err := work.Map(w.ctx, len(pub), w.jobs, func(i int) (struct{}, error) {
		var prev, next *book.Contribution
		if i > 0 {
			prev = pub[i-1]
		}
		if i+1 < len(pub) {
			next = pub[i+1]
		}
		return struct{}{}, w.contributor(pub[i], prev, next)
	}); err != nil {
		return err
	}
	for _, c := range pub { // in the sitemap in book order, whatever order they were made in
		w.pages = append(w.pages, c.Slug+".html")
	}
	if err := w.az(); err != nil {
		return err
	}
	if w.b.Afterword != nil {
		if err := w.editorial("afterword.html", w.b.Afterword, w.loc.Afterword); err != nil {
			return err
		}
	}
	if len(w.b.Partners) > 0 {
		if err := w.partners(); err != nil {
			return err
		}
	}
	if err := w.colophon(); err != nil {
		return err
	}
	if err := w.searchIndex(pub); err != nil {
		return err
	}
	// The style sheet last: its fonts hold the characters of every page.
	faces, err := w.fonts()
	if err != nil {
		return err
	}
	if err := w.put("style.css", []byte(faces+css)); err != nil {
		return err
	}
	return w.sitemap()
}

// head is what every page shares.
type head struct {
	title, description, file string
	image, imageAlt          string // og:image, a path in the site
	article                  bool
	jsonLD                   any
}

func (w *writer) page(h head, body string) error {
	sh := w.shared
	var s strings.Builder
	s.Grow(len(body) + len(sh.top) + len(sh.bottom) + 3072)
	s.WriteString("<!DOCTYPE html>\n")
	s.WriteString("<html lang=\"" + markup.Esc(w.loc.Tag.String()) + "\">\n<head>\n<meta charset=\"utf-8\">\n") // the book's, even on a page whose text is in another
	s.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	title := markup.Esc(h.title)
	s.WriteString("<title>" + title + "</title>\n")
	description := ""
	if h.description != "" {
		description = markup.Esc(h.description)
		s.WriteString("<meta name=\"description\" content=\"" + description + "\">\n")
	}
	s.WriteString("<link rel=\"stylesheet\" href=\"style.css\">\n")
	if w.draft {
		s.WriteString("<meta name=\"robots\" content=\"noindex\">\n")
	}
	kind := "website"
	if h.article {
		kind = "article"
	}
	s.WriteString("<meta property=\"og:type\" content=\"" + kind + "\">\n")
	s.WriteString("<meta property=\"og:title\" content=\"" + title + "\">\n")
	s.WriteString("<meta property=\"og:site_name\" content=\"" + sh.siteName + "\">\n")
	s.WriteString("<meta property=\"og:locale\" content=\"" + sh.ogLocale + "\">\n")
	if h.description != "" {
		s.WriteString("<meta property=\"og:description\" content=\"" + description + "\">\n")
	}
	if w.base != "" {
		u := w.base + "/" + h.file
		if h.file == "index.html" {
			u = w.base + "/"
		}
		u = markup.Esc(u)
		s.WriteString("<link rel=\"canonical\" href=\"" + u + "\">\n<meta property=\"og:url\" content=\"" + u + "\">\n")
		if h.image != "" {
			s.WriteString("<meta property=\"og:image\" content=\"" + markup.Esc(w.base+"/"+h.image) + "\">\n")
			s.WriteString("<meta property=\"og:image:type\" content=\"image/png\">\n<meta property=\"og:image:width\" content=\"1200\">\n<meta property=\"og:image:height\" content=\"630\">\n")
			s.WriteString("<meta property=\"og:image:alt\" content=\"" + markup.Esc(h.imageAlt) + "\">\n")
			s.WriteString("<meta name=\"twitter:card\" content=\"summary_large_image\">\n")
		}
	}
	if h.jsonLD != nil {
		raw, err := json.Marshal(h.jsonLD) // escapes <, > and &: safe in a script
		if err != nil {
			return err
		}
		s.WriteString("<script type=\"application/ld+json\">")
		s.Write(raw)
		s.WriteString("</script>\n")
	}
	s.WriteString(sh.top)
	s.WriteString(body)
	s.WriteString(sh.bottom)
	if !h.article { // a contributor's page: all() lists them
		w.pages = append(w.pages, h.file)
	}
	w.chars.add(s.String())
	return w.put(h.file, []byte(s.String()))
}

// downloads are the links to the book's files, beside the site in the
// output folder.
func (w *writer) downloads() string { return w.shared.downloads }

func (w *writer) home(pub []*book.Contribution) error {
	b := w.b
	var s strings.Builder
	s.WriteString("<div class=\"book\">\n")
	if b.Cover != "" {
		if img := w.image(b.Cover, "cover", 600, w.text(w.loc.Colon(w.loc.Cover)+b.Title)); img != "" {
			s.WriteString("<div class=\"cover\">" + img + "</div>\n")
		}
	}
	s.WriteString("<div>\n")
	fmt.Fprintf(&s, "<h1>%s</h1>\n", w.text(b.Title))
	if b.Subtitle != "" {
		fmt.Fprintf(&s, "<p class=\"subtitle\">%s</p>\n", w.text(b.Subtitle))
	}
	if line := w.loc.EditedBy(b.Editors); line != "" {
		fmt.Fprintf(&s, "<p class=\"editors\">%s</p>\n", w.text(line))
	}
	s.WriteString(w.downloads())
	s.WriteString("</div>\n</div>\n")
	if b.Introduction != nil {
		fmt.Fprintf(&s, "<section class=\"editorial\" aria-labelledby=\"intro\">\n<h2 id=\"intro\">%s</h2>\n", w.text(nonEmpty(b.Introduction.Title, w.loc.Introduction)))
		w.md.Blocks(&s, b.Introduction.Body, markup.NewOutline(b.Introduction.Body, 3), b.Introduction.Path)
		w.md.Notes(&s, b.Introduction.Notes, b.Introduction.Path)
		s.WriteString("</section>\n")
	}
	fmt.Fprintf(&s, "<section aria-labelledby=\"toc\">\n<h2 id=\"toc\">%s</h2>\n", w.text(w.loc.Contents))
	section := "\x00"
	open := false
	for _, c := range pub {
		if len(b.Sections) > 0 && c.Section != section {
			if open {
				s.WriteString("</ul>\n")
			}
			section = c.Section
			if section != "" {
				fmt.Fprintf(&s, "<h3>%s</h3>\n", w.text(section))
			}
			s.WriteString("<ul class=\"toc\">\n")
			open = true
		}
		if !open {
			s.WriteString("<ul class=\"toc\">\n")
			open = true
		}
		fmt.Fprintf(&s, "<li><a href=\"%s\">%s</a>%s</li>\n", c.Slug+".html", w.text(c.Name), w.roleLine(c, " — "))
	}
	if open {
		s.WriteString("</ul>\n")
	}
	if b.Afterword != nil {
		fmt.Fprintf(&s, "<p><a href=\"afterword.html\">%s</a></p>\n", w.text(nonEmpty(b.Afterword.Title, w.loc.Afterword)))
	}
	s.WriteString("</section>\n")
	ld := ldBook{Context: schemaOrg, Type: "Book", Name: b.Title, InLanguage: w.lang}
	for _, c := range pub {
		ld.HasPart = append(ld.HasPart, ldPart{Type: "Chapter", Name: w.typo(c.Name), URL: w.url(c.Slug + ".html"), Author: w.person(c)})
	}
	for _, e := range b.Editors {
		ld.Editor = append(ld.Editor, ldPerson{Type: "Person", Name: e})
	}
	if w.base != "" {
		ld.URL = w.base + "/"
	}
	return w.page(head{title: w.typo(b.Title), description: w.typo(b.Subtitle), file: "index.html", jsonLD: ld}, s.String())
}

func (w *writer) roleLine(c *book.Contribution, sep string) string {
	r := strings.Join(nonEmptyList(c.Role, c.Organization), ", ")
	if r == "" {
		return ""
	}
	return sep + "<span class=\"role\">" + w.text(r) + "</span>"
}

func (w *writer) url(rel string) string {
	if w.base == "" {
		return rel
	}
	return w.base + "/" + rel
}

// The schema.org JSON-LD of the pages, as structs whose fields are in the
// order of their names (the order encoding/json gives a map's keys).
const schemaOrg = "https://schema.org"

type ldBook struct {
	Context    string     `json:"@context"`
	Type       string     `json:"@type"`
	Editor     []ldPerson `json:"editor,omitempty"`
	HasPart    []ldPart   `json:"hasPart"`
	InLanguage string     `json:"inLanguage"`
	Name       string     `json:"name"`
	URL        string     `json:"url,omitempty"`
}

type ldPart struct {
	Type   string   `json:"@type"`
	Author ldPerson `json:"author"`
	Name   string   `json:"name"`
	URL    string   `json:"url"`
}

type ldChapter struct {
	Context    string   `json:"@context"`
	Type       string   `json:"@type"`
	Author     ldPerson `json:"author"`
	InLanguage string   `json:"inLanguage"`
	IsPartOf   ldRef    `json:"isPartOf"`
	Name       string   `json:"name"`
	PageEnd    int      `json:"pageEnd,omitempty"`
	PageStart  int      `json:"pageStart,omitempty"`
}

type ldRef struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type ldPerson struct {
	Type     string   `json:"@type"`
	JobTitle string   `json:"jobTitle,omitempty"`
	Name     string   `json:"name"`
	SameAs   []string `json:"sameAs,omitempty"`
	WorksFor *ldOrg   `json:"worksFor,omitempty"`
}

type ldOrg struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

func (w *writer) person(c *book.Contribution) ldPerson {
	p := ldPerson{Type: "Person", Name: c.Name, JobTitle: c.Role}
	if c.Organization != "" {
		p.WorksFor = &ldOrg{Type: "Organization", Name: c.Organization}
	}
	for _, l := range c.ShownLinks() { // links, then the LinkedIn profile
		if u := markup.SafeURL(l); u != "" {
			p.SameAs = append(p.SameAs, u)
		}
	}
	return p
}

func (w *writer) contributor(c *book.Contribution, prev, next *book.Contribution) error {
	x := w.extra[c.Slug]
	article := `<article class="contribution">`
	if c.Lang != "" && c.Lang != w.lang {
		// A text of a mixed book in another language: its own
		// typography, and its language said (the page's labels stay in
		// the book's).
		cw := *w
		cw.lang, cw.md.Lang = c.Lang, c.Lang
		cw.shared = cw.makeShared()
		w = &cw
		article = fmt.Sprintf(`<article class="contribution" lang="%s">`, markup.Esc(c.Lang))
	}
	var s strings.Builder
	s.WriteString(article + "\n<header class=\"opening\">\n<div>\n")
	fmt.Fprintf(&s, "<h1>%s</h1>\n", w.text(c.Name))
	if r := strings.Join(nonEmptyList(c.Role, c.Organization), ", "); r != "" {
		fmt.Fprintf(&s, "<p class=\"role\">%s</p>\n", w.inline(r))
	}
	var meta []string
	if c.City != "" {
		meta = append(meta, w.text(c.City))
	}
	if h := strings.TrimSpace(c.Handle); h != "" {
		if u := markup.SafeURL(book.HandleURL(h)); u != "" { // X, Mastodon or Bluesky
			meta = append(meta, fmt.Sprintf("<a href=\"%s\">%s</a>", markup.Esc(u), markup.Esc(h)))
		}
	}
	if len(meta) > 0 {
		fmt.Fprintf(&s, "<p class=\"meta\">%s</p>\n", strings.Join(meta, " · "))
	}
	var links []string
	for _, l := range c.ShownLinks() { // links, then the LinkedIn profile
		if u := markup.SafeURL(l); u != "" {
			links = append(links, fmt.Sprintf("<li><a href=\"%s\">%s</a></li>", markup.Esc(u), markup.Esc(markup.DisplayURL(u))))
		}
	}
	if len(links) > 0 {
		fmt.Fprintf(&s, "<ul class=\"links\">\n%s\n</ul>\n", strings.Join(links, "\n"))
	}
	s.WriteString("</div>\n")
	if c.Photo != "" {
		if img := w.image(c.Photo, "photo", 320, w.text(c.PortraitAlt(w.loc.Labels))); img != "" {
			s.WriteString("<div class=\"photo\">" + img + "</div>\n")
		}
	}
	s.WriteString("</header>\n")
	base := 2
	if c.Title != "" {
		fmt.Fprintf(&s, "<h2 class=\"title\">%s</h2>\n", w.inline(c.Title))
		base = 3
	}
	if c.Extract != "" {
		fmt.Fprintf(&s, "<blockquote class=\"extract\"><p>%s</p></blockquote>\n", w.text(c.Extract))
	}
	s.WriteString("<div class=\"text\">\n")
	w.md.Blocks(&s, c.Body, markup.NewOutline(c.Body, base), c.Path)
	w.md.Notes(&s, c.Notes, c.Path)
	s.WriteString("</div>\n")
	s.WriteString("<aside class=\"inbook\">\n")
	if x.First > 0 {
		pages := strconv.Itoa(x.First)
		if x.Last > x.First {
			pages += "–" + strconv.Itoa(x.Last)
		}
		s.WriteString("<p>" + w.shared.inTheBook + " p.\u00a0" + pages + " · <a href=\"../" + markup.Esc(w.b.Artifacts().Offprint(c.Slug)) + "\">" + w.shared.offprint + "</a></p>\n")
	}
	s.WriteString(w.downloads())
	s.WriteString("</aside>\n</article>\n")
	s.WriteString(w.shared.prevNext)
	if prev != nil {
		s.WriteString("<a rel=\"prev\" href=\"" + prev.Slug + ".html\">← " + w.text(prev.Name) + "</a>\n")
	}
	if next != nil {
		s.WriteString("<a rel=\"next\" href=\"" + next.Slug + ".html\">" + w.text(next.Name) + " →</a>\n")
	}
	s.WriteString("</nav>\n")
	h := head{title: w.typo(c.Name) + " — " + w.shared.title, file: c.Slug + ".html", article: true,
		description: w.typo(strings.Join(strings.Fields(c.Extract), " "))}
	if x.Card != nil || x.CardHeld {
		h.image = "cards/" + c.Slug + ".png"
		h.imageAlt = x.CardAlt
		if err := w.put(h.image, x.Card); err != nil {
			return err
		}
	}
	ld := ldChapter{Context: schemaOrg, Type: "Chapter", Name: w.typo(nonEmpty(c.Title, c.Name)),
		InLanguage: w.lang, Author: w.person(c),
		IsPartOf: ldRef{Type: "Book", Name: w.b.Title, URL: w.url("")}}
	if x.First > 0 {
		ld.PageStart, ld.PageEnd = x.First, max(x.First, x.Last)
	}
	h.jsonLD = ld
	return w.page(h, s.String())
}

func (w *writer) az() error {
	var s strings.Builder
	fmt.Fprintf(&s, "<h1>%s</h1>\n", w.text(w.loc.ContributorsAZ))
	fmt.Fprintf(&s, "<form class=\"search\" role=\"search\" hidden>\n<label for=\"q\">%s</label>\n<input id=\"q\" type=\"search\" autocomplete=\"off\" placeholder=\"%s\">\n<p id=\"results\" aria-live=\"polite\" data-none=\"%s\"></p>\n</form>\n",
		w.text(w.loc.Search), w.text(w.loc.SearchHint), w.text(w.loc.NoResult))
	for _, g := range w.b.Index() {
		fmt.Fprintf(&s, "<h2>%s</h2>\n<ul class=\"az\">\n", markup.Esc(g.Letter))
		for _, e := range g.Entries {
			c := e.Contribution
			fmt.Fprintf(&s, "<li><a href=\"%s\">%s</a>%s</li>\n", c.Slug+".html", w.text(e.Key), w.roleLine(c, " — "))
		}
		s.WriteString("</ul>\n")
	}
	s.WriteString("<script src=\"search.js\" defer></script>\n")
	return w.page(head{title: w.typo(w.loc.ContributorsAZ + " — " + w.b.Title), file: "contributeurs.html"}, s.String())
}

func (w *writer) editorial(file string, e *book.Editorial, fallback string) error {
	var s strings.Builder
	title := nonEmpty(e.Title, fallback)
	fmt.Fprintf(&s, "<article class=\"editorial\">\n<h1>%s</h1>\n", w.text(title))
	w.md.Blocks(&s, e.Body, markup.NewOutline(e.Body, 2), e.Path)
	w.md.Notes(&s, e.Notes, e.Path)
	s.WriteString("</article>\n")
	return w.page(head{title: w.typo(title + " — " + w.b.Title), file: file}, s.String())
}

func (w *writer) partners() error {
	var s strings.Builder
	fmt.Fprintf(&s, "<h1>%s</h1>\n<ul class=\"partners\">\n", w.text(w.loc.Partners))
	for _, p := range w.b.Partners {
		name := w.text(p.Name)
		label := name
		if p.Logo != "" {
			if img := w.image(p.Logo, "logo", 280, name); img != "" {
				label = img
			}
		}
		if u := markup.SafeURL(p.URL); u != "" {
			label = fmt.Sprintf("<a href=\"%s\">%s</a>", markup.Esc(u), label)
		}
		fmt.Fprintf(&s, "<li>%s</li>\n", label)
	}
	s.WriteString("</ul>\n")
	return w.page(head{title: w.typo(w.loc.Partners + " — " + w.b.Title), file: "partners.html"}, s.String())
}

func (w *writer) colophon() error {
	b := w.b
	var s strings.Builder
	fmt.Fprintf(&s, "<h1>%s</h1>\n<dl class=\"colophon\">\n", w.text(w.loc.Colophon))
	for _, f := range [][2]string{{w.loc.Publisher, b.Publisher}, {w.loc.Edition, b.Edition}, {w.loc.License, b.License}, {w.loc.Identifier, b.Identifier}, {w.loc.SourceVersion, b.Version}} {
		if strings.TrimSpace(f[1]) != "" {
			fmt.Fprintf(&s, "<dt>%s</dt><dd>%s</dd>\n", w.text(f[0]), w.inline(f[1]))
		}
	}
	s.WriteString("</dl>\n")
	fmt.Fprintf(&s, "<p>%s</p>\n", w.text(w.loc.TypesetWith))
	s.WriteString(w.downloads())
	return w.page(head{title: w.typo(w.loc.Colophon + " — " + b.Title), file: "colophon.html"}, s.String())
}

// image writes an image of the book into images/, no wider than px CSS
// pixels (and a 2× version for dense screens), and returns its <img>; ""
// when it cannot be read (the PDF writer reports it).
func (w *writer) image(src, class string, px int, alt string) string {
	v, _ := w.done.LoadOrStore(src+"\x00"+strconv.Itoa(px), &madeImage{})
	m := v.(*madeImage)
	m.once.Do(func() { m.attrs = w.makeImage(src, px) })
	if m.attrs == "" {
		return ""
	}
	return fmt.Sprintf("<img class=\"%s\" %s alt=\"%s\">", class, m.attrs, alt)
}

// makeImage writes src's versions at px and twice px (when the original
// is that large) and returns the <img> attributes that show them.
func (w *writer) makeImage(src string, px int) string {
	data, err := fs.ReadFile(w.files, src)
	if err != nil {
		return ""
	}
	stem := "images/" + markup.FileSafe(strings.TrimSuffix(src, "."+ext(src)))
	var srcset []string
	var first string
	var width, height int
	made, err := imaging.NormalizeSides(data, px, 2*px) // decoded once for both
	if err != nil {
		return ""
	}
	for k, scale := range []int{1, 2} {
		img := made[k]
		cfg, _, err := image.DecodeConfig(bytes.NewReader(img.Data))
		if err != nil {
			return ""
		}
		name := fmt.Sprintf("%s-%d.%s", stem, px*scale, strings.ToLower(strings.Replace(img.Type, "JPG", "jpg", 1)))
		if err := w.put(name, img.Data); err != nil {
			return ""
		}
		if scale == 1 {
			first, width, height = name, cfg.Width, cfg.Height
		}
		srcset = append(srcset, fmt.Sprintf("%s %dx", name, scale))
		if max(cfg.Width, cfg.Height) < px*scale {
			break // the original is no larger: no 2× version
		}
	}
	return fmt.Sprintf("src=\"%s\" srcset=\"%s\" width=\"%d\" height=\"%d\"", markup.Esc(first), markup.Esc(strings.Join(srcset, ", ")), width, height)
}

func (w *writer) bodyImage(src, alt, file string, line int) string {
	if img := w.image(src, "figure", 640, markup.Esc(alt)); img != "" {
		return "<figure>" + img + "</figure>\n"
	}
	return ""
}

// searchIndex writes search-index.js: for each contributor, the page, the
// name, role and organisation, and the distinct words of the text (folded,
// five letters or more), which search.js matches as the reader types.
func (w *writer) searchIndex(pub []*book.Contribution) error {
	type entry struct {
		U string `json:"u"`
		N string `json:"n"`
		R string `json:"r,omitempty"`
		W string `json:"w"`
	}
	var out []entry
	f := &folder{}
	for _, c := range pub {
		out = append(out, entry{U: c.Slug + ".html", N: c.Name, R: strings.Join(nonEmptyList(c.Role, c.Organization), ", "), W: f.words(book.BlocksText(c.Body) + " " + c.Title)})
	}
	raw, err := json.Marshal(out)
	if err != nil {
		return err
	}
	// A script, not a JSON file to fetch: it loads from file:// too.
	return w.put("search-index.js", append(append([]byte("window.recueilSearch = "), raw...), ";\n"...))
}

func notLetter(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }

// folder finds the words of the search index: those of
// strings.FieldsFunc(book.FoldAccents(strings.ToLower(text)), notLetter)
// of five letters or more, each once, in order, joined by spaces. It
// folds rune by rune, ASCII directly and any other rune through
// FoldAccents once per distinct rune (the marks that a decomposition
// reorders are dropped or split words either way, so folding a rune
// alone gives the same letters as folding the whole text).
type folder struct {
	fold map[rune]string // a non-ASCII rune, lowercased, folded
	seen map[string]bool
	word []byte
	out  []byte
}

func (f *folder) words(text string) string {
	if f.fold == nil {
		f.fold = map[rune]string{}
	}
	f.seen = map[string]bool{}
	f.word, f.out = f.word[:0], f.out[:0]
	for _, r := range text {
		if r < 0x80 {
			f.add(byte(unicode.ToLower(r)))
			continue
		}
		r = unicode.ToLower(r)
		folded, ok := f.fold[r]
		if !ok {
			folded = book.FoldAccents(string(r))
			f.fold[r] = folded
		}
		for i := 0; i < len(folded); i++ {
			f.add(folded[i])
		}
	}
	f.add(' ')
	return string(f.out)
}

// add adds a byte of the folded text: a letter or digit to the word, any
// other byte ends it.
func (f *folder) add(c byte) {
	if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
		f.word = append(f.word, c)
		return
	}
	if len(f.word) >= 5 && !f.seen[string(f.word)] {
		f.seen[string(f.word)] = true
		if len(f.out) > 0 {
			f.out = append(f.out, ' ')
		}
		f.out = append(f.out, f.word...)
	}
	f.word = f.word[:0]
}

func (w *writer) sitemap() error {
	if w.base == "" {
		return nil
	}
	var s strings.Builder
	s.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
	for _, p := range w.pages {
		u := w.base + "/" + p
		if p == "index.html" {
			u = w.base + "/"
		}
		fmt.Fprintf(&s, "<url><loc>%s</loc></url>\n", markup.Esc(u))
	}
	s.WriteString("</urlset>\n")
	return w.put("sitemap.xml", []byte(s.String()))
}

func nonEmpty(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

func nonEmptyList(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			out = append(out, x)
		}
	}
	return out
}

func ext(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[i+1:]
	}
	return ""
}
