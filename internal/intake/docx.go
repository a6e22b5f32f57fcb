package intake

import (
	"encoding/xml"
	"path"
	"strconv"
	"strings"

	"github.com/recueil/recueil/internal/book"
)

// The Word reader matches elements by their local name: the transitional
// and strict namespaces of OOXML name them alike, and the subtrees where
// DrawingML or OMML reuse a name (a:p, m:r) are never descended into.

// docxStyle is what a paragraph or character style says.
type docxStyle struct {
	key     string // normalised name
	basedOn string
	outline int    // 1-based outline level, 0 for none
	numID   string // the list a style puts its paragraphs in (Word's "List Bullet")
}

type docxReader struct {
	d         *Doc
	x         *xmlReader
	rels      map[string]string // relationship id -> target (part path or URL)
	styles    map[string]docxStyle
	ordered   map[string]map[string]bool // numId -> ilvl -> numbered
	notes     map[string][]inline        // footnote or endnote id ("f2", "e1") -> its text
	noteNum   map[string]int
	n         int // paragraph number
	fields    []field
	inNote    bool
	unreadPos map[string]bool // kinds already reported at a paragraph
}

type field struct {
	link   string
	result bool
}

// ReadDocx reads a Word document. A document that cannot be read at all
// is one finding, with nothing else.
func ReadDocx(data []byte) *Doc { return readWith(readDocx, data) }

// readWith reads data with read; a document it cannot read at all is one
// finding, with nothing else kept of it.
func readWith(read func(*Doc, []byte) *problem, data []byte) *Doc {
	d := &Doc{}
	if p := read(d, data); p != nil {
		d.blocks, d.notes, d.images = nil, nil, nil
		d.findings = []finding{{sev: book.Error, code: "import-unreadable", fr: p.fr, en: p.en}}
	}
	return d
}

func readDocx(d *Doc, data []byte) *problem {
	a, p := openArchive(data)
	if p != nil {
		return p
	}
	d.archive = a
	main := "word/document.xml"
	pkg, p := readRels(a, "_rels/.rels", "")
	if p != nil {
		return p
	}
	for _, t := range pkg {
		if strings.HasSuffix(t.typ, "/officeDocument") && a.files[t.target] != nil {
			main = t.target
		}
	}
	if a.files[main] == nil {
		return problemf("le document n’a pas de texte (%s manque dans l’archive) : est-ce bien un fichier Word ?", "the document has no text (%s is missing from the archive): is it a Word file?", main)
	}
	if p := readCore(d, a); p != nil {
		return p
	}
	r := &docxReader{d: d, rels: map[string]string{}, styles: map[string]docxStyle{}, ordered: map[string]map[string]bool{},
		notes: map[string][]inline{}, noteNum: map[string]int{}, unreadPos: map[string]bool{}}
	dir := path.Dir(main)
	rels, p := readRels(a, path.Join(dir, "_rels", path.Base(main)+".rels"), dir)
	if p != nil {
		return p
	}
	parts := map[string]string{}
	for id, t := range rels {
		r.rels[id] = t.target
		for _, k := range []string{"styles", "numbering", "footnotes", "endnotes"} {
			if strings.HasSuffix(t.typ, "/"+k) {
				parts[k] = t.target
			}
		}
	}
	if p := r.readStyles(a, parts["styles"]); p != nil {
		return p
	}
	if p := r.readNumbering(a, parts["numbering"]); p != nil {
		return p
	}
	for _, k := range []string{"footnotes", "endnotes"} {
		if p := r.readNotes(a, parts[k], k[:1]); p != nil {
			return p
		}
	}
	b, p := a.read(main)
	if p != nil {
		return p
	}
	r.x = newXML(main, b)
	if p := r.body(); p != nil {
		return p
	}
	d.finish()
	return nil
}

type relTarget struct{ typ, target string }

// readRels reads a relationships part; internal targets are resolved
// against dir, external ones (URLs) kept as they are.
func readRels(a *archive, name, dir string) (map[string]relTarget, *problem) {
	out := map[string]relTarget{}
	b, p := a.read(name)
	if b == nil {
		return out, p
	}
	x := newXML(name, b)
	for {
		t, p := x.next()
		if p != nil {
			return nil, p
		}
		if t == nil {
			return out, nil
		}
		if e, ok := t.(xml.StartElement); ok && e.Name.Local == "Relationship" {
			target := attr(e, "", "Target")
			if attr(e, "", "TargetMode") != "External" {
				if strings.HasPrefix(target, "/") {
					target = strings.TrimPrefix(path.Clean(target), "/")
				} else {
					target = strings.TrimPrefix(path.Clean("/"+path.Join(dir, target)), "/")
				}
			}
			out[attr(e, "", "Id")] = relTarget{typ: attr(e, "", "Type"), target: target}
		}
	}
}

// readCore reads the title and author of docProps/core.xml.
func readCore(d *Doc, a *archive) *problem {
	b, p := a.read("docProps/core.xml")
	if b == nil {
		return p
	}
	x := newXML("docProps/core.xml", b)
	var cur string
	for {
		t, p := x.next()
		if p != nil {
			return p
		}
		if t == nil {
			return nil
		}
		switch t := t.(type) {
		case xml.StartElement:
			cur = t.Name.Local
		case xml.EndElement:
			cur = ""
		case xml.CharData:
			switch cur {
			case "title":
				d.Title = oneLine(d.Title + string(t))
			case "creator":
				d.Creator = oneLine(d.Creator + string(t))
			}
		}
	}
}

func (r *docxReader) readStyles(a *archive, name string) *problem {
	b, p := a.read(name)
	if b == nil {
		return p
	}
	x := newXML(name, b)
	var id string
	var cur docxStyle
	for {
		t, p := x.next()
		if p != nil {
			return p
		}
		if t == nil {
			return nil
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				id, cur = attr(t, "", "styleId"), docxStyle{}
			case "name":
				cur.key = styleKey(attr(t, "", "val"))
			case "basedOn":
				cur.basedOn = attr(t, "", "val")
			case "numId":
				cur.numID = attr(t, "", "val")
			case "outlineLvl":
				if n, err := strconv.Atoi(attr(t, "", "val")); err == nil && n >= 0 && n < 9 {
					cur.outline = n + 1
				}
			}
		case xml.EndElement:
			if t.Name.Local == "style" && id != "" {
				r.styles[id] = cur
				id = ""
			}
		}
	}
}

func (r *docxReader) readNumbering(a *archive, name string) *problem {
	b, p := a.read(name)
	if b == nil {
		return p
	}
	x := newXML(name, b)
	abstract := map[string]map[string]bool{}
	numAbs := map[string]string{}
	var absID, lvl, numID string
	for {
		t, p := x.next()
		if p != nil {
			return p
		}
		if t == nil {
			break
		}
		if e, ok := t.(xml.StartElement); ok {
			switch e.Name.Local {
			case "abstractNum":
				absID = attr(e, "", "abstractNumId")
				abstract[absID] = map[string]bool{}
			case "lvl":
				lvl = attr(e, "", "ilvl")
			case "numFmt":
				if abstract[absID] != nil {
					f := attr(e, "", "val")
					abstract[absID][lvl] = f != "bullet" && f != "none" && f != ""
				}
			case "num":
				numID = attr(e, "", "numId")
			case "abstractNumId":
				numAbs[numID] = attr(e, "", "val")
			}
		}
	}
	for n, a := range numAbs {
		r.ordered[n] = abstract[a]
	}
	return nil
}

// readNotes reads footnotes.xml or endnotes.xml: each note's paragraphs,
// joined by a space.
func (r *docxReader) readNotes(a *archive, name, prefix string) *problem {
	b, p := a.read(name)
	if b == nil {
		return p
	}
	saved := r.x
	defer func() { r.x = saved }()
	r.x = newXML(name, b)
	r.inNote = true
	defer func() { r.inNote = false }()
	var id string
	for {
		t, p := r.x.next()
		if p != nil {
			return p
		}
		if t == nil {
			return nil
		}
		e, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		switch e.Name.Local {
		case "footnote", "endnote":
			id = prefix + attr(e, "", "id")
			if ty := attr(e, "", "type"); ty != "" && ty != "normal" {
				id = ""
			}
		case "p":
			blk, p := r.paragraph()
			if p != nil {
				return p
			}
			if id != "" {
				if len(r.notes[id]) > 0 {
					r.notes[id] = append(r.notes[id], inline{text: " ", space: true})
				}
				r.notes[id] = append(r.notes[id], blk.in...)
			}
		}
	}
}

// style resolves a paragraph style: its normalised name (or the first of
// its ancestors that is a heading or a quote) and heading level.
func (r *docxReader) style(id string) (key string, level int) {
	for i := 0; i < 10 && id != ""; i++ {
		s, ok := r.styles[id]
		if !ok {
			if key == "" {
				key = styleKey(id)
			}
			break
		}
		if key == "" {
			key = s.key
		}
		if l := headingLevel(s.key); l > 0 {
			return s.key, l
		}
		if s.outline > 0 {
			return s.key, s.outline
		}
		if quoteStyle(s.key) || titleStyle(s.key) || authorStyle(s.key) {
			return s.key, 0
		}
		id = s.basedOn
	}
	return key, headingLevel(key)
}

// styleList is the list a paragraph style (or its ancestors) numbers
// its paragraphs in, or "".
func (r *docxReader) styleList(id string) string {
	for i := 0; i < 10 && id != ""; i++ {
		s, ok := r.styles[id]
		if !ok {
			return ""
		}
		if s.numID != "" {
			return s.numID
		}
		id = s.basedOn
	}
	return ""
}

// body reads document.xml's body.
func (r *docxReader) body() *problem {
	for {
		t, p := r.x.next()
		if p != nil {
			return p
		}
		if t == nil {
			return nil
		}
		e, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		switch e.Name.Local {
		case "p":
			r.n++
			b, p := r.paragraph()
			if p != nil {
				return p
			}
			r.d.blocks = append(r.d.blocks, b)
		case "tbl":
			r.n++
			r.unsupported("table")
			if p := r.x.skip(); p != nil {
				return p
			}
		case "del", "moveFrom", "sectPr", "sdtPr":
			if p := r.x.skip(); p != nil {
				return p
			}
		case "AlternateContent", "drawing", "pict", "object", "oMath", "oMathPara":
			if p := r.embedded(e); p != nil {
				return p
			}
		}
		// Anything else (w:body, w:sdt, w:ins, w:customXml) is descended into.
	}
}

// paragraph reads a w:p up to its end.
func (r *docxReader) paragraph() (block, *problem) {
	var b block
	var styleID, numID, ilvl string
	outline := 0
	var links []string // the open hyperlinks
	b.n = r.n
	for depth := 1; depth > 0; {
		t, p := r.x.next()
		if p != nil {
			return b, p
		}
		if t == nil {
			return b, problemf("la partie %s du document s’arrête au milieu d’un paragraphe", "the part %s of the document stops in the middle of a paragraph", r.x.part)
		}
		switch e := t.(type) {
		case xml.EndElement:
			depth--
			if e.Name.Local == "hyperlink" && len(links) > 0 {
				links = links[:len(links)-1]
			}
			if e.Name.Local == "fldSimple" && len(r.fields) > 0 {
				r.fields = r.fields[:len(r.fields)-1]
			}
		case xml.StartElement:
			depth++
			switch e.Name.Local {
			case "pPr":
				s, n, l, o, p := r.pPr()
				if p != nil {
					return b, p
				}
				styleID, numID, ilvl, outline = s, n, l, o
				depth--
			case "r":
				link := ""
				if len(links) > 0 {
					link = links[len(links)-1]
				}
				in, p := r.run(link)
				if p != nil {
					return b, p
				}
				b.in = append(b.in, in...)
				depth--
			case "hyperlink":
				target := ""
				for _, a := range e.Attr {
					if a.Name.Local == "id" && strings.Contains(a.Name.Space, "relationships") {
						target = r.rels[a.Value]
					}
				}
				links = append(links, target)
			case "fldSimple":
				r.fields = append(r.fields, field{link: hyperlinkField(attr(e, "", "instr")), result: true})
			case "del", "moveFrom", "rPr", "sdtPr", "sdtEndPr":
				if p := r.x.skip(); p != nil {
					return b, p
				}
				depth--
			case "AlternateContent", "drawing", "pict", "object", "oMath", "oMathPara":
				if p := r.embedded(e); p != nil {
					return b, p
				}
				depth--
			}
			// w:ins, w:moveTo, w:smartTag, w:sdtContent, w:customXml:
			// their runs are read as the paragraph's.
		}
	}
	key, level := r.style(styleID)
	if outline > 0 && level == 0 {
		level = outline
	}
	if numID == "" {
		numID = r.styleList(styleID)
	}
	b.style = key
	switch {
	case level > 0:
		b.kind, b.level = heading, level
	case numID != "" && numID != "0":
		b.kind = bullet
		if r.ordered[numID][ilvl] {
			b.kind = number
		}
		b.level, _ = strconv.Atoi(ilvl)
		b.level = max(0, min(b.level, 8))
	case quoteStyle(key):
		b.kind = quote
	}
	return b, nil
}

// pPr reads paragraph properties: the style, the list, the outline level.
func (r *docxReader) pPr() (styleID, numID, ilvl string, outline int, p *problem) {
	for depth := 1; depth > 0; {
		t, p := r.x.next()
		if p != nil {
			return "", "", "", 0, p
		}
		if t == nil {
			return "", "", "", 0, problemf("la partie %s du document s’arrête au milieu d’un paragraphe", "the part %s of the document stops in the middle of a paragraph", r.x.part)
		}
		switch e := t.(type) {
		case xml.EndElement:
			depth--
		case xml.StartElement:
			depth++
			switch e.Name.Local {
			case "pStyle":
				styleID = attr(e, "", "val")
			case "numId":
				numID = attr(e, "", "val")
			case "ilvl":
				ilvl = attr(e, "", "val")
			case "outlineLvl":
				if n, err := strconv.Atoi(attr(e, "", "val")); err == nil && n >= 0 && n < 9 {
					outline = n + 1
				}
			case "rPr", "pPrChange", "sectPr":
				if p := r.x.skip(); p != nil {
					return "", "", "", 0, p
				}
				depth--
			}
		}
	}
	if ilvl == "" {
		ilvl = "0"
	}
	return styleID, numID, ilvl, outline, nil
}

// hyperlinkField returns the URL of a HYPERLINK field instruction.
func hyperlinkField(instr string) string {
	f := strings.Fields(instr)
	if len(f) < 2 || !strings.EqualFold(f[0], "HYPERLINK") {
		return ""
	}
	for _, a := range f[1:] {
		if !strings.HasPrefix(a, "\\") {
			return strings.Trim(a, `"`)
		}
	}
	return ""
}

func on(e xml.StartElement) bool {
	v := attr(e, "", "val")
	return v != "0" && v != "false" && v != "off" && v != "none"
}

// run reads a w:r: its formatting and text, its notes and breaks.
func (r *docxReader) run(link string) ([]inline, *problem) {
	var st style
	var out []inline
	var instr strings.Builder
	for depth := 1; depth > 0; {
		t, p := r.x.next()
		if p != nil {
			return nil, p
		}
		if t == nil {
			return nil, problemf("la partie %s du document s’arrête au milieu d’un paragraphe", "the part %s of the document stops in the middle of a paragraph", r.x.part)
		}
		switch e := t.(type) {
		case xml.EndElement:
			depth--
		case xml.StartElement:
			depth++
			switch e.Name.Local {
			case "rPr":
				s, p := r.rPr()
				if p != nil {
					return nil, p
				}
				st = s
				depth--
			case "t":
				text, p := r.text()
				if p != nil {
					return nil, p
				}
				depth--
				l := link
				for _, f := range r.fields {
					if f.link != "" {
						l = f.link
					}
				}
				out = append(out, inline{text: strings.ReplaceAll(text, "\u00ad", ""), st: st, link: l})
			case "instrText":
				text, p := r.text()
				if p != nil {
					return nil, p
				}
				depth--
				instr.WriteString(text)
				if n := len(r.fields); n > 0 && !r.fields[n-1].result {
					if u := hyperlinkField(instr.String()); u != "" {
						r.fields[n-1].link = u
					}
				}
			case "fldChar":
				switch attr(e, "", "fldCharType") {
				case "begin":
					r.fields = append(r.fields, field{})
					instr.Reset()
				case "separate":
					if n := len(r.fields); n > 0 {
						r.fields[n-1].result = true
					}
				case "end":
					if n := len(r.fields); n > 0 {
						r.fields = r.fields[:n-1]
					}
				}
			case "tab", "ptab":
				out = append(out, inline{text: " ", st: st, link: link, space: true})
			case "br", "cr":
				if ty := attr(e, "", "type"); ty == "page" || ty == "column" {
					out = append(out, inline{text: " ", space: true})
				} else {
					out = append(out, inline{brk: true})
				}
			case "noBreakHyphen":
				out = append(out, inline{text: "-", st: st, link: link})
			case "footnoteReference", "endnoteReference":
				id := e.Name.Local[:1] + attr(e, "", "id")
				if r.inNote {
					break
				}
				n, ok := r.noteNum[id]
				if !ok {
					r.d.notes = append(r.d.notes, r.notes[id])
					n = len(r.d.notes)
					r.noteNum[id] = n
				}
				out = append(out, inline{note: n})
			case "delText", "delInstrText", "rPrChange":
				if p := r.x.skip(); p != nil {
					return nil, p
				}
				depth--
			case "AlternateContent", "drawing", "pict", "object", "oMath":
				if p := r.embedded(e); p != nil {
					return nil, p
				}
				depth--
			}
			// w:softHyphen, w:commentReference, w:footnoteRef,
			// w:lastRenderedPageBreak: nothing to write.
		}
	}
	return out, nil
}

// rPr reads run properties: italic and bold, direct or by a character
// style named Emphasis or Strong.
func (r *docxReader) rPr() (style, *problem) {
	var st style
	for depth := 1; depth > 0; {
		t, p := r.x.next()
		if p != nil {
			return 0, p
		}
		if t == nil {
			return 0, problemf("la partie %s du document s’arrête au milieu d’un paragraphe", "the part %s of the document stops in the middle of a paragraph", r.x.part)
		}
		switch e := t.(type) {
		case xml.EndElement:
			depth--
		case xml.StartElement:
			depth++
			switch e.Name.Local {
			case "i":
				st = st&^italic | b2s(on(e), italic)
			case "b":
				st = st&^bold | b2s(on(e), bold)
			case "rStyle":
				switch k, _ := r.style(attr(e, "", "val")); k {
				case "emphasis", "accentuation", "emphase":
					st |= italic
				case "strong", "strongemphasis", "lefort", "accentuationforte", "gras":
					st |= bold
				}
			case "rPrChange":
				if p := r.x.skip(); p != nil {
					return 0, p
				}
				depth--
			}
		}
	}
	return st, nil
}

func b2s(ok bool, s style) style {
	if ok {
		return s
	}
	return 0
}

// text reads the characters of a w:t up to its end.
func (r *docxReader) text() (string, *problem) {
	var b strings.Builder
	for depth := 1; depth > 0; {
		t, p := r.x.next()
		if p != nil {
			return "", p
		}
		if t == nil {
			return "", problemf("la partie %s du document s’arrête au milieu d’un paragraphe", "the part %s of the document stops in the middle of a paragraph", r.x.part)
		}
		switch e := t.(type) {
		case xml.CharData:
			b.Write(e)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return b.String(), nil
}

// embedded reads a drawing, a picture, an object or an equation: a
// picture is kept for --photo, the rest is a finding.
func (r *docxReader) embedded(start xml.StartElement) *problem {
	kinds := map[string]bool{}
	var blips []string
	switch start.Name.Local {
	case "object":
		kinds["object"] = true
	case "oMath", "oMathPara":
		kinds["equation"] = true
	}
	for depth := 1; depth > 0; {
		t, p := r.x.next()
		if p != nil {
			return p
		}
		if t == nil {
			return problemf("la partie %s du document s’arrête au milieu d’un élément", "the part %s of the document stops in the middle of an element", r.x.part)
		}
		switch e := t.(type) {
		case xml.EndElement:
			depth--
		case xml.StartElement:
			depth++
			switch e.Name.Local {
			case "Fallback":
				// The same drawing again, in VML, for old readers.
				if p := r.x.skip(); p != nil {
					return p
				}
				depth--
			case "txbx", "txbxContent", "textbox":
				kinds["textbox"] = true
			case "chart":
				kinds["chart"] = true
			case "oMath":
				kinds["equation"] = true
			case "OLEObject":
				kinds["object"] = true
			case "blip", "imagedata":
				for _, a := range e.Attr {
					if (a.Name.Local == "embed" || a.Name.Local == "id") && strings.Contains(a.Name.Space, "relationships") {
						blips = append(blips, a.Value)
					}
				}
			}
		}
	}
	if r.inNote {
		return nil
	}
	for _, k := range []string{"object", "equation", "chart", "textbox"} {
		if kinds[k] {
			r.unsupported(k)
			return nil
		}
	}
	for _, id := range blips {
		if target := r.rels[id]; target != "" && len(r.d.images) < MaxImages {
			r.d.images = append(r.d.images, image{part: target, size: r.d.archive.size(target), n: r.n})
		}
	}
	return nil
}

// unsupported reports a piece the import cannot convert, once per kind
// and paragraph.
func (r *docxReader) unsupported(kind string) {
	key := kind + strconv.Itoa(r.n)
	if r.unreadPos[key] {
		return
	}
	r.unreadPos[key] = true
	r.d.unsupported(r.n, kind)
}

var pieces = map[string][2]string{
	"table":    {"un tableau", "a table"},
	"textbox":  {"une zone de texte", "a text box"},
	"object":   {"un objet incorporé", "an embedded object"},
	"equation": {"une équation", "an equation"},
	"chart":    {"un graphique", "a chart"},
	"frame":    {"un cadre", "a frame"},
}

func (d *Doc) unsupported(n int, kind string) {
	w := pieces[kind]
	d.add(n, book.Warning, "import-unsupported",
		"paragraphe "+strconv.Itoa(n)+" : recueil ne sait pas convertir "+w[0]+" ; ce contenu manque au texte importé, recopiez-le à la main s’il compte",
		"paragraph "+strconv.Itoa(n)+": "+w[1]+" could not be converted and is not in the imported text; copy its content by hand if it matters")
}
