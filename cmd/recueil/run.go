package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/load"
	"github.com/recueil/recueil/internal/pipeline"
)

// Exit codes, documented in --help and the README.
const (
	exitOK       = 0 // done; warnings allowed
	exitFindings = 1 // the contributions have errors (or warnings with --strict)
	exitUsage    = 2 // bad usage, or a problem in book.yaml
	exitFailure  = 3 // the output could not be written (disk, permissions)
)

// exitError carries the exit code of a command's failure.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func fail(code int, err error) error { return &exitError{code, err} }

const helpExit = `EXIT CODES:
   0  done (warnings allowed)
   1  the contributions have errors (or warnings, with --strict); nothing was written
   2  usage error, or a problem in book.yaml or with --out
   3  the output could not be written (disk full, permissions)
`

// run is the whole program; main only passes it the process's arguments.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	// Ctrl-C or a TERM stops the workers; the output stays as it was.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// After the first, a second Ctrl-C or TERM ends the process as it
	// would any other: a run stuck where it cannot see the context can
	// still be stopped.
	go func() { <-ctx.Done(); stop() }()
	err := app.RunContext(ctx, args)
	if err == nil {
		return exitOK
	}
	french := book.IsFrench(load.BookLanguage(bookArg(args)))
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			msg := ee.err.Error()
			if f := inFrench(ee.err); french && f != "" {
				msg = f
			}
			fmt.Fprintln(stderr, "recueil:", msg)
		}
		return ee.code
	}
	// Errors from urfave/cli itself are usage errors (unknown flag...).
	fmt.Fprintln(stderr, "recueil:", cliError(err, french))
	return exitUsage
}

// inFrench is err said in French, when it carries its French text (a
// usage error of the pipeline, a book folder laid out wrong, an
// interrupted run), else "".
func inFrench(err error) string {
	var fe interface{ InFrench() string }
	if errors.As(err, &fe) {
		return fe.InFrench()
	}
	return ""
}

// bookArg is the book folder the arguments name (--book), "." by default:
// the language of a message about the arguments themselves is the book's.
func bookArg(args []string) string {
	for i, a := range args {
		switch {
		case (a == "--book" || a == "-book") && i+1 < len(args):
			return args[i+1]
		case strings.HasPrefix(a, "--book="):
			return strings.TrimPrefix(a, "--book=")
		case strings.HasPrefix(a, "-book="):
			return strings.TrimPrefix(a, "-book=")
		}
	}
	return "."
}

// cliError says urfave/cli's own usage errors in French for a book in
// French (the library has no translations): an unknown option or command,
// a missing value.
func cliError(err error, french bool) string {
	msg := err.Error()
	if !french {
		return msg
	}
	for _, t := range []struct{ en, fr string }{
		{"flag provided but not defined: ", "option inconnue : %s (recueil help <commande> liste les options)"},
		{"flag needs an argument: ", "cette option attend une valeur : %s"},
		{"No help topic for ", "pas d’aide pour %s : recueil help liste les commandes"},
	} {
		if rest, ok := strings.CutPrefix(msg, t.en); ok {
			return fmt.Sprintf(t.fr, strings.Trim(rest, "'"))
		}
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		return "valeur invalide " + rest
	}
	return msg
}

func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:      "recueil",
		Usage:     "compile a collective book (PDF, EPUB, cards, offprints) from a folder of contributions",
		Version:   versionLine(),
		Writer:    stdout,
		ErrWriter: stderr,
		// urfave/cli calls os.Exit for cli.Exit errors unless this is set.
		ExitErrHandler:  func(*cli.Context, error) {},
		HideHelpCommand: true,
		Flags: []cli.Flag{
			bookFlag(), outFlag(),
		},
		Commands: []*cli.Command{
			compileCommand(),
			checkCommand(),
			newCommand(),
			initCommand(),
			listCommand(),
			previewCommand(),
			serveCommand(),
			upgradeWorkflowsCommand(),
			importCommand(),
		},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error { return fail(exitUsage, err) },
	}
	app.CustomAppHelpTemplate = cli.AppHelpTemplate + "\n" + helpExit
	return app
}

func jobsFlag() cli.Flag {
	return &cli.IntFlag{Name: "jobs", Value: runtime.NumCPU(), Usage: "parallel workers"}
}

// bookFlag and outFlag are accepted before the command name and after it
// (recueil --book X compile, recueil compile --book X); flagValue reads
// whichever was given, the command's first.
func bookFlag() cli.Flag {
	return &cli.StringFlag{Name: "book", Usage: "the book folder (holding book.yaml) (default: the current folder)"}
}

func outFlag() cli.Flag {
	return &cli.StringFlag{Name: "out", Usage: "output folder (default: output/ in the book folder)"}
}

// flagValue is the value of a flag set on the command or on the program,
// or def. urfave/cli's c.String stops at the innermost context that
// defines the flag, set or not, so each level is asked whether it was set.
func flagValue(c *cli.Context, name, def string) string {
	for _, x := range c.Lineage() {
		if x.IsSet(name) {
			return x.String(name)
		}
	}
	return def
}

func options(c *cli.Context) pipeline.Options {
	return pipeline.Options{Root: flagValue(c, "book", "."), Out: flagValue(c, "out", ""), Env: os.Getenv, Jobs: c.Int("jobs"), Context: c.Context}
}

// usage is a usage error said in the language of the book the command
// works on (a contributor running check, preview or new reads it): fre is
// the French text, en the English one, with the same arguments.
func usage(c *cli.Context, fre, en string, args ...any) error {
	if book.IsFrench(load.BookLanguage(flagValue(c, "book", "."))) {
		return fail(exitUsage, fmt.Errorf(fre, args...))
	}
	return fail(exitUsage, fmt.Errorf(en, args...))
}

// bookError maps a loading or build error to its exit code.
func bookError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.Canceled):
		return fail(exitFailure, &bilingual{fr: "interrompu : la sortie est restée telle qu’elle était", en: "interrupted: the output was left as it was", err: err})
	case errors.Is(err, pipeline.ErrFindings), errors.Is(err, pipeline.ErrPreviewFindings):
		return fail(exitFindings, err)
	case errors.Is(err, pipeline.ErrBookConfig), errors.Is(err, load.ErrNoBook), errors.Is(err, load.ErrBadLayout):
		return fail(exitUsage, err)
	}
	if ue := (*pipeline.UsageError)(nil); errors.As(err, &ue) {
		return fail(exitUsage, err)
	}
	return fail(exitFailure, err)
}

// bookErrorIn is bookError with the message of a run's outcome in the
// book's language (what a contributor reads last in the log of a check):
// the findings themselves already are.
func bookErrorIn(lang string, err error) error {
	if err == nil || !book.IsFrench(lang) {
		return bookError(err)
	}
	var msg string
	switch {
	case errors.Is(err, pipeline.ErrBookConfig):
		msg = "book.yaml a des erreurs : rien n’a été écrit"
	case errors.Is(err, pipeline.ErrPreviewFindings):
		msg = "le texte a des erreurs : son aperçu a été écrit, avec elles sur sa première page"
	case errors.Is(err, pipeline.ErrFindings):
		msg = "le livre a des erreurs (ou des avertissements, avec --strict) : rien n’a été écrit"
	default:
		return bookError(err)
	}
	return bookError(&localized{msg, err})
}

// bilingual is err said in English (Error) and in French (InFrench).
type bilingual struct {
	fr, en string
	err    error
}

func (b *bilingual) Error() string    { return b.en }
func (b *bilingual) InFrench() string { return b.fr }
func (b *bilingual) Unwrap() error    { return b.err }

// localized is an error said in another language, that still is err.
type localized struct {
	msg string
	err error
}

func (l *localized) Error() string { return l.msg }
func (l *localized) Unwrap() error { return l.err }

// relFiles turns command-line file arguments into book-relative paths;
// its refusals are said in the language of the book (a contributor
// checking their own file reads them).
func relFiles(root string, files []string) (map[string]bool, error) {
	if len(files) == 0 {
		return nil, nil
	}
	fr := book.IsFrench(load.BookLanguage(root))
	say := func(fre, en string, args ...any) error {
		if fr {
			return fmt.Errorf(fre, args...)
		}
		return fmt.Errorf(en, args...)
	}
	ar, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, f := range files {
		af, err := filepath.Abs(f)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(ar, af)
		if err != nil || strings.HasPrefix(rel, "..") {
			return nil, say("%s n’est pas dans le dossier du livre %s", "%s is not inside the book folder %s", f, root)
		}
		if st, err := os.Lstat(af); err != nil {
			return nil, say("%s : ce fichier n’existe pas dans le livre, ce n’est donc pas une contribution", "%s: no such file in the book, so not a contribution", f)
		} else if !st.Mode().IsRegular() {
			return nil, say("%s n’est pas un fichier de contribution", "%s is not a contribution file", f)
		}
		out[filepath.ToSlash(rel)] = true
	}
	return out, nil
}
