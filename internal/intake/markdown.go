package intake

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/recueil/recueil/internal/load"
)

// Markdown is the document's text as the Markdown recueil reads:
// paragraphs, headings one level under the contributor's name (## for the
// document's first level), quotes, lists, links, *italics* and **bold**,
// footnotes as [^1] with their text at the end.
func (d *Doc) Markdown() string {
	var w mdWriter
	top := 10 // the document's highest heading level becomes ##
	for _, b := range d.blocks {
		if b.kind == heading {
			top = min(top, b.level)
		}
	}
	for i, b := range d.blocks {
		if b.kind == heading {
			b.level -= top - 1
		}
		var next *block
		if i+1 < len(d.blocks) {
			next = &d.blocks[i+1]
		}
		w.block(b, next)
	}
	for i, n := range d.notes {
		w.b.WriteString(fmt.Sprintf("[^%d]: ", i+1))
		w.b.WriteString(inlines(n, "    "))
		w.b.WriteString("\n\n")
	}
	return strings.TrimRight(w.b.String(), "\n") + "\n"
}

type mdWriter struct {
	b strings.Builder
	// the content column of each open list level, and its counter
	cols  []int
	count []int
}

func (w *mdWriter) block(b block, next *block) {
	list := b.kind == bullet || b.kind == number
	if !list {
		w.cols, w.count = nil, nil
	}
	switch b.kind {
	case heading:
		// A heading is one line: its line breaks are spaces.
		in := make([]inline, len(b.in))
		for i, x := range b.in {
			if x.brk {
				x = inline{text: " ", space: true}
			}
			in[i] = x
		}
		w.b.WriteString(strings.Repeat("#", min(b.level+1, 6)) + " " + inlines(in, ""))
	case quote:
		w.b.WriteString("> " + inlines(b.in, "> "))
		if next != nil && next.kind == quote {
			w.b.WriteString("\n>\n")
			return
		}
	case bullet, number:
		depth := min(b.level, len(w.cols)) // never skip a level
		prev := 0                          // the last number at this level, when the list goes on
		if len(w.count) > depth {
			prev = w.count[depth]
		}
		w.cols, w.count = w.cols[:depth], w.count[:depth]
		indent := 0
		if depth > 0 {
			indent = w.cols[depth-1]
		}
		// A new list starts when the kind changes at this level.
		marker := "- "
		if b.kind == number {
			n := prev + 1
			marker = fmt.Sprintf("%d. ", n)
			w.count = append(w.count[:depth], n)
		} else {
			w.count = append(w.count[:depth], 0)
		}
		w.cols = append(w.cols[:depth], indent+len(marker))
		pad := strings.Repeat(" ", indent)
		w.b.WriteString(pad + marker + inlines(b.in, strings.Repeat(" ", indent+len(marker))))
		if next != nil && (next.kind == bullet || next.kind == number) {
			nd := min(next.level, len(w.cols))
			// A list of the other kind at the same level is another list:
			// a blank line and a comment-free break keep them apart.
			if nd == depth && next.kind != b.kind {
				w.b.WriteString("\n\n")
				w.cols, w.count = w.cols[:depth], w.count[:depth]
				return
			}
			w.b.WriteString("\n")
			return
		}
	default:
		w.b.WriteString(inlines(b.in, ""))
	}
	w.b.WriteString("\n\n")
}

// run is text of one style and link, after merging.
type run struct {
	text string
	st   style
	link string
	note int
	brk  bool
}

// merge joins adjacent pieces of the same style and link, so that a word
// Word split over two runs comes out whole ("**mot**", never "**mo****t**"),
// and turns white space into single spaces.
func merge(in []inline) []run {
	var out []run
	for _, x := range in {
		if x.brk || x.note > 0 {
			out = append(out, run{link: x.link, note: x.note, brk: x.brk})
			continue
		}
		if x.text == "" {
			continue
		}
		if n := len(out); n > 0 && !out[n-1].brk && out[n-1].note == 0 && out[n-1].st == x.st && out[n-1].link == x.link {
			out[n-1].text += x.text
			continue
		}
		out = append(out, run{text: x.text, st: x.st, link: x.link})
	}
	// Collapse white space, across runs too, and trim the paragraph.
	space := true // at the start, drop leading spaces
	for i := range out {
		if out[i].brk {
			space = true
			continue
		}
		var b strings.Builder
		for _, r := range out[i].text {
			if unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' {
				if !space {
					b.WriteByte(' ')
				}
				space = true
				continue
			}
			b.WriteRune(r)
			space = false
		}
		out[i].text = b.String()
	}
	// Trailing spaces, before a break and at the end.
	for i := len(out) - 1; i >= 0; i-- {
		if i == len(out)-1 || out[i+1].brk {
			for j := i; j >= 0 && !out[j].brk; j-- {
				out[j].text = strings.TrimRight(out[j].text, " ")
				if out[j].text != "" || out[j].note > 0 {
					break
				}
			}
		}
	}
	// Drop breaks at the ends.
	for len(out) > 0 && (out[0].brk || (out[0].text == "" && out[0].note == 0)) {
		out = out[1:]
	}
	for len(out) > 0 && (out[len(out)-1].brk || (out[len(out)-1].text == "" && out[len(out)-1].note == 0)) {
		out = out[:len(out)-1]
	}
	return out
}

// inlines writes a paragraph's pieces as Markdown; cont starts the lines
// after a line break (the list's indentation, a quote's "> ").
func inlines(in []inline, cont string) string {
	runs := merge(in)
	var b strings.Builder
	lineStart := true
	for i := 0; i < len(runs); {
		r := runs[i]
		switch {
		case r.brk:
			b.WriteString("\\\n" + cont)
			lineStart = true
			i++
		case r.note > 0:
			fmt.Fprintf(&b, "[^%d]", r.note)
			lineStart = false
			i++
		case r.link != "" && load.LinkAllowed(r.link):
			j := i
			for j < len(runs) && runs[j].link == r.link && !runs[j].brk && runs[j].note == 0 {
				j++
			}
			label := emphasis(runs[i:j], lineStart)
			if strings.TrimSpace(label) == "" {
				label = escape(r.link)
			}
			// Spaces stay outside the brackets.
			lead := label[:len(label)-len(strings.TrimLeft(label, " "))]
			label = strings.TrimLeft(label, " ")
			trail := label[len(strings.TrimRight(label, " ")):]
			label = strings.TrimRight(label, " ")
			if lead == "" && strings.HasSuffix(b.String(), "!") {
				// "!" then "[" would make an image: escape the "!".
				s := b.String()
				b.Reset()
				b.WriteString(s[:len(s)-1] + "\\!")
			}
			b.WriteString(lead + "[" + label + "](" + linkTarget(r.link) + ")" + trail)
			lineStart = false
			i = j
		default:
			j := i
			for j < len(runs) && (runs[j].link == "" || !load.LinkAllowed(runs[j].link)) && !runs[j].brk && runs[j].note == 0 {
				j++
			}
			b.WriteString(emphasis(runs[i:j], lineStart))
			lineStart = false
			i = j
		}
	}
	return b.String()
}

// emphasis writes runs of text with their italics and bold. Spaces take
// the style their two sides share, so that a delimiter never stands
// beside a space ("*mot *" is not emphasis); styles open and close as a
// stack, reopened when an outer one closes first.
func emphasis(runs []run, lineStart bool) string {
	type ch struct {
		r  rune
		st style
	}
	var cs []ch
	for _, r := range runs {
		for _, c := range r.text {
			cs = append(cs, ch{c, r.st})
		}
	}
	for i := range cs {
		if cs[i].r != ' ' {
			continue
		}
		var before, after style
		for j := i - 1; j >= 0; j-- {
			if cs[j].r != ' ' {
				before = cs[j].st
				break
			}
		}
		for j := i + 1; j < len(cs); j++ {
			if cs[j].r != ' ' {
				after = cs[j].st
				break
			}
		}
		cs[i].st = before & after
	}
	var b strings.Builder
	var open []style // the stack of open styles
	has := func(s style) bool {
		for _, o := range open {
			if o == s {
				return true
			}
		}
		return false
	}
	mark := func(s style) string {
		if s == bold {
			return "**"
		}
		return "*"
	}
	var text strings.Builder
	flush := func() {
		b.WriteString(escapeLine(text.String(), lineStart && b.Len() == 0))
		text.Reset()
	}
	for _, c := range cs {
		// Close down to the first open style c does not have.
		for k := 0; k < len(open); k++ {
			if c.st&open[k] == 0 {
				flush()
				for m := len(open) - 1; m >= k; m-- {
					b.WriteString(mark(open[m]))
				}
				open = open[:k]
				break
			}
		}
		for _, s := range []style{bold, italic} {
			if c.st&s != 0 && !has(s) {
				flush()
				b.WriteString(mark(s))
				open = append(open, s)
			}
		}
		text.WriteRune(c.r)
	}
	flush()
	for m := len(open) - 1; m >= 0; m-- {
		b.WriteString(mark(open[m]))
	}
	return b.String()
}

var orderedStart = regexp.MustCompile(`^([0-9]{1,9})([.)])`)

// escapeLine escapes s, and at the start of a line what would make it a
// heading, a quote, a list or a rule.
func escapeLine(s string, start bool) string {
	e := escape(s)
	if !start || e == "" {
		return e
	}
	if m := orderedStart.FindStringSubmatchIndex(e); m != nil {
		return e[:m[3]] + "\\" + e[m[4]:]
	}
	r, _ := utf8.DecodeRuneInString(e)
	switch r {
	case '#', '>', '-', '+', '=', '|', '~':
		return "\\" + e
	}
	return e
}

// escape backslash-escapes what Markdown would read as markup: emphasis,
// code, links, HTML and entities ("&amp;"). "!" needs nothing: "[" is
// escaped, so no image can start.
func escape(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '*', '_', '`', '[', ']', '<':
			b.WriteByte('\\')
		case '&':
			if i+1 < len(s) && (s[i+1] == '#' || s[i+1] < utf8.RuneSelf && unicode.IsLetter(rune(s[i+1]))) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// linkTarget writes a URL so that it ends where Markdown expects.
func linkTarget(u string) string {
	r := strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "\\", "%5C")
	return r.Replace(strings.TrimSpace(u))
}
