//go:build unix

package book

import (
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
)

// TestReadReason: why a file could not be read is said in words in both
// languages, never with the file's full path (the finding names it), and
// an unknown system error keeps its own words.
func TestReadReason(t *testing.T) {
	at := func(e error) error {
		return &fs.PathError{Op: "open", Path: "/home/editor/livre/contributions/x.md", Err: e}
	}
	cases := []struct {
		err    error
		fr, en string
	}{
		{at(syscall.EACCES), "vous n’avez pas le droit de le lire", "you are not allowed to read it"},
		{at(syscall.EPERM), "vous n’avez pas le droit de le lire", "you are not allowed to read it"},
		{at(syscall.EISDIR), "c’est un dossier", "it is a folder"},
		{at(syscall.ELOOP), "liens symboliques tournent en rond", "symbolic links go round"},
		{at(syscall.EIO), "erreur de lecture", "read error"},
		{fmt.Errorf("read: %w", at(syscall.ENOENT)), "il a disparu", "it disappeared"},
		{at(syscall.EROFS), "erreur du système : ", "system error: "},
	}
	for _, c := range cases {
		m := ReadReason(c.err)
		if !strings.Contains(m.Fr, c.fr) || !strings.Contains(m.En, c.en) {
			t.Errorf("%v: %q / %q, want %q / %q", c.err, m.Fr, m.En, c.fr, c.en)
		}
		if strings.Contains(m.Fr+m.En, "/home/editor") {
			t.Errorf("%v: the reason shows the full path: %q", c.err, m.Fr)
		}
	}
}
