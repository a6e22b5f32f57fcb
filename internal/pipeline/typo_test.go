package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteAtomic: the new bytes with the old mode, no temporary file
// left; when the rename fails, the target is intact and the temporary file
// is removed.
func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	os.WriteFile(p, []byte("old"), 0o600)
	if err := writeAtomic(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(got) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v", got, st.Mode().Perm())
	}
	// A target that cannot be replaced by a file: a non-empty folder.
	q := filepath.Join(dir, "b.md")
	os.MkdirAll(filepath.Join(q, "x"), 0o755)
	if err := writeAtomic(q, []byte("new")); err == nil {
		t.Errorf("replacing a folder succeeded")
	}
	if st, err := os.Stat(filepath.Join(q, "x")); err != nil || !st.IsDir() {
		t.Errorf("the target was damaged: %v", err)
	}
	if err := writeAtomic(filepath.Join(dir, "missing.md"), []byte("x")); err == nil {
		t.Errorf("writeAtomic created a file that did not exist")
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "a.md b.md" {
		t.Errorf("folder holds %v, want only a.md and b.md", names)
	}
}

// What the outputs fix on their own is one note per file, with the count
// and the kinds, at the first place; what a person must decide (English
// quotes pasted from Word) stays a warning at each place.
func TestTypographyCounted(t *testing.T) {
	root := tinyBook(t)
	body := "Bonjour! C'est l'été... Il a dit “oui” ; puis : non!\n\n" + hostileBody + "\n"
	os.WriteFile(filepath.Join(root, "contributions", "anne-un.md"), []byte("---\nname: Anne Un\nrole: Testeuse\n---\n"+body), 0o644)
	_, diags, err := Check(Options{Root: root, Files: map[string]bool{"contributions/anne-un.md": true}})
	if err != nil {
		t.Fatal(err)
	}
	var notes, quotes []string
	for _, d := range diags {
		switch d.Rule {
		case RuleAutoFixed:
			notes = append(notes, d.String())
		case "typo-english-quotes":
			quotes = append(quotes, fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Col, d.Severity))
		default:
			if strings.HasPrefix(d.Rule, "typo-") {
				t.Errorf("a finding the outputs fix on their own is reported alone: %s", d)
			}
		}
	}
	want := "contributions/anne-un.md:5:8: info: 7 corrections typographiques sont faites d’office dans le PDF, l’EPUB, le site et les cartes (4 espaces avant ; : ! ?, 2 apostrophes droites ', 1 points de suspension ...), la première ici ; recueil check --fix les écrit dans ce fichier. [typo-auto-fixed]"
	if len(notes) != 1 || notes[0] != want {
		t.Errorf("notes:\n%s\nwant\n%s", strings.Join(notes, "\n"), want)
	}
	if fmt.Sprint(quotes) != "[5:34 warning 5:38 warning]" {
		t.Errorf("English quotes: %v", quotes)
	}
	if got := diags.SummaryIn("fr", 1); got != "1 fichier, 0 erreur, 3 avertissements, 1 remarque" { // and book.yaml’s date-epoch
		t.Errorf("summary %q", got)
	}
}
