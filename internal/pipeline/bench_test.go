package pipeline

import (
	"os"
	"testing"
)

// BenchmarkCheck times load + check + order on the generated corpus
// (make corpus writes testdata/corpus-612).
func BenchmarkCheck(b *testing.B) {
	root := "../../testdata/corpus-612"
	if _, err := os.Stat(root); err != nil {
		b.Skip("no generated corpus: run `make corpus` first")
	}
	for i := 0; i < b.N; i++ {
		if _, _, err := Check(Options{Root: root, Jobs: 2}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompilePDFEPUB times a compile of the PDF and the EPUB of the
// generated corpus.
func BenchmarkCompilePDFEPUB(b *testing.B) {
	root := "../../testdata/corpus-612"
	if _, err := os.Stat(root); err != nil {
		b.Skip("no generated corpus: run `make corpus` first")
	}
	out := b.TempDir()
	for i := 0; i < b.N; i++ {
		if _, err := Compile(Options{Root: root, Out: out, Jobs: 2, Only: []string{"pdf", "epub"}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileSite times a compile of the PDF, the EPUB and the web
// edition of the 612 corpus (the cards its pages' previews need
// included), cold and with the cache of a previous run, to set beside
// BenchmarkCompilePDFEPUB: the site's share.
func BenchmarkCompileSite(b *testing.B) {
	root := "../../testdata/corpus-612"
	if _, err := os.Stat(root); err != nil {
		b.Skip("no generated corpus: run `make corpus` first")
	}
	opts := Options{Root: root, Jobs: 2, Only: []string{"pdf", "epub", "site"}}
	b.Run("cold", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			opts.Out = b.TempDir() + "/out"
			if _, err := Compile(opts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("warm", func(b *testing.B) {
		opts.Out = b.TempDir() + "/out"
		if _, err := Compile(opts); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := Compile(opts); err != nil {
				b.Fatal(err)
			}
		}
	})
}
