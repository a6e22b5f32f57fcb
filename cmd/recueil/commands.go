package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/load"
	"github.com/recueil/recueil/internal/pipeline"
)

func compileCommand() *cli.Command {
	return &cli.Command{
		Name:  "compile",
		Usage: "check the book and write the PDF, EPUB, cards and offprints into output/",
		Flags: []cli.Flag{
			bookFlag(), outFlag(),
			&cli.StringFlag{Name: "only", Usage: "comma-separated subset of: " + strings.Join(pipeline.Outputs, ",")},
			&cli.BoolFlag{Name: "strict", Usage: "treat warnings as errors"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only findings and the summary line"},
			&cli.BoolFlag{Name: "list", Usage: "print every file written, not a line per kind of output"},
			&cli.BoolFlag{Name: "draft", Usage: "mark the book as a draft: ÉPREUVE (DRAFT in a book not in French) on every PDF page, a banner on every page of the site"},
			jobsFlag(),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usage(c, "compile ne prend pas d’argument (reçu « %s »)", "compile takes no arguments (got %q)", c.Args().First())
			}
			o := options(c)
			o.Strict = c.Bool("strict")
			o.Draft = c.Bool("draft")
			if s := c.String("only"); s != "" {
				o.Only = strings.Split(s, ",")
			}
			prog := newProgress(c.App.ErrWriter, os.Getenv, c.Bool("quiet"), o.Only)
			if prog != nil {
				prog.french = book.IsFrench(load.BookLanguage(o.Root))
			}
			o.Progress = prog.hook()
			res, err := pipeline.Compile(o)
			prog.done()
			if err := printResult(c, o, res, err, -1); err != nil {
				return err
			}
			return nil
		},
	}
}

// printResult prints a run's findings and summary on stderr, then, unless
// --quiet, the files written. files is the count for the summary (-1: the
// book's contributions).
func printResult(c *cli.Context, o pipeline.Options, res *pipeline.Result, err error, files int) error {
	few := files >= 0 // a preview: its files are listed
	if res != nil {
		if files < 0 {
			files = len(res.Book.Contributions)
		}
		fmt.Fprint(c.App.ErrWriter, res.Diags.Text())
		fmt.Fprintln(c.App.ErrWriter, res.Diags.SummaryIn(res.Book.Language, files))
	}
	if err != nil {
		if res != nil && res.Book != nil {
			return bookErrorIn(res.Book.Language, err)
		}
		return bookError(err)
	}
	if !c.Bool("quiet") {
		dir := o.Out
		if dir == "" {
			dir = filepath.Join(o.Root, "output")
		}
		if few || c.Bool("list") {
			for _, f := range res.Files {
				fmt.Fprintln(c.App.Writer, filepath.Join(dir, filepath.FromSlash(f)))
			}
			return nil
		}
		summarize(c.App.Writer, dir, res)
	}
	return nil
}

// summarize says what compile wrote in a few lines, in the book's
// language: each kind of output, where it is, how many files and how
// large (--list prints every file). The print edition and its cover are
// a line each.
func summarize(w io.Writer, dir string, res *pipeline.Result) {
	type kind struct {
		files int
		bytes int64
		first string
	}
	kinds := map[string]*kind{}
	art := res.Book.Artifacts()
	for _, f := range res.Files {
		k := art.Kind(f)
		if f == art.CoverPDF() {
			k = "cover"
		}
		if kinds[k] == nil {
			kinds[k] = &kind{first: f}
		}
		kinds[k].files++
		if st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err == nil {
			kinds[k].bytes += st.Size()
		}
	}
	fr := book.IsFrench(res.Book.Language)
	// what is the line's label, French then English; a counted kind has
	// its singular and plural (French: 0 and 1 singular).
	type label struct{ fr, frMany, en, enMany string }
	var rows [][3]string
	for _, row := range []struct {
		kind, where string
		what        label
	}{
		{"pdf", "", label{"le livre (PDF)", "", "the book (PDF)", ""}},
		{"print", "", label{"l’édition imprimée (PDF)", "", "the print edition (PDF)", ""}},
		{"cover", "", label{"sa couverture (PDF)", "", "its cover (PDF)", ""}},
		{"epub", "", label{"le livre (EPUB)", "", "the book (EPUB)", ""}},
		{"cards", book.CardsDir + "/", label{"carte de partage", "cartes de partage", "share card", "share cards"}},
		{"extracts", book.ExtractsDir + "/", label{"tiré à part", "tirés à part", "offprint", "offprints"}},
		{"site", book.SiteDir + "/", label{"fichier de l’édition web", "fichiers de l’édition web", "web edition file", "web edition files"}},
		{"share", book.ShareHTML, label{"kit de partage", "", "share kit", ""}},
		{"", book.SumsFile, label{"sommes de contrôle", "", "checksums", ""}},
	} {
		k := kinds[row.kind]
		if k == nil {
			continue
		}
		where := row.where
		if where == "" {
			where = k.first
		}
		what := row.what.en
		if fr {
			what = row.what.fr
		}
		if row.what.enMany != "" {
			what = book.Plural(k.files, row.what.fr, row.what.frMany, row.what.en, row.what.enMany).In(res.Book.Language)
		}
		path := filepath.Join(dir, filepath.FromSlash(where))
		if strings.HasSuffix(where, "/") {
			path += string(filepath.Separator)
		}
		rows = append(rows, [3]string{path, what, size(fr, k.bytes)})
	}
	// The columns are as wide as their longest entry (48 and 24 at least).
	wp, ww := 48, 24
	for _, r := range rows {
		wp, ww = max(wp, utf8.RuneCountInString(r[0])), max(ww, utf8.RuneCountInString(r[1]))
	}
	for _, r := range rows {
		fmt.Fprintf(w, "%-*s %-*s %s\n", wp, r[0], ww, r[1], r[2])
	}
}

// size is a file size for a person, in French units (o, Ko, Mo) for a
// French book.
func size(fr bool, n int64) string {
	b, kb, mb := "B", "KB", "MB"
	if fr {
		b, kb, mb = "o", "Ko", "Mo"
	}
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d %s", n, b)
	case n < 1<<20:
		return fmt.Sprintf("%d %s", (n+1<<9)>>10, kb)
	}
	s := fmt.Sprintf("%.1f %s", float64(n)/(1<<20), mb)
	if fr {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
