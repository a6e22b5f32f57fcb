package share

import (
	"fmt"
	"html/template"
	"io"

	"github.com/recueil/recueil/internal/book"
)

// labels are the words of share.html.
type labels struct {
	Title, Intro, Alt, Post, Square, Portrait, Offprint, Pages, Page, Card, NoPages, WebPage string
}

func labelsFor(b *book.Book) labels {
	l := b.Locale()
	return labels{
		Title: l.ShareKit, Intro: l.ShareIntro, Alt: l.CardAlt, Post: l.ReadyPost,
		Square: l.SquareCard, Portrait: l.PortraitCard, Offprint: l.Offprint, Pages: l.Pages, Page: l.Page, Card: l.WideCard, WebPage: l.WebPage,
	}
}

const page = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>{{.L.Title}} · {{.Book.Title}}</title>
<style>
body { font-family: "Liberation Sans", Arial, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1.5rem; color: #1d1d1f; background: #f6f5f2; line-height: 1.45; }
h1 { font-family: "Liberation Serif", Georgia, serif; font-weight: normal; margin-bottom: 0.2rem; }
.intro { max-width: 48rem; }
.book a { color: inherit; }
article { background: #fff; border-radius: 0.6rem; padding: 1.2rem; margin: 1.5rem 0; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.2rem; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.12); }
article h2 { grid-column: 1 / -1; margin: 0; font-size: 1.25rem; }
article h2 small { font-weight: normal; color: #555; }
img { width: 100%; height: auto; border-radius: 0.3rem; display: block; }
h3 { font-size: 0.95rem; margin: 0 0 0.3rem; }
.alt { white-space: pre-line; font-size: 0.9rem; background: #f3f3f3; padding: 0.6rem; border-radius: 0.3rem; margin: 0 0 1rem; }
textarea { width: 100%; box-sizing: border-box; font: inherit; font-size: 0.95rem; padding: 0.6rem; border: 1px solid #bbb; border-radius: 0.3rem; resize: vertical; }
ul.links { padding-left: 1.1rem; }
@media (max-width: 48rem) { article { grid-template-columns: minmax(0, 1fr); } }
</style>
</head>
<body>
<header>
<h1>{{.L.Title}}</h1>
<p class="book"><strong>{{.Book.Title}}</strong>{{if .Book.Hashtag}} · {{.Book.Hashtag}}{{end}}{{if .Book.URL}} · <a href="{{.Book.URL}}">{{.Book.URL}}</a>{{end}}</p>
<p class="intro">{{.L.Intro}}</p>
</header>
<main>
{{range .Entries}}<article id="{{.Slug}}">
<h2>{{.Name}}{{if .Handle}} <small>{{.Handle}}</small>{{end}}{{if .Pages}} <small>· {{.Pages}}</small>{{end}}</h2>
<div>
<img src="{{.Card}}" alt="{{.Alt}}" width="1200" height="630" loading="lazy" />
</div>
<div>
<h3>{{$.L.Alt}}</h3>
<p class="alt">{{.Alt}}</p>
{{$slug := .Slug}}{{range .Nets}}<h3><label for="post-{{$slug}}-{{.Name}}">{{$.L.Post}} · {{.Label}}</label></h3>
<textarea id="post-{{$slug}}-{{.Name}}" readonly="readonly" rows="6">{{.Text}}</textarea>
{{end}}
<ul class="links">
{{if .Card}}<li><a href="{{.Card}}">{{$.L.Card}}</a></li>
{{end}}{{if .CardSquare}}<li><a href="{{.CardSquare}}">{{$.L.Square}}</a></li>
{{end}}{{if .CardPortrait}}<li><a href="{{.CardPortrait}}">{{$.L.Portrait}}</a></li>
{{end}}{{if .Offprint}}<li><a href="{{.Offprint}}">{{$.L.Offprint}}</a></li>
{{end}}{{if .Page}}<li><a href="{{.Page}}">{{$.L.WebPage}}</a></li>
{{end}}</ul>
</div>
</article>
{{end}}</main>
</body>
</html>
`

type htmlEntry struct {
	Entry
	Pages string
	Nets  []netPost // the post for each network, in Networks' order
}

type netPost struct{ Name, Label, Text string }

// netLabels are the networks' names as their users write them.
var netLabels = map[string]string{"x": "X", "bluesky": "Bluesky", "mastodon": "Mastodon", "linkedin": "LinkedIn"}

// WriteHTML writes share.html: a self-contained page (inline CSS, no
// script, no remote resource) listing every contributor with their wide
// card, its alt text, their post text ready to copy, and links to the
// square card and the offprint. Everything is escaped.
func WriteHTML(w io.Writer, b *book.Book, entries []Entry) error {
	t, err := template.New("share").Parse(page)
	if err != nil {
		return err
	}
	l := labelsFor(b)
	rows := make([]htmlEntry, len(entries))
	for i, e := range entries {
		rows[i] = htmlEntry{Entry: e}
		for _, n := range Networks {
			if p, ok := e.Posts[n.Name]; ok {
				rows[i].Nets = append(rows[i].Nets, netPost{n.Name, netLabels[n.Name], p})
			}
		}
		if len(rows[i].Nets) == 0 { // entries made by hand, without Posts
			rows[i].Nets = []netPost{{"x", "X", e.Post}}
		}
		switch {
		case e.FirstPage <= 0:
		case e.LastPage > e.FirstPage:
			rows[i].Pages = fmt.Sprintf("%s %d–%d", l.Pages, e.FirstPage, e.LastPage)
		default:
			rows[i].Pages = fmt.Sprintf("%s %d", l.Page, e.FirstPage)
		}
	}
	return t.Execute(w, struct {
		Lang    string
		L       labels
		Book    *book.Book
		Entries []htmlEntry
	}{lang(b), l, b, rows})
}
