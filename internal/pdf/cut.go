package pdf

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image/color"
	"image/jpeg"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/internal/imaging"
	"github.com/recueil/recueil/internal/pdfobj"
	"github.com/recueil/recueil/internal/typeset"
	"github.com/recueil/recueil/layout"
)

// ErrCannotCut says that an offprint cannot be cut out of the book's PDF
// (the file is not one this package wrote, or a character of the
// colophon has no glyph); Offprint then draws it instead.
var ErrCannotCut = errors.New("offprint cannot be cut from the book")

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
// Cutting is done in two steps: plan works out, from the book read once,
// every object of the offprint (a cutPlan, data only), and emit writes
// them with pdfobj's writer.
//
// A Cutter is safe for use by several goroutines at once.
type Cutter struct {
	r      *typeset.Result
	b      *book.Book
	book   *pdfobj.Doc
	col    *pdfobj.Doc   // a one-page PDF holding the colophon fonts
	colRes []pdfobj.Name // each face's font resource in col, "" when unused
	glyphs map[pdfobj.Name][]byte
	names  map[pdfobj.Name]string // the fonts' real names (fontNames)

	sumsMu sync.Mutex
	sums   map[*pdfobj.Object][sha256.Size]byte // streamSum's

	coversMu sync.Mutex
	covers   map[int]*smallCover // by the side the cover page needs
}

// smallCover is the cover's image as an offprint's cover page draws it:
// the book's cover file made ready for that size, as the drawer makes
// every image (imaging.Normalize to PrintSides' side), so that a cut
// offprint carries the same bytes as a drawn one, not the book's
// full-page image (a 2 MB print cover in each of 600 offprints).
type smallCover struct {
	dict *pdfobj.Dict
	data []byte
}

// NewCutter reads data, the book's PDF written by Write from r and b.
func NewCutter(data []byte, r *typeset.Result, b *book.Book) (*Cutter, error) {
	if r.Doc == nil || r.Fonts == nil {
		return nil, errors.New("nothing typeset")
	}
	bk, err := pdfobj.Read(data)
	if err != nil {
		return nil, err
	}
	if len(bk.Pages) != len(r.Doc.Pages) {
		return nil, fmt.Errorf("%d pages in the file, %d typeset", len(bk.Pages), len(r.Doc.Pages))
	}
	c := &Cutter{r: r, b: b, book: bk, glyphs: map[pdfobj.Name][]byte{}, names: fontNames(r.Fonts), sums: map[*pdfobj.Object][sha256.Size]byte{}}
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
			return err
		}
		cover, err := c.r.OffprintCover(rg[0], rg[1])
		if err != nil {
			return err
		}
		for _, els := range append(adds, cover) {
			for _, e := range els {
				if e.Kind == layout.TextElement {
					add(e.Face, e.Text)
					add(e.Face, "0123456789– ")
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
		return fmt.Errorf("colophon fonts: %w", err)
	}
	col, err := pdfobj.Read(buf.Bytes())
	if err != nil {
		return fmt.Errorf("colophon fonts: %w", err)
	}
	c.col = col
	c.colRes = make([]pdfobj.Name, fonts.NumFaces)
	byBase := map[pdfobj.Name]pdfobj.Name{}
	for i, k := range col.Fonts.Keys {
		if fd, ok := col.DictAt(col.Fonts.Vals[i]); ok {
			if bf, ok := fd.Get("BaseFont").(pdfobj.Name); ok {
				byBase[bf] = k
			}
		}
	}
	for face := range fonts.NumFaces {
		if len(runes[face]) == 0 {
			continue
		}
		ff := c.r.Fonts.Face(face)
		k := byBase[pdfobj.Name("utf8"+fontKey(ff.Name, ff.Style))]
		if k == "" {
			return fmt.Errorf("colophon fonts: face %s %s not written", ff.Name, ff.Style)
		}
		c.colRes[face] = k
		c.glyphs[k] = col.CIDToGID(k)
	}
	return nil
}

// fontKey is fpdf's name of a face (getFontKey).
func fontKey(family, style string) string {
	style = strings.ToUpper(style)
	if style == "IB" {
		style = "BI"
	}
	return strings.ToLower(family) + style
}

// hasGlyph says whether the colophon font res draws r.
func (c *Cutter) hasGlyph(res pdfobj.Name, r rune) bool {
	m := c.glyphs[res]
	return r >= 0 && int(r)*2+1 < len(m) && (m[2*r] != 0 || m[2*r+1] != 0)
}

// Offprint writes the pages first..last as Cut does, or draws them with
// WritePages when they cannot be cut.
func (c *Cutter) Offprint(w io.Writer, first, last int) (cut bool, err error) {
	// Cut writes nothing unless it has cut the offprint.
	err = c.Cut(w, first, last)
	if errors.Is(err, ErrCannotCut) {
		return false, WritePages(w, c.r, c.b, first, last)
	}
	if err != nil {
		return false, err
	}
	return true, nil
}

// writers are the offprints' writers, kept from one offprint to the next
// with the room their buffer grew to.
var writers = sync.Pool{New: func() any { return pdfobj.NewWriter(pdfHeader, 0) }}

// Cut writes the offprint of the pages first..last (folios): the same
// document as WritePages, cut out of the book's PDF, and tagged as the
// book is: the structure of its pages, and its colophon as a paragraph.
// The finisher takes the cut document as planned, in memory: it is not
// written and read again. Nothing is written to w when it fails.
func (c *Cutter) Cut(w io.Writer, first, last int) error {
	pl, err := c.Plan(first, last)
	if err != nil {
		return err
	}
	return pl.Write(w)
}

// tag finishes d, the offprint p plans (see finishDoc), with w.
func (c *Cutter) tag(w *pdfobj.Writer, p *cutPlan, d *pdfobj.Doc) ([]byte, error) {
	pages := make([]finishPage, 0, p.last-p.first+2)
	pages = append(pages, finishPage{els: p.cover, split: len(p.cover)})
	for k := range p.last - p.first + 1 {
		own := c.r.Doc.Pages[p.first-1+k].Elements
		els := append(append(make([]layout.Element, 0, len(own)+len(p.adds[k])), own...), p.adds[k]...)
		pages = append(pages, finishPage{els: els, split: len(own)})
	}
	data, err := finishDoc(w, d, c.r.Doc.Struct, pages, c.r.Doc.Height.Points(), c.names, bookMeta(c.b, offprintTitle(c.r, c.b, p.first, p.last)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCannotCut, err)
	}
	return data, nil
}

// A cutPlan is an offprint worked out but not written: every object of
// its file, in the order they are written, with its offprint number and
// its value as copied from the book or the colophon PDF, or as made for
// the offprint. It is data only: emit writes it.
type cutPlan struct {
	first, last int
	fonts       []pdfobj.Name      // the book's fonts the pages draw with, sorted
	images      []pdfobj.Name      // the book's images (XObjects) they draw, sorted
	colophon    []pdfobj.Name      // the colophon PDF's fonts the additions draw with, sorted
	header      []byte             // the book's
	adds        [][]layout.Element // what each page adds to the book's
	cover       []layout.Element   // the cover page (typeset.Result.OffprintCover)
	objects     []plannedObject
	size        int // the objects are numbered 1..size-1
	catalog     int
	info        int
}

// A plannedObject is one object of an offprint.
type plannedObject struct {
	num    int
	val    any
	stream []byte // nil for an object that is no stream
	// src is the object of the book or of the colophon PDF copied, nil
	// for one made for the offprint (see Planned.Key)
	src *pdfobj.Object
	// renum maps the source objects val refers to (positive references)
	// to their offprint numbers; a negative reference -n is offprint
	// object n. When renum is nil, positive references are offprint
	// numbers.
	renum map[int]int
}

func (ob *plannedObject) ref(r pdfobj.Ref) (int, bool) {
	if r < 0 {
		return int(-r), true
	}
	if ob.renum == nil {
		return int(r), r > 0
	}
	n, ok := ob.renum[int(r)]
	return n, ok
}

// doc is the offprint p plans, as pdfobj.Read would read it from the
// file emit writes: every value copied with its references in offprint
// numbers, the streams shared with the book's.
func (p *cutPlan) doc() (*pdfobj.Doc, error) {
	objs := make([]*pdfobj.Object, max(p.size, 1))
	for i := range p.objects {
		ob := &p.objects[i]
		if ob.num <= 0 || ob.num >= len(objs) {
			return nil, fmt.Errorf("%w: object %d out of 1..%d", ErrCannotCut, ob.num, len(objs)-1)
		}
		v, err := pdfobj.Renumber(ob.val, ob.ref)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrCannotCut, err)
		}
		objs[ob.num] = &pdfobj.Object{Val: v, Stream: ob.stream}
	}
	for n := 1; n < len(objs); n++ {
		if objs[n] == nil {
			return nil, fmt.Errorf("offprint: object %d not planned", n)
		}
	}
	tr := &pdfobj.Dict{}
	tr.Set("Size", pdfobj.Token(strconv.Itoa(p.size)))
	tr.Set("Root", pdfobj.Ref(p.catalog))
	tr.Set("Info", pdfobj.Ref(p.info))
	d, err := pdfobj.New(p.header, objs, tr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCannotCut, err)
	}
	return d, nil
}

// bytes is about the size of the offprint's file: its streams, and room
// for the rest.
func (p *cutPlan) bytes() int {
	n := 64 << 10
	for i := range p.objects {
		n += len(p.objects[i].stream)
	}
	return n
}

// emit writes the offprint p plans.
func (p *cutPlan) emit(w io.Writer) error {
	o := pdfobj.NewWriter(p.header, p.size)
	o.Grow(64 << 10)
	for i := range p.objects {
		ob := &p.objects[i]
		if err := o.Object(ob.num, ob.val, ob.stream, ob.ref); err != nil {
			return fmt.Errorf("%w: %v", ErrCannotCut, err)
		}
	}
	data, err := o.Finish(p.catalog, p.info)
	if err != nil {
		return fmt.Errorf("offprint: %w", err)
	}
	_, err = w.Write(data)
	return err
}

// copier copies objects of one source PDF into an offprint, renumbered.
type copier struct {
	src    *pdfobj.Doc
	num    map[int]int // source object → offprint object
	copied []int       // source objects to copy as they are, in order
}

func (cp *copier) ref(r pdfobj.Ref) (int, bool) { n, ok := cp.num[int(r)]; return n, ok }

// walk numbers everything v refers to, depth first, from *next on.
func (cp *copier) walk(v any, next *int) {
	for _, n := range pdfobj.Refs(v, nil) {
		if _, done := cp.num[n]; done || cp.src.Object(n) == nil {
			continue
		}
		cp.num[n] = *next
		*next++
		cp.copied = append(cp.copied, n)
		cp.walk(cp.src.Objects[n].Val, next)
	}
}

// resources copies into out, under prefix+name, the entries of d that are
// used, numbering the objects they refer to from *next on. The values
// written in out are offprint numbers.
func (cp *copier) resources(d *pdfobj.Dict, used map[pdfobj.Name]bool, prefix pdfobj.Name, out *pdfobj.Dict, next *int) error {
	for i, k := range d.Keys {
		if !used[k] {
			continue
		}
		ref, ok := d.Vals[i].(pdfobj.Ref)
		if !ok {
			return fmt.Errorf("%w: resource %s is not a reference", ErrCannotCut, k)
		}
		cp.walk(ref, next)
		n, ok := cp.ref(ref)
		if !ok {
			return fmt.Errorf("%w: resource %s refers to no object", ErrCannotCut, k)
		}
		out.Set(prefix+k, pdfobj.Ref(n))
	}
	return nil
}

// copies plans the objects cp copies.
func (cp *copier) copies() []plannedObject {
	out := make([]plannedObject, 0, len(cp.copied))
	for _, n := range cp.copied {
		o := cp.src.Objects[n]
		out = append(out, plannedObject{num: cp.num[n], val: o.Val, stream: o.Stream, src: o, renum: cp.num})
	}
	return out
}

func sortedNames(m map[pdfobj.Name]bool) []pdfobj.Name {
	out := make([]pdfobj.Name, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// plan works out the offprint of the pages first..last (folios).
//
// Numbering: 1 the pages tree, 2 the resources, then each page and its
// content as fpdf numbers them, the additions' content, the fonts and
// images with everything they refer to, the outline, the information
// dictionary and the catalog.
func (c *Cutter) plan(first, last int) (*cutPlan, error) {
	bk := c.book
	if first < 1 || last < first || last > len(bk.Pages) {
		return nil, fmt.Errorf("bad page range %d-%d (the book has %d pages)", first, last, len(bk.Pages))
	}
	adds, err := c.r.OffprintAdditions(first, last)
	if err != nil {
		return nil, err
	}
	cover, err := c.r.OffprintCover(first, last)
	if err != nil {
		return nil, err
	}
	colUsed := map[pdfobj.Name]bool{}
	for _, els := range append(adds, cover) {
		for _, e := range els {
			if e.Kind != layout.TextElement || e.Text == "" {
				continue
			}
			if e.Face < 0 || e.Face >= len(c.colRes) || c.colRes[e.Face] == "" {
				return nil, fmt.Errorf("%w: face %d has no colophon font", ErrCannotCut, e.Face)
			}
			for _, r := range bmp(e.Text) {
				if !c.hasGlyph(c.colRes[e.Face], r) {
					return nil, fmt.Errorf("%w: %q not in the colophon font", ErrCannotCut, r)
				}
			}
			colUsed[c.colRes[e.Face]] = true
		}
	}
	np := last - first + 1
	fontsUsed, xobjsUsed := map[pdfobj.Name]bool{}, map[pdfobj.Name]bool{}
	pageDicts := make([]*pdfobj.Dict, np)
	contents := make([]pdfobj.Ref, np)
	for k := range np {
		pg, _ := bk.DictAt(pdfobj.Ref(bk.Pages[first-1+k]))
		pageDicts[k] = pg
		ref, ok := pg.Get("Contents").(pdfobj.Ref)
		if !ok || bk.Object(int(ref)) == nil || bk.Objects[ref].Stream == nil {
			return nil, fmt.Errorf("%w: page %d has no single content stream", ErrCannotCut, first+k)
		}
		contents[k] = ref
		data, err := pdfobj.Inflate(bk.Objects[ref])
		if err != nil {
			return nil, fmt.Errorf("%w: page %d: %v", ErrCannotCut, first+k, err)
		}
		pdfobj.UsedResources(data, fontsUsed, xobjsUsed)
	}
	coverImage, err := c.coverImage(cover)
	if err != nil {
		return nil, err
	}
	// the cover page alone draws the cover: its image is the offprint's own
	var small *smallCover
	if coverImage != "" && !xobjsUsed[coverImage] {
		small = c.smallCover(cover)
	}
	if coverImage != "" {
		xobjsUsed[coverImage] = true
	}
	for k := range fontsUsed {
		if bk.Fonts.Get(k) == nil {
			return nil, fmt.Errorf("%w: font %s not in the resources", ErrCannotCut, k)
		}
	}
	for k := range xobjsUsed {
		if bk.XObjects.Get(k) == nil {
			return nil, fmt.Errorf("%w: image %s not in the resources", ErrCannotCut, k)
		}
	}

	books := &copier{src: bk, num: map[int]int{}}
	cols := &copier{src: c.col, num: map[int]int{}}
	next := 3
	for k := range np {
		books.num[bk.Pages[first-1+k]] = next
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
	coverPage := next // the cover page and its content
	next += 2
	res := &pdfobj.Dict{}
	if ps := bk.Resources.Get("ProcSet"); ps != nil {
		res.Set("ProcSet", ps)
	}
	fontRes, xobjRes := &pdfobj.Dict{}, &pdfobj.Dict{}
	if err := books.resources(bk.Fonts, fontsUsed, "", fontRes, &next); err != nil {
		return nil, err
	}
	if err := cols.resources(c.col.Fonts, colUsed, "C", fontRes, &next); err != nil {
		return nil, err
	}
	if err := books.resources(bk.XObjects, xobjsUsed, "", xobjRes, &next); err != nil {
		return nil, err
	}
	res.Set("Font", fontRes)
	res.Set("XObject", xobjRes)
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
	p := &cutPlan{
		first: first, last: last,
		fonts: sortedNames(fontsUsed), images: sortedNames(xobjsUsed), colophon: sortedNames(colUsed),
		header: bk.Header, info: next, catalog: next + 1, size: next + 2, adds: adds, cover: cover,
	}

	// the pages tree (its kids in offprint numbers, negative): the cover
	// page first
	kids := pdfobj.Array{pdfobj.Ref(-coverPage)}
	for k := range np {
		kids = append(kids, pdfobj.Ref(-(3 + 2*k)))
	}
	tree := &pdfobj.Dict{}
	tree.Set("Type", pdfobj.Name("Pages"))
	tree.Set("Kids", kids)
	tree.Set("Count", pdfobj.Token(strconv.Itoa(np+1)))
	if mb := bk.PagesRoot.Get("MediaBox"); mb != nil {
		tree.Set("MediaBox", mb)
	}
	p.objects = append(p.objects,
		plannedObject{num: 1, val: tree, renum: books.num},
		plannedObject{num: 2, val: res})

	url := c.b.URL
	height := c.r.Doc.Height.Points()
	for k := range np {
		// the finisher numbers the offprint's structure anew
		pg := pageDicts[k].Without("StructParents").Without("Tabs")
		annots, err := c.annots(pg.Get("Annots"), first, last, url)
		if err != nil {
			return nil, err
		}
		for _, e := range adds[k] {
			if e.Kind == layout.LinkElement && e.URI != "" {
				annots = append(annots, linkAnnot(e, height))
			}
		}
		if len(annots) > 0 {
			pg.Set("Annots", annots)
		} else {
			pg = pg.Without("Annots")
		}
		// references already in offprint numbers are negative
		pg.Set("Parent", pdfobj.Ref(-1))
		pg.Set("Resources", pdfobj.Ref(-2))
		if extra[k] != 0 {
			pg.Set("Contents", pdfobj.Array{contents[k], pdfobj.Ref(-extra[k])})
		}
		content := bk.Objects[contents[k]]
		p.objects = append(p.objects,
			plannedObject{num: 3 + 2*k, val: pg, renum: books.num},
			plannedObject{num: 4 + 2*k, val: content.Val, stream: content.Stream, src: content, renum: books.num})
	}
	for k, els := range adds {
		if extra[k] == 0 {
			continue
		}
		own := c.r.Doc.Pages[first-1+k].Elements
		all := append(append(make([]layout.Element, 0, len(own)+len(els)), own...), els...)
		s := c.drawAdditions(all, len(own), height)
		if s == nil {
			s = []byte{} // a stream, if an empty one
		}
		d := &pdfobj.Dict{}
		d.Set("Length", pdfobj.Token(strconv.Itoa(len(s))))
		p.objects = append(p.objects, plannedObject{num: extra[k], val: d, stream: s})
	}
	// the cover page: a page of the book's size, drawing its elements
	cp := &pdfobj.Dict{}
	cp.Set("Type", pdfobj.Name("Page"))
	cp.Set("Parent", pdfobj.Ref(-1))
	if mb := pageDicts[0].Get("MediaBox"); mb != nil {
		cp.Set("MediaBox", mb)
	}
	cp.Set("Resources", pdfobj.Ref(-2))
	if g := pageDicts[0].Get("Group"); g != nil {
		cp.Set("Group", g)
	}
	cp.Set("Contents", pdfobj.Ref(-(coverPage + 1)))
	cs := c.drawCover(cover, coverImage, height)
	csd := &pdfobj.Dict{}
	csd.Set("Length", pdfobj.Token(strconv.Itoa(len(cs))))
	p.objects = append(p.objects, plannedObject{num: coverPage, val: cp, renum: books.num},
		plannedObject{num: coverPage + 1, val: csd, stream: cs})
	p.objects = append(p.objects, books.copies()...)
	if small != nil {
		if ref, ok := bk.XObjects.Get(coverImage).(pdfobj.Ref); ok {
			for i := range p.objects {
				if p.objects[i].src == bk.Objects[int(ref)] {
					p.objects[i] = plannedObject{num: p.objects[i].num, val: small.dict, stream: small.data}
				}
			}
		}
	}
	p.objects = append(p.objects, cols.copies()...)
	if len(outline) > 0 {
		p.objects = append(p.objects, outlineObjects(outline, outlineRoot, height)...)
	}

	// information: the book's, titled after the contributor
	info := bk.Info.Clone()
	info.Set("Title", pdfobj.LiteralString(pdfobj.UTF16BE(bmp(offprintTitle(c.r, c.b, first, last)), true)))
	p.objects = append(p.objects, plannedObject{num: p.info, val: info, renum: books.num})

	cat := &pdfobj.Dict{}
	cat.Set("Type", pdfobj.Name("Catalog"))
	cat.Set("Pages", pdfobj.Ref(1))
	if lang := bk.Catalog.Get("Lang"); lang != nil {
		cat.Set("Lang", lang)
	}
	cat.Set("OpenAction", pdfobj.Array{pdfobj.Ref(coverPage), pdfobj.Name("XYZ"), pdfobj.Token("null"), pdfobj.Token("null"), pdfobj.Token("1")})
	// a spread shows a verso on the left: after the cover page, an
	// offprint opening on a verso shows it there, with the recto that
	// follows (the cover alone first), and one opening on a recto shows
	// it beside the cover
	if first%2 == 0 {
		cat.Set("PageLayout", pdfobj.Name("TwoPageRight"))
	} else {
		cat.Set("PageLayout", pdfobj.Name("TwoPageLeft"))
	}
	if outlineRoot != 0 {
		cat.Set("Outlines", pdfobj.Ref(outlineRoot))
		cat.Set("PageMode", pdfobj.Name("UseOutlines"))
	}
	p.objects = append(p.objects, plannedObject{num: p.catalog, val: cat})
	return p, nil
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
func (c *Cutter) annots(v any, first, last int, url string) (pdfobj.Array, error) {
	if v == nil {
		return nil, nil
	}
	list, ok := v.(pdfobj.Array)
	if !ok {
		return nil, fmt.Errorf("%w: annotations are not an array", ErrCannotCut)
	}
	var out pdfobj.Array
	for _, a := range list {
		d, ok := c.book.DictAt(a)
		if !ok {
			return nil, fmt.Errorf("%w: an annotation is not a dictionary", ErrCannotCut)
		}
		d = d.Without("StructParent")
		dest, ok := d.Get("Dest").(pdfobj.Array)
		if !ok {
			out = append(out, d)
			continue
		}
		if len(dest) == 0 {
			return nil, fmt.Errorf("%w: empty destination", ErrCannotCut)
		}
		target, ok := dest[0].(pdfobj.Ref)
		if !ok {
			return nil, fmt.Errorf("%w: destination is not a page", ErrCannotCut)
		}
		i, ok := c.book.PageIndex[int(target)]
		if !ok {
			return nil, fmt.Errorf("%w: destination is not a page", ErrCannotCut)
		}
		if i >= first-1 && i < last {
			nd := append(pdfobj.Array{pdfobj.Ref(-(3 + 2*(i-first+1)))}, dest[1:]...) // an offprint number
			d = d.Clone()
			d.Set("Dest", nd)
			out = append(out, d)
			continue
		}
		if url == "" {
			continue
		}
		d = d.Without("Dest")
		act := &pdfobj.Dict{}
		act.Set("S", pdfobj.Name("URI"))
		act.Set("URI", pdfobj.LiteralString([]byte(url)))
		d.Set("A", act)
		out = append(out, d)
	}
	return out, nil
}

// linkAnnot is a link to a URI over e, as fpdf writes it.
func linkAnnot(e layout.Element, height float64) *pdfobj.Dict {
	d := &pdfobj.Dict{}
	d.Set("Type", pdfobj.Name("Annot"))
	d.Set("Subtype", pdfobj.Name("Link"))
	x, y := e.X.Points(), height-e.Y.Points()
	d.Set("Rect", pdfobj.Array{num2(x), num2(y), num2(x + e.W.Points()), num2(y - e.H.Points())})
	d.Set("Border", pdfobj.Array{pdfobj.Token("0"), pdfobj.Token("0"), pdfobj.Token("0")})
	act := &pdfobj.Dict{}
	act.Set("S", pdfobj.Name("URI"))
	act.Set("URI", pdfobj.LiteralString([]byte(e.URI)))
	d.Set("A", act)
	return d
}

func num2(f float64) pdfobj.Token { return pdfobj.Token(strconv.FormatFloat(f, 'f', 2, 64)) }

// drawAdditions is the content stream drawing the additions' text and
// rectangles, as the drawer would: the elements of all from split on,
// those before being the page's own, in the content stream before it
// (they number the marked content that comes first).
func (c *Cutter) drawAdditions(all []layout.Element, split int, height float64) []byte {
	// appended with strconv, not fmt: a colophon's QR code is hundreds of
	// rectangles, and every offprint's key draws them (same bytes as
	// %.2f and %.3f)
	var s []byte
	f := func(v float64, prec int) { s = strconv.AppendFloat(s, v, 'f', prec, 64); s = append(s, ' ') }
	rgb := func(cl layout.Color) {
		f(float64(cl.R)/255, 3)
		f(float64(cl.G)/255, 3)
		f(float64(cl.B)/255, 3)
	}
	m := markPage(all, split)
	open := -1
	for i := split; i < len(all); i++ {
		e := all[i]
		if e.Kind == layout.ImageElement {
			continue // drawCover draws the cover page's image
		}
		if q := m.of[i]; q >= 0 && q != open {
			if open >= 0 {
				s = append(s, "EMC\n"...)
			}
			s = append(s, m.open(q, c.r.Doc.Struct)...)
			open = q
		}
		switch e.Kind {
		case layout.TextElement:
			if e.Text == "" {
				continue
			}
			s = append(s, "q "...)
			rgb(e.Color)
			s = append(s, "rg BT /C"...)
			s = append(s, c.colRes[e.Face]...)
			s = append(s, ' ')
			f(e.Size.Points(), 2)
			s = append(s, "Tf "...)
			f(e.X.Points(), 2)
			f(height-e.Y.Points(), 2)
			s = append(s, "Td "...)
			txt := e.Text
			if spaced(all, i) {
				txt += " "
			}
			s = append(s, pdfobj.LiteralString(pdfobj.UTF16BE(bmp(txt), false))...)
			s = append(s, " Tj ET Q\n"...)
		case layout.RectElement:
			s = append(s, "q "...)
			rgb(e.Color)
			s = append(s, "rg "...)
			f(e.X.Points(), 2)
			f(height-e.Y.Points(), 2)
			f(e.W.Points(), 2)
			f(-e.H.Points(), 2)
			s = append(s, "re f Q\n"...)
		case layout.RuleElement:
			s = append(s, "q "...)
			rgb(e.Color)
			s = append(s, "RG "...)
			f(e.Size.Points(), 2)
			s = append(s, "w "...)
			f(e.X.Points(), 2)
			f(height-e.Y.Points(), 2)
			s = append(s, "m "...)
			f((e.X + e.W).Points(), 2)
			f(height-(e.Y+e.H).Points(), 2)
			s = append(s, "l S Q\n"...)
		}
	}
	if open >= 0 {
		s = append(s, "EMC\n"...)
	}
	return s
}

type outlineItem struct {
	title string
	level int
	y     layout.Unit
	page  int // 0-based in the offprint
}

// outlineObjects are the bookmarks, objects root-len(items)..root-1, and
// their root: an item's parent is the last item before it of a lower
// level, or the root.
func outlineObjects(items []outlineItem, root int, height float64) []plannedObject {
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
	id := func(i int) pdfobj.Ref { return pdfobj.Ref(first + i) }
	out := make([]plannedObject, 0, n+1)
	for i, it := range items {
		d := &pdfobj.Dict{}
		d.Set("Title", pdfobj.LiteralString(pdfobj.UTF16BE(bmp(it.title), true)))
		if parent[i] < 0 {
			d.Set("Parent", pdfobj.Ref(root))
		} else {
			d.Set("Parent", id(parent[i]))
		}
		if prev[i] >= 0 {
			d.Set("Prev", id(prev[i]))
		}
		if next[i] >= 0 {
			d.Set("Next", id(next[i]))
		}
		if firstKid[i] >= 0 {
			d.Set("First", id(firstKid[i]))
			d.Set("Last", id(lastKid[i]))
		}
		d.Set("Dest", pdfobj.Array{pdfobj.Ref(3 + 2*it.page), pdfobj.Name("XYZ"), pdfobj.Token("0"),
			pdfobj.Token(fmt.Sprintf("%.2f", height-it.y.Points())), pdfobj.Token("null")})
		d.Set("Count", pdfobj.Token("0"))
		out = append(out, plannedObject{num: first + i, val: d})
	}
	d := &pdfobj.Dict{}
	d.Set("Type", pdfobj.Name("Outlines"))
	d.Set("First", id(rootFirst))
	d.Set("Last", id(rootLast))
	return append(out, plannedObject{num: root, val: d})
}

// coverImage is the name of the book's XObject that draws the image of
// the offprint's cover page, "" when it draws none: the book's first page
// that draws the same file draws it alone.
func (c *Cutter) coverImage(cover []layout.Element) (pdfobj.Name, error) {
	src := ""
	for _, e := range cover {
		if e.Kind == layout.ImageElement {
			src = e.Src
		}
	}
	if src == "" {
		return "", nil
	}
	for i, pg := range c.r.Doc.Pages {
		n := 0
		for _, e := range pg.Elements {
			if e.Kind == layout.ImageElement {
				n++
				if e.Src != src {
					n = 2
				}
			}
		}
		if n != 1 {
			continue
		}
		pd, _ := c.book.DictAt(pdfobj.Ref(c.book.Pages[i]))
		ref, ok := pd.Get("Contents").(pdfobj.Ref)
		if !ok || c.book.Object(int(ref)) == nil {
			break
		}
		data, err := pdfobj.Inflate(c.book.Objects[ref])
		if err != nil {
			return "", fmt.Errorf("%w: page %d: %v", ErrCannotCut, i+1, err)
		}
		fonts, xobjs := map[pdfobj.Name]bool{}, map[pdfobj.Name]bool{}
		pdfobj.UsedResources(data, fonts, xobjs)
		if len(xobjs) == 1 {
			for k := range xobjs {
				return k, nil
			}
		}
		break
	}
	return "", fmt.Errorf("%w: the cover's image is not in the book", ErrCannotCut)
}

// drawCover is the content stream of the cover page: its image as the
// drawer draws one, its texts and rectangles as drawAdditions does.
func (c *Cutter) drawCover(cover []layout.Element, image pdfobj.Name, height float64) []byte {
	var s bytes.Buffer
	m := markPage(cover, len(cover))
	for i, e := range cover {
		if e.Kind != layout.ImageElement {
			continue
		}
		if q := m.of[i]; q >= 0 {
			s.WriteString(m.open(q, c.r.Doc.Struct))
		}
		f := func(v float64) string { return strconv.FormatFloat(v, 'f', 5, 64) }
		w, h := e.W.Points(), e.H.Points()
		fmt.Fprintf(&s, "q %s 0 0 %s %s %s cm /%s Do Q\n", f(w), f(h), f(e.X.Points()), f(height-(e.Y.Points()+h)), image)
		if m.of[i] >= 0 {
			s.WriteString("EMC\n")
		}
	}
	s.Write(c.drawAdditions(cover, 0, height))
	return s.Bytes()
}

// smallCover is the cover's image made for the offprint's cover page
// (cover), nil when the book's own does as well: a cover that is no JPEG
// (its PNG would need fpdf's own encoding to match a drawn offprint), a
// colour space other than RGB or grey, or an image no larger than needed.
func (c *Cutter) smallCover(cover []layout.Element) *smallCover {
	var e *layout.Element
	for i := range cover {
		if cover[i].Kind == layout.ImageElement && cover[i].Src != "" {
			e = &cover[i]
		}
	}
	if e == nil {
		return nil
	}
	side := PrintSides(&layout.Document{Pages: []*layout.Page{{Elements: []layout.Element{*e}}}})[e.Src]
	c.coversMu.Lock()
	defer c.coversMu.Unlock()
	if sc, ok := c.covers[side]; ok {
		return sc
	}
	if c.covers == nil {
		c.covers = map[int]*smallCover{}
	}
	c.covers[side] = nil
	data, err := fs.ReadFile(c.b.Files(), e.Src)
	if err != nil {
		return nil
	}
	img, err := imaging.Normalize(data, side)
	if err != nil || img.Type != "JPG" {
		return nil
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(img.Data))
	if err != nil {
		return nil
	}
	var cs pdfobj.Name
	switch cfg.ColorModel {
	case color.YCbCrModel, color.RGBAModel:
		cs = "DeviceRGB"
	case color.GrayModel:
		cs = "DeviceGray"
	default:
		return nil
	}
	d := &pdfobj.Dict{}
	d.Set("Type", pdfobj.Name("XObject"))
	d.Set("Subtype", pdfobj.Name("Image"))
	d.Set("Width", pdfobj.Token(strconv.Itoa(cfg.Width)))
	d.Set("Height", pdfobj.Token(strconv.Itoa(cfg.Height)))
	d.Set("ColorSpace", pdfobj.Name(cs))
	d.Set("BitsPerComponent", pdfobj.Token("8"))
	d.Set("Filter", pdfobj.Name("DCTDecode"))
	d.Set("Length", pdfobj.Token(strconv.Itoa(len(img.Data))))
	sc := &smallCover{dict: d, data: img.Data}
	c.covers[side] = sc
	return sc
}
