package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/load"
	"github.com/recueil/recueil/internal/scaffold"
)

func newCommand() *cli.Command {
	return &cli.Command{
		Name:      "new",
		Usage:     "write a filled-in template for a contributor: recueil new \"Prénom Nom\"",
		ArgsUsage: "\"Prénom Nom\"",
		Flags:     []cli.Flag{bookFlag()},
		Action: func(c *cli.Context) error {
			name := strings.TrimSpace(strings.Join(c.Args().Slice(), " "))
			if name == "" {
				return usage(c, `donnez le nom de la contributrice ou du contributeur : recueil new "Prénom Nom"`, `give the contributor's name: recueil new "Prénom Nom"`)
			}
			slug := book.Slugify(name)
			if slug == "" {
				return usage(c, "impossible de faire un nom de fichier à partir de « %s »", "cannot make a file name from %q", name)
			}
			// check's limits: a name of 200 characters, a file name that
			// leaves room for the cards' and offprints' names.
			if utf8.RuneCountInString(name) > 200 || len(slug) > 200 {
				return usage(c, "le nom a %d caractères : 200 au plus", "the name is %d characters long: 200 at most", utf8.RuneCountInString(name))
			}
			root := flagValue(c, "book", ".")
			b, _, err := load.Load(load.Options{Root: root})
			if err != nil {
				return bookError(err)
			}
			d := scaffold.NewData(b.Title, b.Identifier, b.Limits, b.Sections)
			d.Names = b.Locale().Names
			rel := "contributions/" + slug + ".md"
			if err := createFile(root, rel, scaffold.Contribution(name, d)); err != nil {
				if errors.Is(err, fs.ErrExist) {
					return fail(exitFindings, fmt.Errorf("%s already exists: recueil never overwrites a contribution", rel))
				}
				return fail(exitFailure, err)
			}
			fmt.Fprintln(c.App.Writer, rel)
			return nil
		},
	}
}

func initCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "write a new book repository in DIR: book.yaml, contributions/, workflows, CONTRIBUTING.md",
		ArgsUsage: "DIR",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "title", Usage: "the book's title (default: from DIR's name)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return fail(exitUsage, errors.New("give the folder of the new book: recueil init DIR"))
			}
			dir := c.Args().First()
			title := strings.TrimSpace(c.String("title"))
			if title == "" {
				abs, err := filepath.Abs(dir)
				if err != nil {
					return fail(exitUsage, err)
				}
				title = titleFromDir(filepath.Base(abs))
			}
			d := scaffold.NewData(title, book.DerivedIdentifier(title), book.Defaults().Limits, nil)
			// The workflows use recueil's action at this recueil's version;
			// a development build pins the latest release it knows of.
			d.Recueil = pinnedVersion()
			files := scaffold.Book(d)
			// Refuse before writing anything: an existing book is never touched.
			var exist []string
			for _, f := range files {
				if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(f.Path))); err == nil {
					exist = append(exist, f.Path)
				}
			}
			if len(exist) > 0 {
				return fail(exitUsage, fmt.Errorf("%s contient déjà %s : recueil init n’écrase jamais un fichier", dir, strings.Join(exist, ", ")))
			}
			for _, f := range files {
				if err := createFile(dir, f.Path, f.Data); err != nil {
					return fail(exitFailure, err)
				}
				fmt.Fprintln(c.App.Writer, filepath.Join(dir, filepath.FromSlash(f.Path)))
			}
			committed := gitInit(dir)
			// The book init writes is French (book.yaml's language: fr): so
			// are the words it says about it.
			def := book.Defaults()
			m := initWords(def.Locale().French)
			nextSteps(c.App.ErrWriter, dir, m)
			if d.Recueil == "" {
				fmt.Fprintf(c.App.ErrWriter, m.devBuild+"\n", versionLine(), scaffold.LatestRelease)
			} else {
				fmt.Fprintf(c.App.ErrWriter, m.pinned+"\n", d.Recueil)
			}
			switch committed {
			case gitCommitted:
				fmt.Fprintln(c.App.ErrWriter, m.committed)
			case gitInitialised:
				fmt.Fprintln(c.App.ErrWriter, m.initialised)
			}
			return nil
		},
	}
}

// initMessages are what init says about the book it wrote, in the book's
// language.
type initMessages struct {
	next, devBuild, pinned, committed, initialised string
}

func initWords(french bool) initMessages {
	if french {
		return initMessages{
			next: `
Un nouveau livre est prêt dans %s. Ensuite :
  cd %s
  recueil compile                 # le PDF, l’EPUB, le site, les cartes et les tirés à part dans output/
  recueil new "Prénom Nom"        # une contribution à remplir
Complétez book.yaml (titre, direction, parties) et editorial/introduction.md ;
remplacez contributions/%s.md par le premier vrai texte.
`,
			devBuild:    "Ce recueil est une version de développement (%s) : les workflows de .github/workflows installent recueil %s, la dernière version publiée qu’il connaisse ; « recueil upgrade-workflows » d’une version publiée les passe à la sienne.",
			pinned:      "Les workflows de .github/workflows installent recueil %s, celui-ci ; « recueil upgrade-workflows » les passe à une version plus récente.",
			committed:   "Le livre est un dépôt git, avec un premier commit : sa date est celle du livre tant que book.yaml n’en donne pas.",
			initialised: "Un dépôt git a été créé ; faites un premier commit (git add -A && git commit) pour dater le livre : sans commit ni date dans book.yaml, il serait daté du 1er janvier 1970.",
		}
	}
	return initMessages{
		next: `
A new book is ready in %s. Next:
  cd %s
  recueil compile                 # the PDF, EPUB, site, cards and offprints in output/
  recueil new "First Last"        # a contribution to fill in
Edit book.yaml (title, editors, sections) and editorial/introduction.md;
replace contributions/%s.md by the first real text.
`,
		devBuild:    "This recueil is a development build (%s): the workflows in .github/workflows install recueil %s, the latest release it knows of; a released recueil's upgrade-workflows moves them to its own version.",
		pinned:      "The workflows in .github/workflows install recueil %s, this one; recueil upgrade-workflows moves them to a later one.",
		committed:   "A git repository holds the book, with a first commit: its date is the book's until book.yaml gives one.",
		initialised: "A git repository was made; commit the book (git add -A && git commit) so that it is dated: without a commit or a date in book.yaml it would be dated 1 January 1970.",
	}
}

func nextSteps(w io.Writer, dir string, m initMessages) {
	fmt.Fprintf(w, m.next, dir, dir, scaffold.ExampleSlug)
}

type gitResult int

const (
	gitNone        gitResult = iota // no git, or the folder is already in a repository
	gitInitialised                  // a repository, without a commit (no git identity)
	gitCommitted                    // a repository with a first commit
)

// gitInit makes the new book a git repository with a first commit, so
// that it is dated by its commits (the workflows and the date need one).
// A folder already inside a repository is left to it.
func gitInit(dir string) gitResult {
	if _, err := exec.LookPath("git"); err != nil {
		return gitNone
	}
	if exec.Command("git", "-C", dir, "rev-parse", "--is-inside-work-tree").Run() == nil {
		return gitNone
	}
	if exec.Command("git", "-C", dir, "init", "-q").Run() != nil {
		return gitNone
	}
	// main, as on GitHub, whatever git's own default: the draft workflow
	// runs on pushes to main. (git init -b needs git 2.28.)
	exec.Command("git", "-C", dir, "symbolic-ref", "HEAD", "refs/heads/main").Run()
	if exec.Command("git", "-C", dir, "add", "-A").Run() != nil ||
		exec.Command("git", "-C", dir, "commit", "-q", "-m", "Un nouveau livre, écrit par recueil init").Run() != nil {
		return gitInitialised
	}
	return gitCommitted
}

// titleFromDir makes a title from a folder name: "rencontres-improbables"
// gives "Rencontres improbables".
func titleFromDir(base string) string {
	t := strings.Join(strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == '.' || unicode.IsSpace(r) }), " ")
	if t == "" {
		return "Mon livre"
	}
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}

// createFile writes a new file at root/rel, creating its folders; it fails
// with fs.ErrExist rather than replace a file, and leaves no partial file.
func createFile(root, rel string, data []byte) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(p)
	}
	return err
}
