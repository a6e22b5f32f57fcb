package share

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/cards"
	"github.com/recueil/recueil/internal/typo"
)

func testBook() *book.Book {
	b := book.Defaults()
	b.Title = "Rencontres improbables"
	b.URL = "https://example.org/livre"
	b.Hashtag = "#612R"
	return &b
}

func TestLength(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"été « ça »", 10},
		{"https://example.org/a/very/long/path/that/goes/on/and/on", URLLength},
		{"voir https://x.y et http://a.b/c.", 5 + URLLength + 4 + URLLength},
		{"#612R\nhttps://example.org/livre", 6 + URLLength},
		{"😀", 1},
	} {
		if got := Length(tc.s); got != tc.want {
			t.Errorf("Length(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

func TestPostShort(t *testing.T) {
	b := testBook()
	c := &book.Contribution{Name: "Léa Martin", Handle: "@lea", Slug: "lea"}
	got := Post(b, c, "Une rencontre change tout.")
	want := "«\u202fUne rencontre change tout.\u202f»\n— @lea dans «\u202fRencontres improbables\u202f»\n#612R https://example.org/livre/lea.html" // the contributor's page
	if got != want {
		t.Errorf("post:\n got %q\nwant %q", got, want)
	}
}

func TestPostNeverOver280(t *testing.T) {
	long := strings.Repeat("Une phrase assez longue pour remplir la carte, avec des accents éèà. ", 12)
	longTitle := strings.Repeat("Titre interminable ", 20)
	for _, tc := range []struct {
		name            string
		title, hashtag  string
		url             string
		handle, extract string
	}{
		{"long extract", "Rencontres improbables", "#612R", "https://example.org/livre", "@violette", long},
		{"long title", longTitle, "#612R", "https://example.org/livre", "@violette", long},
		{"no handle", "Rencontres improbables", "#612R", "https://example.org/livre", "", long},
		{"no hashtag", "Rencontres improbables", "", "https://example.org/livre", "@v", long},
		{"long url", "R", "#612R", "https://example.org/" + strings.Repeat("x", 400), "@v", long},
		{"one huge word", "R", "#612R", "https://example.org/", "@v", strings.Repeat("x", 500)},
		{"nothing", "", "", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := testBook()
			b.Title, b.Hashtag, b.URL = tc.title, tc.hashtag, tc.url
			c := &book.Contribution{Name: "Violette Exemple", Handle: tc.handle, Slug: "v", Extract: tc.extract}
			p := Build(b, []*book.Contribution{c}, nil, nil)[0].Post
			if n := Length(p); n > PostLimit {
				t.Errorf("post is %d characters:\n%s", n, p)
			}
			if tc.hashtag != "" && !strings.Contains(p, tc.hashtag) {
				t.Errorf("post lacks the hashtag:\n%s", p)
			}
			if tc.url != "" && !strings.Contains(p, tc.url) {
				t.Errorf("post lacks the URL:\n%s", p)
			}
			if tc.handle != "" && !strings.Contains(p, tc.handle) {
				t.Errorf("post lacks the handle:\n%s", p)
			}
			if tc.handle == "" && tc.extract != "" && !strings.Contains(p, c.Name) {
				t.Errorf("post without handle lacks the name:\n%s", p)
			}
			if tc.extract == long {
				q := strings.SplitN(p, "\n", 2)[0]
				inner := strings.TrimSuffix(strings.TrimPrefix(q, "«\u202f"), "…\u202f»")
				if inner == q || !strings.HasPrefix(long, inner) || long[len(inner)] != ' ' {
					t.Errorf("quote not cut at a word boundary with …: %q", q)
				}
				if utf8.RuneCountInString(inner) < 60 {
					t.Errorf("quote cut too short: %q", q)
				}
			}
		})
	}
}

func entries(t *testing.T) (*book.Book, []Entry) {
	t.Helper()
	b := testBook()
	cs := []*book.Contribution{
		{Name: "Léa Martin", Handle: "@lea", Slug: "lea", Extract: "Une rencontre change tout."},
		{Name: `<script>alert("x")</script> & 'Cie'`, Slug: "evil", Extract: `Un <b>extrait</b> "piégé" & l'autre`},
		{Name: "Jean de La Fontaine", Slug: "jean"},
	}
	cc := []*cards.Card{
		{Text: "«\u202fUne rencontre change tout.\u202f»", Alt: "«\u202fUne rencontre change tout.\u202f»\nLéa Martin\n@lea\nRencontres improbables\n#612R · example.org/livre"},
		{Text: `«` + "\u202f" + `Un <b>extrait</b> "piégé" & l'autre` + "\u202f»", Alt: `<script>alert("x")</script> & 'Cie'`},
		nil,
	}
	es := Build(b, cs, cc, []PageRange{{7, 8}, {9, 9}})
	if len(es) != 3 {
		t.Fatalf("%d entries", len(es))
	}
	return b, es
}

func TestBuild(t *testing.T) {
	_, es := entries(t)
	e := es[0]
	want := Entry{Name: "Léa Martin", Handle: "@lea", Slug: "lea", FirstPage: 7, LastPage: 8,
		Card: "cards/lea.png", CardSquare: "cards/lea-square.png", CardPortrait: "cards/lea-portrait.png", PageURL: "https://example.org/livre/lea.html", Offprint: "extracts/lea.pdf", Page: "site/lea.html",
		Alt:  "«\u202fUne rencontre change tout.\u202f»\nLéa Martin\n@lea\nRencontres improbables\n#612R · example.org/livre",
		Post: "«\u202fUne rencontre change tout.\u202f»\n— @lea dans «\u202fRencontres improbables\u202f»\n#612R https://example.org/livre/lea.html"}
	posts := e.Posts
	e.Posts = nil // checked below
	if !reflect.DeepEqual(e, want) {
		t.Errorf("entry\n got %#v\nwant %#v", e, want)
	}
	// One post per network: the X one with the handle, the others by name.
	if posts["x"] != e.Post || len(posts) != 4 {
		t.Errorf("posts %v", posts)
	}
	for _, n := range []string{"bluesky", "mastodon", "linkedin"} {
		if !strings.Contains(posts[n], "— Léa Martin dans") || strings.Contains(posts[n], "@lea") {
			t.Errorf("%s post: %q", n, posts[n])
		}
	}
	if es[2].FirstPage != 0 || es[2].Alt != "" || !strings.HasPrefix(es[2].Post, "— Jean de La Fontaine dans") {
		t.Errorf("entry without card nor pages: %#v", es[2])
	}
}

func TestJSONRoundTrip(t *testing.T) {
	b, es := entries(t)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, b, es); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Book struct {
			Title, URL, Hashtag string
		}
		Contributors []Entry
	}
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Contributors, es) {
		t.Errorf("round trip changed the entries:\n%s", buf.String())
	}
	if back.Book.Title != b.Title || back.Book.URL != b.URL || back.Book.Hashtag != b.Hashtag {
		t.Errorf("book: %+v", back.Book)
	}
	s := buf.String()
	if !strings.HasPrefix(s, "{\n  \"book\": {\n    \"title\": \"Rencontres improbables\",") ||
		strings.Index(s, `"name"`) > strings.Index(s, `"handle"`) || strings.Index(s, `"alt"`) > strings.Index(s, `"post"`) {
		t.Errorf("unexpected layout or field order:\n%s", s)
	}
	var again bytes.Buffer
	if err := WriteJSON(&again, b, es); err != nil || again.String() != s {
		t.Errorf("two writes differ")
	}
}

func TestHTML(t *testing.T) {
	b, es := entries(t)
	var buf bytes.Buffer
	if err := WriteHTML(&buf, b, es); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	// Well-formed: every tag closed, every entity known, every attribute quoted.
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	var imgs, textareas int
	var depth int
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("share.html is not well-formed: %v\n%s", err, s)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			depth++
			switch x.Name.Local {
			case "html":
				if attr(x, "lang") != "fr" {
					t.Errorf("lang = %q", attr(x, "lang"))
				}
			case "img":
				imgs++
				if imgs == 2 && attr(x, "alt") != es[1].Alt {
					t.Errorf("img alt = %q, want %q", attr(x, "alt"), es[1].Alt)
				}
			case "textarea":
				textareas++
			case "script":
				t.Errorf("a script element came through")
			}
		case xml.EndElement:
			depth--
		}
	}
	if depth != 0 || imgs != 3 || textareas != 3*len(Networks) { // a post per network
		t.Errorf("depth %d, %d images, %d textareas", depth, imgs, textareas)
	}
	for _, bad := range []string{"<script>", "<b>extrait", `"piégé"`} {
		if strings.Contains(s, bad) {
			t.Errorf("%q is not escaped", bad)
		}
	}
	for _, want := range []string{`src="cards/lea.png"`, `href="cards/lea-square.png"`, `href="extracts/lea.pdf"`,
		"pages 7–8", "page 9", "Kit de partage", "Texte prêt à publier", "&lt;script&gt;"} {
		if !strings.Contains(s, want) {
			t.Errorf("share.html lacks %q", want)
		}
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// TestPostsWithinEachLimit: a long extract is cut to each network's limit
// as that network counts, and LinkedIn keeps the whole of it.
func TestPostsWithinEachLimit(t *testing.T) {
	b := &book.Book{Title: "Rencontres improbables", Language: "fr", Hashtag: "#612R", URL: "https://example.org/livre"}
	c := &book.Contribution{Name: "Léa Martin", Handle: "@lea", Slug: "lea"}
	quote := strings.Repeat("une rencontre change tout et ", 30)
	for _, n := range Networks {
		p := PostFor(n, b, c, quote)
		if n.Length(p) > n.Limit {
			t.Errorf("%s: %d > %d", n.Name, n.Length(p), n.Limit)
		}
		if !strings.Contains(p, "https://example.org/livre/lea.html") {
			t.Errorf("%s: no link to the page: %q", n.Name, p)
		}
	}
	if p := PostFor(Networks[3], b, c, quote); strings.Contains(p, "…") {
		t.Errorf("linkedin cut a quote that fits its 3,000 characters: %q", p)
	}
}

// A quotation inside the post's quote, or in the book's title, takes the
// inner “ ”: never « « … » ».
func TestPostInnerQuotes(t *testing.T) {
	b := testBook()
	b.Title = `Le livre "612"`
	c := &book.Contribution{Name: "Léa Martin", Handle: "@lea", Slug: "lea", Extract: `Elle m’a dit « viens » et je suis venue.`}
	es := Build(b, []*book.Contribution{c}, nil, nil)
	want := "«\u202fElle m’a dit “viens” et je suis venue.\u202f»\n— @lea dans «\u202fLe livre “612”\u202f»\n#612R https://example.org/livre/lea.html"
	if len(es) != 1 || es[0].Post != want {
		t.Fatalf("post:\n got %q\nwant %q", es[0].Post, want)
	}
}

// The card's quote, in another language, loses the card's own marks before
// the post puts the book's around it: never „„…““.
func TestPostQuotesInOtherLanguages(t *testing.T) {
	for lang, want := range map[string]string{"de": "„Sie sagte ‚komm‘ und ich kam.“", "en-GB": "‘She said “come” and I came.’", "es": "«Dijo “ven” y fui.»"} {
		b := testBook()
		b.Language = lang
		extract := map[string]string{"de": `Sie sagte "komm" und ich kam.`, "en-GB": `She said "come" and I came.`, "es": `Dijo "ven" y fui.`}[lang]
		c := &book.Contribution{Name: "Léa Martin", Handle: "@lea", Slug: "lea", Extract: extract}
		card := b.Locale().Quote(typo.Inner(lang, extract))
		es := Build(b, []*book.Contribution{c}, []*cards.Card{{Text: card}}, nil)
		if len(es) != 1 || !strings.HasPrefix(es[0].Post, want+"\n") {
			t.Errorf("%s: post %q, want it to open with %q", lang, es[0].Post, want)
		}
	}
}
