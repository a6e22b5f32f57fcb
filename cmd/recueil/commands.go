package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

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
			jobsFlag(),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return fail(exitUsage, fmt.Errorf("compile takes no arguments (got %q)", c.Args().First()))
			}
			o := options(c)
			o.Strict = c.Bool("strict")
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
	if res != nil {
		if files < 0 {
			files = len(res.Book.Contributions)
		}
		fmt.Fprint(c.App.ErrWriter, res.Diags.Text())
		fmt.Fprintln(c.App.ErrWriter, res.Diags.Summary(files))
	}
	if err != nil {
		return bookError(err)
	}
	if !c.Bool("quiet") {
		dir := o.Out
		if dir == "" {
			dir = filepath.Join(o.Root, "output")
		}
		for _, f := range res.Files {
			fmt.Fprintln(c.App.Writer, filepath.Join(dir, filepath.FromSlash(f)))
		}
	}
	return nil
}
