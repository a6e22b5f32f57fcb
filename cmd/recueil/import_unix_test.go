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

// import given a named pipe says it is not a file, at once, instead of
// waiting for ever for a writer.
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
		if code != exitUsage || !strings.Contains(errb.String(), "not a file") {
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
