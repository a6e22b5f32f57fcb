package typo

import (
	"slices"
	"strings"
	"unicode"

	"github.com/recueil/recueil/internal/book"
)

// The characters the policy puts in.
const (
	nbsp  = '\u00a0' // no-break space: before « : », between a number and its unit
	nnbsp = '\u202f' // narrow no-break space: before « ; ! ? », inside « », digit groups
)

// Rule codes. The ones reported in sources are listed by Rules; the
// number ones are applied to the output only.
const (
	RuleSpaceBeforePunct = "typo-space-before-punct"
	RuleGuillemets       = "typo-guillemets"
	RuleApostrophe       = "typo-apostrophe"
	RuleQuotes           = "typo-quotes"
	RuleEllipsis         = "typo-ellipsis"
	RuleDoubleSpace      = "typo-double-space"
	RuleSpaceBeforeComma = "typo-space-before-comma"
	// Pasted text: what a person should see, one finding each.
	RuleEnglishQuotes      = "typo-english-quotes"
	RuleReversedGuillemets = "typo-reversed-guillemets"
	RuleQuotedField        = "quoted-field"
	RuleInnerQuotes        = "typo-inner-quotes"
	// Spanish ¿ ¡ open their sentence: no space after them.
	RuleInvertedMarks = "typo-inverted-marks"

	ruleNumberSpace = "typo-number-space" // output only
	ruleDigitGroups = "typo-digit-groups" // output only
	ruleAbbrevSpace = "typo-abbrev-space" // output only
)

// edit replaces the runes [start,end) of the input with repl. An insertion
// has start == end. anchor is the input rune the new text belongs with (its
// span, when the input was made of spans).
type edit struct {
	start, end int
	repl       string
	rule       string
	anchor     int
	punct      rune // the punctuation the edit is about, for messages
	after      bool // RuleGuillemets: the space goes after «
	silent     bool // part of a change reported by another finding
	other      bool // RuleEnglishQuotes outside French: the language's marks, not « »
}

// policy says which rules apply.
type policy struct {
	fr     bool       // the French rules (spaces, guillemets, elision)
	source bool       // fixing a source file: only fixable rules, never across lines
	q      [2][2]rune // quotation marks, first and second level, opening and closing
	inv    bool       // ¿ ¡ (Spanish)
}

func withSource(p policy) policy { p.source = true; return p }

// policyOf is the policy of the book's typography t.
func policyOf(t book.Typography) policy {
	return policy{fr: t.French, q: t.Quotes, inv: t.Inverted}
}

// item is one rune of the text as the spacing pass sees it: after the
// character conversions (quotes, apostrophes, ellipsis) of the same pass.
type item struct {
	r      rune
	i      int // index in the input
	masked bool
	inner  bool // a « or » of an inner quotation, set as “ or ”
}

// analyze returns the edits that bring rs in line with the policy. Masked
// runes are never changed (code, URLs, markup), but their characters still
// count as context. resets lists input indexes where the quote nesting
// starts afresh (besides blank lines).
func analyze(rs []rune, mask []bool, p policy, resets []int) []edit {
	var edits []edit
	v := make([]rune, len(rs)) // converted characters
	copy(v, rs)
	del := make([]bool, len(rs))   // runes merged into a previous one (ellipsis)
	inner := make([]bool, len(rs)) // guillemets of an inner quotation turned into “ ”
	var stack []quote              // the quotations open at i
	ri := 0
	flip := -1 // the « of a reversed pair » … « found ahead, to turn into »
	for i := 0; i < len(rs); i++ {
		for ri < len(resets) && resets[ri] <= i {
			if resets[ri] == i {
				stack, flip = stack[:0], -1
			}
			ri++
		}
		if rs[i] == '\n' && blankLineAfter(rs, i) {
			stack, flip = stack[:0], -1
		}
		if mask[i] {
			continue
		}
		switch rs[i] {
		case '.':
			j := i
			for j < len(rs) && rs[j] == '.' && !mask[j] {
				j++
			}
			if j-i >= 3 {
				edits = append(edits, edit{start: i, end: j, repl: "…", rule: RuleEllipsis, anchor: i})
				v[i] = '…'
				for k := i + 1; k < j; k++ {
					del[k] = true
				}
			}
			i = j - 1
		case '"', '\'', '“', '”', p.q[0][0], p.q[0][1], p.q[1][0], p.q[1][1]:
			if !p.fr {
				stack = otherQuote(rs, v, del, i, p, stack, &edits)
				continue
			}
		}
		switch rs[i] {
		case '\'':
			if apostrophe(rs, i, p.fr) {
				v[i] = '’'
				edits = append(edits, edit{start: i, end: i + 1, repl: "’", rule: RuleApostrophe, anchor: i})
				continue
			}
			// A quotation typed between straight single quotes: 'mot'
			// after a blank opens, and the ' that follows a word closes
			// the quotation it opened.
			prev, next := prevContext(v, del, i), nextContext(rs, i)
			var q rune
			if n := len(stack); n > 0 && stack[n-1].open == '\'' && !isLetter(next) && closeContext(next) {
				q = closingOf(stack[n-1].as)
				stack = stack[:n-1]
			} else if openContext(prev) && prev != '\'' && prev != '’' && isLetter(next) {
				q = opening(stack)
				stack = append(stack, quote{open: '\'', as: q})
			}
			if q != 0 {
				v[i] = q
				edits = append(edits, edit{start: i, end: i + 1, repl: string(q), rule: RuleQuotes, anchor: i, punct: q})
			}
		case '"':
			if !p.fr {
				continue
			}
			prev, next := prevContext(v, del, i), nextContext(rs, i)
			o, c := openContext(prev), closeContext(next)
			var q rune
			switch {
			case i == flip: // it closes a quotation opened by a reversed »
				q, flip = '»', -1
			case o && !c:
				q = opening(stack)
			case !o && c:
				if !(isDigit(prev) && len(stack) == 0) { // 5'10" is a measure
					q = closing(stack)
				}
			case o && c:
				q = opening(stack)
				if len(stack) > 0 {
					q = closing(stack)
				}
			}
			if q != 0 {
				v[i] = q
				edits = append(edits, edit{start: i, end: i + 1, repl: string(q), rule: RuleQuotes, anchor: i, punct: q})
				stack = nest(stack, quote{open: q, as: q})
			}
		case '«':
			if !p.fr {
				continue
			}
			if i == flip {
				v[i] = '»'
				edits = append(edits, edit{start: i, end: i + 1, repl: "»", rule: RuleReversedGuillemets, anchor: i, punct: '»'})
				stack, flip = nest(stack, quote{open: '»', as: '»'}), -1
				continue
			}
			if p.source && len(stack) > 0 {
				// « inside « »: the inner quotation takes “ ”.
				v[i], inner[i] = '“', true
				edits = append(edits, edit{start: i, end: i + 1, repl: "“", rule: RuleInnerQuotes, anchor: i, punct: '“'})
				stack = append(stack, quote{open: '«', as: '“'})
				continue
			}
			stack = nest(stack, quote{open: '«', as: '«'})
		case '»':
			if !p.fr {
				continue
			}
			if j := reversedPair(rs, mask, i, stack); p.source && j > 0 {
				v[i] = '«'
				edits = append(edits, edit{start: i, end: i + 1, repl: "«", rule: RuleReversedGuillemets, anchor: i, punct: '«'})
				stack, flip = nest(stack, quote{open: '«', as: '«'}), j
				continue
			}
			if n := len(stack); n > 0 && stack[n-1].open == '«' && stack[n-1].as == '“' {
				v[i], inner[i] = '”', true
				edits = append(edits, edit{start: i, end: i + 1, repl: "”", rule: RuleInnerQuotes, anchor: i, punct: '”'})
				stack = stack[:n-1]
				continue
			}
			stack = nest(stack, quote{open: '»', as: '»'})
		case '“', '‘':
			if !p.fr {
				continue
			}
			prev := prevContext(v, del, i)
			if n := nextContext(rs, i); rs[i] == '‘' && !(openContext(prev) && (isLetter(n) || isDigit(n))) {
				continue // not an opening single quote
			}
			as := rs[i]
			if p.source && openContext(prev) {
				as = opening(stack) // « outside a quotation, “ inside
			}
			if as != rs[i] {
				v[i] = as
				edits = append(edits, edit{start: i, end: i + 1, repl: string(as), rule: RuleEnglishQuotes, anchor: i, punct: as})
			}
			stack = append(stack, quote{open: rs[i], as: as})
		case '”', '’':
			if !p.fr || len(stack) == 0 {
				continue
			}
			top := stack[len(stack)-1]
			want := map[rune]rune{'”': '“', '’': '‘'}[rs[i]]
			if top.open != want || (rs[i] == '’' && isLetter(at(rs, i+1))) {
				continue // an apostrophe, or a quote that closes nothing open
			}
			stack = stack[:len(stack)-1]
			if c := closingOf(top.as); c != rs[i] {
				v[i] = c
				edits = append(edits, edit{start: i, end: i + 1, repl: string(c), rule: RuleEnglishQuotes, anchor: i, punct: c})
			}
		}
	}
	items := make([]item, 0, len(rs))
	for i := range rs {
		if !del[i] {
			items = append(items, item{r: v[i], i: i, masked: mask[i], inner: inner[i]})
		}
	}
	removed := make([]bool, len(items)) // blanks the pass takes out
	isRun := func(it item) bool { return !it.masked && isSpace(it.r) }
	for k := 0; k < len(items); {
		if isRun(items[k]) {
			m := k
			for m < len(items) && isRun(items[m]) {
				m++
			}
			if e, ok := spacing(items, removed, k, m, p); ok {
				edits = append(edits, e)
				if e.repl == "" {
					for j := k; j < m; j++ {
						removed[j] = true
					}
				}
			}
			k = m
			continue
		}
		if k > 0 && !isRun(items[k-1]) {
			if e, ok := spacing(items, removed, k, k, p); ok {
				edits = append(edits, e)
			}
		}
		k++
	}
	return sortEdits(edits)
}

// quote is an open quotation: the mark typed, and the mark it is set as.
type quote struct{ open, as, close rune }

// nest updates the open quotations with the mark q: an opening mark opens
// one, a closing mark closes the last.
func nest(stack []quote, q quote) []quote {
	switch q.as {
	case '«', '“', '‘':
		return append(stack, q)
	}
	if len(stack) > 0 {
		return stack[:len(stack)-1]
	}
	return stack
}

// opening is the French opening mark at this depth: « outside any
// quotation, “ inside one (the inner pair is never a nested « »).
func opening(stack []quote) rune {
	if len(stack) > 0 {
		return '“'
	}
	return '«'
}

// closing is the closing mark of the innermost open quotation (» when
// none is open).
func closing(stack []quote) rune {
	if len(stack) > 0 {
		return closingOf(stack[len(stack)-1].as)
	}
	return '»'
}

func closingOf(open rune) rune {
	switch open {
	case '“':
		return '”'
	case '‘':
		return '’'
	}
	return '»'
}

// reversedPair finds, for the » at i typed where a quotation opens (after
// a blank, before a word) outside any quotation, the « that closes it the
// wrong way round in the same paragraph (after a word, before a blank or
// punctuation): » … « typed for « … ». It returns the index of that «, or
// -1. Only what is not a blank decides, so that the spaces a first fix
// puts in do not change the answer.
func reversedPair(rs []rune, mask []bool, i int, stack []quote) int {
	// Typed where a quotation opens: after an ordinary blank, a bracket or
	// at the start (not after a no-break space, which the policy puts
	// before a closing »).
	if prev := at(rs, i-1); len(stack) > 0 || !(prev == 0 || prev == ' ' || prev == '\t' || prev == '\n' || prev == '(' || prev == '[') {
		return -1
	}
	k := i + 1
	for k < len(rs) && (rs[k] == ' ' || rs[k] == nbsp || rs[k] == nnbsp) {
		k++
	}
	if n := at(rs, k); !isLetter(n) && !isDigit(n) && !isEmphasis(n) {
		return -1
	}
	for j := i + 1; j < len(rs); j++ {
		if mask[j] {
			continue
		}
		switch rs[j] {
		case '\n':
			if blankLineAfter(rs, j) {
				return -1
			}
		case '»', '“', '”':
			return -1
		case '«', '"': // a straight quote there would be read as this «
			if !openContext(prevSolid(rs, j)) { // after a word: it closes

				return j
			}
			return -1
		}
	}
	return -1
}

// prevSolid is the character before i, blanks skipped.
func prevSolid(rs []rune, i int) rune {
	for j := i - 1; j >= 0; j-- {
		if !isSpace(rs[j]) {
			return rs[j]
		}
	}
	return 0
}

// blankLineAfter reports whether the newline at i is followed by a line
// made only of blanks (a paragraph break).
func blankLineAfter(rs []rune, i int) bool {
	for j := i + 1; j < len(rs); j++ {
		switch rs[j] {
		case ' ', '\t', '\r':
			continue
		case '\n':
			return true
		}
		return false
	}
	return false
}

// apostrophe reports whether the straight quote at i is an apostrophe:
// between letters (aujourd'hui, it's) or, in French, after an elided word
// at the start of a word (l'« école », qu'`x`).
func apostrophe(rs []rune, i int, fr bool) bool {
	prev, next := at(rs, i-1), at(rs, i+1)
	if isLetter(prev) && isLetter(next) {
		return true
	}
	if !fr || !(isLetter(next) || isDigit(next) || strings.ContainsRune("«\"“‘*_~[(`", next)) {
		return false
	}
	switch unicode.ToLower(prev) {
	case 'l', 'd', 'j', 'n', 's', 'c', 't', 'm':
		return !isLetter(at(rs, i-2))
	case 'u':
		return unicode.ToLower(at(rs, i-2)) == 'q' && !isLetter(at(rs, i-3))
	}
	return false
}

func at(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}

// prevContext is the converted character before i, looking through
// emphasis markers; 0 at the start.
func prevContext(v []rune, del []bool, i int) rune {
	for j := i - 1; j >= 0; j-- {
		if del[j] {
			continue
		}
		if isEmphasis(v[j]) {
			continue
		}
		return v[j]
	}
	return 0
}

// nextContext is the character after i, looking through emphasis markers.
func nextContext(rs []rune, i int) rune {
	for j := i + 1; j < len(rs); j++ {
		if isEmphasis(rs[j]) {
			continue
		}
		return rs[j]
	}
	return 0
}

func isEmphasis(r rune) bool { return r == '*' || r == '_' || r == '~' }

// openContext: a double quote after this opens a quotation.
func openContext(r rune) bool {
	return r == 0 || isSpace(r) || strings.ContainsRune("([{<«‹“‘—–-/:;,'’", r)
}

// closeContext: a double quote before this closes a quotation. A straight
// double quote and both guillemets are in the set so that the class of a
// following quote does not change once it is converted.
func closeContext(r rune) bool {
	return r == 0 || isSpace(r) || strings.ContainsRune(".…,;:!?)]}>»«›”’'\"-—–/", r)
}

// spacing decides the content of the blank between items[k-1] and
// items[m]: the run items[k:m] of unmasked spaces (empty when k == m).
func spacing(items []item, removed []bool, k, m int, p policy) (edit, bool) {
	var P, N *item
	if k > 0 {
		P = &items[k-1]
	}
	if m < len(items) {
		N = &items[m]
	}
	run := items[k:m]
	empty := len(run) == 0
	nl := 0
	for _, it := range run {
		if it.r == '\n' {
			nl++
		}
	}
	if nl >= 2 || (p.source && hasNewline(run)) {
		return edit{}, false // a paragraph break, or a line end in a source
	}
	if !p.fr {
		return spacingOther(items, removed, k, m, p, P, N, run)
	}
	pOpen := P != nil && !P.masked
	nOpen := N != nil && !N.masked
	want, rule := "", ""
	var punct rune
	after := false
	anchor := -1
	switch {
	case !empty && p.source && ((pOpen && P.inner && P.r == '“') || (nOpen && N.inner && N.r == '”')) && !hasNewline(run):
		want, rule = "", RuleInnerQuotes // no space inside “ ”
	case pOpen && P.r == '«' && N != nil && (!empty || !isSpace(N.r)) && (!empty || emphasisAfterOK(items, m, p)):
		want, rule, after, punct, anchor = string(nnbsp), RuleGuillemets, true, '«', P.i
	case nOpen && N.r == '»' && P != nil && !isSpace(P.r) && (!empty || emphasisBeforeOK(items, k-1, p)):
		want, rule, punct, anchor = string(nnbsp), RuleGuillemets, '»', N.i
	case nOpen && strings.ContainsRune(";:!?", N.r) && punctInProse(items, m) && P != nil && !isSpace(P.r) &&
		!(isBang(N.r) && isBang(P.r)) && (!empty || wordish(P.r)) &&
		(!empty || emphasisBeforeOK(items, k-1, p)):
		want, rule, punct, anchor = string(nnbsp), RuleSpaceBeforePunct, N.r, N.i
		if N.r == ':' {
			want = string(nbsp)
		}
	case !empty && nOpen && (N.r == ',' || N.r == '.') && P != nil && wordish(P.r) && emphasisBeforeOK(items, k-1, p) && commaInProse(items, m):
		want, rule, punct = "", RuleSpaceBeforeComma, N.r
	case !empty && !p.source && pOpen && nOpen:
		want, rule = numberSpace(items, removed, k, m)
	}
	if rule == "" {
		// Doubled spaces become one.
		if len(run) < 2 {
			return edit{}, false
		}
		if p.source && (P == nil || N == nil || isSpace(P.r) || isSpace(N.r)) {
			return edit{}, false // indentation, or spaces before a line end (a hard break)
		}
		want, rule = collapse(run), RuleDoubleSpace
	}
	if empty {
		if want == "" {
			return edit{}, false
		}
		if anchor < 0 {
			anchor = N.i
		}
		return edit{start: N.i, end: N.i, repl: want, rule: rule, anchor: anchor, punct: punct, after: after}, true
	}
	if sameRunes(run, want) {
		return edit{}, false
	}
	return edit{start: run[0].i, end: run[len(run)-1].i + 1, repl: want, rule: rule, anchor: run[0].i, punct: punct, after: after}, true
}

// emphasisBeforeOK reports whether a blank may be put in, or taken out,
// right after items[j], in a Markdown source. Next to a run of * or _ that
// could change whether the run opens or closes an emphasis (CommonMark's
// flanking rules). The run keeps its role when it follows a letter or a
// digit: it is right-flanking only, before and after the change.
func emphasisBeforeOK(items []item, j int, p policy) bool {
	if !p.source || j < 0 || !isEmphasis(items[j].r) {
		return true
	}
	for ; j >= 0 && isEmphasis(items[j].r); j-- {
	}
	return j >= 0 && (isLetter(items[j].r) || isDigit(items[j].r))
}

// emphasisAfterOK is emphasisBeforeOK for a blank put in right before the
// run starting at items[j]: safe when the run is followed by a letter or a
// digit (left-flanking only, before and after).
func emphasisAfterOK(items []item, j int, p policy) bool {
	if !p.source || j >= len(items) || !isEmphasis(items[j].r) {
		return true
	}
	for ; j < len(items) && isEmphasis(items[j].r); j++ {
	}
	return j < len(items) && (isLetter(items[j].r) || isDigit(items[j].r))
}

// sameRunes reports whether the run reads want.
func sameRunes(run []item, want string) bool {
	k := 0
	for _, r := range want {
		if k >= len(run) || run[k].r != r {
			return false
		}
		k++
	}
	return k == len(run)
}

func hasNewline(run []item) bool {
	for _, it := range run {
		if it.r == '\n' || it.r == '\r' {
			return true
		}
	}
	return false
}

func isBang(r rune) bool { return r == '!' || r == '?' }

// wordish: a character a « ; : ! ? » may directly follow in prose.
func wordish(r rune) bool {
	return isLetter(r) || isDigit(r) || strings.ContainsRune("»\"”’')]}*_~…%‰€$£°>`", r)
}

// punctInProse reports whether the « ; : ! ? » at items[m] is prose
// punctuation, judging by what follows: not 12:30, a?b=c, C:\, :) or !=.
func punctInProse(items []item, m int) bool {
	if m+1 >= len(items) {
		return true
	}
	n := items[m+1].r
	if isSpace(n) {
		return true
	}
	if isBang(items[m].r) {
		return strings.ContainsRune("»\"”’')]}*_~.,…?!:;`<", n)
	}
	return strings.ContainsRune("«»\"“”‘’'*_~[`", n)
}

// commaInProse: the « , » or « . » at items[m] ends a word (not .net, 3,5).
func commaInProse(items []item, m int) bool {
	if m+1 >= len(items) {
		return true
	}
	n := items[m+1].r
	return isSpace(n) || strings.ContainsRune("»\"”’')]}*_~", n)
}

// collapse returns the one character a run of several blanks becomes.
func collapse(run []item) string {
	nl := false
	for _, it := range run {
		if it.r == '\n' {
			nl = true
		}
	}
	if nl {
		return "\n"
	}
	for _, it := range run {
		if it.r == ' ' || it.r == '\t' {
			return " "
		}
	}
	return string(run[0].r)
}

// Abbreviations that stay with what follows: a number, or a name.
var (
	numberAbbrevs = []string{"p.", "pp.", "art.", "vol.", "chap.", "fig.", "n°", "N°"}
	nameAbbrevs   = []string{"M.", "MM.", "Mme", "Mme.", "Mlle", "Mlle.", "Dr", "Dr."}
)

// numberSpace decides the output-only no-break spaces around numbers: digit
// groups (500 000), a number and its unit or the word after it (500 vues,
// 12 %), an abbreviation and what it announces (p. 42, M. Dupont).
func numberSpace(items []item, removed []bool, k, m int) (string, string) {
	P, N := items[k-1], items[m]
	if isDigit(P.r) && isDigit(N.r) {
		g := 0
		j := k - 1
		for ; j >= 0 && !items[j].masked && isDigit(items[j].r); j-- {
			g++
		}
		if g > 3 || (j >= 0 && (isLetter(items[j].r) || items[j].masked)) {
			return "", ""
		}
		h := 0
		j = m
		for ; j < len(items) && !items[j].masked && isDigit(items[j].r); j++ {
			h++
		}
		if h != 3 || (j < len(items) && (isLetter(items[j].r) || items[j].masked)) {
			return "", ""
		}
		return string(nnbsp), ruleDigitGroups
	}
	if isDigit(P.r) && (isLetter(N.r) || strings.ContainsRune("%‰€$£°", N.r)) {
		j := k - 1
		for ; j >= 0 && !items[j].masked && (isDigit(items[j].r) || items[j].r == ',' || items[j].r == '.'); j-- {
		}
		if j >= 0 && (isLetter(items[j].r) || items[j].masked) {
			return "", "" // COVID19, not a number
		}
		return string(nbsp), ruleNumberSpace
	}
	// The word before the blank.
	j := k - 1
	for ; j >= 0 && !items[j].masked && (removed[j] || isLetter(items[j].r) || items[j].r == '.' || items[j].r == '°'); j-- {
	}
	if j >= 0 && (isDigit(items[j].r) || items[j].masked) {
		return "", ""
	}
	word := items[j+1 : k]
	if k-(j+1) > 6 {
		return "", "" // longer than any abbreviation (blanks taken out aside)
	}
	if isDigit(N.r) && matchWord(word, removed[j+1:k], numberAbbrevs) || unicode.IsUpper(N.r) && matchWord(word, removed[j+1:k], nameAbbrevs) {
		return string(nbsp), ruleAbbrevSpace
	}
	return "", ""
}

// matchWord reports whether the items (but the removed ones) spell one of
// the words of list.
func matchWord(word []item, removed []bool, list []string) bool {
next:
	for _, w := range list {
		k := 0
		for _, r := range w {
			for k < len(word) && removed[k] {
				k++
			}
			if k >= len(word) || word[k].r != r {
				continue next
			}
			k++
		}
		for k < len(word) && removed[k] {
			k++
		}
		if k == len(word) {
			return true
		}
	}
	return false
}

func isSpace(r rune) bool  { return unicode.IsSpace(r) }
func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }
func isDigit(r rune) bool  { return r >= '0' && r <= '9' }

// sortEdits orders edits by position; an insertion comes before a
// replacement starting at the same place.
func sortEdits(edits []edit) []edit {
	slices.SortStableFunc(edits, func(a, b edit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	return edits
}

// apply returns rs with the edits applied.
func apply(rs []rune, edits []edit) string {
	var b strings.Builder
	b.Grow(len(rs) + 8)
	pos := 0
	for _, e := range edits {
		for ; pos < e.start; pos++ {
			b.WriteRune(rs[pos])
		}
		b.WriteString(e.repl)
		pos = e.end
	}
	for ; pos < len(rs); pos++ {
		b.WriteRune(rs[pos])
	}
	return b.String()
}

// otherQuote handles, outside French, the quote or apostrophe at i: a
// straight " or ' in the text becomes the language's mark of its level
// (the first level outside any quotation, the second inside one, the first
// again inside that), and the language's own marks typed as they should be
// keep the nesting. It returns the quotations open after i.
func otherQuote(rs, v []rune, del []bool, i int, p policy, stack []quote, edits *[]edit) []quote {
	r := rs[i]
	prev, next := prevContext(v, del, i), nextContext(rs, i)
	open := func(typed rune) rune {
		l := len(stack) % 2
		stack = append(stack, quote{open: typed, as: p.q[l][0], close: p.q[l][1]})
		return p.q[l][0]
	}
	set := func(q rune, rule string) {
		v[i] = q
		*edits = append(*edits, edit{start: i, end: i + 1, repl: string(q), rule: rule, anchor: i, punct: q})
	}
	top := func() *quote {
		if len(stack) == 0 {
			return nil
		}
		return &stack[len(stack)-1]
	}
	switch r {
	case '"':
		o, c := openContext(prev), closeContext(next)
		switch {
		case o && !c, o && c && len(stack) == 0:
			set(open('"'), RuleQuotes)
		case c:
			if isDigit(prev) && len(stack) == 0 {
				return stack // 5'10" is a measure
			}
			q := p.q[0][1]
			if t := top(); t != nil {
				q = t.close
				stack = stack[:len(stack)-1]
			}
			set(q, RuleQuotes)
		}
		return stack
	case '\'':
		if isLetter(at(rs, i-1)) && isLetter(at(rs, i+1)) {
			set('’', RuleApostrophe) // it's, auto's, l'anno
			return stack
		}
		if t := top(); t != nil && t.open == '\'' && !isLetter(next) && closeContext(next) {
			stack = stack[:len(stack)-1]
			set(t.close, RuleQuotes)
			return stack
		}
		if openContext(prev) && isLetter(next) {
			set(open('\''), RuleQuotes)
			return stack
		}
		if isLetter(at(rs, i-1)) || (openContext(prev) && isDigit(next)) {
			set('’', RuleApostrophe) // the students' books, po', the '90s
		}
		return stack
	}
	// “ ” pasted into a text whose marks have no ” (German „ “ ‚ ‘,
	// chevrons, Swiss « » ‹ ›): in a source, each pair becomes the
	// language's marks of its level, a finding to look at.
	if p.source && !slices.Contains([]rune{p.q[0][0], p.q[0][1], p.q[1][0], p.q[1][1]}, '”') {
		t := top()
		if r == '”' && t != nil && t.open == '“' {
			stack = stack[:len(stack)-1]
			v[i] = t.close
			*edits = append(*edits, edit{start: i, end: i + 1, repl: string(t.close), rule: RuleEnglishQuotes, anchor: i, punct: t.close, other: true})
			return stack
		}
		if r == '“' && (t == nil || t.open == '“' || r != t.close) && openContext(prev) && (isLetter(next) || isDigit(next)) {
			q := open('“')
			v[i] = q
			*edits = append(*edits, edit{start: i, end: i + 1, repl: string(q), rule: RuleEnglishQuotes, anchor: i, punct: q, other: true})
			return stack
		}
	}
	// One of the language's own marks, typed.
	if t := top(); t != nil && r == t.close && !(r == '’' && isLetter(at(rs, i+1))) {
		return stack[:len(stack)-1]
	}
	for l := range p.q {
		if r == p.q[l][0] && p.q[l][0] != p.q[l][1] && (r != '‘' || (openContext(prev) && (isLetter(next) || isDigit(next)))) {
			if r == p.q[l][1] {
				break
			}
			return append(stack, quote{open: r, as: r, close: p.q[l][1]})
		}
	}
	return stack
}

// isGuillemet: a mark that takes no space inside it outside French (and a
// narrow one in French).
func isGuillemet(r rune) bool { return strings.ContainsRune("«»‹›", r) }

// spacingOther is spacing outside French: no space before ; : ! ?, none
// inside the language's guillemets, none after ¿ ¡, none before a comma or
// a full stop (the numbers' no-break spaces are French only); doubled spaces
// become one.
func spacingOther(items []item, removed []bool, k, m int, p policy, P, N *item, run []item) (edit, bool) {
	empty := len(run) == 0
	pOpen := P != nil && !P.masked
	nOpen := N != nil && !N.masked
	want, rule := "", ""
	var punct rune
	after := false
	if !empty {
		switch {
		case nOpen && strings.ContainsRune(";:!?", N.r) && punctInProse(items, m) && P != nil && !isSpace(P.r) &&
			(wordish(P.r) || P.r == p.q[0][1] || P.r == p.q[1][1]) && !(isBang(N.r) && isBang(P.r)) && emphasisBeforeOK(items, k-1, p):
			rule, punct = RuleSpaceBeforePunct, N.r
		case pOpen && (P.r == '¿' || P.r == '¡') && N != nil && !isSpace(N.r) && emphasisAfterOK(items, m, p):
			rule, punct, after = RuleInvertedMarks, P.r, true
		case pOpen && isGuillemet(P.r) && (P.r == p.q[0][0] || P.r == p.q[1][0]) && N != nil && !isSpace(N.r) && emphasisAfterOK(items, m, p):
			rule, punct, after = RuleGuillemets, P.r, true
		case nOpen && isGuillemet(N.r) && (N.r == p.q[0][1] || N.r == p.q[1][1]) && P != nil && !isSpace(P.r) && emphasisBeforeOK(items, k-1, p):
			rule, punct = RuleGuillemets, N.r
		case nOpen && (N.r == ',' || N.r == '.') && P != nil && wordish(P.r) && emphasisBeforeOK(items, k-1, p) && commaInProse(items, m):
			rule, punct = RuleSpaceBeforeComma, N.r
		}
	}
	if rule == "" {
		if len(run) < 2 {
			return edit{}, false
		}
		if p.source && (P == nil || N == nil || isSpace(P.r) || isSpace(N.r)) {
			return edit{}, false
		}
		want, rule = collapse(run), RuleDoubleSpace
	}
	if empty || sameRunes(run, want) {
		return edit{}, false
	}
	return edit{start: run[0].i, end: run[len(run)-1].i + 1, repl: want, rule: rule, anchor: run[0].i, punct: punct, after: after}, true
}
