package pipeline

import (
	"encoding/json"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// readBoxes reads, with qpdf --json, each page's boxes (inherited ones
// resolved) and the catalog's output intents.
type qpdfBoxes struct {
	Media, Trim, Bleed [4]float64
}

func readBoxes(t *testing.T, path string, print bool) (pages []qpdfBoxes, intents []map[string]any) {
	t.Helper()
	out, err := exec.Command("qpdf", "--json=2", "--json-key=qpdf", path).Output()
	if err != nil {
		t.Fatalf("qpdf --json %s: %v", path, err)
	}
	var j struct {
		Qpdf []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &j); err != nil || len(j.Qpdf) < 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	var objs map[string]struct {
		Value map[string]any `json:"value"`
	}
	if err := json.Unmarshal(j.Qpdf[1], &objs); err != nil {
		t.Fatal(err)
	}
	obj := func(ref any) map[string]any {
		s, _ := ref.(string)
		return objs["obj:"+s].Value
	}
	box := func(d map[string]any, key string) ([4]float64, bool) {
		for d != nil {
			if a, ok := d[key].([]any); ok && len(a) == 4 {
				var b [4]float64
				for i, v := range a {
					b[i], _ = v.(float64)
				}
				return b, true
			}
			d = obj(d["/Parent"])
		}
		return [4]float64{}, false
	}
	// the pages in order, from the page tree
	var walk func(d map[string]any)
	walk = func(d map[string]any) {
		switch d["/Type"] {
		case "/Pages":
			kids, _ := d["/Kids"].([]any)
			for _, k := range kids {
				walk(obj(k))
			}
		case "/Page":
			var p qpdfBoxes
			var ok1, ok2, ok3 bool
			p.Media, ok1 = box(d, "/MediaBox")
			p.Trim, ok2 = box(d, "/TrimBox")
			p.Bleed, ok3 = box(d, "/BleedBox")
			if !ok1 || print && (!ok2 || !ok3) {
				t.Errorf("%s page %d: a box is missing (%v %v %v)", filepath.Base(path), len(pages)+1, ok1, ok2, ok3)
			}
			pages = append(pages, p)
		}
	}
	for _, o := range objs {
		if o.Value["/Type"] == "/Catalog" {
			walk(obj(o.Value["/Pages"]))
			if a, ok := o.Value["/OutputIntents"].([]any); ok {
				for _, oi := range a {
					if m, ok := oi.(map[string]any); ok {
						intents = append(intents, m)
					}
				}
			}
		}
	}
	return pages, intents
}

// inside reports whether box a is within box b.
func inside(a, b [4]float64) bool {
	const tol = 0.01
	return a[0] >= b[0]-tol && a[1] >= b[1]-tol && a[2] <= b[2]+tol && a[3] <= b[3]+tol
}

// TestSamplePrintEdition reads the sample book's print edition with the
// outside tools: on every page TrimBox ⊂ BleedBox ⊂ MediaBox, the trim the
// book's page size, 3 mm of bleed on every side, the same boxes on every
// page; an sRGB output intent with its profile; fonts embedded; qpdf and
// pdfcpu (strict) find nothing; the same text as the book's PDF.
func TestSamplePrintEdition(t *testing.T) {
	need(t, "qpdf", "pdffonts", "pdftotext", "pdfinfo")
	pdfcpu := pdfcpuPath(t)
	res, dir := sampleOut(t)
	art := res.Book.Artifacts()
	book, print := filepath.Join(dir, art.PDF()), filepath.Join(dir, art.PrintPDF())
	runTool(t, "qpdf", "--check", print)

	bookPages, _ := readBoxes(t, book, false)
	pages, intents := readBoxes(t, print, true)
	if len(pages) == 0 || len(pages) != len(bookPages) {
		t.Fatalf("the print edition has %d pages, the book %d", len(pages), len(bookPages))
	}
	const mm = 72 / 25.4
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.02 }
	page := bookPages[0].Media
	for i, p := range pages {
		if !inside(p.Trim, p.Bleed) || !inside(p.Bleed, p.Media) || p.Bleed == p.Media {
			t.Errorf("page %d: TrimBox %v, BleedBox %v, MediaBox %v are not nested", i+1, p.Trim, p.Bleed, p.Media)
		}
		if p != pages[0] {
			t.Errorf("page %d: boxes %v differ from the first page's %v", i+1, p, pages[0])
		}
		if !near(p.Trim[2]-p.Trim[0], page[2]-page[0]) || !near(p.Trim[3]-p.Trim[1], page[3]-page[1]) {
			t.Errorf("page %d: the TrimBox %v is not the book's page %v", i+1, p.Trim, page)
		}
		for k, sign := range []float64{-1, -1, 1, 1} {
			if !near(p.Bleed[k]-p.Trim[k], sign*3*mm) {
				t.Errorf("page %d: bleed %v around trim %v is not 3 mm on side %d", i+1, p.Bleed, p.Trim, k)
			}
			if d := sign * (p.Media[k] - p.Bleed[k]); d < 8*mm {
				t.Errorf("page %d: only %.1f pt for the crop marks past the bleed on side %d", i+1, d, k)
			}
		}
	}
	if len(intents) != 1 || intents[0]["/S"] != "/GTS_PDFX" || intents[0]["/DestOutputProfile"] == nil ||
		!strings.Contains(intents[0]["/OutputConditionIdentifier"].(string), "sRGB") {
		t.Errorf("output intents: %v", intents)
	}
	raw, _ := os.ReadFile(print)
	if !strings.Contains(string(raw), "/TrimBox") {
		t.Error("no /TrimBox written")
	}

	for _, l := range strings.Split(strings.TrimSpace(runTool(t, "pdffonts", print)), "\n")[2:] {
		if f := strings.Fields(l); f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	if info := runTool(t, "pdfinfo", print); !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).MatchString(info) {
		t.Errorf("the print edition is not tagged:\n%s", info)
	}
	// the same text, page by page (pdftotext crops nothing: the marks are lines)
	n := strconv.Itoa(len(pages))
	if a, b := runTool(t, "pdftotext", "-l", n, book, "-"), runTool(t, "pdftotext", "-l", n, print, "-"); a != b {
		t.Errorf("the print edition's text differs from the book's (%d and %d bytes)", len(a), len(b))
	}
	// the cover spread: one page, back + spine + front wide, the same
	// bleed, the title on the front
	cover := filepath.Join(dir, art.CoverPDF())
	runTool(t, "qpdf", "--check", cover)
	cp, ci := readBoxes(t, cover, true)
	spine := float64((len(pages)+1)/2) * res.Book.PaperMM * mm
	if len(cp) != 1 || len(ci) != 1 {
		t.Fatalf("cover spread: %d pages, %d output intents", len(cp), len(ci))
	}
	c := cp[0]
	if !near(c.Trim[2]-c.Trim[0], 2*(page[2]-page[0])+spine) || !near(c.Trim[3]-c.Trim[1], page[3]-page[1]) ||
		!near(c.Trim[0]-c.Bleed[0], 3*mm) || !inside(c.Bleed, c.Media) {
		t.Errorf("cover spread boxes %+v for pages %v and a spine of %.2f pt", c, page, spine)
	}
	if txt := runTool(t, "pdftotext", cover, "-"); !strings.Contains(txt, "Rencontres") {
		t.Errorf("the cover spread has no title:\n%s", txt)
	}
	for _, f := range []string{print, cover} {
		if out, err := exec.Command(pdfcpu, "validate", "-m", "strict", f).CombinedOutput(); err != nil || !strings.Contains(string(out), "validation ok") {
			t.Errorf("pdfcpu validate -m strict %s: %v\n%s", filepath.Base(f), err, out)
		}
	}
}

// TestSampleLowResolution: the sample's images all print at 300 dpi or
// more (its cover is 1750 × 2500 pixels over an A5 page), so the sample
// compiles without the warning; the same book with a 1400 × 2000 cover
// gets one, at book.yaml's cover line, saying 240 dpi and the pixels it
// needs; its photos, printed small, are never named.
func TestSampleLowResolution(t *testing.T) {
	res, _ := sampleOut(t)
	if found := lowResFindings(res); len(found) != 0 {
		t.Errorf("the sample's low-resolution findings: %q", found)
	}

	root := copyBook(t)
	f, err := os.Create(filepath.Join(root, "editorial", "cover.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 1400, 2000))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{0x26, 0x35, 0x5a, 0xff}), image.Point{}, draw.Src)
	if err := jpeg.Encode(f, img, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	small, err := Compile(Options{Root: root, Out: t.TempDir() + "/out", Jobs: 2, Only: []string{"pdf"}})
	if err != nil {
		t.Fatal(err)
	}
	found := lowResFindings(small)
	want := small.Book.FieldPos("cover")
	if len(found) != 1 || !strings.HasPrefix(found[0], "book.yaml:"+strconv.Itoa(want.Line)+":") ||
		!strings.Contains(found[0], "240 dpi") || !strings.Contains(found[0], "1749 × 2498") {
		t.Errorf("low-resolution findings with a 1400 × 2000 cover: %q", found)
	}
}

func lowResFindings(res *Result) []string {
	var found []string
	for _, d := range res.Diags {
		if d.Rule == "image-low-resolution" {
			found = append(found, d.String())
		}
	}
	return found
}
