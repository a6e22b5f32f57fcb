package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCardsBesideTypesetter: a run that writes no PDF draws the cards on
// their own goroutine beside the typesetter (jobs > 1); it must give the
// bytes, the findings in their order and the count of cards drawn of a run
// that draws them after it (one job).
// The book has a finding of the cards' own: a role too long for a card.
func TestCardsBesideTypesetter(t *testing.T) {
	root := copyBook(t)
	edit := func(name, old, new string) {
		p := filepath.Join(root, name)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s: no %q", name, old)
		}
		if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("contributions/agathe-brisefer.md", "role: Institutrice à la retraite",
		"role: Institutrice à la retraite"+strings.Repeat(", présidente d’une association de lecteurs", 3))
	dir := t.TempDir()
	run := func(jobs int, name string) (*Result, []byte) {
		out := filepath.Join(dir, name, "out")
		res, err := Compile(Options{Root: root, Out: out, Jobs: jobs, Only: []string{"site", "cards"},
			Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})})
		if err != nil {
			t.Fatal(err, res.Diags.Text())
		}
		sums, err := os.ReadFile(filepath.Join(out, "SHA256SUMS"))
		if err != nil {
			t.Fatal(err)
		}
		return res, sums
	}
	after, afterSums := run(1, "after")
	beside, besideSums := run(2, "beside")
	if !bytes.Equal(afterSums, besideSums) {
		t.Errorf("SHA256SUMS differ between the cards drawn after the typesetter and beside it")
	}
	for _, code := range []string{"card-text-cut"} {
		if !strings.Contains(beside.Diags.Text(), code) {
			t.Errorf("no %s finding:\n%s", code, beside.Diags.Text())
		}
	}
	if a, b := after.Diags.Text(), beside.Diags.Text(); a != b {
		t.Errorf("findings differ:\nafter:\n%s\nbeside:\n%s", a, b)
	}
	if after.Rendered.Cards == 0 || after.Rendered.Cards != beside.Rendered.Cards {
		t.Errorf("cards drawn: %d after, %d beside", after.Rendered.Cards, beside.Rendered.Cards)
	}
}
