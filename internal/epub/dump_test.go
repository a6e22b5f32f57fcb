package epub

import (
	"os"
	"testing"
)

func TestDumpSample(t *testing.T) {
	out := os.Getenv("EPUB_DUMP")
	if out == "" {
		return
	}
	b, files := sampleBook(t)
	if os.Getenv("EPUB_DUMP_BIG") != "" {
		b, files = generatedBook(t, 60)
	}
	data, _ := build(t, b, files)
	if err := os.WriteFile(out, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
