package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"slices"

	"github.com/recueil/recueil/internal/pdfobj"
	"github.com/recueil/recueil/layout"
)

// A Planned offprint is one worked out but not yet tagged nor written:
// its Key says what it is made of, without the cost of finishing it, so
// that a caller can keep offprints across runs and cut only those whose
// key changed.
type Planned struct {
	c *Cutter
	p *cutPlan
}

// Plan works out the offprint of the pages first..last (folios); it fails
// with ErrCannotCut when the offprint must be drawn (see Offprint).
func (c *Cutter) Plan(first, last int) (*Planned, error) {
	p, err := c.plan(first, last)
	if err != nil {
		return nil, err
	}
	return &Planned{c: c, p: p}, nil
}

// Write tags and writes the offprint, as Cut does; nothing is written to
// w when it fails.
func (pl *Planned) Write(w io.Writer) error {
	d, err := pl.p.doc()
	if err != nil {
		return err
	}
	pw := writers.Get().(*pdfobj.Writer)
	defer writers.Put(pw)
	pw.Reset(0)
	pw.Grow(pl.p.bytes())
	data, err := pl.c.tag(pw, pl.p, d)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// Key is a SHA-256 of everything the offprint's bytes are made of: every
// object the cutter plans (its number, its value with the references as
// written, a digest of its stream), and what the finisher adds to them
// (the elements each page draws, the structure nodes they belong to,
// numbered in the order the offprint meets them, the languages, the
// fonts' names, the document's metadata). The same key, the same file:
// an offprint whose pages moved has other folios in its content streams,
// one whose fonts gained a glyph has another font program. The code
// itself is not in it: the caller keys on the binary too.
func (pl *Planned) Key() ([]byte, error) {
	p, c := pl.p, pl.c
	h := sha256.New()
	var b []byte
	b = append(b, "recueil offprint v1\x00"...)
	b = appendBytes(b, p.header)
	for _, v := range []int{p.first, p.last, p.size, p.catalog, p.info} {
		b = binary.AppendVarint(b, int64(v))
	}
	var val bytes.Buffer
	for i := range p.objects {
		ob := &p.objects[i]
		val.Reset()
		if err := pdfobj.WriteValue(&val, ob.val, ob.ref); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrCannotCut, err)
		}
		b = binary.AppendVarint(b, int64(ob.num))
		b = appendBytes(b, val.Bytes())
		switch {
		case ob.stream == nil:
			b = append(b, 0)
		case ob.src != nil:
			sum := c.streamSum(ob.src)
			b = append(b, 1)
			b = append(b, sum[:]...)
		default:
			b = append(b, 2)
			b = appendBytes(b, ob.stream)
		}
		if len(b) > 32<<10 {
			h.Write(b)
			b = b[:0]
		}
	}
	// the finisher's inputs
	k := keyer{st: c.r.Doc.Struct, rel: map[int32]int32{}}
	k.node(1)                            // the finisher ties stray links to the first node
	pages := [][]layout.Element{p.cover} // each page's own elements, then its additions
	for i := range p.last - p.first + 1 {
		pages = append(pages, c.r.Doc.Pages[p.first-1+i].Elements, p.adds[i])
	}
	for _, els := range pages {
		b = binary.AppendVarint(b, int64(len(els)))
		for j := range els {
			b = k.element(b, &els[j])
		}
		h.Write(b)
		b = b[:0]
	}
	b = binary.AppendVarint(b, int64(len(k.nodes)))
	for _, n := range k.nodes {
		b = append(b, n...)
	}
	b = appendString(b, fmt.Sprintf("%.4f", c.r.Doc.Height.Points()))
	names := make([]string, 0, len(c.names))
	for base, real := range c.names {
		names = append(names, string(base)+"\x00"+real)
	}
	slices.Sort(names)
	for _, n := range names {
		b = appendString(b, n)
	}
	m := bookMeta(c.b, offprintTitle(c.r, c.b, p.first, p.last))
	b = appendString(b, m.title)
	b = appendString(b, m.subject)
	b = appendString(b, m.keywords)
	b = binary.AppendVarint(b, int64(len(m.creators)))
	for _, s := range m.creators {
		b = appendString(b, s)
	}
	b = appendString(b, m.lang)
	b = appendString(b, m.date.UTC().Format("2006-01-02T15:04:05.999999999Z"))
	b = appendBytes(b, m.intent)
	b = appendString(b, fmt.Sprint(m.trim, m.bleed))
	h.Write(b)
	return h.Sum(nil), nil
}

// streamSum is the SHA-256 of a stream of the book or of the colophon
// PDF, each hashed once per Cutter: the fonts and images are shared by
// many offprints.
func (c *Cutter) streamSum(o *pdfobj.Object) [sha256.Size]byte {
	c.sumsMu.Lock()
	sum, ok := c.sums[o]
	c.sumsMu.Unlock()
	if ok {
		return sum
	}
	sum = sha256.Sum256(o.Stream)
	c.sumsMu.Lock()
	c.sums[o] = sum
	c.sumsMu.Unlock()
	return sum
}

func appendBytes(b, s []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// keyer encodes elements and their structure nodes for Key, the nodes
// numbered in the order met (a change earlier in the book that adds a
// node does not change the key of a later offprint).
type keyer struct {
	st    *layout.Structure
	rel   map[int32]int32 // a node (plus one) → its number in the key
	nodes [][]byte        // what each numbered node is
}

// node is the key's number of node n (plus one); 0 and below as they are.
func (k *keyer) node(n int32) int32 {
	if n <= 0 {
		return n
	}
	if r, ok := k.rel[n]; ok {
		return r
	}
	r := int32(len(k.nodes) + 1)
	k.rel[n] = r
	k.nodes = append(k.nodes, nil)
	var b []byte
	if k.st == nil || int(n) > len(k.st.Nodes) {
		b = append(b, 0) // no node: a Span under the root
	} else {
		nd := &k.st.Nodes[n-1]
		b = append(b, 1)
		b = appendString(b, nd.Role.String())
		parent := int32(0)
		if nd.Parent >= 0 {
			parent = k.node(int32(nd.Parent + 1))
		}
		b = binary.AppendVarint(b, int64(parent))
		b = appendString(b, nd.Alt)
		b = appendString(b, nd.Lang)
		b = appendString(b, nd.ID)
		b = appendString(b, nd.Scope)
	}
	k.nodes[r-1] = b
	return r
}

// element appends what the finisher reads of e.
func (k *keyer) element(b []byte, e *layout.Element) []byte {
	b = binary.AppendVarint(b, int64(e.Kind))
	if e.Hyphen {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	switch {
	case e.Lang == 0:
		b = append(b, 0)
	case k.st != nil && int(e.Lang) <= len(k.st.Langs):
		b = append(b, 1)
		b = appendString(b, k.st.Langs[e.Lang-1])
	default:
		b = append(b, 2)
		b = binary.AppendUvarint(b, uint64(e.Lang))
	}
	b = binary.AppendVarint(b, int64(k.node(e.Node)))
	for _, u := range [...]layout.Unit{e.X, e.Y, e.W, e.H, e.Size} {
		b = binary.AppendVarint(b, int64(u))
	}
	b = binary.AppendVarint(b, int64(e.Face))
	b = appendString(b, e.Text)
	b = append(b, e.Color.R, e.Color.G, e.Color.B)
	b = appendString(b, e.Src)
	b = appendString(b, e.URI)
	return appendString(b, e.Dest)
}
