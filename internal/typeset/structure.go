package typeset

import (
	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/layout"
)

// The book's logical structure (layout.Structure), for the tagged PDF: a
// Document holding a Part per section of the book and a Sect per
// contribution and editorial text, with headings, paragraphs, lists,
// quotations, figures, notes, the table of contents and the index.
// Running heads, folios, rules and the pull quote (a repetition of the
// text) are decoration.

// open starts a structure node of role r; the function it returns ends it.
func (t *typesetter) open(r layout.Role) (end func()) {
	return t.openNode(layout.Node{Role: r})
}

func (t *typesetter) openNode(n layout.Node) (end func()) {
	t.doc.Struct.Open(n)
	return t.doc.Struct.Close
}

// tagged runs set inside a node of role r.
func (t *typesetter) tagged(r layout.Role, set func()) {
	defer t.open(r)()
	set()
}

// artifacts runs draw outside the structure: what it places is decoration.
func (t *typesetter) artifacts(draw func()) { t.doc.Struct.Artifacts(draw) }

func (t *typesetter) coverAlt() string { return t.typo(t.b.CoverAltText()) }

// headings prepares headingRole for a text whose body is bl, under a
// heading of level base (2 when the text has a title, else 1).
func (t *typesetter) headings(bl []book.Block, base int) {
	t.level, t.hmin = base+1, 0
	book.Walk(bl, func(b *book.Block) {
		if b.Kind == book.Heading && (t.hmin == 0 || b.Level < t.hmin) {
			t.hmin = b.Level
		}
	})
}

// headingRole is the role of a text's heading of Markdown level n: below
// the contribution's name (H1) and title (H2), never skipping a level.
func (t *typesetter) headingRole(n int) layout.Role {
	base := t.level
	switch l := base + max(n-t.hmin, 0); {
	case l <= 2:
		return layout.RoleH2
	case l == 3:
		return layout.RoleH3
	default:
		return layout.RoleH4
	}
}

// tagLines stamps lines set now and placed later (in columns, in an
// opening's block, at the foot of a page) with a new node of role r, a
// child of the open node, and returns them.
func (t *typesetter) tagLines(lines []layout.Line, r layout.Role) []layout.Line {
	layout.Tag(lines, t.doc.Struct.Open(layout.Node{Role: r}))
	t.doc.Struct.Close()
	return lines
}
