package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/recueil/recueil/internal/book"
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

// summarize says what compile wrote in a few lines: each kind of output,
// where it is, how many files and how large (--list prints every file).
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
		if kinds[k] == nil {
			kinds[k] = &kind{first: f}
		}
		kinds[k].files++
		if st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err == nil {
			kinds[k].bytes += st.Size()
		}
	}
	for _, row := range []struct{ kind, what, where string }{
		{"pdf", "the book (PDF)", ""}, {"print", "print edition (PDF)", ""}, {"epub", "the book (EPUB)", ""},
		{"cards", "share cards", book.CardsDir + "/"}, {"extracts", "offprints", book.ExtractsDir + "/"},
		{"site", "web edition files", book.SiteDir + "/"}, {"share", "share kit", book.ShareHTML},
		{"", "checksums", book.SumsFile},
	} {
		k := kinds[row.kind]
		if k == nil {
			continue
		}
		where := row.where
		if where == "" {
			where = k.first
		}
		what := row.what
		if k.files > 1 && row.kind != "share" && row.kind != "" {
			what = fmt.Sprintf("%d %s", k.files, row.what)
		}
		path := filepath.Join(dir, filepath.FromSlash(where))
		if strings.HasSuffix(where, "/") {
			path += string(filepath.Separator)
		}
		fmt.Fprintf(w, "%-48s %-24s %s\n", path, what, size(k.bytes))
	}
}

func size(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%d KB", (n+1<<9)>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
