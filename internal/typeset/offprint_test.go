package typeset

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/layout"
)

// overlaps reports whether two boxes share some area.
func overlaps(a, b layout.Element) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// textBox is the box of a text element: from its ascent to its descent.
func textBox(e layout.Element) layout.Element {
	return layout.Element{X: e.X, Y: e.Y - e.Size*891/1000, W: e.W, H: e.Size * 1107 / 1000}
}

func TestOffprint(t *testing.T) {
	b := newBook(t, 8)
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	// a range that starts on a page with a running head too
	ranges := append([]PageRange{}, r.Contributions...)
	ranges = append(ranges, PageRange{Slug: "middle", First: r.Contributions[0].First + 1, Last: r.Contributions[0].First + 1})
	for _, pr := range ranges {
		doc, err := r.Offprint(pr.First, pr.Last)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Pages) != pr.Last-pr.First+2 {
			t.Fatalf("%s: %d pages for %d-%d and a cover", pr.Slug, len(doc.Pages), pr.First, pr.Last)
		}
		// the cover page: the contributor's name and the credit, the
		// book's cover
		var texts []string
		covers := 0
		for _, e := range doc.Pages[0].Elements {
			if e.Kind == layout.TextElement {
				texts = append(texts, e.Text)
			}
			if e.Kind == layout.ImageElement || e.Kind == layout.RectElement {
				covers++
			}
		}
		credit := strings.Join(texts, " ")
		if covers == 0 || !strings.Contains(credit, fmt.Sprintf("%d", pr.First)) {
			t.Errorf("%s: the cover page shows %q", pr.Slug, credit)
		}
		if c := contribBySlug(b, pr.Slug); c != nil && !strings.Contains(credit, strings.Fields(c.Name)[0]) {
			t.Errorf("%s: the cover page does not name %s: %q", pr.Slug, c.Name, credit)
		}
		doc.Pages = doc.Pages[1:]
		in := map[string]bool{}
		for _, p := range doc.Pages {
			for _, a := range p.Anchors {
				in[a.Name] = true
			}
		}
		added, codeLinks := 0, 0
		pageURL := "" // the contributor's page, which the QR code leads to
		if pr.Slug != "middle" {
			pageURL = b.PageURL(pr.Slug)
		}
		for i, p := range doc.Pages {
			orig := r.Doc.Pages[pr.First-1+i]
			if p.Number != orig.Number {
				t.Errorf("%s: page %d numbered %d", pr.Slug, orig.Number, p.Number)
			}
			// the book's page, unchanged, then what the offprint adds
			if len(p.Elements) < len(orig.Elements) {
				t.Fatalf("%s: page %d lost elements", pr.Slug, p.Number)
			}
			for j, e := range orig.Elements {
				got := p.Elements[j]
				if e.Kind == layout.LinkElement && e.Dest != "" && !in[e.Dest] {
					e.Dest, e.URI = "", b.URL
				}
				if got != e {
					t.Errorf("%s: page %d element %d moved: %+v, was %+v", pr.Slug, p.Number, j, got, e)
				}
			}
			extra := p.Elements[len(orig.Elements):]
			added += len(extra)
			for _, x := range extra {
				if x.Kind == layout.LinkElement && x.URI == pageURL && pageURL != "" {
					codeLinks++
				} else if x.Kind == layout.LinkElement && x.URI != b.URL && x.URI != "" {
					t.Errorf("%s: added link to %q", pr.Slug, x.URI)
				}
				if x.Kind != layout.TextElement && x.Kind != layout.RectElement {
					continue
				}
				// the colophon and its code stay clear of the book's text
				box := x
				if x.Kind == layout.TextElement {
					box = textBox(x)
				}
				for _, e := range orig.Elements {
					if e.Kind == layout.TextElement && overlaps(box, textBox(e)) {
						t.Errorf("%s: page %d: colophon %q (%v) over %q", pr.Slug, p.Number, x.Text, x.Kind, e.Text)
					}
				}
				if x.Y < 0 || x.Y > r.Doc.Height || x.X < 0 || x.X+x.W > r.Doc.Width {
					t.Errorf("%s: colophon %q off the page", pr.Slug, x.Text)
				}
			}
			for _, e := range p.Elements {
				if e.Kind == layout.LinkElement && e.Dest != "" && !in[e.Dest] {
					t.Errorf("%s: page %d: dead link to %s", pr.Slug, p.Number, e.Dest)
				}
			}
		}
		if added == 0 {
			t.Errorf("%s: no colophon", pr.Slug)
		}
		if want := min(len(pageURL), 1); codeLinks != want {
			t.Errorf("%s: %d links to the contributor's page, want %d (the QR code's)", pr.Slug, codeLinks, want)
		}
	}
	if _, err := r.Offprint(2, 1); err == nil {
		t.Error("range 2-1 accepted")
	}
}

// A heading inside a text never ends a page: text follows it on its page.
func TestHeadingNeverEndsAPage(t *testing.T) {
	b := newBook(t, 40)
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	d := newDesign(b)
	seen := 0
	for _, p := range r.Doc.Pages {
		for _, e := range p.Elements {
			if e.Kind != layout.TextElement || e.Text != "Trois" || e.Face != int(fonts.SansBold) {
				continue
			}
			seen++
			below := false
			for _, x := range p.Elements {
				if x.Kind == layout.TextElement && x.Face != int(fonts.SansBold) && x.Y > e.Y && x.Y < d.height-d.bottom {
					below = true
				}
			}
			if !below {
				t.Errorf("page %d ends with the heading", p.Number)
			}
		}
	}
	if seen < 20 {
		t.Fatalf("%d headings found, want 20", seen)
	}
}

// What the typesetter had to force is reported with a stable rule code,
// the file and the line of the block.
func TestForcedReports(t *testing.T) {
	b := newBook(t, 1)
	set, err := fonts.LoadFS(b.Files(), b.Fonts.Serif, b.Fonts.Sans)
	if err != nil {
		t.Fatal(err)
	}
	ts := newTypesetter(b, set)
	ts.file, ts.line = "contributions/x.md", 12
	st := ts.pstyle(layout.Mm(40), ts.d.leading, layout.Justify)
	// two words that cannot be hyphenated, on a measure that holds one and a half
	r := ts.text("ABCDEFGHIJKLMNO PQRSTUVWXYZABCD EFGHIJKLMNOPQRS", tstyle{fam: serif, size: ts.d.size})
	ts.setLines([]layout.Run{r}, st)
	ts.line = 20
	// An address too long for the line breaks after its separators: loose, never overfull.
	ts.setLines([]layout.Run{ts.text("https://example.org/une/adresse/bien/trop/longue/pour/la/ligne", tstyle{fam: serif, size: ts.d.size})}, st)
	ts.line = 25
	// A word too long for the line, which hyphenation cannot help (capitals),
	// is cut between letters, and that is said.
	ts.setLines([]layout.Run{ts.text(strings.Repeat("ABCDEFGHIJ", 6), tstyle{fam: serif, size: ts.d.size})}, st)
	ts.line = 30
	ts.text("un emoji 🙂", tstyle{fam: serif, size: ts.d.size})
	ts.flowIssue(layout.Widow, &layout.Page{Number: 3})
	ts.flowIssue(layout.Orphan, &layout.Page{Number: 3})
	want := []string{"line-loose:12", "line-loose:20", "word-cut:25", "emoji:30", "widow:30", "orphan:30"}
	var got []string
	for _, d := range ts.diags {
		if d.File != "contributions/x.md" || d.Severity != book.Warning {
			t.Errorf("finding %s", d)
		}
		got = append(got, fmt.Sprintf("%s:%d", d.Rule, d.Pos.Line))
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("findings %v, want %v\n%s", got, want, ts.diags.Text())
	}
}

// Full pages end level: every page a contribution continues from has its
// last line on the bottom of the text frame, so facing pages match.
func TestFullPagesEndLevel(t *testing.T) {
	b := newBook(t, 60)
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	d := newDesign(b)
	bottom := d.height - d.bottom
	n := 0
	for _, pr := range r.Contributions {
		for folio := pr.First; folio < pr.Last; folio++ {
			var last layout.Element
			for _, e := range r.Doc.Pages[folio-1].Elements {
				if e.Kind == layout.TextElement && e.Y < bottom+layout.Mm(3) && e.Y > last.Y {
					last = e
				}
			}
			n++
			// the baseline of a line whose slot ends on the frame's bottom
			// sits a descent above it
			if gap := bottom - last.Y; gap < 0 || gap > last.Size*35/100 {
				t.Errorf("page %d: last line %q ends %.1fpt above the bottom of the frame", folio, last.Text, gap.Points())
			}
		}
	}
	if n < 20 {
		t.Fatalf("only %d full pages", n)
	}
}

// An opening so long that the text cannot start on its page is reported.
func TestOpeningAlone(t *testing.T) {
	b := newBook(t, 2)
	c := b.Published()[0]
	for i := 0; i < 40; i++ {
		c.Links = append(c.Links, "https://example.org/lien-numero-"+string(rune('a'+i%26)))
	}
	_, diags, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range diags {
		if d.Rule == "opening-alone" {
			n++
			if d.File != c.Path {
				t.Errorf("reported on %s, want %s", d.File, c.Path)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d opening-alone findings, want 1:\n%s", n, diags.Text())
	}
	// and a normal book has none
	_, diags, _ = Typeset(newBook(t, 8))
	for _, d := range diags {
		if d.Rule == "opening-alone" {
			t.Errorf("normal opening reported: %s", d)
		}
	}
}

func contribBySlug(b *book.Book, slug string) *book.Contribution {
	for _, c := range b.Published() {
		if c.Slug == slug {
			return c
		}
	}
	return nil
}
