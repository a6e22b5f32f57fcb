package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/pipeline"
)

func listCommand() *cli.Command {
	return &cli.Command{
		Name:  "list",
		Usage: "show the book's order: name, file, words, section, findings, pages",
		Description: `Pages come from the last compile into --out (default output/) when it was made from exactly
these sources by this recueil, or from a fresh typesetting with --pages.`,
		Flags: []cli.Flag{
			bookFlag(), outFlag(),
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"},
			&cli.BoolFlag{Name: "pages", Usage: "typeset the book now to show the page of each contributor"},
			jobsFlag(),
		},
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if format != "text" && format != "json" {
				return usage(c, "--format %s : choisissez text ou json", "--format %s: choose text or json", format)
			}
			o := options(c)
			var b *book.Book
			var diags book.Diagnostics
			var pages map[string][2]int
			var err error
			if c.Bool("pages") {
				b, diags, pages, err = pipeline.Pages(o)
				if errors.Is(err, pipeline.ErrFindings) || errors.Is(err, pipeline.ErrBookConfig) {
					err = fmt.Errorf("the pages need a book without errors (recueil check): %w", err)
				}
			} else {
				b, diags, err = pipeline.Check(o)
				if err == nil {
					pages = pipeline.LastPages(o, b)
				}
			}
			if err != nil {
				return bookError(err)
			}
			l := newListing(b, diags, pages)
			if format == "json" {
				return l.writeJSON(c.App.Writer)
			}
			return l.writeText(c.App.Writer)
		},
	}
}

type listRow struct {
	N         int    `json:"n"`
	Name      string `json:"name"`
	File      string `json:"file"`
	Words     int    `json:"words"`
	Section   string `json:"section,omitempty"`
	Status    string `json:"status"` // ok, warnings, errors, draft
	Errors    int    `json:"errors"`
	Warnings  int    `json:"warnings"`
	FirstPage int    `json:"first_page,omitempty"` // 0: not known
	LastPage  int    `json:"last_page,omitempty"`
}

type listTotal struct {
	Contributors int `json:"contributors"` // published (drafts aside)
	Drafts       int `json:"drafts"`
	Words        int `json:"words"` // of the published texts
	Pages        int `json:"pages"` // pages of the published texts; 0 when not known
	Errors       int `json:"errors"`
	Warnings     int `json:"warnings"`
}

type listing struct {
	Contributions []listRow `json:"contributions"`
	Total         listTotal `json:"total"`
}

func newListing(b *book.Book, diags book.Diagnostics, pages map[string][2]int) listing {
	per := map[string][2]int{}
	for _, d := range diags {
		n := per[d.File]
		switch d.Severity {
		case book.Error:
			n[0]++
		case book.Warning:
			n[1]++
		}
		per[d.File] = n
	}
	l := listing{Contributions: []listRow{}}
	for i, ct := range b.Contributions {
		n := per[ct.Path]
		r := listRow{N: i + 1, Name: ct.Name, File: ct.Path, Words: ct.Words, Section: ct.Section, Errors: n[0], Warnings: n[1]}
		switch {
		case ct.Draft:
			r.Status = "draft"
			l.Total.Drafts++
		case n[0] > 0:
			r.Status = "errors"
		case n[1] > 0:
			r.Status = "warnings"
		default:
			r.Status = "ok"
		}
		if p, ok := pages[ct.Slug]; ok && !ct.Draft {
			r.FirstPage, r.LastPage = p[0], p[1]
			if p[0] > 0 {
				l.Total.Pages += p[1] - p[0] + 1
			}
		}
		if !ct.Draft {
			l.Total.Contributors++
			l.Total.Words += ct.Words
		}
		l.Total.Errors += n[0]
		l.Total.Warnings += n[1]
		l.Contributions = append(l.Contributions, r)
	}
	return l
}

func (l listing) writeJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(l)
}

func (l listing) writeText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tNAME\tFILE\tWORDS\tSECTION\tSTATUS\tFINDINGS\tPAGES")
	for _, r := range l.Contributions {
		findings := ""
		if r.Errors+r.Warnings > 0 {
			findings = fmt.Sprint(r.Errors + r.Warnings)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", r.N, r.Name, r.File, r.Words, r.Section, r.Status, findings, pageRange(r.FirstPage, r.LastPage))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	t := l.Total
	s := fmt.Sprintf("%d %s, %d words", t.Contributors, plural(t.Contributors, "contributor", "contributors"), t.Words)
	if t.Pages > 0 {
		s += fmt.Sprintf(", %d %s", t.Pages, plural(t.Pages, "page", "pages"))
	}
	if t.Drafts > 0 {
		s += fmt.Sprintf(", %d %s", t.Drafts, plural(t.Drafts, "draft", "drafts"))
	}
	if t.Errors+t.Warnings > 0 {
		s += fmt.Sprintf(", %d %s", t.Errors+t.Warnings, plural(t.Errors+t.Warnings, "finding", "findings"))
	}
	_, err := fmt.Fprintln(w, s)
	return err
}

func pageRange(first, last int) string {
	switch {
	case first <= 0:
		return ""
	case last <= first:
		return fmt.Sprint(first)
	}
	return fmt.Sprintf("%d–%d", first, last)
}
