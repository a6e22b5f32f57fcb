package typeset

import (
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/typeset/testbook"
	"github.com/recueil/recueil/layout"
)

func newBook(t testing.TB, n int) *book.Book {
	t.Helper()
	b, err := testbook.New(t.TempDir(), n)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestElementsInsideThePage(t *testing.T) {
	b := newBook(t, 16)
	r, diags, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != 0 {
		t.Errorf("unexpected findings:\n%s", diags.Text())
	}
	d := newDesign(b)
	for _, p := range r.Doc.Pages {
		for _, e := range p.Elements {
			if p.Number == 1 {
				continue // the cover bleeds
			}
			if e.X < 0 || e.Y < 0 || e.X+e.W > r.Doc.Width || e.Y+e.H > r.Doc.Height {
				t.Errorf("page %d: %v outside the page", p.Number, e)
			}
			if e.Kind != layout.TextElement {
				continue
			}
			left := d.inner
			if p.Verso() {
				left = d.outer
			}
			if e.X < left-layout.Pt(40) || e.X+e.W > left+d.measure+layout.Pt(0.01) {
				t.Errorf("page %d: %q at x %.2f..%.2f pt sticks out of the measure %.2f..%.2f", p.Number, e.Text,
					e.X.Points(), (e.X + e.W).Points(), left.Points(), (left + d.measure).Points())
			}
		}
	}
}

func TestEntriesAndRanges(t *testing.T) {
	b := newBook(t, 9)
	b.Page.Recto = true
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	pub := b.Published()
	if len(r.Contributions) != len(pub) {
		t.Fatalf("%d ranges for %d contributions", len(r.Contributions), len(pub))
	}
	prev := 0
	for i, pr := range r.Contributions {
		if pr.Slug != pub[i].Slug {
			t.Errorf("range %d is %s, want %s", i, pr.Slug, pub[i].Slug)
		}
		if pr.First%2 != 1 {
			t.Errorf("%s starts on page %d, a verso, with recto: true", pr.Slug, pr.First)
		}
		if pr.First <= prev || pr.Last < pr.First {
			t.Errorf("%s: pages %d-%d after %d", pr.Slug, pr.First, pr.Last, prev)
		}
		prev = pr.Last
	}
	kinds := map[EntryKind]int{}
	level := map[string]int{}
	for _, e := range r.Entries {
		kinds[e.Kind]++
		if e.Page <= 0 {
			t.Errorf("entry %q has no page", e.Title)
		}
		level[e.Slug] = e.Level
	}
	if kinds[EntrySection] != 2 || kinds[EntryContribution] != 9 || kinds[EntryIndex] != 1 || kinds[EntryIntroduction] != 1 {
		t.Errorf("entries %v", kinds)
	}
	if level[pub[0].Slug] != 1 {
		t.Errorf("contributions are not nested under their section")
	}
	// the outline holds every entry, in page order
	var outline []string
	for _, p := range r.Doc.Pages {
		for _, o := range p.Outline {
			outline = append(outline, o.Title)
		}
	}
	if len(outline) != len(r.Entries) {
		t.Errorf("outline has %d entries, contents %d", len(outline), len(r.Entries))
	}
}

func TestGlyphMissing(t *testing.T) {
	b := newBook(t, 2)
	c := b.Published()[1]
	c.Body = append(c.Body, book.Block{Kind: book.Paragraph, Line: 42, Spans: []book.Span{{Text: "Bravo 🎉 et merci ☃ ! \U0001F600 漢"}}})
	r, diags, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		if d.Rule == "emoji" {
			if d.File != c.Path || d.Pos.Line != 42 || d.Severity != book.Warning {
				t.Errorf("finding at the wrong place: %v", d)
			}
			got = append(got, d.Message)
		}
	}
	if len(got) != 3 {
		t.Fatalf("want 3 emoji findings (🎉, ☃, 😀: Liberation has none), got:\n%s", diags.Text())
	}
	found := false
	for _, p := range r.Doc.Pages {
		for _, e := range p.Elements {
			for _, ru := range e.Text {
				if ru > 0xFFFF {
					t.Fatalf("page %d: %q still holds %U", p.Number, e.Text, ru)
				}
			}
			if strings.Contains(e.Text, "?") && p.Number >= r.Contributions[1].First {
				found = true
			}
		}
	}
	if !found {
		t.Error("no visible replacement for 漢, which the font lacks")
	}
	n := 0
	for _, d := range diags {
		if d.Rule == "glyph-missing" && strings.Contains(d.Message, "漢") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("want one glyph-missing finding for 漢, got:\n%s", diags.Text())
	}
}

func TestEnglishLabels(t *testing.T) {
	b := newBook(t, 2)
	b.Language = "en"
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range r.Entries {
		titles = append(titles, e.Title)
	}
	all := strings.Join(titles, "|")
	for _, want := range []string{"Contents", "Introduction", "Afterword", "Index of contributors", "Partners"} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in %s", want, all)
		}
	}
}

func BenchmarkTypeset(b *testing.B) {
	bk := newBook(b, 600)
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := Typeset(bk); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLongAddressStaysOnThePage: an address longer than the measure breaks
// after its separators, so no line is overfull and nothing sticks out.
func TestLongAddressStaysOnThePage(t *testing.T) {
	b := newBook(t, 1)
	c := b.Published()[0]
	url := "https://example.org/" + strings.Repeat("tres-long-chemin/", 8)
	c.Body = append(c.Body, book.Block{Kind: book.Paragraph, Line: 77, Spans: []book.Span{{Text: "Voir " + url + " pour tout savoir.", Link: url}}})
	r, diags, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		if d.Rule == "line-overfull" || d.Rule == "word-cut" {
			t.Errorf("unexpected finding: %v", d)
		}
	}
	d := newDesign(b)
	for _, p := range r.Doc.Pages[1:] {
		left := d.inner
		if p.Verso() {
			left = d.outer
		}
		for _, e := range p.Elements {
			if e.Kind == layout.TextElement && e.X+e.W > left+d.measure+layout.Pt(0.01) {
				t.Errorf("page %d: %q sticks out of the measure", p.Number, e.Text)
			}
		}
	}
}

func TestLongRunningHeadIsCut(t *testing.T) {
	b := newBook(t, 2)
	b.Title = strings.Repeat("Un titre vraiment très long ", 6)
	for _, c := range b.Published() {
		for i := 0; i < 30; i++ { // several pages each
			c.Body = append(c.Body, c.Body[0])
		}
	}
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	d := newDesign(b)
	heads := 0
	for _, p := range r.Doc.Pages[4:] {
		if !p.Verso() {
			continue
		}
		var last layout.Element
		for _, e := range p.Elements {
			if e.Kind == layout.TextElement && e.Y < d.top {
				last = e
			}
		}
		if last.Text == "" {
			continue
		}
		heads++
		if last.X+last.W > d.outer+d.measure || !strings.HasSuffix(last.Text, "…") {
			t.Errorf("page %d: running head ending %q at %.1f pt not cut to the measure", p.Number, last.Text, (last.X + last.W).Points())
		}
	}
	if heads == 0 {
		t.Error("no running head at all")
	}
}

// Every text on the pages reads at 4.5:1 at least against the white
// paper (WCAG 2.1 AA), the handle and the headings set in the cards'
// accent included; the gold of the defaults is 1.9:1 as it is.
func TestTextContrast(t *testing.T) {
	b := newBook(t, 8)
	if r := layout.Contrast(parseColor(b.Cards.Accent, layout.Color{}), layout.Color{R: 255, G: 255, B: 255}); r >= 4.5 {
		t.Fatalf("the test book's accent is already %.1f:1: the test proves nothing", r)
	}
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	white := layout.Color{R: 255, G: 255, B: 255}
	texts := 0
	for _, p := range r.Doc.Pages {
		for i, e := range p.Elements {
			if e.Kind != layout.TextElement || e.Text == "" {
				continue
			}
			texts++
			// its ground: the last rectangle drawn under it (the cover's), or the paper
			bg := white
			for _, under := range p.Elements[:i] {
				if under.Kind == layout.RectElement && under.W > e.W && under.H > e.Size &&
					e.X >= under.X && e.X+e.W <= under.X+under.W && e.Y > under.Y && e.Y <= under.Y+under.H {
					bg = under.Color
				}
			}
			if c := layout.Contrast(e.Color, bg); c < 4.5 {
				t.Errorf("page %d: %q in %v is %.2f:1 on %v", p.Number, e.Text, e.Color, c, bg)
			}
		}
	}
	if texts < 100 {
		t.Fatalf("only %d texts", texts)
	}
}

// The copyright page prints the ISBN, the legal deposit and the printer's
// line when book.yaml gives them.
func TestCopyrightPage(t *testing.T) {
	b := newBook(t, 2)
	b.ISBN, b.LegalDeposit, b.Printer = "978-2-07-036822-8", "décembre 2026", "Achevé d’imprimer par l’imprimerie fictive"
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, p := range r.Doc.Pages[:6] {
		for _, e := range p.Elements {
			if e.Kind == layout.TextElement {
				all.WriteString(e.Text + " ")
			}
		}
	}
	for _, w := range []string{"ISBN", "978-2-07-036822-8", "Dépôt", "légal", "décembre", "Achevé", "fictive"} {
		if !strings.Contains(all.String(), w) {
			t.Errorf("the first pages do not show %q", w)
		}
	}
}

// An emoji is left out of the PDF, never printed as "?", and an emoji with
// its joiners (👍🏽, 👨‍👩‍👧) leaves nothing behind either.
func TestEmojiLeftOut(t *testing.T) {
	b := newBook(t, 1)
	c := b.Contributions[0]
	c.Body = append(c.Body, book.Block{Kind: book.Paragraph, Spans: []book.Span{{Text: "Merci 😀 à vous 👍🏽 et 👨‍👩‍👧 ☕️ !"}}})
	r, _, err := Typeset(b)
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, p := range r.Doc.Pages {
		for _, e := range p.Elements {
			if e.Kind == layout.TextElement {
				all.WriteString(e.Text + " ")
			}
		}
	}
	i := strings.Index(all.String(), "Merci à vous")
	if i < 0 {
		t.Fatal("the paragraph is not set")
	}
	if para := all.String()[i:]; strings.Contains(para[:strings.Index(para, "!")], "?") {
		t.Errorf("a ? on the page: %s", para)
	}
	for _, r := range all.String() {
		if book.IsEmoji(r) || book.EmojiJoiner(r) {
			t.Errorf("%q drawn", r)
		}
	}
}
