package rules

import (
	"strings"

	"github.com/recueil/recueil/internal/book"
)

const docHead = "# Rule codes\n\n" +
	"<!-- Generated from internal/rules: edit rules.go, then run go test ./internal/rules -update. -->\n\n" +
	"Every finding recueil prints has a stable rule code in brackets:\n\n" +
	"```\n" +
	"contributions/violette-exemple.md:4:10: error: La section « Reseaux » n’existe pas : vouliez-vous dire « Réseaux » ? [unknown-section]\n" +
	"```\n\n" +
	"Codes never change meaning; new rules get new codes. **Errors** stop\n" +
	"`recueil compile` (exit code 1; 2 when the error is in `book.yaml`) and\n" +
	"nothing is written. **Warnings** are reported and the book is built\n" +
	"(`--strict` makes them errors). Each rule is described here in English\n" +
	"and in French, the language of the messages of French books; the whole\n" +
	"page is also in French: [rules.fr.md](rules.fr.md).\n"

const bookTail = "\nBesides findings, a book whose own structure is wrong stops every command\n" +
	"with exit 2 and a message: `--book` a file, `book.yaml` a folder, a link out\n" +
	"of the book or over 1 MB, `contributions/` a file or a symbolic link out of\n" +
	"the book.\n"

// Markdown is docs/rules.md.
func Markdown() string {
	var b strings.Builder
	b.WriteString(docHead)
	all := All()
	for s, sec := range sections {
		b.WriteString("\n## " + sec.title + "\n\n")
		if sec.intro != "" {
			b.WriteString(sec.intro + "\n\n")
		}
		switch {
		case Section(s) == Typography:
			b.WriteString("| code | severity | the rule | in French |\n|---|---|---|---|\n")
		case sec.fix:
			b.WriteString("| code | severity | what it means | how to fix | en français |\n|---|---|---|---|---|\n")
		default:
			b.WriteString("| code | severity | what it means | en français |\n|---|---|---|---|\n")
		}
		for _, r := range all {
			if r.Section != Section(s) {
				continue
			}
			codes := "`" + strings.Join(append([]string{r.Code}, r.Also...), "`, `") + "`"
			cells := []string{codes, r.Severity.String(), cell(r.En)}
			if sec.fix {
				cells = append(cells, cell(r.Fix))
			}
			cells = append(cells, cell(r.Fr))
			b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		}
		if Section(s) == Book {
			b.WriteString(bookTail)
		}
	}
	return b.String()
}

const docHeadFr = "# Codes des règles\n\n" +
	"<!-- Généré depuis internal/rules : modifiez rules.go, puis lancez go test ./internal/rules -update. -->\n\n" +
	"Chaque constat de recueil porte entre crochets un code de règle stable :\n\n" +
	"```\n" +
	"contributions/violette-exemple.md:4:10: error: La section « Reseaux » n’existe pas : vouliez-vous dire « Réseaux » ? [unknown-section]\n" +
	"```\n\n" +
	"Un code ne change jamais de sens ; une nouvelle règle reçoit un nouveau code.\n" +
	"Les **erreurs** (error) arrêtent `recueil compile` (code de sortie 1 ; 2 quand\n" +
	"l’erreur est dans `book.yaml`) et rien n’est écrit. Les **avertissements**\n" +
	"(warning) sont signalés et le livre est fait (`--strict` en fait des erreurs).\n" +
	"Les **remarques** (info) disent ce que recueil fait de lui-même. La version\n" +
	"anglaise de cette page est [rules.md](rules.md).\n"

const bookTailFr = "\nEn plus de ces constats, un livre dont la structure même est fausse arrête\n" +
	"toute commande avec le code 2 et un message : `--book` qui désigne un fichier,\n" +
	"`book.yaml` qui est un dossier, un lien hors du livre ou de plus de 1 Mo,\n" +
	"`contributions/` qui est un fichier ou un lien hors du livre.\n"

// MarkdownFr is docs/rules.fr.md: the same registry, in French.
func MarkdownFr() string {
	var b strings.Builder
	b.WriteString(docHeadFr)
	sev := map[book.Severity]string{book.Error: "erreur", book.Warning: "avertissement", book.Info: "remarque"}
	all := All()
	for s, sec := range sectionsFr {
		b.WriteString("\n## " + sec.title + "\n\n")
		if sec.intro != "" {
			b.WriteString(sec.intro + "\n\n")
		}
		b.WriteString("| code | gravité | ce que cela veut dire |\n|---|---|---|\n")
		for _, r := range all {
			if r.Section != Section(s) {
				continue
			}
			codes := "`" + strings.Join(append([]string{r.Code}, r.Also...), "`, `") + "`"
			b.WriteString("| " + strings.Join([]string{codes, sev[r.Severity], cell(r.Fr)}, " | ") + " |\n")
		}
		if Section(s) == Book {
			b.WriteString(bookTailFr)
		}
	}
	return b.String()
}

// cell escapes a table cell's pipes.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
