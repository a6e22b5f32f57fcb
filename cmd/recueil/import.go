package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/intake"
	"github.com/recueil/recueil/internal/load"
	"github.com/recueil/recueil/internal/pipeline"
)

// maxImport is the largest document or form export import reads (a
// document with its photos).
const maxImport = 64 << 20

func importCommand() *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "write contributions from a Word or LibreOffice document, or from a form's CSV export",
		ArgsUsage: "FILE.docx|FILE.odt",
		Description: `recueil import FILE.docx|FILE.odt [--name "Prénom Nom"] [--photo] writes
contributions/<slug>.md: the name and title from the document's properties
(--name wins), the text as Markdown, the typography fixed as check --fix
does. Tracked changes are taken as accepted, comments dropped. With --photo,
the document's largest image becomes the portrait in contributions/photos/.

recueil import --csv FORM.csv [--map key=Header,...] writes one contribution
per row of an online form's export (Google Forms, Microsoft Forms, Typeform,
LimeSurvey), its columns matched to keys by their header (Nom, Fonction,
Organisation, Compte X, Ville, Lien, Titre, Extrait, Votre texte, or their
English names); --map name=Header,text=Header overrides. The timestamp and
e-mail columns are never written into the book.

It never overwrites a file. Findings name the document's paragraph or the
spreadsheet's row.`,
		Flags: []cli.Flag{
			bookFlag(),
			&cli.StringFlag{Name: "name", Usage: "the contributor's name (default: the document's author)"},
			&cli.BoolFlag{Name: "photo", Usage: "extract the document's largest image as the contributor's portrait"},
			&cli.StringFlag{Name: "csv", Usage: "a form's CSV export: one contribution per row"},
			&cli.StringSliceFlag{Name: "map", Usage: "with --csv: key=Header, to read a key from that column (keys: " + strings.Join(intake.CSVKeys, ", ") + ")"},
		},
		Action: func(c *cli.Context) error {
			csvFile := c.String("csv")
			switch {
			case csvFile == "" && c.NArg() != 1:
				return fail(exitUsage, errors.New(`give one document: recueil import FILE.docx, or a form export: recueil import --csv FORM.csv`))
			case csvFile != "" && c.NArg() > 0:
				return fail(exitUsage, fmt.Errorf("--csv takes no other file (got %q)", c.Args().First()))
			case csvFile != "" && (c.IsSet("name") || c.Bool("photo")):
				return fail(exitUsage, errors.New("--name and --photo are for a document, not for --csv"))
			case csvFile == "" && c.IsSet("map"):
				return fail(exitUsage, errors.New("--map is for --csv"))
			}
			mapping := map[string]string{}
			for _, m := range c.StringSlice("map") {
				for _, kv := range strings.Split(m, ",") {
					k, v, ok := strings.Cut(kv, "=")
					k = strings.TrimSpace(k)
					if !ok || strings.TrimSpace(v) == "" || !validKey(k) {
						return fail(exitUsage, fmt.Errorf("--map %s: write key=Header, the key one of %s", kv, strings.Join(intake.CSVKeys, ", ")))
					}
					mapping[k] = strings.TrimSpace(v)
				}
			}
			root := flagValue(c, "book", ".")
			b, _, err := load.Load(load.Options{Root: root})
			if err != nil {
				return bookError(err)
			}
			in := csvFile
			if in == "" {
				in = c.Args().First()
			}
			data, err := readInput(in, b.Language)
			if err != nil {
				return fail(exitUsage, err)
			}
			o := intake.Options{Root: b.Root, Lang: b.Language, Name: c.String("name"), Photo: c.Bool("photo"),
				Typography: b.TypographyOf(b.Language), Glyphs: pipeline.EmojiRemoved(b)}
			name := filepath.ToSlash(in)
			var res intake.Result
			if csvFile != "" {
				res = intake.CSV(o, name, data, mapping)
			} else {
				res = intake.Document(o, name, data)
			}
			res.Diags.In(b.Language).Sort()
			for _, f := range res.Files {
				fmt.Fprintln(c.App.Writer, filepath.Join(root, filepath.FromSlash(f)))
			}
			fmt.Fprint(c.App.ErrWriter, res.Diags.Text())
			fmt.Fprintln(c.App.ErrWriter, importSummary(b.Language, len(res.Files), res.Diags))
			if res.Diags.HasErrors() {
				return fail(exitFindings, errors.New(""))
			}
			return nil
		},
	}
}

func validKey(k string) bool {
	for _, x := range intake.CSVKeys {
		if x == k {
			return true
		}
	}
	return false
}

// readInput reads the document or export, refusing what is not a regular
// file or is over maxImport; its errors are in lang.
func readInput(p, lang string) ([]byte, error) {
	fail := func(m book.Msg, args ...any) ([]byte, error) { return nil, errors.New(m.Format(args...).In(lang)) }
	unreadable := func(err error) ([]byte, error) {
		if errors.Is(err, fs.ErrNotExist) {
			return fail(book.M("%s n’existe pas", "%s does not exist"), p)
		}
		return fail(book.M("%s ne peut pas être lu : %s", "%s cannot be read: %s"), p, book.ReadReason(err))
	}
	notFile := book.M("%s n’est pas un fichier (un dossier, un tube nommé ?) : donnez le document lui-même", "%s is not a file (a folder, a named pipe?): give the document itself")
	// Looked at before it is opened: opening a named pipe waits for a
	// writer, for ever.
	if st, err := os.Stat(p); err != nil {
		return unreadable(err)
	} else if !st.Mode().IsRegular() {
		return fail(notFile, p)
	}
	f, err := os.Open(p)
	if err != nil {
		return unreadable(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return unreadable(err)
	}
	if !st.Mode().IsRegular() { // replaced between the two looks
		return fail(notFile, p)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxImport+1))
	if err != nil {
		return unreadable(err)
	}
	if len(b) > maxImport {
		return fail(book.M("%s dépasse %d Mo : ce n’est pas le document d’un contributeur", "%s is over %d MB: not a contributor's document"), p, maxImport>>20)
	}
	return b, nil
}

func importSummary(lang string, files int, d book.Diagnostics) string {
	e, w := d.Count(book.Error), d.Count(book.Warning)
	if book.IsFrench(lang) {
		fr := func(n int, one, many string) string { // French: 0 and 1 are singular
			if n <= 1 {
				return one
			}
			return many
		}
		return fmt.Sprintf("%d %s, %d %s, %d %s", files, fr(files, "fichier écrit", "fichiers écrits"),
			e, fr(e, "erreur", "erreurs"), w, fr(w, "avertissement", "avertissements"))
	}
	return fmt.Sprintf("%d %s written, %d %s, %d %s", files, plural(files, "file", "files"),
		e, plural(e, "error", "errors"), w, plural(w, "warning", "warnings"))
}
