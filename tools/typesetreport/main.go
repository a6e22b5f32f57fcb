// Command typesetreport measures the typesetting of a PDF from the PDF
// itself, through poppler's `pdftotext -bbox-layout`, so that recueil's
// output and TeX's can be compared on the same terms:
//
//	go run ./tools/typesetreport book.pdf            # Markdown summary
//	go run ./tools/typesetreport -json book.pdf      # the same figures as JSON
//	go run ./tools/typesetreport -bbox page.html     # an existing -bbox-layout file
//	go run ./tools/typesetreport -table a.json b.json # reports side by side
//
// Only body text is measured: lines of the document's dominant line height
// (headings, running heads, folios, notes are other sizes). See Measure for
// what each figure means. A development tool, not part of recueil.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "typesetreport:", err)
		os.Exit(1) // a development tool, not part of recueil itself
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("typesetreport", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON instead of Markdown")
	bbox := fs.Bool("bbox", false, "the argument is pdftotext -bbox-layout output, not a PDF")
	first := fs.Int("first", 0, "first page to measure (1-based; 0: the first)")
	last := fs.Int("last", 0, "last page to measure (0: the last)")
	label := fs.String("label", "", "name of the document in the summary (default: the file name)")
	table := fs.Bool("table", false, "the arguments are -json reports: print them side by side")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *table {
		var reps []Report
		for _, p := range fs.Args() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			var r Report
			if err := json.Unmarshal(data, &r); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			reps = append(reps, r)
		}
		_, err := io.WriteString(stdout, Table(reps))
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: typesetreport [-json] [-first N] [-last N] FILE.pdf")
	}
	path := fs.Arg(0)
	var data []byte
	var err error
	if *bbox {
		data, err = os.ReadFile(path)
	} else {
		data, err = exec.Command("pdftotext", "-bbox-layout", path, "-").Output()
		if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
			err = fmt.Errorf("pdftotext: %v: %s", err, ee.Stderr)
		}
	}
	if err != nil {
		return err
	}
	doc, err := Parse(data)
	if err != nil {
		return err
	}
	rep := Measure(doc, Range{First: *first, Last: *last})
	rep.Label = *label
	if rep.Label == "" {
		rep.Label = filepath.Base(path)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	_, err = io.WriteString(stdout, rep.Markdown())
	return err
}
