package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	gzqr "github.com/makiuchi-d/gozxing/qrcode"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/cpuclock"
	"github.com/recueil/recueil/internal/pdfobj"
	"github.com/recueil/recueil/internal/typeset"
	"github.com/recueil/recueil/internal/typeset/testbook"
	"github.com/recueil/recueil/layout"
)

// Cutting an offprint out of the book gives the document WritePages
// draws: valid, same text, same pixels on every page, and links that stay
// inside the offprint or lead to the book's URL.
func TestCutEqualsDrawn(t *testing.T) {
	need(t, "qpdf", "pdftotext", "pdfinfo", "pdftoppm")
	dir := t.TempDir()
	b, r, path := build(t, dir, 6)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCutter(data, r, b)
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range r.Contributions {
		var cut, drawn bytes.Buffer
		if err := c.Cut(&cut, pr.First, pr.Last); err != nil {
			t.Fatalf("%s: %v", pr.Slug, err)
		}
		if err := WritePages(&drawn, r, b, pr.First, pr.Last); err != nil {
			t.Fatal(err)
		}
		cp := filepath.Join(dir, pr.Slug+"-cut.pdf")
		dp := filepath.Join(dir, pr.Slug+"-drawn.pdf")
		os.WriteFile(cp, cut.Bytes(), 0o644)
		os.WriteFile(dp, drawn.Bytes(), 0o644)
		run(t, "qpdf", "--check", cp)
		ci, di := run(t, "pdfinfo", cp), run(t, "pdfinfo", dp)
		for _, field := range []string{"Title:", "Author:", "Subject:", "Keywords:", "Pages:", "Page size:", "CreationDate:"} {
			if a, b := infoLine(ci, field), infoLine(di, field); a != b || a == "" {
				t.Errorf("%s: %s %q cut, %q drawn", pr.Slug, field, a, b)
			}
		}
		if a, b := run(t, "pdftotext", "-layout", cp, "-"), run(t, "pdftotext", "-layout", dp, "-"); a != b {
			t.Errorf("%s: text differs:\n%s\n---\n%s", pr.Slug, a, b)
		}
		for p := 1; p <= pr.Last-pr.First+2; p++ { // the cover page, then the book's
			if a, b := render(t, cp, p), render(t, dp, p); !bytes.Equal(a, b) {
				t.Errorf("%s: page %d renders differently when cut", pr.Slug, p)
			}
		}
		checkLinks(t, pr.Slug, cut.Bytes(), b.URL)
		checkQR(t, cp, b.PageURL(pr.Slug))
		co, do := outlineOf(t, cut.Bytes()), outlineOf(t, drawn.Bytes())
		if len(co) == 0 || strings.Join(co, "\n") != strings.Join(do, "\n") {
			t.Errorf("%s: outlines differ:\ncut:\n%s\ndrawn:\n%s", pr.Slug, strings.Join(co, "\n"), strings.Join(do, "\n"))
		}
	}
}

// outlineOf lists a PDF's bookmarks, depth first, as "depth title page".
func outlineOf(t *testing.T, pdf []byte) []string {
	t.Helper()
	d, err := pdfobj.Read(pdf)
	if err != nil {
		t.Fatal(err)
	}
	root, ok := d.DictAt(d.Catalog.Get("Outlines"))
	if !ok {
		return nil
	}
	var out []string
	var walk func(first any, depth int)
	walk = func(first any, depth int) {
		if depth > 16 {
			t.Fatalf("outline deeper than 16 levels: an item is its own ancestor")
		}
		for n := 0; first != nil && n < 1000; n++ {
			it, ok := d.DictAt(first)
			if !ok {
				t.Fatalf("outline item %v is not a dictionary", first)
			}
			page := -1
			if dest, ok := it.Get("Dest").(pdfobj.Array); ok {
				if p, ok := dest[0].(pdfobj.Ref); ok {
					if i, ok := d.PageIndex[int(p)]; ok {
						page = i
					}
				}
			}
			out = append(out, fmt.Sprintf("%d %s %d", depth, it.Get("Title"), page))
			walk(it.Get("First"), depth+1)
			first = it.Get("Next")
		}
	}
	walk(root.Get("First"), 0)
	return out
}

func infoLine(info, field string) string {
	for _, l := range strings.Split(info, "\n") {
		if strings.HasPrefix(l, field) {
			return strings.TrimSpace(strings.TrimPrefix(l, field))
		}
	}
	return ""
}

// render is page p of a PDF as a PNG (pdftoppm writes the same bytes for
// the same pixels).
func render(t *testing.T, path string, p int) []byte {
	t.Helper()
	out, err := exec.Command("pdftoppm", "-r", "50", "-gray", "-png", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), path).Output()
	if err != nil {
		t.Fatalf("pdftoppm %s: %v", path, err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() < 200 || b.Dy() < 300 {
		t.Fatalf("page %d of %s renders at %v", p, path, b)
	}
	return out
}

// checkQR reads the QR code of an offprint's first page of text (after its
// cover page) as printed at
// 300 dpi, with ZXing's detector on the whole page: it leads to want.
func checkQR(t *testing.T, path, want string) {
	t.Helper()
	if want == "" {
		t.Fatalf("%s: the test book has no url", path)
	}
	out, err := exec.Command("pdftoppm", "-r", "300", "-gray", "-png", "-f", "2", "-l", "2", path).Output()
	if err != nil {
		t.Fatalf("pdftoppm %s: %v", path, err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := gzqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		t.Fatalf("%s: no QR code read on the first page: %v", path, err)
	}
	if got := res.GetText(); got != want {
		t.Errorf("%s: the QR code leads to %q, want %q", path, got, want)
	}
}

// checkLinks reads an offprint back: every internal link leads to one of
// its pages, and every outside one to the book's URL.
func checkLinks(t *testing.T, slug string, pdf []byte, url string) {
	t.Helper()
	d, err := pdfobj.Read(pdf)
	if err != nil {
		t.Fatalf("%s: %v", slug, err)
	}
	uris := 0
	for _, n := range d.Pages {
		pg, _ := d.DictAt(pdfobj.Ref(n))
		list, _ := pg.Get("Annots").(pdfobj.Array)
		for _, a := range list {
			an, ok := d.DictAt(a)
			if !ok {
				t.Fatalf("%s: annotation %v is no dictionary", slug, a)
			}
			if dest, ok := an.Get("Dest").(pdfobj.Array); ok {
				if _, ok := d.PageIndex[int(dest[0].(pdfobj.Ref))]; !ok {
					t.Errorf("%s: a link leads to object %v, not a page of the offprint", slug, dest[0])
				}
				continue
			}
			act, _ := an.Get("A").(*pdfobj.Dict)
			if act == nil || act.Get("S") != pdfobj.Name("URI") {
				t.Errorf("%s: a link with neither destination nor URI", slug)
				continue
			}
			if string(act.Get("URI").(pdfobj.Token)) == "("+url+")" {
				uris++
			}
		}
	}
	if url != "" && uris == 0 {
		t.Errorf("%s: no link to the book's URL", slug)
	}
}

// When the colophon cannot be cut (here, its face has no colophon font,
// as with a file this package did not write), Offprint draws the
// offprint, exactly as WritePages does.
func TestCutFallsBackToDrawing(t *testing.T) {
	dir := t.TempDir()
	b, r, path := build(t, dir, 3)
	data, _ := os.ReadFile(path)
	c, err := NewCutter(data, r, b)
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.colRes {
		c.colRes[i] = ""
	}
	pr := r.Contributions[0]
	if err := c.Cut(io.Discard, pr.First, pr.Last); !errors.Is(err, ErrCannotCut) {
		t.Fatalf("Cut without colophon fonts: %v, want ErrCannotCut", err)
	}
	var got, want bytes.Buffer
	cut, err := c.Offprint(&got, pr.First, pr.Last)
	if err != nil || cut {
		t.Fatalf("Offprint: cut %v, %v", cut, err)
	}
	if err := WritePages(&want, r, b, pr.First, pr.Last); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Error("the fallback is not WritePages' offprint")
	}
	if err := c.Cut(io.Discard, 0, 2); err == nil {
		t.Error("a range from page 0 was accepted")
	}
	if err := c.Cut(io.Discard, 1, len(r.Doc.Pages)+1); err == nil {
		t.Error("a range past the last page was accepted")
	}
}

// The plan of an offprint numbers every object of it once, pages tree
// first and catalog last, names the fonts its pages draw with, and is
// data only: emitting it twice writes the same file, and that file read
// again and finished is the very file Cut writes without writing and
// reading it.
func TestCutPlan(t *testing.T) {
	dir := t.TempDir()
	b, r, path := build(t, dir, 3)
	data, _ := os.ReadFile(path)
	c, err := NewCutter(data, r, b)
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range r.Contributions {
		p, err := c.plan(pr.First, pr.Last)
		if err != nil {
			t.Fatalf("%s: %v", pr.Slug, err)
		}
		if p.first != pr.First || p.last != pr.Last || len(p.fonts) == 0 || len(p.colophon) == 0 {
			t.Errorf("%s: plan of %d-%d drawing %v with colophon %v", pr.Slug, p.first, p.last, p.fonts, p.colophon)
		}
		seen := make([]bool, p.size)
		for _, ob := range p.objects {
			if ob.num <= 0 || ob.num >= p.size || seen[ob.num] {
				t.Fatalf("%s: object %d planned twice or out of 1..%d", pr.Slug, ob.num, p.size-1)
			}
			seen[ob.num] = true
		}
		if len(p.objects) != p.size-1 || p.objects[0].num != 1 || p.objects[len(p.objects)-1].num != p.catalog {
			t.Errorf("%s: %d objects planned for 1..%d", pr.Slug, len(p.objects), p.size-1)
		}
		var once, twice, cut bytes.Buffer
		if err := p.emit(&once); err != nil {
			t.Fatal(err)
		}
		if err := p.emit(&twice); err != nil {
			t.Fatal(err)
		}
		if err := c.Cut(&cut, pr.First, pr.Last); err != nil {
			t.Fatal(err)
		}
		// the file emitted, read again and finished: what Cut, which
		// finishes the plan in memory, must write byte for byte
		read, err := pdfobj.Read(once.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		tagged, err := c.tag(pdfobj.NewWriter(pdfHeader, 0), p, read)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(once.Bytes(), twice.Bytes()) {
			t.Errorf("%s: emitting the plan again writes another file", pr.Slug)
		}
		if !bytes.Equal(tagged, cut.Bytes()) {
			t.Errorf("%s: the offprint finished in memory differs from the emitted file finished (%d and %d bytes)", pr.Slug, cut.Len(), len(tagged))
		}
	}
}

// A damaged or foreign file is refused with an error, never a panic.
func TestCutterDamagedFile(t *testing.T) {
	dir := t.TempDir()
	b, r, path := build(t, dir, 2)
	data, _ := os.ReadFile(path)
	for _, n := range []int{0, 10, len(data) / 3, len(data) / 2, len(data) * 9 / 10} {
		if _, err := NewCutter(data[:n], r, b); err == nil {
			t.Errorf("a file cut at byte %d of %d was read", n, len(data))
		}
	}
	bad := bytes.Clone(data)
	copy(bad[bytes.Index(bad, []byte("/Resources")):], "/Xesources")
	if _, err := NewCutter(bad, r, b); err == nil {
		t.Error("a file without resources was read")
	}
	if _, err := NewCutter([]byte("%PDF-1.4\n%%EOF\n"), r, b); err == nil {
		t.Error("an empty PDF was read")
	}
}

// book612 is a typeset book of 612 contributions and its PDF.
func book612(b *testing.B) (*book.Book, *typeset.Result, []byte) {
	bk, err := testbook.New(b.TempDir(), 612)
	if err != nil {
		b.Fatal(err)
	}
	r, data := typesetPDF(b, bk)
	return bk, r, data
}

// cutter612 is book612 and the cutter of its PDF.
func cutter612(b *testing.B) (*typeset.Result, *Cutter) {
	bk, r, data := book612(b)
	c, err := NewCutter(data, r, bk)
	if err != nil {
		b.Fatal(err)
	}
	return r, c
}

// BenchmarkCut is one offprint (one contributor's pages) cut out of the
// PDF of a book of 612 contributions; compare with BenchmarkWritePages.
func BenchmarkCut(b *testing.B) {
	r, c := cutter612(b)
	i := 0
	defer cpuclock.PerOp(b)()
	for b.Loop() {
		pr := r.Contributions[i%len(r.Contributions)]
		if err := c.Cut(io.Discard, pr.First, pr.Last); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkPlanKey is working out an offprint of the 612 book and its
// key, what a compile pays for an offprint it takes from the cache.
func BenchmarkPlanKey(b *testing.B) {
	r, c := cutter612(b)
	i := 0
	defer cpuclock.PerOp(b)()
	for b.Loop() {
		pr := r.Contributions[i%len(r.Contributions)]
		pl, err := c.Plan(pr.First, pr.Last)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := pl.Key(); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkNewCutter is reading the PDF of a book of 612 contributions
// and making its colophon fonts, once per compile.
func BenchmarkNewCutter(b *testing.B) {
	bk, r, book := book612(b)
	defer cpuclock.PerOp(b)()
	for b.Loop() {
		if _, err := NewCutter(book, r, bk); err != nil {
			b.Fatal(err)
		}
	}
}

// An offprint's key is the same for the same book however many times it
// is worked out, differs from offprint to offprint, and changes when what
// the finisher reads of its pages changes (here a word's text, which the
// content streams, copied from the book's file, do not show), and only
// for that offprint.
func TestPlanKey(t *testing.T) {
	dir := t.TempDir()
	b, r, path := build(t, dir, 4)
	data, _ := os.ReadFile(path)
	keys := func() []string {
		c, err := NewCutter(data, r, b)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, pr := range r.Contributions {
			pl, err := c.Plan(pr.First, pr.Last)
			if err != nil {
				t.Fatalf("%s: %v", pr.Slug, err)
			}
			k, err := pl.Key()
			if err != nil {
				t.Fatalf("%s: %v", pr.Slug, err)
			}
			again, _ := pl.Key()
			if !bytes.Equal(k, again) {
				t.Errorf("%s: the key of one plan changes", pr.Slug)
			}
			out = append(out, fmt.Sprintf("%x", k))
		}
		return out
	}
	first, second := keys(), keys()
	seen := map[string]bool{}
	for i, k := range first {
		if k != second[i] {
			t.Errorf("%s: another key from another cutter of the same file", r.Contributions[i].Slug)
		}
		if seen[k] {
			t.Errorf("%s: the same key as another offprint", r.Contributions[i].Slug)
		}
		seen[k] = true
	}
	pg := r.Doc.Pages[r.Contributions[1].First-1]
	changed := false
	for i := range pg.Elements {
		if e := &pg.Elements[i]; e.Kind == layout.TextElement && e.Node > 0 && len(e.Text) > 3 {
			e.Text = "Z" + e.Text[1:]
			changed = true
			break
		}
	}
	if !changed {
		t.Fatal("no word on the second offprint's first page")
	}
	for i, k := range keys() {
		if (k != first[i]) != (i == 1) {
			t.Errorf("%s: key changed %v after a word of offprint 2 changed", r.Contributions[i].Slug, k != first[i])
		}
	}
}
