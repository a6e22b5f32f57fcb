package pipeline

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneLocale: a book in fr-CA is French everywhere (it had "Contents"
// in the PDF and "Sommaire" in the EPUB), and the generated French elides:
// "Sous la direction d’Alban Jarry".
func TestOneLocale(t *testing.T) {
	need(t, "pdftotext")
	root := tinyBook(t)
	yaml, _ := os.ReadFile(filepath.Join(root, "book.yaml"))
	os.WriteFile(filepath.Join(root, "book.yaml"), append(yaml, "language: fr-CA\neditors: [\"Alban Jarry\"]\n"...), 0o644)
	if _, err := Compile(Options{Root: root, Only: []string{"pdf", "epub"}, Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})}); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(runTool(t, "pdftotext", filepath.Join(root, "output", "livre-de-la-reprise.pdf"), "-")), " ")
	for _, want := range []string{"Sommaire", "Index des contributeurs", "Sous la direction d’Alban Jarry"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if strings.Contains(text, "Contents") || strings.Contains(text, "de Alban") {
		t.Error("the PDF has English labels or an unelided de")
	}
	z, err := zip.OpenReader(filepath.Join(root, "output", "livre-de-la-reprise.epub"))
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var all strings.Builder
	for _, f := range z.File {
		if strings.HasSuffix(f.Name, ".xhtml") || strings.HasSuffix(f.Name, ".opf") {
			r, _ := f.Open()
			io.Copy(&all, r)
			r.Close()
		}
	}
	for _, want := range []string{"Sommaire", "Sous la direction d’Alban Jarry", `xml:lang="fr-CA"`} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the EPUB lacks %q", want)
		}
	}
}
