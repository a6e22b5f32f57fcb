package pipeline

import (
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
