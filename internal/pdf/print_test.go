package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recueil/recueil/layout"
)

// TestPrintDocument: the print edition's page is the book's moved into the
// trim; a full-page background and an image reaching the edge cover the
// bleed; linked words are black; the eight crop marks lie on the sheet, in
// the margin past the bleed, as artifacts.
func TestPrintDocument(t *testing.T) {
	w, h := layout.Mm(148), layout.Mm(210)
	blue := layout.Color{B: 200}
	doc := &layout.Document{Width: w, Height: h}
	p := doc.NewPage()
	p.Elements = []layout.Element{
		{Kind: layout.RectElement, X: 0, Y: 0, W: w, H: h, Color: blue},
		{Kind: layout.ImageElement, Src: "a.jpg", X: 0, Y: 0, W: w, H: h / 2},
		{Kind: layout.TextElement, Node: 1, Text: "lien", X: layout.Mm(20), Y: layout.Mm(100), W: layout.Mm(10), Color: blue},
		{Kind: layout.LinkElement, Node: 1, URI: "https://example.org", X: layout.Mm(20), Y: layout.Mm(97), W: layout.Mm(10), H: layout.Mm(4)},
		{Kind: layout.TextElement, Node: 1, Text: "mot", X: layout.Mm(40), Y: layout.Mm(100), W: layout.Mm(10), Color: blue},
	}
	pd := PrintDocument(doc)
	off := Bleed + MarkRoom
	if pd.Width != w+2*off || pd.Height != h+2*off {
		t.Fatalf("sheet %v×%v", pd.Width, pd.Height)
	}
	if len(doc.Pages[0].Elements) != 5 || doc.Pages[0].Elements[0].X != 0 {
		t.Fatal("PrintDocument changed the book's document")
	}
	els := pd.Pages[0].Elements
	bx, by, bw, bh := off-Bleed, off-Bleed, w+2*Bleed, h+2*Bleed // the bleed box
	if r := els[0]; r.X != bx || r.Y != by || r.W != bw || r.H != bh {
		t.Errorf("background %v,%v %v×%v, want the bleed box %v,%v %v×%v", r.X, r.Y, r.W, r.H, bx, by, bw, bh)
	}
	if im := els[1]; im.X > bx || im.Y > by || im.X+im.W < bx+bw || im.Y+im.H < off+h/2 {
		t.Errorf("image %v,%v %v×%v does not cover the bleed", im.X, im.Y, im.W, im.H)
	} else if r, want := float64(im.W)/float64(im.H), float64(w)/float64(h/2); r < want-0.001 || r > want+0.001 {
		t.Errorf("image proportions %.4f, want %.4f", r, want)
	}
	if els[2].Color != layout.Black || els[4].Color != blue {
		t.Errorf("linked word %v, other word %v: want black and blue", els[2].Color, els[4].Color)
	}
	if els[4].X != layout.Mm(40)+off || els[4].Y != layout.Mm(100)+off {
		t.Errorf("text not moved into the trim: %v,%v", els[4].X, els[4].Y)
	}
	marks := els[5:]
	if len(marks) != 8 {
		t.Fatalf("%d crop marks, want 8", len(marks))
	}
	for _, m := range marks {
		x0, y0, x1, y1 := m.X, m.Y, m.X+m.W, m.Y+m.H
		if m.Kind != layout.RuleElement || m.Node != layout.Decoration || m.Color != layout.Black {
			t.Errorf("mark %+v is not a black rule, artifact", m)
		}
		if x0 < 0 || y0 < 0 || x1 > pd.Width || y1 > pd.Height {
			t.Errorf("mark %v,%v–%v,%v off the sheet", x0, y0, x1, y1)
		}
		// it may touch the bleed box's lines extended, never its inside
		if x1 > bx && x0 < bx+bw && y1 > by && y0 < by+bh {
			t.Errorf("mark %v,%v–%v,%v crosses the bleed", x0, y0, x1, y1)
		}
		if on := x0 == off || x0 == off+w || y0 == off || y0 == off+h; !on {
			t.Errorf("mark %v,%v–%v,%v is not on a trim line", x0, y0, x1, y1)
		}
	}
}

func TestPrintDeterministic(t *testing.T) {
	dir := t.TempDir()
	b, r, _ := build(t, dir, 6)
	var x, y bytes.Buffer
	if err := WritePrint(&x, r, b, nil); err != nil {
		t.Fatal(err)
	}
	if err := WritePrint(&y, r, b, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x.Bytes(), y.Bytes()) {
		a, b := x.Bytes(), y.Bytes()
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		t.Fatalf("two print editions differ at %d: %q / %q", i, a[max(0, i-80):min(len(a), i+40)], b[max(0, i-80):min(len(b), i+40)])
	}
	if !bytes.Contains(x.Bytes(), []byte("/OutputIntents")) || !bytes.Contains(x.Bytes(), []byte("/TrimBox")) {
		t.Fatal("no output intent or trim box")
	}
}

// TestCoverSpread: the spread is back, spine and front side by side, the
// spine pages/2 × the paper's thickness wide; its title is set on a spine
// of 6 mm or more, never on a narrower one; the PDF reads back.
func TestCoverSpread(t *testing.T) {
	need(t, "qpdf", "pdftotext")
	dir := t.TempDir()
	b, r, _ := build(t, dir, 6)
	n := len(r.Doc.Pages)
	for _, paper := range []float64{0.05, 0.5} {
		b.PaperMM = paper
		doc, sp := CoverSpread(r, b)
		want := layout.Mm(float64((n+1)/2) * paper)
		if sp.w != want || doc.Width != 2*r.Doc.Width+want || doc.Height != r.Doc.Height {
			t.Errorf("paper %g: spine %v, sheet %v, want spine %v", paper, sp.w, doc.Width, want)
		}
		if (sp.text != "") != (want >= MinSpine) {
			t.Errorf("paper %g: spine %v wide, text %q", paper, want, sp.text)
		}
		var buf bytes.Buffer
		if err := WriteCover(&buf, r, b, nil); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "cover.pdf")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		run(t, "qpdf", "--check", path)
		text := run(t, "pdftotext", path, "-")
		if got := strings.Count(norm(text), b.Title); (want >= MinSpine && got < 2) || got < 1 {
			t.Errorf("paper %g: the title is read %d times on the spread", paper, got)
		}
	}
}
