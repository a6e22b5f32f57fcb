package typeset

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/layout"
)

const filler = "Les rencontres improbables ne se décrètent pas : elles se préparent en laissant de la place à l’imprévu, en écoutant ceux que l’on ne connaît pas encore et en acceptant de changer d’avis."

// withNotes gives contribution k a long body calling three notes, the
// notes' text marked "Note k.n".
func withNotes(c *book.Contribution, k int) {
	var body []book.Block
	var notes []book.Note
	for j := 0; j < 12; j++ {
		spans := []book.Span{{Text: filler}}
		if j%4 == 3 {
			n := j/4 + 1
			spans = append(spans, book.Span{Note: n}, book.Span{Text: " Et la suite du paragraphe."})
			notes = append(notes, book.Note{N: n, Line: 100 + n, Blocks: []book.Block{{Kind: book.Paragraph,
				Spans: []book.Span{{Text: fmt.Sprintf("Note%d.%d : une précision utile qui tient sur deux lignes au moins, pour voir comment la note se compose au pied de la page.", k, n)}}}}})
		}
		body = append(body, book.Block{Kind: book.Paragraph, Spans: spans, Line: 10 + j})
	}
	c.Body, c.Notes = body, notes
}

// pageOf finds the first page in [first, last] holding a text element
// that satisfies ok, and the element.
func pageOf(doc *layout.Document, first, last int, ok func(layout.Element) bool) (*layout.Page, layout.Element) {
	for _, p := range doc.Pages {
		if p.Number < first || p.Number > last {
			continue
		}
		for _, e := range p.Elements {
			if e.Kind == layout.TextElement && ok(e) {
				return p, e
			}
		}
	}
	return nil, layout.Element{}
}

// TestFootnotesOnThePageOfTheirCall: every note is set on the page where
// its call falls, below the text, numbered per contribution.
func TestFootnotesOnThePageOfTheirCall(t *testing.T) {
	b := newBook(t, 3)
	for k, c := range b.Contributions {
		withNotes(c, k)
	}
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	d := newDesign(b)
	callSize := d.size * 62 / 100
	for k, pr := range r.Contributions {
		prev := 0
		for n := 1; n <= 3; n++ {
			cp, call := pageOf(r.Doc, pr.First, pr.Last, func(e layout.Element) bool {
				return e.Size == callSize && e.Text == strconv.Itoa(n)
			})
			np, note := pageOf(r.Doc, pr.First, pr.Last, func(e layout.Element) bool {
				return strings.Contains(e.Text, fmt.Sprintf("Note%d.%d", k, n))
			})
			if cp == nil || np == nil {
				t.Fatalf("contribution %d note %d: call on %v, note on %v", k, n, cp, np)
			}
			if cp != np {
				t.Errorf("contribution %d: note %d called on page %d, set on page %d", k, n, cp.Number, np.Number)
			}
			if !strings.HasPrefix(note.Text, strconv.Itoa(n)+".") {
				t.Errorf("contribution %d: note %d starts %q, want its number", k, n, note.Text)
			}
			if cp.Number < prev {
				t.Errorf("contribution %d: notes out of order", k)
			}
			prev = cp.Number
			// the note is below every line of text of its page
			for _, e := range np.Elements {
				if e.Kind == layout.TextElement && e.Size == d.size && e.Y > note.Y {
					t.Errorf("page %d: body text %q below the note", np.Number, e.Text)
				}
			}
			if note.Y > d.height-d.bottom {
				t.Errorf("page %d: the note sticks out of the frame", np.Number)
			}
			_ = call
		}
	}
}

// TestFootnoteTooLongIsCarried: a note taller than a page goes on at the
// foot of the next page; nothing is lost.
func TestFootnoteTooLongIsCarried(t *testing.T) {
	b := newBook(t, 1)
	c := b.Contributions[0]
	withNotes(c, 0)
	long := strings.Repeat("Une note très longue, qui ne tient pas sur une page entière, car elle raconte tout. ", 60) + "FINDELANOTE"
	c.Notes[0].Blocks = []book.Block{{Kind: book.Paragraph, Spans: []book.Span{{Text: long}}}}
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	pr := r.Contributions[0]
	end, _ := pageOf(r.Doc, pr.First, pr.Last+3, func(e layout.Element) bool { return strings.Contains(e.Text, "FINDELANOTE") })
	call, _ := pageOf(r.Doc, pr.First, pr.Last, func(e layout.Element) bool { return e.Text == "1" && e.Size < newDesign(b).size })
	if end == nil || call == nil {
		t.Fatalf("end of the note on %v, call on %v", end, call)
	}
	if end.Number <= call.Number {
		t.Errorf("a note longer than the page ends on page %d, its call is on %d", end.Number, call.Number)
	}
}

// TestTableRowsAndHeader: a table longer than a page is split between
// rows, never inside one, with its header on every page.
func TestTableRowsAndHeader(t *testing.T) {
	b := newBook(t, 1)
	c := b.Contributions[0]
	cell := func(s string, a book.Align) book.Block {
		return book.Block{Kind: book.TableCell, Align: a, Spans: []book.Span{{Text: s}}}
	}
	tb := book.Block{Kind: book.Table, Line: 50, Children: []book.Block{{Kind: book.TableRow, Header: true,
		Children: []book.Block{cell("Entête", book.AlignLeft), cell("Commentaire", book.AlignNone), cell("Nombre", book.AlignRight)}}}}
	for i := 0; i < 70; i++ {
		comment := "court"
		if i%5 == 0 {
			comment = "un commentaire assez long pour occuper plusieurs lignes dans sa colonne, ce qui rend la rangée plus haute que les autres"
		}
		tb.Children = append(tb.Children, book.Block{Kind: book.TableRow, Children: []book.Block{
			cell(fmt.Sprintf("r%da", i), book.AlignLeft), cell(comment, book.AlignNone), cell(fmt.Sprintf("r%dz", i), book.AlignRight)}})
	}
	c.Body = append(c.Body[:1], tb)
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	pr := r.Contributions[0]
	pages := map[int]bool{}
	last := 0
	for i := 0; i < 70; i++ {
		a, ea := pageOf(r.Doc, pr.First, pr.Last, func(e layout.Element) bool { return e.Text == fmt.Sprintf("r%da", i) })
		z, ez := pageOf(r.Doc, pr.First, pr.Last, func(e layout.Element) bool { return e.Text == fmt.Sprintf("r%dz", i) })
		if a == nil || z == nil {
			t.Fatalf("row %d missing", i)
		}
		if a != z || ea.Y != ez.Y {
			t.Errorf("row %d split: page %d y %v / page %d y %v", i, a.Number, ea.Y, z.Number, ez.Y)
		}
		if ez.X <= ea.X {
			t.Errorf("row %d: cells out of order", i)
		}
		if a.Number < last {
			t.Errorf("row %d before the row above", i)
		}
		last = a.Number
		pages[a.Number] = true
	}
	if len(pages) < 2 {
		t.Fatalf("the table fits on %d page: make it longer", len(pages))
	}
	for n := range pages {
		if p, _ := pageOf(r.Doc, n, n, func(e layout.Element) bool { return e.Text == "Entête" }); p == nil {
			t.Errorf("page %d has rows but no header", n)
		}
	}
}

// TestFootnoteInATable: a note called in a table's cell is set at the
// foot of the row's page.
func TestFootnoteInATable(t *testing.T) {
	b := newBook(t, 1)
	c := b.Contributions[0]
	withNotes(c, 0)
	cell := func(s ...book.Span) book.Block { return book.Block{Kind: book.TableCell, Spans: s} }
	tb := book.Block{Kind: book.Table, Children: []book.Block{
		{Kind: book.TableRow, Header: true, Children: []book.Block{cell(book.Span{Text: "Ville"}), cell(book.Span{Text: "Nombre"})}},
		{Kind: book.TableRow, Children: []book.Block{cell(book.Span{Text: "Lyon"}, book.Span{Note: 4}), cell(book.Span{Text: "12"})}},
	}}
	c.Body = append([]book.Block{tb}, c.Body...)
	c.Notes = append(c.Notes, book.Note{N: 4, Blocks: []book.Block{{Kind: book.Paragraph, Spans: []book.Span{{Text: "NOTEDUTABLEAU"}}}}})
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	pr := r.Contributions[0]
	row, _ := pageOf(r.Doc, pr.First, pr.Last, func(e layout.Element) bool { return e.Text == "Lyon" })
	note, _ := pageOf(r.Doc, pr.First, pr.Last, func(e layout.Element) bool { return strings.Contains(e.Text, "NOTEDUTABLEAU") })
	if row == nil || note == nil || row != note {
		t.Errorf("row on %v, its note on %v", row, note)
	}
}
