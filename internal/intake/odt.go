package intake

import (
	"bytes"
	"encoding/xml"
	"path"
	"strconv"
	"strings"

	"github.com/recueil/recueil/internal/book"
)

// odtStyle is what an ODF style says.
type odtStyle struct {
	key, parent string
	st          style  // italic, bold of its text properties
	auto        bool   // an automatic style (direct formatting)
	list        string // its list style
}

type odtReader struct {
	d         *Doc
	x         *xmlReader
	styles    map[string]odtStyle     // paragraph and text styles by name
	lists     map[string]map[int]bool // list style -> level (1-based) -> numbered
	n         int
	inNote    bool
	unreadPos map[string]bool
}

// ReadODT reads an OpenDocument text. A document that cannot be read at
// all is one finding, with nothing else.
func ReadODT(data []byte) *Doc { return readWith(readODT, data) }

func readODT(d *Doc, data []byte) *problem {
	a, p := openArchive(data)
	if p != nil {
		return p
	}
	d.archive = a
	if a.files["content.xml"] == nil {
		return problemf("le document n’a pas de texte (content.xml manque dans l’archive) : est-ce bien un fichier .odt ?", "the document has no text (content.xml is missing from the archive): is it an .odt file?")
	}
	r := &odtReader{d: d, styles: map[string]odtStyle{}, lists: map[string]map[int]bool{}, unreadPos: map[string]bool{}}
	if p := r.meta(a); p != nil {
		return p
	}
	for _, part := range []string{"styles.xml", "content.xml"} {
		b, p := a.read(part)
		if p != nil {
			return p
		}
		if b == nil {
			continue
		}
		r.x = newXML(part, b)
		if p := r.document(part == "content.xml"); p != nil {
			return p
		}
	}
	d.finish()
	return nil
}

func (r *odtReader) meta(a *archive) *problem {
	b, p := a.read("meta.xml")
	if b == nil {
		return p
	}
	x := newXML("meta.xml", b)
	var cur string
	initial := ""
	for {
		t, p := x.next()
		if p != nil {
			return p
		}
		if t == nil {
			break
		}
		switch t := t.(type) {
		case xml.StartElement:
			cur = t.Name.Local
		case xml.EndElement:
			cur = ""
		case xml.CharData:
			switch cur {
			case "title":
				r.d.Title = oneLine(r.d.Title + string(t))
			case "creator":
				r.d.Creator = oneLine(r.d.Creator + string(t))
			case "initial-creator":
				initial = oneLine(initial + string(t))
			}
		}
	}
	// dc:creator is who saved it last; the author is the one who began it.
	if initial != "" {
		r.d.Creator = initial
	}
	return nil
}

// document reads styles (from styles.xml and content.xml's automatic
// styles) and, in content.xml, the text.
func (r *odtReader) document(content bool) *problem {
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
		case "style":
			if p := r.style(e); p != nil {
				return p
			}
		case "list-style":
			if p := r.listStyle(e); p != nil {
				return p
			}
		case "text":
			if content && e.Name.Space == nsOffice {
				return r.blocks(0, "")
			}
		}
	}
}

const (
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
)

func (r *odtReader) style(e xml.StartElement) *problem {
	name := attr(e, "", "name")
	s := odtStyle{key: styleKey(name), parent: attr(e, "", "parent-style-name"), list: attr(e, "", "list-style-name")}
	if dn := attr(e, "", "display-name"); dn != "" {
		s.key = styleKey(dn)
	}
	s.auto = r.x.part == "content.xml"
	for depth := 1; depth > 0; {
		t, p := r.x.next()
		if p != nil {
			return p
		}
		if t == nil {
			return nil
		}
		switch t := t.(type) {
		case xml.StartElement:
			depth++
			if t.Name.Local == "text-properties" {
				if attr(t, "", "font-style") == "italic" || attr(t, "", "font-style") == "oblique" {
					s.st |= italic
				}
				if w := attr(t, "", "font-weight"); w == "bold" || w == "600" || w == "700" || w == "800" || w == "900" {
					s.st |= bold
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	r.styles[name] = s
	return nil
}

func (r *odtReader) listStyle(e xml.StartElement) *problem {
	name := attr(e, "", "name")
	levels := map[int]bool{}
	for depth := 1; depth > 0; {
		t, p := r.x.next()
		if p != nil {
			return p
		}
		if t == nil {
			return nil
		}
		switch t := t.(type) {
		case xml.StartElement:
			depth++
			lvl, _ := strconv.Atoi(attr(t, "", "level"))
			switch t.Name.Local {
			case "list-level-style-number":
				levels[lvl] = attr(t, "", "num-format") != ""
			case "list-level-style-bullet", "list-level-style-image":
				levels[lvl] = false
			}
		case xml.EndElement:
			depth--
		}
	}
	r.lists[name] = levels
	return nil
}

// resolve follows a style's parents: its key (or the first ancestor's
// that is a heading, quote, title or author style) and its text style.
func (r *odtReader) resolve(name string) (key string, st style, list string) {
	for i := 0; i < 10 && name != ""; i++ {
		s, ok := r.styles[name]
		if !ok {
			if key == "" {
				key = styleKey(name)
			}
			break
		}
		if s.auto {
			st |= s.st
		}
		if list == "" {
			list = s.list
		}
		if !s.auto || s.parent == "" {
			if key == "" || quoteStyle(s.key) || headingLevel(s.key) > 0 || titleStyle(s.key) || authorStyle(s.key) {
				key = s.key
			}
			if quoteStyle(s.key) || headingLevel(s.key) > 0 || titleStyle(s.key) || authorStyle(s.key) {
				return key, st, list
			}
		}
		switch s.key {
		case "emphasis", "accentuation":
			st |= italic
		case "strongemphasis", "strong", "accentuationforte":
			st |= bold
		}
		name = s.parent
	}
	return key, st, list
}

func (r *odtReader) textStyle(name string) style {
	_, st, _ := r.resolve(name)
	return st
}

// blocks reads the text's paragraphs up to the end of the element, at a
// list depth (-1 outside lists) with its list style.
func (r *odtReader) blocks(depth int, list string) *problem {
	for level := 1; level > 0; {
		t, p := r.x.next()
		if p != nil {
			return p
		}
		if t == nil {
			return nil
		}
		switch e := t.(type) {
		case xml.EndElement:
			level--
		case xml.StartElement:
			switch e.Name.Local {
			case "p", "h":
				if !r.inNote {
					r.n++
				}
				b, p := r.paragraph(e)
				if p != nil {
					return p
				}
				if depth > 0 {
					_, _, pl := r.resolve(attr(e, "", "style-name"))
					ls := list
					if ls == "" {
						ls = pl
					}
					b.kind, b.level = bullet, depth-1
					if r.lists[ls][depth] {
						b.kind = number
					}
				}
				r.d.blocks = append(r.d.blocks, b)
			case "list":
				ls := attr(e, "", "style-name")
				if ls == "" {
					ls = list
				}
				if p := r.blocks(depth+1, ls); p != nil {
					return p
				}
			case "list-item", "section", "list-header":
				level++
			case "table":
				if !r.inNote {
					r.n++
				}
				r.unsupported("table")
				if p := r.x.skip(); p != nil {
					return p
				}
			case "frame":
				if p := r.frame(); p != nil {
					return p
				}
			case "table-of-content", "alphabetical-index", "illustration-index", "bibliography", "user-index", "table-index", "object-index":
				if !r.inNote {
					r.n++
				}
				r.d.add(r.n, book.Info, "import-unsupported", "paragraphe "+strconv.Itoa(r.n)+" : la table ou l’index du document est laissé de côté : le livre fait les siens",
					"paragraph "+strconv.Itoa(r.n)+": the document's table of contents or index is left out: the book makes its own")
				if p := r.x.skip(); p != nil {
					return p
				}
			default:
				// text:tracked-changes (the deleted text), text:sequence-decls,
				// forms: nothing of the text.
				if p := r.x.skip(); p != nil {
					return p
				}
			}
		}
	}
	return nil
}

// paragraph reads a text:p or text:h.
func (r *odtReader) paragraph(start xml.StartElement) (block, *problem) {
	key, base, _ := r.resolve(attr(start, "", "style-name"))
	b := block{n: r.n, style: key}
	if start.Name.Local == "h" {
		l, err := strconv.Atoi(attr(start, "", "outline-level"))
		if err != nil || l < 1 {
			l = 1
		}
		b.kind, b.level = heading, min(l, 9)
	} else if l := headingLevel(key); l > 0 {
		b.kind, b.level = heading, l
	} else if quoteStyle(key) {
		b.kind = quote
	}
	in, p := r.inlines(base, "")
	b.in = in
	return b, p
}

// inlines reads the content of a paragraph or span up to its end.
func (r *odtReader) inlines(st style, link string) ([]inline, *problem) {
	var out []inline
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
		case xml.CharData:
			out = append(out, inline{text: strings.ReplaceAll(string(e), "\u00ad", ""), st: st, link: link})
		case xml.StartElement:
			switch e.Name.Local {
			case "span":
				in, p := r.inlines(st|r.textStyle(attr(e, "", "style-name")), link)
				if p != nil {
					return nil, p
				}
				out = append(out, in...)
			case "a":
				in, p := r.inlines(st|r.textStyle(attr(e, "", "style-name")), attr(e, "", "href"))
				if p != nil {
					return nil, p
				}
				out = append(out, in...)
			case "s": // text:c spaces: one, as the book sets them
				out = append(out, inline{text: " ", st: st, link: link, space: true})
				depth++
			case "tab":
				out = append(out, inline{text: " ", st: st, link: link, space: true})
				depth++
			case "line-break":
				out = append(out, inline{brk: true})
				depth++
			case "note":
				n, p := r.note()
				if p != nil {
					return nil, p
				}
				if n > 0 {
					out = append(out, inline{note: n})
				}
			case "frame":
				if p := r.frame(); p != nil {
					return nil, p
				}
			case "annotation", "tracked-changes", "note-citation", "bookmark-ref", "toc-mark", "alphabetical-index-mark", "soft-page-break":
				if p := r.x.skip(); p != nil {
					return nil, p
				}
			default:
				// text:change marks, bookmarks, fields (their text is their
				// result), ruby: their content is the text.
				depth++
			}
		}
	}
	return out, nil
}

// note reads a text:note: its body's paragraphs, joined by a space.
func (r *odtReader) note() (int, *problem) {
	var in []inline
	for depth := 1; depth > 0; {
		t, p := r.x.next()
		if p != nil {
			return 0, p
		}
		if t == nil {
			return 0, problemf("la partie %s du document s’arrête au milieu d’une note", "the part %s of the document stops in the middle of a note", r.x.part)
		}
		switch e := t.(type) {
		case xml.EndElement:
			depth--
		case xml.StartElement:
			switch e.Name.Local {
			case "note-citation":
				if p := r.x.skip(); p != nil {
					return 0, p
				}
			case "p", "h":
				saved := r.inNote
				r.inNote = true
				b, p := r.paragraph(e)
				r.inNote = saved
				if p != nil {
					return 0, p
				}
				if len(in) > 0 {
					in = append(in, inline{text: " ", space: true})
				}
				in = append(in, b.in...)
			default:
				depth++
			}
		}
	}
	if r.inNote {
		return 0, nil
	}
	r.d.notes = append(r.d.notes, in)
	return len(r.d.notes), nil
}

// frame reads a draw:frame: an image is kept for --photo; a text box, an
// object or a formula is a finding.
func (r *odtReader) frame() *problem {
	var images []string
	kind := ""
	for depth := 1; depth > 0; {
		t, p := r.x.next()
		if p != nil {
			return p
		}
		if t == nil {
			return problemf("la partie %s du document s’arrête au milieu d’un cadre", "the part %s of the document stops in the middle of a frame", r.x.part)
		}
		switch e := t.(type) {
		case xml.EndElement:
			depth--
		case xml.StartElement:
			depth++
			switch e.Name.Local {
			case "image":
				images = append(images, strings.TrimPrefix(path.Clean("/"+attr(e, "", "href")), "/"))
			case "text-box":
				kind = "textbox"
			case "object", "object-ole":
				kind = "object"
				obj := strings.TrimPrefix(path.Clean("/"+attr(e, "", "href")), "/")
				if b, _ := r.d.archive.read(obj + "/content.xml"); bytes.Contains(b, []byte("<math")) {
					kind = "equation"
				}
			case "math":
				kind = "equation"
			}
		}
	}
	if r.inNote {
		return nil
	}
	if kind != "" {
		r.unsupported(kind)
		return nil
	}
	for _, im := range images {
		if r.d.archive.files[im] != nil && len(r.d.images) < MaxImages {
			r.d.images = append(r.d.images, image{part: im, size: r.d.archive.size(im), n: r.n})
		}
	}
	return nil
}

func (r *odtReader) unsupported(kind string) {
	key := kind + strconv.Itoa(r.n)
	if r.unreadPos[key] {
		return
	}
	r.unreadPos[key] = true
	r.d.unsupported(r.n, kind)
}
