package epub

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"testing"
	"testing/fstest"

	"github.com/recueil/recueil/internal/book"
)

// pngBytes draws a small deterministic PNG.
func pngBytes(t testing.TB, w, h int, c color.RGBA) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{R: c.R ^ uint8(x*3), G: c.G ^ uint8(y*5), B: c.B, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func p(text string) book.Block {
	return book.Block{Kind: book.Paragraph, Spans: []book.Span{{Text: text}}}
}

func item(blocks ...book.Block) book.Block {
	return book.Block{Kind: book.ListItem, Children: blocks}
}

// sampleBook builds a small but complete book in code: sections, particles,
// accents, a photo, an extract, links, nested lists, quotes, an
// introduction, an afterword, partners and a draft that must stay out.
func sampleBook(t testing.TB) (*book.Book, fstest.MapFS) {
	t.Helper()
	files := fstest.MapFS{
		"editorial/cover.png":               {Data: pngBytes(t, 60, 90, color.RGBA{R: 30, G: 40, B: 70})},
		"editorial/logo.png":                {Data: pngBytes(t, 40, 20, color.RGBA{R: 200, G: 150, B: 60})},
		"contributions/photos/violette.png": {Data: pngBytes(t, 32, 32, color.RGBA{R: 120, G: 80, B: 160})},
		"contributions/photos/schema.png":   {Data: pngBytes(t, 48, 24, color.RGBA{R: 10, G: 200, B: 90})},
	}
	b := book.Defaults()
	b.Title = "Rencontres improbables"
	b.Subtitle = "Livre blanc collectif"
	b.Editors = []string{"Camille Exemple"}
	b.Publisher = "Éditions de l’Exemple"
	b.Identifier = "urn:uuid:6f1c2a3e-9d4b-4c5e-8f7a-1b2c3d4e5f60"
	b.Edition = "1re édition"
	b.Date = "2026-11-21"
	b.Version = "v1.0.0-3-gabcdef0"
	b.License = "CC BY-NC-ND 4.0"
	b.URL = "https://example.org/livre"
	b.Cover = "editorial/cover.png"
	b.Sections = []string{"Réseaux et emploi", "Bienveillance numérique"}
	b.Partners = []book.Partner{
		{Name: "Association Exemple", Logo: "editorial/logo.png", URL: "https://example.org"},
		{Name: "Fondation Sans Logo"},
	}
	b.Introduction = &book.Editorial{
		Path:  "editorial/introduction.md",
		Title: "Pourquoi ce livre ?",
		Body: []book.Block{
			p("Ce recueil rassemble des rencontres : des gens qui, un jour, se sont croisés."),
			{Kind: book.Heading, Level: 2, Spans: []book.Span{{Text: "Comment le lire"}}},
			p("Dans l’ordre, ou pas."),
		},
	}
	b.Afterword = &book.Editorial{
		Path: "editorial/postface.md",
		Body: []book.Block{p("Merci à toutes et à tous.")},
	}
	violette := &book.Contribution{
		Path: "contributions/violette-exemple.md", Slug: "violette-exemple",
		Name: "Violette Exemple", Role: "Directrice de la communication",
		Organization: "Exemple & Cie", Handle: "@violette", City: "Lyon",
		Links: []string{"https://example.org/violette", "javascript:alert(1)"},
		Photo: "contributions/photos/violette.png",
		Title: "Une rencontre au café", Section: "Réseaux et emploi",
		Extract: "Rien ne remplace une vraie rencontre.",
		Fields:  map[string]book.Pos{"photo": {Line: 8, Col: 8}},
		Body: []book.Block{
			{Kind: book.Paragraph, Line: 14, Spans: []book.Span{
				{Text: "Je l’ai rencontrée "}, {Text: "par hasard", Style: book.Italic},
				{Text: ", un matin d’hiver. "}, {Text: "Rien ne remplace une vraie rencontre.", Style: book.Bold},
				{Text: " Voir "}, {Text: "son site", Link: "https://example.org/?a=1&b=2"},
				{Text: " ou "}, {Text: "m’écrire", Link: "mailto:violette@example.org"},
				{Text: " (et pas "}, {Text: "ce lien", Link: "javascript:alert(1)"}, {Text: ")."},
				{Break: true}, {Text: "La commande "}, {Text: "go test", Style: book.Code}, {Text: " suffit."},
			}},
			{Kind: book.Heading, Level: 1, Line: 16, Spans: []book.Span{{Text: "Ce que j’ai appris"}}},
			{Kind: book.List, Line: 18, Children: []book.Block{
				item(p("écouter ;")),
				item(p("répondre :"), book.Block{Kind: book.List, Ordered: true, Start: 3, Children: []book.Block{
					item(p("vite,")), item(p("bien.")),
				}}),
			}},
			{Kind: book.Quote, Line: 22, Children: []book.Block{p("« Le hasard fait bien les choses. »")}},
			{Kind: book.Rule, Line: 24},
			{Kind: book.Heading, Level: 3, Line: 26, Spans: []book.Span{{Text: "Un schéma"}}},
			{Kind: book.Image, Line: 27, Src: "contributions/photos/schema.png", Alt: "Schéma de la rencontre"},
			{Kind: book.CodeBlock, Line: 28, Spans: []book.Span{{Text: "if a < b && c > d {\n\treturn\n}\n", Style: book.Code}}},
		},
	}
	alembert := &book.Contribution{
		Path: "contributions/jean-d-alembert.md", Slug: "jean-d-alembert",
		Name: "Jean d’Alembert", Role: "Encyclopédiste", Section: "Bienveillance numérique",
		Body: []book.Block{p("Un texte bref, mais sincère ; et même un peu naïf !")},
	}
	lejossec := &book.Contribution{
		Path: "contributions/anne-marie-le-jossec.md", Slug: "anne-marie-le-jossec",
		Name: "Anne-Marie Le Jossec", Role: "Chargée de « projets » <numériques>", Section: "Réseaux et emploi",
		City: "Saint-Étienne",
		// A control character from a careless copy and paste must not break the XML.
		Body: []book.Block{p("Œuvrer ensemble\x01, c’est « possible » & souhaitable.")},
	}
	kraats := &book.Contribution{
		Path: "contributions/pieter-van-der-kraats.md", Slug: "pieter-van-der-kraats",
		Name: "Pieter Van der Kraats", Role: "Ingénieur", Organization: "Kraats BV",
		Body: []book.Block{p("Hors section, mais bien dans le livre.")},
	}
	draft := &book.Contribution{
		Path: "contributions/hors-livre.md", Slug: "hors-livre",
		Name: "Hors Livre", Role: "Brouillon", Draft: true, Section: "Réseaux et emploi",
		Body: []book.Block{p("Ce texte ne doit pas paraître.")},
	}
	b.Contributions = []*book.Contribution{violette, alembert, lejossec, kraats, draft}
	b.Sort()
	return &b, files
}

// generatedBook is a large book for the benchmark: n contributions, one
// photo in ten.
func generatedBook(tb testing.TB, n int) (*book.Book, fstest.MapFS) {
	b, files := sampleBook(tb)
	first := []string{"Violette", "Jean", "Élise", "Anne-Marie", "Pieter", "Zoé", "Léa", "Émile"}
	last := []string{"Exemple", "d’Alembert", "Le Jossec", "Van der Kraats", "de Gaulle", "Œillet", "Étienne", "Martin"}
	var para []book.Block
	for i := 0; i < 5; i++ {
		para = append(para, book.Block{Kind: book.Paragraph, Spans: []book.Span{
			{Text: "Une phrase assez longue pour ressembler à un vrai paragraphe : elle parle de rencontres, "},
			{Text: "de hasard", Style: book.Italic},
			{Text: " et de ce qui reste ; une autre phrase suit, puis une troisième, qui conclut. "},
		}})
	}
	b.Contributions = nil
	for i := 0; i < n; i++ {
		c := &book.Contribution{
			Path:    fmt.Sprintf("contributions/c%04d.md", i),
			Slug:    fmt.Sprintf("c%04d", i),
			Name:    first[i%len(first)] + " " + last[(i/len(first))%len(last)],
			Role:    "Rôle numéro " + fmt.Sprint(i),
			Section: b.Sections[i%len(b.Sections)],
			Extract: "Une phrase mise en avant.",
			Body:    para,
		}
		if i%10 == 0 {
			c.Photo = fmt.Sprintf("contributions/photos/p%04d.png", i)
			files[c.Photo] = &fstest.MapFile{Data: pngBytes(tb, 64, 64, color.RGBA{R: uint8(i), G: 80, B: 160})}
		}
		b.Contributions = append(b.Contributions, c)
	}
	b.Sort()
	return b, files
}
