package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestRunRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"-n", "3", "-out", dir}, io.Discard); err == nil {
		t.Fatal("wrote into a non-empty folder without -force")
	}
	if err := run([]string{"-n", "3", "-out", dir, "-force"}, io.Discard); err == nil {
		t.Fatal("-force removed a folder that is not a book")
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
		t.Fatal("the folder's file was lost:", err)
	}
}
