package check_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/check"
	"github.com/recueil/recueil/internal/load"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestBadBook loads a folder holding one bad file per kind of problem and
// compares every finding (file, line, column, severity, rule) with the
// golden list, so that a position or a rule that drifts is caught.
func TestBadBook(t *testing.T) {
	b, diags, err := load.Load(load.Options{Root: "testdata/badbook"})
	if err != nil {
		t.Fatal(err)
	}
	diags = append(diags, check.Book(b)...)
	diags.Sort()
	var got strings.Builder
	for _, d := range diags {
		got.WriteString(strings.Join([]string{d.File, itoa(d.Pos.Line), itoa(d.Pos.Col), d.Severity.String(), d.Rule}, ":"))
		got.WriteByte('\n')
	}
	golden := filepath.Join("testdata", "badbook.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("findings differ from %s (run go test -update to accept):\n--- got\n%s--- want\n%s\nmessages:\n%s", golden, got.String(), want, diags.Text())
	}
	// Each bad file yields at least one finding with a rule, a position and a message.
	for _, d := range diags {
		if d.Rule == "" || d.Message == "" || d.Pos.Line < 1 || d.Pos.Col < 1 {
			t.Errorf("incomplete finding: %+v", d)
		}
	}
	// The good file has none but the homonym it shares with its twin.
	for _, d := range diags {
		if d.File == "contributions/ok-personne.md" && d.Rule != "homonym" {
			t.Errorf("the correct file got a finding: %s", d)
		}
	}
}

func itoa(n int) string {
	s := ""
	if n == 0 {
		return "0"
	}
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

func TestRulesHaveDocs(t *testing.T) {
	doc, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	b, diags, err := load.Load(load.Options{Root: "testdata/badbook"})
	if err != nil {
		t.Fatal(err)
	}
	diags = append(diags, check.Book(b)...)
	for _, d := range diags {
		if !strings.Contains(string(doc), "`"+d.Rule+"`") {
			t.Errorf("rule %s is not documented in docs/rules.md", d.Rule)
		}
	}
	_ = book.Error
}

// A file whose card would be another's square or portrait card is an
// error on that file, naming the other.
func TestNameClash(t *testing.T) {
	b := book.Defaults()
	for _, s := range []string{"anne", "anne-square", "anne-portrait", "bruno-portrait"} {
		b.Contributions = append(b.Contributions, &book.Contribution{Path: "contributions/" + s + ".md", Slug: s, Name: "N " + s})
	}
	var got []string
	for _, d := range check.Book(&b) {
		if d.Rule == "name-clash" {
			if !strings.Contains(d.Message, "contributions/anne.md") {
				t.Errorf("the finding does not name the other file: %s", d)
			}
			got = append(got, d.File)
		}
	}
	want := []string{"contributions/anne-square.md", "contributions/anne-portrait.md"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("name-clash on %q, want %q", got, want)
	}
}
