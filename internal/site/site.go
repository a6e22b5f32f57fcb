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
	w.md = markup.Renderer{Lang: w.lang, Back: w.loc.BackToText, Image: w.bodyImage, Typography: b.TypographyOf}
	w.base = strings.TrimSuffix(markup.SafeURL(b.URL), "/")
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
}

// madeImage is an image of the site, made once however many pages show it.
type madeImage struct {
	once  sync.Once
	attrs string // its <img> attributes, "" when it could not be made
}

func (w *writer) text(s string) string { return markup.Esc(w.typo(s)) }

// typo sets s with the policy of the writer's language and the book's house style.
func (w *writer) typo(s string) string { return typo.StringIn(w.b.TypographyOf(w.lang), s) }

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
	var s strings.Builder
	s.WriteString("<!DOCTYPE html>\n")
	fmt.Fprintf(&s, "<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", markup.Esc(w.loc.Tag.String())) // the book's, even on a page whose text is in another
	s.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&s, "<title>%s</title>\n", markup.Esc(h.title))
	if h.description != "" {
		fmt.Fprintf(&s, "<meta name=\"description\" content=\"%s\">\n", markup.Esc(h.description))
	}
	s.WriteString("<link rel=\"stylesheet\" href=\"style.css\">\n")
	if w.draft {
		s.WriteString("<meta name=\"robots\" content=\"noindex\">\n")
	}
	kind := "website"
	if h.article {
		kind = "article"
	}
	fmt.Fprintf(&s, "<meta property=\"og:type\" content=\"%s\">\n", kind)
	fmt.Fprintf(&s, "<meta property=\"og:title\" content=\"%s\">\n", markup.Esc(h.title))
	fmt.Fprintf(&s, "<meta property=\"og:site_name\" content=\"%s\">\n", markup.Esc(w.typo(w.b.Title)))
	fmt.Fprintf(&s, "<meta property=\"og:locale\" content=\"%s\">\n", markup.Esc(strings.ReplaceAll(w.lang, "-", "_")))
	if h.description != "" {
		fmt.Fprintf(&s, "<meta property=\"og:description\" content=\"%s\">\n", markup.Esc(h.description))
	}
	if w.base != "" {
		u := w.base + "/" + h.file
		if h.file == "index.html" {
			u = w.base + "/"
		}
		fmt.Fprintf(&s, "<link rel=\"canonical\" href=\"%s\">\n<meta property=\"og:url\" content=\"%s\">\n", markup.Esc(u), markup.Esc(u))
		if h.image != "" {
			fmt.Fprintf(&s, "<meta property=\"og:image\" content=\"%s\">\n", markup.Esc(w.base+"/"+h.image))
			s.WriteString("<meta property=\"og:image:type\" content=\"image/png\">\n<meta property=\"og:image:width\" content=\"1200\">\n<meta property=\"og:image:height\" content=\"630\">\n")
			fmt.Fprintf(&s, "<meta property=\"og:image:alt\" content=\"%s\">\n", markup.Esc(h.imageAlt))
			s.WriteString("<meta name=\"twitter:card\" content=\"summary_large_image\">\n")
		}
	}
	if h.jsonLD != nil {
		raw, err := json.Marshal(h.jsonLD) // escapes <, > and &: safe in a script
		if err != nil {
			return err
		}
		fmt.Fprintf(&s, "<script type=\"application/ld+json\">%s</script>\n", raw)
	}
	s.WriteString("</head>\n<body>\n")
	fmt.Fprintf(&s, "<a class=\"skip\" href=\"#main\">%s</a>\n", w.text(w.loc.SkipToText))
	// A draft's banner is inside the header, so that every content of the
	// page stays in a landmark.
	draft := ""
	if w.draft {
		draft = fmt.Sprintf("\n<p class=\"draft\" role=\"note\">%s</p>\n", w.text(w.loc.DraftNote))
	}
	fmt.Fprintf(&s, "<header class=\"site\"><a href=\"index.html\">%s</a>%s</header>\n", w.text(w.b.Title), draft)
	fmt.Fprintf(&s, "<main id=\"main\">\n%s</main>\n", body)
	s.WriteString("<footer class=\"site\">\n<nav aria-label=\"" + w.text(w.loc.TheBook) + "\"><ul>\n")
	fmt.Fprintf(&s, "<li><a href=\"index.html\">%s</a></li>\n", w.text(w.loc.Contents))
	fmt.Fprintf(&s, "<li><a href=\"contributeurs.html\">%s</a></li>\n", w.text(w.loc.ContributorsAZ))
	if len(w.b.Partners) > 0 {
		fmt.Fprintf(&s, "<li><a href=\"partners.html\">%s</a></li>\n", w.text(w.loc.Partners))
	}
	fmt.Fprintf(&s, "<li><a href=\"colophon.html\">%s</a></li>\n", w.text(w.loc.Colophon))
	s.WriteString("</ul></nav>\n</footer>\n</body>\n</html>\n")
	if !h.article { // a contributor's page: all() lists them
		w.pages = append(w.pages, h.file)
	}
	w.chars.add(s.String())
	return w.put(h.file, []byte(s.String()))
}

// downloads are the links to the book's files, beside the site in the
// output folder.
func (w *writer) downloads() string {
	a := w.b.Artifacts()
	return fmt.Sprintf("<ul class=\"downloads\">\n<li><a href=\"../%s\">%s</a></li>\n<li><a href=\"../%s\">%s</a></li>\n</ul>\n",
		markup.Esc(a.PDF()), w.text(w.loc.ReadPDF), markup.Esc(a.EPUB()), w.text(w.loc.ReadEPUB))
}

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
	var parts []any
	for _, c := range pub {
		parts = append(parts, map[string]any{"@type": "Chapter", "name": w.typo(c.Name), "url": w.url(c.Slug + ".html"),
			"author": w.person(c)})
	}
	ld := map[string]any{"@context": "https://schema.org", "@type": "Book", "name": b.Title, "inLanguage": w.lang, "hasPart": parts}
	if len(b.Editors) > 0 {
		var eds []any
		for _, e := range b.Editors {
			eds = append(eds, map[string]any{"@type": "Person", "name": e})
		}
		ld["editor"] = eds
	}
	if w.base != "" {
		ld["url"] = w.base + "/"
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

func (w *writer) person(c *book.Contribution) map[string]any {
	p := map[string]any{"@type": "Person", "name": c.Name}
	if c.Role != "" {
		p["jobTitle"] = c.Role
	}
	if c.Organization != "" {
		p["worksFor"] = map[string]any{"@type": "Organization", "name": c.Organization}
	}
	var same []string
	for _, l := range c.ShownLinks() { // links, then the LinkedIn profile
		if u := markup.SafeURL(l); u != "" {
			same = append(same, u)
		}
	}
	if len(same) > 0 {
		p["sameAs"] = same
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
	a := w.b.Artifacts()
	s.WriteString("<aside class=\"inbook\">\n")
	if x.First > 0 {
		pages := strconv.Itoa(x.First)
		if x.Last > x.First {
			pages += "–" + strconv.Itoa(x.Last)
		}
		fmt.Fprintf(&s, "<p>%s p.\u00a0%s · <a href=\"../%s\">%s</a></p>\n", w.text(w.loc.Colon(w.loc.InTheBook)), pages,
			markup.Esc(a.Offprint(c.Slug)), w.text(w.loc.Offprint))
	}
	s.WriteString(w.downloads())
	s.WriteString("</aside>\n</article>\n")
	s.WriteString("<nav class=\"prevnext\" aria-label=\"" + w.text(w.loc.Previous+" / "+w.loc.Next) + "\">\n")
	if prev != nil {
		fmt.Fprintf(&s, "<a rel=\"prev\" href=\"%s\">← %s</a>\n", prev.Slug+".html", w.text(prev.Name))
	}
	if next != nil {
		fmt.Fprintf(&s, "<a rel=\"next\" href=\"%s\">%s →</a>\n", next.Slug+".html", w.text(next.Name))
	}
	s.WriteString("</nav>\n")
	h := head{title: w.typo(c.Name) + " — " + w.typo(w.b.Title), file: c.Slug + ".html", article: true,
		description: w.typo(strings.Join(strings.Fields(c.Extract), " "))}
	if x.Card != nil || x.CardHeld {
		h.image = "cards/" + c.Slug + ".png"
		h.imageAlt = x.CardAlt
		if err := w.put(h.image, x.Card); err != nil {
			return err
		}
	}
	ld := map[string]any{"@context": "https://schema.org", "@type": "Chapter", "name": w.typo(nonEmpty(c.Title, c.Name)),
		"inLanguage": w.lang, "author": w.person(c),
		"isPartOf": map[string]any{"@type": "Book", "name": w.b.Title, "url": w.url("")}}
	if x.First > 0 {
		ld["pageStart"], ld["pageEnd"] = x.First, max(x.First, x.Last)
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
	for _, scale := range []int{1, 2} {
		img, err := imaging.Normalize(data, px*scale)
		if err != nil {
			return ""
		}
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
	for _, c := range pub {
		seen := map[string]bool{}
		var words []string
		for _, f := range strings.FieldsFunc(book.FoldAccents(strings.ToLower(book.BlocksText(c.Body)+" "+c.Title)), notLetter) {
			if len(f) >= 5 && !seen[f] {
				seen[f] = true
				words = append(words, f)
			}
		}
		out = append(out, entry{U: c.Slug + ".html", N: c.Name, R: strings.Join(nonEmptyList(c.Role, c.Organization), ", "), W: strings.Join(words, " ")})
	}
	raw, err := json.Marshal(out)
	if err != nil {
		return err
	}
	// A script, not a JSON file to fetch: it loads from file:// too.
	return w.put("search-index.js", append(append([]byte("window.recueilSearch = "), raw...), ";\n"...))
}

func notLetter(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }

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
