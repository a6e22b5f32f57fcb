package pipeline

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// pdfNode is a node of a page's structure tree as pdf.js reads it
// (scripts/site-check/pdf-struct.mjs): an element with a role and
// children, or a leaf holding marked text or an annotation.
type pdfNode struct {
	Role       string     `json:"role"`
	Alt        *string    `json:"alt"`
	Lang       *string    `json:"lang"`
	Children   []*pdfNode `json:"children"`
	Text       *string    `json:"text"`
	ID         string     `json:"id"`
	Annotation string     `json:"annotation"`
}

// text is everything n marks, in order.
func (n *pdfNode) text() string {
	if n == nil {
		return ""
	}
	if n.Text != nil {
		return *n.Text
	}
	var b strings.Builder
	for _, c := range n.Children {
		b.WriteString(c.text())
	}
	return b.String()
}

func (n *pdfNode) walk(parent *pdfNode, f func(n, parent *pdfNode)) {
	if n == nil {
		return
	}
	f(n, parent)
	for _, c := range n.Children {
		c.walk(n, f)
	}
}

type pdfPage struct {
	Tree   *pdfNode `json:"tree"`
	Annots []struct {
		ID, Contents string
	} `json:"annots"`
	Artifacts []string `json:"artifacts"`
	Unmarked  []string `json:"unmarked"`
}

type pdfReport struct {
	Pages  []pdfPage `json:"pages"`
	Lang   *string   `json:"lang"`
	Marked bool      `json:"marked"`
}

// pdfcpuPath is the pdfcpu that make tools builds (scripts/ensure-tools.sh).
func pdfcpuPath(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs("../../bin/pdfcpu")
	if err == nil {
		if _, err = os.Stat(p); err == nil {
			return p
		}
	}
	t.Fatalf("pdfcpu is not installed: run `make tools` (it builds github.com/pdfcpu/pdfcpu/cmd/pdfcpu@v0.15.0 into bin/)")
	return ""
}

// flat makes text comparable across typography: apostrophes and the
// spaces the typographer binds words with.
func flat(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("’", "'", "\u00a0", " ", "\u202f", " ").Replace(s)), " ")
}

// TestSampleTaggedPDF reads the sample book's PDF and every offprint with
// the outside readers issue 13 names: poppler says they are tagged and gives
// their text in reading order without running heads or folios; pdf.js finds
// every text inside a structure element or an artifact, every contribution
// under its heading, every figure with its alternative text, every link
// annotation tied to a Link element, and every word hyphenated at a line's
// end read whole; pdfcpu validates them in strict mode.
func TestSampleTaggedPDF(t *testing.T) {
	need(t, "pdfinfo", "pdffonts", "node")
	if _, err := os.Stat("../../scripts/site-check/node_modules/pdfjs-dist"); err != nil {
		t.Fatal("pdf.js is not installed: run `make tools` (npm ci in scripts/site-check)")
	}
	pdfcpu := pdfcpuPath(t)
	res, dir := sampleOut(t)
	b := res.Book
	book := filepath.Join(dir, b.Artifacts().PDF())
	files := []string{book}
	names := map[string]string{} // offprint -> contributor
	for _, c := range b.Published() {
		p := filepath.Join(dir, b.Artifacts().Offprint(c.Slug))
		files = append(files, p)
		names[p] = c.Name
	}

	// poppler
	for _, f := range files {
		if info := runTool(t, "pdfinfo", f); !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).MatchString(info) {
			t.Errorf("%s: pdfinfo does not see it tagged:\n%s", filepath.Base(f), info)
		}
		for _, l := range strings.Split(strings.TrimSpace(runTool(t, "pdffonts", f)), "\n")[2:] {
			if name := strings.Fields(l)[0]; !regexp.MustCompile(`^[A-Z]{6}\+[A-Za-z]`).MatchString(name) || strings.Contains(name, "utf8") {
				t.Errorf("%s: font %q is not named as a subset of a real font", filepath.Base(f), name)
			}
		}
	}
	st := runTool(t, "pdfinfo", "-struct-text", book)
	pages, _ := strconv.Atoi(regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(runTool(t, "pdfinfo", book))[1])
	// a number read alone is a page number of the contents or the index,
	// inside its entry's link, or a table's cell, never a folio
	lines := strings.Split(st, "\n")
	indent := func(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }
	for i, l := range lines {
		if !regexp.MustCompile(`^\s*"\d+ ?"$`).MatchString(l) {
			continue
		}
		parent := ""
		for j := i - 1; j >= 0; j-- {
			if indent(lines[j]) < indent(l) {
				parent = strings.TrimSpace(lines[j])
				break
			}
		}
		if parent != "Link (inline)" && !strings.HasPrefix(parent, "TD") && !strings.HasPrefix(parent, "TH") {
			t.Errorf("pdfinfo -struct-text reads %s under %q: a folio?", strings.TrimSpace(l), parent)
		}
	}
	first := b.Published()[0]
	body := first.Body[0].Spans[0].Text
	iName, iTitle := strings.Index(flat(st), flat(first.Name)), strings.Index(flat(st), flat(first.Title))
	iBody := strings.Index(flat(st), flat(body)[:20])
	if iName < 0 || iTitle < iName || iBody < iTitle {
		t.Errorf("pdfinfo -struct-text does not read %s's name (%d), title (%d) and text (%d) in that order", first.Name, iName, iTitle, iBody)
	}

	// pdf.js
	cmd := exec.Command("node", append([]string{"../../scripts/site-check/pdf-struct.mjs"}, files...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdf-struct.mjs: %v\n%s", err, stderr.String())
	}
	var reports map[string]pdfReport
	if err := json.Unmarshal(out, &reports); err != nil {
		t.Fatal(err)
	}
	spans, folios := 0, 0
	var langs []string // passages in another language: "nl Spijt"
	var h1s []string
	for _, f := range files {
		r, ok := reports[f]
		if !ok {
			t.Fatalf("pdf.js read nothing of %s", f)
		}
		base := filepath.Base(f)
		if !r.Marked || r.Lang == nil || *r.Lang != "fr" {
			t.Errorf("%s: MarkInfo %v, language %v", base, r.Marked, r.Lang)
		}
		var sectH1 []string
		for i, p := range r.Pages {
			if len(p.Unmarked) > 0 {
				t.Errorf("%s page %d: text in no marked content: %q", base, i+1, p.Unmarked)
			}
			tied := map[string]bool{}
			p.Tree.walk(nil, func(n, parent *pdfNode) {
				switch {
				case n.Annotation != "":
					if parent == nil || parent.Role != "Link" {
						t.Errorf("%s page %d: annotation %s under %v, not a Link", base, i+1, n.Annotation, parent)
					}
					// pdf.js names some annotations by their reference
					// ("12R"), others with its own prefix
					tied[strings.TrimPrefix(n.Annotation, "pdfjs_internal_id_")] = true
				case n.Text != nil && *n.Text == "" && n.ID != "":
					t.Errorf("%s page %d: marked content %s holds no text", base, i+1, n.ID)
				case n.Role == "Figure":
					if n.Alt == nil || strings.TrimSpace(*n.Alt) == "" {
						t.Errorf("%s page %d: a figure without alternative text", base, i+1)
					}
				case n.Role == "Span" && n.Lang != nil && *n.Lang != "fr":
					if f == book {
						langs = append(langs, *n.Lang+" "+flat(n.text()))
					}
				case n.Role == "Span" && n.Alt != nil:
					// a word hyphenated at a line's end: read whole
					spans++
					nospace := func(s string) string { return strings.Join(strings.Fields(flat(s)), "") }
					txt, alt := nospace(n.text()), nospace(*n.Alt)
					whole := false
					for k := range len(txt) {
						if txt[k] == '-' && txt[:k]+txt[k+1:] == alt {
							whole = true
						}
					}
					if !whole {
						t.Errorf("%s page %d: the hyphenated %q is read as %q", base, i+1, txt, alt)
					}
				case n.Role == "Sect":
					for _, c := range n.Children {
						if c.Role == "H1" {
							sectH1 = append(sectH1, flat(c.text()))
							break
						}
					}
				}
			})
			for _, a := range p.Annots {
				if !tied[a.ID] {
					t.Errorf("%s page %d: link annotation %s (%q) tied to no Link element", base, i+1, a.ID, a.Contents)
				}
				if strings.TrimSpace(a.Contents) == "" {
					t.Errorf("%s page %d: link annotation %s has no description", base, i+1, a.ID)
				}
			}
			for _, a := range p.Artifacts {
				if f == book && strings.TrimSpace(a) == strconv.Itoa(i+1) {
					folios++
				}
			}
		}
		if f == book {
			h1s = sectH1
		} else if name := names[f]; len(sectH1) == 0 || sectH1[0] != flat(name) {
			t.Errorf("%s: its first section is headed %q, not %q", base, sectH1, name)
		}
	}
	for _, c := range b.Published() {
		found := false
		for _, h := range h1s {
			found = found || h == flat(c.Name)
		}
		if !found {
			t.Errorf("the book has no section headed %q (pdf.js read %q)", c.Name, h1s)
		}
	}
	// the sample book has one passage {lang=nl}
	if !slices.Contains(langs, "nl Spijt") {
		t.Errorf("no span says the Dutch passage's language: %q", langs)
	}
	if folios < pages/2 {
		t.Errorf("only %d of the book's %d pages have their folio as an artifact", folios, pages)
	}
	if spans == 0 {
		t.Error("no hyphenated word read whole: the sample book hyphenates words at line ends")
	}

	// pdfcpu, strict
	for _, f := range []string{book, files[1]} {
		if out, err := exec.Command(pdfcpu, "validate", "-m", "strict", f).CombinedOutput(); err != nil || !strings.Contains(string(out), "validation ok") {
			t.Errorf("pdfcpu validate -m strict %s: %v\n%s", filepath.Base(f), err, out)
		}
	}
}

// TestSampleEPUBAccessible runs Ace by DAISY (in Debian's chromium) on the
// sample book's EPUB: no finding of any level, the conformance claim and
// its certifier read, page breaks found. It then reads the page list back:
// tied to the PDF, each contribution's first page is marked in its own
// document, and the index gives that page as its locator.
func TestSampleEPUBAccessible(t *testing.T) {
	need(t, "node")
	if _, err := os.Stat("/usr/bin/chromium"); err != nil {
		t.Fatal("chromium is not installed: run `make tools` (Debian: apt-get install chromium)")
	}
	ace, err := filepath.Abs("../../scripts/site-check/node_modules/.bin/ace-cli")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(ace); err != nil {
		t.Fatal("Ace by DAISY is not installed: run `make tools` (npm ci in scripts/site-check)")
	}
	res, dir := sampleOut(t)
	ep := filepath.Join(dir, res.Book.Artifacts().EPUB())
	report := t.TempDir()
	cmd := exec.Command(ace, "--force", "--silent", "--outdir", report, ep)
	cmd.Env = append(os.Environ(), "PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ace: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(report, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Result struct {
			Outcome string `json:"earl:outcome"`
		} `json:"earl:result"`
		Assertions []struct {
			Subject struct {
				URL string `json:"url"`
			} `json:"earl:testSubject"`
			Assertions []struct {
				Test struct {
					Title  string `json:"dct:title"`
					Impact string `json:"earl:impact"`
				} `json:"earl:test"`
			} `json:"assertions"`
		} `json:"assertions"`
		Meta struct {
			Present []string `json:"present"`
		} `json:"a11y-metadata"`
		Properties struct {
			HasPageBreaks bool `json:"hasPageBreaks"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	if r.Result.Outcome != "pass" {
		t.Errorf("Ace: %q", r.Result.Outcome)
	}
	for _, a := range r.Assertions {
		for _, f := range a.Assertions {
			t.Errorf("Ace: %s: %s (%s)", a.Subject.URL, f.Test.Title, f.Test.Impact)
		}
	}
	for _, want := range []string{"dcterms:conformsTo", "a11y:certifiedBy", "schema:accessibilitySummary"} {
		if !slices.Contains(r.Meta.Present, want) {
			t.Errorf("Ace does not read %s (it reads %q)", want, r.Meta.Present)
		}
	}
	if !r.Properties.HasPageBreaks {
		t.Error("Ace finds no page break")
	}

	z, err := zip.OpenReader(ep)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	read := func(name string) string {
		f, err := z.Open(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		return string(b)
	}
	nav := read("EPUB/nav.xhtml")
	if !strings.Contains(nav, `epub:type="page-list"`) {
		t.Fatal("the navigation document has no page list")
	}
	index := read("EPUB/index.xhtml")
	for _, pr := range res.Pages {
		marker := fmt.Sprintf(`<a href="c-%s.xhtml#page-%d">`, pr.Slug, pr.First)
		if !strings.Contains(nav, marker) {
			t.Errorf("the page list does not lead to page %d in %s's document", pr.First, pr.Slug)
		}
		if !strings.Contains(read("EPUB/c-"+pr.Slug+".xhtml"), fmt.Sprintf(`id="page-%d"`, pr.First)) {
			t.Errorf("%s's document has no marker of its first page, %d", pr.Slug, pr.First)
		}
		if !strings.Contains(index, fmt.Sprintf(`href="c-%s.xhtml#c-%s">%d</a>`, pr.Slug, pr.Slug, pr.First)) {
			t.Errorf("the index does not give page %d for %s", pr.First, pr.Slug)
		}
	}
	listed := strings.Count(nav[strings.Index(nav, `epub:type="page-list"`):], "<li>")
	pages, _ := strconv.Atoi(regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(runTool(t, "pdfinfo", filepath.Join(dir, res.Book.Artifacts().PDF())))[1])
	if listed != pages {
		t.Errorf("the page list has %d pages, the PDF %d", listed, pages)
	}
}

// A book whose book.yaml names no cover still gives reading systems a cover
// image: drawn from its title and the cards' colours, 1600 × 2400 px.
func TestDrawnCover(t *testing.T) {
	root := copyBook(t)
	p := filepath.Join(root, "book.yaml")
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^cover:.*\n`)
	if !re.Match(raw) {
		t.Fatal("the sample book.yaml names no cover: the test would prove nothing")
	}
	os.WriteFile(p, re.ReplaceAll(raw, nil), 0o644)
	out := filepath.Join(t.TempDir(), "out")
	res, err := Compile(Options{Root: root, Out: out, Only: []string{"epub"}, Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})})
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.OpenReader(filepath.Join(out, res.Book.Artifacts().EPUB()))
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var opf string
	var cover image.Image
	for _, f := range z.File {
		r, _ := f.Open()
		switch f.Name {
		case "EPUB/content.opf":
			b, _ := io.ReadAll(r)
			opf = string(b)
		case "EPUB/images/cover.png":
			if cover, err = png.Decode(r); err != nil {
				t.Fatal(err)
			}
		}
		r.Close()
	}
	if !strings.Contains(opf, `href="images/cover.png" media-type="image/png" properties="cover-image"`) {
		t.Errorf("the package names no cover image:\n%s", opf)
	}
	if cover == nil || cover.Bounds().Dx() != 1600 || cover.Bounds().Dy() != 2400 {
		t.Fatalf("cover image: %v", cover)
	}
	// the title is drawn: the upper third holds more than the background
	bg := cover.At(5, 5)
	ink := 0
	for y := 600; y < 1200; y += 3 {
		for x := 160; x < 1440; x += 3 {
			if cover.At(x, y) != bg {
				ink++
			}
		}
	}
	if ink < 2000 {
		t.Errorf("only %d pixels of the title's zone differ from the background", ink)
	}
}

// The sample book asks for indexes by organisation and by city: each is
// in the PDF after the contributors' one, its groups in the book's order,
// each contributor with the page their text starts on, and in the EPUB.
func TestSampleIndexesBy(t *testing.T) {
	need(t, "pdftotext")
	res, dir := sampleOut(t)
	b := res.Book
	text := runTool(t, "pdftotext", filepath.Join(dir, b.Artifacts().PDF()), "-")
	start := map[string]int{}
	for _, pr := range res.Pages {
		start[pr.Slug] = pr.First
	}
	for _, k := range []struct{ kind, title string }{{"organization", "Index des organisations"}, {"city", "Index des villes"}} {
		groups := b.IndexBy(k.kind)
		if len(groups) < 3 {
			t.Fatalf("%s: %d groups in the sample", k.kind, len(groups))
		}
		i := strings.LastIndex(text, k.title) // after its line in the contents
		if i < 0 {
			t.Fatalf("the PDF has no %q", k.title)
		}
		rest := text[i:]
		for _, g := range groups {
			j := strings.Index(rest, flat(g.Letter))
			if j < 0 {
				j = strings.Index(flat(rest), flat(g.Letter))
			}
			if j < 0 {
				t.Errorf("%s: group %q missing or out of order", k.title, g.Letter)
				break
			}
			for _, e := range g.Entries {
				surname, _, _ := strings.Cut(e.Key, ", ")
				line := regexp.MustCompile(regexp.QuoteMeta(surname) + `,[^\n]*?(\d+)\n`).FindStringSubmatch(rest[j:])
				if line == nil || line[1] != strconv.Itoa(start[e.Contribution.Slug]) {
					t.Errorf("%s: %s under %q: %v, want page %d", k.title, surname, g.Letter, line, start[e.Contribution.Slug])
				}
			}
			rest = rest[j:]
		}
	}
	z, err := zip.OpenReader(filepath.Join(dir, b.Artifacts().EPUB()))
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	names := map[string]bool{}
	for _, f := range z.File {
		names[f.Name] = true
	}
	if !names["EPUB/index-organization.xhtml"] || !names["EPUB/index-city.xhtml"] {
		t.Error("the EPUB has no index by organisation or by city")
	}
}
