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
	"github.com/recueil/recueil/internal/cpuclock"
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

// typesetPDF typesets b and returns the result and its PDF.
func typesetPDF(t testing.TB, b *book.Book) (*typeset.Result, []byte) {
	t.Helper()
	r, _, err := typeset.Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, r, b); err != nil {
		t.Fatal(err)
	}
	return r, buf.Bytes()
}

// build typesets a test book and writes its PDF into dir.
func build(t testing.TB, dir string, n int) (*book.Book, *typeset.Result, string) {
	t.Helper()
	b, err := testbook.New(dir, n)
	if err != nil {
		t.Fatal(err)
	}
	r, data := typesetPDF(t, b)
	path := filepath.Join(dir, "book.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
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

// An offprint is the contributor's pages as in the book, every paragraph
// of theirs and nobody else's, with the colophon and the book's links.
func TestWritePages(t *testing.T) {
	need(t, "qpdf", "pdftotext", "pdfinfo")
	dir := t.TempDir()
	b, r, _ := build(t, dir, 6)
	pub := b.Published()
	if len(r.Contributions) != len(pub) {
		t.Fatalf("%d ranges for %d contributions", len(r.Contributions), len(pub))
	}
	for i, pr := range r.Contributions {
		c := pub[i]
		if c.Slug != pr.Slug {
			t.Fatalf("range %d is %s, contribution %s", i, pr.Slug, c.Slug)
		}
		var buf bytes.Buffer
		if err := WritePages(&buf, r, b, pr.First, pr.Last); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, c.Slug+".pdf")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		run(t, "qpdf", "--check", path)
		info := run(t, "pdfinfo", path)
		if !strings.Contains(info, "Pages:           "+strconv.Itoa(pr.Last-pr.First+2)+"\n") { // a cover page, then the pages
			t.Errorf("%s: offprint of pages %d-%d:\n%s", c.Slug, pr.First, pr.Last, info)
		}
		if want := "Title:           " + c.Name + " — " + b.Title + "\n"; !strings.Contains(info, want) {
			t.Errorf("%s: no %q in\n%s", c.Slug, want, info)
		}
		if !bytes.Contains(buf.Bytes(), []byte("/Lang (fr)")) {
			t.Errorf("%s: no /Lang (fr)", c.Slug)
		}
		if !bytes.Contains(buf.Bytes(), []byte("/URI ("+b.URL+")")) {
			t.Errorf("%s: no link to the book's URL", c.Slug)
		}
		raw := run(t, "pdftotext", "-nopgbrk", path, "-")
		text := norm(raw)
		pages := strconv.Itoa(pr.First)
		if pr.Last > pr.First {
			pages += "–" + strconv.Itoa(pr.Last)
		}
		for _, want := range []string{"Extrait de « Rencontres improbables » (1re édition), p. " + pages + ".",
			"Licence CC BY-NC-ND 4.0.", "Le livre entier : " + b.URL, c.Name} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: no %q in\n%s", c.Slug, want, raw)
			}
		}
		// every paragraph, in order
		pos := 0
		book.Walk(c.Body, func(bl *book.Block) {
			if bl.Kind != book.Paragraph {
				return
			}
			want := norm(book.PlainText(bl.Spans))
			j := strings.Index(text[pos:], want)
			if j < 0 {
				t.Errorf("%s: paragraph not found after offset %d: %q", c.Slug, pos, want)
				return
			}
			pos += j + len(want)
		})
		// and nobody else's
		for j, o := range pub {
			if j != i && strings.Contains(text, o.Name+" ") {
				t.Errorf("%s: the offprint holds %s", c.Slug, o.Name)
			}
		}
		for _, folio := range []int{pr.First, pr.Last} {
			if !regexp.MustCompile(`(?m)^\s*` + strconv.Itoa(folio) + `\s*$`).MatchString(raw) {
				t.Errorf("%s: no folio %d", c.Slug, folio)
			}
		}
	}
	if err := WritePages(io.Discard, r, b, 0, 3); err == nil {
		t.Error("a range from page 0 was accepted")
	}
	if err := WritePages(io.Discard, r, b, 1, len(r.Doc.Pages)+1); err == nil {
		t.Error("a range past the last page was accepted")
	}
}

// BenchmarkBook is the whole PDF of 612 short contributions: typeset and write.
func BenchmarkBook(b *testing.B) {
	bk, err := testbook.New(b.TempDir(), 612)
	if err != nil {
		b.Fatal(err)
	}
	defer cpuclock.PerOp(b)()
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

// BenchmarkWritePages is one offprint (one contributor's pages) of a book
// of 612 contributions.
func BenchmarkWritePages(b *testing.B) {
	bk, err := testbook.New(b.TempDir(), 612)
	if err != nil {
		b.Fatal(err)
	}
	r, _, err := typeset.Typeset(bk)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	defer cpuclock.PerOp(b)()
	for b.Loop() {
		pr := r.Contributions[i%len(r.Contributions)]
		if err := WritePages(io.Discard, r, bk, pr.First, pr.Last); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkWrite is the PDF writer alone on 612 contributions.
func BenchmarkWrite(b *testing.B) {
	bk, err := testbook.New(b.TempDir(), 612)
	if err != nil {
		b.Fatal(err)
	}
	r, _, err := typeset.Typeset(bk)
	if err != nil {
		b.Fatal(err)
	}
	defer cpuclock.PerOp(b)()
	for b.Loop() {
		if err := Write(io.Discard, r, bk); err != nil {
			b.Fatal(err)
		}
	}
}
