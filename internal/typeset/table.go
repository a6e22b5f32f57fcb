package typeset

import (
	"strings"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/layout"
)

// A table is set as books set them: a rule above the header, a thinner
// one below it, a rule at the end; no vertical rules. Columns take the
// width of their content when the table fits the measure (the table is
// then centred), else each keeps at least its longest word and shares
// the rest in proportion to what it would need. A row is never split: a
// table taller than what is left goes on between two rows, the header
// repeated at the top of the next page.

// tableCell is a set cell.
type tableCell struct {
	lines []layout.Line
	h     layout.Unit
}

// untagged is a copy of row whose lines belong to no structure node.
func untagged(row tableRow) tableRow {
	out := row
	out.cells = make([]tableCell, len(row.cells))
	for j, c := range row.cells {
		out.cells[j] = tableCell{h: c.h, lines: make([]layout.Line, len(c.lines))}
		for k, l := range c.lines {
			l.Elements = append([]layout.Element(nil), l.Elements...)
			for i := range l.Elements {
				l.Elements[i].Node = layout.Decoration
			}
			out.cells[j].lines[k] = l
		}
	}
	return out
}

// tableRow is a set row.
type tableRow struct {
	cells  []tableCell
	h      layout.Unit
	header bool
	calls  []int // footnotes called in the row
}

func (t *typesetter) table(b *book.Block, c bctx) {
	d := t.d
	size := c.size * 9 / 10
	ld := size * 125 / 100
	gap := layout.Pt(12) // between columns
	vpad := ld / 4       // above and below a row's text
	thick := layout.Pt(0.8)
	thin := layout.Pt(0.4)
	cols := 0
	for _, r := range b.Children {
		cols = max(cols, len(r.Children))
	}
	if cols == 0 {
		return
	}
	style := func(r *book.Block) tstyle {
		ts := tstyle{fam: serif, size: size, color: d.ink}
		if r.Header {
			ts.base = book.Bold
		}
		return ts
	}
	// natural and least widths of each column
	nat := make([]layout.Unit, cols)
	least := make([]layout.Unit, cols)
	aligns := make([]book.Align, cols)
	for i := range b.Children {
		r := &b.Children[i]
		for j := range r.Children {
			cell := &r.Children[j]
			if cell.Align != book.AlignNone {
				aligns[j] = cell.Align
			}
			runs := t.spans(cell.Spans, style(r))
			var w layout.Unit
			for _, run := range runs {
				f := t.faces[run.Face]
				w += layout.Width(f, run.Text, run.Size)
				for _, word := range strings.Fields(run.Text) {
					least[j] = max(least[j], layout.Width(f, word, run.Size))
				}
			}
			nat[j] = max(nat[j], w)
		}
	}
	avail := c.width - gap*layout.Unit(cols-1)
	widths := make([]layout.Unit, cols)
	var sumNat, sumLeast layout.Unit
	for j := range cols {
		nat[j] = max(nat[j], least[j], layout.Pt(12))
		sumNat += nat[j]
		sumLeast += least[j]
	}
	switch {
	case sumNat <= avail:
		copy(widths, nat)
	case sumLeast >= avail:
		for j := range cols {
			widths[j] = layout.Unit(int64(avail) * int64(max(least[j], 1)) / int64(max(sumLeast, 1)))
		}
	default:
		extra := avail - sumLeast
		for j := range cols {
			widths[j] = least[j] + layout.Unit(int64(extra)*int64(nat[j]-least[j])/int64(sumNat-sumLeast))
		}
	}
	var total layout.Unit
	for _, w := range widths {
		total += w
	}
	total += gap * layout.Unit(cols-1)
	x0 := c.x + max(c.width-total, 0)/2

	// set every row, each cell's lines stamped with its structure node
	rows := make([]tableRow, 0, len(b.Children))
	st := t.doc.Struct
	st.Open(layout.Node{Role: layout.RoleTable})
	for i := range b.Children {
		r := &b.Children[i]
		if r.Line > 0 {
			t.line = r.Line
		}
		row := tableRow{header: r.Header, cells: make([]tableCell, cols)}
		st.Open(layout.Node{Role: layout.RoleTR})
		for j := range r.Children {
			align := layout.Left
			switch aligns[j] {
			case book.AlignCenter:
				align = layout.Center
			case book.AlignRight:
				align = layout.Right
			}
			lines := t.setLines(t.spans(r.Children[j].Spans, style(r)), t.pstyle(widths[j], ld, align))
			cell := layout.Node{Role: layout.RoleTD}
			if r.Header {
				cell = layout.Node{Role: layout.RoleTH, Scope: "Column"}
			}
			layout.Tag(lines, st.Open(cell))
			st.Close()
			row.cells[j] = tableCell{lines: lines, h: height(lines)}
			for _, l := range lines {
				row.calls = append(row.calls, l.Notes...)
			}
			row.h = max(row.h, row.cells[j].h)
		}
		st.Close()
		row.h += 2 * vpad
		rows = append(rows, row)
	}
	st.Close()

	drawRow := func(row tableRow) func(p *layout.Page, x, y layout.Unit) {
		return func(p *layout.Page, x, y layout.Unit) {
			cx := x + x0
			for j, cell := range row.cells {
				place(p, cell.lines, cx, y+vpad)
				cx += widths[j] + gap
			}
		}
	}
	rule := func(p *layout.Page, x, y, th layout.Unit) {
		p.Add(layout.Element{Kind: layout.RuleElement, X: x + x0, Y: y, W: total, Size: th, Color: d.ink})
	}
	var header *tableRow
	if len(rows) > 0 && rows[0].header {
		header = &rows[0]
		rows = rows[1:]
	}
	// the header with its rules; repeated on a following page, it is
	// decoration (its cells were read once)
	repeat := false
	putHeader := func() {
		if header == nil {
			t.flow.Skip(thick / 2)
			return
		}
		h := *header
		draw := func() {
			t.flow.BlockNotes(h.h+thick, t.notes, h.calls, func(p *layout.Page, x, y layout.Unit) {
				rule(p, x, y+thick/2, thick)
				drawRow(h)(p, x, y+thick)
				rule(p, x, y+thick+h.h, thin)
			})
		}
		if repeat {
			h = untagged(h)
			t.artifacts(draw)
		} else {
			draw()
		}
		repeat = true
	}

	t.flow.Space(c.leading / 2)
	first := layout.Unit(0)
	if len(rows) > 0 {
		first = rows[0].h
	}
	if header != nil {
		t.flow.Need(header.h + thick + first + thick)
	}
	putHeader()
	var lastP *layout.Page
	for i, row := range rows {
		need := t.flow.NeedWithNotes(row.h, t.notes, row.calls)
		if i == len(rows)-1 {
			need += thick
		}
		if t.flow.Remaining() < need && !t.flow.Fresh() {
			// carry on on the next page, below the header again; close
			// the part left behind with a rule
			// (a block of no height: it moves with the rows when the
			// page is stretched to end level)
			if lastP != nil {
				t.flow.Block(0, func(p *layout.Page, x, y layout.Unit) { rule(p, x, y, thin) })
			}
			t.flow.Need(t.flow.Remaining() + 1)
			putHeader()
		}
		r := row
		t.flow.BlockNotes(row.h, t.notes, row.calls, func(p *layout.Page, x, y layout.Unit) {
			drawRow(r)(p, x, y)
			lastP = p
		})
	}
	end := thick
	t.flow.Block(end, func(p *layout.Page, x, y layout.Unit) {
		rule(p, x, y+thick/2, thick)
	})
	t.flow.Space(c.leading / 2)
}
