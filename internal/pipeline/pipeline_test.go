package pipeline

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/recueil/recueil/internal/book"
)

const sampleRoot = "../.."

func env(vals map[string]string) func(string) string {
	return func(k string) string { return vals[k] }
}

// sampleTmp is the per-binary directory the sample book is compiled into;
// TestMain makes it and removes it, so no run reads an earlier run's files.
var sampleTmp string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "recueil-sample-")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	// A folder of its own: compile locks the output's parent, and /tmp is
	// shared with every other test binary running at the same time.
	sampleTmp = filepath.Join(dir, "out")
	m.Run() // its code is the binary's exit code when TestMain returns (Go 1.15)
}

// sample compiles the repository's sample book once per test binary (a
// compile per test would be too slow) for all the tests that read its
// artifacts.
var sample = sync.OnceValues(func() (*Result, error) {
	return Compile(Options{Root: sampleRoot, Out: sampleTmp, Jobs: 2, Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})})
})

func sampleOut(t *testing.T) (*Result, string) {
	t.Helper()
	res, err := sample()
	if err != nil {
		if res != nil {
			t.Log(res.Diags.Text())
		}
		t.Fatalf("compile the sample book: %v", err)
	}
	if _, err := os.Stat(filepath.Join(sampleTmp, res.Book.Artifacts().PDF())); err != nil {
		t.Fatalf("no PDF written: %v", err)
	}
	return res, sampleTmp
}

// need fails (never skips) when an outside checker is missing.
func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed: run `make tools` (Debian: apt-get install qpdf poppler-utils epubcheck)", tool)
		}
	}
}

func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func TestSamplePDFIsValid(t *testing.T) {
	need(t, "qpdf", "pdffonts")
	res, dir := sampleOut(t)
	pdf := filepath.Join(dir, res.Book.Artifacts().PDF())
	out := runTool(t, "qpdf", "--check", pdf)
	if !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	fonts := runTool(t, "pdffonts", pdf)
	lines := strings.Split(strings.TrimSpace(fonts), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no font:\n%s", fonts)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... encoding emb sub uni object ID: emb is 5th from the end.
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
}

// words splits text into lowercase letter-or-digit runs, the unit compared
// between a source paragraph and the PDF's text. Hyphens are dropped on
// both sides: pdftotext rejoins a word broken at a line end and also
// removes a real hyphen there ("trente-" + "cinq" gives "trentecinq").
func words(s string) []string {
	s = strings.NewReplacer("-", "", "‑", "").Replace(s)
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// withCalls is the text of spans as pdftotext reads it: a footnote's call
// is its number, set against the word before it.
func withCalls(spans []book.Span) string {
	var b strings.Builder
	for _, s := range spans {
		switch {
		case s.Note > 0:
			b.WriteString(strconv.Itoa(s.Note))
		case s.Break:
			b.WriteByte(' ')
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// TestSampleFootnotes: the sample book has a footnote; pdftotext finds it
// on the page of its call, after the text of that page, and its call
// glued to the word it follows.
func TestSampleFootnotes(t *testing.T) {
	need(t, "pdftotext")
	res, dir := sampleOut(t)
	b := res.Book
	pdf := filepath.Join(dir, b.Artifacts().PDF())
	checked := 0
	for i, c := range b.Published() {
		pr := res.Pages[i]
		for _, n := range c.Notes {
			note := strings.Join(words(strconv.Itoa(n.N)+". "+book.BlocksText(n.Blocks)), " ")
			found := false
			for p := pr.First; p <= pr.Last && !found; p++ {
				page := strings.Join(words(runTool(t, "pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), pdf, "-")), " ")
				k := strings.Index(page, note)
				if k < 0 {
					continue
				}
				found = true
				if rest := strings.TrimSpace(page[k+len(note):]); rest != strconv.Itoa(p) {
					t.Errorf("%s: note %d on page %d is followed by %q, not only by the folio", c.Path, n.N, p, rest)
				}
				call := ""
				book.Walk(c.Body, func(bl *book.Block) {
					for j, s := range bl.Spans {
						if s.Note == n.N && j > 0 && call == "" {
							w := words(bl.Spans[j-1].Text)
							call = w[len(w)-1] + strconv.Itoa(n.N)
						}
					}
				})
				if !strings.Contains(page[:k], call) {
					t.Errorf("%s: the call %q of note %d is not above it on page %d", c.Path, call, n.N, p)
				}
				checked++
			}
			if !found {
				t.Errorf("%s: note %d not found on pages %d-%d", c.Path, n.N, pr.First, pr.Last)
			}
		}
	}
	if checked == 0 {
		t.Error("the sample book has no footnote")
	}
}

func indexOf(hay, needle []string, from int) int {
outer:
	for i := from; i+len(needle) <= len(hay); i++ {
		for j := range needle {
			if hay[i+j] != needle[j] {
				continue outer
			}
		}
		return i
	}
	return -1
}

// TestSampleTextInOrder reads the PDF back with pdftotext and finds every
// paragraph of every contribution, whole and in book order.
func TestSampleTextInOrder(t *testing.T) {
	need(t, "pdftotext")
	res, dir := sampleOut(t)
	b := res.Book
	text := runTool(t, "pdftotext", filepath.Join(dir, b.Artifacts().PDF()), "-")
	// Drop running heads and folios, which interrupt paragraphs across pages.
	heads := map[string]bool{b.Title: true}
	for _, c := range b.Published() {
		heads[c.Name] = true
	}
	// A footnote is set at the foot of its page, after the text that
	// goes on on the next page: it is checked by TestSampleFootnotes, and
	// dropped here.
	notes := map[string]bool{}
	for _, c := range b.Published() {
		for _, n := range c.Notes {
			// with its number: a paragraph may go on past the note
			notes[strings.Join(words(strconv.Itoa(n.N)+". "+book.BlocksText(n.Blocks)), " ")] = true
		}
	}
	var kept []string
	for _, page := range strings.Split(text, "\f") {
		ls := strings.Split(page, "\n")
		folio := len(ls) - 1 // the last line that is not empty
		for folio > 0 && strings.TrimSpace(ls[folio]) == "" {
			folio--
		}
		for i, l := range ls {
			l = strings.TrimSpace(l)
			if _, err := strconv.Atoi(l); err == nil && i == folio {
				continue
			}
			if i == 0 && heads[l] {
				continue
			}
			kept = append(kept, l)
		}
	}
	for n := range notes {
		stream := strings.Join(words(strings.Join(kept, "\n")), " ")
		if i := strings.Index(stream, n); i >= 0 {
			kept = []string{stream[:i], stream[i+len(n):]}
		}
	}
	stream := words(strings.Join(kept, "\n"))
	cursor, paragraphs := 0, 0
	for _, c := range b.Published() {
		book.Walk(c.Body, func(bl *book.Block) {
			if len(bl.Spans) == 0 || bl.Kind == book.CodeBlock {
				return
			}
			want := words(withCalls(bl.Spans))
			if len(want) == 0 {
				return
			}
			at := indexOf(stream, want, cursor)
			if at < 0 {
				t.Errorf("%s:%d: paragraph not found in the PDF after word %d: %q", c.Path, bl.Line, cursor, strings.Join(want, " "))
				return
			}
			cursor = at + len(want)
			paragraphs++
		})
	}
	if paragraphs < 3*len(b.Published()) {
		t.Errorf("only %d paragraphs checked for %d contributions", paragraphs, len(b.Published()))
	}
}

var indexLine = regexp.MustCompile(`^\s*(\S.*?)\s+—\s+.*?\s(\d+)\s*$`)

// TestSampleIndexPages checks that each contributor index entry gives the
// page where that contribution opens: the page whose first line is the
// contributor's name and whose folio is that number.
func TestSampleIndexPages(t *testing.T) {
	need(t, "pdftotext")
	res, dir := sampleOut(t)
	b := res.Book
	pdf := filepath.Join(dir, b.Artifacts().PDF())
	pages := strings.Split(runTool(t, "pdftotext", "-layout", pdf, "-"), "\f")
	got := map[string]int{}
	inIndex := false
	for _, p := range pages {
		if strings.Contains(p, "Index des contributeurs") {
			inIndex = true
		}
		if !inIndex {
			continue
		}
		for _, l := range strings.Split(p, "\n") {
			if m := indexLine.FindStringSubmatch(l); m != nil {
				n, _ := strconv.Atoi(m[2])
				got[strings.TrimSpace(m[1])] = n
			}
		}
	}
	plain := strings.Split(runTool(t, "pdftotext", pdf, "-"), "\f")
	for _, g := range b.Index() {
		for _, e := range g.Entries {
			n, ok := got[e.Key]
			if !ok {
				t.Errorf("index entry %q not found in the PDF's index", e.Key)
				continue
			}
			if n < 1 || n > len(plain) {
				t.Errorf("index entry %q gives page %d, out of range", e.Key, n)
				continue
			}
			ls := strings.Split(strings.TrimSpace(plain[n-1]), "\n")
			if strings.TrimSpace(ls[0]) != e.Contribution.Name || strings.TrimSpace(ls[len(ls)-1]) != strconv.Itoa(n) {
				t.Errorf("index entry %q gives page %d, which opens with %q and has folio %q", e.Key, n, ls[0], ls[len(ls)-1])
			}
		}
	}
}

// TestSampleEPUBCheck: epubcheck (with its usage notes) finds nothing in
// the sample book's EPUB, and every document says it is French. The
// checker runs in one JVM, through the batch the sample books share.
func TestSampleEPUBCheck(t *testing.T) {
	need(t, "java")
	res, dir := sampleOut(t)
	ep := filepath.Join(dir, res.Book.Artifacts().EPUB())
	for _, m := range epubcheckAll(t, []string{ep})[ep] {
		if m.Severity == "FATAL" || m.Severity == "ERROR" || m.Severity == "WARNING" ||
			(m.Severity == "USAGE" && strings.Contains(strings.ToLower(m.Message), "language")) {
			t.Errorf("epubcheck %s %s: %s", m.Severity, m.ID, m.Message)
		}
	}
	// Every content document declares its language.
	z, err := zip.OpenReader(ep)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if strings.HasSuffix(f.Name, ".xhtml") {
			rc, _ := f.Open()
			buf := make([]byte, 2048)
			n, _ := rc.Read(buf)
			rc.Close()
			if !strings.Contains(string(buf[:n]), `xml:lang="fr"`) {
				t.Errorf("%s has no xml:lang=\"fr\"", f.Name)
			}
		}
	}
}

// TestSameBytes compiles the sample twice into two folders and compares
// every artifact's SHA-256.
func TestSameBytes(t *testing.T) {
	var sums [2]string
	for i := range sums {
		out := t.TempDir()
		if _, err := Compile(Options{Root: sampleRoot, Out: out, Jobs: 1 + i, Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})}); err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(filepath.Join(out, "SHA256SUMS"))
		if err != nil {
			t.Fatal(err)
		}
		sums[i] = string(raw)
	}
	if sums[0] != sums[1] {
		t.Errorf("two compiles differ:\n%s\n%s", sums[0], sums[1])
	}
	if strings.Count(sums[0], "\n") < 2 {
		t.Errorf("SHA256SUMS lists too few artifacts:\n%s", sums[0])
	}
}

// TestFailedCompileLeavesOutput: a book with errors writes nothing and
// leaves what the output folder held.
func TestFailedCompileLeavesOutput(t *testing.T) {
	out := t.TempDir()
	sentinel := filepath.Join(out, "livre.pdf")
	if err := os.WriteFile(sentinel, []byte("previous build"), 0o644); err != nil {
		t.Fatal(err)
	}
	// An output recueil wrote: its manifest lists the PDF.
	if err := os.WriteFile(filepath.Join(out, manifestName), []byte(manifestHead+"\nlivre.pdf\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Compile(Options{Root: "../check/testdata/badbook", Out: out})
	if !errors.Is(err, ErrFindings) {
		t.Fatalf("err = %v, want ErrFindings", err)
	}
	if res == nil || !res.Diags.HasErrors() {
		t.Fatal("no findings returned")
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 2 {
		t.Errorf("output folder changed: %v", entries)
	}
	if raw, _ := os.ReadFile(sentinel); string(raw) != "previous build" {
		t.Error("previous artifact was modified")
	}
}

func TestCheckOutRefusesSources(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "book.yaml"), []byte("title: x\n"), 0o644)
	os.MkdirAll(filepath.Join(root, "contributions"), 0o755)
	for _, bad := range []string{root, filepath.Dir(root), filepath.Join(root, "contributions"), filepath.Join(root, "contributions", "x"), filepath.Join(root, "editorial")} {
		if err := CheckOut(root, bad); err == nil {
			t.Errorf("CheckOut accepted %s", bad)
		}
	}
	for _, good := range []string{filepath.Join(root, "output"), filepath.Join(t.TempDir(), "elsewhere")} {
		if err := CheckOut(root, good); err != nil {
			t.Errorf("CheckOut refused %s: %v", good, err)
		}
	}
}

// TestSampleOffprints reads each offprint back: valid, the contributor's
// pages only, every line of those pages of the book in order (text and
// folios), and the colophon with the page range.
func TestSampleOffprints(t *testing.T) {
	need(t, "qpdf", "pdftotext", "pdfinfo")
	res, dir := sampleOut(t)
	b := res.Book
	book := filepath.Join(dir, b.Artifacts().PDF())
	pub := b.Published()
	if len(res.Pages) != len(pub) {
		t.Fatalf("%d page ranges for %d contributions", len(res.Pages), len(pub))
	}
	for i, c := range pub {
		pr := res.Pages[i]
		path := filepath.Join(dir, "extracts", c.Slug+".pdf")
		runTool(t, "qpdf", "--check", path)
		info := runTool(t, "pdfinfo", path)
		// a cover page, then the book's pages
		if !regexp.MustCompile(`(?m)^Pages:\s+` + strconv.Itoa(pr.Last-pr.First+2) + `$`).MatchString(info) {
			t.Errorf("%s: not %d pages:\n%s", c.Slug, pr.Last-pr.First+2, info)
		}
		got := runTool(t, "pdftotext", "-layout", "-f", "2", path, "-")
		want := runTool(t, "pdftotext", "-layout", "-f", strconv.Itoa(pr.First), "-l", strconv.Itoa(pr.Last), book, "-")
		// -layout spaces columns (a table's) after the widest line of the
		// document, which the offprint's colophon changes: compare words.
		rest := strings.Join(strings.Fields(got), " ")
		for _, l := range strings.Split(want, "\n") {
			if l = strings.Join(strings.Fields(l), " "); l == "" {
				continue
			}
			k := strings.Index(rest, l)
			if k < 0 {
				t.Errorf("%s: line of the book's pages %d-%d missing or out of order: %q", c.Slug, pr.First, pr.Last, l)
				break
			}
			rest = rest[k+len(l):]
		}
		pages := strconv.Itoa(pr.First)
		if pr.Last > pr.First {
			pages += "–" + strconv.Itoa(pr.Last)
		}
		if !strings.Contains(strings.Join(strings.Fields(got), " "), "» (1re édition), p. "+pages+".") {
			t.Errorf("%s: no colophon with p. %s in\n%s", c.Slug, pages, got)
		}
	}
}

// TestSumsAreTheFiles: every line of SHA256SUMS is the SHA-256 of the file
// it names, after a cold compile and after one over its cache (whose
// artifacts are links to entries the run checked, with sums it did not
// read back), and every artifact of the folder is listed.
func TestSumsAreTheFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	for _, run := range []string{"cold", "warm"} {
		if _, err := Compile(Options{Root: sampleRoot, Out: out, Jobs: 2, Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})}); err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(filepath.Join(out, "SHA256SUMS"))
		if err != nil {
			t.Fatal(err)
		}
		listed := map[string]bool{}
		for _, line := range strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n") {
			sum, rel, ok := strings.Cut(line, "  ")
			if !ok {
				t.Fatalf("%s: line %q", run, line)
			}
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
			if err != nil {
				t.Fatalf("%s: %s is listed: %v", run, rel, err)
			}
			if got := sha256.Sum256(data); hex.EncodeToString(got[:]) != sum {
				t.Errorf("%s: SHA256SUMS says %s for %s, the file is %x", run, sum, rel, got)
			}
			listed[rel] = true
		}
		filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			rel, _ := filepath.Rel(out, p)
			rel = filepath.ToSlash(rel)
			if d.IsDir() {
				if rel == cacheDir {
					return filepath.SkipDir
				}
				return nil
			}
			if rel != "SHA256SUMS" && rel != manifestName && !listed[rel] {
				t.Errorf("%s: %s is not in SHA256SUMS", run, rel)
			}
			return nil
		})
		if len(listed) < 50 {
			t.Errorf("%s: SHA256SUMS lists %d files (the sample has cards, pages and offprints)", run, len(listed))
		}
	}
}
