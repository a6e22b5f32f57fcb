package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

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
			&cli.StringFlag{Name: "out", Usage: "output folder (default: output/ in the book folder)"},
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
			o.Out = c.String("out")
			o.Strict = c.Bool("strict")
			if s := c.String("only"); s != "" {
				o.Only = strings.Split(s, ",")
			}
			res, err := pipeline.Compile(o)
			out := c.App.ErrWriter
			if res != nil {
				fmt.Fprint(out, res.Diags.Text())
				fmt.Fprintln(out, res.Diags.Summary(len(res.Book.Contributions)))
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
		},
	}
}

func newCommand() *cli.Command {
	return &cli.Command{
		Name:      "new",
		Usage:     "write a filled-in template for a contributor: recueil new \"Prénom Nom\"",
		ArgsUsage: "\"Prénom Nom\"",
		Action: func(c *cli.Context) error {
			name := strings.TrimSpace(strings.Join(c.Args().Slice(), " "))
			if name == "" {
				return fail(exitUsage, errors.New(`give the contributor's name: recueil new "Prénom Nom"`))
			}
			slug := load.Slugify(name)
			if slug == "" {
				return fail(exitUsage, fmt.Errorf("cannot make a file name from %q", name))
			}
			root := c.String("book")
			if _, err := os.Stat(filepath.Join(root, "book.yaml")); err != nil {
				return fail(exitUsage, load.ErrNoBook)
			}
			rel := "contributions/" + slug + ".md"
			p := filepath.Join(root, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return fail(exitFailure, err)
			}
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return fail(exitFindings, fmt.Errorf("%s already exists: recueil never overwrites a contribution", rel))
			}
			if err != nil {
				return fail(exitFailure, err)
			}
			_, err = f.WriteString(template(name))
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				os.Remove(p)
				return fail(exitFailure, err)
			}
			fmt.Fprintln(c.App.Writer, rel)
			return nil
		},
	}
}

// template is the file a new contributor starts from.
func template(name string) string {
	return `---
name: ` + yamlQuote(name) + `
role: "Votre fonction, sur une ligne"
organization: "Votre organisation (facultatif)"
handle: ""           # facultatif, par exemple "@prenom_nom"
city: ""             # facultatif
links: []            # facultatif, par exemple ["https://example.org"]
title: ""            # facultatif : un titre pour votre texte
extract: ""          # facultatif : une phrase de votre texte, copiée telle quelle, mise en avant sur votre carte
---
Écrivez votre texte ici, en paragraphes séparés par une ligne vide.

Vous pouvez mettre des mots en *italique* ou en **gras**, ajouter des
[liens](https://example.org), des listes et des citations :

> Une citation commence par le signe « > ».

Remplacez tout ce texte par le vôtre : entre 80 et 900 mots.
`
}

func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func listCommand() *cli.Command {
	return &cli.Command{
		Name:  "list",
		Usage: "show the book's order: name, file, words, section, status",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"},
			jobsFlag(),
		},
		Action: func(c *cli.Context) error {
			o := options(c)
			b, diags, err := pipeline.Check(o)
			if err != nil {
				return bookError(err)
			}
			per := map[string][2]int{}
			for _, d := range diags {
				n := per[d.File]
				if d.Severity == book.Error {
					n[0]++
				} else if d.Severity == book.Warning {
					n[1]++
				}
				per[d.File] = n
			}
			type row struct {
				N        int    `json:"n"`
				Name     string `json:"name"`
				File     string `json:"file"`
				Words    int    `json:"words"`
				Section  string `json:"section,omitempty"`
				Status   string `json:"status"`
				Errors   int    `json:"errors"`
				Warnings int    `json:"warnings"`
			}
			var rows []row
			words := 0
			for i, ct := range b.Contributions {
				st := "ok"
				n := per[ct.Path]
				switch {
				case ct.Draft:
					st = "draft"
				case n[0] > 0:
					st = "errors"
				}
				if !ct.Draft {
					words += ct.Words
				}
				rows = append(rows, row{i + 1, ct.Name, ct.Path, ct.Words, ct.Section, st, n[0], n[1]})
			}
			if c.String("format") == "json" {
				enc := json.NewEncoder(c.App.Writer)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(struct {
					Contributions []row `json:"contributions"`
					Total         struct {
						Contributors int `json:"contributors"`
						Words        int `json:"words"`
					} `json:"total"`
				}{rows, struct {
					Contributors int `json:"contributors"`
					Words        int `json:"words"`
				}{len(b.Published()), words}})
			}
			tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "#\tNAME\tFILE\tWORDS\tSECTION\tSTATUS")
			for _, r := range rows {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%s\n", r.N, r.Name, r.File, r.Words, r.Section, r.Status)
			}
			tw.Flush()
			fmt.Fprintf(c.App.Writer, "%d contributors, %d words\n", len(b.Published()), words)
			return nil
		},
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
