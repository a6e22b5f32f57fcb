// Package scaffold holds the files recueil writes for people to start
// from: the contribution template of recueil new, and the whole book
// repository of recueil init (book.yaml with comments, contributions/ with a
// README and an example, the editor's introduction, the GitHub workflows,
// CONTRIBUTING.md, the pull-request template, .gitignore).
//
// The workflows, CONTRIBUTING.md and the pull-request template are also
// recueil's own repository files: a test keeps them equal to what this
// package renders.
package scaffold

import (
	"bytes"
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"
	"text/template"

	"github.com/recueil/recueil/internal/book"
)

//go:embed files
var files embed.FS

// File is one file to write, at a slash-separated path relative to the
// book folder.
type File struct {
	Path string
	Data []byte
}

// Data fills the templates.
type Data struct {
	Title        string
	Identifier   string
	MinWords     int
	MaxWords     int
	ExtractChars int
	PhotoMB      int // photo size limit, rounded up
	PhotoKB      int
	Sections     []string
	// Names is the book's usage of names, for the sort key the new
	// contribution's template shows (the zero value: French usage).
	Names book.Names
	// Developers adds the paragraph for people who change recueil's own
	// code (only in recueil's repository).
	Developers bool
	// Recueil is the version of recueil the workflows install (a release
	// tag, v0.4.0), or Source: recueil's own repository, whose workflows
	// build the commit they run on.
	Recueil string
}

// Source is the Recueil version of recueil's own repository: its
// workflows use the action of their own checkout (uses: ./) and build
// recueil from it.
const Source = "source"

// LatestRelease is the latest release of recueil when this one was built:
// what a development build (no release version) pins new books'
// workflows to. Bumped with each release.
const LatestRelease = "v0.1.0"

// Action is the GitHub Action the workflows use, without its version.
const Action = "recueil/recueil"

// Header is the line of the workflows recueil init writes, which recueil
// upgrade-workflows recognises them by.
const Header = "# Written by « recueil init »"

// NewData returns the data of a book with the given title, identifier and
// limits.
func NewData(title, identifier string, lim book.Limits, sections []string) Data {
	return Data{
		Title:        title,
		Identifier:   identifier,
		MinWords:     lim.MinWords,
		MaxWords:     lim.MaxWords,
		ExtractChars: lim.ExtractChars,
		PhotoMB:      int((lim.PhotoBytes + (1<<20 - 1)) >> 20),
		PhotoKB:      int(lim.PhotoBytes >> 10),
		Sections:     sections,
	}
}

// Contribution is the file a new contributor starts from, with the front
// matter filled in for name.
func Contribution(name string, d Data) []byte {
	key := d.Names.Key(name)
	return render("contribution.md", struct {
		Data
		Name, SortAs string
	}{d, name, key})
}

// Shared are the files of a book repository that recueil's own repository
// holds too: the workflows, CONTRIBUTING.md, the pull-request template and
// the contributors' README with the template CONTRIBUTING.md points to.
func Shared(d Data) []File {
	return []File{
		{".github/pull_request_template.md", render("pull_request_template.md", d)},
		{"contributions/README.md", render("contributions-README.md", d)},
		{".github/workflows/check.yml", workflow("check.yml", d.Recueil)},
		{".github/workflows/draft.yml", workflow("draft.yml", d.Recueil)},
		{".github/workflows/release.yml", workflow("release.yml", d.Recueil)},
		{"CONTRIBUTING.md", render("CONTRIBUTING.md", d)},
	}
}

// Book returns every file of a new book repository, sorted by path.
func Book(d Data) []File {
	out := []File{
		{".gitignore", raw("gitignore")},
		{"book.yaml", render("book.yaml", d)},
		{"contributions/" + ExampleSlug + ".md", raw("example.md")},
		{"editorial/introduction.md", raw("introduction.md")},
	}
	out = append(out, Shared(d)...)
	sortFiles(out)
	return out
}

// ExampleSlug is the file name of the example contribution of a new book.
const ExampleSlug = "exemple-a-remplacer"

func raw(name string) []byte {
	b, err := files.ReadFile(path.Join("files", name))
	if err != nil {
		panic(fmt.Sprintf("scaffold: embedded file %s: %v", name, err)) // a build mistake, caught by the tests
	}
	return b
}

func render(name string, data any) []byte {
	t, err := template.New(name).Funcs(template.FuncMap{
		"yaml": yamlQuote,
		"join": strings.Join,
		"add":  func(a, b int) int { return a + b },
	}).Parse(string(raw(name + ".tmpl")))
	if err != nil {
		panic(fmt.Sprintf("scaffold: template %s: %v", name, err))
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		panic(fmt.Sprintf("scaffold: template %s: %v", name, err))
	}
	return b.Bytes()
}

// workflow renders a workflow for the recueil version v (Source in
// recueil's repository). Workflows are full of GitHub's ${{ }}, so their
// template fields are [% %].
func workflow(name, v string) []byte {
	if v == "" {
		v = LatestRelease
	}
	data := struct {
		Uses, Version string
		Source        bool
	}{Action + "@" + v, v, v == Source}
	if data.Source {
		data.Uses = "./"
	}
	t, err := template.New(name).Delims("[%", "%]").Parse(string(raw("workflows/" + name + ".tmpl")))
	if err != nil {
		panic(fmt.Sprintf("scaffold: template %s: %v", name, err))
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		panic(fmt.Sprintf("scaffold: template %s: %v", name, err))
	}
	return b.Bytes()
}

// yamlQuote writes s as a double-quoted YAML scalar.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func sortFiles(fs []File) {
	sort.Slice(fs, func(i, j int) bool { return fs[i].Path < fs[j].Path })
}
