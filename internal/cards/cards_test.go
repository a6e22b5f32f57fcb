package cards

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/recueil/recueil/internal/book"
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
	cards, diags, err := RenderAll(b, cs, testFiles(), 2)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cards {
		write(t, cs[i].Slug+".png", c.Wide)
		write(t, cs[i].Slug+"-square.png", c.Square)
		t.Logf("%s: %q", cs[i].Slug, c.Alt)
	}
	t.Log(diags.Text())
}
