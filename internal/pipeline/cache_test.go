package pipeline

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// copyBook copies the sample book's sources into a temporary folder.
func copyBook(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	for _, p := range []string{"book.yaml", "contributions", "editorial"} {
		if out, err := exec.Command("cp", "-r", filepath.Join(sampleRoot, p), dst).CombinedOutput(); err != nil {
			t.Fatalf("cp: %v %s", err, out)
		}
	}
	return dst
}

// TestWarmBuild: after one contribution changed, a compile draws only that
// contributor's cards and offprint, and its output is byte for byte that of
// a cold build of the same sources.
func TestWarmBuild(t *testing.T) {
	root := copyBook(t)
	opts := Options{Root: root, Jobs: 2, Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})}
	cold, err := Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	n := len(cold.Book.Published())
	if cold.Rendered.Cards != n || cold.Rendered.Offprints != n {
		t.Fatalf("cold build drew %+v, want %d of each", cold.Rendered, n)
	}
	again, err := Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	if again.Rendered.Cards != 0 || again.Rendered.Offprints != 0 {
		t.Errorf("unchanged build drew %+v, want nothing", again.Rendered)
	}
	if again.Diags.Text() != cold.Diags.Text() {
		t.Errorf("findings differ from a cold build:\n%s\n%s", again.Diags.Text(), cold.Diags.Text())
	}
	// Change one word of the last contribution (its pages only).
	last := cold.Book.Published()[n-1]
	p := filepath.Join(root, filepath.FromSlash(last.Path))
	raw, _ := os.ReadFile(p)
	changed := strings.Replace(string(raw), "\n---\n", "\n---\nAinsi commence ce texte.\n\n", 1)
	if changed == string(raw) {
		t.Fatal("could not change the contribution")
	}
	os.WriteFile(p, []byte(changed), 0o644)
	warm, err := Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	if warm.Rendered.Cards != 0 && warm.Rendered.Cards != 1 || warm.Rendered.Offprints != 1 {
		t.Errorf("after one change the build drew %+v, want at most 1 card and 1 offprint", warm.Rendered)
	}
	warmSums, _ := os.ReadFile(filepath.Join(root, "output", "SHA256SUMS"))
	coldOut := t.TempDir()
	opts.Out = coldOut
	if _, err := Compile(opts); err != nil {
		t.Fatal(err)
	}
	coldSums, _ := os.ReadFile(filepath.Join(coldOut, "SHA256SUMS"))
	if string(warmSums) != string(coldSums) {
		t.Errorf("warm build differs from a cold one:\n%s\n%s", warmSums, coldSums)
	}
}
