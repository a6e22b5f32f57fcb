package layout

// Role is the part a piece of a document plays in its logical structure,
// named after the standard structure types of tagged PDF (ISO 32000-1,
// 14.8.4): what a screen reader announces and navigates by.
type Role uint8

const (
	RoleNone       Role = iota
	RoleDocument        // the whole book
	RolePart            // a part (section) of the book
	RoleSect            // a contribution, an editorial text, the index
	RoleH1              // a contributor's name, a chapter's title
	RoleH2              // a contribution's title
	RoleH3              // a heading inside a text
	RoleH4              // a lower heading inside a text
	RoleP               // a paragraph
	RoleL               // a list
	RoleLI              // a list item
	RoleLbl             // its marker
	RoleLBody           // its text
	RoleBlockQuote      // a quotation
	RoleFigure          // a photo, the cover, a logo
	RoleTOC             // the table of contents
	RoleTOCI            // one of its entries
	RoleIndex           // the contributor index
	RoleNote            // a footnote
	RoleTable           // a table
	RoleTR              // its row
	RoleTH              // a header cell
	RoleTD              // a data cell
	RoleCode            // computer code
	RoleSpan            // a run of text with attributes (a language)
	numRoles
)

var roleNames = [numRoles]string{"", "Document", "Part", "Sect", "H1", "H2", "H3", "H4", "P", "L", "LI", "Lbl", "LBody",
	"BlockQuote", "Figure", "TOC", "TOCI", "Index", "Note", "Table", "TR", "TH", "TD", "Code", "Span"}

// String is the role's PDF name ("H1", "LBody"...).
func (r Role) String() string {
	if r < numRoles {
		return roleNames[r]
	}
	return ""
}

// Node is one element of a document's structure.
type Node struct {
	Role   Role
	Parent int    // index of the parent node; -1 for the root
	Alt    string // alternative text of a figure
	Lang   string // BCP 47 tag when it differs from its parent's
	ID     string // an identifier (a footnote's)
	Scope  string // a header cell's: "Column" or "Row"
}

// Structure is the logical structure of a document, built as it is laid
// out: the typesetter opens a node, places what belongs to it, closes it;
// every element placed meanwhile on a page of the document (Page.Add,
// PlaceLine) is stamped with the open node. What is placed while no node
// is open (Artifacts) is decoration: running heads, folios, rules.
type Structure struct {
	Nodes []Node
	// Langs are the languages of passages in another language than
	// their text (Element.Lang), in the order met.
	Langs []string
	open  int // the open node, -1 when none
	saved []int
}

// LangID is the Element.Lang of a passage in language tag.
func (s *Structure) LangID(tag string) uint16 {
	for i, l := range s.Langs {
		if l == tag {
			return uint16(i + 1)
		}
	}
	if len(s.Langs) >= 1<<16-1 {
		return 0
	}
	s.Langs = append(s.Langs, tag)
	return uint16(len(s.Langs))
}

// Open starts a node as a child of the open one (the root when none is
// open) and makes it the open node; it returns the node's index.
func (s *Structure) Open(n Node) int {
	n.Parent = s.open
	if len(s.Nodes) == 0 {
		n.Parent = -1
	}
	s.Nodes = append(s.Nodes, n)
	s.open = len(s.Nodes) - 1
	return s.open
}

// Close ends the open node: its parent is open again.
func (s *Structure) Close() {
	if s.open >= 0 && s.open < len(s.Nodes) {
		s.open = s.Nodes[s.open].Parent
	}
}

// Artifacts places what draw places as decoration, outside the structure.
func (s *Structure) Artifacts(draw func()) {
	s.saved = append(s.saved, s.open)
	s.open = -1
	draw()
	s.open = s.saved[len(s.saved)-1]
	s.saved = s.saved[:len(s.saved)-1]
}

// Current is the open node, -1 when none is.
func (s *Structure) Current() int {
	if s == nil || len(s.Nodes) == 0 {
		return -1
	}
	return s.open
}

// tag is the Element.Node of what is placed now.
func (s *Structure) tag() int32 {
	if s == nil {
		return 0
	}
	return int32(s.Current() + 1)
}

// Tag stamps the elements of lines with node n (an index in Nodes), but
// for decoration, for lines placed later than they are set (footnotes,
// set at the foot of their page once the flow is done). Lines set once and
// placed twice (a text laid out again) are stamped again.
func Tag(lines []Line, n int) {
	for i := range lines {
		for j := range lines[i].Elements {
			if lines[i].Elements[j].Node != Decoration {
				lines[i].Elements[j].Node = int32(n + 1)
			}
		}
	}
}

// StructMark is a point of the structure to come back to (Rewind), as
// layout.Mark is of the flow.
type StructMark struct{ nodes, open, saved int }

// Mark returns the current point of the structure.
func (s *Structure) Mark() StructMark {
	return StructMark{nodes: len(s.Nodes), open: s.open, saved: len(s.saved)}
}

// Rewind takes the structure back to m: the nodes opened since are
// dropped (a text laid out again opens its own). The languages met are
// kept: lines set before may hold their numbers.
func (s *Structure) Rewind(m StructMark) {
	s.Nodes, s.open, s.saved = s.Nodes[:m.nodes], m.open, s.saved[:m.saved]
}

// Decoration is the Element.Node of what is decoration wherever it is
// placed (a leader's dots): never stamped with a node.
const Decoration int32 = -1
