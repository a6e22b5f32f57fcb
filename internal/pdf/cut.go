package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/internal/typeset"
	"github.com/recueil/recueil/layout"
)

// ErrCannotCut says that an offprint cannot be cut out of the book's PDF
// (the file is not one this package wrote, or a character of the
// colophon has no glyph); Offprint then draws it instead.
var ErrCannotCut = errors.New("pdf: offprint cannot be cut from the book")

// Cutter cuts offprints out of the book's PDF as Write wrote it: the
// pages are copied byte for byte (the same drawing as in the book, not a
// second drawing of the layout), with only the fonts and images they use,
// their links to other parts of the book turned into links to the book's
// URL, and the colophon added. Drawing each offprint again with fpdf costs
// tens of milliseconds per document (naming and embedding every font);
// cutting costs a copy.
//
// The colophon's characters need not be in the book's fonts (the book's
// sans serif may never draw « or a digit): it is drawn with fonts of its
// own, made once per book with every character any colophon needs.
//
// A Cutter is safe for use by several goroutines at once.
type Cutter struct {
	r      *typeset.Result
	b      *book.Book
	book   *doc
	col    *doc    // a one-page PDF holding the colophon fonts
	colRes []pname // each face's font resource in col, "" when unused
	glyphs map[pname][]byte
}

// doc is a PDF written by fpdf, read.
type doc struct {
	header []byte
	objs   []*pobj // by object number; nil for free ones
	pages  []int   // page objects, in order
	pageAt map[int]int
	root   *pdict // the pages tree's root, for its /MediaBox
	cat    *pdict
	info   *pdict
	res    *pdict // the resources all pages share
	fonts  *pdict // its /Font
	xobjs  *pdict // its /XObject
}

// NewCutter reads data, the book's PDF written by Write from r and b.
func NewCutter(data []byte, r *typeset.Result, b *book.Book) (*Cutter, error) {
	if r.Doc == nil || r.Fonts == nil {
		return nil, errors.New("pdf: nothing typeset")
	}
	bk, err := readDoc(data)
	if err != nil {
		return nil, err
	}
	if len(bk.pages) != len(r.Doc.Pages) {
		return nil, fmt.Errorf("pdf: %d pages in the file, %d typeset", len(bk.pages), len(r.Doc.Pages))
	}
	c := &Cutter{r: r, b: b, book: bk, glyphs: map[pname][]byte{}}
	if err := c.colophonFonts(); err != nil {
		return nil, err
	}
	return c, nil
}

// colophonFonts draws, on a page of a scratch PDF, every character the
// offprints of the book add to its pages, face by face, and keeps that
// PDF's fonts.
func (c *Cutter) colophonFonts() error {
	var runes [fonts.NumFaces][]rune
	var seen [fonts.NumFaces]map[rune]bool
	ranges := [][2]int{{1, 1}, {1, min(2, len(c.r.Doc.Pages))}} // "p." and "pp."
	for _, pr := range c.r.Contributions {
		ranges = append(ranges, [2]int{pr.First, pr.Last})
	}
	add := func(face int, s string) {
		if face < 0 || face >= int(fonts.NumFaces) {
			return
		}
		if seen[face] == nil {
			seen[face] = map[rune]bool{}
		}
		for _, r := range bmp(s) {
			if !seen[face][r] {
				seen[face][r] = true
				runes[face] = append(runes[face], r)
			}
		}
	}
	for _, rg := range ranges {
		adds, err := c.r.OffprintAdditions(rg[0], rg[1])
		if err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
		for _, els := range adds {
			for _, e := range els {
				if e.Kind == layout.TextElement {
					add(e.Face, e.Text)
					add(e.Face, "0123456789–")
				}
			}
		}
	}
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: 100, Ht: 100}})
	f.SetCatalogSort(true)
	date := bookDate(c.b.Date)
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	f.AddPage()
	for face := range fonts.NumFaces {
		if len(runes[face]) == 0 {
			continue
		}
		slices.Sort(runes[face])
		ff := c.r.Fonts.Face(face)
		addFace(f, ff, runes[face])
		f.SetFont(ff.Name, ff.Style, 10)
		f.Text(10, 10, string(runes[face]))
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return fmt.Errorf("pdf: colophon fonts: %w", err)
	}
	col, err := readDoc(buf.Bytes())
	if err != nil {
		return fmt.Errorf("pdf: colophon fonts: %w", err)
	}
	c.col = col
	c.colRes = make([]pname, fonts.NumFaces)
	byBase := map[pname]pname{}
	for i, k := range col.fonts.keys {
		if fd, ok := col.dictAt(col.fonts.vals[i]); ok {
			if bf, ok := fd.get("BaseFont").(pname); ok {
				byBase[bf] = k
			}
		}
	}
	for face := range fonts.NumFaces {
		if len(runes[face]) == 0 {
			continue
		}
		ff := c.r.Fonts.Face(face)
		k := byBase[pname("utf8"+fontKey(ff.Name, ff.Style))]
		if k == "" {
			return fmt.Errorf("pdf: colophon fonts: face %s %s not written", ff.Name, ff.Style)
		}
		c.colRes[face] = k
		c.glyphs[k] = col.cidToGID(k)
	}
	return nil
}

// readDoc reads a PDF written by fpdf.
func readDoc(data []byte) (*doc, error) {
	offsets, trailer, err := readXref(data)
	if err != nil {
		return nil, err
	}
	d := &doc{objs: make([]*pobj, len(offsets)), pageAt: map[int]int{}}
	// the header: the comment lines before the first object
	for k := 0; k < len(data) && data[k] == '%'; {
		e := bytes.IndexByte(data[k:], '\n')
		if e < 0 {
			break
		}
		k += e + 1
		d.header = data[:k]
	}
	if len(d.header) == 0 {
		return nil, errors.New("pdf: no header")
	}
	for n, off := range offsets {
		if off < 0 || n == 0 {
			continue
		}
		if d.objs[n], err = readObject(data, n, off); err != nil {
			return nil, err
		}
	}
	var ok bool
	if d.cat, ok = d.dictAt(trailer.get("Root")); !ok {
		return nil, errors.New("pdf: no catalog")
	}
	if d.info, ok = d.dictAt(trailer.get("Info")); !ok {
		return nil, errors.New("pdf: no document information")
	}
	if d.root, ok = d.dictAt(d.cat.get("Pages")); !ok {
		return nil, errors.New("pdf: no pages tree")
	}
	kids, _ := d.root.get("Kids").(parray)
	var res0 any
	for i, k := range kids {
		n, ok := k.(pref)
		if !ok {
			return nil, errors.New("pdf: a page is not a reference")
		}
		pg, ok := d.dictAt(n)
		if !ok || pg.get("Type") != pname("Page") {
			return nil, errors.New("pdf: nested page trees are not supported")
		}
		d.pages = append(d.pages, int(n))
		d.pageAt[int(n)] = i
		if i == 0 {
			res0 = pg.get("Resources")
			if _, ok := res0.(pref); !ok {
				return nil, errors.New("pdf: resources are not shared")
			}
			if d.res, ok = d.dictAt(res0); !ok {
				return nil, errors.New("pdf: no resources")
			}
		} else if pg.get("Resources") != res0 {
			return nil, errors.New("pdf: pages do not share their resources")
		}
	}
	if len(d.pages) == 0 {
		return nil, errors.New("pdf: no page")
	}
	if d.fonts, ok = d.dictAt(d.res.get("Font")); !ok {
		d.fonts = &pdict{}
	}
	if d.xobjs, ok = d.dictAt(d.res.get("XObject")); !ok {
		d.xobjs = &pdict{}
	}
	return d, nil
}

// fontKey is fpdf's name of a face (getFontKey).
func fontKey(family, style string) string {
	style = strings.ToUpper(style)
	if style == "IB" {
		style = "BI"
	}
	return strings.ToLower(family) + style
}

// dictAt is the dictionary v is or refers to.
func (d *doc) dictAt(v any) (*pdict, bool) {
	if r, ok := v.(pref); ok {
		if int(r) <= 0 || int(r) >= len(d.objs) || d.objs[r] == nil {
			return nil, false
		}
		v = d.objs[r].val
	}
	x, ok := v.(*pdict)
	return x, ok
}

// hasGlyph says whether the colophon font res draws r.
func (c *Cutter) hasGlyph(res pname, r rune) bool {
	m := c.glyphs[res]
	return r >= 0 && int(r)*2+1 < len(m) && (m[2*r] != 0 || m[2*r+1] != 0)
}

// cidToGID is the character-to-glyph map of the font named res.
func (d *doc) cidToGID(res pname) []byte {
	t0, ok := d.dictAt(d.fonts.get(res))
	if !ok {
		return nil
	}
	desc, _ := t0.get("DescendantFonts").(parray)
	if len(desc) != 1 {
		return nil
	}
	cid, ok := d.dictAt(desc[0])
	if !ok {
		return nil
	}
	ref, ok := cid.get("CIDToGIDMap").(pref)
	if !ok || int(ref) >= len(d.objs) || d.objs[ref] == nil {
		return nil
	}
	m, err := inflate(d.objs[ref])
	if err != nil {
		return nil
	}
	return m
}

// inflate decodes a stream stored with /FlateDecode or no filter.
func inflate(o *pobj) ([]byte, error) {
	d, _ := o.val.(*pdict)
	if d == nil {
		return nil, errSyntax
	}
	switch f := d.get("Filter"); f {
	case nil:
		return o.stream, nil
	case pname("FlateDecode"):
		zr, err := zlib.NewReader(bytes.NewReader(o.stream))
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		return io.ReadAll(io.LimitReader(zr, 64<<20))
	default:
		return nil, fmt.Errorf("pdf: filter %v not supported", f)
	}
}

// usedResources lists the fonts (Tf) and XObjects (Do) a content stream
// names, skipping strings (drawn text is binary UTF-16).
func usedResources(content []byte, fontsUsed, xobjsUsed map[pname]bool) {
	var last pname // the last name met, with the number of tokens since
	since := 0
	for i := 0; i < len(content); {
		ch := content[i]
		switch {
		case isSpace(ch):
			i++
		case ch == '(':
			n := 0
			for ; i < len(content); i++ {
				if content[i] == '\\' {
					i++
					continue
				}
				if content[i] == '(' {
					n++
				} else if content[i] == ')' {
					n--
					if n == 0 {
						i++
						break
					}
				}
			}
			since++
		case ch == '/':
			j := i + 1
			for j < len(content) && !isDelim(content[j]) {
				j++
			}
			last, since = pname(content[i+1:j]), 0
			i = j
		default:
			j := i + 1
			for j < len(content) && !isDelim(content[j]) {
				j++
			}
			if j == i+1 && isDelim(ch) {
				i++
				since++
				continue
			}
			switch string(content[i:j]) {
			case "Do":
				if since == 0 {
					xobjsUsed[last] = true
				}
			case "Tf":
				if since == 1 {
					fontsUsed[last] = true
				}
			}
			since++
			i = j
		}
	}
}

// Offprint writes the pages first..last as Cut does, or draws them with
// WritePages when they cannot be cut.
func (c *Cutter) Offprint(w io.Writer, first, last int) (cut bool, err error) {
	var buf bytes.Buffer
	err = c.Cut(&buf, first, last)
	if errors.Is(err, ErrCannotCut) {
		return false, WritePages(w, c.r, c.b, first, last)
	}
	if err != nil {
		return false, err
	}
	_, err = w.Write(buf.Bytes())
	return true, err
}

// copier copies objects of one source PDF into an offprint, renumbered.
type copier struct {
	src    *doc
	num    map[int]int // source object → offprint object
	copied []int       // source objects to copy as they are, in order
}

func (cp *copier) ref(r pref) (int, bool) { n, ok := cp.num[int(r)]; return n, ok }

// walk numbers everything v refers to, depth first, from *next on.
func (cp *copier) walk(v any, next *int) {
	for _, n := range refsOf(v, nil) {
		if _, done := cp.num[n]; done || n <= 0 || n >= len(cp.src.objs) || cp.src.objs[n] == nil {
			continue
		}
		cp.num[n] = *next
		*next++
		cp.copied = append(cp.copied, n)
		cp.walk(cp.src.objs[n].val, next)
	}
}

// resources copies into out, under prefix+name, the entries of d that are
// used, numbering the objects they refer to from *next on. The values
// written in out are offprint numbers.
func (cp *copier) resources(d *pdict, used map[pname]bool, prefix pname, out *pdict, next *int) error {
	for i, k := range d.keys {
		if !used[k] {
			continue
		}
		ref, ok := d.vals[i].(pref)
		if !ok {
			return fmt.Errorf("%w: resource %s is not a reference", ErrCannotCut, k)
		}
		cp.walk(ref, next)
		n, ok := cp.ref(ref)
		if !ok {
			return fmt.Errorf("%w: resource %s refers to no object", ErrCannotCut, k)
		}
		out.set(prefix+k, pref(n))
	}
	return nil
}

// Cut writes the offprint of the pages first..last (folios): the same
// document as WritePages, cut out of the book's PDF.
func (c *Cutter) Cut(w io.Writer, first, last int) error {
	bk := c.book
	if first < 1 || last < first || last > len(bk.pages) {
		return fmt.Errorf("pdf: bad page range %d-%d (the book has %d pages)", first, last, len(bk.pages))
	}
	adds, err := c.r.OffprintAdditions(first, last)
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	colUsed := map[pname]bool{}
	for _, els := range adds {
		for _, e := range els {
			if e.Kind != layout.TextElement || e.Text == "" {
				continue
			}
			if e.Face < 0 || e.Face >= len(c.colRes) || c.colRes[e.Face] == "" {
				return fmt.Errorf("%w: face %d has no colophon font", ErrCannotCut, e.Face)
			}
			for _, r := range bmp(e.Text) {
				if !c.hasGlyph(c.colRes[e.Face], r) {
					return fmt.Errorf("%w: %q not in the colophon font", ErrCannotCut, r)
				}
			}
			colUsed[c.colRes[e.Face]] = true
		}
	}
	np := last - first + 1
	fontsUsed, xobjsUsed := map[pname]bool{}, map[pname]bool{}
	pageDicts := make([]*pdict, np)
	contents := make([]pref, np)
	for k := range np {
		pg, _ := bk.dictAt(pref(bk.pages[first-1+k]))
		pageDicts[k] = pg
		ref, ok := pg.get("Contents").(pref)
		if !ok || int(ref) >= len(bk.objs) || bk.objs[ref] == nil || bk.objs[ref].stream == nil {
			return fmt.Errorf("%w: page %d has no single content stream", ErrCannotCut, first+k)
		}
		contents[k] = ref
		data, err := inflate(bk.objs[ref])
		if err != nil {
			return fmt.Errorf("%w: page %d: %v", ErrCannotCut, first+k, err)
		}
		usedResources(data, fontsUsed, xobjsUsed)
	}
	for k := range fontsUsed {
		if bk.fonts.get(k) == nil {
			return fmt.Errorf("%w: font %s not in the resources", ErrCannotCut, k)
		}
	}
	for k := range xobjsUsed {
		if bk.xobjs.get(k) == nil {
			return fmt.Errorf("%w: image %s not in the resources", ErrCannotCut, k)
		}
	}

	// Numbering: 1 the pages tree, 2 the resources, then each page and its
	// content as fpdf numbers them, the additions' content, the fonts and
	// images with everything they refer to, the outline, the information
	// dictionary and the catalog.
	books := &copier{src: bk, num: map[int]int{}}
	cols := &copier{src: c.col, num: map[int]int{}}
	next := 3
	for k := range np {
		books.num[bk.pages[first-1+k]] = next
		books.num[int(contents[k])] = next + 1
		next += 2
	}
	extra := make([]int, np) // content stream of the additions, 0 when none
	for k, els := range adds {
		if drawsSomething(els) {
			extra[k] = next
			next++
		}
	}
	res := &pdict{}
	if ps := bk.res.get("ProcSet"); ps != nil {
		res.set("ProcSet", ps)
	}
	fontRes, xobjRes := &pdict{}, &pdict{}
	if err := books.resources(bk.fonts, fontsUsed, "", fontRes, &next); err != nil {
		return err
	}
	if err := cols.resources(c.col.fonts, colUsed, "C", fontRes, &next); err != nil {
		return err
	}
	if err := books.resources(bk.xobjs, xobjsUsed, "", xobjRes, &next); err != nil {
		return err
	}
	res.set("Font", fontRes)
	res.set("XObject", xobjRes)
	var outline []outlineItem
	for k := range np {
		for _, o := range c.r.Doc.Pages[first-1+k].Outline {
			outline = append(outline, outlineItem{title: o.Title, level: o.Level, y: o.Y, page: k})
		}
	}
	outlineRoot := 0
	if len(outline) > 0 {
		outlineRoot = next + len(outline)
		next += len(outline) + 1
	}
	infoNum, catNum := next, next+1
	size := catNum + 1

	same := func(r pref) (int, bool) { return int(r), r > 0 }
	o := &writer{offsets: make([]int, size)}
	o.buf.Grow(len(bk.header) + 64<<10)
	o.buf.Write(bk.header)

	// the pages tree
	o.begin(1)
	o.buf.WriteString("<</Type /Pages /Kids [")
	for k := range np {
		if k > 0 {
			o.buf.WriteByte(' ')
		}
		o.buf.WriteString(strconv.Itoa(3+2*k) + " 0 R")
	}
	o.buf.WriteString("] /Count " + strconv.Itoa(np))
	if mb := bk.root.get("MediaBox"); mb != nil {
		o.buf.WriteString(" /MediaBox ")
		if err := writeValue(&o.buf, mb, books.ref); err != nil {
			return fmt.Errorf("%w: %v", ErrCannotCut, err)
		}
	}
	o.buf.WriteString(">>")
	o.end()
	o.begin(2)
	if err := writeValue(&o.buf, res, same); err != nil {
		return fmt.Errorf("%w: %v", ErrCannotCut, err)
	}
	o.end()

	url := c.b.URL
	height := c.r.Doc.Height.Points()
	for k := range np {
		pg := pageDicts[k].clone()
		annots, err := c.annots(pg.get("Annots"), first, last, url)
		if err != nil {
			return err
		}
		for _, e := range adds[k] {
			if e.Kind == layout.LinkElement && e.URI != "" {
				annots = append(annots, linkAnnot(e, height))
			}
		}
		if len(annots) > 0 {
			pg.set("Annots", annots)
		} else {
			pg = without(pg, "Annots")
		}
		// references already in offprint numbers are negative
		pg.set("Parent", pref(-1))
		pg.set("Resources", pref(-2))
		if extra[k] != 0 {
			pg.set("Contents", parray{contents[k], pref(-extra[k])})
		}
		o.begin(3 + 2*k)
		if err := writeValue(&o.buf, pg, func(r pref) (int, bool) {
			if r < 0 {
				return int(-r), true
			}
			return books.ref(r)
		}); err != nil {
			return fmt.Errorf("%w: %v", ErrCannotCut, err)
		}
		o.end()
		if err := o.copyObject(4+2*k, bk.objs[contents[k]], books.ref); err != nil {
			return fmt.Errorf("%w: %v", ErrCannotCut, err)
		}
	}
	for k, els := range adds {
		if extra[k] == 0 {
			continue
		}
		s := c.drawAdditions(els, height)
		o.begin(extra[k])
		o.buf.WriteString("<</Length " + strconv.Itoa(len(s)) + ">>\nstream\n")
		o.buf.Write(s)
		o.buf.WriteString("\nendstream")
		o.end()
	}
	for _, cp := range []*copier{books, cols} {
		for _, n := range cp.copied {
			if err := o.copyObject(cp.num[n], cp.src.objs[n], cp.ref); err != nil {
				return fmt.Errorf("%w: %v", ErrCannotCut, err)
			}
		}
	}
	if len(outline) > 0 {
		writeOutline(o, outline, outlineRoot, height)
	}

	// information: the book's, titled after the contributor
	info := bk.info.clone()
	info.set("Title", pdfString(utf16BE(bmp(offprintTitle(c.r, c.b, first, last)), true)))
	o.begin(infoNum)
	if err := writeValue(&o.buf, info, books.ref); err != nil {
		return fmt.Errorf("%w: %v", ErrCannotCut, err)
	}
	o.end()

	cat := &pdict{}
	cat.set("Type", pname("Catalog"))
	cat.set("Pages", pref(1))
	if lang := bk.cat.get("Lang"); lang != nil {
		cat.set("Lang", lang)
	}
	cat.set("OpenAction", parray{pref(3), pname("XYZ"), ptoken("null"), ptoken("null"), ptoken("1")})
	// a spread shows a verso on the left: an offprint opening on a verso
	// shows it there, with the recto that follows
	if first%2 == 0 {
		cat.set("PageLayout", pname("TwoPageLeft"))
	} else {
		cat.set("PageLayout", pname("TwoPageRight"))
	}
	if outlineRoot != 0 {
		cat.set("Outlines", pref(outlineRoot))
		cat.set("PageMode", pname("UseOutlines"))
	}
	o.begin(catNum)
	if err := writeValue(&o.buf, cat, same); err != nil {
		return err
	}
	o.end()

	xref := o.buf.Len()
	o.buf.WriteString("xref\n0 " + strconv.Itoa(size) + "\n0000000000 65535 f \n")
	for n := 1; n < size; n++ {
		if o.offsets[n] == 0 {
			return fmt.Errorf("pdf: offprint object %d not written", n)
		}
		fmt.Fprintf(&o.buf, "%010d 00000 n \n", o.offsets[n])
	}
	fmt.Fprintf(&o.buf, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", size, catNum, infoNum, xref)
	_, err = w.Write(o.buf.Bytes())
	return err
}

func without(d *pdict, k pname) *pdict {
	out := &pdict{}
	for i, x := range d.keys {
		if x != k {
			out.keys = append(out.keys, x)
			out.vals = append(out.vals, d.vals[i])
		}
	}
	return out
}

func drawsSomething(els []layout.Element) bool {
	for _, e := range els {
		if e.Kind != layout.LinkElement {
			return true
		}
	}
	return false
}

// annots rewrites a page's link annotations for the offprint: a link to a
// page outside first..last leads to the book's URL, or is dropped when
// the book has none.
func (c *Cutter) annots(v any, first, last int, url string) (parray, error) {
	if v == nil {
		return nil, nil
	}
	list, ok := v.(parray)
	if !ok {
		return nil, fmt.Errorf("%w: annotations are not an array", ErrCannotCut)
	}
	var out parray
	for _, a := range list {
		d, ok := a.(*pdict)
		if !ok {
			return nil, fmt.Errorf("%w: an annotation is not a direct dictionary", ErrCannotCut)
		}
		dest, ok := d.get("Dest").(parray)
		if !ok {
			out = append(out, d)
			continue
		}
		if len(dest) == 0 {
			return nil, fmt.Errorf("%w: empty destination", ErrCannotCut)
		}
		target, ok := dest[0].(pref)
		if !ok {
			return nil, fmt.Errorf("%w: destination is not a page", ErrCannotCut)
		}
		i, ok := c.book.pageAt[int(target)]
		if !ok {
			return nil, fmt.Errorf("%w: destination is not a page", ErrCannotCut)
		}
		if i >= first-1 && i < last {
			nd := append(parray{pref(-(3 + 2*(i-first+1)))}, dest[1:]...) // an offprint number
			d = d.clone()
			d.set("Dest", nd)
			out = append(out, d)
			continue
		}
		if url == "" {
			continue
		}
		d = without(d, "Dest")
		act := &pdict{}
		act.set("S", pname("URI"))
		act.set("URI", pdfString([]byte(url)))
		d.set("A", act)
		out = append(out, d)
	}
	return out, nil
}

// linkAnnot is a link to a URI over e, as fpdf writes it.
func linkAnnot(e layout.Element, height float64) *pdict {
	d := &pdict{}
	d.set("Type", pname("Annot"))
	d.set("Subtype", pname("Link"))
	x, y := e.X.Points(), height-e.Y.Points()
	d.set("Rect", parray{num2(x), num2(y), num2(x + e.W.Points()), num2(y - e.H.Points())})
	d.set("Border", parray{ptoken("0"), ptoken("0"), ptoken("0")})
	act := &pdict{}
	act.set("S", pname("URI"))
	act.set("URI", pdfString([]byte(e.URI)))
	d.set("A", act)
	return d
}

func num2(f float64) ptoken { return ptoken(strconv.FormatFloat(f, 'f', 2, 64)) }

// drawAdditions is the content stream drawing the additions' text and
// rectangles, as the drawer would.
func (c *Cutter) drawAdditions(els []layout.Element, height float64) []byte {
	var s bytes.Buffer
	col := func(cl layout.Color) string {
		return fmt.Sprintf("%.3f %.3f %.3f rg", float64(cl.R)/255, float64(cl.G)/255, float64(cl.B)/255)
	}
	for _, e := range els {
		switch e.Kind {
		case layout.TextElement:
			if e.Text == "" {
				continue
			}
			fmt.Fprintf(&s, "q %s BT /C%s %.2f Tf %.2f %.2f Td ", col(e.Color), c.colRes[e.Face], e.Size.Points(), e.X.Points(), height-e.Y.Points())
			s.Write(pdfString(utf16BE(bmp(e.Text), false)))
			s.WriteString(" Tj ET Q\n")
		case layout.RectElement:
			fmt.Fprintf(&s, "q %s %.2f %.2f %.2f %.2f re f Q\n", col(e.Color), e.X.Points(), height-e.Y.Points(), e.W.Points(), -e.H.Points())
		case layout.RuleElement:
			fmt.Fprintf(&s, "q %.3f %.3f %.3f RG %.2f w %.2f %.2f m %.2f %.2f l S Q\n",
				float64(e.Color.R)/255, float64(e.Color.G)/255, float64(e.Color.B)/255, e.Size.Points(),
				e.X.Points(), height-e.Y.Points(), (e.X + e.W).Points(), height-(e.Y+e.H).Points())
		}
	}
	return s.Bytes()
}

type outlineItem struct {
	title string
	level int
	y     layout.Unit
	page  int // 0-based in the offprint
}

// writeOutline writes the bookmarks as objects first..first+len-1 and
// their root: an item's parent is the last item before it of a lower
// level, or the root.
func writeOutline(o *writer, items []outlineItem, root int, height float64) {
	first := root - len(items)
	n := len(items)
	parent := make([]int, n)
	prev, next, firstKid, lastKid := make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	for i := range n {
		prev[i], next[i], firstKid[i], lastKid[i] = -1, -1, -1, -1
	}
	rootFirst, rootLast := -1, -1
	var stack []int // open items, by increasing level
	for i, it := range items {
		for len(stack) > 0 && items[stack[len(stack)-1]].level >= it.level {
			stack = stack[:len(stack)-1]
		}
		p := -1
		if len(stack) > 0 {
			p = stack[len(stack)-1]
		}
		parent[i] = p
		var lastSib int
		if p < 0 {
			lastSib = rootLast
			if rootFirst < 0 {
				rootFirst = i
			}
			rootLast = i
		} else {
			lastSib = lastKid[p]
			if firstKid[p] < 0 {
				firstKid[p] = i
			}
			lastKid[p] = i
		}
		if lastSib >= 0 {
			next[lastSib], prev[i] = i, lastSib
		}
		stack = append(stack, i)
	}
	id := func(i int) string { return strconv.Itoa(first+i) + " 0 R" }
	for i, it := range items {
		o.begin(first + i)
		o.buf.WriteString("<</Title ")
		o.buf.Write(pdfString(utf16BE(bmp(it.title), true)))
		if parent[i] < 0 {
			o.buf.WriteString(" /Parent " + strconv.Itoa(root) + " 0 R")
		} else {
			o.buf.WriteString(" /Parent " + id(parent[i]))
		}
		if prev[i] >= 0 {
			o.buf.WriteString(" /Prev " + id(prev[i]))
		}
		if next[i] >= 0 {
			o.buf.WriteString(" /Next " + id(next[i]))
		}
		if firstKid[i] >= 0 {
			o.buf.WriteString(" /First " + id(firstKid[i]) + " /Last " + id(lastKid[i]))
		}
		fmt.Fprintf(&o.buf, " /Dest [%d 0 R /XYZ 0 %.2f null] /Count 0>>", 3+2*it.page, height-it.y.Points())
		o.end()
	}
	o.begin(root)
	o.buf.WriteString("<</Type /Outlines /First " + id(rootFirst) + " /Last " + id(rootLast) + ">>")
	o.end()
}

type writer struct {
	buf     bytes.Buffer
	offsets []int
}

func (o *writer) begin(n int) {
	o.offsets[n] = o.buf.Len()
	o.buf.WriteString(strconv.Itoa(n))
	o.buf.WriteString(" 0 obj\n")
}

func (o *writer) end() { o.buf.WriteString("\nendobj\n") }

// copyObject writes a book object as offprint object n.
func (o *writer) copyObject(n int, obj *pobj, ref func(pref) (int, bool)) error {
	o.begin(n)
	if err := writeValue(&o.buf, obj.val, ref); err != nil {
		return err
	}
	if obj.stream != nil {
		o.buf.WriteString("\nstream\n")
		o.buf.Write(obj.stream)
		o.buf.WriteString("\nendstream")
	}
	o.end()
	return nil
}
