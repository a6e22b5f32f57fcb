package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

func TestSummary(t *testing.T) {
	diags := book.Diagnostics{
		{File: "contributions/a|b.md", Pos: book.Pos{Line: 3, Col: 7}, Severity: book.Error, Rule: "unknown-key", Message: "Clé inconnue : « rol » <script>alert(1)</script> | *gras* [lien](x)\nsuite"},
		{File: "contributions/c.md", Severity: book.Warning, Rule: "typo-apostrophe", Message: "Apostrophe"},
	}
	var b bytes.Buffer
	if err := WriteSummary(&b, diags, Summary{French: true, Files: 2, Previews: []string{"contributions/c.md"}, Artifact: "preview", RunURL: "https://github.com/o/r/actions/runs/42"}); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"**1 erreur, 1 avertissement** dans 2 fichiers.",
		"| Fichier | Ligne | Gravité | Règle | Message |\n|---|---|---|---|---|\n",
		"| `contributions/a\\|b.md` | 3:7 | erreur | `unknown-key` | Clé inconnue : « rol » &lt;script&gt;alert(1)&lt;/script&gt; &#124; \\*gras\\* \\[lien\\](x) suite |\n",
		"| `contributions/c.md` |  | avertissement | `typo-apostrophe` | Apostrophe |\n",
		"- `contributions/c.md` : ses pages (PDF et image de la première), ses cartes, dans l’artefact **preview** de [cette exécution](https://github.com/o/r/actions/runs/42), en bas de sa page ; ses erreurs, s’il en reste, y sont inscrites.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("summary lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "<script") || strings.Count(got, "\n| ") != 3 {
		t.Errorf("a message escaped its cell or the table:\n%s", got)
	}

	// Capped, in English, without a run URL.
	var many book.Diagnostics
	for i := range MaxSummaryRows + 12 {
		many = append(many, book.Diagnostic{File: fmt.Sprintf("contributions/f%03d.md", i), Pos: book.Pos{Line: 1, Col: 1}, Severity: book.Error, Rule: "r", Message: "m"})
	}
	b.Reset()
	if err := WriteSummary(&b, many, Summary{Files: 112}); err != nil {
		t.Fatal(err)
	}
	got = b.String()
	if n := strings.Count(got, "| `contributions/f"); n != MaxSummaryRows || !strings.Contains(got, "\nand 12 more findings (see the annotations and the step's log).\n") || !strings.Contains(got, "**112 errors, 0 warnings** in 112 files.") {
		t.Errorf("capped summary (%d rows):\n%s", n, got[len(got)-300:])
	}
	b.Reset()
	WriteSummary(&b, many[:2], Summary{French: true, Files: 0})
	if !strings.Contains(b.String(), "**2 erreurs, 0 avertissement** dans 0 fichier.") {
		t.Errorf("French counts: %s", b.String())
	}
	b.Reset()
	WriteSummary(&b, nil, Summary{French: true, Files: 1})
	if b.String() != "## recueil check\n\nAucun problème dans 1 fichier.\n" {
		t.Errorf("clean summary: %q", b.String())
	}
}
