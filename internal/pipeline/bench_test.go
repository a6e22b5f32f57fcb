package pipeline

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"testing"
)

// labelled runs a timed compile under the CPU profile label
// compile=what, so that a profile of a benchmark can leave out its
// untimed set-up compiles: go tool pprof -tagfocus compile=changed.
func labelled(what string, opts Options) (res *Result, err error) {
	pprof.Do(context.Background(), pprof.Labels("compile", what), func(context.Context) {
		res, err = Compile(opts)
	})
	return res, err
}

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
	b.Run("cold", func(b *testing.B) { compileCold(b, opts) })
	b.Run("warm", func(b *testing.B) { compileAgain(b, opts) })
}

// compileCold compiles into an empty output folder each time.
func compileCold(b *testing.B, opts Options) {
	for i := 0; i < b.N; i++ {
		opts.Out = b.TempDir() + "/out"
		if _, err := labelled("cold", opts); err != nil {
			b.Fatal(err)
		}
	}
}

// compileAgain compiles once, then times compiling over that output.
func compileAgain(b *testing.B, opts Options) {
	opts.Out = b.TempDir() + "/out"
	if _, err := Compile(opts); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := labelled("again", opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileAll times a compile of everything of the 612 corpus:
// cold (an empty output), unchanged (over the previous output) and after
// one contribution changed (a copy of the corpus, one contribution given
// one more sentence before each compile), with -benchmem's allocation
// figures to set beside the CPU time.
func BenchmarkCompileAll(b *testing.B) {
	root := "../../testdata/corpus-612"
	if _, err := os.Stat(root); err != nil {
		b.Skip("no generated corpus: run `make corpus` first")
	}
	opts := Options{Root: root, Jobs: 2}
	b.Run("cold", func(b *testing.B) { compileCold(b, opts) })
	b.Run("unchanged", func(b *testing.B) { compileAgain(b, opts) })
	b.Run("changed", func(b *testing.B) {
		dir := b.TempDir()
		if out, err := exec.Command("cp", "-r", root, dir+"/book").CombinedOutput(); err != nil {
			b.Fatalf("cp: %v %s", err, out)
		}
		files, _ := filepath.Glob(dir + "/book/contributions/*.md")
		changed := Options{Root: dir + "/book", Out: dir + "/out", Jobs: 2}
		if _, err := Compile(changed); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			f, err := os.OpenFile(files[0], os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				b.Fatal(err)
			}
			fmt.Fprintf(f, "\nUne phrase de plus, la %d\u1d49.\n", i+1)
			f.Close()
			res, err := labelled("changed", changed)
			if err != nil {
				b.Fatal(err)
			}
			if res.Rendered.Cards != 1 {
				b.Fatalf("drew %d contributors' cards, want 1", res.Rendered.Cards)
			}
		}
	})
}
