package layout

import (
	"embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Hyphenator finds where a word may be hyphenated.
type Hyphenator interface {
	// Points returns the rune offsets i (ascending) such that the word may
	// be broken before its i-th rune, a hyphen being added at the line end.
	Points(word string) []int
}

// French returns the French hyphenator: Liang's algorithm with TeX's
// hyph-fr patterns, at least 2 letters before a break and 3 after, no
// exceptions.
func French() Hyphenator { return defaultFrench() }

// Liang hyphenates with Liang's algorithm over TeX patterns (hyph-fr).
//
// A word is first cut at apostrophes (' and ’) and hard hyphens (-, ‐);
// each letter run between them is hyphenated on its own, never right next
// to the apostrophe or the hyphen. A word is never hyphenated when it
// contains a digit, '@', '/', '#', '_', "://" or an inner dot (URLs, mail
// addresses, handles, numbers), nor when all its letters are capitals.
// Runs shorter than MinLength letters are left whole.
type Liang struct {
	// LeftMin and RightMin are TeX's \lefthyphenmin and \righthyphenmin:
	// the fewest letters before and after a break. LeftMin = 2 allows
	// "ty-pographie" and forbids "t-ypographie" (no off-by-one).
	LeftMin, RightMin int
	// MinLength is the shortest letter run that may be hyphenated.
	MinLength int

	pats       *patterns
	exceptions map[string][]int // lowercase NFC word -> letter offsets; empty slice: never
}

// frenchOnce holds the parsed default patterns; they are immutable once
// parsed and shared by every Liang value.
var frenchOnce = sync.OnceValue(func() *patterns { return parsePatterns(hyphFrTeX) })

func defaultFrench() *Liang {
	return &Liang{LeftMin: 2, RightMin: 3, MinLength: 5, pats: frenchOnce()}
}

// A language's patterns: its hyph-utf8 file, parsed the first time a book
// in that language is set (a book loads only the patterns it uses), with
// the file's own exception list and hyphenmins.
type language struct {
	file string
	once func() *parsed
}

type parsed struct {
	pats        *patterns
	exceptions  map[string][]int
	left, right int
}

//go:embed patterns/*.tex
var patternFiles embed.FS

var languages = func() map[string]*language {
	m := map[string]*language{}
	for tag, file := range map[string]string{
		"en-us": "hyph-en-us.tex", "en-gb": "hyph-en-gb.tex", "de": "hyph-de-1996.tex",
		"es": "hyph-es.tex", "it": "hyph-it.tex", "pt": "hyph-pt.tex", "nl": "hyph-nl.tex",
	} {
		l := &language{file: file}
		l.once = sync.OnceValue(func() *parsed {
			src, err := patternFiles.ReadFile("patterns/" + l.file)
			if err != nil {
				panic(err) // embedded: cannot happen
			}
			return parseLanguage(string(src))
		})
		m[tag] = l
	}
	return m
}()

// ForLanguage returns the hyphenator of a BCP 47 tag with TeX's patterns
// for that language and its minimums (en: 2 letters before a break and 3
// after, de: 2 and 2...), and the book's exceptions; false when recueil
// has no patterns for the language. French is NewHyphenator's. English is
// American unless the region is GB, IE, AU, NZ, ZA or IN; every German
// uses the 1996 spelling's patterns.
func ForLanguage(tag string, exceptions []string) (*Liang, bool, error) {
	base, region, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(tag, "_", "-")), "-")
	region, _, _ = strings.Cut(region, "-")
	key := base
	switch base {
	case "fr":
		h, err := NewHyphenator(exceptions)
		return h, true, err
	case "en":
		key = "en-us"
		switch region {
		case "gb", "ie", "au", "nz", "za", "in":
			key = "en-gb"
		}
	}
	l, ok := languages[key]
	if !ok {
		return nil, false, nil
	}
	p := l.once()
	h := &Liang{LeftMin: p.left, RightMin: p.right, MinLength: p.left + p.right, pats: p.pats,
		exceptions: make(map[string][]int, len(p.exceptions)+len(exceptions))}
	for w, pts := range p.exceptions {
		h.exceptions[w] = pts
	}
	var errs []error
	for _, e := range exceptions {
		word, pts, err := parseException(e)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		h.exceptions[word] = pts
	}
	return h, true, errors.Join(errs...)
}

// parseLanguage reads a hyph-utf8 file: its patterns, its \hyphenation
// list and the typesetting hyphenmins of its header (2 and 3 when the
// header gives none).
func parseLanguage(src string) *parsed {
	p := &parsed{pats: parsePatterns(src), exceptions: map[string][]int{}, left: 2, right: 3}
	section := "" // within hyphenmins: "generation" or "typesetting"
	inMins := false
	for line := range strings.Lines(src) {
		if !strings.HasPrefix(line, "%") {
			break // the header is the leading comment
		}
		f := strings.Fields(strings.TrimPrefix(line, "%"))
		switch {
		case len(f) == 1 && f[0] == "hyphenmins:":
			inMins, section = true, "typesetting" // values directly under it are typesetting's
		case inMins && len(f) == 1 && (f[0] == "generation:" || f[0] == "typesetting:"):
			section = strings.TrimSuffix(f[0], ":")
		case inMins && len(f) == 2 && (f[0] == "left:" || f[0] == "right:"):
			if n, err := strconv.Atoi(f[1]); err == nil && n >= 1 && n <= 5 && section == "typesetting" {
				if f[0] == "left:" {
					p.left = n
				} else {
					p.right = n
				}
			}
		case inMins:
			inMins = false
		}
	}
	if i := strings.Index(src, `\hyphenation{`); i >= 0 {
		rest := src[i+len(`\hyphenation{`):]
		for line := range strings.Lines(rest) {
			if k := strings.IndexByte(line, '%'); k >= 0 {
				line = line[:k]
			}
			end := strings.IndexByte(line, '}')
			if end >= 0 {
				line = line[:end]
			}
			for _, w := range strings.Fields(line) {
				if word, pts, err := parseException(w); err == nil {
					p.exceptions[word] = pts
				}
			}
			if end >= 0 {
				break
			}
		}
	}
	return p
}

// NewHyphenator returns the French hyphenator with book.yaml's exception
// list (book.Book.Hyphenation): "re-cueil" allows exactly the breaks
// marked by hyphens ("re-cueil" -> recueil may break only after "re"); an
// entry without a hyphen ("recueil") forbids hyphenating that word.
// Entries are matched case-insensitively against each letter run (parts
// between apostrophes and hard hyphens). LeftMin and RightMin still apply.
//
// A malformed entry (empty, or with a character other than letters and
// inner hyphens) is reported in the error, which joins one error per bad
// entry; the hyphenator returned is always usable and applies the valid
// entries.
func NewHyphenator(exceptions []string) (*Liang, error) {
	h := defaultFrench()
	h.exceptions = make(map[string][]int, len(exceptions))
	var errs []error
	for _, e := range exceptions {
		word, pts, err := parseException(e)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		h.exceptions[word] = pts
	}
	return h, errors.Join(errs...)
}

// ExceptionError is a hyphenation exception that cannot be read, said in
// French (Error) and in English.
type ExceptionError struct{ Fr, En string }

func (e *ExceptionError) Error() string { return e.Fr }

func parseException(e string) (string, []int, error) {
	s := norm.NFC.String(strings.TrimSpace(e))
	if s == "" {
		return "", nil, &ExceptionError{"césure : exception vide", "hyphenation: empty exception"}
	}
	var b strings.Builder
	pts := []int{} // non-nil: an entry without hyphen forbids every break
	n := 0
	prevHyphen := true
	for _, r := range s {
		if r == '-' || r == '‐' {
			if prevHyphen {
				return "", nil, &ExceptionError{fmt.Sprintf("césure : exception %q mal formée (trait d’union au début ou doublé)", e), fmt.Sprintf("hyphenation: exception %q is badly formed (a hyphen at the start or doubled)", e)}
			}
			pts = append(pts, n)
			prevHyphen = true
			continue
		}
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return "", nil, &ExceptionError{fmt.Sprintf("césure : exception %q : seules les lettres et les traits d’union sont permis", e), fmt.Sprintf("hyphenation: exception %q: only letters and hyphens are allowed", e)}
		}
		if !unicode.Is(unicode.Mn, r) {
			n++
		}
		b.WriteRune(unicode.ToLower(r))
		prevHyphen = false
	}
	if prevHyphen {
		return "", nil, &ExceptionError{fmt.Sprintf("césure : exception %q mal formée (trait d’union à la fin)", e), fmt.Sprintf("hyphenation: exception %q is badly formed (a hyphen at the end)", e)}
	}
	return b.String(), pts, nil
}

// Points returns the rune offsets of word before which it may be broken.
// Leading and trailing punctuation (« ( , . …) is allowed and skipped.
func (h *Liang) Points(word string) []int {
	if !hyphenable(word) {
		return nil
	}
	// Letters: each letter is a base rune and its combining marks; runes
	// holds the rune offset of each letter in word.
	var out []int
	var run []string // the current letter run, one NFC string per letter
	var runAt []int  // rune offset of each letter of run
	flush := func() {
		if len(run) > 0 {
			for _, p := range h.runPoints(run) {
				out = append(out, runAt[p])
			}
		}
		run, runAt = run[:0], runAt[:0]
	}
	ri := 0
	for bi := 0; bi < len(word); {
		r, size := utf8.DecodeRuneInString(word[bi:])
		if unicode.IsLetter(r) {
			// gather the combining marks that follow
			end := bi + size
			extra := 0
			for end < len(word) {
				m, ms := utf8.DecodeRuneInString(word[end:])
				if !unicode.Is(unicode.Mn, m) {
					break
				}
				end += ms
				extra++
			}
			letter := word[bi:end]
			if extra > 0 {
				letter = norm.NFC.String(letter)
			}
			run = append(run, letter)
			runAt = append(runAt, ri)
			ri += 1 + extra
			bi = end
			continue
		}
		flush() // apostrophe, hyphen, punctuation: ends the letter run
		ri++
		bi += size
	}
	flush()
	return out
}

// Hyphenate returns word with a hyphen at every break point, for tests and
// diagnostics: "ty-po-gra-phie".
func (h *Liang) Hyphenate(word string) string {
	return markPoints(word, h.Points(word), "-")
}

func markPoints(word string, pts []int, mark string) string {
	var b strings.Builder
	i := 0
	for _, r := range word {
		if len(pts) > 0 && pts[0] == i {
			b.WriteString(mark)
			pts = pts[1:]
		}
		b.WriteRune(r)
		i++
	}
	return b.String()
}

// hyphenable reports whether word may be hyphenated at all.
func hyphenable(word string) bool {
	if strings.ContainsAny(word, "@/#_\\") || strings.Contains(word, "://") {
		return false
	}
	letters, upper := 0, 0
	prevLetter := false
	for i, r := range word {
		switch {
		case unicode.IsDigit(r):
			return false
		case r == '.' && prevLetter:
			// an inner dot followed by a letter: example.org, M.Dupont
			if next, _ := utf8.DecodeRuneInString(word[i+1:]); unicode.IsLetter(next) {
				return false
			}
		}
		prevLetter = unicode.IsLetter(r)
		if prevLetter {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters > 1 && upper == letters {
		return false // UNESCO, SNCF
	}
	return true
}

// runPoints hyphenates one letter run (letters as NFC strings) and returns
// letter offsets.
func (h *Liang) runPoints(run []string) []int {
	n := len(run)
	minLen := max(h.MinLength, 1)
	if n < minLen {
		return nil
	}
	var lower strings.Builder
	for _, l := range run {
		lower.WriteString(strings.ToLower(l))
	}
	lw := lower.String()
	if h.exceptions != nil {
		if pts, ok := h.exceptions[lw]; ok {
			var out []int
			for _, p := range pts {
				if p >= h.LeftMin && n-p >= h.RightMin {
					out = append(out, p)
				}
			}
			return out
		}
	}
	if h.pats == nil {
		return nil
	}
	// ".word." as runes; letters are single runes once lowercased and NFC
	// composed, except for rare letters with no precomposed form, which
	// simply match no pattern.
	w := make([]rune, 0, n+2)
	w = append(w, '.')
	for _, l := range run {
		r, size := utf8.DecodeRuneInString(strings.ToLower(l))
		if size != len(strings.ToLower(l)) {
			r = unicode.ReplacementChar
		}
		if r == '’' {
			r = '\''
		}
		w = append(w, r)
	}
	w = append(w, '.')
	vals := make([]uint8, len(w)+1) // vals[k]: value before w[k]
	h.pats.apply(w, vals)
	var out []int
	// letter offset p (break before letter p) is before w[p+1]
	for p := max(h.LeftMin, 1); p <= n-max(h.RightMin, 1); p++ {
		if vals[p+1]%2 == 1 {
			out = append(out, p)
		}
	}
	return out
}

//go:embed patterns/hyph-fr.tex
var hyphFrTeX string

// patterns is a trie of Liang patterns.
type patterns struct {
	nodes []trieNode
}

type trieNode struct {
	edges  []trieEdge // sorted by rune
	values []uint8    // nil unless a pattern ends here; len = pattern letters + 1
}

type trieEdge struct {
	r    rune
	next int32
}

func (t *patterns) child(n int32, r rune) int32 {
	e := t.nodes[n].edges
	lo, hi := 0, len(e)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case e[m].r == r:
			return e[m].next
		case e[m].r < r:
			lo = m + 1
		default:
			hi = m
		}
	}
	return -1
}

func (t *patterns) insert(letters []rune, values []uint8) {
	n := int32(0)
	for _, r := range letters {
		c := t.child(n, r)
		if c < 0 {
			c = int32(len(t.nodes))
			t.nodes = append(t.nodes, trieNode{})
			e := t.nodes[n].edges
			i := len(e)
			for i > 0 && e[i-1].r > r {
				i--
			}
			e = append(e, trieEdge{})
			copy(e[i+1:], e[i:])
			e[i] = trieEdge{r, c}
			t.nodes[n].edges = e
		}
		n = c
	}
	t.nodes[n].values = values
}

// apply sets vals[k] to the highest value any pattern puts before w[k].
func (t *patterns) apply(w []rune, vals []uint8) {
	for i := range w {
		n := int32(0)
		for j := i; j < len(w); j++ {
			n = t.child(n, w[j])
			if n < 0 {
				break
			}
			for k, v := range t.nodes[n].values {
				if v > vals[i+k] {
					vals[i+k] = v
				}
			}
		}
	}
}

// parsePatterns reads the \patterns{…} block of a hyph-utf8 .tex file
// (comments after %, patterns separated by white space).
func parsePatterns(src string) *patterns {
	t := &patterns{nodes: []trieNode{{}}}
	in := false
	for line := range strings.Lines(src) {
		if i := strings.IndexByte(line, '%'); i >= 0 {
			line = line[:i]
		}
		if !in {
			i := strings.Index(line, `\patterns{`)
			if i < 0 {
				continue
			}
			in = true
			line = line[i+len(`\patterns{`):]
		}
		done := false
		if i := strings.IndexByte(line, '}'); i >= 0 {
			line, done = line[:i], true
		}
		for _, p := range strings.Fields(line) {
			addPattern(t, p)
		}
		if done {
			break
		}
	}
	return t
}

func addPattern(t *patterns, p string) {
	var letters []rune
	values := []uint8{0}
	for _, r := range p {
		if r >= '0' && r <= '9' {
			values[len(values)-1] = uint8(r - '0')
			continue
		}
		if r == '’' {
			r = '\''
		}
		letters = append(letters, r)
		values = append(values, 0)
	}
	if len(letters) == 0 {
		return
	}
	allZero := true
	for _, v := range values {
		if v != 0 {
			allZero = false
		}
	}
	if allZero {
		return
	}
	t.insert(letters, values)
}
