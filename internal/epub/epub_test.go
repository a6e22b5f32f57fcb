package epub

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/typo"
)

const epubcheckJar = "/usr/share/java/epubcheck.jar"

// dump keeps the sample EPUB for a look by hand or a run of Ace by DAISY:
// go test -run TestEpubcheck ./internal/epub -args -dump /tmp/sample.epub
var dump = flag.String("dump", "", "also write the sample EPUB to this file")

// build writes the EPUB of b into memory.
func build(t testing.TB, b *book.Book, files fstest.MapFS) ([]byte, book.Diagnostics) {
	t.Helper()
	var buf bytes.Buffer
	diags, err := Write(&buf, b, files)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes(), diags
}

// entries reads the archive back: name -> content, and the names in order.
func entries(t testing.TB, data []byte) (map[string][]byte, []*zip.File) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = b
	}
	return out, zr.File
}

// epubcheckMessage is one finding of epubcheck's JSON report.
type epubcheckMessage struct {
	ID        string `json:"ID"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	Locations []struct {
		Path   string `json:"path"`
		Line   int    `json:"line"`
		Column int    `json:"column"`
	} `json:"locations"`
}

func (m epubcheckMessage) String() string {
	loc := ""
	if len(m.Locations) > 0 {
		l := m.Locations[0]
		loc = l.Path + ":" + strconv.Itoa(l.Line) + ":" + strconv.Itoa(l.Column) + ": "
	}
	return loc + m.Severity + " " + m.ID + " " + m.Message
}

// epubcheck runs the real epubcheck on file and returns its findings. A
// missing checker is a failure, never a skip: the EPUB's validity is part of
// what these tests prove.
func epubcheck(t *testing.T, file string, usage bool) []epubcheckMessage {
	t.Helper()
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatalf("java is not installed: run `apt-get install -y epubcheck` (it brings a Java runtime)")
	}
	if _, err := os.Stat(epubcheckJar); err != nil {
		t.Fatalf("%s is missing: run `apt-get install -y epubcheck`", epubcheckJar)
	}
	out := filepath.Join(t.TempDir(), "epubcheck.json")
	args := []string{"-jar", epubcheckJar, "--json", out}
	if usage {
		args = append(args, "-u")
	}
	args = append(args, file)
	cmd := exec.Command(java, args...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	runErr := cmd.Run()
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("epubcheck wrote no report (%v): %s", runErr, stderr.String())
	}
	var report struct {
		Messages []epubcheckMessage `json:"messages"`
	}
	if err := json.Unmarshal(data, &report); err != nil {
		t.Fatalf("epubcheck report: %v", err)
	}
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		t.Fatalf("epubcheck: %v", runErr)
	}
	return report.Messages
}

// usageAccepted are the usage notes the EPUB knowingly keeps: no EPUB 2
// NCX (EPUB 3 reading systems use the navigation document); the cover,
// title and copyright pages left out of the table of contents, as printed
// books do; and rules of the one fixed stylesheet that a given book does not
// use (no photo, no partner...). Any other usage note (named entities,
// unused namespaces, classes without a rule, excessive spans...) fails.
var usageAccepted = map[string]bool{"NCX-003": true, "OPF-058": true, "CSS-024": true}

// assertEpubcheckClean runs epubcheck with -u (and also without it when
// plain is set) and fails on any fatal error, error or warning, and on any
// usage finding about a language. The -u report is a superset of the plain
// one, so the plain run only guards against a mode-specific difference.
func assertEpubcheckClean(t *testing.T, data []byte, plain bool) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "book.epub")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if plain {
		for _, m := range epubcheck(t, file, false) {
			switch m.Severity {
			case "FATAL", "ERROR", "WARNING":
				t.Errorf("epubcheck: %s", m)
			}
		}
	}
	for _, m := range epubcheck(t, file, true) {
		switch {
		case m.Severity == "FATAL" || m.Severity == "ERROR" || m.Severity == "WARNING":
			t.Errorf("epubcheck -u: %s", m)
		case strings.Contains(strings.ToLower(m.Message), "lang"):
			t.Errorf("epubcheck -u language finding: %s", m)
		case usageAccepted[m.ID]:
			t.Logf("epubcheck -u (accepted): %s", m)
		default:
			t.Errorf("epubcheck -u: %s", m)
		}
	}
}

func TestEpubcheck(t *testing.T) {
	t.Parallel() // epubcheck starts a JVM: overlap them
	b, files := sampleBook(t)
	data, diags := build(t, b, files)
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics:\n%s", diags.Text())
	}
	if *dump != "" {
		if err := os.WriteFile(*dump, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	assertEpubcheckClean(t, data, true)
}

func TestDeterministic(t *testing.T) {
	b, files := sampleBook(t)
	first, _ := build(t, b, files)
	b2, files2 := sampleBook(t)
	second, _ := build(t, b2, files2)
	if !bytes.Equal(first, second) {
		t.Fatalf("two writes of the same book differ (%d and %d bytes)", len(first), len(second))
	}
}

func TestContainerLayout(t *testing.T) {
	b, files := sampleBook(t)
	data, _ := build(t, b, files)
	// The mimetype file: first, stored, no extra field, at the fixed offset
	// OCF requires.
	if got := string(data[30:38]); got != "mimetype" {
		t.Fatalf("first entry name at offset 30 = %q", got)
	}
	if got := string(data[38:58]); got != "application/epub+zip" {
		t.Fatalf("mimetype content at offset 38 = %q", got)
	}
	_, zf := entries(t, data)
	if zf[0].Method != zip.Store {
		t.Errorf("mimetype is compressed (method %d)", zf[0].Method)
	}
	for _, f := range zf[1:] {
		if f.Method != zip.Deflate {
			t.Errorf("%s: method %d, want deflate", f.Name, f.Method)
		}
		if got := f.Modified.Format("2006-01-02 15:04"); got != "2026-11-21 00:00" {
			t.Errorf("%s: modified %s, want the book's date", f.Name, got)
		}
	}
}

func TestNavigationIsFrench(t *testing.T) {
	b, files := sampleBook(t)
	data, _ := build(t, b, files)
	all, _ := entries(t, data)
	nav := string(all["EPUB/nav.xhtml"])
	for _, want := range []string{"<title>Sommaire</title>", `<h1 id="toc-title">Sommaire</h1>`,
		`epub:type="landmarks"`, `epub:type="cover"`, `epub:type="toc"`, `epub:type="bodymatter"`, `epub:type="index"`} {
		if !strings.Contains(nav, want) {
			t.Errorf("nav.xhtml lacks %s:\n%s", want, nav)
		}
	}
	// The TOC nests each section's contributions, in book order, and leaves the draft out.
	order := []string{"introduction.xhtml", "part-01.xhtml", "c-violette-exemple.xhtml", "c-anne-marie-le-jossec.xhtml",
		"part-02.xhtml", "c-jean-d-alembert.xhtml", "c-pieter-van-der-kraats.xhtml", "afterword.xhtml", "index.xhtml", "partners.xhtml"} // the back matter in the PDF's order
	last := -1
	for _, f := range order {
		i := strings.Index(nav, `href="`+f+`"`)
		if i < 0 || i < last {
			t.Fatalf("nav: %s missing or out of order:\n%s", f, nav)
		}
		last = i
	}
	if strings.Contains(nav, "hors-livre") {
		t.Error("the draft is in the table of contents")
	}
	if _, ok := all["EPUB/c-hors-livre.xhtml"]; ok {
		t.Error("the draft has a document")
	}

	b.Language = "en"
	data, _ = build(t, b, files)
	all, _ = entries(t, data)
	if nav := string(all["EPUB/nav.xhtml"]); !strings.Contains(nav, "<title>Contents</title>") || !strings.Contains(nav, `lang="en"`) {
		t.Errorf("English book: nav title or lang wrong:\n%s", nav)
	}
}

// parse reads an XML document strictly and calls fn for every start element.
func parse(t *testing.T, name string, data []byte, fn func(xml.StartElement)) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = map[string]string{} // no HTML entities: only XML's own five
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		if se, ok := tok.(xml.StartElement); ok && fn != nil {
			fn(se)
		}
	}
}

func attr(se xml.StartElement, space, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value, true
		}
	}
	return "", false
}

func TestEveryDocumentHasLang(t *testing.T) {
	b, files := sampleBook(t)
	data, _ := build(t, b, files)
	all, _ := entries(t, data)
	var names []string
	for name := range all {
		names = append(names, name)
	}
	sort.Strings(names)
	n := 0
	for _, name := range names {
		if !strings.HasSuffix(name, ".xhtml") {
			continue
		}
		n++
		root := true
		parse(t, name, all[name], func(se xml.StartElement) {
			if !root {
				return
			}
			root = false
			if se.Name.Local != "html" {
				t.Errorf("%s: root is %s", name, se.Name.Local)
			}
			if v, _ := attr(se, "", "lang"); v != "fr" {
				t.Errorf("%s: lang=%q, want fr", name, v)
			}
			if v, _ := attr(se, "http://www.w3.org/XML/1998/namespace", "lang"); v != "fr" {
				t.Errorf("%s: xml:lang=%q, want fr", name, v)
			}
		})
	}
	// cover, title, copyright, nav, intro, 2 parts, 4 contributions, afterword, partners, index
	if n != 14 {
		t.Errorf("%d XHTML documents, want 14", n)
	}
	opf := string(all["EPUB/content.opf"])
	for _, want := range []string{`xml:lang="fr"`, "<dc:language>fr</dc:language>"} {
		if !strings.Contains(opf, want) {
			t.Errorf("content.opf lacks %s", want)
		}
	}
}

func TestIndexLinksResolve(t *testing.T) {
	b, files := sampleBook(t)
	data, _ := build(t, b, files)
	all, _ := entries(t, data)
	ids := map[string]map[string]bool{}
	for name, content := range all {
		if !strings.HasSuffix(name, ".xhtml") {
			continue
		}
		set := map[string]bool{}
		parse(t, name, content, func(se xml.StartElement) {
			if v, ok := attr(se, "", "id"); ok {
				set[v] = true
			}
		})
		ids[strings.TrimPrefix(name, "EPUB/")] = set
	}
	var hrefs []string
	parse(t, "index.xhtml", all["EPUB/index.xhtml"], func(se xml.StartElement) {
		if se.Name.Local == "a" {
			v, _ := attr(se, "", "href")
			hrefs = append(hrefs, v)
		}
	})
	if len(hrefs) != len(b.Published()) {
		t.Fatalf("index has %d links, want one per published contribution (%d): %v", len(hrefs), len(b.Published()), hrefs)
	}
	for _, h := range hrefs {
		file, frag, ok := strings.Cut(h, "#")
		if !ok || frag == "" {
			t.Errorf("index link %q has no fragment", h)
			continue
		}
		if set, found := ids[file]; !found {
			t.Errorf("index link %q: no document %s", h, file)
		} else if !set[frag] {
			t.Errorf("index link %q: no id %q in %s", h, frag, file)
		}
	}
	index := string(all["EPUB/index.xhtml"])
	// French collation and particles: d’Alembert under A, Le Jossec under L, Van der Kraats under V.
	want := []string{">A</h2>", "Alembert, Jean d’", "— Encyclopédiste", ">E</h2>", "Exemple, Violette",
		">L</h2>", "Le Jossec, Anne-Marie", ">V</h2>", "Van der Kraats, Pieter"}
	last := -1
	for _, w := range want {
		i := strings.Index(index, w)
		if i < last {
			t.Fatalf("index: %q missing or out of order:\n%s", w, index)
		}
		last = i
	}
	if !strings.Contains(index, `epub:type="index"`) {
		t.Error(`index.xhtml lacks epub:type="index"`)
	}
}

// ty is the French typography the writer must apply to prose.
func ty(s string) string { return typo.String("fr", s) }

func TestContributionDocument(t *testing.T) {
	b, files := sampleBook(t)
	data, _ := build(t, b, files)
	all, _ := entries(t, data)
	doc := string(all["EPUB/c-violette-exemple.xhtml"])
	for _, want := range []string{
		`<h2 id="c-violette-exemple" class="name">Violette Exemple</h2>`,
		"Exemple &#38; Cie",
		`<a class="handle" href="https://x.com/violette">@violette</a>`,
		`<a href="https://example.org/violette">example.org/violette</a>`,
		`alt="Portrait de Violette Exemple"`,
		`<h3 class="title">Une rencontre au café</h3>`,
		`epub:type="pullquote"`,
		`<a href="https://example.org/?a=1&#38;b=2">son site</a>`,
		`<a href="mailto:violette@example.org">m’écrire</a>`,
		"<em>par hasard</em>", "<strong>Rien ne remplace", "<code>go test</code>", "<br/>",
		// in a part (h1): the name h2, the title h3, the text's headings
		// below it, no level skipped
		"<h4>Ce que j’ai appris</h4>",
		"<h5>Un schéma</h5>",
		`<ol start="3">`, "<blockquote>", "<hr/>",
		"<li>" + ty("écouter ;") + "</li>", // typography applied inside lists
		"<p>" + ty("« Le hasard fait bien les choses. »") + "</p>",
		`alt="Schéma de la rencontre"`,
		"if a &#60; b &#38;&#38; c &#62; d {\n\treturn\n}</code></pre>",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("contribution lacks %s", want)
		}
	}
	if strings.Contains(doc, "javascript") {
		t.Errorf("a javascript: link reached the EPUB:\n%s", doc)
	}
	// The nested list sits inside the item of its parent list.
	if !strings.Contains(doc, "<li>"+ty("répondre :")+"\n<ol start=\"3\">\n<li>"+ty("vite,")+"</li>") {
		t.Errorf("nested list not nested:\n%s", doc)
	}
	lj := string(all["EPUB/c-anne-marie-le-jossec.xhtml"])
	if strings.ContainsRune(lj, '\x01') || !strings.Contains(lj, "&#60;numériques&#62;</p>") || !strings.Contains(lj, " &#38; souhaitable.") {
		t.Errorf("escaping or control character handling wrong:\n%s", lj)
	}
	opf := string(all["EPUB/content.opf"])
	for _, want := range []string{
		`properties="cover-image"`, `<meta property="dcterms:modified">2026-11-21T00:00:00Z</meta>`,
		`<meta property="schema:accessMode">visual</meta>`, `<meta property="schema:accessibilityHazard">none</meta>`,
		`<meta property="schema:accessibilityFeature">alternativeText</meta>`,
		`<meta refines="#subtitle" property="title-type">subtitle</meta>`,
		`<meta refines="#editor-1" property="role" scheme="marc:relators">edt</meta>`,
		"<dc:rights>CC BY-NC-ND 4.0</dc:rights>",
	} {
		if !strings.Contains(opf, want) {
			t.Errorf("content.opf lacks %s", want)
		}
	}
	cp := string(all["EPUB/copyright.xhtml"])
	for _, want := range []string{"CC BY-NC-ND 4.0", b.Identifier, strings.Replace(ty("1re édition"), "1re", "1<sup>re</sup>", 1), ty("21 novembre 2026"), b.Version} {
		if !strings.Contains(cp, want) {
			t.Errorf("copyright page lacks %q", want)
		}
	}
}

func TestUnreadableImages(t *testing.T) {
	t.Parallel() // epubcheck starts a JVM: overlap them
	b, files := sampleBook(t)
	files["contributions/photos/texte.png"] = &fstest.MapFile{Data: []byte("ceci n’est pas une image")}
	v := b.Published()[0]
	if v.Slug != "violette-exemple" {
		t.Fatalf("unexpected order: %s first", v.Slug)
	}
	v.Photo = "contributions/photos/absente.jpg"
	v.Body[6].Src = "contributions/photos/texte.png"
	data, diags := build(t, b, files)
	want := []book.Diagnostic{
		{File: v.Path, Pos: book.Pos{Line: 8, Col: 8}, Severity: book.Warning, Rule: "image-unreadable"},
		{File: v.Path, Pos: book.Pos{Line: 27, Col: 1}, Severity: book.Warning, Rule: "image-unreadable"},
	}
	if len(diags) != len(want) {
		t.Fatalf("diagnostics:\n%s", diags.Text())
	}
	for i, w := range want {
		d := diags[i]
		if d.File != w.File || d.Pos != w.Pos || d.Severity != w.Severity || d.Rule != w.Rule || d.Message == "" {
			t.Errorf("diagnostic %d = %v, want %v", i, d, w)
		}
	}
	all, _ := entries(t, data)
	doc := string(all["EPUB/c-violette-exemple.xhtml"])
	if strings.Contains(doc, "absente") || strings.Contains(doc, "texte.png") || strings.Contains(doc, "Portrait de") {
		t.Errorf("a reference to an unreadable image was kept:\n%s", doc)
	}
	assertEpubcheckClean(t, data, false)
}

func TestGeneratedBookIsValid(t *testing.T) {
	t.Parallel() // epubcheck starts a JVM: overlap them
	b, files := generatedBook(t, 24)
	data, diags := build(t, b, files)
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics:\n%s", diags.Text())
	}
	assertEpubcheckClean(t, data, false)
}

// BenchmarkWrite600 writes a generated 600-contribution book (60 photos).
func BenchmarkWrite600(b *testing.B) {
	bk, files := generatedBook(b, 600)
	b.ReportAllocs()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if _, err := Write(&buf, bk, files); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes/epub")
}

// A book with nothing but a title and an identifier still makes a valid
// EPUB: typographic cover, a table of contents pointing at the title page.
func TestMinimalBook(t *testing.T) {
	t.Parallel() // epubcheck starts a JVM: overlap them
	b := book.Defaults()
	b.Title = "Presque vide"
	b.Identifier = "urn:uuid:00000000-0000-4000-8000-000000000000"
	data, diags := build(t, &b, nil)
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics:\n%s", diags.Text())
	}
	all, _ := entries(t, data)
	for name, content := range all {
		if strings.HasSuffix(name, ".xhtml") || strings.HasSuffix(name, ".opf") {
			parse(t, name, content, nil)
		}
	}
	// No date in book.yaml: the 1980-01-01 fallback, never the clock.
	if !strings.Contains(string(all["EPUB/content.opf"]), "<meta property=\"dcterms:modified\">1980-01-01T00:00:00Z</meta>") {
		t.Errorf("dcterms:modified is not the fallback date:\n%s", all["EPUB/content.opf"])
	}
	assertEpubcheckClean(t, data, false)
}
