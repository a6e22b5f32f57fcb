package main

import (
	"io"
	"os"
	"testing"
)

// BenchmarkCheckCorpus times `recueil check` on the generated corpus
// (make corpus writes testdata/corpus-612).
func BenchmarkCheckCorpus(b *testing.B) {
	root := "../../testdata/corpus-612"
	if _, err := os.Stat(root); err != nil {
		b.Skip("no generated corpus: run `make corpus` first")
	}
	for i := 0; i < b.N; i++ {
		run([]string{"recueil", "--book", root, "check"}, io.Discard, io.Discard)
	}
}
