package pdfobj

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
)

// Doc is a PDF file as fpdf writes it, read: its objects, and the few
// dictionaries a copy of its pages needs. fpdf puts every page directly
// under the root of the pages tree and gives them all one resources
// dictionary; Read refuses a file that does otherwise.
type Doc struct {
	Header    []byte    // the comment lines before the first object
	Objects   []*Object // by object number; nil for free ones
	Pages     []int     // the page objects, in order
	PageIndex map[int]int
	Trailer   *Dict
	Catalog   *Dict
	Info      *Dict // the document information dictionary
	PagesRoot *Dict // the root of the pages tree, holding the /MediaBox
	Resources *Dict // the resources all pages share
	Fonts     *Dict // its /Font, empty when it has none
	XObjects  *Dict // its /XObject, empty when it has none
}

// Read reads a PDF file written by fpdf. The objects' bytes are slices of
// data, not copies.
func Read(data []byte) (*Doc, error) {
	offsets, trailer, err := ReadXref(data)
	if err != nil {
		return nil, err
	}
	d := &Doc{Objects: make([]*Object, len(offsets)), PageIndex: map[int]int{}, Trailer: trailer}
	for k := 0; k < len(data) && data[k] == '%'; {
		e := bytes.IndexByte(data[k:], '\n')
		if e < 0 {
			break
		}
		k += e + 1
		d.Header = data[:k]
	}
	if len(d.Header) == 0 {
		return nil, errors.New("pdfobj: no header")
	}
	// Objects do not overlap: each is read no further than the offset of
	// the next, so that reading takes time in proportion to the file
	// however its table lies (objects nested in one another's strings
	// would each be read to the end of the file).
	starts := make([]int, 0, len(offsets))
	for n, off := range offsets {
		if off >= 0 && n != 0 {
			starts = append(starts, off)
		}
	}
	slices.Sort(starts)
	for n, off := range offsets {
		if off < 0 || n == 0 {
			continue
		}
		end := len(data)
		if i, _ := slices.BinarySearch(starts, off+1); i < len(starts) {
			end = min(end, starts[i])
		}
		if d.Objects[n], err = ReadObject(data[:end], n, off); err != nil {
			return nil, err
		}
	}
	if err := d.index(); err != nil {
		return nil, err
	}
	return d, nil
}

// New is the document of objects (by object number, nil for free ones)
// and trailer, as Read would read it from the file they make: a PDF made
// in memory is finished without being written and read again. The
// objects are not copied.
func New(header []byte, objects []*Object, trailer *Dict) (*Doc, error) {
	d := &Doc{Header: header, Objects: objects, PageIndex: map[int]int{}, Trailer: trailer}
	if err := d.index(); err != nil {
		return nil, err
	}
	return d, nil
}

// index finds the catalog, the information, the pages and their shared
// resources of d's objects.
func (d *Doc) index() error {
	trailer := d.Trailer
	var ok bool
	if d.Catalog, ok = d.DictAt(trailer.Get("Root")); !ok {
		return errors.New("pdfobj: no catalog")
	}
	if d.Info, ok = d.DictAt(trailer.Get("Info")); !ok {
		return errors.New("pdfobj: no document information")
	}
	if d.PagesRoot, ok = d.DictAt(d.Catalog.Get("Pages")); !ok {
		return errors.New("pdfobj: no pages tree")
	}
	kids, _ := d.PagesRoot.Get("Kids").(Array)
	var res0 any
	for i, k := range kids {
		n, ok := k.(Ref)
		if !ok {
			return errors.New("pdfobj: a page is not a reference")
		}
		pg, ok := d.DictAt(n)
		if !ok || pg.Get("Type") != Name("Page") {
			return errors.New("pdfobj: nested page trees are not supported")
		}
		d.Pages = append(d.Pages, int(n))
		d.PageIndex[int(n)] = i
		if i == 0 {
			res0 = pg.Get("Resources")
			if _, ok := res0.(Ref); !ok {
				return errors.New("pdfobj: resources are not shared")
			}
			if d.Resources, ok = d.DictAt(res0); !ok {
				return errors.New("pdfobj: no resources")
			}
		} else if pg.Get("Resources") != res0 {
			return errors.New("pdfobj: pages do not share their resources")
		}
	}
	if len(d.Pages) == 0 {
		return errors.New("pdfobj: no page")
	}
	if d.Fonts, ok = d.DictAt(d.Resources.Get("Font")); !ok {
		d.Fonts = &Dict{}
	}
	if d.XObjects, ok = d.DictAt(d.Resources.Get("XObject")); !ok {
		d.XObjects = &Dict{}
	}
	return nil
}

// Object is object n, or nil when d has none.
func (d *Doc) Object(n int) *Object {
	if n <= 0 || n >= len(d.Objects) {
		return nil
	}
	return d.Objects[n]
}

// DictAt is the dictionary v is or refers to.
func (d *Doc) DictAt(v any) (*Dict, bool) {
	if r, ok := v.(Ref); ok {
		o := d.Object(int(r))
		if o == nil {
			return nil, false
		}
		v = o.Val
	}
	x, ok := v.(*Dict)
	return x, ok
}

// CIDToGID is the character-to-glyph map of the Type 0 font named res in
// the shared resources (two bytes, a glyph number, per character code),
// or nil when it has none d can read.
func (d *Doc) CIDToGID(res Name) []byte {
	t0, ok := d.DictAt(d.Fonts.Get(res))
	if !ok {
		return nil
	}
	desc, _ := t0.Get("DescendantFonts").(Array)
	if len(desc) != 1 {
		return nil
	}
	cid, ok := d.DictAt(desc[0])
	if !ok {
		return nil
	}
	ref, ok := cid.Get("CIDToGIDMap").(Ref)
	if !ok || d.Object(int(ref)) == nil {
		return nil
	}
	// two bytes for each of the 65536 character codes
	m, err := inflate(d.Objects[ref], 2<<16)
	if err != nil {
		return nil
	}
	return m
}

// Inflate decodes a stream stored with /FlateDecode or no filter. It
// decodes no more than 64 MiB.
func Inflate(o *Object) ([]byte, error) { return inflate(o, 64<<20) }

// inflate decodes at most limit bytes of o (all of them when it is not
// encoded).
func inflate(o *Object, limit int64) ([]byte, error) {
	d, _ := o.Val.(*Dict)
	if d == nil {
		return nil, ErrSyntax
	}
	switch f := d.Get("Filter"); f {
	case nil:
		return o.Stream, nil
	case Name("FlateDecode"):
		zr, err := zlib.NewReader(bytes.NewReader(o.Stream))
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		return io.ReadAll(io.LimitReader(zr, limit))
	default:
		return nil, fmt.Errorf("pdfobj: filter %v not supported", f)
	}
}
