//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// import given a named pipe says it is not a file, at once and in the
// book's language, instead of waiting for ever for a writer.
func TestImportNamedPipe(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "livre")
	var out, errb bytes.Buffer
	if code := run([]string{"recueil", "init", book}, &out, &errb); code != 0 {
		t.Fatalf("init: %d %s", code, errb.String())
	}
	fifo := filepath.Join(dir, "texte.docx")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan int, 1)
	errb.Reset()
	go func() { done <- run([]string{"recueil", "--book", book, "import", fifo}, &out, &errb) }()
	select {
	case code := <-done:
		if code != exitUsage || !strings.Contains(errb.String(), "n’est pas un fichier") {
			t.Errorf("exit %d, %s", code, errb.String())
		}
	case <-time.After(10 * time.Second):
		// unblock the open so the goroutine ends, then fail
		if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		t.Fatal("import waits on a named pipe")
	}
}

// import given a file too large (sparse: nothing is written to disk) or
// missing says so in the book's language, without reading it.
func TestImportHugeOrMissing(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "livre")
	var out, errb bytes.Buffer
	if code := run([]string{"recueil", "init", book}, &out, &errb); code != 0 {
		t.Fatalf("init: %d %s", code, errb.String())
	}
	huge := filepath.Join(dir, "énorme.docx")
	if err := os.WriteFile(huge, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 3<<30); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		huge:                           "dépasse 64 Mo : ce n’est pas le document d’un contributeur",
		filepath.Join(dir, "nul.docx"): "nul.docx n’existe pas",
	} {
		errb.Reset()
		if code := run([]string{"recueil", "--book", book, "import", file}, &out, &errb); code != exitUsage || !strings.Contains(errb.String(), want) {
			t.Errorf("%s: exit %d, %s", file, code, errb.String())
		}
	}
}
