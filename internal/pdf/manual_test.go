package pdf

import (
	"os"
	"testing"

	"github.com/recueil/recueil/internal/typeset"
	"github.com/recueil/recueil/internal/typeset/testbook"
)

func TestManualRender(t *testing.T) {
	out := os.Getenv("RECUEIL_PDF_OUT")
	if out == "" {
		return
	}
	b, err := testbook.New(t.TempDir(), 10)
	if err != nil {
		t.Fatal(err)
	}
	r, diags, err := typeset.Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(diags.Text())
	f, _ := os.Create(out)
	defer f.Close()
	if err := Write(f, r, b); err != nil {
		t.Fatal(err)
	}
}
