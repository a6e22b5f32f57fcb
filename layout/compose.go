package layout

// Frame is the text area of a page.
type Frame struct {
	X, Y, W, H Unit
}

// Flow pours blocks and lines into pages, top to bottom, starting a new page
// when the frame is full. It keeps paragraphs from leaving a single line
// alone at the top or the bottom of a page where it can.
type Flow struct {
	Doc *Document
	// Start is called for each new page; it returns the page's frame.
	Start func(p *Page) Frame
	// Orphans and Widows are the least number of lines of a paragraph
	// left at the bottom and carried to the top of a page (default 2).
	Orphans, Widows int

	page  *Page
	frame Frame
	y     Unit // used height of the frame
}

// Page returns the current page, starting one if needed.
func (f *Flow) Page() *Page {
	if f.page == nil {
		f.NewPage()
	}
	return f.page
}

// Frame returns the current frame.
func (f *Flow) Frame() Frame { f.Page(); return f.frame }

// NewPage starts a new page.
func (f *Flow) NewPage() *Page {
	f.page = f.Doc.NewPage()
	f.frame = f.Start(f.page)
	f.y = 0
	return f.page
}

// Fresh reports whether nothing was placed on the current page yet.
func (f *Flow) Fresh() bool { return f.page == nil || f.y == 0 }

// Y returns the current position on the page (from the page top).
func (f *Flow) Y() Unit { f.Page(); return f.frame.Y + f.y }

// Remaining is the height left in the frame.
func (f *Flow) Remaining() Unit { f.Page(); return f.frame.H - f.y }

// Space adds vertical space, dropped at the top of a page.
func (f *Flow) Space(h Unit) {
	if f.Fresh() {
		return
	}
	f.y += h
}

// Skip moves down by h even at the top of a page.
func (f *Flow) Skip(h Unit) { f.Page(); f.y += h }

// Need starts a new page unless h fits in what is left.
func (f *Flow) Need(h Unit) {
	if !f.Fresh() && f.Remaining() < h {
		f.NewPage()
	}
}

// Block places an unbreakable block of height h: on a new page when it does
// not fit. draw receives the page and the top-left corner of the block.
func (f *Flow) Block(h Unit, draw func(p *Page, x, y Unit)) {
	f.Need(h)
	draw(f.page, f.frame.X, f.frame.Y+f.y)
	f.y += h
}

// Baseline is the offset of a line's baseline below the top of its slot.
func Baseline(leading, size Unit) Unit {
	half := (leading - size*1107/1000) / 2
	return half + size*891/1000
}

// PlaceLine puts a set line on the page at x with its slot's top at y.
func PlaceLine(p *Page, l Line, x, y Unit) {
	base := y + Baseline(l.Leading, max(l.Size, 1))
	for _, e := range l.Elements {
		e.X += x
		e.Y += base
		p.Elements = append(p.Elements, e)
	}
}

// LinesOpts tune how lines are placed.
type LinesOpts struct {
	X    Unit // offset from the frame's left edge
	Keep bool // never split the lines across pages (when they fit on a page)
	// OnLine is called with each line placed (for markers, anchors...).
	OnLine func(i int, p *Page, y Unit)
}

// Lines places the lines of a paragraph, splitting it across pages with
// widow and orphan control.
func (f *Flow) Lines(lines []Line, o LinesOpts) {
	orphans, widows := max(f.Orphans, 2), max(f.Widows, 2)
	f.Page()
	i := 0
	for i < len(lines) {
		left := len(lines) - i
		var total Unit
		for _, l := range lines[i:] {
			total += l.Leading
		}
		fit := 0 // lines that fit in the frame
		var h Unit
		for _, l := range lines[i:] {
			if f.y+h+l.Leading > f.frame.H {
				break
			}
			h += l.Leading
			fit++
		}
		n := left
		if fit < left {
			n = fit
			if o.Keep && total <= f.frame.H && !f.Fresh() {
				n = 0
			}
			if left-n < widows {
				n = left - widows
			}
			if n < orphans {
				n = 0
			}
			if n == 0 && f.Fresh() {
				n = max(fit, 1) // nothing better to do on an empty page
			}
			if n == 0 {
				f.NewPage()
				continue
			}
		}
		for _, l := range lines[i : i+n] {
			top := f.frame.Y + f.y
			PlaceLine(f.page, l, f.frame.X+o.X, top)
			if o.OnLine != nil {
				o.OnLine(i, f.page, top)
			}
			f.y += l.Leading
			i++
		}
		if i < len(lines) {
			f.NewPage()
		}
	}
}
