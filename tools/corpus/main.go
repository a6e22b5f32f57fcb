// Command corpus writes a complete, fictitious book folder of N generated
// contributions, for benchmarks and for the typesetting comparison with TeX:
//
//	go run ./tools/corpus -n 612 -out testdata/corpus-612
//
// The same -n and -seed always give byte-identical files. The text is
// French-like prose drawn from real French words (accents, elisions,
// guillemets, lists, quotes, links), with particles in names at realistic
// rates, extracts taken verbatim from the text for about 80% of the texts
// and a photo for about 30%. A development tool, not part of recueil.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/recueil/recueil/internal/corpus"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1) // a development tool, not part of recueil itself
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	n := fs.Int("n", 612, "number of contributions")
	seed := fs.Uint64("seed", 1, "seed of the generator")
	out := fs.String("out", "", "book folder to write (must not exist, or be empty, unless -force)")
	force := fs.Bool("force", false, "remove the folder first if it exists")
	own := fs.Bool("own-photos", false, "a photo file of its own for every contributor with a photo (as in a real book), not six shared ones")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || *n < 1 {
		return errors.New("usage: corpus -n 612 [-seed 1] -out DIR")
	}
	if ents, err := os.ReadDir(*out); err == nil && len(ents) > 0 {
		if !*force {
			return fmt.Errorf("%s exists and is not empty (use -force to replace it)", *out)
		}
		if _, err := os.Stat(filepath.Join(*out, "book.yaml")); err != nil {
			return fmt.Errorf("%s has no book.yaml: refusing to remove it", *out)
		}
		if err := os.RemoveAll(*out); err != nil {
			return err
		}
	}
	files, err := corpus.Generate(corpus.Options{N: *n, Seed: *seed, OwnPhotos: *own})
	if err != nil {
		return err
	}
	if err := corpus.Write(*out, files); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "corpus: %d contributions, %d files in %s\n", *n, len(files), *out)
	return nil
}
