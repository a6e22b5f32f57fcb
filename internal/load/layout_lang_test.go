package load

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadLayoutBothLanguages: a book folder laid out wrong is
// ErrBadLayout, said in English by Error and in French by InFrench (the
// CLI says the one of the book).
func TestBadLayoutBothLanguages(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "book.yaml"), []byte("title: \"T\"\nlanguage: en\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "contributions"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := Load(Options{Root: root})
	if !errors.Is(err, ErrBadLayout) {
		t.Fatalf("Load: %v, want ErrBadLayout", err)
	}
	var fe interface{ InFrench() string }
	if !errors.As(err, &fe) {
		t.Fatalf("%v has no French", err)
	}
	if en, fr := err.Error(), fe.InFrench(); !strings.Contains(en, "contributions is not a folder") || !strings.Contains(fr, "contributions n’est pas un dossier") {
		t.Errorf("English %q, French %q", en, fr)
	}
}

// TestSizeInWords: a size in a finding has a decimal comma in French.
func TestSizeInWords(t *testing.T) {
	if m := size(3 << 19); m.Fr != "1,5 Mo" || m.En != "1.5 MB" {
		t.Errorf("size(1.5 MiB) = %+v", m)
	}
	if m := size(1000); m.Fr != "1 Ko" || m.En != "1 KB" {
		t.Errorf("size(1000) = %+v", m)
	}
}
