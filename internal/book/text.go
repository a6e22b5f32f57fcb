package book

import (
	"strings"
	"unicode"
)

// Style is a set of inline text styles.
type Style uint8

const (
	Italic Style = 1 << iota
	Bold
	Code   // a code span: printed as is, never touched by typography
	Strike // struck through (~~text~~)
)

// Span is a run of text in one style. Markdown inlines are flattened into
// spans: nesting is carried by Style and Link, which is all the writers need.
type Span struct {
	Text  string
	Style Style
	Link  string // target URL when the span is (part of) a link
	Break bool   // a hard line break (Text is empty)
	// Note is the number of the footnote this span calls (Text is
	// empty): numbered per text, from 1, in the order of first call.
	Note int
	// Lang is the BCP 47 tag of a passage in another language
	// ([text]{lang=en}), "" for the text's own language.
	Lang string
}

// Note is a footnote of a text: its number and its blocks.
type Note struct {
	N      int
	Blocks []Block
	Line   int // line of its definition in the source file
}

// Align is the alignment of a table column.
type Align uint8

const (
	AlignNone Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// BlockKind is the kind of a block of text.
type BlockKind uint8

const (
	Paragraph BlockKind = iota
	Heading
	Quote    // a block quote; Children holds its blocks
	List     // Children holds one ListItem per item
	ListItem // Children holds the item's blocks
	Rule     // a thematic break
	Image    // a local image: Src, Alt
	CodeBlock
	Table     // Children holds the rows: the header row first
	TableRow  // Children holds the cells; Header for the header row
	TableCell // Spans; Align
)

// Block is a block of text: a paragraph, a heading, a quote, a list...
type Block struct {
	Kind     BlockKind
	Level    int  // heading level (1..6)
	Ordered  bool // ordered list
	Start    int  // first number of an ordered list
	Spans    []Span
	Children []Block
	Src      string // Image: path relative to the book root (slash-separated)
	Alt      string // Image: alternative text
	Line     int    // line in the source file where the block starts
	Header   bool   // TableRow: the header row
	Align    Align  // TableCell: the column's alignment
	// Signature marks a paragraph written with a trailing {.signature}:
	// the author's signature, set flush right.
	Signature bool
}

// PlainText returns the text of the spans, hard breaks as spaces.
func PlainText(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		if s.Break {
			b.WriteByte(' ')
			continue
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

// Walk calls fn for every block, depth first, in reading order.
func Walk(blocks []Block, fn func(*Block)) {
	for i := range blocks {
		fn(&blocks[i])
		Walk(blocks[i].Children, fn)
	}
}

// NotesText returns the readable text of footnotes, one block per line.
func NotesText(notes []Note) string {
	var b strings.Builder
	for i := range notes {
		b.WriteString(BlocksText(notes[i].Blocks))
	}
	return b.String()
}

// BlocksText returns the readable text of blocks, one block per line.
func BlocksText(blocks []Block) string {
	var b strings.Builder
	Walk(blocks, func(bl *Block) {
		if len(bl.Spans) > 0 {
			b.WriteString(PlainText(bl.Spans))
			b.WriteByte('\n')
		}
	})
	return b.String()
}

// CountWords counts words the way a reader would: runs of letters or digits,
// where an apostrophe or a hyphen inside a word does not split it
// ("aujourd’hui", "peut-être" are one word each; "l’école" is one).
func CountWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				n++
				in = true
			}
			continue
		}
		if in && (r == '\'' || r == '’' || r == '-' || r == '\u2011') {
			continue
		}
		in = false
	}
	return n
}
