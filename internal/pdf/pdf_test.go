package pdf

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/typeset"
	"github.com/recueil/recueil/internal/typeset/testbook"
)

func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found: install qpdf poppler-utils (apt-get install -y qpdf poppler-utils)", tool)
		}
	}
}

// build typesets a test book and writes its PDF into dir.
func build(t testing.TB, dir string, n int) (*book.Book, *typeset.Result, string) {
	t.Helper()
	b, err := testbook.New(dir, n)
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := typeset.Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, r, b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "book.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return b, r, path
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

var spaces = regexp.MustCompile(`[\s\x{00a0}\x{202f}]+`)

// norm makes extracted and source text comparable: one kind of space,
// hyphenated words joined.
func norm(s string) string {
	s = regexp.MustCompile(`(\p{L})-\s*\n\s*(\p{L})`).ReplaceAllString(s, "$1$2")
	return strings.TrimSpace(spaces.ReplaceAllString(s, " "))
}

func TestPDFCheckTextFonts(t *testing.T) {
	need(t, "qpdf", "pdftotext", "pdffonts", "pdfinfo")
	dir := t.TempDir()
	b, _, path := build(t, dir, 12)
	run(t, "qpdf", "--check", path)

	fontsOut := run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(fontsOut), "\n")[2:]
	if len(lines) < 4 {
		t.Fatalf("too few fonts:\n%s", fontsOut)
	}
	for _, l := range lines {
		f := strings.Fields(l)
		// name type... emb sub uni object ID: emb is the 5th field from the end
		if f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}

	info := run(t, "pdfinfo", path)
	for _, want := range []string{"Title:           Rencontres improbables", "Author:          Camille Exemple",
		"Subject:         Livre blanc collectif", "Creator:         recueil"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	raw, _ := os.ReadFile(path)
	if !bytes.Contains(raw, []byte("/Lang (fr)")) {
		t.Error("the catalog has no /Lang (fr)")
	}

	// every paragraph of every contribution, in book order
	text := norm(run(t, "pdftotext", "-nopgbrk", path, "-"))
	pos := 0
	for _, c := range b.Published() {
		book.Walk(c.Body, func(bl *book.Block) {
			if bl.Kind != book.Paragraph {
				return
			}
			want := norm(book.PlainText(bl.Spans))
			i := strings.Index(text[pos:], want)
			if i < 0 {
				t.Errorf("%s: paragraph not found after offset %d: %q", c.Slug, pos, want)
				return
			}
			pos += i + len(want)
		})
	}
	for _, label := range []string{"Sommaire", "Index des contributeurs", "Introduction", "Postface", "Partenaires"} {
		if !strings.Contains(text, label) {
			t.Errorf("no %q in the PDF", label)
		}
	}
}

func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	_, _, p1 := build(t, dir, 6)
	a, _ := os.ReadFile(p1)
	_, _, p2 := build(t, dir, 6)
	b, _ := os.ReadFile(p2)
	if !bytes.Equal(a, b) {
		t.Fatalf("two builds differ (%d and %d bytes)", len(a), len(b))
	}
}

// The index gives, for each contributor, the page where their text starts:
// check it against the PDF's own pages.
func TestIndexPages(t *testing.T) {
	need(t, "pdftotext")
	dir := t.TempDir()
	b, r, path := build(t, dir, 10)
	idx := -1
	for _, e := range r.Entries {
		if e.Kind == typeset.EntryIndex {
			idx = e.Page
		}
	}
	if idx <= 0 {
		t.Fatal("no index page")
	}
	last := len(r.Doc.Pages)
	text := run(t, "pdftotext", "-layout", "-f", strconv.Itoa(idx), "-l", strconv.Itoa(last), path, "-")
	for _, g := range b.Index() {
		for _, e := range g.Entries {
			c := e.Contribution
			surname, _, _ := strings.Cut(e.Key, ",")
			re := regexp.MustCompile(regexp.QuoteMeta(surname) + `.*?(\d+)\s*$`)
			var page int
			for _, l := range strings.Split(text, "\n") {
				if strings.Contains(l, e.Key) || strings.HasPrefix(strings.TrimSpace(l), surname+",") && strings.Contains(l, strings.TrimSpace(strings.TrimPrefix(e.Key, surname+","))) {
					if m := re.FindStringSubmatch(l); m != nil {
						page, _ = strconv.Atoi(m[1])
					}
				}
			}
			if page == 0 {
				t.Errorf("index: no page for %q in\n%s", e.Key, text)
				continue
			}
			// the page printed must hold the contributor's name and the
			// start of their text
			pt := norm(run(t, "pdftotext", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), path, "-"))
			first := norm(book.PlainText(c.Body[0].Spans))
			if !strings.Contains(pt, c.Name) || !strings.Contains(pt, first[:40]) {
				t.Errorf("index says %s starts on page %d, which reads:\n%s", c.Name, page, pt)
			}
			// and it agrees with the typesetter's ranges
			for _, pr := range r.Contributions {
				if pr.Slug == c.Slug && pr.First != page {
					t.Errorf("%s: index %d, range %d", c.Slug, page, pr.First)
				}
			}
		}
	}
}

func TestWritePages(t *testing.T) {
	need(t, "qpdf", "pdftotext", "pdfinfo")
	dir := t.TempDir()
	b, r, _ := build(t, dir, 6)
	pr := r.Contributions[2]
	var buf bytes.Buffer
	if err := WritePages(&buf, r, b, pr.First, pr.Last); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "offprint.pdf")
	os.WriteFile(path, buf.Bytes(), 0o644)
	run(t, "qpdf", "--check", path)
	info := run(t, "pdfinfo", path)
	if !strings.Contains(info, "Pages:           "+strconv.Itoa(pr.Last-pr.First+1)) {
		t.Errorf("offprint of pages %d-%d:\n%s", pr.First, pr.Last, info)
	}
	text := run(t, "pdftotext", path, "-")
	var c *book.Contribution
	for _, x := range b.Published() {
		if x.Slug == pr.Slug {
			c = x
		}
	}
	if !strings.Contains(text, c.Name) || !strings.Contains(text, strconv.Itoa(pr.First)) {
		t.Errorf("offprint lacks the name or the folio %d:\n%s", pr.First, text)
	}
}

// BenchmarkBook is the whole PDF of 600 short contributions: typeset and write.
func BenchmarkBook(b *testing.B) {
	bk, err := testbook.New(b.TempDir(), 600)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		r, _, err := typeset.Typeset(bk)
		if err != nil {
			b.Fatal(err)
		}
		if err := Write(io.Discard, r, bk); err != nil {
			b.Fatal(err)
		}
	}
}
