// Package markdown is the book's one Markdown dialect, shared by the
// loader, check and --fix so that what one reads as markup the others
// leave alone: CommonMark with goldmark's footnotes, GitHub tables and
// strikethrough, and pandoc's bracketed spans in another language
// ([text]{lang=en}), parsed by a small inline parser of its own.
package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/language"
)

// New returns the dialect. Raw HTML is parsed (to be reported), never
// rendered: nothing renders with goldmark's HTML renderer.
func New() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Footnote, extension.Table, extension.Strikethrough, langSpans{}))
}

// Context returns a parser context for Markdown whose findings
// (LangFindings, UnusedNotes) can be read after parsing.
func Context() parser.Context { return parser.NewContext() }

var (
	langOpenKey   = parser.NewContextKey()
	langBadKey    = parser.NewContextKey()
	unusedNoteKey = parser.NewContextKey()
	definedKey    = parser.NewContextKey()
)

// KindLangOpen and KindLangClose mark where a passage in another language
// starts and ends; the spans between them, in reading order, carry Lang.
var (
	KindLangOpen  = ast.NewNodeKind("LangOpen")
	KindLangClose = ast.NewNodeKind("LangClose")
)

// LangOpen starts a passage in another language.
type LangOpen struct {
	ast.BaseInline
	Lang string
}

// Kind implements ast.Node.
func (n *LangOpen) Kind() ast.NodeKind { return KindLangOpen }

// Dump implements ast.Node.
func (n *LangOpen) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Lang": n.Lang}, nil)
}

// LangClose ends it.
type LangClose struct{ ast.BaseInline }

// Kind implements ast.Node.
func (n *LangClose) Kind() ast.NodeKind { return KindLangClose }

// Dump implements ast.Node.
func (n *LangClose) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// BadLang is a bracketed span whose attribute was not a well-formed
// {lang=xx}: left as text, reported.
type BadLang struct {
	Offset int    // of the '{' in the Markdown text
	Attr   string // what was written between the braces
}

// LangFindings returns the bracketed spans that were refused.
func LangFindings(pc parser.Context) []BadLang {
	v, _ := pc.Get(langBadKey).([]BadLang)
	return v
}

// DefinedNotes returns the labels of every footnote definition.
func DefinedNotes(pc parser.Context) []string {
	v, _ := pc.Get(definedKey).([]string)
	return v
}

// UnusedNote is a footnote definition that no call refers to.
type UnusedNote struct {
	Label  string
	Offset int // of its first text, -1 when empty
}

// UnusedNotes returns the footnote definitions never called.
func UnusedNotes(pc parser.Context) []UnusedNote {
	v, _ := pc.Get(unusedNoteKey).([]UnusedNote)
	return v
}

type langSpans struct{}

func (langSpans) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(langOpener{}, 150), util.Prioritized(langCloser{}, 150)),
		parser.WithASTTransformers(util.Prioritized(noteAudit{}, 500)),
	)
}

// maxSpan is the longest bracketed span accepted, in bytes: a passage in
// another language is a phrase or a verse, not a chapter.
const maxSpan = 2000

type pendingLang struct {
	close int // offset of the ']' that closes it
}

type langOpener struct{}

func (langOpener) Trigger() []byte { return []byte{'['} }

// Parse accepts '[' when its matching ']' (in the same paragraph) is
// followed by {lang=TAG}: it returns a LangOpen and remembers where the
// span closes.
func (langOpener) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 1 && line[1] == '^' {
		return nil // a footnote call
	}
	l, pos := block.Position()
	defer func() { block.SetPosition(l, pos) }()
	tag, ok := scanLang(block, pc)
	if !ok {
		return nil
	}
	block.SetPosition(l, pos)
	block.Advance(1)
	l, pos = block.Position()
	return &LangOpen{Lang: tag}
}

// scanLang looks for the ']' matching the '[' at the reader's position,
// then for {lang=TAG} right after it; it records the span it accepts and
// the attributes it refuses. It moves the reader.
func scanLang(block text.Reader, pc parser.Context) (string, bool) {
	depth, budget := 0, maxSpan
	for {
		line, seg := block.PeekLine()
		if line == nil {
			return "", false
		}
		for i := 0; i < len(line); i++ {
			if budget--; budget < 0 {
				return "", false // bounded: many '[' never make parsing quadratic
			}
			switch line[i] {
			case '`':
				return "", false // code inside a span: its ']' may be code
			case '\\':
				i++
			case '[':
				depth++
			case ']':
				depth--
				if depth > 0 {
					continue
				}
				rest := line[i+1:]
				if len(rest) == 0 || rest[0] != '{' {
					return "", false
				}
				end := bytes.IndexByte(rest, '}')
				if end < 0 {
					return "", false
				}
				attr := string(rest[1:end])
				if tag, ok := langAttr(attr); ok {
					stack, _ := pc.Get(langOpenKey).([]pendingLang)
					pc.Set(langOpenKey, append(stack, pendingLang{close: seg.Start + i}))
					return tag, true
				}
				if bytes.Contains(rest[1:end], []byte("lang")) {
					bad, _ := pc.Get(langBadKey).([]BadLang)
					pc.Set(langBadKey, append(bad, BadLang{Offset: seg.Start + i + 1, Attr: attr}))
				}
				return "", false
			}
		}
		block.AdvanceLine()
	}
}

// langAttr accepts exactly lang=TAG (optionally quoted) with a well-formed,
// known BCP 47 tag.
func langAttr(attr string) (string, bool) {
	v, ok := bytes.CutPrefix([]byte(attr), []byte("lang="))
	if !ok {
		return "", false
	}
	s := string(bytes.Trim(v, `"`))
	if s == "" || bytes.ContainsAny([]byte(s), " \t") {
		return "", false
	}
	t, err := language.Parse(s)
	if err != nil {
		return "", false
	}
	return t.String(), true
}

type langCloser struct{}

func (langCloser) Trigger() []byte { return []byte{']'} }

// Parse closes the innermost open span when this ']' is its own.
func (langCloser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	stack, _ := pc.Get(langOpenKey).([]pendingLang)
	if len(stack) == 0 {
		return nil
	}
	line, seg := block.PeekLine()
	if stack[len(stack)-1].close != seg.Start {
		return nil
	}
	pc.Set(langOpenKey, stack[:len(stack)-1])
	end := bytes.IndexByte(line, '}')
	block.Advance(end + 1)
	return &LangClose{}
}

// noteAudit runs before goldmark's footnote transformer, which drops the
// definitions nothing calls: it records them to report them.
type noteAudit struct{}

func (noteAudit) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var unused []UnusedNote
	var defined []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if fn, ok := n.(*east.Footnote); ok {
			defined = append(defined, string(fn.Ref))
			if fn.Index < 0 {
				unused = append(unused, UnusedNote{Label: string(fn.Ref), Offset: nodeOffset(fn)})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	pc.Set(unusedNoteKey, unused)
	pc.Set(definedKey, defined)
}

// nodeOffset is where a node's text starts, or -1.
func nodeOffset(n ast.Node) int {
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			return l.At(0).Start
		}
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if o := nodeOffset(c); o >= 0 {
			return o
		}
	}
	return -1
}
