package main

import (
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/pipeline"
)

func previewCommand() *cli.Command {
	return &cli.Command{
		Name:      "preview",
		Usage:     "write one contributor's pages (PDF and a picture of the first page) and cards into output/preview/, with their errors written on the first page",
		ArgsUsage: "contributions/FILE.md",
		Flags: []cli.Flag{
			bookFlag(), outFlag(),
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only findings and the summary line"},
			jobsFlag(),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usage(c, "donnez un seul texte : recueil preview contributions/prenom-nom.md", "give one contribution: recueil preview contributions/prenom-nom.md")
			}
			o := options(c)
			rel, err := relFiles(o.Root, c.Args().Slice())
			if err != nil {
				return fail(exitUsage, err)
			}
			var file string
			for f := range rel {
				file = f
			}
			res, err := pipeline.Preview(o, file)
			// With errors in the file, the preview is still written (the
			// errors are on it): its files are listed, then exit 1.
			written := err
			if errors.Is(err, pipeline.ErrPreviewFindings) {
				err = nil
			}
			if err := printResult(c, o, res, err, 1); err != nil {
				return err
			}
			if !c.Bool("quiet") && len(res.Pages) == 1 {
				fmt.Fprintln(c.App.Writer, pagesLine(res.Book.Language, res.Pages[0].First, res.Pages[0].Last))
			}
			return bookErrorIn(res.Book.Language, written)
		},
	}
}

// pagesLine says where the contribution is in the book, in its language:
// « pages 12–15 du livre », "page 12 of the book".
func pagesLine(lang string, first, last int) string {
	fr := book.IsFrench(lang)
	switch {
	case first == last && fr:
		return fmt.Sprintf("page %d du livre", first)
	case first == last:
		return fmt.Sprintf("page %d of the book", first)
	case fr:
		return fmt.Sprintf("pages %d–%d du livre", first, last)
	}
	return fmt.Sprintf("pages %d–%d of the book", first, last)
}
