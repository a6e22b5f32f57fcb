package intake

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/pipeline"
)

var (
	firsts = []string{"Maëlle", "Théo", "Inès", "Gaël", "Zoé", "Loïc", "Anaïs", "Jérôme", "Léa", "Hervé"}
	lasts  = []string{"Le Bihan", "Ferré", "de Kerguelen", "Müller", "Çelik"}
)

// form50 is a Google Forms export of 50 fictional answers as a French
// spreadsheet saves it: a BOM, ";" between cells, CRLF line ends, texts
// of several paragraphs (and a list) in quoted cells.
func form50() []byte {
	var b strings.Builder
	b.WriteString("\ufeffHorodateur;Adresse e-mail;Prénom;Nom;Fonction;Organisation;Compte X;Ville;Lien LinkedIn;Titre;Extrait;Votre texte\r\n")
	for i := 0; i < 50; i++ {
		first, last := firsts[i%10], lasts[i/10]
		slug := book.Slugify(first + " " + last)
		text := fmt.Sprintf("J’ai rencontré ce réseau en %d, un jour de pluie, dans une salle trop petite pour nous tous.\r\n\r\n"+
			"Ce que j’en retiens tient en trois mots :\r\n- écouter ;\r\n- douter ;\r\n- transmettre.\r\n\r\n"+
			"Depuis, chaque semaine, je consacre une heure à accompagner quelqu’un qui débute, comme on l’a fait pour moi. "+
			"Le métier change vite, les outils aussi, mais l’envie d’apprendre ensemble ne s’use pas. "+
			"C’est cette envie, %s, que je voudrais laisser à celles et ceux qui viendront après nous, avec un \"merci\" sincère.",
			2000+i%25, first)
		row := []string{
			fmt.Sprintf("2026/10/%02d 10:%02d:00 UTC+1", 1+i%28, i), slug + "@example.org", first, last,
			"Cheffe de projet numérique", "Association Exemple n°" + fmt.Sprint(i), xHandle(slug),
			"Rennes", "linkedin.com/in/" + slug, "Une heure par semaine", "Le métier change vite, les outils aussi, mais l’envie d’apprendre ensemble ne s’use pas.",
			text,
		}
		for k, c := range row {
			if k > 0 {
				b.WriteString(";")
			}
			b.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		}
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}

// TestForm50: a form export of 50 rows imports to 50 contributions that
// load and check without errors, and the book compiles.
func TestForm50(t *testing.T) {
	root := newBook(t)
	res := CSV(Options{Root: root, Lang: "fr"}, "form.csv", form50(), nil)
	if len(res.Files) != 50 || res.Diags.HasErrors() {
		t.Fatalf("%d files written:\n%s", len(res.Files), res.Diags.Text())
	}
	for _, d := range res.Diags {
		if d.Rule != "csv-column" {
			t.Errorf("unexpected finding: %s", d)
		}
	}
	// The e-mail addresses and the timestamps are not in the book.
	for _, f := range res.Files {
		b, _ := os.ReadFile(filepath.Join(root, f))
		if strings.Contains(string(b), "@example.org") || strings.Contains(string(b), "2026/10") {
			t.Fatalf("%s holds the form's private columns:\n%s", f, b)
		}
	}
	first, _ := os.ReadFile(filepath.Join(root, "contributions", "maelle-le-bihan.md"))
	for _, want := range []string{"name: \"Maëlle Le Bihan\"\n", "role: \"Cheffe de projet numérique\"\n", "handle: \"@maelle_le_bihan\"\n",
		"linkedin: \"https://linkedin.com/in/maelle-le-bihan\"\n", "\n- écouter\u202f;\n- douter\u202f;\n", "avec un «\u202fmerci\u202f» sincère."} {
		if !strings.Contains(string(first), want) {
			t.Errorf("%q missing from\n%s", want, first)
		}
	}
	opts := pipeline.Options{Root: root, Jobs: 2, Only: []string{"pdf"}, Env: func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1795000000"
		}
		return ""
	}}
	b, diags, err := pipeline.Check(opts)
	if err != nil || diags.HasErrors() {
		t.Fatalf("check: %v\n%s", err, diags.Text())
	}
	if len(b.Contributions) != 50 {
		t.Fatalf("%d contributions loaded", len(b.Contributions))
	}
	if r, err := pipeline.Compile(opts); err != nil {
		if r != nil {
			t.Log(r.Diags.Text())
		}
		t.Fatalf("compile: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "output", b.Artifacts().PDF())); err != nil {
		t.Fatal(err)
	}
}

// TestFormRowsSkipped: each row that cannot be imported is named, with
// the row number a spreadsheet shows, and why.
func TestFormRowsSkipped(t *testing.T) {
	root := newBook(t)
	os.WriteFile(filepath.Join(root, "contributions", "deja-la.md"), []byte("mine"), 0o644)
	long := strings.Repeat("Un texte. ", 10)
	csv := "Timestamp,Full name,Job title,Company,Your text,Colonne inconnue\n" +
		"1,Ada Exemple,Ingénieure,Acme,\"" + long + "\n\nSecond paragraphe.\",x\n" + // row 2
		"2,,Rôle,Acme," + long + ",x\n" + // row 3: no name
		"3,Bob Exemple,Rôle,Acme,,x\n" + // row 4: no text
		"4,Ada  Exemple,Rôle,Acme," + long + ",x\n" + // row 5: same name
		"5,Déjà Là,Rôle,Acme," + long + ",x\n" + // row 6: file exists
		"6,Court Exemple,Rôle\n" + // row 7: short, no text
		"7,Lat\xe9 Exemple,Rôle,Acme," + long + ",x\n" + // row 8: Latin-1
		"\n" +
		"8,Eve Exemple,Rôle,Acme,\"" + long + "\",x\n" + // row 10: the blank line is row 9
		"9,Eve Exemple,Rôle,Acme,\"" + long + "\",x\n" // row 11
	res := CSV(Options{Root: root, Lang: "fr"}, "f.csv", []byte(csv), nil)
	if strings.Join(res.Files, " ") != "contributions/ada-exemple.md contributions/eve-exemple.md" {
		t.Errorf("files %v", res.Files)
	}
	want := []string{
		"f.csv:1:1: info: colonne « Colonne inconnue » non reconnue, donc ignorée : associez-la à une clé avec --map clé=« Colonne inconnue » [csv-column]",
		"f.csv:1:1: info: colonne « Timestamp » ignorée : elle n’est jamais écrite dans le livre [csv-column]",
		"f.csv:3:1: warning: ligne 3 non importée : pas de nom [csv-row-skipped]",
		"f.csv:4:1: warning: ligne 4 non importée : pas de texte (Bob Exemple) [csv-row-skipped]",
		"f.csv:5:1: warning: ligne 5 non importée : Ada Exemple est déjà à la ligne 2 (même nom de fichier) [csv-row-skipped]",
		"f.csv:6:1: warning: ligne 6 non importée : contributions/deja-la.md existe déjà (recueil n’écrase jamais un fichier) [csv-row-skipped]",
		"f.csv:7:1: warning: ligne 7 non importée : pas de texte (Court Exemple) [csv-row-skipped]",
		"f.csv:7:1: warning: ligne 7 : 3 cellules au lieu de 6 ; les dernières sont lues vides [csv-short-row]",
		"f.csv:8:1: error: ligne 8 non importée : elle n’est pas en UTF-8 (exportez le fichier en « CSV UTF-8 ») [csv-encoding]",
		"f.csv:11:1: warning: ligne 11 non importée : Eve Exemple est déjà à la ligne 10 (même nom de fichier) [csv-row-skipped]",
	}
	res.Diags.Sort()
	if got := strings.TrimSpace(res.Diags.Text()); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	ada, _ := os.ReadFile(filepath.Join(root, "contributions", "ada-exemple.md"))
	if !strings.Contains(string(ada), "\n\nSecond paragraphe.\n") || !strings.Contains(string(ada), "organization: \"Acme\"") {
		t.Errorf("ada:\n%s", ada)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "contributions", "deja-la.md")); string(b) != "mine" {
		t.Error("an existing file was replaced")
	}
}

// TestFormHeaders: synonyms, "Prénom" and "Nom" joined, --map, and the
// files that are refused whole.
func TestFormHeaders(t *testing.T) {
	for _, c := range []struct {
		header string
		want   string
	}{
		{"Nom complet", "name"}, {"Prénom et nom", "name"}, {"FULL NAME", "name"}, {"Quel est votre rôle ?", "role"},
		{"Société", "organization"}, {"Compte X (Twitter)", "handle"}, {"Votre texte :", "text"}, {"Your text", "text"},
		{"Ville", "city"}, {"Site", "links"}, {"Citation", "extract"}, {"Poste", "role"}, {"Entreprise", "organization"},
		{"Votre texte (80 à 900 mots)", "text"}, {"Quel est votre nom ?", "name"}, {"Nom de famille", "last_name"}, {"Your city", "city"},
	} {
		if got, _ := lookup(headerKey(c.header)); got != c.want {
			t.Errorf("%q: %q (key %q), want %q", c.header, got, headerKey(c.header), c.want)
		}
	}
	text := strings.Repeat("mot ", 90)
	// Microsoft Forms: its own "Nom" is the respondent's account.
	ms := "ID;Heure de début;Heure de fin;Adresse de messagerie;Nom;Prénom et nom;Fonction;Votre texte (80 à 900 mots)\n" +
		"1;x;y;a@example.org;anonymous;Lou Exemple;Poète;" + text + "\n"
	res := CSV(Options{Root: newBook(t), Lang: "fr"}, "ms.csv", []byte(ms), nil)
	if len(res.Files) != 1 || res.Files[0] != "contributions/lou-exemple.md" || !strings.Contains(res.Diags.Text(), "colonne « Nom » non utilisée : la colonne « Prénom et nom » donne déjà name") {
		t.Errorf("Microsoft Forms: %v\n%s", res.Files, res.Diags.Text())
	}
	for _, h := range []string{"ID", "Heure de début", "Heure de fin", "Adresse de messagerie"} {
		if !strings.Contains(res.Diags.Text(), "colonne « "+h+" » ignorée") {
			t.Errorf("%s not ignored:\n%s", h, res.Diags.Text())
		}
	}
	root := newBook(t)
	res = CSV(Options{Root: root, Lang: "en"}, "f.csv", []byte("Q1,Q2,Q3,Site\nJo Exemple,Poète,"+text+",\"N/A www.example.org\"\n"), map[string]string{"name": "Q1", "role": "q2", "text": "Q3"})
	if len(res.Files) != 1 || res.Diags.Text() != "f.csv:2:1: warning: row 2: \"N/A\" is not a web address, it is left out of the links [csv-link]\n" {
		t.Fatalf("--map: %v\n%s", res.Files, res.Diags.Text())
	}
	if b, _ := os.ReadFile(filepath.Join(root, res.Files[0])); !strings.Contains(string(b), "links:\n  - \"https://www.example.org\"\n") {
		t.Errorf("links:\n%s", b)
	}
	for _, c := range []struct{ csv, code, msg string }{
		{"Nom;Fonction\nA;B\n", "csv-header", "no column gives the text"},
		{"Fonction;Texte\nA;B\n", "csv-header", "no column gives the name"},
		{"Nom,Texte\n\"A,B\n", "csv-syntax", "malformed"},
		{"No\xe9m,Texte\nA,B\n", "csv-encoding", "not UTF-8"},
		{"", "csv-header", "empty"},
	} {
		res := CSV(Options{Root: newBook(t), Lang: "en"}, "f.csv", []byte(c.csv), nil)
		if len(res.Files) != 0 || !hasCode(res.Diags, c.code) || !strings.Contains(res.Diags.Text(), c.msg) {
			t.Errorf("%q: files %v\n%s", c.csv, res.Files, res.Diags.Text())
		}
	}
}

// xHandle is the X handle a contributor of the form gives: 15 characters
// at most after the @.
func xHandle(slug string) string {
	h := strings.ReplaceAll(slug, "-", "_")
	if len(h) > 15 {
		h = strings.TrimRight(h[:15], "_")
	}
	return "@" + h
}

// TestFormEmoji: an import fixes what check --fix would: with the book's
// glyphs given (emoji: remove), the emoji its font lacks are removed from
// the text, with the space before them; without (emoji: keep) they stay.
func TestFormEmoji(t *testing.T) {
	long := strings.Repeat("Un texte. ", 10)
	csv := "Full name,Job title,Your text\nAda Exemple,Ingénieure,\"" + long + "Merci 🌸 à tous 👩\u200d👩\u200d👧 !\"\n"
	letters := func(r rune) bool { return r < 0x2000 }
	for _, c := range []struct {
		glyphs func(rune) bool
		want   string
	}{
		{letters, "Merci à tous\u202f!"},
		{nil, "Merci 🌸 à tous 👩\u200d👩\u200d👧\u202f!"},
	} {
		root := newBook(t)
		res := CSV(Options{Root: root, Lang: "fr", Glyphs: c.glyphs}, "f.csv", []byte(csv), nil)
		if len(res.Files) != 1 {
			t.Fatalf("files %v\n%s", res.Files, res.Diags.Text())
		}
		got, _ := os.ReadFile(filepath.Join(root, filepath.FromSlash(res.Files[0])))
		if !strings.Contains(string(got), c.want) {
			t.Errorf("glyphs %v: want %q in\n%s", c.glyphs != nil, c.want, got)
		}
	}
}

// TestCSVSyntaxSaysWhere: a malformed CSV's finding is at the line and
// column the reader stopped at, and says what is wrong in words, not in
// encoding/csv's English.
func TestCSVSyntaxSaysWhere(t *testing.T) {
	for _, c := range []struct{ csv, where, why string }{
		{"Nom,Texte\nAda,Un \"texte\" cité\n", "f.csv:2:8:", "un guillemet droit (\") est au milieu d’une case"},
		{"Nom,Texte\nAdèle,Un \"texte\" cité\n", "f.csv:2:10:", "un guillemet droit"}, // in characters, not bytes
		{"Nom,Texte\nAda,\"Un texte\n", "f.csv:2:", "n’est pas refermée"},
	} {
		res := CSV(Options{Root: newBook(t), Lang: "fr"}, "f.csv", []byte(c.csv), nil)
		text := res.Diags.Text()
		if len(res.Files) != 0 || !hasCode(res.Diags, "csv-syntax") || !strings.HasPrefix(text, c.where) || !strings.Contains(text, c.why) || strings.Contains(text, "quote") {
			t.Errorf("%q:\n%s", c.csv, text)
		}
	}
}
