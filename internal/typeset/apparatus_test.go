package typeset

import (
	"strconv"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/layout"
)

// pagesOf returns the pages from the one holding anchor up to the one
// before the next entry.
func pagesOf(t *testing.T, r *Result, kind EntryKind) []*layout.Page {
	t.Helper()
	for i, e := range r.Entries {
		if e.Kind != kind {
			continue
		}
		end := len(r.Doc.Pages) + 1
		if i+1 < len(r.Entries) {
			end = r.Entries[i+1].Page
		}
		return r.Doc.Pages[e.Page-1 : end-1]
	}
	t.Fatalf("no entry of kind %d", kind)
	return nil
}

// numbers are the page numbers of the contents or the index: the text
// elements made only of digits in the serif face.
func numbers(ps []*layout.Page, folio bool) []layout.Element {
	var out []layout.Element
	for _, p := range ps {
		for _, e := range p.Elements {
			if e.Kind == layout.TextElement && e.Face == int(fonts.Serif) && e.Text != "" && strings.Trim(e.Text, "0123456789") == "" {
				if !folio && e.Text == strconv.Itoa(p.Number) {
					continue // the page's own folio
				}
				out = append(out, e)
			}
		}
	}
	return out
}

func leaders(ps []*layout.Page) []layout.Element {
	var out []layout.Element
	for _, p := range ps {
		for _, e := range p.Elements {
			if e.Kind == layout.TextElement && strings.HasPrefix(e.Text, ". .") {
				out = append(out, e)
			}
		}
	}
	return out
}

// The contents: each entry leads by dots to its page number, the numbers
// end on one edge, the dots of all lines stand on one grid, and a wrapped
// entry hangs.
func TestContentsLeadersAndNumbers(t *testing.T) {
	b := newBook(t, 9)
	b.Contributions[2].Title = "Un titre assez long pour ne pas tenir sur une seule ligne de la table des matières"
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	ps := pagesOf(t, r, EntryContents)
	nums := numbers(ps, false)
	if len(nums) < 9 {
		t.Fatalf("%d page numbers in the contents, want at least 9", len(nums))
	}
	right := nums[0].X + nums[0].W
	for _, n := range nums {
		if d := n.X + n.W - right; d < -2 || d > 2 {
			t.Errorf("page number %s ends at %.2f pt, the first at %.2f pt", n.Text, (n.X + n.W).Points(), right.Points())
		}
	}
	ls := leaders(ps)
	if len(ls) < len(nums)-1 {
		t.Fatalf("%d leaders for %d page numbers", len(ls), len(nums))
	}
	f := r.Faces()[ls[0].Face]
	pitch := layout.Width(f, ". ", ls[0].Size)
	for _, l := range ls {
		if l.X%pitch != 0 {
			t.Errorf("leader at %.3f pt is off the grid of %.3f pt", l.X.Points(), pitch.Points())
		}
		if l.X+l.W > right-layout.Width(f, "0", l.Size) {
			t.Errorf("leader %.2f..%.2f pt runs into the page number at %.2f", l.X.Points(), (l.X + l.W).Points(), right.Points())
		}
	}
	// the long title wraps, and its second line hangs
	var first, second layout.Element
	for _, p := range ps {
		for i, e := range p.Elements {
			if e.Kind == layout.TextElement && strings.HasPrefix(e.Text, "Jérôme") {
				first = e
				for _, g := range p.Elements[i+1:] {
					if g.Kind == layout.TextElement && g.Y > e.Y && !strings.HasPrefix(g.Text, ". .") {
						second = g
						break
					}
				}
			}
		}
	}
	if first.Text == "" || second.Text == "" {
		t.Fatal("the wrapped entry was not found")
	}
	if hang := second.X - first.X; hang < layout.Pt(5) || hang > layout.Pt(15) {
		t.Errorf("the second line of a wrapped entry starts %.2f pt right of the first, want a hanging indent of about 1 em", hang.Points())
	}
}

// Every entry of the contents and the index is a link to its contribution.
func TestApparatusLinks(t *testing.T) {
	for _, n := range []int{9, 120} {
		b := newBook(t, n)
		r, _, err := Typeset(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, kind := range []EntryKind{EntryContents, EntryIndex} {
			dests := map[string]bool{}
			for _, p := range pagesOf(t, r, kind) {
				for _, e := range p.Elements {
					if e.Kind == layout.LinkElement && e.Dest != "" {
						dests[e.Dest] = true
					}
				}
			}
			if kind == EntryContents && n > contentsColumns {
				for _, p := range pagesOf(t, r, EntryFullContents) {
					for _, e := range p.Elements {
						if e.Kind == layout.LinkElement && e.Dest != "" {
							dests[e.Dest] = true
						}
					}
				}
			}
			for _, c := range b.Published() {
				if !dests[contribAnchor(c.Slug)] {
					t.Errorf("%d contributions, entry kind %d: no link to %s", n, kind, c.Slug)
				}
			}
		}
	}
}

// Above 100 contributions, a short contents lists the parts, and the full
// one follows in two columns; the index is in two columns above 40 entries.
func TestLargeBookApparatus(t *testing.T) {
	b := newBook(t, 120)
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	short := pagesOf(t, r, EntryContents)
	if len(short) != 1 {
		t.Errorf("the short contents takes %d pages, want 1", len(short))
	}
	for _, e := range short[0].Elements {
		if e.Kind == layout.LinkElement && strings.HasPrefix(e.Dest, "c:") {
			t.Errorf("the short contents lists a contribution (%s)", e.Dest)
		}
	}
	for _, kind := range []EntryKind{EntryFullContents, EntryIndex} {
		edges := map[layout.Unit]int{}
		for _, n := range numbers(pagesOf(t, r, kind), false) {
			edges[(n.X+n.W)/layout.Pt(2)]++
		}
		if len(edges) < 2 {
			t.Errorf("entry kind %d: page numbers end on %d edge(s), want two columns", kind, len(edges))
		}
	}
}

// packColumns never ends a column on an item kept with the next (a letter
// head): it goes to the next column with its entry.
func TestLetterHeadNeverEndsAColumn(t *testing.T) {
	line := func(h layout.Unit) []layout.Line { return []layout.Line{{Leading: h}} }
	var items []colItem
	for range 9 {
		items = append(items, colItem{lines: line(10)})
	}
	items = append(items, colItem{lines: line(14), space: 5, keepNext: true}) // the head would end column 1 at 109
	for range 9 {
		items = append(items, colItem{lines: line(10)})
	}
	cols, rest := packColumns(items, 2, 110)
	if len(cols) != 2 || len(cols[0]) != 9 {
		t.Fatalf("column 1 holds %d items, want the 9 before the head", len(cols[0]))
	}
	if !cols[1][0].keepNext {
		t.Error("the head does not open column 2")
	}
	for k, c := range cols {
		if c[len(c)-1].keepNext {
			t.Errorf("column %d ends on a head", k+1)
		}
	}
	if len(rest) != 0 {
		t.Errorf("%d items left over, want 0", len(rest))
	}
}

// The same check on a whole index set in two columns: the last line of
// every column is an entry, never a letter.
func TestIndexColumnsEndOnEntries(t *testing.T) {
	b := newBook(t, 120)
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	d := newDesign(b)
	for _, p := range pagesOf(t, r, EntryIndex) {
		x0 := d.inner
		if p.Verso() {
			x0 = d.outer
		}
		mid := x0 + d.measure/2
		last := map[bool]layout.Element{}
		for _, e := range p.Elements {
			if e.Kind != layout.TextElement || e.Y > d.height-d.bottom || e.Y < d.top {
				continue // the folio, the running head
			}
			right := e.X >= mid
			if e.Y >= last[right].Y {
				last[right] = e
			}
		}
		for right, e := range last {
			if e.Face == int(fonts.SansBold) {
				t.Errorf("page %d: column (right %v) ends on the letter head %q", p.Number, right, e.Text)
			}
		}
	}
}

// French ordinals and abbreviations are raised in the PDF: smaller and
// above the baseline; code and addresses are left as typed.
func TestSuperscriptsInThePDF(t *testing.T) {
	b := newBook(t, 2)
	c := b.Contributions[0]
	c.Body = append(c.Body, book.Block{Kind: book.Paragraph, Line: 90, Spans: []book.Span{
		{Text: "Au XIXe siècle, Mme Dupont habitait au nº 5 du 2e arrondissement ; voir "},
		{Text: "XIXe", Style: book.Code},
		{Text: " et "},
		{Text: "https://example.org/1er", Link: "https://example.org/1er"},
		{Text: "."},
	}})
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	type el struct {
		layout.Element
		page int
	}
	var els []el
	for _, p := range r.Doc.Pages {
		for _, e := range p.Elements {
			if e.Kind == layout.TextElement {
				els = append(els, el{e, p.Number})
			}
		}
	}
	raised := func(base, sup string) bool {
		for i := 0; i+1 < len(els); i++ {
			a, s := els[i], els[i+1]
			if strings.HasSuffix(a.Text, base) && s.Text == sup && s.page == a.page {
				return s.Size < a.Size*80/100 && s.Y < a.Y-a.Size/5 && s.X >= a.X+a.W-layout.Pt(0.5)
			}
		}
		return false
	}
	for _, c := range [][2]string{{"XIX", "e"}, {"M", "me"}, {"n", "o"}, {"2", "e"}, {"1", "re"}} { // 1re: the copyright page's edition
		if !raised(c[0], c[1]) {
			t.Errorf("%q after %q is not set as a superscript", c[1], c[0])
		}
	}
	var code, url bool
	for _, e := range els {
		code = code || e.Text == "XIXe"
		url = url || strings.Contains(e.Text, "example.org/1er")
	}
	if !code || !url {
		t.Errorf("the code span (found %v) or the address (found %v) was changed", code, url)
	}
}

// A paragraph marked {.signature} ends on the right edge of the measure.
func TestSignatureFlushRight(t *testing.T) {
	b := newBook(t, 1)
	c := b.Contributions[0]
	c.Body = append(c.Body, book.Block{Kind: book.Paragraph, Line: 99, Signature: true, Spans: []book.Span{{Text: "Jeanne Signataire"}}})
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	d := newDesign(b)
	for _, p := range r.Doc.Pages {
		for _, e := range p.Elements {
			if e.Kind == layout.TextElement && strings.HasSuffix(e.Text, "Signataire") {
				right := d.inner + d.measure
				if p.Verso() {
					right = d.outer + d.measure
				}
				if dx := right - (e.X + e.W); dx < -layout.Pt(0.1) || dx > layout.Pt(0.1) {
					t.Errorf("the signature ends %.2f pt short of the right edge", dx.Points())
				}
				return
			}
		}
	}
	t.Fatal("the signature was not set")
}

// The page count is rounded up to a multiple of page.round_to with blank
// pages before the last page (the back cover), never inside a text; with
// round_to: 1 no page is added.
func TestRoundToFour(t *testing.T) {
	for n := 1; n <= 6; n++ {
		var docs [2]*Result
		for k, roundTo := range []int{1, 4} {
			b := newBook(t, n)
			b.Page.RoundTo = roundTo
			b.BackCover = &book.BackCover{Text: "Un texte.", URL: "https://example.org/livre"}
			r, _, err := Typeset(b)
			if err != nil {
				t.Fatal(err)
			}
			docs[k] = r
			if !hasURI(r.Doc.Pages[len(r.Doc.Pages)-1], "https://example.org/livre") {
				t.Errorf("%d contributions, round_to %d: the last page is not the back cover", n, roundTo)
			}
		}
		one, four := docs[0].Doc.Pages, docs[1].Doc.Pages
		if len(four)%4 != 0 || len(four)-len(one) > 3 || len(four) < len(one) {
			t.Errorf("%d contributions: %d pages with round_to 4, %d without", n, len(four), len(one))
			continue
		}
		// the same pages up to the back cover, then blank ones
		for i := range len(one) - 1 {
			if len(one[i].Elements) != len(four[i].Elements) {
				t.Errorf("%d contributions: page %d differs with round_to 4", n, i+1)
			}
		}
		for i := len(one) - 1; i < len(four)-1; i++ {
			if len(four[i].Elements) != 0 {
				t.Errorf("%d contributions: added page %d is not blank", n, i+1)
			}
		}
		for i := range docs[0].Contributions {
			if docs[0].Contributions[i] != docs[1].Contributions[i] {
				t.Errorf("%d contributions: %v moved to %v", n, docs[0].Contributions[i], docs[1].Contributions[i])
			}
		}
	}
}

func hasURI(p *layout.Page, uri string) bool {
	for _, e := range p.Elements {
		if e.Kind == layout.LinkElement && e.URI == uri {
			return true
		}
	}
	return false
}

// The back cover: its text reads on its ground (4.5:1) even when the
// cards' text colour would not, the QR code and the address are there.
func TestBackCover(t *testing.T) {
	b := newBook(t, 2)
	b.Cards.Background, b.Cards.Text = "#f0e0c0", "#ffffff" // white on cream: 1.3:1
	b.BackCover = &book.BackCover{Text: "Premier paragraphe.\n\nSecond paragraphe.", URL: "https://example.org/livre"}
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	p := r.Doc.Pages[len(r.Doc.Pages)-1]
	var texts []string
	modules := 0
	for i, e := range p.Elements {
		switch e.Kind {
		case layout.RectElement:
			if e.Color == (layout.Color{}) && e.H < layout.Mm(1) {
				modules++
			}
		case layout.TextElement:
			texts = append(texts, e.Text)
			bg := layout.Color{R: 255, G: 255, B: 255}
			for _, u := range p.Elements[:i] {
				if u.Kind == layout.RectElement && e.X >= u.X && e.X+e.W <= u.X+u.W && e.Y > u.Y && e.Y <= u.Y+u.H {
					bg = u.Color
				}
			}
			if c := layout.Contrast(e.Color, bg); c < 4.5 {
				t.Errorf("%q is %.2f:1 on its ground", e.Text, c)
			}
		}
	}
	all := strings.Join(texts, " ")
	for _, want := range []string{"Premier", "Second", "example.org/livre", "Rencontres"} {
		if !strings.Contains(all, want) {
			t.Errorf("the back cover lacks %q: %q", want, all)
		}
	}
	if modules < 50 || !hasURI(p, "https://example.org/livre") {
		t.Errorf("no QR code (%d dark runs) or no link to the address", modules)
	}
	if p.Number%2 != 0 {
		t.Errorf("the back cover is page %d, a recto", p.Number)
	}
}
