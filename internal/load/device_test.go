//go:build linux

package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestDeviceRefused: a character device among the contributions (here a
// copy of /dev/zero, which would never end if read) and as a photo is a
// finding, found on its type without being opened.
func TestDeviceRefused(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "contributions", "photos"), 0o755)
	os.WriteFile(filepath.Join(root, "book.yaml"), []byte("title: \"Livre\"\nidentifier: \"urn:uuid:11111111-2222-4333-8444-555555555555\"\n"), 0o644)
	zero := int(unix.Mkdev(1, 5)) // /dev/zero
	for _, p := range []string{"contributions/zero.md", "contributions/photos/zero.jpg"} {
		if err := unix.Mknod(filepath.Join(root, p), unix.S_IFCHR|0o644, zero); err != nil {
			t.Skipf("creating a device node needs root here (%v); the FIFO tests cover the same path", err)
		}
	}
	os.WriteFile(filepath.Join(root, "contributions", "anne.md"), []byte("---\nname: Anne\nrole: Testeuse\nphoto: photos/zero.jpg\n---\nTexte.\n"), 0o644)
	_, diags, err := Load(Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]string{}
	for _, d := range diags {
		found[d.File] += d.Rule + " "
	}
	if found["contributions/zero.md"] != "not-a-file " {
		t.Errorf("the device as a text: %q\n%s", found["contributions/zero.md"], diags.Text())
	}
	if !strings.Contains(found["contributions/anne.md"], "photo-unreadable") {
		t.Errorf("the device as a photo: %q\n%s", found["contributions/anne.md"], diags.Text())
	}
}
