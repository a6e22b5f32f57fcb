package book

import (
	"strings"
	"testing"
)

func TestNameKey(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"Violette Exemple", "Exemple, Violette"},
		{"Charles de Gaulle", "Gaulle, Charles de"},
		{"Jean de La Fontaine", "La Fontaine, Jean de"},
		{"Anne-Marie Le Jossec", "Le Jossec, Anne-Marie"},
		{"Pieter Van der Kraats", "Van der Kraats, Pieter"},
		{"Pieter van der Kraats", "Kraats, Pieter van der"},
		{"Jean d’Alembert", "Alembert, Jean d’"},
		{"Jean d'Alembert", "Alembert, Jean d'"},
		{"Marie Claire Dupont", "Dupont, Marie Claire"},
		{"Agathe des Roches", "Roches, Agathe des"},
		{"Zoé", "Zoé"},
		{"", ""},
	} {
		if got := NameKey(tc.name); got != tc.want {
			t.Errorf("NameKey(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestOrderSurnameFrenchCollation(t *testing.T) {
	mk := func(path, name string) *Contribution { return &Contribution{Path: path, Name: name} }
	b := Defaults()
	b.Contributions = []*Contribution{
		mk("contributions/z.md", "Zoé Zèbre"),
		mk("contributions/e2.md", "Élise Étienne"),
		mk("contributions/e1.md", "Paul Etienne"),
		mk("contributions/g.md", "Charles de Gaulle"),
		mk("contributions/l.md", "Anne Le Jossec"),
		mk("contributions/a.md", "Jean d’Alembert"),
		mk("contributions/dup-b.md", "Paul Martin"),
		mk("contributions/dup-a.md", "Paul Martin"),
		mk("contributions/o.md", "Léa Œillet"),
	}
	b.Sort()
	var got []string
	for _, c := range b.Contributions {
		got = append(got, c.Path)
	}
	want := []string{"contributions/a.md", "contributions/e2.md", "contributions/e1.md",
		"contributions/g.md", "contributions/l.md", "contributions/dup-a.md", "contributions/dup-b.md",
		"contributions/o.md", "contributions/z.md"}
	// Étienne, Élise vs Etienne, Paul: the given name decides (É = E at primary level).
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order = %v\nwant    %v", got, want)
		}
	}
}

func TestOrderSectionsAndManual(t *testing.T) {
	b := Defaults()
	b.Sections = []string{"Un", "Deux"}
	b.Order = "manual"
	b.Manual = []string{"c", "b"}
	b.Contributions = []*Contribution{
		{Path: "contributions/a.md", Slug: "a", Name: "A A", Section: "Deux"},
		{Path: "contributions/b.md", Slug: "b", Name: "B B", Section: "Un"},
		{Path: "contributions/c.md", Slug: "c", Name: "C C", Section: "Un"},
		{Path: "contributions/d.md", Slug: "d", Name: "D D"},
	}
	b.Sort()
	var got string
	for _, c := range b.Contributions {
		got += c.Slug
	}
	if got != "cbad" {
		t.Fatalf("order = %s, want cbad", got)
	}
}

func TestIndexGroups(t *testing.T) {
	b := Defaults()
	b.Contributions = []*Contribution{
		{Path: "x/1.md", Name: "Émile Ébène"}, {Path: "x/2.md", Name: "Éric Eau"},
		{Path: "x/3.md", Name: "Léa Œillet"}, {Path: "x/4.md", Name: "Hors Livre", Draft: true},
		{Path: "x/5.md", Name: "Anne Le Jossec"},
	}
	g := b.Index()
	var got string
	for _, gr := range g {
		got += gr.Letter + ":"
		for _, e := range gr.Entries {
			got += e.Key + ";"
		}
	}
	want := "E:Eau, Éric;Ébène, Émile;L:Le Jossec, Anne;O:Œillet, Léa;"
	if got != want {
		t.Fatalf("index = %q\nwant    %q", got, want)
	}
}

func TestCountWords(t *testing.T) {
	for _, tc := range []struct {
		s string
		n int
	}{
		{"Aujourd’hui, l’école est peut-être fermée.", 5},
		{"  ", 0}, {"500 000 vues !", 3}, {"« Oui » — dit-il.", 2},
	} {
		if got := CountWords(tc.s); got != tc.n {
			t.Errorf("CountWords(%q) = %d, want %d", tc.s, got, tc.n)
		}
	}
}

// A French index compares the surname first, whole, then the given name:
// a plain surname comes before the compound ones that start with it.
func TestOrderCompoundSurnames(t *testing.T) {
	b := Defaults()
	b.Contributions = []*Contribution{
		{Path: "contributions/gf.md", Name: "Aline Gauthier-François"},
		{Path: "contributions/g.md", Name: "Camille Gauthier"},
		{Path: "contributions/fl.md", Name: "Aline Fabre Lemaire", SortAs: "Fabre Lemaire, Aline"},
		{Path: "contributions/fz.md", Name: "Zoé Fabre"},
		{Path: "contributions/f.md", Name: "Fabre"},
		{Path: "contributions/ga.md", Name: "Bruno Gauthier"},
		{Path: "contributions/h.md", Name: "Henri Gautier"},
	}
	b.Sort()
	var got []string
	for _, c := range b.Contributions {
		got = append(got, c.SortKey())
	}
	want := []string{"Fabre", "Fabre, Zoé", "Fabre Lemaire, Aline",
		"Gauthier, Bruno", "Gauthier, Camille", "Gauthier-François, Aline", "Gautier, Henri"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Fatalf("order = %q\nwant    %q", got, want)
	}
	var idx []string
	for _, g := range b.Index() {
		for _, e := range g.Entries {
			idx = append(idx, e.Key)
		}
	}
	if strings.Join(idx, "; ") != strings.Join(want, "; ") {
		t.Fatalf("index = %q\nwant    %q", idx, want)
	}
	col := b.Locale().Collator()
	for _, p := range [][2]string{{"Gauthier, Camille", "Gauthier-François, Aline"}, {"Fabre", "Fabre Lemaire"}, {"Fabre, Zoé", "Fabre Lemaire, Aline"}} {
		if col.CompareKeys(p[0], p[1]) >= 0 || col.CompareKeys(p[1], p[0]) <= 0 {
			t.Errorf("CompareKeys(%q, %q) does not put the first before", p[0], p[1])
		}
	}
}

// IndexBy groups contributors by organisation (or city), the groups in the
// book's collation, accents and case not splitting a group, and leaves out
// who has none.
func TestIndexBy(t *testing.T) {
	b := &Book{Language: "fr", Order: "surname"}
	add := func(name, org, city string) {
		b.Contributions = append(b.Contributions, &Contribution{Name: name, Organization: org, City: city, Path: "contributions/" + name + ".md", Slug: name})
	}
	add("Zoé Martin", "Écoles réunies", "Lyon")
	add("Ana Bel", "écoles réunies", "Arles")
	add("Marc Durand", "Atelier", "")
	add("Luc Sans", "", "Lyon")
	groups := b.IndexBy(IndexByOrganization)
	if len(groups) != 2 || groups[0].Letter != "Atelier" || groups[1].Letter != "Écoles réunies" {
		t.Fatalf("organisations: %+v", groups)
	}
	if len(groups[1].Entries) != 2 || groups[1].Entries[0].Contribution.Name != "Ana Bel" {
		t.Errorf("Écoles réunies: %+v", groups[1].Entries)
	}
	cities := b.IndexBy(IndexByCity)
	if len(cities) != 2 || cities[0].Letter != "Arles" || len(cities[1].Entries) != 2 {
		t.Errorf("cities: %+v", cities)
	}
}
