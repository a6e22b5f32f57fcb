package scaffold

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/load"
	"github.com/recueil/recueil/internal/typo"
)

var update = flag.Bool("update", false, "rewrite the repository's shared files from the templates")

// repoData is what the repository's own shared files are rendered from:
// the sample book's book.yaml.
func repoData(t *testing.T) Data {
	t.Helper()
	b, _, err := load.Load(load.Options{Root: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	d := NewData(b.Title, b.Identifier, b.Limits, b.Sections)
	d.Developers = true
	d.Recueil = Source
	return d
}

// TestRepositoryFilesAreTheTemplates keeps recueil's own workflows,
// CONTRIBUTING.md and pull-request template equal to what recueil init
// writes (go test ./internal/scaffold -update rewrites them).
func TestRepositoryFilesAreTheTemplates(t *testing.T) {
	for _, f := range Shared(repoData(t)) {
		p := filepath.Join("..", "..", filepath.FromSlash(f.Path))
		if *update {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: %v (go test ./internal/scaffold -update writes it)", f.Path, err)
			continue
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("%s differs from internal/scaffold/files (go test ./internal/scaffold -update rewrites it)", f.Path)
		}
	}
}

func TestLimitsAreTheBooks(t *testing.T) {
	lim := book.Limits{MinWords: 120, MaxWords: 650, ExtractChars: 200, PhotoBytes: 3 << 20}
	d := NewData("Titre", "urn:x", lim, nil)
	for _, f := range Shared(d) {
		if f.Path != "CONTRIBUTING.md" && f.Path != ".github/pull_request_template.md" {
			continue
		}
		s := string(f.Data)
		for _, want := range []string{"120", "650", "200", "3 Mo"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s does not state the limit %q", f.Path, want)
			}
		}
		if strings.Contains(s, "{{") || strings.Contains(s, "<no value>") {
			t.Errorf("%s has an unfilled template field", f.Path)
		}
	}
	c := string(Contribution("Zoé Martin", d))
	if !strings.Contains(c, "entre 120 et 650 mots") {
		t.Errorf("the contribution template does not state the book's limits:\n%s", c)
	}
}

// TestProseIsTypographicallyClean: what recueil writes for people to
// start from passes recueil check without a typography finding.
func TestProseIsTypographicallyClean(t *testing.T) {
	d := NewData("Mon livre", book.DerivedIdentifier("Mon livre"), book.Defaults().Limits, []string{"Première partie"})
	var all []File
	all = append(all, Book(d)...)
	all = append(all, File{"contributions/charlotte-de-montfleury.md", Contribution("Charlotte de Montfleury", d)})
	for _, f := range all {
		// What recueil checks: contributions (README aside) and editorial texts.
		if !strings.HasSuffix(f.Path, ".md") || f.Path == "contributions/README.md" || !strings.Contains(f.Path, "/") {
			continue
		}
		for _, fd := range typo.Check("fr", f.Data) {
			t.Errorf("%s:%d:%d: %s [%s]", f.Path, fd.Line, fd.Col, fd.Message, fd.Rule)
		}
	}
}

func TestContribution(t *testing.T) {
	d := NewData("Livre", "urn:x", book.Defaults().Limits, []string{"Réseaux", "Emploi"})
	c := string(Contribution(`Charlotte "Lola" de Montfleury`, d))
	for _, want := range []string{
		"name: \"Charlotte \\\"Lola\\\" de Montfleury\"\n",
		"# sort_as: \"Montfleury, Charlotte \\\"Lola\\\" de\"",
		"# section: \"Réseaux\"   # la partie du livre : Réseaux, Emploi",
	} {
		if !strings.Contains(c, want) {
			t.Errorf("template lacks %q:\n%s", want, c)
		}
	}
}

// TestBookLoads writes a new book and loads it: book.yaml holds every key
// of the contract (set or commented), and the book has no finding at all.
func TestBookLoads(t *testing.T) {
	dir := t.TempDir()
	title := "Rencontres d’ici"
	d := NewData(title, book.DerivedIdentifier(title), book.Defaults().Limits, nil)
	var yml string
	for _, f := range Book(d) {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		if f.Path == "book.yaml" {
			yml = string(f.Data)
		}
	}
	for _, k := range load.BookKeys {
		if !regexp.MustCompile(`(?m)^(# )?` + k + `:`).MatchString(yml) {
			t.Errorf("book.yaml does not mention the key %s", k)
		}
	}
	b, diags, err := load.Load(load.Options{Root: dir, Env: func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1795000000"
		}
		return ""
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, dg := range diags {
		t.Errorf("finding in a new book: %s", dg)
	}
	if b.Title != title || b.Identifier != book.DerivedIdentifier(title) || b.Limits != book.Defaults().Limits {
		t.Errorf("book.yaml read back as title %q, identifier %q, limits %+v", b.Title, b.Identifier, b.Limits)
	}
	if b.Introduction == nil || len(b.Contributions) != 1 || b.Contributions[0].Slug != ExampleSlug {
		t.Errorf("introduction %v, contributions %d", b.Introduction != nil, len(b.Contributions))
	}
	if !strings.Contains(string(mustRead(t, filepath.Join(dir, ".gitignore"))), "/output/") {
		t.Errorf(".gitignore does not ignore output/")
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The new contribution's template shows the sort key in the book's usage
// of names: "van den Broek" under V in a Dutch book, under B in French.
func TestContributionSortKeyFollowsTheBook(t *testing.T) {
	d := NewData("T", "x", book.Defaults().Limits, nil)
	if got := string(Contribution("Pieter van den Broek", d)); !strings.Contains(got, `# sort_as: "Broek, Pieter van den"`) && !strings.Contains(got, "# sort_as: Broek, Pieter van den") {
		t.Errorf("French usage: %s", got)
	}
	d.Names = book.ResolveLocale("nl").Names
	if got := string(Contribution("Pieter van den Broek", d)); !strings.Contains(got, "van den Broek, Pieter") {
		t.Errorf("Dutch usage: %s", got)
	}
}
