package book

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestFilesStayInTheBook: a link out of the book, or a path with "..",
// cannot be read through Files, even when a check missed it.
func TestFilesStayInTheBook(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret"), []byte("TOKEN"), 0o600)
	os.WriteFile(filepath.Join(root, "photo.jpg"), []byte("ok"), 0o644)
	os.Symlink(filepath.Join(outside, "secret"), filepath.Join(root, "link.jpg"))
	files := (&Book{Root: root}).Files()
	if raw, err := fs.ReadFile(files, "photo.jpg"); err != nil || string(raw) != "ok" {
		t.Errorf("a file of the book: %q %v", raw, err)
	}
	for _, p := range []string{"link.jpg", "../" + filepath.Base(outside) + "/secret", "/etc/passwd"} {
		if raw, err := fs.ReadFile(files, p); err == nil {
			t.Errorf("%s was read: %q", p, raw)
		}
	}
}
