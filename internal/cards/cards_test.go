package cards

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/typo"
)

var outDir = flag.String("cards.out", "", "write the test cards as PNG files into this directory, to look at them")

func testBook() *book.Book {
	b := book.Defaults()
	b.Title = "Rencontres improbables"
	b.URL = "https://example.org/livre/"
	b.Hashtag = "#612R"
	return &b
}

// testPhoto is a 300×200 portrait-like image: a gradient with a disc, so
// that cropping and scaling are visible.
func testPhoto() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 300, 200))
	for y := 0; y < 200; y++ {
		for x := 0; x < 300; x++ {
			c := color.RGBA{uint8(80 + x/3), uint8(120 + y/3), 170, 255}
			if dx, dy := x-150, y-90; dx*dx+dy*dy < 50*50 {
				c = color.RGBA{235, 200, 170, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func testFiles() fstest.MapFS {
	return fstest.MapFS{"contributions/photos/p.png": {Data: testPhoto()}}
}

func para(s string) []book.Block {
	return []book.Block{{Kind: book.Paragraph, Spans: []book.Span{{Text: s}}}}
}

const long600 = "Je suis arrivée à Lyon un lundi de novembre, sans connaître personne, avec une valise et une liste de numéros de téléphone. " +
	"La première rencontre a eu lieu dans un café près de la gare : un inconnu m’a prêté son chargeur et m’a présenté à sa sœur. " +
	"Trois ans plus tard, nous avons fondé ensemble une association qui aide les nouveaux arrivants à trouver un premier emploi. " +
	"Rien de tout cela n’était prévu, et c’est précisément ce qui m’a appris la valeur des rencontres improbables dans une vie professionnelle. " +
	"Aujourd’hui je passe le relais."

func contributions() []*book.Contribution {
	return []*book.Contribution{
		{Path: "contributions/court.md", Slug: "court", Name: "Léa Martin", Role: "Autrice",
			Handle: "@lea", Extract: "Une rencontre change tout.",
			Fields: map[string]book.Pos{"extract": {Line: 7, Col: 10}}},
		{Path: "contributions/long.md", Slug: "long", Name: "Violette Exemple", Role: "Directrice de la communication",
			Organization: "Exemple & Cie", Handle: "@violette", Photo: "contributions/photos/p.png",
			Extract: long600, Fields: map[string]book.Pos{"extract": {Line: 9, Col: 10}}},
		{Path: "contributions/accents.md", Slug: "accents", Name: "Éloïse Œuvray-Françoise", Role: "Cheffe de projet",
			Organization: "Ça m’intéresse", Photo: "contributions/photos/p.png",
			Extract: "À l’école, Œdipe déçu reçut ÉMILE : « Ça, c’est Noël ! » Où êtes-vous, garçons ?"},
		{Path: "contributions/sans-extrait.md", Slug: "sans-extrait", Name: "Jean de La Fontaine", Role: "Fabuliste",
			BodyLine: 8,
			Body: para("Rien ne sert de courir ; il faut partir à point. Le lièvre et la tortue en sont un témoignage. " +
				"Gageons, dit celle-ci, que vous n’atteindrez point sitôt que moi ce but. Sitôt ? Êtes-vous sage ? " +
				"Repartit l’animal léger. Ma commère, il vous faut purger avec quatre grains d’ellébore.")},
		{Path: "contributions/emoji.md", Slug: "emoji", Name: "Zoé 🚀 Durand", Role: "Community manager ✨",
			Handle: "@zoe", Extract: "Les réseaux, c’est humain 😀👍🏽 avant tout !",
			Fields: map[string]book.Pos{"extract": {Line: 6, Col: 10}, "name": {Line: 2, Col: 7}}},
	}
}

func write(t *testing.T, name string, data []byte) {
	t.Helper()
	if *outDir == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(*outDir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func decode(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func TestSamples(t *testing.T) {
	b := testBook()
	cs := contributions()
	cards, diags, err := RenderAll(context.Background(), b, cs, testFiles(), 2)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cards {
		write(t, cs[i].Slug+".png", c.Wide)
		write(t, cs[i].Slug+"-square.png", c.Square)
		write(t, cs[i].Slug+"-portrait.png", c.Portrait)
		t.Logf("%s: %q", cs[i].Slug, c.Alt)
	}
	t.Log(diags.Text())
}

func renderSamples(t *testing.T, b *book.Book, files fstest.MapFS, jobs int) ([]*book.Contribution, []*Card, book.Diagnostics) {
	t.Helper()
	cs := contributions()
	cards, diags, err := RenderAll(context.Background(), b, cs, files, jobs)
	if err != nil {
		t.Fatal(err)
	}
	if len(cards) != len(cs) {
		t.Fatalf("got %d cards for %d contributions", len(cards), len(cs))
	}
	return cs, cards, diags
}

func TestSizes(t *testing.T) {
	_, cards, _ := renderSamples(t, testBook(), testFiles(), 2)
	for _, c := range cards {
		if got := decode(t, c.Wide).Bounds(); got != image.Rect(0, 0, WideWidth, WideHeight) {
			t.Errorf("wide card is %v", got)
		}
		if got := decode(t, c.Square).Bounds(); got != image.Rect(0, 0, SquareWidth, SquareHeight) {
			t.Errorf("square card is %v", got)
		}
		if got := decode(t, c.Portrait).Bounds(); got != image.Rect(0, 0, PortraitWidth, PortraitHeight) {
			t.Errorf("portrait card is %v", got)
		}
	}
}

// testLogo is a 400×100 red banner with a transparent hole.
func testLogo() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 400, 100))
	for y := 0; y < 100; y++ {
		for x := 0; x < 400; x++ {
			if x < 180 || x > 220 {
				img.Set(x, y, color.NRGBA{200, 30, 40, 255})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// checkSafeArea fails when a pixel within SafeMargin of an edge is not the
// background colour, and when nothing at all is drawn inside.
func checkSafeArea(t *testing.T, name string, data []byte, bg color.RGBA) {
	t.Helper()
	img := decode(t, data)
	r := img.Bounds()
	safe := r.Inset(SafeMargin)
	bad, ink := 0, 0
	first := image.Point{-1, -1}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			same := uint8(cr>>8) == bg.R && uint8(cg>>8) == bg.G && uint8(cb>>8) == bg.B
			if image.Pt(x, y).In(safe) {
				if !same {
					ink++
				}
				continue
			}
			if !same {
				if bad == 0 {
					first = image.Pt(x, y)
				}
				bad++
			}
		}
	}
	if bad > 0 {
		t.Errorf("%s: %d pixels drawn outside the safe area, first at %v", name, bad, first)
	}
	if ink < 2000 {
		t.Errorf("%s: only %d pixels drawn inside the safe area", name, ink)
	}
}

func TestSafeArea(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cards book.Cards
		bg    color.RGBA
	}{
		{"defaults", book.Defaults().Cards, color.RGBA{0x1f, 0x2a, 0x44, 255}},
		{"light with logo", book.Cards{Background: "#fbf7ef", Accent: "#b3261e", Text: "#222222", Logo: "editorial/logo.png"},
			color.RGBA{0xfb, 0xf7, 0xef, 255}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := testBook()
			b.Cards = tc.cards
			b.Title = "Rencontres improbables : soixante-douze voix pour un livre blanc collectif sur l’emploi"
			files := testFiles()
			files["editorial/logo.png"] = &fstest.MapFile{Data: testLogo()}
			cs, cards, diags := renderSamples(t, b, files, 2)
			for _, d := range diags {
				if strings.Contains(d.Rule, "logo") || strings.Contains(d.Rule, "colour") {
					t.Errorf("unexpected finding: %v", d)
				}
			}
			for i, c := range cards {
				checkSafeArea(t, cs[i].Slug+" wide", c.Wide, tc.bg)
				checkSafeArea(t, cs[i].Slug+" square", c.Square, tc.bg)
				checkSafeArea(t, cs[i].Slug+" portrait", c.Portrait, tc.bg)
				write(t, strings.ReplaceAll(tc.name, " ", "-")+"-"+cs[i].Slug+".png", c.Wide)
				write(t, strings.ReplaceAll(tc.name, " ", "-")+"-"+cs[i].Slug+"-square.png", c.Square)
			}
		})
	}
}

func TestAltIsTheDrawnText(t *testing.T) {
	b := testBook()
	cs, cards, _ := renderSamples(t, b, testFiles(), 1)
	for i, c := range cards {
		lines := strings.Split(c.Alt, "\n")
		if c.Text == "" || lines[0] != c.Text {
			t.Errorf("%s: alt does not start with the quote drawn %q:\n%s", cs[i].Slug, c.Text, c.Alt)
		}
		if !strings.HasPrefix(c.Text, "«\u202f") || !strings.HasSuffix(c.Text, "\u202f»") {
			t.Errorf("%s: quote %q is not between « »", cs[i].Slug, c.Text)
		}
		want := []string{"Rencontres improbables", "#612R · example.org/livre"}
		if got := lines[len(lines)-2:]; got[0] != want[0] || got[1] != want[1] {
			t.Errorf("%s: alt ends with %q, want %q", cs[i].Slug, got, want)
		}
		if !strings.Contains(c.Alt, "\n"+strings.ReplaceAll(cs[i].Name, " 🚀", "")+"\n") {
			t.Errorf("%s: alt lacks the name:\n%s", cs[i].Slug, c.Alt)
		}
	}
	// The long one keeps its role and organisation on one line.
	if !strings.Contains(cards[1].Alt, "\nDirectrice de la communication, Exemple & Cie\n@violette\n") {
		t.Errorf("alt: %q", cards[1].Alt)
	}
}

func TestLongExtractIsCut(t *testing.T) {
	b := testBook()
	cs, cards, diags := renderSamples(t, b, testFiles(), 2)
	c := cards[1]
	inner := strings.TrimSuffix(strings.TrimPrefix(c.Text, "«\u202f"), "\u202f»")
	var kept string
	switch {
	case strings.HasSuffix(inner, "\u00a0[…]"):
		kept = strings.TrimSuffix(inner, "\u00a0[…]")
		if !endsSentence(kept) {
			t.Errorf("cut at a sentence but %q does not end one", kept)
		}
	case strings.HasSuffix(inner, "…"):
		kept = strings.TrimSuffix(inner, "…")
	default:
		t.Fatalf("quote not marked as cut: %q", c.Text)
	}
	set := typo.String("fr", long600) // the extract with the book's typography
	if !strings.HasPrefix(set, kept) || len(kept) >= len(set) || len(kept) < 100 {
		t.Errorf("kept %q, which is not a shortened start of the extract %q", kept, set)
	}
	if next := set[len(kept)]; next != ' ' {
		t.Errorf("cut inside a word: %q|%q", kept, set[len(kept):])
	}
	var found bool
	for _, d := range diags {
		if d.Rule == "card-extract-cut" {
			found = true
			if d.File != cs[1].Path || d.Pos != (book.Pos{Line: 9, Col: 10}) || d.Severity != book.Warning {
				t.Errorf("finding %v", d)
			}
			if !strings.Contains(d.Message, "plus court") {
				t.Errorf("message does not suggest a shorter extract: %s", d.Message)
			}
		} else if d.File == cs[1].Path {
			t.Errorf("unexpected finding %v", d)
		}
	}
	if !found {
		t.Errorf("no card-extract-cut finding in\n%s", diags.Text())
	}
	// Short extracts are not cut and draw the whole quote.
	if cards[0].Text != "«\u202fUne rencontre change tout.\u202f»" {
		t.Errorf("short quote drawn as %q", cards[0].Text)
	}
}

func TestNoExtractTakesFirstSentences(t *testing.T) {
	_, cards, diags := renderSamples(t, testBook(), testFiles(), 1)
	got := cards[3].Text
	want := "«\u202f" + typo.String("fr", "Rien ne sert de courir ; il faut partir à point. Le lièvre et la tortue en sont un témoignage. "+
		"Gageons, dit celle-ci, que vous n’atteindrez point sitôt que moi ce but. Sitôt ? Êtes-vous sage ? Repartit l’animal léger.") + "\u202f»"
	if got != want {
		t.Errorf("quote from the body:\n got %q\nwant %q", got, want)
	}
	for _, d := range diags {
		if d.File == "contributions/sans-extrait.md" {
			t.Errorf("unexpected finding %v", d)
		}
	}
}

func TestMissingGlyphsAreDropped(t *testing.T) {
	cs, cards, diags := renderSamples(t, testBook(), testFiles(), 1)
	c := cards[4]
	if c.Text != "«\u202f"+typo.String("fr", "Les réseaux, c’est humain avant tout !")+"\u202f»" {
		t.Errorf("quote drawn as %q", c.Text)
	}
	fonts, err := loadFonts(testBook(), nil)
	if err != nil {
		t.Fatal(err)
	}
	serif, sans := newMetrics(fonts.quote, nil), newMetrics(fonts.sans, nil)
	for _, r := range c.Alt {
		if r != '\n' && (!serif.Has(r) || !sans.Has(r)) {
			t.Errorf("alt text has %U, which the fonts cannot draw", r)
		}
	}
	var rules []string
	for _, d := range diags {
		if d.File == cs[4].Path {
			rules = append(rules, fmt.Sprintf("%s@%d:%d", d.Rule, d.Pos.Line, d.Pos.Col))
		}
	}
	want := "glyph-missing@6:10 glyph-missing@2:7 glyph-missing@1:1"
	if strings.Join(rules, " ") != want {
		t.Errorf("findings %v, want %s", rules, want)
	}
}

func TestDeterministic(t *testing.T) {
	b := testBook()
	_, one, d1 := renderSamples(t, b, testFiles(), 1)
	_, three, d3 := renderSamples(t, b, testFiles(), 3)
	for i := range one {
		if !bytes.Equal(one[i].Wide, three[i].Wide) || !bytes.Equal(one[i].Square, three[i].Square) ||
			one[i].Alt != three[i].Alt {
			t.Errorf("card %d differs between two renders", i)
		}
	}
	if d1.Text() != d3.Text() {
		t.Errorf("findings differ:\n%s\n%s", d1.Text(), d3.Text())
	}
}

func TestBreaksOnlyAtSpaces(t *testing.T) {
	fonts, err := loadFonts(testBook(), nil)
	if err != nil {
		t.Fatal(err)
	}
	m := newMetrics(fonts.quote, nil)
	s := "«\u202f" + typo.String("fr", long600+" Vraiment ? Oui : « tout » ; 20\u00a0km !") + "\u202f»"
	if !strings.ContainsRune(s, '\u202f') || !strings.ContainsRune(s, '\u00a0') {
		t.Fatalf("test text has no no-break space: %q", s)
	}
	for _, width := range []float64{180, 400, 700, 1072} {
		for _, size := range []float64{30, 48, 64} {
			lines := breakWords(words(s), m, size, width)
			var joined []string
			for _, l := range lines {
				line := joinWords(l)
				joined = append(joined, line)
				if r := []rune(line); r[0] == '»' || r[0] == '!' || r[0] == '?' || r[0] == ';' || r[0] == ':' ||
					r[len(r)-1] == '«' || r[0] == '\u202f' || r[0] == '\u00a0' {
					t.Errorf("width %v size %v: bad line %q", width, size, line)
				}
			}
			// Rejoining the lines with U+0020 gives the text back: every
			// break was at a U+0020, none at a no-break space.
			if got := strings.Join(joined, " "); got != s {
				t.Errorf("width %v size %v: lines do not rejoin to the text:\n%q", width, size, got)
			}
		}
	}
}

// TestRaster checks the glyph rasterizer on shapes whose coverage is known,
// and shows a glyph as text.
func TestRaster(t *testing.T) {
	z := newRaster(6, 4)
	// A 2×2 square from (1,1) to (3,3), then one from (3.5,1) to (5,3)
	// whose left edge covers half of column 3.
	sq := func(x0, y0, x1, y1 float32) {
		z.line(x0, y0, x1, y0)
		z.line(x1, y0, x1, y1)
		z.line(x1, y1, x0, y1)
		z.line(x0, y1, x0, y0)
	}
	sq(1, 1, 3, 3)
	sq(3.5, 1, 5, 3)
	got := z.alpha().Pix
	want := []uint8{
		0, 0, 0, 0, 0, 0,
		0, 255, 255, 128, 255, 0,
		0, 255, 255, 128, 255, 0,
		0, 0, 0, 0, 0, 0,
	}
	if !bytes.Equal(got, want) {
		t.Errorf("coverage\n got %v\nwant %v", got, want)
	}

	fonts, err := loadFonts(testBook(), nil)
	if err != nil {
		t.Fatal(err)
	}
	p := newPen(newMetrics(fonts.bold, nil), 14, nil)
	g, ok := p.glyph('É', 0)
	if !ok {
		t.Fatal("no glyph for É")
	}
	var art strings.Builder
	ink := 0
	for y := 0; y < g.mask.Rect.Dy(); y++ {
		for x := 0; x < g.mask.Rect.Dx(); x++ {
			a := g.mask.AlphaAt(x, y).A
			art.WriteByte(" .:*#"[int(a)*4/255])
			if a > 0 {
				ink++
			}
		}
		art.WriteByte('\n')
	}
	t.Logf("É at 14 px:\n%s", art.String())
	// An É is taller than wide, has ink on both its accent and its foot.
	if g.dr.Dy() <= g.dr.Dx() || ink < 40 || g.mask.AlphaAt(0, g.mask.Rect.Dy()-1).A == 0 {
		t.Errorf("É mask %v looks wrong:\n%s", g.dr, art.String())
	}
}

// The sample book's longest role lines, hashtag and URL, and typical
// maxima: a 30-character hashtag, a 45-character URL.
var (
	sampleRoles = [][2]string{
		{"Développeur, ancien boulanger", "Association fictive des fourneaux numériques"},
		{"Recruteur repenti, aujourd’hui formateur", "Agence imaginaire de recrutement"},
		{"Cheffe de projet en énergies marines", "Coopérative imaginaire du Finistère"},
	}
	tagCases = []struct{ hashtag, url string }{
		{"#RencontresImprobables", "https://example.org/rencontres-improbables"},
		{"#RencontresImprobablesDeLaVie2", "https://example.org/rencontres-improbables-2026/livre"},
		{"#MOISDESRENCONTRESIMPROBABLES", "https://www.association-exemple-de-lyon.fr/livreblanc/"},
	}
)

// TestLongLinesFit checks that long roles wrap onto two lines and that the
// hashtag and URL are drawn whole, on both formats, with and without photo
// and logo: nothing is cut, nothing is reported, every line stays inside
// the safe area, and the lines of an item rejoin to its text.
func TestLongLinesFit(t *testing.T) {
	fonts, err := loadFonts(testBook(), nil)
	if err != nil {
		t.Fatal(err)
	}
	m := &faces{quote: newMetrics(fonts.quote, nil), serif: newMetrics(fonts.serif, nil),
		bold: newMetrics(fonts.bold, nil), sans: newMetrics(fonts.sans, nil), fonts: fonts}
	logo, err := decodeImage(testLogo())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tagCases {
		if n := len([]rune(tc.hashtag)); n > 30 {
			t.Fatalf("hashtag %q has %d characters", tc.hashtag, n)
		}
		if n := len([]rune(shortURL(tc.url))); n > 45 {
			t.Fatalf("URL %q has %d characters", tc.url, n)
		}
		for _, r := range sampleRoles {
			for _, photo := range []bool{false, true} {
				for _, withLogo := range []bool{false, true} {
					b := testBook()
					b.Hashtag, b.URL = tc.hashtag, tc.url
					c := &book.Contribution{Path: "contributions/x.md", Slug: "x", Name: "Yves d’Arbonne",
						Role: r[0], Organization: r[1], Handle: "@yves_fournil_ex", Extract: "Une rencontre change tout."}
					files := testFiles()
					if photo {
						c.Photo = "contributions/photos/p.png"
					}
					if withLogo {
						b.Cards.Logo = "editorial/logo.png"
						files["editorial/logo.png"] = &fstest.MapFile{Data: testLogo()}
					}
					name := fmt.Sprintf("%s/%s/photo=%v/logo=%v", tc.hashtag, r[0], photo, withLogo)
					card, diags, err := Render(b, c, files)
					if err != nil {
						t.Fatal(err)
					}
					for _, d := range diags {
						t.Errorf("%s: unexpected finding %v", name, d)
					}
					role := r[0] + ", " + r[1]
					lines := strings.Split(card.Alt, "\n")
					if !slices.Contains(lines, role) {
						t.Errorf("%s: alt lacks the whole role %q:\n%s", name, role, card.Alt)
					}
					tail := strings.Join(lines[len(lines)-2:], "\n")
					if tail != tc.hashtag+"\n"+shortURL(tc.url) && lines[len(lines)-1] != tc.hashtag+" · "+shortURL(tc.url) {
						t.Errorf("%s: alt does not end with the whole hashtag and URL:\n%s", name, card.Alt)
					}
					// The same on each format's plan.
					for _, d := range []*design{wideDesign(), squareDesign()} {
						d.hasPhoto = photo
						if withLogo {
							d.logo = fitImage(logo, d.logoW, d.logoH)
						}
						f := fields{name: c.Name, role: role, roleSplit: r[0] + ",", handle: c.Handle, title: b.Title,
							tag: tc.hashtag, url: shortURL(tc.url)}
						p := d.plan(m, &f)
						for k, want := range f.lines() {
							if p.texts[k] != want {
								t.Errorf("%s square=%v: line %d set as %q, want %q", name, d.square, k, p.texts[k], want)
							}
						}
						var roleLines []string
						for _, l := range p.lines {
							if l.x < SafeMargin || l.x+l.mt.width(l.text, l.size) > float64(d.W-SafeMargin) {
								t.Errorf("%s square=%v: %q leaves the safe area", name, d.square, l.text)
							}
							if l.colour == 1 {
								roleLines = append(roleLines, l.text)
								if l.size < d.roleSize*minScale-0.01 {
									t.Errorf("%s square=%v: role set at %v px", name, d.square, l.size)
								}
							}
						}
						if len(roleLines) > 2 || strings.Join(roleLines, " ") != role {
							t.Errorf("%s square=%v: role drawn as %q", name, d.square, roleLines)
						}
						if len(roleLines) == 2 && roleLines[0] != r[0]+"," {
							t.Errorf("%s square=%v: role not broken before the organisation: %q", name, d.square, roleLines)
						}
					}
				}
			}
		}
	}
}

// TestAbsurdLinesAreCut checks that a role too long for two lines and a
// hashtag too long for its line are cut with "…", with one finding each
// whose wording suits the label.
func TestAbsurdLinesAreCut(t *testing.T) {
	b := testBook()
	b.Hashtag = "#" + strings.Repeat("Rencontres", 8)
	b.Fields = map[string]book.Pos{"hashtag": {Line: 12, Col: 10}}
	c := &book.Contribution{Path: "contributions/x.md", Slug: "x", Name: "Yves d’Arbonne",
		Role: strings.Repeat("Développeur et ancien boulanger ", 6), Organization: "Association fictive",
		Extract: "Une rencontre change tout.", Fields: map[string]book.Pos{"role": {Line: 3, Col: 7}}}
	card, diags, err := Render(b, c, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"contributions/x.md:3:7": "Texte trop long pour la carte de partage (la fonction et l’organisation) : il y est raccourci en « Développeur et ancien",
		"book.yaml:12:10":        "Texte trop long pour la carte de partage (le hashtag) : il y est raccourci en « #RencontresRencontres",
	}
	for _, d := range diags {
		at := fmt.Sprintf("%s:%d:%d", d.File, d.Pos.Line, d.Pos.Col)
		if d.Rule != "card-text-cut" || !strings.HasPrefix(d.Message, want[at]) || want[at] == "" {
			t.Errorf("unexpected finding %v", d)
		}
		delete(want, at)
	}
	for at := range want {
		t.Errorf("no card-text-cut finding at %s", at)
	}
	lines := strings.Split(card.Alt, "\n")
	if role := lines[2]; !strings.HasSuffix(role, "…") || !strings.HasPrefix(role, "Développeur et ancien boulanger Développeur") {
		t.Errorf("role drawn as %q", role)
	}
	if tag := lines[len(lines)-2]; !strings.HasSuffix(tag, "…") {
		t.Errorf("hashtag drawn as %q", tag)
	}
	if url := lines[len(lines)-1]; url != "example.org/livre" {
		t.Errorf("URL drawn as %q", url)
	}
}

// Drawing one size gives that card byte for byte as drawing all three,
// with the same text and findings: the web edition's previews are the
// cards of cards/.
func TestOneSizeIsTheSameCard(t *testing.T) {
	b := testBook()
	cs := contributions()
	all, dAll, err := RenderAll(context.Background(), b, cs, testFiles(), 2)
	if err != nil {
		t.Fatal(err)
	}
	wide, dWide, err := RenderSizes(context.Background(), b, cs, testFiles(), 2, Wide)
	if err != nil {
		t.Fatal(err)
	}
	if dAll.Text() != dWide.Text() {
		t.Errorf("findings differ:\n%s---\n%s", dAll.Text(), dWide.Text())
	}
	for i := range cs {
		if !bytes.Equal(all[i].Wide, wide[i].Wide) || all[i].Alt != wide[i].Alt || all[i].Text != wide[i].Text {
			t.Errorf("%s: the wide card drawn alone differs", cs[i].Slug)
		}
		if wide[i].Square != nil || wide[i].Portrait != nil {
			t.Errorf("%s: cards drawn that were not asked for", cs[i].Slug)
		}
		if all[i].Square == nil || all[i].Portrait == nil {
			t.Errorf("%s: a card missing", cs[i].Slug)
		}
	}
}

// The card draws its quote between « »: a quotation in the extract takes
// the inner “ ”, never « « … » ».
func TestInnerQuotesOnCard(t *testing.T) {
	_, cards, _ := renderSamples(t, testBook(), testFiles(), 2)
	txt := cards[2].Text
	inner := strings.TrimSuffix(strings.TrimPrefix(txt, "«\u202f"), "\u202f»")
	if !strings.Contains(inner, "“Ça, c’est Noël\u202f!”") || strings.ContainsAny(inner, "«»") {
		t.Errorf("card quote %q: the inner quotation is not “ ”", txt)
	}
}

// TestRenderEach: each is handed every contributor's cards once, the same
// bytes RenderAll returns, and what it drops stays dropped.
func TestRenderEach(t *testing.T) {
	b, files, cs := testBook(), testFiles(), contributions()
	all, _, err := RenderAll(context.Background(), b, cs, files, 2)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	seen := map[int]int{}
	got, _, err := RenderEach(context.Background(), b, cs, files, 2, AllSizes, func(i int, c *Card) error {
		mu.Lock()
		defer mu.Unlock()
		seen[i]++
		if !bytes.Equal(c.Wide, all[i].Wide) || !bytes.Equal(c.Square, all[i].Square) || !bytes.Equal(c.Portrait, all[i].Portrait) {
			t.Errorf("card %d handed to each differs from RenderAll's", i)
		}
		c.Wide, c.Square = nil, nil
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := range cs {
		if seen[i] != 1 {
			t.Errorf("each saw contribution %d %d times, want once", i, seen[i])
		}
		if got[i].Wide != nil || got[i].Square != nil || !bytes.Equal(got[i].Portrait, all[i].Portrait) || got[i].Alt != all[i].Alt {
			t.Errorf("card %d: what each dropped came back, or what it kept was lost", i)
		}
	}
	if _, _, err := RenderEach(context.Background(), b, cs, files, 2, Wide, func(int, *Card) error { return fmt.Errorf("disk full") }); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("an error from each: %v, want it returned", err)
	}
}

// A contribution in English on a French book's card: its quotation,
// inside the card's « », takes French's inner “ ”, not English's ‘ ’ nor a
// second « ».
func TestInnerQuotesOfAnotherLanguage(t *testing.T) {
	c := &book.Contribution{Path: "contributions/ann.md", Slug: "ann", Name: "Ann Reader", Role: "Librarian", Lang: "en",
		Extract: `Someone wrote "read me" in the margin.`}
	cards, _, err := RenderAll(context.Background(), testBook(), []*book.Contribution{c}, testFiles(), 1)
	if err != nil {
		t.Fatal(err)
	}
	txt := cards[0].Text
	if !strings.Contains(txt, "“read me”") || strings.Contains(txt, "‘") || strings.Count(txt, "«") != 1 {
		t.Errorf("card quote %q: the English quotation is not “ ” inside « »", txt)
	}
}

// TestRenderGated: until its gate opens a gated run draws on one goroutine
// only, the whole run if the gate never opens, and the cards are the same
// as an ungated run's; a cancelled run does not wait for the gate.
func TestRenderGated(t *testing.T) {
	b, files, cs := testBook(), testFiles(), contributions()
	want, _, err := RenderSizes(context.Background(), b, cs, files, 2, Wide)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	busy, most := 0, 0
	gate := make(chan struct{}) // never opened
	got, _, err := RenderGated(context.Background(), b, cs, files, 4, gate, Wide, func(i int, c *Card) error {
		mu.Lock()
		busy++
		most = max(most, busy)
		mu.Unlock()
		time.Sleep(2 * time.Millisecond) // long enough for a second goroutine to overlap
		mu.Lock()
		busy--
		mu.Unlock()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if most != 1 {
		t.Errorf("%d cards drawn at once behind a closed gate, want 1", most)
	}
	for i := range cs {
		if !bytes.Equal(got[i].Wide, want[i].Wide) {
			t.Errorf("card %d differs from an ungated run's", i)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	done := make(chan error, 1)
	go func() {
		_, _, err := RenderGated(ctx, b, cs, files, 4, make(chan struct{}), Wide, nil)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Error("a cancelled gated run returned no error")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a cancelled gated run waits for its gate")
	}
}

// TestUnreadableImagesSayWhy: a logo or a photo that cannot be read (the
// loader checks them first, so the file was damaged or removed since) is
// a warning saying why in the book's language, and the card is drawn
// without it.
func TestUnreadableImagesSayWhy(t *testing.T) {
	b := testBook()
	b.Cards.Logo = "editorial/logo.png"
	files := fstest.MapFS{"editorial/logo.png": {Data: testPhoto()[:200]}}
	c := &book.Contribution{Path: "contributions/a.md", Slug: "a", Name: "Léa Martin", Role: "Autrice",
		Photo: "contributions/photos/absente.png", Body: para("Un texte assez long pour une carte.")}
	card, diags, err := Render(b, c, files)
	if err != nil || card == nil {
		t.Fatalf("Render: %v", err)
	}
	want := map[string]string{
		"card-logo-unreadable":  "le logo des cartes editorial/logo.png ne peut pas être lu (le fichier est abîmé ou incomplet) : les cartes sont faites sans logo",
		"card-photo-unreadable": "la photo contributions/photos/absente.png ne peut pas être lue (il a disparu pendant la lecture) : les cartes sont faites sans photo",
	}
	for _, d := range diags {
		if w, ok := want[d.Rule]; ok {
			if d.Message != w || d.Severity != book.Warning {
				t.Errorf("%s: %v %q, want a warning %q", d.Rule, d.Severity, d.Message, w)
			}
			delete(want, d.Rule)
		}
	}
	if len(want) > 0 {
		t.Errorf("no finding %v in %v", want, diags)
	}
}
