// Package book is recueil's domain: the book, its contributions, their text,
// the diagnostics about them and the order they are printed in. Every other
// stage speaks in these types. It depends on the standard library and
// golang.org/x/text only.
package book

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Severity says how serious a diagnostic is.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "info"
	}
}

// Pos is a 1-based line and column (column counted in characters, not bytes).
// The zero Pos means "the whole file".
type Pos struct {
	Line, Col int
}

// Diagnostic is one finding about one file.
type Diagnostic struct {
	File     string // slash-separated path relative to the book root, e.g. contributions/x.md
	Pos      Pos
	Severity Severity
	Rule     string // stable rule code, see docs/rules.md
	Message  string // for a non-programmer, says what to change: French, then the book's language once chosen (see In)
	En       string `json:",omitempty"` // the same in English
}

// Msg is a finding's message in French and in English. Each is a format
// for the same arguments; an argument that is itself a Msg is put in the
// same language (a word or a phrase built elsewhere).
type Msg struct{ Fr, En string }

// M is the message fr in French and en in English.
func M(fr, en string) Msg { return Msg{Fr: fr, En: en} }

// Plural is n followed by its noun, in French (0 and 1 singular) and in
// English (1 singular): Plural(2, "ligne", "lignes", "line", "lines") is
// « 2 lignes », "2 lines".
func Plural(n int, frOne, frMany, enOne, enMany string) Msg {
	fr, en := frMany, enMany
	if n < 2 {
		fr = frOne
	}
	if n == 1 {
		en = enOne
	}
	return Msg{Fr: fmt.Sprintf("%d %s", n, fr), En: fmt.Sprintf("%d %s", n, en)}
}

// Format is m with args, in both languages; with no args, m as it is (a
// message built elsewhere may hold a %).
func (m Msg) Format(args ...any) Msg {
	if len(args) == 0 {
		return m
	}
	return Msg{Fr: fmt.Sprintf(m.Fr, in(args, false)...), En: fmt.Sprintf(m.En, in(args, true)...)}
}

// Join is m then n, separated by sep, in both languages.
func (m Msg) Join(sep string, n Msg) Msg { return Msg{Fr: m.Fr + sep + n.Fr, En: m.En + sep + n.En} }

// In is the message in lang: French for "fr…" (or ""), English otherwise.
func (m Msg) In(lang string) string {
	if IsFrench(lang) {
		return m.Fr
	}
	return m.En
}

// in puts the Msg arguments in one language.
func in(args []any, en bool) []any {
	var out []any
	for i, a := range args {
		if m, ok := a.(Msg); ok {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[i] = m.Fr
			if en {
				out[i] = m.En
			}
		}
	}
	if out == nil {
		return args
	}
	return out
}

// String is the finding on one line. A file name holding a control,
// line-separator or bidirectional character (or invalid UTF-8) is quoted
// Go-style, and such characters in the message and rule are escaped, so
// that a finding can neither forge another line nor send a raw escape
// sequence to a terminal.
func (d Diagnostic) String() string {
	file := d.File
	if unsafeText(file) {
		file = strconv.Quote(file)
	}
	loc := file
	if d.Pos.Line > 0 {
		loc = fmt.Sprintf("%s:%d:%d", file, d.Pos.Line, max(d.Pos.Col, 1))
	}
	return fmt.Sprintf("%s: %s: %s [%s]", loc, d.Severity, EscapeControls(d.Message), EscapeControls(d.Rule))
}

// Forging reports the characters that can make a text display other than
// it reads: line and paragraph separators and bidirectional embeddings,
// overrides and isolates. The loader refuses them; reports escape them.
func Forging(r rune) bool {
	return r == 0x2028 || r == 0x2029 || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// unsafeRune reports the characters a report must not print as they are.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || Forging(r) || r == utf8.RuneError
}

func unsafeText(s string) bool {
	return strings.IndexFunc(s, unsafeRune) >= 0 || !utf8.ValidString(s)
}

// EscapeControls writes control, line-separator and bidirectional
// characters of s (and invalid bytes) as Go escapes (\n, \x1b, \u202e),
// leaving every other character as it is.
func EscapeControls(s string) string {
	if !unsafeText(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r) {
			q := strconv.QuoteRuneToASCII(r)
			if r == utf8.RuneError && n == 1 {
				q = fmt.Sprintf("'\\x%02x'", s[i])
			}
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Diagnostics is a sortable list of findings, like go/scanner.ErrorList.
type Diagnostics []Diagnostic

// Add appends a finding, said in French and in English (m, formatted
// with args: see Msg). Which is shown is chosen once the book's language
// is known (In).
func (l *Diagnostics) Add(file string, pos Pos, sev Severity, rule string, m Msg, args ...any) {
	m = m.Format(args...)
	*l = append(*l, Diagnostic{File: file, Pos: pos, Severity: sev, Rule: rule, Message: m.Fr, En: m.En})
}

// In puts the findings in lang (see Msg.In), in place, and returns them:
// Message becomes En for a language other than French. A finding with no
// English keeps its French.
func (l Diagnostics) In(lang string) Diagnostics {
	if IsFrench(lang) {
		return l
	}
	for i := range l {
		if l[i].En != "" {
			l[i].Message = l[i].En
		}
	}
	return l
}

// Sort orders findings by file, line, column, then rule and message, so the
// output never depends on the order checks ran in.
func (l Diagnostics) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// Count returns how many findings have the given severity.
func (l Diagnostics) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any finding is an error.
func (l Diagnostics) HasErrors() bool { return l.Count(Error) > 0 }

// Summary is the one-line summary printed after the findings.
func (l Diagnostics) Summary(files int) string {
	e, w := l.Count(Error), l.Count(Warning)
	return fmt.Sprintf("%d %s, %d %s, %d %s", files, plural(files, "file", "files"),
		e, plural(e, "error", "errors"), w, plural(w, "warning", "warnings"))
}

// SummaryIn is Summary in the language of the messages: in French (lang
// "fr…" or empty) « 612 fichiers, 0 erreur, 3 avertissements », 0 and 1
// singular as French has them. Notes (Info), when there are any, are
// counted last.
func (l Diagnostics) SummaryIn(lang string, files int) string {
	if !IsFrench(lang) {
		s := l.Summary(files)
		if n := l.Count(Info); n > 0 {
			s += fmt.Sprintf(", %d %s", n, plural(n, "note", "notes"))
		}
		return s
	}
	fr := func(n int, one, many string) string {
		if n < 2 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	s := fr(files, "fichier", "fichiers") + ", " + fr(l.Count(Error), "erreur", "erreurs") + ", " + fr(l.Count(Warning), "avertissement", "avertissements")
	if n := l.Count(Info); n > 0 {
		s += ", " + fr(n, "remarque", "remarques")
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ForFiles keeps the findings about the given files only.
func (l Diagnostics) ForFiles(files map[string]bool) Diagnostics {
	var out Diagnostics
	for _, d := range l {
		if files[d.File] {
			out = append(out, d)
		}
	}
	return out
}

// Text renders the findings, one per line, in the classic compiler format.
func (l Diagnostics) Text() string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}
