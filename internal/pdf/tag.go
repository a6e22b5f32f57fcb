package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"errors"
	"fmt"
	"html"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/image/font/sfnt"

	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/internal/pdfobj"
	"github.com/recueil/recueil/layout"
)

// The finisher turns the file fpdf wrote (or an offprint cut out of the
// book) into a tagged PDF: the structure tree of its pages, built from
// the layout's structure (layout.Structure) and the marks the writer drew
// (marks.go), its parent tree, link annotations as indirect objects tied
// to their Link elements, the catalog's MarkInfo, display of the title,
// XMP metadata, outline counts, and fonts named after the real font with
// a subset tag ("ABCDEF+LiberationSerif", ISO 32000-1, 9.6.4). fpdf can
// do none of this; pdfobj reads its file and writes the finished one.

// meta is what the finisher writes in the XMP metadata.
type meta struct {
	title, subject, keywords string
	creators                 []string
	lang                     string
	date                     time.Time
	// intent is the ICC profile of the output intent (sRGB for the print
	// edition), nil for none. fpdf's AddOutputIntent is not used: with it,
	// fpdf v0.12.0 points the trailer's /Info at the profile's stream.
	intent []byte
	// trim and bleed are the print edition's TrimBox and BleedBox, the
	// same on every page (set here: fpdf writes its page boxes in map
	// order); nil for none.
	trim, bleed []float64
}

// finishPage is one page to tag: the elements it draws, in order, and
// where the elements of a second content stream start (an offprint's
// additions), len(els) when it has none.
type finishPage struct {
	els   []layout.Element
	split int
}

// pdfHeader is the finished file's: tagged PDF with the features used
// here is PDF 1.7 (ISO 32000-1), which PDF/UA-1 is built on.
var pdfHeader = []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

// structElem is a structure element being built.
type structElem struct {
	obj    int
	role   string
	parent int // object number of the parent; 0 for a child of the root
	page   int // object number of its first page
	kids   pdfobj.Array
	node   *layout.Node
	actual string // ActualText of a hyphenated word
	lang   string // a passage's language
}

type finisher struct {
	d      *pdfobj.Doc
	st     *layout.Structure
	next   int
	elems  []*structElem
	byNode map[int32]*structElem
	byObj  map[int]*structElem
	root   []int // the root's kids
	added  []plannedObject
}

func (f *finisher) alloc() int { n := f.next; f.next++; return n }

func (f *finisher) elem(role string, parent int, page int) *structElem {
	e := &structElem{obj: f.alloc(), role: role, parent: parent, page: page}
	f.elems = append(f.elems, e)
	f.byObj[e.obj] = e
	return e
}

// ensure is the element of node n (plus one), made with its ancestors on
// first use, page being where it is first met: the tree's order is the
// order in which the pages draw their content.
func (f *finisher) ensure(n int32, page int) *structElem {
	if e, ok := f.byNode[n]; ok {
		return e
	}
	var node *layout.Node
	role, parent := "Span", 0
	if f.st != nil && n >= 1 && int(n) <= len(f.st.Nodes) {
		node = &f.st.Nodes[n-1]
		role = node.Role.String()
		if node.Parent >= 0 {
			parent = f.ensure(int32(node.Parent+1), page).obj
		}
	}
	e := f.elem(role, parent, page)
	e.node = node
	f.byNode[n] = e
	if parent == 0 {
		f.root = append(f.root, e.obj)
	} else {
		f.kid(parent, pdfobj.Ref(e.obj))
	}
	return e
}

func (f *finisher) kid(parent int, k any) {
	if e := f.byObj[parent]; e != nil {
		e.kids = append(e.kids, k)
	}
}

// mcr is the kid of e pointing at mcid on page.
func mcr(e *structElem, page, mcid int) any {
	if e.page == page {
		return pdfobj.Token(strconv.Itoa(mcid))
	}
	d := &pdfobj.Dict{}
	d.Set("Type", pdfobj.Name("MCR"))
	d.Set("Pg", pdfobj.Ref(page))
	d.Set("MCID", pdfobj.Token(strconv.Itoa(mcid)))
	return d
}

func text(s string) pdfobj.Token { return pdfobj.LiteralString(pdfobj.UTF16BE(bmp(s), true)) }

func rect2(x1, y1, x2, y2 float64) string {
	return fmt.Sprintf("%.2f %.2f %.2f %.2f", x1, y1, x2, y2)
}

// finish tags raw, whose pages draw pages, for a document of structure
// st and page height height (points); fontNames maps fpdf's font names
// (BaseFont) to the real ones.
func finish(raw []byte, st *layout.Structure, pages []finishPage, height float64, fontNames map[pdfobj.Name]string, m meta) ([]byte, error) {
	d, err := pdfobj.Read(raw)
	if err != nil {
		return nil, err
	}
	w := pdfobj.NewWriter(pdfHeader, 0)
	w.Grow(len(raw) + len(raw)/8)
	return finishDoc(w, d, st, pages, height, fontNames, m)
}

// finishDoc is finish for the document d, read or made in memory (an
// offprint: see Cutter.Cut), written with w (NewWriter(pdfHeader, 0),
// sized by finishDoc); d's page, font and outline dictionaries are
// changed in place.
func finishDoc(w *pdfobj.Writer, d *pdfobj.Doc, st *layout.Structure, pages []finishPage, height float64, fontNames map[pdfobj.Name]string, m meta) ([]byte, error) {
	if len(d.Pages) != len(pages) {
		return nil, fmt.Errorf("tagging: %d pages in the file, %d laid out", len(d.Pages), len(pages))
	}
	f := &finisher{d: d, st: st, next: len(d.Objects), byNode: map[int32]*structElem{}, byObj: map[int]*structElem{}}
	var nums pdfobj.Array // the parent tree
	key := 0
	for k, pg := range pages {
		pobj := d.Pages[k]
		pd, _ := d.DictAt(pdfobj.Ref(pobj))
		for _, b := range []struct {
			key pdfobj.Name
			box []float64
		}{{"TrimBox", m.trim}, {"BleedBox", m.bleed}} {
			if len(b.box) == 4 {
				a := make(pdfobj.Array, 4)
				for i, v := range b.box {
					a[i] = pdfobj.Token(strconv.FormatFloat(v, 'f', 2, 64))
				}
				pd.Set(b.key, a)
			}
		}
		mk := markPage(pg.els, pg.split)
		links := map[int]*structElem{}
		spans := map[int]*structElem{}
		parents := make(pdfobj.Array, mk.mcids)
		for _, s := range mk.seqs {
			if s.mcid < 0 {
				continue
			}
			target := f.ensure(s.node, pobj)
			if s.lang > 0 && st != nil && int(s.lang) <= len(st.Langs) {
				// a passage in another language: a span that says it
				e := f.elem("Span", target.obj, pobj)
				e.lang = st.Langs[s.lang-1]
				target.kids = append(target.kids, pdfobj.Ref(e.obj))
				target = e
			}
			switch {
			case s.span >= 0:
				e, ok := spans[s.span]
				if !ok {
					e = f.elem("Span", target.obj, pobj)
					e.actual = mk.spans[s.span]
					target.kids = append(target.kids, pdfobj.Ref(e.obj))
					spans[s.span] = e
				}
				target = e
			case s.link >= 0:
				e, ok := links[s.link]
				if !ok {
					e = f.elem("Link", target.obj, pobj)
					target.kids = append(target.kids, pdfobj.Ref(e.obj))
					links[s.link] = e
				}
				target = e
			}
			target.kids = append(target.kids, mcr(target, pobj, s.mcid))
			parents[s.mcid] = pdfobj.Ref(target.obj)
		}
		if mk.mcids > 0 {
			pd.Set("StructParents", pdfobj.Token(strconv.Itoa(key)))
			nums = append(nums, pdfobj.Token(strconv.Itoa(key)), parents)
			key++
		}
		// the link annotations: indirect, each tied to its Link element
		annots, _ := pd.Get("Annots").(pdfobj.Array)
		if len(annots) == 0 {
			continue
		}
		byRect := map[string][]int{} // link elements by their rectangle, as written
		for i, li := range mk.links {
			e := &pg.els[li]
			x, y := e.X.Points(), height-e.Y.Points()
			r := rect2(x, y, x+e.W.Points(), y-e.H.Points())
			byRect[r] = append(byRect[r], i)
		}
		refs := make(pdfobj.Array, 0, len(annots))
		for _, a := range annots {
			ad, ok := d.DictAt(a)
			if !ok {
				return nil, errors.New("tagging: an annotation is not a dictionary")
			}
			ad = ad.Clone()
			var r [4]float64
			if ra, ok := ad.Get("Rect").(pdfobj.Array); ok && len(ra) == 4 {
				for i := range r {
					if t, ok := ra[i].(pdfobj.Token); ok {
						r[i], _ = strconv.ParseFloat(string(t), 64)
					}
				}
			}
			rs := rect2(r[0], r[1], r[2], r[3])
			var le *structElem
			words := ""
			if is := byRect[rs]; len(is) > 0 {
				i := is[0]
				byRect[rs] = is[1:]
				le = links[i]
				el := &pg.els[mk.links[i]]
				if le == nil {
					// a link over no text (a logo, a QR code): its element
					// holds the annotation alone
					parent := f.ensure(max(el.Node, 1), pobj)
					le = f.elem("Link", parent.obj, pobj)
					parent.kids = append(parent.kids, pdfobj.Ref(le.obj))
				}
				for j := range pg.els {
					t := &pg.els[j]
					if t.Kind == layout.TextElement && covers(el, t) {
						words += t.Text
						if spaced(pg.els, j) {
							words += " "
						}
					}
				}
			} else {
				parent := f.ensure(1, pobj)
				le = f.elem("Link", parent.obj, pobj)
				parent.kids = append(parent.kids, pdfobj.Ref(le.obj))
			}
			n := f.alloc()
			or := &pdfobj.Dict{}
			or.Set("Type", pdfobj.Name("OBJR"))
			or.Set("Obj", pdfobj.Ref(n))
			or.Set("Pg", pdfobj.Ref(pobj))
			le.kids = append(le.kids, or)
			ad.Set("F", pdfobj.Token("4"))
			ad.Set("StructParent", pdfobj.Token(strconv.Itoa(key)))
			nums = append(nums, pdfobj.Token(strconv.Itoa(key)), pdfobj.Ref(le.obj))
			key++
			if ad.Get("Contents") == nil {
				ad.Set("Contents", text(linkContents(words, ad)))
			}
			f.added = append(f.added, plannedObject{num: n, val: ad})
			refs = append(refs, pdfobj.Ref(n))
		}
		pd.Set("Annots", refs)
	}
	for _, pobj := range d.Pages {
		if pd, ok := d.DictAt(pdfobj.Ref(pobj)); ok && pd.Get("Annots") != nil {
			pd.Set("Tabs", pdfobj.Name("S"))
		}
	}

	treeRoot := f.alloc()
	parentTree := f.alloc()
	for _, e := range f.elems {
		sd := &pdfobj.Dict{}
		sd.Set("Type", pdfobj.Name("StructElem"))
		sd.Set("S", pdfobj.Name(e.role))
		if e.parent == 0 {
			sd.Set("P", pdfobj.Ref(treeRoot))
		} else {
			sd.Set("P", pdfobj.Ref(e.parent))
		}
		sd.Set("Pg", pdfobj.Ref(e.page))
		if n := e.node; n != nil {
			if n.Alt != "" {
				sd.Set("Alt", text(n.Alt))
			}
			if n.Lang != "" {
				sd.Set("Lang", pdfobj.LiteralString([]byte(n.Lang)))
			}
			if n.ID != "" {
				sd.Set("ID", pdfobj.LiteralString([]byte(n.ID)))
			}
			if n.Scope != "" {
				a := &pdfobj.Dict{}
				a.Set("O", pdfobj.Name("Table"))
				a.Set("Scope", pdfobj.Name(n.Scope))
				sd.Set("A", a)
			}
		}
		if e.actual != "" {
			sd.Set("ActualText", text(e.actual))
		}
		if e.lang != "" {
			sd.Set("Lang", pdfobj.LiteralString([]byte(e.lang)))
		}
		sd.Set("K", e.kids)
		f.added = append(f.added, plannedObject{num: e.obj, val: sd})
	}
	rk := make(pdfobj.Array, len(f.root))
	for i, n := range f.root {
		rk[i] = pdfobj.Ref(n)
	}
	tr := &pdfobj.Dict{}
	tr.Set("Type", pdfobj.Name("StructTreeRoot"))
	tr.Set("K", rk)
	tr.Set("ParentTree", pdfobj.Ref(parentTree))
	tr.Set("ParentTreeNextKey", pdfobj.Token(strconv.Itoa(key)))
	pt := &pdfobj.Dict{}
	pt.Set("Nums", nums)
	f.added = append(f.added, plannedObject{num: treeRoot, val: tr}, plannedObject{num: parentTree, val: pt})

	xmp := []byte(xmpPacket(m))
	md := &pdfobj.Dict{}
	md.Set("Type", pdfobj.Name("Metadata"))
	md.Set("Subtype", pdfobj.Name("XML"))
	md.Set("Length", pdfobj.Token(strconv.Itoa(len(xmp))))
	metaObj := f.alloc()
	f.added = append(f.added, plannedObject{num: metaObj, val: md, stream: xmp})

	cat := d.Catalog
	mi := &pdfobj.Dict{}
	mi.Set("Marked", pdfobj.Token("true"))
	cat.Set("MarkInfo", mi)
	cat.Set("StructTreeRoot", pdfobj.Ref(treeRoot))
	vp := &pdfobj.Dict{}
	vp.Set("DisplayDocTitle", pdfobj.Token("true"))
	cat.Set("ViewerPreferences", vp)
	cat.Set("Metadata", pdfobj.Ref(metaObj))
	if m.intent != nil {
		icc := &pdfobj.Dict{}
		icc.Set("N", pdfobj.Token("3"))
		icc.Set("Alternate", pdfobj.Name("DeviceRGB"))
		icc.Set("Length", pdfobj.Token(strconv.Itoa(len(m.intent))))
		iccObj := f.alloc()
		f.added = append(f.added, plannedObject{num: iccObj, val: icc, stream: m.intent})
		oi := &pdfobj.Dict{}
		oi.Set("Type", pdfobj.Name("OutputIntent"))
		oi.Set("S", pdfobj.Name("GTS_PDFX"))
		oi.Set("OutputConditionIdentifier", pdfobj.LiteralString([]byte("sRGB IEC61966-2.1")))
		oi.Set("RegistryName", pdfobj.LiteralString([]byte("http://www.color.org")))
		oi.Set("Info", pdfobj.LiteralString([]byte("sRGB IEC61966-2.1")))
		oi.Set("DestOutputProfile", pdfobj.Ref(iccObj))
		cat.Set("OutputIntents", pdfobj.Array{oi})
	}
	if m.lang != "" {
		cat.Set("Lang", pdfobj.LiteralString([]byte(m.lang)))
	}
	f.outlineCounts()
	f.nameFonts(fontNames)
	if err := f.compressPages(); err != nil {
		return nil, err
	}

	w.Reset(f.next)
	same := func(r pdfobj.Ref) (int, bool) { return int(r), r > 0 && int(r) < f.next }
	for n, o := range d.Objects {
		if o == nil || n == 0 {
			continue
		}
		if err := w.Object(n, o.Val, o.Stream, same); err != nil {
			return nil, err
		}
	}
	for _, o := range f.added {
		if err := w.Object(o.num, o.val, o.stream, same); err != nil {
			return nil, err
		}
	}
	root, _ := d.Trailer.Get("Root").(pdfobj.Ref)
	info, _ := d.Trailer.Get("Info").(pdfobj.Ref)
	return w.Finish(int(root), int(info))
}

// compressPages compresses the pages' content streams that are stored as
// they are (the writer has fpdf leave them so), in parallel, each worker
// with one zlib writer reset for every page: fpdf made a writer of about
// 1 MB for each page, one after the other. zlib at the same level writes
// the same bytes whoever runs it.
func (f *finisher) compressPages() error {
	d := f.d
	var todo []int
	for _, pobj := range d.Pages {
		pd, _ := d.DictAt(pdfobj.Ref(pobj))
		for _, r := range pdfobj.Refs(pd.Get("Contents"), nil) {
			o := d.Object(r)
			if o == nil || o.Stream == nil {
				continue
			}
			if sd, ok := o.Val.(*pdfobj.Dict); ok && sd.Get("Filter") == nil {
				todo = append(todo, r)
			}
		}
	}
	out := make([][]byte, len(todo))
	workers := min(runtime.GOMAXPROCS(0), 4, max(len(todo), 1))
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			zw, err := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
			if err != nil {
				errs[w] = err
				return
			}
			for i := w; i < len(todo); i += workers {
				buf.Reset()
				zw.Reset(&buf)
				if _, err := zw.Write(d.Objects[todo[i]].Stream); err != nil {
					errs[w] = err
					return
				}
				if err := zw.Close(); err != nil {
					errs[w] = err
					return
				}
				out[i] = bytes.Clone(buf.Bytes())
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	for i, n := range todo {
		o := d.Objects[n]
		sd := o.Val.(*pdfobj.Dict).Clone()
		sd.Set("Filter", pdfobj.Name("FlateDecode"))
		sd.Set("Length", pdfobj.Token(strconv.Itoa(len(out[i]))))
		d.Objects[n] = &pdfobj.Object{Val: sd, Stream: out[i]}
	}
	return nil
}

// linkContents describes a link for who cannot see it: its text, else
// where it leads.
func linkContents(words string, ad *pdfobj.Dict) string {
	if w := strings.TrimSpace(words); w != "" {
		return w
	}
	if a, ok := ad.Get("A").(*pdfobj.Dict); ok {
		if u, ok := a.Get("URI").(pdfobj.Token); ok {
			s := string(u)
			if len(s) >= 2 && s[0] == '(' {
				return strings.NewReplacer(`\(`, "(", `\)`, ")", `\\`, `\`).Replace(s[1 : len(s)-1])
			}
		}
	}
	return "→"
}

// outlineCounts gives each outline item with children its count, closed
// (negative, ISO 32000-1, 12.3.3), and the root the number of items
// shown: fpdf writes 0 everywhere.
func (f *finisher) outlineCounts() {
	d := f.d
	root, ok := d.DictAt(d.Catalog.Get("Outlines"))
	if !ok {
		return
	}
	var count func(first any, depth int) int
	count = func(first any, depth int) int {
		n := 0
		for it, ok := d.DictAt(first); ok && depth < 64; it, ok = d.DictAt(it.Get("Next")) {
			n++
			kids := 0
			if fk := it.Get("First"); fk != nil {
				kids = count(fk, depth+1)
			}
			if kids > 0 {
				it.Set("Count", pdfobj.Token(strconv.Itoa(-kids)))
			} else if it.Get("Count") != nil {
				*it = *it.Without("Count")
			}
			n += kids
		}
		return n
	}
	count(root.Get("First"), 0)
	top := 0
	for it, ok := d.DictAt(root.Get("First")); ok; it, ok = d.DictAt(it.Get("Next")) {
		top++
	}
	root.Set("Count", pdfobj.Token(strconv.Itoa(top)))
}

// nameFonts names every font after the font it embeds, with a subset tag
// made of the embedded program's bytes (the same subset, the same tag).
func (f *finisher) nameFonts(names map[pdfobj.Name]string) {
	d := f.d
	for _, v := range d.Fonts.Vals {
		t0, ok := d.DictAt(v)
		if !ok {
			continue
		}
		base, _ := t0.Get("BaseFont").(pdfobj.Name)
		real := names[base]
		desc, _ := t0.Get("DescendantFonts").(pdfobj.Array)
		if real == "" || len(desc) != 1 {
			continue
		}
		cid, ok := d.DictAt(desc[0])
		if !ok {
			continue
		}
		fd, ok := d.DictAt(cid.Get("FontDescriptor"))
		if !ok {
			continue
		}
		var prog []byte
		if r, ok := fd.Get("FontFile2").(pdfobj.Ref); ok && d.Object(int(r)) != nil {
			prog = d.Objects[r].Stream
		}
		sum := sha256.Sum256(prog)
		tag := make([]byte, 6)
		for i := range tag {
			tag[i] = 'A' + sum[i]%26
		}
		name := pdfobj.Name(string(tag) + "+" + real)
		t0.Set("BaseFont", name)
		cid.Set("BaseFont", name)
		fd.Set("FontName", name)
	}
}

// fontNames maps fpdf's name of each face of set (BaseFont) to the
// PostScript name in its font file.
func fontNames(set *fonts.Set) map[pdfobj.Name]string {
	out := map[pdfobj.Name]string{}
	var buf sfnt.Buffer
	for id := range fonts.NumFaces {
		ff := set.Face(id)
		if ff == nil {
			continue
		}
		name := "Font"
		if fnt, err := sfnt.Parse(ff.TTF); err == nil {
			if s, err := fnt.Name(&buf, sfnt.NameIDPostScript); err == nil && s != "" {
				name = s
			}
		}
		out[pdfobj.Name("utf8"+fontKey(ff.Name, ff.Style))] = psName(name)
	}
	return out
}

// psName keeps what a PDF name may hold without escapes.
func psName(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7f && !strings.ContainsRune("()<>[]{}/%#", r) {
			return r
		}
		return -1
	}, s)
}

// xmpPacket is the document's XMP metadata (ISO 16684-1): title, authors,
// language, dates, and the PDF/UA-1 identification.
func xmpPacket(m meta) string {
	esc := html.EscapeString
	date := m.date.UTC().Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">` + "\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	b.WriteString(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.title) + "</rdf:li></rdf:Alt></dc:title>\n")
	if len(m.creators) > 0 {
		b.WriteString("<dc:creator><rdf:Seq>")
		for _, c := range m.creators {
			b.WriteString("<rdf:li>" + esc(c) + "</rdf:li>")
		}
		b.WriteString("</rdf:Seq></dc:creator>\n")
	}
	if m.subject != "" {
		b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	if m.lang != "" {
		b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(m.lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	}
	if m.keywords != "" {
		b.WriteString("<pdf:Keywords>" + esc(m.keywords) + "</pdf:Keywords>\n")
	}
	b.WriteString("<pdf:Producer>recueil</pdf:Producer>\n<xmp:CreatorTool>recueil</xmp:CreatorTool>\n")
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n")
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	b.WriteString("</rdf:Description></rdf:RDF></x:xmpmeta>\n")
	b.WriteString(`<?xpacket end="r"?>`)
	return b.String()
}
