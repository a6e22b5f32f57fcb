// Package testbook builds books in code for the typesetting and PDF tests
// and benchmarks: French texts with accents, lists, quotes, links and a
// photo generated on the fly.
package testbook

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"

	"github.com/recueil/recueil/internal/book"
)

// Photo writes a w×h PNG portrait at root/rel.
func Photo(root, rel string, w, h int) error {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(40 + 150*x/w), uint8(80 + 100*y/h), 150, 255})
		}
	}
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func p(s ...book.Span) book.Block { return book.Block{Kind: book.Paragraph, Spans: s} }
func t(s string) book.Span        { return book.Span{Text: s} }

var people = []struct{ name, role, org, city, title string }{
	{"Violette Exemple", "Directrice de la communication", "Exemple & Cie", "Lyon", "Ce que les rencontres improbables m’ont appris"},
	{"Charles de Montfleury", "Ingénieur réseau", "", "Nantes", "Une poignée de main, un câble, une carrière"},
	{"Anne-Marie Le Jossec", "Responsable des ressources humaines", "Groupe Océan", "Brest", "Recruter autrement"},
	{"Pieter Van der Kraats", "Consultant indépendant", "", "Lille", ""},
	{"Jérôme Cœurderoy", "Bibliothécaire", "Médiathèque Émile-Zola", "Montpellier", "Œuvrer ensemble"},
	{"Inès Castellanos Ferrer", "Étudiante en sociologie", "Université de Toulouse", "Toulouse", "Les réseaux, vus d’en bas"},
	{"Jean d’Alembert", "Mathématicien amateur", "", "Paris", "Le hasard et la nécessité des rencontres"},
	{"Zoé Zèbre", "Cheffe de projet numérique", "Zèbre Studio", "Bordeaux", "Bienveillance numérique"},
}

var paragraphs = []string{
	"Aujourd’hui, l’école est peut-être fermée, mais les rencontres continuent\u202f: elles se font ailleurs, autrement, souvent là où on ne les attendait pas. J’ai appris à écouter avant de parler, à demander plutôt qu’à affirmer.",
	"Il y a dix ans, j’ai croisé une inconnue dans un train entre Lyon et Paris. Nous avons parlé de tout et de rien pendant deux heures\u202f; elle m’a proposé, à l’arrivée, de rejoindre son équipe. Je n’ai jamais regretté d’avoir dit oui.",
	"Les réseaux professionnels ne sont pas des annuaires. Ce sont des histoires, des services rendus, des conseils donnés sans rien attendre en retour. Les 500\u00a0000 vues d’une publication comptent moins qu’un seul message sincère.",
	"Qu’est-ce qu’une rencontre improbable\u202f? C’est celle qui déplace quelque chose en nous\u202f: une certitude, une habitude, une manière de voir le monde et les autres. Elle est rarement spectaculaire, presque toujours discrète.",
	"Nous avons construit, pas à pas, une communauté d’entraide où chacun peut demander de l’aide sans crainte du jugement. L’anticonstitutionnellement célèbre bureaucratie n’y a pas sa place\u00a0: on s’y parle franchement.",
}

// Contribution returns the i-th generated contribution (i >= 0), with a
// varied body. Names repeat after len(people) with a number to stay unique.
func Contribution(i int, section string) *book.Contribution {
	pp := people[i%len(people)]
	name := pp.name
	slug := fmt.Sprintf("contrib-%03d", i)
	if i >= len(people) {
		name = fmt.Sprintf("%s %c", pp.name, 'A'+rune(i/len(people))%26)
	}
	c := &book.Contribution{
		Path: "contributions/" + slug + ".md", Slug: slug, Name: name, Role: pp.role,
		Organization: pp.org, City: pp.city, Title: pp.title, Section: section,
		Handle:  fmt.Sprintf("@auteur%d", i),
		Extract: "La rencontre la plus importante est souvent celle qu’on n’avait pas prévue.",
		Links:   []string{"https://example.org/" + slug},
	}
	body := []book.Block{
		p(t(paragraphs[i%len(paragraphs)])),
		p(t("Comme l’écrivait une amie\u202f: "), book.Span{Text: "«\u202fla chance sourit aux esprits préparés\u202f»", Style: book.Italic},
			t(", et j’y ajouterais "), book.Span{Text: "aux cœurs ouverts", Style: book.Bold}, t(". Pour en savoir plus, voyez "),
			book.Span{Text: "notre site", Link: "https://example.org/rencontres"}, t(" ou écrivez-nous.")),
	}
	if i%2 == 0 {
		body = append(body,
			book.Block{Kind: book.Heading, Level: 2, Spans: []book.Span{t("Trois leçons")}},
			book.Block{Kind: book.List, Ordered: i%4 == 0, Children: []book.Block{
				{Kind: book.ListItem, Children: []book.Block{p(t("écouter avant de parler, longuement, sans préparer sa réponse pendant que l’autre s’exprime\u00a0;"))}},
				{Kind: book.ListItem, Children: []book.Block{p(t("demander de l’aide\u00a0;")),
					{Kind: book.List, Children: []book.Block{{Kind: book.ListItem, Children: []book.Block{p(t("même quand c’est difficile"))}}}}}},
				{Kind: book.ListItem, Children: []book.Block{p(t("rendre la pareille."))}},
			}},
			book.Block{Kind: book.Quote, Children: []book.Block{p(t("On ne voit bien qu’avec le cœur. L’essentiel est invisible pour les yeux."))}},
			book.Block{Kind: book.Rule},
		)
	}
	body = append(body, p(t(paragraphs[(i+1)%len(paragraphs)])), p(t("Merci à toutes et à tous."), book.Span{Break: true}, t("— "+name)))
	for j := range body {
		body[j].Line = 10 + 2*j
	}
	c.Body = body
	c.Words = book.CountWords(book.BlocksText(body))
	return c
}

// New builds a book of n contributions in two sections, with an
// introduction, an afterword, a partner and a photo for the first
// contribution, written under root.
func New(root string, n int) (*book.Book, error) {
	b := book.Defaults()
	b.Root = root
	b.Title = "Rencontres improbables"
	b.Subtitle = "Livre blanc collectif"
	b.Editors = []string{"Camille Exemple"}
	b.Publisher = "Éditions de l’Exemple"
	b.Identifier = "urn:uuid:00000000-0000-4000-8000-000000000000"
	b.Edition = "1re édition"
	b.Date = "2026-11-21"
	b.Version = "v1.0.0"
	b.License = "CC BY-NC-ND 4.0"
	b.URL = "https://example.org/livre"
	b.Hashtag = "#612R"
	b.Sections = []string{"Réseaux et emploi", "Bienveillance numérique"}
	b.Introduction = &book.Editorial{Path: "editorial/introduction.md", Body: []book.Block{
		p(t("Ce livre rassemble des voix diverses, venues d’horizons très différents, autour d’une même question\u202f: qu’est-ce qu’une rencontre change à une vie professionnelle\u202f?")),
		p(t("Chaque texte est court. Lisez-les dans l’ordre ou au hasard, comme on rencontre les gens.")),
	}}
	b.Afterword = &book.Editorial{Path: "editorial/postface.md", Body: []book.Block{p(t("Merci aux contributrices et contributeurs."))}}
	if err := Photo(root, "contributions/photos/violette.png", 120, 150); err != nil {
		return nil, err
	}
	if err := Photo(root, "editorial/logo.png", 200, 80); err != nil {
		return nil, err
	}
	b.Partners = []book.Partner{{Name: "Association Exemple", Logo: "editorial/logo.png", URL: "https://example.org/asso"}}
	for i := 0; i < n; i++ {
		c := Contribution(i, b.Sections[i%2])
		if i == 0 {
			c.Photo = "contributions/photos/violette.png"
		}
		b.Contributions = append(b.Contributions, c)
	}
	b.Sort()
	return &b, nil
}
