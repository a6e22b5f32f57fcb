// Package pipeline is the orchestrator: it alone knows the order of the
// stages (load, check, order, typeset, write) and writes the artifacts
// atomically into the output folder.
package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/cards"
	"github.com/recueil/recueil/internal/check"
	"github.com/recueil/recueil/internal/epub"
	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/internal/load"
	"github.com/recueil/recueil/internal/pdf"
	"github.com/recueil/recueil/internal/share"
	"github.com/recueil/recueil/internal/typeset"
)

// Outputs that compile can be restricted to with --only.
var Outputs = []string{"pdf", "epub", "cards", "extracts"}

// Options are the inputs of a run.
type Options struct {
	Root   string              // the book folder
	Out    string              // the output folder; default Root/output
	Only   []string            // subset of Outputs; empty means all
	Strict bool                // warnings count as errors
	Env    func(string) string // environment lookup; nil means none
	Jobs   int                 // parallelism; <= 0 means 1
	// Progress, when set, is told of each stage as it starts.
	Progress func(stage string)
}

// ErrFindings is returned when the contributions have errors (or warnings
// with Strict): nothing was written.
var ErrFindings = errors.New("the book has errors: nothing was written")

// ErrBookConfig is returned when book.yaml itself has errors.
var ErrBookConfig = errors.New("book.yaml has errors")

// Result is what a run produced.
type Result struct {
	Book    *book.Book
	Diags   book.Diagnostics
	Files   []string            // artifacts written, relative to Out
	Pages   []typeset.PageRange // where each published contribution is, when typeset
	typeset *typeset.Result
}

func (o Options) out() string {
	if o.Out != "" {
		return o.Out
	}
	return filepath.Join(o.Root, "output")
}

func (o Options) progress(s string) {
	if o.Progress != nil {
		o.Progress(s)
	}
}

// Check loads the book, checks it and puts it in book order.
func Check(o Options) (*book.Book, book.Diagnostics, error) {
	o.progress("load")
	b, diags, err := load.Load(load.Options{Root: o.Root, Env: o.Env, Jobs: o.Jobs, Glyphs: textGlyphs})
	if err != nil {
		return nil, nil, err
	}
	o.progress("check")
	diags = append(diags, check.Book(b)...)
	b.Sort()
	diags.Sort()
	return b, diags, nil
}

// textGlyphs is what the book's text face can print. A font that cannot be
// loaded is reported by the typesetter; here it means no glyph check.
func textGlyphs(b *book.Book) func(rune) bool {
	set, err := fonts.Load(b.Root, b.Fonts.Serif, b.Fonts.Sans)
	if err != nil {
		return nil
	}
	return set.Face(fonts.Serif).Has
}

// Failed reports whether the findings stop a build, and why.
func Failed(diags book.Diagnostics, strict bool) error {
	for _, d := range diags {
		if d.Severity == book.Error && d.File == "book.yaml" {
			return ErrBookConfig
		}
	}
	if diags.HasErrors() || (strict && diags.Count(book.Warning) > 0) {
		return ErrFindings
	}
	return nil
}

func (o Options) want(what string) bool {
	if len(o.Only) == 0 {
		return true
	}
	for _, w := range o.Only {
		if w == what {
			return true
		}
	}
	return false
}

// merge returns the findings of the writing stages that add something to
// those of check: a missing glyph that check already reported at its exact
// position is not reported again by the typesetter or the cards, and a
// finding without a column points at the start of its line.
func merge(checked, later book.Diagnostics) book.Diagnostics {
	type key struct{ file, rule string }
	seen := map[key]bool{}
	for _, d := range checked {
		seen[key{d.File, d.Rule}] = true
	}
	var out book.Diagnostics
	for _, d := range later {
		if d.Rule == "glyph-missing" && seen[key{d.File, d.Rule}] {
			continue
		}
		if d.Pos.Line < 1 {
			d.Pos = book.Pos{Line: 1, Col: 1}
		}
		d.Pos.Col = max(d.Pos.Col, 1)
		out = append(out, d)
	}
	return out
}

// Slug is the file name of the book's artifacts.
func Slug(b *book.Book) string {
	if s := load.Slugify(b.Title); s != "" {
		return s
	}
	return "livre"
}

// Compile checks the book and, when it has no errors, writes the artifacts.
// On any failure the output folder is left as it was.
func Compile(o Options) (*Result, error) {
	for _, w := range o.Only {
		if !contains(Outputs, w) {
			return nil, fmt.Errorf("--only %s: choose among %s", w, strings.Join(Outputs, ", "))
		}
	}
	if err := CheckOut(o.Root, o.out()); err != nil {
		return nil, err
	}
	b, diags, err := Check(o)
	if err != nil {
		return nil, err
	}
	res := &Result{Book: b, Diags: diags}
	if err := Failed(diags, o.Strict); err != nil {
		return res, err
	}
	st, err := newStage(o.out())
	if err != nil {
		return res, fmt.Errorf("output: %w", err)
	}
	checked := len(res.Diags)
	if err := o.build(st, res); err != nil {
		st.abort()
		return res, err
	}
	res.Diags = append(res.Diags[:checked], merge(res.Diags[:checked], res.Diags[checked:])...)
	res.Diags.Sort()
	if err := Failed(res.Diags, o.Strict); err != nil {
		st.abort()
		return res, err
	}
	if err := st.sums(); err != nil {
		st.abort()
		return res, fmt.Errorf("output: %w", err)
	}
	if err := st.commit([]string{"cards", "extracts"}); err != nil {
		return res, fmt.Errorf("output: %w", err)
	}
	res.Files = st.files
	sort.Strings(res.Files)
	return res, nil
}

// build writes every wanted artifact into the stage.
func (o Options) build(st *stage, res *Result) error {
	b := res.Book
	slug := Slug(b)
	files := os.DirFS(b.Root)
	if o.want("pdf") || o.want("extracts") || o.want("cards") {
		o.progress("typeset")
		r, d, err := typeset.Typeset(b)
		if err != nil {
			return fmt.Errorf("typeset: %w", err)
		}
		res.Diags = append(res.Diags, d...)
		res.Pages = r.Contributions
		res.typeset = r
		if o.want("pdf") {
			o.progress("pdf")
			if err := st.write(slug+".pdf", func(w io.Writer) error { return pdf.Write(w, r, b) }); err != nil {
				return fmt.Errorf("pdf: %w", err)
			}
		}
	}
	if o.want("cards") || o.want("extracts") {
		if err := o.shareKit(st, res, files); err != nil {
			return err
		}
	}
	if o.want("epub") {
		o.progress("epub")
		err := st.write(slug+".epub", func(w io.Writer) error {
			d, err := epub.Write(w, b, files)
			res.Diags = append(res.Diags, d...)
			return err
		})
		if err != nil {
			return fmt.Errorf("epub: %w", err)
		}
	}
	return nil
}

// shareKit writes what each contributor shares: two cards, an offprint,
// and share.json and share.html listing them.
func (o Options) shareKit(st *stage, res *Result, files fs.FS) error {
	b := res.Book
	pub := b.Published()
	var cc []*cards.Card
	if o.want("cards") {
		o.progress("cards")
		var d book.Diagnostics
		var err error
		cc, d, err = cards.RenderAll(b, pub, files, o.Jobs)
		if err != nil {
			return fmt.Errorf("cards: %w", err)
		}
		res.Diags = append(res.Diags, d...)
		for i, c := range pub {
			card := cc[i]
			if err := st.write("cards/"+c.Slug+".png", bytesWriter(card.Wide)); err != nil {
				return fmt.Errorf("cards: %w", err)
			}
			if err := st.write("cards/"+c.Slug+"-square.png", bytesWriter(card.Square)); err != nil {
				return fmt.Errorf("cards: %w", err)
			}
		}
	}
	ranges := make([]share.PageRange, len(pub))
	for i := range pub {
		if i < len(res.Pages) {
			ranges[i] = share.PageRange{First: res.Pages[i].First, Last: res.Pages[i].Last}
		}
	}
	if o.want("extracts") {
		o.progress("extracts")
		pdfs, err := parallel(len(pub), o.Jobs, func(i int) ([]byte, error) {
			var buf bytes.Buffer
			err := pdf.WritePages(&buf, res.typeset, b, ranges[i].First, ranges[i].Last)
			return buf.Bytes(), err
		})
		if err != nil {
			return fmt.Errorf("extracts: %w", err)
		}
		for i, c := range pub {
			if err := st.write("extracts/"+c.Slug+".pdf", bytesWriter(pdfs[i])); err != nil {
				return fmt.Errorf("extracts: %w", err)
			}
		}
	}
	entries := share.Build(b, pub, cc, ranges)
	if !o.want("cards") {
		for i := range entries {
			entries[i].Card, entries[i].CardSquare = "", ""
		}
	}
	if !o.want("extracts") {
		for i := range entries {
			entries[i].Offprint = ""
		}
	}
	if err := st.write("share.json", func(w io.Writer) error { return share.WriteJSON(w, b, entries) }); err != nil {
		return fmt.Errorf("share: %w", err)
	}
	if err := st.write("share.html", func(w io.Writer) error { return share.WriteHTML(w, b, entries) }); err != nil {
		return fmt.Errorf("share: %w", err)
	}
	return nil
}

func bytesWriter(b []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	}
}

// parallel runs fn for 0..n-1 on jobs workers; results keep their index, so
// the output does not depend on the number of workers.
func parallel[T any](n, jobs int, fn func(i int) (T, error)) ([]T, error) {
	out := make([]T, n)
	errs := make([]error, n)
	jobs = max(1, min(jobs, n))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return out, errors.Join(errs...)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
