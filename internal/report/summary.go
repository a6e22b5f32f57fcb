package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/recueil/recueil/internal/book"
)

// MaxSummaryRows is how many findings the job summary's table lists; the
// rest are counted ("and 12 more"). GitHub caps a step's summary at 1 MiB.
const MaxSummaryRows = 100

// Summary is what the job summary says besides the findings.
type Summary struct {
	French bool
	Files  int // files reported on
	// Previews are the contributions whose preview the workflow attaches
	// (the changed ones), sorted.
	Previews []string
	Artifact string // the artifact's name: preview
	// RunURL is the page of the workflow run, whose foot lists the
	// artifacts; "" when the runner did not say.
	RunURL string
}

// WriteSummary writes the job summary of a check: a Markdown page for
// $GITHUB_STEP_SUMMARY in the book's language, with the counts, a table
// of the findings (capped at MaxSummaryRows) and, for each changed
// contributor, where their preview is. Every text from a contribution is
// escaped, so that a message cannot inject Markdown or HTML. Pictures are
// linked, not shown: GitHub's sanitizer drops data: images from a
// summary, and the preview's PNG is only reachable inside the artifact.
func WriteSummary(w io.Writer, diags book.Diagnostics, s Summary) error {
	t := func(fr, en string) string {
		if s.French {
			return fr
		}
		return en
	}
	var b strings.Builder
	e, wn, in := diags.Count(book.Error), diags.Count(book.Warning), diags.Count(book.Info)
	b.WriteString("## recueil check\n\n")
	if len(diags) == 0 {
		fmt.Fprintf(&b, t("Aucun problème dans %s.\n", "No problem in %s.\n"), s.count(s.Files, t("fichier", "file"), t("fichiers", "files")))
	} else {
		parts := []string{s.count(e, t("erreur", "error"), t("erreurs", "errors")), s.count(wn, t("avertissement", "warning"), t("avertissements", "warnings"))}
		if in > 0 {
			parts = append(parts, s.count(in, t("remarque", "note"), t("remarques", "notes")))
		}
		fmt.Fprintf(&b, t("**%s** dans %s.", "**%s** in %s."), strings.Join(parts, ", "), s.count(s.Files, t("fichier", "file"), t("fichiers", "files")))
		if e > 0 {
			b.WriteString(t(" Les erreurs empêchent la compilation du livre : corrigez-les dans les fichiers indiqués, puis poussez un nouveau commit.",
				" Errors stop the book from compiling: fix them in the files below, then push a new commit."))
		}
		b.WriteString("\n\n")
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n",
			t("Fichier", "File"), t("Ligne", "Line"), t("Gravité", "Severity"), t("Règle", "Rule"), t("Message", "Message"))
		for i, d := range diags {
			if i == MaxSummaryRows {
				more := len(diags) - MaxSummaryRows
				fmt.Fprintf(&b, t("\net %s (voir les annotations et le journal de l’étape).\n", "\nand %s (see the annotations and the step's log).\n"),
					s.count(more, t("autre constat", "more finding"), t("autres constats", "more findings")))
				break
			}
			line := ""
			if d.Pos.Line > 0 {
				line = fmt.Sprintf("%d:%d", d.Pos.Line, max(d.Pos.Col, 1))
			}
			sev := map[book.Severity]string{book.Error: t("erreur", "error"), book.Warning: t("avertissement", "warning"), book.Info: t("remarque", "note")}[d.Severity]
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", code(d.File), line, sev, code(d.Rule), Markdown(d.Message))
		}
	}
	if len(s.Previews) > 0 {
		b.WriteString("\n### " + t("Aperçus", "Previews") + "\n\n")
		where := t(fmt.Sprintf("dans l’artefact **%s** de cette exécution", s.Artifact), fmt.Sprintf("in the **%s** artifact of this run", s.Artifact))
		if s.RunURL != "" {
			where = t(fmt.Sprintf("dans l’artefact **%s** de [cette exécution](%s), en bas de sa page", s.Artifact, s.RunURL),
				fmt.Sprintf("in the **%s** artifact of [this run](%s), at the foot of its page", s.Artifact, s.RunURL))
		}
		for _, f := range s.Previews {
			fmt.Fprintf(&b, t("- %s : ses pages (PDF et image de la première), ses cartes, %s ; ses erreurs, s’il en reste, y sont inscrites.\n",
				"- %s: their pages (PDF and a picture of the first), their cards, %s; their errors, if any are left, are written on them.\n"), code(f), where)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// count writes "1 erreur", "3 errors"; French, unlike English, keeps 0
// singular ("0 erreur").
func (s Summary) count(n int, one, many string) string {
	if n == 1 || (s.French && n == 0) {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// code writes s as inline code in a table cell: no backtick can close it
// and no pipe can end the cell (GitHub reads \| as a pipe, even in code).
func code(s string) string {
	s = book.EscapeControls(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s))
	s = strings.NewReplacer("`", "'", "|", "\\|").Replace(s)
	return "`" + s + "`"
}

// Markdown escapes s as text in a Markdown table cell: HTML and Markdown
// punctuation are made literal, line breaks become spaces.
func Markdown(s string) string {
	s = book.EscapeControls(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s))
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '|':
			b.WriteString("&#124;")
		case '\n', '\r':
			b.WriteByte(' ')
		case '\\', '`', '*', '_', '[', ']', '#', '!', '~':
			// What can start or end Markdown syntax inside a line.
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
