package layout

// Color is an RGB colour.
type Color struct{ R, G, B uint8 }

// Black is the colour of text unless told otherwise.
var Black = Color{}

// ElementKind is the kind of a positioned element of a page.
type ElementKind uint8

const (
	// TextElement draws Text in Face at Size, its baseline starting at (X, Y).
	TextElement ElementKind = iota
	// ImageElement draws the image file Src in the box (X, Y, W, H).
	ImageElement
	// RectElement fills the box (X, Y, W, H) with Color.
	RectElement
	// RuleElement draws a line from (X, Y) to (X+W, Y+H), Size thick.
	RuleElement
	// LinkElement makes the box (X, Y, W, H) a link to URI or to the
	// named destination Dest.
	LinkElement
)

// Element is one thing drawn on a page. Coordinates are from the top-left
// corner of the page, y growing downwards; X, Y of a text is the left end
// of its baseline.
type Element struct {
	Kind ElementKind
	// Hyphen says that the text ends with a hyphen the line breaker
	// added: the word goes on at the start of the next line.
	Hyphen bool
	// Lang is the language of a text in another language than its
	// node's: an index in the document's Structure.Langs plus one; 0
	// for none.
	Lang uint16
	// Node is the structure node the element belongs to, plus one
	// (Document.Struct.Nodes); 0 for decoration (an artifact), stamped
	// with the open node when placed; Decoration for decoration that
	// stays so.
	Node       int32
	X, Y, W, H Unit
	Face       int // index in the document's face table
	Size       Unit
	Text       string
	Color      Color
	Src        string // image file
	URI        string // external link
	Dest       string // internal link: an Anchor name
}

// Anchor is a named destination on a page.
type Anchor struct {
	Name string
	Y    Unit
}

// OutlineEntry is a bookmark of the document outline, pointing at Y on the
// page that holds it. Entries are listed in reading order.
type OutlineEntry struct {
	Title string
	Level int
	Y     Unit
}

// Page is one page of a document.
type Page struct {
	Number   int // the folio: 1-based position in the whole book
	Elements []Element
	Anchors  []Anchor
	Outline  []OutlineEntry

	s *Structure // stamps what is added with its open node
}

// Add appends elements to the page, each stamped with the structure node
// open in its document unless it has one.
func (p *Page) Add(e ...Element) {
	n := len(p.Elements)
	p.Elements = append(p.Elements, e...)
	if t := p.s.tag(); t != 0 {
		for i := n; i < len(p.Elements); i++ {
			if p.Elements[i].Node == 0 {
				p.Elements[i].Node = t
			}
		}
	}
}

// Verso reports whether the page is a left-hand page (even folio).
func (p *Page) Verso() bool { return p.Number%2 == 0 }

// Document is a laid-out document: every page and everything on it.
type Document struct {
	Width, Height Unit
	Pages         []*Page
	// Struct is the document's logical structure, which its elements'
	// Node fields point into.
	Struct *Structure
}

// NewPage appends an empty page numbered after the last one.
func (d *Document) NewPage() *Page {
	p := &Page{Number: len(d.Pages) + 1, s: d.Struct}
	d.Pages = append(d.Pages, p)
	return p
}

// Anchor finds the page number and position of a named destination.
func (d *Document) Anchor(name string) (page int, y Unit, ok bool) {
	for _, p := range d.Pages {
		for _, a := range p.Anchors {
			if a.Name == name {
				return p.Number, a.Y, true
			}
		}
	}
	return 0, 0, false
}

// AnchorPos is where a named destination is.
type AnchorPos struct {
	Page int // folio
	Y    Unit
}

// Anchors returns every named destination of the document.
func (d *Document) Anchors() map[string]AnchorPos {
	m := map[string]AnchorPos{}
	for _, p := range d.Pages {
		for _, a := range p.Anchors {
			if _, dup := m[a.Name]; !dup {
				m[a.Name] = AnchorPos{Page: p.Number, Y: a.Y}
			}
		}
	}
	return m
}
