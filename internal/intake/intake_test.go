package intake

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/recueil/recueil/internal/book"
)

func read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readDoc(t testing.TB, name string) *Doc {
	t.Helper()
	if strings.HasSuffix(name, ".odt") {
		return ReadODT(read(t, name))
	}
	return ReadDocx(read(t, name))
}

// newBook is an empty book in a temporary folder.
func newBook(t testing.TB) string {
	t.Helper()
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "contributions"), 0o755)
	os.WriteFile(filepath.Join(root, "book.yaml"), []byte("title: \"Livre importé\"\nidentifier: \"urn:uuid:11111111-2222-4333-8444-555555555555\"\ndate: 2026-11-21\n"), 0o644)
	return root
}

// importFile imports a fixture into a new book and returns the file written.
func importFile(t *testing.T, name string, photo bool) (string, Result) {
	t.Helper()
	root := newBook(t)
	res := Document(Options{Root: root, Lang: "fr", Photo: photo}, name, read(t, name))
	if res.Diags.HasErrors() || len(res.Files) == 0 {
		t.Fatalf("%s: nothing imported:\n%s", name, res.Diags.Text())
	}
	md := ""
	for _, f := range res.Files {
		if strings.HasSuffix(f, ".md") {
			md = f
		}
	}
	b, err := os.ReadFile(filepath.Join(root, md))
	if err != nil {
		t.Fatal(err)
	}
	return string(b), res
}

// TestSameMarkdown: the .docx and the .odt LibreOffice made of one text
// give the same contribution, and so does pandoc's own .docx.
func TestSameMarkdown(t *testing.T) {
	for _, set := range [][]string{
		{"libreoffice.docx", "libreoffice.odt", "pandoc.docx"},
		{"tracked.docx", "tracked.odt"},
		{"pieces.docx", "pieces.odt"},
	} {
		want, _ := importFile(t, set[0], true)
		for _, other := range set[1:] {
			got, _ := importFile(t, other, true)
			if got != want {
				t.Errorf("%s and %s import differently:\n--- %s\n%s\n--- %s\n%s", set[0], other, set[0], want, other, got)
			}
		}
	}
}

var linkURL = regexp.MustCompile(`\]\([^)]*\)`)

// words are the words of a text, letters and digits only: apostrophes,
// quotes and the typography's spaces do not count, numbers (list
// numbers, note calls) neither.
func words(s string) []string {
	var out []string
	s = strings.ReplaceAll(s, "\u00ad", "") // a soft hyphen is no break between words
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

// body is a contribution's text without its front matter and link
// targets.
func body(t *testing.T, src string) string {
	t.Helper()
	_, rest, ok := strings.Cut(strings.TrimPrefix(src, "---\n"), "\n---\n")
	if !ok {
		t.Fatalf("no front matter in\n%s", src)
	}
	return linkURL.ReplaceAllString(rest, "]")
}

// golden is the text pandoc extracts from a document (make-fixtures.sh),
// less what is not text: an image's description line ("[Portrait…]").
func golden(t *testing.T, name string) string {
	var keep []string
	for _, l := range strings.Split(string(read(t, name)), "\n") {
		if strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]") {
			continue
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, "\n")
}

// TestEveryWordInOrder: the imported text has every word of the
// document, as pandoc reads it, in the same order and no other.
func TestEveryWordInOrder(t *testing.T) {
	for doc, plain := range map[string]string{
		"pandoc.docx": "pandoc.docx.plain", "libreoffice.docx": "libreoffice.docx.plain",
		"libreoffice.odt": "libreoffice.docx.plain", // pandoc reads the .odt's title lines as text
		"tracked.docx":    "tracked.docx.plain", "tracked.odt": "tracked.docx.plain",
	} {
		src, _ := importFile(t, doc, false)
		got, want := words(body(t, src)), words(golden(t, plain))
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: the words differ from %s:\n got %q\nwant %q", doc, plain, got, want)
		}
	}
}

// TestTrackedChanges: insertions kept, deletions and comments dropped,
// a word split over two bold runs joined.
func TestTrackedChanges(t *testing.T) {
	for _, f := range []string{"tracked.docx", "tracked.odt"} {
		src, _ := importFile(t, f, false)
		for _, want := range []string{"a été révisé avec **soin**."} {
			if !strings.Contains(src, want) {
				t.Errorf("%s: %q missing from\n%s", f, want, src)
			}
		}
		for _, gone := range []string{"abandonné", "Remarque", "confidentielle", "relecteur", "Relecteur", "****"} {
			if strings.Contains(src, gone) {
				t.Errorf("%s: %q should be gone from\n%s", f, gone, src)
			}
		}
	}
}

// TestFrontMatterAndPhoto: name and title from the properties, --name
// over them, the portrait extracted with --photo only.
func TestFrontMatterAndPhoto(t *testing.T) {
	src, res := importFile(t, "libreoffice.odt", true)
	for _, want := range []string{"name: \"Hélène Dubreuil\"\n", "title: \"Les chemins de traverse\"\n", "photo: \"photos/helene-dubreuil.png\"\n", "role: \"\"\n"} {
		if !strings.Contains(src, want) {
			t.Errorf("%q missing from\n%s", want, src)
		}
	}
	if len(res.Files) != 2 || res.Files[1] != "contributions/photos/helene-dubreuil.png" && res.Files[0] != "contributions/photos/helene-dubreuil.png" {
		t.Errorf("files written: %v", res.Files)
	}
	root := newBook(t)
	res = Document(Options{Root: root, Lang: "fr", Name: "Anne-Sophie Le Bris"}, "x.docx", read(t, "libreoffice.docx"))
	if len(res.Files) != 1 || res.Files[0] != "contributions/anne-sophie-le-bris.md" {
		t.Fatalf("--name: files %v\n%s", res.Files, res.Diags.Text())
	}
	if !hasCode(res.Diags, "import-image") || !hasCode(res.Diags, "import-footnote") || !hasCode(res.Diags, "import-incomplete") {
		t.Errorf("findings:\n%s", res.Diags.Text())
	}
	if _, err := os.Stat(filepath.Join(root, "contributions", "photos")); err == nil {
		t.Error("a photo was extracted without --photo")
	}
}

// TestNeverOverwrites: a second import of the same person writes nothing
// and says why; the first file is untouched, no temporary file is left.
func TestNeverOverwrites(t *testing.T) {
	root := newBook(t)
	o := Options{Root: root, Lang: "fr", Photo: true}
	first := Document(o, "a.docx", read(t, "libreoffice.docx"))
	if len(first.Files) != 2 {
		t.Fatalf("first import: %v\n%s", first.Files, first.Diags.Text())
	}
	p := filepath.Join(root, "contributions", "helene-dubreuil.md")
	os.WriteFile(p, []byte("mine"), 0o644)
	os.Remove(filepath.Join(root, "contributions", "photos", "helene-dubreuil.png"))
	again := Document(o, "a.odt", read(t, "libreoffice.odt"))
	if len(again.Files) != 0 || !hasCode(again.Diags, "import-exists") {
		t.Fatalf("second import: %v\n%s", again.Files, again.Diags.Text())
	}
	if b, _ := os.ReadFile(p); string(b) != "mine" {
		t.Error("the existing contribution was replaced")
	}
	// All or nothing: the photo of the refused import is not left behind.
	entries, _ := os.ReadDir(filepath.Join(root, "contributions", "photos"))
	for _, e := range entries {
		t.Errorf("left in photos/: %s", e.Name())
	}
	entries, _ = os.ReadDir(filepath.Join(root, "contributions"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestUnsupportedPieces: a table and an equation are findings at their
// paragraph, in both formats.
func TestUnsupportedPieces(t *testing.T) {
	for _, f := range []string{"pieces.docx", "pieces.odt"} {
		_, res := importFile(t, f, false)
		var got []string
		for _, d := range res.Diags {
			if d.Rule == "import-unsupported" {
				got = append(got, d.String())
			}
		}
		want := []string{
			f + ":4:1: warning: paragraphe 4 : recueil ne sait pas convertir un tableau ; ce contenu manque au texte importé, recopiez-le à la main s’il compte [import-unsupported]",
			f + ":5:1: warning: paragraphe 5 : recueil ne sait pas convertir une équation ; ce contenu manque au texte importé, recopiez-le à la main s’il compte [import-unsupported]",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", f, got, want)
		}
	}
}

func hasCode(d book.Diagnostics, code string) bool {
	for _, x := range d {
		if x.Rule == code {
			return true
		}
	}
	return false
}

// TestWritesInsideTheBook: a contributions/ folder that is a link out of
// the book is not followed: nothing is written outside.
func TestWritesInsideTheBook(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(root, "book.yaml"), []byte("title: \"Livre\"\n"), 0o644)
	if err := os.Symlink(outside, filepath.Join(root, "contributions")); err != nil {
		t.Skip(err)
	}
	res := Document(Options{Root: root, Lang: "fr"}, "a.docx", read(t, "libreoffice.docx"))
	if len(res.Files) != 0 || !res.Diags.HasErrors() {
		t.Errorf("files %v\n%s", res.Files, res.Diags.Text())
	}
	res = CSV(Options{Root: root, Lang: "fr"}, "f.csv", []byte("Nom;Texte\nAda Exemple;Un texte.\n"), nil)
	if len(res.Files) != 0 || !res.Diags.HasErrors() {
		t.Errorf("csv: files %v\n%s", res.Files, res.Diags.Text())
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("written outside the book: %v", entries)
	}
}
