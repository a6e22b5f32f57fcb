package pipeline

import (
	"archive/zip"
	"encoding/json"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/layout"
)

// sampleLanguages are the sample books under testdata/books: one per
// language besides French, each with its quotation marks (first level,
// second level), its index in the language's order (the sort keys), and
// words whose breaks the language's patterns must allow.
var sampleLanguages = []struct {
	lang   string
	quotes string // opening and closing, first then second level
	index  []string
}{
	{"en-US", "“”‘’", []string{"Barrington, Éloïse", "Houten, Margaret van", "Okafor, Thomas"}},
	{"en-GB", "‘’“”", []string{"Ashworth, Oliver", "Keane, Siobhán", "Vere, Harriet de"}},
	// German: Ö sorts with O (Österberg before Ostwald), von is not sorted on.
	{"de", "„“‚‘", []string{"Ahlen, Friederike von", "Österberg, Lena", "Ostwald, Paul"}},
	// Spanish: two surnames, sorted under the first; Ñ after N.
	{"es", "«»“”", []string{"Fuentes Ibarra, Gabriela", "Nava Ruiz, Andrés", "Ñáñez Roca, Lucía"}},
	{"it", "«»“”", []string{"De Luca, Beatrice", "Ferrante, Niccolò", "Zanetti, Sofia"}},
	// Portuguese: the last surname.
	{"pt", "«»“”", []string{"Almeida, João", "Barros, Conceição", "Vieira, Inês dos Santos"}},
	// Dutch: van den Broek under V.
	{"nl", "“”‘’", []string{"de Wit, Anouk", "Maes, Joris", "van den Broek, Pieter"}},
}

// TestSampleBooks compiles the sample book of each language and checks its
// PDF's text (pdftotext): that language's quotation marks of both levels,
// no French spacing, hyphenated line ends that the language's patterns
// allow, the index in the language's order; and epubcheck 0/0/0 on every
// EPUB, all checked in one JVM.
func TestSampleBooks(t *testing.T) {
	need(t, "pdftotext", "java")
	var epubs []string
	hyphenated := 0 // hyphenated line ends checked, in all the books
	for _, s := range sampleLanguages {
		root := t.TempDir()
		if out, err := exec.Command("cp", "-r", filepath.Join(sampleRoot, "testdata", "books", s.lang)+"/.", root).CombinedOutput(); err != nil {
			t.Fatalf("cp: %v %s", err, out)
		}
		out := filepath.Join(t.TempDir(), "out")
		res, err := Compile(Options{Root: root, Out: out, Only: []string{"pdf", "epub"}, Jobs: 2,
			Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})})
		if err != nil {
			if res != nil {
				t.Log(res.Diags.Text())
			}
			t.Fatalf("%s: %v", s.lang, err)
		}
		for _, d := range res.Diags {
			if d.Severity != book.Info {
				t.Errorf("%s: %s", s.lang, d)
			}
		}
		epubs = append(epubs, filepath.Join(out, res.Book.Artifacts().EPUB()))
		raw := runTool(t, "pdftotext", filepath.Join(out, res.Book.Artifacts().PDF()), "-")
		text := strings.Join(strings.Fields(raw), " ")

		// Quotation marks: a quotation with one inside it, in every text.
		q := []rune(s.quotes)
		nested := regexp.MustCompile(regexp.QuoteMeta(string(q[0])) + `[^` + string(q[0]) + string(q[1]) + `]*` +
			regexp.QuoteMeta(string(q[2])) + `[^` + string(q[2]) + string(q[3]) + `]+` + regexp.QuoteMeta(string(q[3])))
		if n := len(nested.FindAllString(text, -1)); n < 3 {
			t.Errorf("%s: %d quotations %c…%c…%c with %c…%c inside in the PDF, want one per text (3)", s.lang, n, q[0], q[2], q[3], q[0], q[3])
		}
		if strings.ContainsAny(text, "\"") || strings.Contains(text, " '") {
			t.Errorf("%s: straight quotes left in the PDF's text", s.lang)
		}
		for _, r := range "«»“”„‚" {
			if !strings.ContainsRune(s.quotes, r) && strings.ContainsRune(text, r) {
				t.Errorf("%s: %c, a mark of another language, in the PDF: %q", s.lang, r, around(text, string(r)))
			}
		}
		// No French spacing, no space before ; : ! ? at all.
		if m := regexp.MustCompile(`[\p{L}\p{N}”’“‘»«] ?[\x{202f}\x{a0} ][;:!?]`).FindString(text); m != "" {
			t.Errorf("%s: a space before punctuation in the PDF: %q", s.lang, around(text, m))
		}
		if strings.ContainsRune(raw, '\u202f') || strings.Contains(text, "« ") || strings.Contains(text, " »") {
			t.Errorf("%s: French spacing in the PDF", s.lang)
		}
		if s.lang == "es" && (strings.Contains(text, "¿ ") || strings.Contains(text, "¡ ")) {
			t.Errorf("es: a space after ¿ or ¡: %q", around(text, "¿ "))
		}
		if s.lang == "es" && (!strings.Contains(text, "¿Qué le iba a contestar?") || !strings.Contains(text, "¡Claro que")) {
			t.Errorf("es: ¿ ¡ not kept with their sentence")
		}

		// Hyphenated line ends: the break is one the language's patterns
		// allow. Plain pdftotext joins a word broken at a line end; its
		// -bbox-layout output keeps each line's words as drawn.
		h, _, err := layout.ForLanguage(s.lang, nil)
		if err != nil {
			t.Fatal(err)
		}
		srcText := sourceText(t, root)
		bbox := filepath.Join(t.TempDir(), "bbox.html")
		runTool(t, "pdftotext", "-bbox-layout", filepath.Join(out, res.Book.Artifacts().PDF()), bbox)
		lines := bboxLines(t, bbox)
		for i := 0; i+1 < len(lines); i++ {
			if len(lines[i]) == 0 || len(lines[i+1]) == 0 {
				continue
			}
			m := regexp.MustCompile(`(\p{L}+)-$`).FindStringSubmatch(lines[i][len(lines[i])-1])
			n := regexp.MustCompile(`^(\p{Ll}+)`).FindStringSubmatch(lines[i+1][0])
			if m == nil || n == nil || strings.Contains(srcText, m[1]+"-"+n[1]) {
				continue // not a break, or a hyphen of the text itself
			}
			hyphenated++
			word, at := m[1]+n[1], len([]rune(m[1]))
			if !slices.Contains(h.Points(word), at) {
				t.Errorf("%s: %q broken as %s-%s, not a break of the language (%s)", s.lang, word, m[1], n[1], h.Hyphenate(word))
			}
		}

		// The index, in the language's order.
		i := strings.LastIndex(text, res.Book.Locale().Index)
		if i < 0 {
			t.Fatalf("%s: no index titled %q in the PDF", s.lang, res.Book.Locale().Index)
		}
		idx, last := text[i:], -1
		for _, key := range s.index {
			k := strings.Index(idx, key)
			if k < 0 {
				t.Errorf("%s: %q not in the index: %.400s", s.lang, key, idx)
				continue
			}
			if k < last {
				t.Errorf("%s: %q out of order in the index: %.400s", s.lang, key, idx)
			}
			last = k
		}
	}
	if hyphenated < 5 {
		t.Errorf("only %d hyphenated line ends in the sample books: the hyphenation check proves little", hyphenated)
	}
	// A broken EPUB in the same batch proves the batch reports what it finds.
	broken := filepath.Join(t.TempDir(), "broken.epub")
	if err := os.WriteFile(broken, []byte("PK not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	found := epubcheckAll(t, append(epubs, broken))
	if len(found[broken]) == 0 {
		t.Errorf("epubcheck found nothing in a broken EPUB: the batch does not report")
	}
	delete(found, broken)
	for _, e := range epubs {
		everyDocumentHasLang(t, e)
	}
	for file, msgs := range found {
		for _, m := range msgs {
			if m.Severity == "FATAL" || m.Severity == "ERROR" || m.Severity == "WARNING" ||
				(m.Severity == "USAGE" && strings.Contains(strings.ToLower(m.Message), "language")) {
				t.Errorf("epubcheck %s: %s %s: %s", filepath.Base(file), m.Severity, m.ID, m.Message)
			}
		}
	}
}

// sourceText is the text of every contribution of the book in root, for
// telling a hyphen of the text from one the typesetter put in.
func sourceText(t *testing.T, root string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(root, "contributions", "*.md"))
	var b strings.Builder
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(raw)
	}
	return b.String()
}

func around(text, s string) string {
	i := strings.Index(text, s)
	if i < 0 {
		return ""
	}
	return text[max(0, i-40):min(len(text), i+40)]
}

type epubcheckMsg struct {
	ID       string `json:"ID"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// epubcheckAll runs epubcheck (with usage notes) on every EPUB in one JVM
// (scripts/epubcheck/Batch.java) and returns each file's findings. A
// missing checker, or a report not written, is a failure.
func epubcheckAll(t *testing.T, epubs []string) map[string][]epubcheckMsg {
	t.Helper()
	const jar = "/usr/share/java/epubcheck.jar"
	if _, err := os.Stat(jar); err != nil {
		t.Fatalf("%s is missing: run `make tools` (Debian: apt-get install epubcheck)", jar)
	}
	dir := t.TempDir()
	args := []string{"-cp", jar, filepath.Join(sampleRoot, "scripts", "epubcheck", "Batch.java"), "-u"}
	for i, e := range epubs {
		args = append(args, e, filepath.Join(dir, strings.TrimSuffix(filepath.Base(e), ".epub")+"-"+string(rune('a'+i))+".json"))
	}
	out, err := exec.Command("java", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("epubcheck batch: %v\n%s", err, out)
	}
	got := map[string][]epubcheckMsg{}
	for i := 0; i+1 < len(args); i++ {
		if !strings.HasSuffix(args[i], ".epub") {
			continue
		}
		raw, err := os.ReadFile(args[i+1])
		if err != nil {
			t.Fatalf("epubcheck wrote no report for %s:\n%s", args[i], out)
		}
		var r struct {
			Messages []epubcheckMsg `json:"messages"`
		}
		if err := json.Unmarshal(raw, &r); err != nil {
			t.Fatal(err)
		}
		got[args[i]] = r.Messages
	}
	return got
}

// everyDocumentHasLang fails for each content document of the EPUB e that
// does not say its language.
func everyDocumentHasLang(t *testing.T, e string) {
	t.Helper()
	z, err := zip.OpenReader(e)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if !strings.HasSuffix(f.Name, ".xhtml") {
			continue
		}
		rc, _ := f.Open()
		buf := make([]byte, 1024)
		n, _ := rc.Read(buf)
		rc.Close()
		if !strings.Contains(string(buf[:n]), ` lang="`) {
			t.Errorf("%s: %s has no lang", filepath.Base(e), f.Name)
		}
	}
}

// bboxLines reads pdftotext -bbox-layout's output: the words of each line,
// in reading order.
func bboxLines(t *testing.T, file string) [][]string {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var lines [][]string
	word := regexp.MustCompile(`<word[^>]*>([^<]*)</word>`)
	for _, l := range regexp.MustCompile(`(?s)<line[^>]*>(.*?)</line>`).FindAllStringSubmatch(string(raw), -1) {
		var ws []string
		for _, w := range word.FindAllStringSubmatch(l[1], -1) {
			ws = append(ws, html.UnescapeString(w[1]))
		}
		lines = append(lines, ws)
	}
	return lines
}

// TestHouseStyle: book.yaml's quotes sets a German book's quotation marks
// » « and › ‹ in the PDF, and the cards' and posts' outer marks follow.
func TestHouseStyle(t *testing.T) {
	need(t, "pdftotext")
	root := t.TempDir()
	if out, err := exec.Command("cp", "-r", filepath.Join(sampleRoot, "testdata", "books", "de")+"/.", root).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v %s", err, out)
	}
	yml := filepath.Join(root, "book.yaml")
	raw, err := os.ReadFile(yml)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(yml, append(raw, "quotes: \"» « › ‹\"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	res, err := Compile(Options{Root: root, Out: out, Only: []string{"pdf"}, Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(runTool(t, "pdftotext", filepath.Join(out, res.Book.Artifacts().PDF()), "-")), " ")
	if !strings.Contains(text, "»Weißt du, was Mama sagt, wenn ich Fieber habe? Sie sagt ›wir rufen die Frau Doktor von unten‹, und dann geht es mir schon besser.«") {
		t.Errorf("the house style is not in the PDF: %q", around(text, "Weißt du"))
	}
	if strings.ContainsAny(text, "„‚") {
		t.Errorf("German default marks left beside the house style: %q", around(text, "„"))
	}
	if got := res.Book.Locale().Quote("x"); got != "»x«" {
		t.Errorf("the cards' marks: %q", got)
	}
}
