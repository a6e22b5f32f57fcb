package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/pipeline"
	"github.com/recueil/recueil/internal/report"
	"github.com/recueil/recueil/internal/rules"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "report every problem in the contributions (all files, or only FILES)",
		Description: `Findings read FILE:LINE:COL: SEVERITY: MESSAGE [rule-code], sorted by file and
position, then a one-line summary on stderr. With FILES or --changed-since,
only those files are reported on, but the whole book is checked, so a name,
handle or file name that collides with another contributor's is still found.
--fix applies the safe typographic fixes (spaces before ; : ! ?, « »,
apostrophes, quotes, three dots, doubled spaces) in place, then reports what
is left.`,
		ArgsUsage: "[FILES...]",
		Flags: []cli.Flag{
			bookFlag(),
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text, github (annotations), json or sarif"},
			&cli.BoolFlag{Name: "strict", Usage: "treat warnings as errors"},
			&cli.BoolFlag{Name: "fix", Usage: "apply the safe typographic fixes to the checked files, in place"},
			&cli.StringFlag{Name: "changed-since", Usage: "check the contributions changed since this git ref (and untracked ones), e.g. origin/main"},
			&cli.StringFlag{Name: "lang", Usage: "language of the findings and the summary: fr or en (default: the book's language)"},
			jobsFlag(),
		},
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if !slices.Contains(report.Formats, format) {
				return usage(c, "--format %s : choisissez text, github, json ou sarif", "--format %s: choose text, github, json or sarif", format)
			}
			lang := c.String("lang")
			if lang != "" && lang != "fr" && lang != "en" {
				return usage(c, "--lang %s : choisissez fr ou en", "--lang %s: choose fr or en", lang)
			}
			o := options(c)
			only, err := relFiles(o.Root, c.Args().Slice())
			if err != nil {
				return fail(exitUsage, err)
			}
			if ref := c.String("changed-since"); ref != "" {
				changed, err := pipeline.ChangedSince(o.Root, ref)
				if err != nil {
					return bookError(err)
				}
				if only == nil {
					only = map[string]bool{}
				}
				for _, f := range changed {
					only[f] = true
				}
			}
			o.Files, o.MsgLang = only, lang
			var fixed []pipeline.Fixed
			if c.Bool("fix") {
				var err error
				fixed, err = pipeline.Fix(o)
				if err != nil {
					printFixed(c.App.ErrWriter, lang, fixed)
					return bookError(err)
				}
			}
			b, diags, err := pipeline.Check(o)
			if err != nil {
				printFixed(c.App.ErrWriter, lang, fixed)
				return bookError(err)
			}
			if c.Bool("fix") {
				l := lang
				if l == "" {
					l = b.Language
				}
				printFixed(c.App.ErrWriter, l, fixed)
			}
			files := len(b.Contributions)
			if only != nil {
				files = len(only)
			}
			msgLang := lang
			if msgLang == "" {
				msgLang = b.Language
			}
			info := report.Info{Files: files, Rules: ruleDocs(msgLang), Version: version()}
			if err := report.Write(c.App.Writer, format, diags, info); err != nil {
				return fail(exitFailure, err)
			}
			if format == "text" || format == "github" {
				fmt.Fprintln(c.App.ErrWriter, diags.SummaryIn(msgLang, files))
			}
			if p := o.Env("GITHUB_STEP_SUMMARY"); format == "github" && p != "" {
				var previews []string
				for _, x := range b.Contributions {
					if only[x.Path] {
						previews = append(previews, x.Path)
					}
				}
				sort.Strings(previews)
				if err := appendSummary(p, diags, report.Summary{
					French: book.IsFrench(msgLang), Files: files, Previews: previews, Artifact: "preview", RunURL: runURL(o.Env),
				}); err != nil {
					return fail(exitFailure, fmt.Errorf("job summary: %w", err))
				}
			}
			return bookErrorIn(msgLang, pipeline.Failed(diags, c.Bool("strict")))
		},
	}
}

// appendSummary adds the check's job summary to the file GitHub Actions
// names in $GITHUB_STEP_SUMMARY (each step appends to it).
func appendSummary(p string, diags book.Diagnostics, s report.Summary) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	err = report.WriteSummary(f, diags, s)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// runURL is the page of the current workflow run, from the variables a
// runner sets; "" outside one.
func runURL(env func(string) string) string {
	server, repo, id := env("GITHUB_SERVER_URL"), env("GITHUB_REPOSITORY"), env("GITHUB_RUN_ID")
	if server == "" || repo == "" || id == "" {
		return ""
	}
	return strings.TrimSuffix(server, "/") + "/" + repo + "/actions/runs/" + id
}

// ruleDocs documents every rule for the SARIF report, in the messages'
// language.
func ruleDocs(lang string) []report.Rule {
	var out []report.Rule
	for _, r := range rules.All() {
		d := r.Fr
		if !book.IsFrench(lang) {
			d = r.En
		}
		for _, c := range append([]string{r.Code}, r.Also...) {
			out = append(out, report.Rule{ID: c, Description: d})
		}
	}
	return out
}

// printFixed says what check --fix changed, file by file, then in all, in
// the language of the messages (French: 0 and 1 singular).
func printFixed(w io.Writer, lang string, fixed []pipeline.Fixed) {
	fr := book.IsFrench(lang)
	count := func(n int, one, many, un, des string) string {
		if fr {
			if n < 2 {
				return fmt.Sprintf("%d %s", n, un)
			}
			return fmt.Sprintf("%d %s", n, des)
		}
		return fmt.Sprintf("%d %s", n, plural(n, one, many))
	}
	total := 0
	for _, f := range fixed {
		total += f.Fixes
		fmt.Fprintf(w, "%s: %s\n", f.File, count(f.Fixes, "fix", "fixes", "correction", "corrections"))
	}
	if fr {
		fmt.Fprintf(w, "%s dans %s\n", count(total, "", "", "correction faite", "corrections faites"), count(len(fixed), "", "", "fichier", "fichiers"))
		return
	}
	fmt.Fprintf(w, "fixed %s in %s\n", count(total, "place", "places", "", ""), count(len(fixed), "file", "files", "", ""))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
