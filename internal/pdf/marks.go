package pdf

import (
	"strconv"

	"github.com/recueil/recueil/layout"
)

// Marked content: every element a page draws is either content, in a
// sequence marked with an MCID that the structure tree points at, or an
// artifact (running heads, folios, rules, ornaments, the pull quote). The
// writer marks the sequences as it draws them; the finisher (tag.go) builds
// the structure tree from the same marks, worked out again from the same
// elements: both call pageMarks, so they cannot disagree.

// markKey is what makes a run of consecutive elements one sequence.
type markKey struct {
	node int32 // the element's structure node plus one; 0: an artifact
	link int   // the link annotation whose text it is (index in links), -1
	span int   // a hyphenated word (index of its first half's element), -1
	lang uint16
}

// seq is one marked-content sequence of a page.
type seq struct {
	markKey
	mcid int // -1 for an artifact
}

// pageMarks are the sequences of the elements of a page.
type pageMarks struct {
	of    []int // per element: its sequence, -1 when it draws nothing
	seqs  []seq
	links []int // the page's link elements, by element index, in order
	// spans: the ActualText of each hyphenated word, by its first half
	spans map[int]string
	mcids int
}

// draws reports whether e puts anything in the content stream.
func draws(e *layout.Element) bool {
	switch e.Kind {
	case layout.TextElement:
		return e.Text != ""
	case layout.ImageElement, layout.RectElement, layout.RuleElement:
		return true
	}
	return false
}

// content reports whether e is part of the text (else an artifact).
func content(e *layout.Element) bool {
	return e.Node > 0 && (e.Kind == layout.TextElement || e.Kind == layout.ImageElement)
}

// covers reports whether the link area l is over the text t.
func covers(l, t *layout.Element) bool {
	const tol = 1000 // units: far less than a point
	return t.Node == l.Node && t.X >= l.X-tol && t.X+t.W <= l.X+l.W+tol && t.Y >= l.Y-tol && t.Y <= l.Y+l.H+tol
}

// markPage works out the marks of els; no sequence runs across index
// split (an offprint's additions are drawn in a content stream of their
// own, after the page's: split is where they start; len(els) otherwise).
func markPage(els []layout.Element, split int) pageMarks {
	m := pageMarks{of: make([]int, len(els))}
	for i := range els {
		if els[i].Kind == layout.LinkElement {
			m.links = append(m.links, i)
		}
	}
	link := make([]int, len(els))
	span := make([]int, len(els))
	for i := range els {
		link[i], span[i] = -1, -1
	}
	for k, li := range m.links {
		for i := range els {
			if els[i].Kind == layout.TextElement && link[i] < 0 && covers(&els[li], &els[i]) {
				link[i] = k
			}
		}
	}
	// a word hyphenated at a line's end and its end on the next line are
	// one span, read as the whole word
	for i := range els {
		e := &els[i]
		if !e.Hyphen || !content(e) || e.Kind != layout.TextElement || span[i] >= 0 {
			continue
		}
		for j := i + 1; j < len(els) && (i < split) == (j < split); j++ {
			n := &els[j]
			if n.Kind != layout.TextElement || n.Text == "" || n.Node != e.Node {
				continue
			}
			if n.Y > e.Y && span[j] < 0 {
				span[i], span[j] = i, i
				link[i], link[j] = -1, -1 // the span is read whole, without its link
				if m.spans == nil {
					m.spans = map[int]string{}
				}
				m.spans[i] = e.Text[:len(e.Text)-1] + n.Text
				if spaced(els, j) {
					m.spans[i] += " "
				}
			}
			break
		}
	}
	last := -1
	for i := range els {
		e := &els[i]
		if !draws(e) {
			m.of[i] = -1
			continue
		}
		k := markKey{link: -1, span: -1}
		if content(e) {
			k = markKey{node: e.Node, link: link[i], span: span[i], lang: e.Lang}
		}
		if last >= 0 && m.seqs[last].markKey == k && i != split {
			m.of[i] = last
			continue
		}
		s := seq{markKey: k, mcid: -1}
		if k.node > 0 {
			s.mcid = m.mcids
			m.mcids++
		}
		m.seqs = append(m.seqs, s)
		last = len(m.seqs) - 1
		m.of[i] = last
	}
	return m
}

// spaced reports whether the text element els[i] is drawn with a space
// after it: the layout places words, not the spaces between them, but a
// reader of the text (a screen reader, a search, a copy) needs them. A
// word goes on without one when the next text starts where it ends (a
// change of face inside a word, a note call) or when it ends with a
// hyphen the breaker added.
func spaced(els []layout.Element, i int) bool {
	e := &els[i]
	if !content(e) || e.Kind != layout.TextElement || e.Hyphen || e.Text == "" {
		return false
	}
	switch e.Text[len(e.Text)-1] {
	case ' ':
		return false
	}
	for j := i + 1; j < len(els); j++ {
		n := &els[j]
		if n.Kind != layout.TextElement || n.Text == "" {
			continue
		}
		const tol = 1000
		end := e.X + e.W
		return n.X < end-tol || n.X > end+tol
	}
	return true
}

// open is the operator that starts sequence s, tagged as the role of
// the structure element it belongs to.
func (m *pageMarks) open(s int, st *layout.Structure) string {
	q := m.seqs[s]
	if q.node == 0 {
		return "/Artifact BMC\n"
	}
	tag := "Span"
	if q.link >= 0 {
		tag = "Link"
	} else if q.span < 0 && q.lang == 0 && st != nil && int(q.node) <= len(st.Nodes) {
		tag = st.Nodes[q.node-1].Role.String()
	}
	return "/" + tag + " <</MCID " + strconv.Itoa(q.mcid) + ">> BDC\n"
}
