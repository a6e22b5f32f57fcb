package typo

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/markdown"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"
)

// Finding is one place in a Markdown source that breaks the policy.
type Finding struct {
	Line, Col int    // 1-based, column in characters (runes), where the change starts
	Rule      string // stable kebab-case code, see Rules
	Message   string // French, for a non-programmer: what is wrong and how it will be fixed
	MessageEn string // the same in English
	Old       string // the text at Line:Col that is replaced (empty: Fix is inserted there)
	Fix       string // the replacement text
	// Manual is set when no safe fix exists: the contributor must change
	// the text by hand. Fix leaves such places (and does not return them).
	Manual bool
}

// Diagnostic turns the finding into the book's diagnostic for file, with
// the message in French, or in English when lang is not French (and the
// English in En, as every finding has: see book.Diagnostics.In).
func (f Finding) Diagnostic(file, lang string, sev book.Severity) book.Diagnostic {
	msg := f.Message
	if !French(lang) {
		msg = f.MessageEn
	}
	return book.Diagnostic{File: file, Pos: book.Pos{Line: f.Line, Col: f.Col}, Severity: sev, Rule: f.Rule, Message: msg, En: f.MessageEn}
}

// RuleDoc documents one rule for the rules document.
type RuleDoc struct {
	Code string
	Fr   string
	En   string
	// Auto is set for the rules that the PDF, the EPUB, the site and the
	// cards apply on their own (String and Spans): the book is right
	// whatever the source says, so check counts them in one line per file
	// instead of a finding each. The others change what the text says or
	// guess at what the contributor meant: each is a finding to look at.
	Auto bool
}

// Auto reports whether the outputs apply the rule of this code on their
// own (see RuleDoc.Auto).
func Auto(code string) bool {
	for _, r := range Rules() {
		if r.Code == code {
			return r.Auto
		}
	}
	return false
}

// Rules lists the rules Check reports, all fixable by Fix.
func Rules() []RuleDoc {
	return []RuleDoc{
		{RuleSpaceBeforePunct,
			"En français, une espace fine insécable (U+202F) précède « ; », « ! » et « ? », une espace insécable (U+00A0) précède « : » ; dans les autres langues, aucune espace ne les précède.",
			"In French, a narrow no-break space (U+202F) goes before ‘;’, ‘!’ and ‘?’, a no-break space (U+00A0) before ‘:’; in every other language, no space goes before them.", true},
		{RuleGuillemets,
			"En français, une espace fine insécable (U+202F) suit « et précède » ; dans les autres langues, aucune espace à l’intérieur des guillemets.",
			"In French, a narrow no-break space (U+202F) goes after « and before »; in every other language, no space goes inside the quotation marks.", true},
		{RuleQuotes,
			"Les guillemets droits \" et ' d’une citation deviennent les guillemets de la langue, premier et second niveau : « » et “ ” en français, “ ” et ‘ ’ en anglais américain, „ “ et ‚ ‘ en allemand…",
			"Straight quotes \" and ' around a quotation become the language’s marks, first and second level: « » and “ ” in French, “ ” and ‘ ’ in American English, „ “ and ‚ ‘ in German…", true},
		{RuleInvertedMarks,
			"En espagnol, « ¿ » et « ¡ » s’attachent au premier mot de leur phrase : aucune espace après eux.",
			"In Spanish, ‘¿’ and ‘¡’ stay with the first word of their sentence: no space after them.", true},
		{RuleApostrophe,
			"L’apostrophe droite ' devient l’apostrophe typographique ’.",
			"The straight apostrophe ' becomes the typographic apostrophe ’.", true},
		{RuleEllipsis,
			"Trois points ou plus deviennent le caractère points de suspension « … ».",
			"Three or more dots become the ellipsis character ‘…’.", true},
		{RuleDoubleSpace,
			"Plusieurs espaces à la suite, dans une ligne, n’en font qu’une.",
			"Several spaces in a row inside a line become one.", true},
		{RuleSpaceBeforeComma,
			"Pas d’espace avant une virgule ni avant un point.",
			"No space before a comma or a full stop.", true},
		{RuleEnglishQuotes,
			"Les guillemets anglais “ ” ou ‘ ’ (souvent collés depuis Word) deviennent des guillemets français « » ; à l’intérieur d’une citation, les guillemets de second niveau sont “ ”, jamais « » dans « ». Dans une langue dont les guillemets n’ont pas de ” (l’allemand : „ “ ‚ ‘), les “ ” collés deviennent ceux de la langue, à leur niveau.",
			"English quotes “ ” or ‘ ’ (often pasted from Word) become French guillemets « »; inside a quotation the inner pair is “ ”, never « » within « » (French). In a language whose marks have no ” (German „ “ ‚ ‘), pasted “ ” become the language's marks of their level.", false},
		{RuleReversedGuillemets,
			"Des guillemets tapés à l’envers (» … «) sont remis dans le bon sens (« … »).",
			"Guillemets typed the wrong way round (» … «) are turned the right way (« … ») (French).", false},
		{RuleInnerQuotes,
			"Une citation dans une citation prend les guillemets “ ”, sans espace : « … “ … ” … », jamais « » dans « ».",
			"A quotation inside a quotation takes “ ”, without spaces: « … “ … ” … », never « » within « » (French).", false},
		{RuleQuotedField,
			"Le nom, la fonction ou l’organisation est écrit entre guillemets dans l’en-tête : les guillemets seraient imprimés. `--fix` les retire quand la valeur YAML le permet sans risque ; sinon, retirez-les à la main.",
			"The name, role or organization is written between quotes in the front matter: the quotes would be printed. `--fix` removes them when the YAML value allows it safely; otherwise remove them by hand.", false},
	}
}

// Check returns the findings of a whole contribution file (front matter +
// Markdown body). Only prose is looked at: the values of title, extract,
// role and organization in the front matter, and the text of the body
// outside code, URLs, link targets and HTML.
func Check(lang string, src []byte) []Finding {
	_, fs := fixSource(book.ResolveLocale(lang).Typography, lang, src, false)
	return fs
}

// CheckIn is Check with the policy t for a text in lang (a book's
// TypographyOf(lang), with its house style).
func CheckIn(t book.Typography, lang string, src []byte) []Finding {
	_, fs := fixSource(t, lang, src, false)
	return fs
}

// FixIn is Fix with the policy t for a text in lang.
func FixIn(t book.Typography, lang string, src []byte) ([]byte, []Finding) {
	return fixSource(t, lang, src, true)
}

// Fix returns src with every safe fix applied, and the findings it fixed.
// Bytes outside the changed places are kept as they are (BOM, CRLF line
// ends, trailing spaces). Fixing a fixed file changes nothing.
func Fix(lang string, src []byte) ([]byte, []Finding) {
	return fixSource(book.ResolveLocale(lang).Typography, lang, src, true)
}

// proseKeys are the front-matter keys whose values are prose.
var proseKeys = []string{"title", "extract", "role", "organization"}

// source is a file decoded into runes, with the byte offset of each.
type source struct {
	src  []byte
	rs   []rune
	off  []int // off[i] = byte offset of rune i; off[len(rs)] = len(src)
	mask []bool
	bom  bool
}

func decode(src []byte) *source {
	n := utf8.RuneCount(src)
	s := &source{src: src, rs: make([]rune, 0, n), off: make([]int, 0, n+1), mask: make([]bool, 0, n)}
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRune(src[i:])
		s.rs = append(s.rs, r)
		s.off = append(s.off, i)
		// Invalid bytes are never touched.
		s.mask = append(s.mask, r == utf8.RuneError && w == 1)
		i += w
	}
	s.off = append(s.off, len(src))
	return s
}

// runeAt returns the index of the rune starting at byte offset b (or the
// first one after it).
func (s *source) runeAt(b int) int {
	lo, hi := 0, len(s.rs)
	for lo < hi {
		m := (lo + hi) / 2
		if s.off[m] < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// prose marks the bytes [b, e) as prose.
func (s *source) prose(b, e int, prose []bool) {
	for i := s.runeAt(b); i < len(s.rs) && s.off[i] < e; i++ {
		prose[i] = true
	}
}

func fixSource(t book.Typography, lang string, src []byte, fix bool) ([]byte, []Finding) {
	s := decode(src)
	prose := make([]bool, len(s.rs))
	start := 0
	if bytes.HasPrefix(src, []byte("\ufeff")) {
		start, s.bom = 3, true
	}
	fmStart, fmEnd, body := frontMatter(src, start)
	// The front matter and the body are each parsed once here; the
	// proofs that a fix is safe parse only the fixed versions.
	fm := parseMapping(src[fmStart:fmEnd])
	var values []valueRegion
	if fmEnd > fmStart {
		values = frontMatterValues(src, fmStart, fmEnd, fm)
		for _, v := range values {
			for _, r := range v.prose {
				s.prose(r[0], r[1], prose)
			}
		}
	}
	bodyRanges, shape := bodyProse(src[body:], lang)
	for _, r := range bodyRanges {
		s.prose(body+r[0], body+r[1], prose)
	}
	mask := make([]bool, len(s.rs))
	for i := range mask {
		mask[i] = s.mask[i] || !prose[i]
	}
	maskNonProse(s.rs, mask)
	// Backslash escapes in Markdown: \" is a wanted straight quote.
	for i := 0; i+1 < len(s.rs); i++ {
		if s.rs[i] == '\\' && prose[i] && i >= s.runeAt(body) {
			mask[i], mask[i+1] = true, true
			i++
		}
	}
	// What might be read as an HTML tag once its quotes change stays as it
	// is: from < and a letter (or / ! ?) to the next >.
	for i := 0; i+1 < len(s.rs); i++ {
		if n := s.rs[i+1]; s.rs[i] == '<' && (isASCIILetter(n) || n == '/' || n == '!' || n == '?') {
			j := i + 1
			for j < len(s.rs) && s.rs[j] != '>' {
				j++
			}
			if j < len(s.rs) {
				markRange(mask, i, j+1)
				i = j
			}
		}
	}
	quoted, wrapEdits := quotedFields(s, fmStart, fmEnd, fm)
	for _, e := range wrapEdits {
		markRange(mask, e.start, e.end)
	}
	resets := []int{s.runeAt(body)}
	for _, v := range values {
		resets = append(resets, s.runeAt(v.start))
	}
	sortInts(resets)
	edits := analyze(s.rs, mask, withSource(policyOf(t)), resets)

	// A front-matter value is changed only if the YAML still reads the
	// same, but for the fixed typography.
	bodyRune := s.runeAt(body)
	var kept []edit
	for _, v := range values {
		vs, ve := s.runeAt(v.start), s.runeAt(v.end)
		var ves []edit
		for _, e := range edits {
			if e.start >= vs && e.start < ve {
				ves = append(ves, e)
			}
		}
		if len(ves) == 0 {
			continue
		}
		fixed := s.applyBytes(ves)
		if d := len(fixed) - len(src); sameYAML(fm, fixed[fmStart:fmEnd+d], v.key) {
			kept = append(kept, ves...)
		}
	}
	var bodyEdits []edit
	for _, e := range edits {
		if e.start >= bodyRune {
			bodyEdits = append(bodyEdits, e)
		}
	}
	kept = append(kept, s.sameMarkdown(bodyEdits, body, shape)...)
	kept = append(kept, wrapEdits...)
	kept = sortEdits(kept)
	// The spaces inside guillemets that come from English quotes or
	// reversed ones go with that finding: alone, they would be counted
	// among what the outputs fix on their own, which they do not.
	conv := map[int]bool{}
	for _, e := range kept {
		if e.rule == RuleEnglishQuotes || e.rule == RuleReversedGuillemets || (e.rule == RuleInnerQuotes && e.repl != "") {
			conv[e.start] = true
		}
	}
	for i, e := range kept {
		if (e.rule == RuleGuillemets || (e.rule == RuleInnerQuotes && e.repl == "")) && (conv[e.anchor] || conv[e.start-1] || conv[e.end]) {
			kept[i].silent = true
		}
	}

	findings := make([]Finding, 0, len(kept)+len(quoted))
	line, col, ri := 1, 1, 0
	for _, e := range kept {
		for ; ri < e.start; ri++ {
			if s.rs[ri] == '\n' {
				line, col = line+1, 1
			} else if !(ri == 0 && s.bom) {
				col++
			}
		}
		if e.silent {
			continue
		}
		f := Finding{Line: line, Col: col, Rule: e.rule, Old: string(s.rs[e.start:e.end]), Fix: e.repl}
		f.Message, f.MessageEn = messages(e, f.Old)
		findings = append(findings, f)
	}
	for _, q := range quoted {
		if !fix || !q.Manual {
			findings = append(findings, q)
		}
	}
	if len(quoted) > 0 {
		slices.SortStableFunc(findings, func(a, b Finding) int {
			if a.Line != b.Line {
				return a.Line - b.Line
			}
			return a.Col - b.Col
		})
	}
	if !fix || len(kept) == 0 {
		return src, findings
	}
	return s.applyBytes(kept), findings
}

// quotedKeys are the front-matter keys whose value is printed as it is,
// where quotes around the whole value are a mistake (a name "between
// quotes" pasted from a form).
var quotedKeys = []string{"name", "role", "organization"}

// quotePairs are the quotation marks found around a whole value.
var quotePairs = map[rune]rune{'“': '”', '"': '"', '«': '»', '‘': '’', '\'': '\'', '„': '“', '”': '”', '»': '«'}

// quotedFields finds the values of name, role and organization written
// between quotes (“Jean Dupont”, '"Directrice"'), and the edits that take
// the quotes (and the blanks inside them) out, when the YAML value reads
// the same but for them. Without a safe edit the finding is still made.
func quotedFields(s *source, fs, fe int, m *yaml.Node) ([]Finding, []edit) {
	if fe <= fs || m == nil {
		return nil, nil
	}
	fmLine := bytes.Count(s.src[:fs], []byte("\n")) // lines before the front matter's first
	var found []Finding
	var edits []edit
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !slices.Contains(quotedKeys, k.Value) || v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
			continue
		}
		val := strings.TrimSpace(v.Value)
		rs := []rune(val)
		if len(rs) < 3 || quotePairs[rs[0]] != rs[len(rs)-1] {
			continue
		}
		inner := strings.TrimSpace(string(rs[1 : len(rs)-1]))
		if inner == "" || strings.ContainsRune(inner, rs[0]) || strings.ContainsRune(inner, rs[len(rs)-1]) {
			continue // "a" et "b": not one quotation around the value
		}
		f := Finding{Line: v.Line + fmLine, Col: v.Column, Rule: RuleQuotedField, Old: string(rs[0]), Fix: ""}
		f.Message = fmt.Sprintf("« %s » est écrit entre guillemets (%c…%c) : ils seraient imprimés tels quels. Retirez-les", k.Value, rs[0], rs[len(rs)-1])
		f.MessageEn = fmt.Sprintf("%q is written between quotes (%c…%c): they would be printed as they are. Remove them", k.Value, rs[0], rs[len(rs)-1])
		if es := unquoteEdits(s, fs, fe, m, v, k.Value, rs[0], rs[len(rs)-1], inner); es != nil {
			edits = append(edits, es...)
			f.Message += fixHint + "."
			f.MessageEn += fixHintEn + "."
		} else {
			f.Manual = true
			f.Message += " (à la main : recueil check --fix ne peut pas le faire sans risque ici)."
			f.MessageEn += " (by hand: recueil check --fix cannot do it safely here)."
		}
		found = append(found, f)
	}
	return found, edits
}

// unquoteEdits returns the edits that remove the quotes open and close
// around the single-line value v, or nil when the source cannot be
// changed safely (escapes, a value over several lines, a YAML that would
// read otherwise).
func unquoteEdits(s *source, fs, fe int, ma, v *yaml.Node, key string, open, close rune, inner string) []edit {
	// The line of the value, in runes.
	line := bytes.Count(s.src[:fs], []byte("\n")) + v.Line
	r := 0
	for l := 1; l < line && r < len(s.rs); r++ {
		if s.rs[r] == '\n' {
			l++
		}
	}
	start := r + v.Column - 1
	end := start
	for end < len(s.rs) && s.rs[end] != '\n' && s.rs[end] != '\r' {
		end++
	}
	if start >= end || start < 0 {
		return nil
	}
	seg := s.rs[start:end]
	if slices.Contains(seg, '\\') {
		return nil
	}
	// Where the quotes are in the source: right after the YAML quote, if
	// any, and before the matching one.
	b := 0
	var yq rune
	switch v.Style {
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		yq, b = seg[0], 1
	case 0:
	default:
		return nil
	}
	if yq == '\'' && (open == '\'' || close == '\'') {
		return nil // doubled '' quotes: left alone
	}
	for b < len(seg) && (seg[b] == ' ' || seg[b] == nbsp || seg[b] == nnbsp) {
		b++
	}
	if b >= len(seg) || seg[b] != open {
		return nil
	}
	ob := b
	for b++; b < len(seg) && isSpace(seg[b]); b++ {
	}
	oe := b // the opening quote and the blanks after it: [ob, oe)
	// The closing quote: the last one of the line before the YAML quote
	// or a comment.
	e := len(seg)
	if yq != 0 {
		e = slices.Index(seg[1:], yq) + 1
		if e <= 0 {
			return nil
		}
	} else if c := strings.Index(string(seg), " #"); c >= 0 {
		e = utf8.RuneCountInString(string(seg)[:c])
	}
	for e > oe && isSpace(seg[e-1]) {
		e--
	}
	if e <= oe || seg[e-1] != close {
		return nil
	}
	ce := e
	cb := e - 1
	for cb > oe && isSpace(seg[cb-1]) {
		cb--
	}
	es := []edit{
		{start: start + ob, end: start + oe, rule: RuleQuotedField, anchor: start + ob, silent: true},
		{start: start + cb, end: start + ce, rule: RuleQuotedField, anchor: start + cb, silent: true},
	}
	fixed := s.applyBytes(es)
	d := len(fixed) - len(s.src)
	mb := parseMapping(fixed[fs : fe+d])
	if mb == nil {
		return nil
	}
	if len(ma.Content) != len(mb.Content) {
		return nil
	}
	for i := 0; i+1 < len(ma.Content); i += 2 {
		if ma.Content[i].Value != mb.Content[i].Value {
			return nil
		}
		va, vb := ma.Content[i+1], mb.Content[i+1]
		if ma.Content[i].Value == key {
			if vb.Kind != yaml.ScalarNode || vb.Tag != "!!str" || strings.TrimSpace(vb.Value) != inner {
				return nil
			}
			continue
		}
		if !sameNode(va, vb) {
			return nil
		}
	}
	return es
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// applyBytes returns the source with the edits applied, every other byte
// kept.
func (s *source) applyBytes(edits []edit) []byte {
	out := make([]byte, 0, len(s.src)+8*len(edits))
	pos := 0
	for _, e := range edits {
		out = append(out, s.src[pos:s.off[e.start]]...)
		out = append(out, e.repl...)
		pos = s.off[e.end]
	}
	return append(out, s.src[pos:]...)
}

// frontMatter finds the YAML front matter (book.FrontMatter's policy):
// the content is src[fs:fe], the body starts at body; without a closed
// front matter, the body starts at start (after the BOM).
func frontMatter(src []byte, start int) (fs, fe, body int) {
	if s, e, b, _, closed := book.FrontMatter(src); closed {
		return s, e, b
	}
	return 0, 0, start
}

// sameMarkdown returns the edits of the body that keep its Markdown
// structure: a blank next to an emphasis marker may change what the marker
// means, and which marker opens or closes is only known to the parser. All
// the edits when they keep it (the usual case); else, groups of touching
// edits (a quote and the space after it) are kept one by one while the
// structure holds.
//
// origShape gives the original body's markdownShape (from bodyProse's parse).
func (s *source) sameMarkdown(edits []edit, body int, origShape func() string) []edit {
	if len(edits) == 0 {
		return nil
	}
	shape := origShape()
	ok := func(es []edit) bool {
		return len(es) == 0 || markdownShape(s.applyBytes(sortEdits(slices.Clone(es)))[body:]) == shape
	}
	if ok(edits) {
		return edits
	}
	var groups [][]edit
	for i, e := range edits {
		if i > 0 && e.start <= edits[i-1].end {
			groups[len(groups)-1] = append(groups[len(groups)-1], e)
			continue
		}
		groups = append(groups, []edit{e})
	}
	var kept []edit
	done := make([]bool, len(groups))
	for sweep := 0; sweep < 2; sweep++ {
		for i, g := range groups {
			if !done[i] && ok(append(slices.Clone(kept), g...)) {
				kept = append(kept, g...)
				done[i] = true
			}
		}
	}
	return sortEdits(kept)
}

// markdownShape is the Markdown tree of body without its text: the kinds
// of the nodes, the code and HTML they hold, the link targets.
func markdownShape(body []byte) string {
	return shapeOf(markdown.New().Parser().Parse(text.NewReader(body)), body)
}

// shapeOf is markdownShape of the tree doc parsed from body.
func shapeOf(doc ast.Node, body []byte) string {
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Kind() == ast.KindText {
			return ast.WalkContinue, nil
		}
		if !entering {
			b.WriteString(")")
			return ast.WalkContinue, nil
		}
		b.WriteString(n.Kind().String() + "(")
		switch n := n.(type) {
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Segment.Value(body))
				}
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			l := n.Lines()
			for i := 0; i < l.Len(); i++ {
				seg := l.At(i)
				b.Write(seg.Value(body))
			}
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				b.Write(seg.Value(body))
			}
		case *ast.AutoLink:
			b.Write(n.URL(body))
		case *ast.Link:
			b.Write(n.Destination)
			b.WriteByte(' ')
			b.Write(n.Title)
		case *ast.Image:
			b.Write(n.Destination)
		case *ast.Heading:
			b.WriteByte(byte('0' + n.Level))
		case *ast.List:
			b.WriteByte(n.Marker)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// bodyProse returns the byte ranges of the Markdown body that are prose:
// the text nodes outside code spans. Code blocks, HTML, autolinks, link
// destinations and titles, emphasis markers, list and quote markers,
// indentation and line ends are not.
//
// The text of a passage in another language ([text]{lang=en}) is not
// prose of the file's language: its policy is not that of the passage,
// which the outputs set in its own.
//
// It also returns the body's markdownShape, taken from the same parse when
// asked (sameMarkdown asks only when there are edits), or parsed again when
// the guard changed the body.
func bodyProse(body []byte, lang string) ([][2]int, func() string) {
	// The same guard as the loader's: a hostile nesting would make the
	// parser quadratic, and what it blanks (reported by the loader) is no
	// prose to fix.
	guarded, cuts := book.GuardNesting(body)
	doc := markdown.New().Parser().Parse(text.NewReader(guarded))
	shape := func() string {
		if len(cuts) == 0 {
			return shapeOf(doc, body)
		}
		return markdownShape(body)
	}
	cut := func(a, b int) bool {
		for _, c := range cuts {
			if a < c.To && b > c.From {
				return true
			}
		}
		return false
	}
	var out [][2]int
	var langs []string // the passages open, in reading order
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			langs = langs[:0]
		case *markdown.LangOpen:
			langs = append(langs, n.Lang)
		case *markdown.LangClose:
			if len(langs) > 0 {
				langs = langs[:len(langs)-1]
			}
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if len(langs) > 0 && foreign(langs[len(langs)-1], lang) {
				return ast.WalkContinue, nil
			}
			if n.Segment.Stop > n.Segment.Start && n.Segment.Stop <= len(body) && !cut(n.Segment.Start, n.Segment.Stop) {
				out = append(out, [2]int{n.Segment.Start, n.Segment.Stop})
			}
		}
		return ast.WalkContinue, nil
	})
	return out, shape
}

// valueRegion is a prose value of the front matter: the bytes of the
// value (start, end) and the parts of it that are prose text.
type valueRegion struct {
	key        string
	start, end int
	prose      [][2]int
}

// frontMatterValues finds the prose values of the front matter
// src[fs:fe]: single-line or multi-line scalars, plain, quoted or block,
// when the source text can be matched with the value YAML reads.
func frontMatterValues(src []byte, fs, fe int, m *yaml.Node) []valueRegion {
	if m == nil {
		return nil
	}
	// Byte offset of each line of the front matter (1-based).
	lines := []int{0, fs}
	for p := fs; p < fe; p++ {
		if src[p] == '\n' && p+1 < fe {
			lines = append(lines, p+1)
		}
	}
	lineEnd := func(l int) int { // end of line l, without \r\n
		e := fe
		if l+1 < len(lines) {
			e = lines[l+1] - 1
		}
		for e > lines[l] && (src[e-1] == '\r' || src[e-1] == '\n') {
			e--
		}
		return e
	}
	var out []valueRegion
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !slices.Contains(proseKeys, k.Value) || v.Kind != yaml.ScalarNode || v.Tag != "!!str" || v.Line >= len(lines) {
			continue
		}
		last := len(lines) - 1 // the value ends before the next key
		if i+2 < len(m.Content) {
			last = m.Content[i+2].Line - 1
		}
		if r, ok := valueProse(src, lines, lineEnd, v, last); ok {
			r.key = k.Value
			out = append(out, r)
		}
	}
	return out
}

// valueProse maps the scalar v to its prose byte ranges, lines v.Line to
// last.
func valueProse(src []byte, lines []int, lineEnd func(int) int, v *yaml.Node, last int) (valueRegion, bool) {
	// Byte offset of the value's first character (yaml columns count runes).
	p := lines[v.Line]
	for c := 1; c < v.Column && p < lineEnd(v.Line); c++ {
		_, w := utf8.DecodeRune(src[p:])
		p += w
	}
	var ranges [][2]int
	var raw strings.Builder
	add := func(b, e int) {
		if e > b {
			ranges = append(ranges, [2]int{b, e})
			raw.Write(src[b:e])
			raw.WriteByte(' ')
		}
	}
	trimLine := func(l, b int) (int, int) { // content of line l from b, indentation and trailing blanks cut
		e := lineEnd(l)
		for b < e && (src[b] == ' ' || src[b] == '\t') {
			b++
		}
		for e > b && (src[e-1] == ' ' || src[e-1] == '\t') {
			e--
		}
		return b, e
	}
	end := p
	switch v.Style {
	case 0: // plain, maybe over several lines; a " #" starts a comment
		for l := v.Line; l <= last; l++ {
			b := p
			if l > v.Line {
				b = lines[l]
			}
			b, e := trimLine(l, b)
			if bytes.HasPrefix(src[b:e], []byte("#")) {
				break
			}
			if c := bytes.Index(src[b:e], []byte(" #")); c >= 0 {
				e = b + c
				for e > b && src[e-1] == ' ' {
					e--
				}
				add(b, e)
				end = e
				break
			}
			add(b, e)
			end = e
		}
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		q := byte('"')
		if v.Style == yaml.SingleQuotedStyle {
			q = '\''
		}
		if p >= len(src) || src[p] != q {
			return valueRegion{}, false
		}
		closed := false
		for l := v.Line; l <= last && !closed; l++ {
			b := p + 1
			if l > v.Line {
				b = lines[l]
			}
			b, e := trimLine(l, b)
			if l == v.Line {
				b = p + 1 // keep the blanks right after the opening quote
			}
			for j := b; j < e; j++ {
				if src[j] == '\\' && q == '"' {
					return valueRegion{}, false // escapes: left alone
				}
				if src[j] == q {
					if q == '\'' && j+1 < e && src[j+1] == '\'' {
						j++
						continue
					}
					e, closed = j, true
					break
				}
			}
			add(b, e)
			end = e + 1
		}
		if !closed {
			return valueRegion{}, false
		}
	case yaml.LiteralStyle, yaml.FoldedStyle:
		for l := v.Line + 1; l <= last; l++ {
			b, e := trimLine(l, lines[l])
			add(b, e)
			if e > b {
				end = e
			}
		}
	default:
		return valueRegion{}, false
	}
	got := raw.String()
	if v.Style == yaml.SingleQuotedStyle {
		got = strings.ReplaceAll(got, "''", "'")
	}
	if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(v.Value), " ") {
		return valueRegion{}, false // the source does not read as the value: leave it
	}
	// In single quotes, '' is a quote: never split it.
	if v.Style == yaml.SingleQuotedStyle {
		var split [][2]int
		for _, r := range ranges {
			b := r[0]
			for j := r[0]; j < r[1]; j++ {
				if src[j] == '\'' {
					if j > b {
						split = append(split, [2]int{b, j})
					}
					b = j + 2
					j++
				}
			}
			if r[1] > b {
				split = append(split, [2]int{b, r[1]})
			}
		}
		ranges = split
	}
	return valueRegion{start: p, end: end, prose: ranges}, true
}

// parseMapping is the YAML mapping of a front matter; nil when it is not
// one (or does not parse).
func parseMapping(src []byte) *yaml.Node {
	var doc yaml.Node
	if len(src) == 0 || yaml.Unmarshal(src, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	return doc.Content[0]
}

// sameYAML reports whether the front matter fixed reads as ma, the
// original's mapping: the same
// keys in the same order with the same values, but key, whose value has
// the same words.
func sameYAML(ma *yaml.Node, fixed []byte, key string) bool {
	mb := parseMapping(fixed)
	if ma == nil || mb == nil {
		return false
	}
	if len(ma.Content) != len(mb.Content) {
		return false
	}
	for i := 0; i+1 < len(ma.Content); i += 2 {
		ka, kb, va, vb := ma.Content[i], mb.Content[i], ma.Content[i+1], mb.Content[i+1]
		if ka.Value != kb.Value {
			return false
		}
		if ka.Value == key {
			if vb.Kind != yaml.ScalarNode || vb.Tag != va.Tag || wordsOf(va.Value) != wordsOf(vb.Value) {
				return false
			}
			continue
		}
		if !sameNode(va, vb) {
			return false
		}
	}
	return true
}

// wordsOf returns the runs of letters and digits of s: what a fix must
// never change.
func wordsOf(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !isLetter(r) && !isDigit(r) && !unicode.IsDigit(r) }), "\n")
}

func sameNode(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !sameNode(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

const fixHint = " (corrigeable avec recueil check --fix)"
const fixHintEn = " (fixable with recueil check --fix)"

// messages says, in French and English, what is wrong and how it is fixed.
func messages(e edit, old string) (string, string) {
	p := string(e.punct)
	switch e.rule {
	case RuleSpaceBeforePunct:
		if e.repl == "" {
			return fmt.Sprintf("Pas d’espace avant « %s » dans un texte qui n’est pas en français : supprimez-la%s.", p, fixHint),
				fmt.Sprintf("No space before ‘%s’ in a text that is not in French: remove it%s.", p, fixHintEn)
		}
		kind, kindEn := "une espace fine insécable", "a narrow no-break space (U+202F)"
		if e.punct == ':' {
			kind, kindEn = "une espace insécable", "a no-break space (U+00A0)"
		}
		if old == "" {
			return fmt.Sprintf("Il manque %s avant « %s »%s.", kind, p, fixHint),
				fmt.Sprintf("Missing %s before ‘%s’%s.", kindEn, p, fixHintEn)
		}
		if utf8.RuneCountInString(old) > 1 {
			return fmt.Sprintf("Remplacez les espaces avant « %s » par %s%s.", p, kind, fixHint),
				fmt.Sprintf("Replace the spaces before ‘%s’ with %s%s.", p, kindEn, fixHintEn)
		}
		return fmt.Sprintf("Remplacez l’espace avant « %s » par %s%s.", p, kind, fixHint),
			fmt.Sprintf("Replace the space before ‘%s’ with %s%s.", p, kindEn, fixHintEn)
	case RuleGuillemets:
		if e.repl == "" {
			return fmt.Sprintf("Pas d’espace à l’intérieur des guillemets %s dans cette langue (seul le français en met) : supprimez-la%s.", p, fixHint),
				fmt.Sprintf("No space inside the quotation mark %s in this language (only French has one): remove it%s.", p, fixHintEn)
		}
		where, whereEn := "avant le guillemet fermant »", "before the closing »"
		if e.after {
			where, whereEn = "après le guillemet ouvrant «", "after the opening «"
		}
		if old == "" {
			return fmt.Sprintf("Il manque une espace fine insécable %s%s.", where, fixHint),
				fmt.Sprintf("Missing a narrow no-break space (U+202F) %s%s.", whereEn, fixHintEn)
		}
		if utf8.RuneCountInString(old) > 1 {
			return fmt.Sprintf("Remplacez les espaces %s par une seule espace fine insécable%s.", where, fixHint),
				fmt.Sprintf("Replace the spaces %s with one narrow no-break space (U+202F)%s.", whereEn, fixHintEn)
		}
		return fmt.Sprintf("Remplacez l’espace %s par une espace fine insécable%s.", where, fixHint),
			fmt.Sprintf("Replace the space %s with a narrow no-break space (U+202F)%s.", whereEn, fixHintEn)
	case RuleQuotes:
		if e.punct != '«' && e.punct != '»' {
			return fmt.Sprintf("Remplacez le guillemet droit %s par le guillemet %s de cette langue%s.", old, p, fixHint),
				fmt.Sprintf("Replace the straight quote %s with this language’s quotation mark %s%s.", old, p, fixHintEn)
		}
		which, whichEn := "le guillemet ouvrant «", "the opening guillemet «"
		if e.punct == '»' {
			which, whichEn = "le guillemet fermant »", "the closing guillemet »"
		}
		return fmt.Sprintf("Remplacez le guillemet droit \" par %s%s.", which, fixHint),
			fmt.Sprintf("Replace the straight quote \" with %s%s.", whichEn, fixHintEn)
	case RuleInvertedMarks:
		return fmt.Sprintf("Pas d’espace après « %s » : il s’attache au premier mot de la phrase%s.", p, fixHint),
			fmt.Sprintf("No space after ‘%s’: it stays with the first word of its sentence%s.", p, fixHintEn)
	case RuleApostrophe:
		return "Remplacez l’apostrophe droite ' par l’apostrophe typographique ’" + fixHint + ".",
			"Replace the straight apostrophe ' with the typographic apostrophe ’" + fixHintEn + "."
	case RuleEllipsis:
		return fmt.Sprintf("Remplacez « %s » par le caractère points de suspension « … »%s.", old, fixHint),
			fmt.Sprintf("Replace ‘%s’ with the ellipsis character ‘…’%s.", old, fixHintEn)
	case RuleDoubleSpace:
		return "Plusieurs espaces se suivent : une seule suffit" + fixHint + ".",
			"Several spaces in a row: one is enough" + fixHintEn + "."
	case RuleEnglishQuotes:
		if e.other {
			return fmt.Sprintf("Guillemet anglais %s (collé depuis Word ?) : dans cette langue, les guillemets sont d’autres signes ; remplacez-le par %s%s.", old, p, fixHint),
				fmt.Sprintf("English quote %s (pasted from Word?): this language uses other quotation marks; replace it with %s%s.", old, p, fixHintEn)
		}
		if e.punct == '“' || e.punct == '”' {
			return fmt.Sprintf("Guillemet anglais %s dans une citation : à l’intérieur de « … », les guillemets sont “ ” ; remplacez-le par %s%s.", old, p, fixHint),
				fmt.Sprintf("English quote %s inside a quotation: inside « … » the inner quotes are “ ”; replace it with %s%s.", old, p, fixHintEn)
		}
		return fmt.Sprintf("Guillemet anglais %s (collé depuis Word ?) : en français, les guillemets sont « » ; remplacez-le par %s%s.", old, p, fixHint),
			fmt.Sprintf("English quote %s (pasted from Word?): French quotes are « »; replace it with %s%s.", old, p, fixHintEn)
	case RuleInnerQuotes:
		return fmt.Sprintf("Guillemets dans des guillemets : la citation intérieure prend “ ”, sans espace ; remplacez ce %s par %s%s.", old, p, fixHint),
			fmt.Sprintf("Guillemets within guillemets: the inner quotation takes “ ”, without spaces; replace this %s with %s%s.", old, p, fixHintEn)
	case RuleReversedGuillemets:
		if e.punct == '«' {
			return "Guillemet tapé à l’envers : une citation s’ouvre par « et se ferme par » ; remplacez ce » par «" + fixHint + ".",
				"Guillemet typed the wrong way round: a quotation opens with « and closes with »; replace this » with «" + fixHintEn + "."
		}
		return "Guillemet tapé à l’envers : remplacez ce « par », qui ferme la citation" + fixHint + ".",
			"Guillemet typed the wrong way round: replace this « with », which closes the quotation" + fixHintEn + "."
	case RuleSpaceBeforeComma:
		return fmt.Sprintf("Supprimez l’espace avant « %s »%s.", p, fixHint),
			fmt.Sprintf("Remove the space before ‘%s’%s.", p, fixHintEn)
	}
	return "Typographie à corriger" + fixHint + ".", "Typography to fix" + fixHintEn + "."
}
