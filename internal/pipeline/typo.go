package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/load"
	"github.com/recueil/recueil/internal/typo"
	"github.com/recueil/recueil/internal/work"
)

// scope lists the contribution files a run reports on, sorted: o.Files'
// Markdown files under contributions/, or every Markdown file the loader
// reads (README.md and hidden files aside).
func (o Options) scope(b *book.Book) []string {
	var out []string
	if o.Files != nil {
		for f := range o.Files {
			if strings.HasPrefix(f, "contributions/") && strings.HasSuffix(strings.ToLower(f), ".md") {
				out = append(out, f)
			}
		}
	} else {
		entries, _ := os.ReadDir(filepath.Join(b.Root, "contributions"))
		for _, e := range entries {
			name := e.Name()
			if e.Type().IsRegular() && strings.HasSuffix(strings.ToLower(name), ".md") &&
				!strings.HasPrefix(name, ".") && !strings.EqualFold(name, "README.md") {
				out = append(out, "contributions/"+name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// msgLang is the language of the messages: --lang's, else the book's.
func (o Options) msgLang(b *book.Book) string {
	if o.MsgLang != "" {
		return o.MsgLang
	}
	return b.Language
}

// typography returns the typographic findings of the files. What the PDF,
// the EPUB, the site and the cards fix on their own (typo.Auto: spaces,
// apostrophes, straight quotes, three dots) is one note per file, with
// the count: the book is right whatever the source says, and a warning
// at each of them would bury what a person must decide. The others
// (English quotes, guillemets the wrong way round, a quoted name) are
// warnings at their place: they change what the text says or guess at
// what the contributor meant.
func (o Options) typography(b *book.Book, files []string) book.Diagnostics {
	lang := o.msgLang(b)
	found, _ := work.Map(o.ctx(), len(files), o.Jobs, func(i int) (book.Diagnostics, error) {
		src, ok := load.ReadContribution(b.Root, files[i])
		if !ok {
			return nil, nil // the loader reports why
		}
		var d book.Diagnostics
		auto := map[string]int{}
		var first book.Pos // the note is at the first of them
		for _, fd := range typo.CheckIn(b.TypographyOf(textLang(b, files[i])), textLang(b, files[i]), src) {
			if typo.Auto(fd.Rule) {
				if len(auto) == 0 {
					first = book.Pos{Line: fd.Line, Col: fd.Col}
				}
				auto[fd.Rule]++
				continue
			}
			d = append(d, fd.Diagnostic(files[i], lang, book.Warning))
		}
		if len(auto) > 0 {
			d = append(d, book.Diagnostic{File: files[i], Pos: first, Severity: book.Info, Rule: RuleAutoFixed, Message: autoFixedMessage(lang, auto), En: autoFixedMessage("en", auto)})
		}
		return d, nil
	})
	var diags book.Diagnostics
	for _, d := range found {
		diags = append(diags, d...)
	}
	return diags
}

// RuleAutoFixed is the note that counts, for one file, the typographic
// fixes the outputs make on their own.
const RuleAutoFixed = "typo-auto-fixed"

// autoKinds name each Auto rule in the note, in French and in English,
// singular and plural, in the order the note lists them.
var autoKinds = []struct{ rule, fr1, frN, en1, enN string }{
	{typo.RuleSpaceBeforePunct, "espace avant ; : ! ?", "espaces avant ; : ! ?", "space before ; : ! ?", "spaces before ; : ! ?"},
	{typo.RuleGuillemets, "espace dans « »", "espaces dans « »", "space inside « »", "spaces inside « »"},
	{typo.RuleInvertedMarks, "espace après ¿ ou ¡", "espaces après ¿ ou ¡", "space after ¿ or ¡", "spaces after ¿ or ¡"},
	{typo.RuleQuotes, "guillemet droit \" ou '", "guillemets droits \" ou '", "straight quote \" or '", "straight quotes \" or '"},
	{typo.RuleApostrophe, "apostrophe droite '", "apostrophes droites '", "straight apostrophe '", "straight apostrophes '"},
	{typo.RuleEllipsis, "points de suspension ...", "points de suspension ...", "three dots ...", "three dots ..."},
	{typo.RuleDoubleSpace, "double espace", "doubles espaces", "double space", "double spaces"},
	{typo.RuleSpaceBeforeComma, "espace avant , ou .", "espaces avant , ou .", "space before , or .", "spaces before , or ."},
}

// autoFixedMessage says how many fixes the outputs make on their own, of
// which kinds, and that check --fix writes them into the source.
func autoFixedMessage(lang string, counts map[string]int) string {
	fr := book.IsFrench(lang)
	total := 0
	var parts []string
	for _, k := range autoKinds {
		n := counts[k.rule]
		if n == 0 {
			continue
		}
		total += n
		one, many := k.en1, k.enN
		if fr {
			one, many = k.fr1, k.frN
		}
		if n == 1 {
			parts = append(parts, fmt.Sprintf("%d %s", n, one))
		} else {
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	list := strings.Join(parts, ", ")
	if fr {
		what := "corrections typographiques sont faites"
		if total == 1 {
			what = "correction typographique est faite"
		}
		return fmt.Sprintf("%d %s d’office dans le PDF, l’EPUB, le site et les cartes (%s), la première ici ; recueil check --fix les écrit dans ce fichier.", total, what, list)
	}
	what := "typographic fixes are"
	if total == 1 {
		what = "typographic fix is"
	}
	return fmt.Sprintf("%d %s made in the PDF, the EPUB, the site and the cards on their own (%s), the first here; recueil check --fix writes them into this file.", total, what, list)
}

// EmojiRemoved is what --fix (and import) give typo.RemoveEmoji for the
// book: the characters its font prints, so that the emoji it lacks go
// (emoji: remove); nil with emoji: keep, when they are drawn.
func EmojiRemoved(b *book.Book) func(rune) bool {
	if b.KeepEmoji() {
		return nil
	}
	return textGlyphs(b)
}

// Fixed is what Fix changed in one file.
type Fixed struct {
	File  string
	Fixes int
}

// Fix applies the safe typographic fixes to the contribution files in
// scope, each replaced atomically, and returns what it changed.
func Fix(o Options) ([]Fixed, error) {
	b, _, err := load.Load(load.Options{Root: o.Root, Env: o.Env, Jobs: o.Jobs, Context: o.Context})
	if err != nil {
		return nil, err
	}
	var out []Fixed
	has := EmojiRemoved(b)
	for _, f := range o.scope(b) {
		src, ok := load.ReadContribution(b.Root, f)
		if !ok {
			continue
		}
		text := src
		var removed []typo.Finding
		if !b.KeepEmoji() {
			text, removed = typo.RemoveEmoji(src, has)
		}
		fixed, found := typo.FixIn(b.TypographyOf(textLang(b, f)), textLang(b, f), text)
		found = append(found, removed...)
		if len(found) == 0 || bytes.Equal(fixed, src) {
			continue
		}
		if err := writeAtomic(filepath.Join(b.Root, filepath.FromSlash(f)), fixed); err != nil {
			return out, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, Fixed{File: f, Fixes: len(found)})
	}
	return out, nil
}

// writeAtomic replaces the file at p with data: written to a temporary
// file in the same folder, synced, given p's mode, then renamed over p, so
// the file is either the old one or the new one, whole.
func writeAtomic(p string, data []byte) error {
	st, err := os.Stat(p)
	if err != nil {
		return err
	}
	dir, base := filepath.Split(p)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".recueil-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(name, p); err != nil {
		return err
	}
	syncDir(dir) // best effort: the rename is durable once the folder is synced
	return nil
}

// ChangedSince lists the contribution files changed between ref and HEAD
// (three-dot: since the branch left ref) and the untracked ones, relative
// to the book folder. Deleted files are left out. A bad ref is a usage
// error.
func ChangedSince(root, ref string) ([]string, error) {
	if strings.HasPrefix(ref, "-") {
		return nil, usageErrorf("--changed-since %s : ce n’est pas une référence git", "--changed-since %s: not a git reference", ref)
	}
	diff, err := git(root, "diff", "--name-only", "-z", "--relative", "--diff-filter=d", ref+"...HEAD", "--", "contributions")
	if err != nil {
		return nil, usageWrap("--changed-since %s : %w", "--changed-since %s: %w", ref, err)
	}
	untracked, err := git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", "contributions")
	if err != nil {
		return nil, usageWrap("--changed-since %s : %w", "--changed-since %s: %w", ref, err)
	}
	seen := map[string]bool{}
	var out []string
	for _, f := range strings.Split(diff+untracked, "\x00") {
		if f != "" && !seen[f] {
			seen[f] = true
			out = append(out, filepath.ToSlash(f))
		}
	}
	sort.Strings(out)
	return out, nil
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("git %s: %s", args[0], strings.TrimSpace(stderr.String()))
		}
		return "", err
	}
	return string(out), nil
}

// WriteAtomic replaces the file at p with data, whole or not at all (see
// writeAtomic): for the CLI's other in-place rewrites.
func WriteAtomic(p string, data []byte) error { return writeAtomic(p, data) }

// textLang is the language a contribution file is written in: its own
// lang (a mixed book), else the book's.
func textLang(b *book.Book, path string) string {
	for _, c := range b.Contributions {
		if c.Path == path && c.Lang != "" {
			return c.Lang
		}
	}
	return b.Language
}
