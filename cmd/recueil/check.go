package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/pipeline"
	"github.com/recueil/recueil/internal/report"
	"github.com/recueil/recueil/internal/typo"
)

// maxTypoBytes bounds the files the typography pass reads; larger ones are
// already an error of the loader (file-too-large).
const maxTypoBytes = 1 << 20

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
			&cli.StringFlag{Name: "lang", Usage: "language of the typography messages: fr or en (default: the book's language)"},
			jobsFlag(),
		},
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if !slices.Contains(report.Formats, format) {
				return fail(exitUsage, fmt.Errorf("--format %s: choose text, github, json or sarif", format))
			}
			lang := c.String("lang")
			if lang != "" && lang != "fr" && lang != "en" {
				return fail(exitUsage, fmt.Errorf("--lang %s: choose fr or en", lang))
			}
			o := options(c)
			only, err := relFiles(o.Root, c.Args().Slice())
			if err != nil {
				return fail(exitUsage, err)
			}
			if ref := c.String("changed-since"); ref != "" {
				changed, err := changedSince(o.Root, ref)
				if err != nil {
					return fail(exitUsage, err)
				}
				if only == nil {
					only = map[string]bool{}
				}
				for _, f := range changed {
					only[f] = true
				}
			}
			run := checkRun{o: o, only: only, lang: lang}
			if c.Bool("fix") {
				if err := run.fix(c.App.ErrWriter); err != nil {
					return err
				}
			}
			b, diags, files, err := run.check()
			if err != nil {
				return bookError(err)
			}
			info := report.Info{Files: files, Rules: typoRules(run.msgLang(b)), Version: version()}
			if err := report.Write(c.App.Writer, format, diags, info); err != nil {
				return fail(exitFailure, err)
			}
			if format == "text" || format == "github" {
				fmt.Fprintln(c.App.ErrWriter, diags.Summary(files))
			}
			return bookError(pipeline.Failed(diags, c.Bool("strict")))
		},
	}
}

// checkRun is one check: the options, the files reported on (nil: all)
// and the language of the messages ("": the book's).
type checkRun struct {
	o    pipeline.Options
	only map[string]bool
	lang string
}

func (r checkRun) msgLang(b *book.Book) string {
	if r.lang != "" {
		return r.lang
	}
	return b.Language
}

// check checks the whole book, adds the typography findings of the files
// in scope and keeps the findings about those files (and book.yaml).
func (r checkRun) check() (*book.Book, book.Diagnostics, int, error) {
	b, diags, err := pipeline.Check(r.o)
	if err != nil {
		return nil, nil, 0, err
	}
	files := r.files(b)
	diags = append(diags, typography(b, files, r.msgLang(b), r.o.Jobs)...)
	diags.Sort()
	n := len(b.Contributions)
	if r.only != nil {
		keep := map[string]bool{"book.yaml": true}
		for f := range r.only {
			keep[f] = true
		}
		// Collisions are reported on both files, so the named files
		// still learn that their handle or name is taken.
		diags = diags.ForFiles(keep)
		n = len(r.only)
	}
	return b, diags, n, nil
}

// files are the contribution files in scope, sorted: the named ones, or
// every Markdown file of contributions/ (README.md and hidden files aside,
// as the loader does).
func (r checkRun) files(b *book.Book) []string {
	var out []string
	if r.only != nil {
		for f := range r.only {
			if strings.HasPrefix(f, "contributions/") && strings.HasSuffix(strings.ToLower(f), ".md") {
				out = append(out, f)
			}
		}
	} else {
		entries, _ := os.ReadDir(filepath.Join(b.Root, "contributions"))
		for _, e := range entries {
			name := e.Name()
			if e.Type().IsRegular() && strings.HasSuffix(strings.ToLower(name), ".md") &&
				!strings.HasPrefix(name, ".") && !strings.EqualFold(name, "README.md") {
				out = append(out, "contributions/"+name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// typography returns the French-typography findings of each file, as
// warnings: the book is built anyway, and check --fix repairs them.
func typography(b *book.Book, files []string, msgLang string, jobs int) book.Diagnostics {
	found := make([]book.Diagnostics, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(1, min(jobs, len(files))); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				src, ok := readRegular(filepath.Join(b.Root, filepath.FromSlash(files[i])))
				if !ok {
					continue
				}
				for _, fd := range typo.Check(b.Language, src) {
					found[i] = append(found[i], fd.Diagnostic(files[i], msgLang, book.Warning))
				}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	var diags book.Diagnostics
	for _, d := range found {
		diags = append(diags, d...)
	}
	return diags
}

// readRegular reads a regular file of reasonable size; symbolic links,
// folders and huge files are left to the loader's findings.
func readRegular(p string) ([]byte, bool) {
	st, err := os.Lstat(p)
	if err != nil || !st.Mode().IsRegular() || st.Size() > maxTypoBytes {
		return nil, false
	}
	src, err := os.ReadFile(p)
	return src, err == nil
}

// fix applies the safe typographic fixes to the files in scope, each
// replaced atomically, and says what it changed on w.
func (r checkRun) fix(w io.Writer) error {
	b, _, err := pipeline.Check(r.o)
	if err != nil {
		return bookError(err)
	}
	total, changed := 0, 0
	for _, f := range r.files(b) {
		p := filepath.Join(b.Root, filepath.FromSlash(f))
		src, ok := readRegular(p)
		if !ok {
			continue
		}
		out, found := typo.Fix(b.Language, src)
		if len(found) == 0 || bytes.Equal(out, src) {
			continue
		}
		if err := writeAtomic(p, out); err != nil {
			return fail(exitFailure, fmt.Errorf("%s: %w", f, err))
		}
		total += len(found)
		changed++
		fmt.Fprintf(w, "%s: %d %s\n", f, len(found), plural(len(found), "fix", "fixes"))
	}
	fmt.Fprintf(w, "fixed %d %s in %d %s\n", total, plural(total, "place", "places"), changed, plural(changed, "file", "files"))
	return nil
}

// writeAtomic replaces the file at p with data: written to a temporary
// file in the same folder, synced, given p's mode, then renamed over p, so
// the file is either the old one or the new one, whole.
func writeAtomic(p string, data []byte) error {
	st, err := os.Stat(p)
	if err != nil {
		return err
	}
	dir, base := filepath.Split(p)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".recueil-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(name, p); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: the rename is durable once the folder is synced
		d.Close()
	}
	return nil
}

// changedSince lists the contribution files changed between ref and HEAD
// (three-dot: since the branch left ref) and the untracked ones, relative
// to the book folder. Deleted files are left out.
func changedSince(root, ref string) ([]string, error) {
	if strings.HasPrefix(ref, "-") {
		return nil, fmt.Errorf("--changed-since %s: not a git reference", ref)
	}
	diff, err := git(root, "diff", "--name-only", "-z", "--relative", "--diff-filter=d", ref+"...HEAD", "--", "contributions")
	if err != nil {
		return nil, fmt.Errorf("--changed-since %s: %w", ref, err)
	}
	untracked, err := git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", "contributions")
	if err != nil {
		return nil, fmt.Errorf("--changed-since %s: %w", ref, err)
	}
	seen := map[string]bool{}
	var out []string
	for _, f := range strings.Split(diff+untracked, "\x00") {
		if f != "" && !seen[f] {
			seen[f] = true
			out = append(out, filepath.ToSlash(f))
		}
	}
	sort.Strings(out)
	return out, nil
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("git %s: %s", args[0], strings.TrimSpace(stderr.String()))
		}
		return "", err
	}
	return string(out), nil
}

// typoRules documents the typography rules for the SARIF report.
func typoRules(lang string) []report.Rule {
	var out []report.Rule
	for _, r := range typo.Rules() {
		d := r.Fr
		if !typo.French(lang) {
			d = r.En
		}
		out = append(out, report.Rule{ID: r.Code, Description: d})
	}
	return out
}

// version is the module version recueil was built from, "" for a
// development build.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
