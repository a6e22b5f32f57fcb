// Package share builds the share kit of a book: share.json, one entry per
// contributor with their page range, card and offprint paths, the card's
// alternative text and a ready-to-post text, and share.html, the same as a
// page to hand out to contributors.
package share

import (
	"encoding/json"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/cards"
	"github.com/recueil/recueil/internal/typo"
)

// PostLimit is the most characters a post text may have, counted as X
// counts them (see Length).
const PostLimit = 280

// URLLength is what X counts for any http(s) URL, whatever its length.
const URLLength = 23

// PageRange is where a contribution stands in the book; zero when the book
// was not typeset.
type PageRange struct {
	First, Last int
}

// Entry is one contributor's share kit. Paths are relative to the output
// directory.
type Entry struct {
	Name         string `json:"name"`
	Handle       string `json:"handle"`
	Slug         string `json:"slug"`
	FirstPage    int    `json:"first_page"` // 0 when the book was not typeset
	LastPage     int    `json:"last_page"`
	Card         string `json:"card"`          // cards/<slug>.png
	CardSquare   string `json:"card_square"`   // cards/<slug>-square.png
	CardPortrait string `json:"card_portrait"` // cards/<slug>-portrait.png
	Offprint     string `json:"offprint"`      // extracts/<slug>.pdf
	Page         string `json:"page"`          // site/<slug>.html, the page every share links to
	PageURL      string `json:"page_url"`      // where that page is published, "" when book.yaml has no url
	Alt          string `json:"alt"`           // the text drawn on the cards
	Post         string `json:"post"`          // at most PostLimit characters as X counts them
	// Posts are ready-made posts for each network, by name (x, bluesky,
	// mastodon, linkedin), each within that network's limit as it counts.
	Posts map[string]string `json:"posts"`
}

// Build makes the entries of cs, in their order. cards and pages are
// aligned with cs; either may be shorter (or hold nil cards) when those
// artifacts were not made: the entry then has no alt text, no page range,
// and its post takes the extract itself.
func Build(b *book.Book, cs []*book.Contribution, cc []*cards.Card, pages []PageRange) []Entry {
	out := make([]Entry, 0, len(cs))
	art := b.Artifacts()
	for i, c := range cs {
		e := Entry{
			Name:         c.Name,
			Handle:       c.Handle,
			Slug:         c.Slug,
			Card:         art.Card(c.Slug),
			CardSquare:   art.SquareCard(c.Slug),
			CardPortrait: art.PortraitCard(c.Slug),
			Offprint:     art.Offprint(c.Slug),
			Page:         art.Page(c.Slug),
			PageURL:      b.PageURL(c.Slug),
		}
		if i < len(pages) {
			e.FirstPage, e.LastPage = pages[i].First, pages[i].Last
		}
		var quote string
		if i < len(cc) && cc[i] != nil {
			e.Alt = cc[i].Alt
			quote = unquote(b.Locale(), cc[i].Text)
		} else {
			quote = typo.InnerIn(b.TypographyOf(""), strings.Join(strings.Fields(c.Extract), " "))
		}
		e.Post = Post(b, c, quote)
		e.Posts = map[string]string{}
		for _, n := range Networks {
			e.Posts[n.Name] = PostFor(n, b, c, quote)
		}
		out = append(out, e)
	}
	return out
}

func lang(b *book.Book) string { return b.Locale().Tag.String() }

// unquote removes the quotation marks the card puts around its quote: the
// book's (German „ “, British ‘ ’…), or French or English ones.
func unquote(loc book.Locale, s string) string {
	open, close := loc.Quotes()
	for _, m := range [][2]string{{open, close}, {"«\u202f", "\u202f»"}, {"« ", " »"}, {"«\u00a0", "\u00a0»"}, {"“", "”"}} {
		if strings.HasPrefix(s, m[0]) && strings.HasSuffix(s, m[1]) && len(s) >= len(m[0])+len(m[1]) {
			return s[len(m[0]) : len(s)-len(m[1])]
		}
	}
	return s
}

// Length counts s as X does for the 280-character limit, simplified: one per
// character (rune), and URLLength for each http:// or https:// URL.
func Length(s string) int {
	n := 0
	for len(s) > 0 {
		i := indexURL(s)
		if i < 0 {
			return n + utf8.RuneCountInString(s)
		}
		n += utf8.RuneCountInString(s[:i]) + URLLength
		s = s[i:]
		end := strings.IndexAny(s, " \n\t\u00a0\u202f")
		if end < 0 {
			return n
		}
		s = s[end:]
	}
	return n
}

func indexURL(s string) int {
	i := strings.Index(s, "http://")
	j := strings.Index(s, "https://")
	switch {
	case i < 0:
		return j
	case j < 0:
		return i
	}
	return min(i, j)
}

// Post composes the ready-to-post text of a contribution from quote (the
// quote as drawn on the card, without its quotation marks):
//
//	« Citation… »
//	— @handle dans « Titre du livre »
//	#hashtag https://…
//
// The quote is shortened at a word boundary, with "…", to keep the whole
// within PostLimit; the title, then the line naming the contributor, are
// left out only when even an empty quote would not fit.
func Post(b *book.Book, c *book.Contribution, quote string) string {
	return PostFor(Networks[0], b, c, quote)
}

// Network is a social network's rules for a post.
type Network struct {
	Name   string
	Limit  int
	Length func(string) int // how the network counts a text
	ByName bool             // credit the contributor by name, not their X handle
}

// Networks are the networks share.json has a post for. Bluesky counts
// graphemes; a rune count, never smaller, keeps posts within the limit.
var Networks = []Network{
	{Name: "x", Limit: PostLimit, Length: Length},
	{Name: "bluesky", Limit: 300, Length: utf8.RuneCountInString, ByName: true},
	{Name: "mastodon", Limit: 500, Length: Length, ByName: true}, // URLs count as 23, as on X
	{Name: "linkedin", Limit: 3000, Length: utf8.RuneCountInString, ByName: true},
}

// PostFor is Post for one network.
func PostFor(n Network, b *book.Book, c *book.Contribution, quote string) string {
	loc := b.Locale()
	ty := b.TypographyOf("")
	open, close := loc.Quotes()
	in, dash := loc.In(), "—"
	who := c.Handle
	if who == "" || n.ByName || book.Handle(who) != book.XHandle { // a Mastodon or Bluesky handle is no mention on X
		who = c.Name
	}
	title := strings.TrimSpace(b.Title)
	var by []string // the credit line, from the fullest to the barest
	if title != "" {
		by = append(by, dash+" "+who+" "+in+" "+open+typo.InnerIn(ty, title)+close)
	}
	by = append(by, dash+" "+who, "")
	// The post links to the contributor's page of the web edition, whose
	// link preview is their card (book.yaml's url is where it is published).
	link := b.PageURL(c.Slug)
	tags := joinNonEmpty(" ", strings.TrimSpace(b.Hashtag), link)

	ws := strings.Split(strings.Join(strings.Fields(strings.ReplaceAll(quote, "\n", " ")), " "), " ")
	if quote == "" {
		ws = nil
	}
	for _, credit := range by {
		tail := joinNonEmpty("\n", credit, tags)
		for k := len(ws); k >= 0; k-- {
			var q string
			switch {
			case k == len(ws) && k > 0:
				q = open + strings.Join(ws, " ") + close
			case k > 0:
				q = open + ellipsis(ws[:k]) + close
			}
			if p := joinNonEmpty("\n", q, tail); n.Length(p) <= n.Limit {
				return p
			}
		}
	}
	// Only the hashtag and the URL, cut if they are absurdly long.
	return cutRunes(tags, n.Limit)
}

func ellipsis(ws []string) string {
	last := strings.TrimRight(ws[len(ws)-1], ",;:.-–—\u00a0\u202f«“(")
	if last == "" {
		if len(ws) == 1 {
			return "…"
		}
		return ellipsis(ws[:len(ws)-1])
	}
	return strings.Join(ws[:len(ws)-1], " ") + sep(len(ws) > 1) + last + "…"
}

func sep(b bool) string {
	if b {
		return " "
	}
	return ""
}

func cutRunes(s string, n int) string {
	if Length(s) <= n {
		return s
	}
	rs := []rune(s)
	for k := min(len(rs), n); k > 0; k-- {
		if t := string(rs[:k-1]) + "…"; Length(t) <= n {
			return t
		}
	}
	return ""
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

type jsonBook struct {
	Title   string `json:"title"`
	URL     string `json:"url"`
	Hashtag string `json:"hashtag"`
}

type jsonKit struct {
	Book         jsonBook `json:"book"`
	Contributors []Entry  `json:"contributors"`
}

// WriteJSON writes share.json: {"book": {...}, "contributors": [...]},
// indented, fields in a fixed order, characters not escaped needlessly.
func WriteJSON(w io.Writer, b *book.Book, entries []Entry) error {
	if entries == nil {
		entries = []Entry{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(jsonKit{Book: jsonBook{Title: b.Title, URL: b.URL, Hashtag: b.Hashtag}, Contributors: entries})
}
