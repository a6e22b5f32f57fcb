package cards

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"slices"
)

// encoder writes the cards as PNG files. It keeps its buffers and its
// compressor (the squeezer, deflate.go) from one card to the next: one per
// goroutine. The bytes it writes depend only on the image.
//
// A card without a photo is a few flat colours and the anti-aliased edges
// of its text and logo: a thousand colours at most, most of them shades
// that differ by a step or two. It is written as a paletted image (one byte
// a pixel instead of three, so a third of the data to compress): with its
// own colours when there are at most 256 of them, else with 256 colours
// chosen by median cut, each group of close shades drawn with the shade it
// has most pixels of, so that flat colours, the background first, stay
// exact. A card with a photo keeps every colour of the photo: it is written
// as 8-bit RGB.
//
// image/png would give the same kind of file, but it tries all five row
// filters on every row to pick the best, and that search was more than a
// third of the time of a card. The rows are not filtered, and compressed
// from their runs of one colour (found by index, or colourRuns for RGB),
// never made into bytes.
type encoder struct {
	sq      squeezer
	z       []byte       // the compressed pixels
	out     bytes.Buffer // the file
	row     []byte       // a filtered row, after the last bytes of the one before
	cruns   []crun       // the rows' runs of one palette index or RGB colour, row after row
	lastPix uint32       // the last pixel written...
	lastOK  bool         // ...when the bytes before the next are one
	pend    []crun       // pixels as in the row above, not yet written
	runs    []run        // the rows' runs of one colour, row after row
	rowAt   []int        // per row: where its runs start in runs (and the end, at h)
	same    []bool       // per row: the same pixels as the row above
	cols    []uint32     // the distinct colours, 0xAABBGGRR as in Pix, in order of first appearance
	n       []int        // pixels of each colour
	tab     []uint32     // open-addressing table of colours (never 0: opaque)...
	tabI    []uint16     // ...and their index in cols
	pal     []uint8      // colour index -> palette index
	keys    []uint64     // the median cut's sort keys
}

// maxColours is how many distinct colours a card may have to be written
// with a palette; past that (a photo, a colourful logo), it is RGB.
const maxColours = 4096

const tabBits = 13 // 8192 slots for at most maxColours colours

func newEncoder() *encoder {
	return &encoder{tab: make([]uint32, 1<<tabBits), tabI: make([]uint16, 1<<tabBits)}
}

// encode writes img as a PNG; paletted tells whether a palette may be used.
// The result is a fresh slice.
func (e *encoder) encode(img *image.RGBA, paletted bool) ([]byte, error) {
	if paletted && e.index(img) {
		return e.paletted(img)
	}
	return e.rgb(img)
}

// index finds the colours of the rows as runs of one colour (e.rows) and
// counts the pixels of each colour; false when there are more than
// maxColours. A row like the one above is marked in e.same and has no runs
// of its own. Runs are found eight bytes (two pixels) at a time: most of a
// flat card is long runs of background.
func (e *encoder) index(img *image.RGBA) bool {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	e.same = slices.Grow(e.same[:0], h)[:h]
	e.rowAt = slices.Grow(e.rowAt[:0], h+1)[:h+1]
	e.cols, e.n = e.cols[:0], e.n[:0]
	clear(e.tab)
	prev, prevID := uint32(0), uint16(0) // no opaque colour is 0
	var above []byte
	e.runs = e.runs[:0]
	last := 0 // where the runs of the last row indexed start
	for y := 0; y < h; y++ {
		pix := img.Pix[y*img.Stride : y*img.Stride+4*w]
		e.rowAt[y] = len(e.runs)
		if e.same[y] = above != nil && bytes.Equal(pix, above); e.same[y] {
			for _, r := range e.runs[last:] {
				e.n[r.id] += r.n
			}
			continue
		}
		last = len(e.runs)
		for x := 0; x < w; {
			c := binary.LittleEndian.Uint32(pix[4*x:])
			if c != prev {
				if c>>24 != 0xff {
					return false // not opaque: keep every byte, as RGB
				}
				id, ok := e.lookup(c)
				if !ok {
					return false
				}
				prev, prevID = c, id
			}
			j := x + 1
			c2 := uint64(c) | uint64(c)<<32
			for j+8 <= w {
				q := pix[4*j : 4*j+32 : 4*j+32]
				if (binary.LittleEndian.Uint64(q)^c2)|(binary.LittleEndian.Uint64(q[8:])^c2)|
					(binary.LittleEndian.Uint64(q[16:])^c2)|(binary.LittleEndian.Uint64(q[24:])^c2) != 0 {
					break
				}
				j += 8
			}
			for j+2 <= w && binary.LittleEndian.Uint64(pix[4*j:]) == c2 {
				j += 2
			}
			for j < w && binary.LittleEndian.Uint32(pix[4*j:]) == c {
				j++
			}
			e.runs = append(e.runs, run{prevID, j - x})
			e.n[prevID] += j - x
			x = j
		}
		above = pix
	}
	e.rowAt[h] = len(e.runs)
	return true
}

// run is a run of pixels of one colour in a row.
type run struct {
	id uint16
	n  int
}

// lookup returns the index of colour c, adding it when new; false when the
// table is full.
func (e *encoder) lookup(c uint32) (uint16, bool) {
	for i := (c * 0x9e3779b1) >> (32 - tabBits); ; i = (i + 1) & (1<<tabBits - 1) {
		switch e.tab[i] {
		case c:
			return e.tabI[i], true
		case 0:
			if len(e.cols) >= maxColours {
				return 0, false
			}
			id := uint16(len(e.cols))
			e.tab[i], e.tabI[i] = c, id
			e.cols = append(e.cols, c)
			e.n = append(e.n, 0)
			return id, true
		}
	}
}

// paletted writes the indexed image as an 8-bit paletted PNG.
func (e *encoder) paletted(img *image.RGBA) ([]byte, error) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	palette := e.palette()
	e.header(w, h, 3)
	plte := make([]byte, 0, 3*len(palette))
	for _, c := range palette {
		plte = append(plte, byte(c), byte(c>>8), byte(c>>16))
	}
	writeChunk(&e.out, "PLTE", plte)

	// The rows are written from their runs of one index (runRows), but
	// rows too wide for a match one row back, as bytes.
	w1 := w + 1
	if w1 > maxFar { // no card is that wide: rows as bytes, runs only
		e.sq.reset(e.z[:0], 1, 0)
		e.row = slices.Grow(e.row[:0], 1+w1)[:1+w1]
		for y := 0; y < h; y++ {
			if !e.same[y] { // else the row above, still in e.row
				row := e.row[2:]
				for _, r := range e.runs[e.rowAt[y]:e.rowAt[y+1]] {
					fill(row[:r.n], e.pal[r.id])
					row = row[r.n:]
				}
			}
			e.row[1] = 0 // no filter
			e.feed(y)
		}
		return e.finish()
	}
	e.cruns = slices.Grow(e.cruns[:0], len(e.runs))
	for _, r := range e.runs {
		e.cruns = append(e.cruns, crun{uint32(e.pal[r.id]), r.n})
	}
	return e.runRows(1, w1)
}

// runRows writes the rows, known as runs of one value in e.cruns (a
// palette index, or an RGB colour) with e.rowAt and e.same, at bpp bytes
// a pixel, unfiltered and never made into bytes: a run is its pixel and
// a match one pixel back; what is as in the row above (the filter byte,
// 0, included), a match one row back; a row like the one above, part of
// one such match with the rows like it after it. w1 is a row's bytes,
// its filter byte included.
func (e *encoder) runRows(bpp, w1 int) ([]byte, error) {
	e.sq.reset(e.z[:0], bpp, w1)
	src := -1      // the last row with runs of its own
	var sum rowSum // of row src
	same := 0      // bytes of rows like the row above not yet written
	for y := range e.same {
		if e.same[y] {
			same += w1
			e.sq.addSum(sum)
			continue
		}
		runs := e.cruns[e.rowAt[y]:e.rowAt[y+1]]
		sum = rowSum{n: 1} // the filter byte, 0
		for _, r := range runs {
			if bpp == 1 {
				sum.run(byte(r.c), r.n)
			} else {
				sum.pixels(r.c, r.n)
			}
		}
		if src < 0 {
			e.filterByte()
			for _, r := range runs {
				e.pixelRun(r.c, r.n)
			}
		} else {
			e.rowVsAbove(runs, e.cruns[e.rowAt[src]:e.rowAt[src+1]], same)
			same = 0
		}
		e.sq.addSum(sum)
		e.sq.endRow()
		src = y
	}
	if same > 0 {
		e.sq.aboveSpan(same)
	}
	return e.finish()
}

// rowVsAbove writes a row, given as runs, against the row above, after
// same bytes of rows like the row above.
func (e *encoder) rowVsAbove(cur, up []crun, same int) {
	bpp := e.sq.dist
	e.pend = e.pend[:0]
	eq := same + 1 // bytes as above: rows like the row above, the filter byte, the pixels in e.pend
	filter := true // eq starts with the filter byte
	var dc uint32  // pixels not as above, all dc...
	dn := 0        // ...and how many
	i, j := 0, 0
	ci, uj := cur[0].n, up[0].n
	for i < len(cur) {
		c, n := cur[i].c, min(ci, uj)
		if c == up[j].c {
			if dn > 0 {
				e.pixelRun(dc, dn)
				dn = 0
			}
			e.pend = append(e.pend, crun{c, n})
			eq += bpp * n
		} else {
			if eq > 0 {
				e.asAbove(eq, filter)
				eq, filter = 0, false
			}
			if dn > 0 && dc != c {
				e.pixelRun(dc, dn)
				dn = 0
			}
			dc, dn = c, dn+n
		}
		if ci -= n; ci == 0 {
			if i++; i < len(cur) {
				ci = cur[i].n
			}
		}
		if uj -= n; uj == 0 {
			if j++; j < len(up) {
				uj = up[j].n
			}
		}
	}
	if dn > 0 {
		e.pixelRun(dc, dn)
	}
	if eq > 0 {
		e.asAbove(eq, filter)
	}
}

// asAbove writes the eq bytes as in the row above (the filter byte first
// when filter, then the pixels in e.pend): one match a row back, or, when
// too short for one, as they are.
func (e *encoder) asAbove(eq int, filter bool) {
	switch {
	case eq >= minMatch && len(e.pend) > 0:
		e.sq.aboveSpan(eq)
		e.lastPix, e.lastOK = e.pend[len(e.pend)-1].c, true
	case eq >= minMatch: // rows like the row above and this row's filter byte
		e.sq.aboveSpan(eq)
		e.lastPix, e.lastOK = 0, e.sq.dist == 1
	default:
		if filter {
			e.filterByte()
		}
		for _, p := range e.pend {
			e.pixelRun(p.c, p.n)
		}
	}
	e.pend = e.pend[:0]
}

// filterByte writes a row's filter byte, 0: a pixel a run may go on from
// when a pixel is one byte.
func (e *encoder) filterByte() {
	e.sq.literal(0)
	e.lastPix, e.lastOK = 0, e.sq.dist == 1
}

// pixelRun writes n pixels c: a match one pixel back when the pixel
// before is c, else c's bytes and then such a match; what is too short
// for a match (two one-byte pixels at most), as literals.
func (e *encoder) pixelRun(c uint32, n int) {
	bpp := e.sq.dist
	k := bpp * n // bytes
	if !e.lastOK || e.lastPix != c || k < minMatch {
		e.pixel(c)
		for k -= bpp; k > 0 && k < minMatch; k -= bpp {
			e.pixel(c)
		}
	}
	if k > 0 {
		e.sq.runSpan(k)
	}
	e.lastPix, e.lastOK = c, true
}

// pixel writes the bytes of pixel c as literals.
func (e *encoder) pixel(c uint32) {
	if e.sq.dist == 1 {
		e.sq.literal(byte(c))
		return
	}
	e.sq.literal(byte(c))
	e.sq.literal(byte(c >> 8))
	e.sq.literal(byte(c >> 16))
}

// feed gives the squeezer the filtered row in e.row[d:], after the last
// d bytes of the row before (none for the first row), and keeps its own
// last d bytes for the next.
func (e *encoder) feed(y int) {
	d := e.sq.dist
	if y == 0 {
		e.sq.feed(e.row[d:], 0)
	} else {
		e.sq.feed(e.row, d)
	}
	copy(e.row[:d], e.row[len(e.row)-d:])
}

// fill sets every byte of p to v.
func fill(p []byte, v byte) {
	if len(p) < 16 {
		for i := range p {
			p[i] = v
		}
		return
	}
	p[0] = v
	for n := 1; n < len(p); n *= 2 {
		copy(p[n:], p[:n])
	}
}

// palette sets e.pal and returns the palette: the colours themselves when
// there are at most 256, else 256 chosen by median cut.
func (e *encoder) palette() []uint32 {
	e.pal = slices.Grow(e.pal[:0], len(e.cols))[:len(e.cols)]
	if len(e.cols) <= 256 {
		for i := range e.pal {
			e.pal[i] = uint8(i)
		}
		return e.cols
	}
	// Median cut over the distinct colours, in a fixed order (by colour):
	// split the box with the widest channel range (ties: the first) at the
	// middle of that range, until there are 256 boxes or none can be split.
	order := make([]uint16, len(e.cols))
	for i := range order {
		order[i] = uint16(i)
	}
	// The sorts are of keys, value<<16 | index (the values are distinct
	// colours, so any sort is stable): sorting indices through a closure
	// took a tenth of a flat card's CPU.
	e.keys = slices.Grow(e.keys[:0], len(order))[:len(order)]
	for i, c := range e.cols {
		e.keys[i] = uint64(c)<<16 | uint64(i)
	}
	slices.Sort(e.keys)
	for i, k := range e.keys {
		order[i] = uint16(k)
	}
	type box struct {
		lo, hi int // order[lo:hi]
		ch     int // widest channel: shift 0 (R), 8 (G) or 16 (B)
		span   int // its range
	}
	measure := func(b *box) {
		b.span, b.ch = -1, 0
		for _, sh := range []int{0, 8, 16} { // R, G, B
			mn, mx := 255, 0
			for _, id := range order[b.lo:b.hi] {
				v := int(e.cols[id]>>sh) & 0xff
				mn, mx = min(mn, v), max(mx, v)
			}
			if mx-mn > b.span {
				b.span, b.ch = mx-mn, sh
			}
		}
	}
	boxes := []box{{lo: 0, hi: len(order)}}
	measure(&boxes[0])
	for len(boxes) < 256 {
		best := -1
		for i, b := range boxes {
			if b.span > 0 && (best < 0 || b.span > boxes[best].span) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		b := boxes[best]
		part := order[b.lo:b.hi]
		sh := b.ch
		keys := e.keys[:len(part)] // by the channel, then by colour
		for k, id := range part {
			c := e.cols[id]
			keys[k] = uint64(c>>sh&0xff)<<48 | uint64(c)<<16 | uint64(id)
		}
		slices.Sort(keys)
		for k, key := range keys {
			part[k] = uint16(key)
		}
		lo, hi := int(e.cols[part[0]]>>sh&0xff), int(e.cols[part[len(part)-1]]>>sh&0xff)
		mid := (lo + hi) / 2
		cut := 1
		for cut < len(part)-1 && int(e.cols[part[cut]]>>sh&0xff) <= mid {
			cut++
		}
		left, right := box{lo: b.lo, hi: b.lo + cut}, box{lo: b.lo + cut, hi: b.hi}
		measure(&left)
		measure(&right)
		boxes[best] = left
		boxes = append(boxes, right)
	}
	// Each box is drawn with its most frequent colour (ties: the smallest),
	// and the palette is in order of those colours' first appearance, so
	// that the background, at the top-left corner, is entry 0.
	rep := make([]uint16, len(boxes))
	for i, b := range boxes {
		r := order[b.lo]
		for _, id := range order[b.lo+1 : b.hi] {
			if e.n[id] > e.n[r] || (e.n[id] == e.n[r] && e.cols[id] < e.cols[r]) {
				r = id
			}
		}
		rep[i] = r
	}
	byRep := make([]int, len(boxes))
	keys := e.keys[:len(boxes)]
	for i, r := range rep {
		keys[i] = uint64(r)<<16 | uint64(i)
	}
	slices.Sort(keys)
	for j, k := range keys {
		byRep[j] = int(uint16(k))
	}
	palette := make([]uint32, len(boxes))
	for j, i := range byRep {
		palette[j] = e.cols[rep[i]]
		for _, id := range order[boxes[i].lo:boxes[i].hi] {
			e.pal[id] = uint8(j)
		}
	}
	return palette
}

// rgb writes img as an 8-bit RGB PNG (the cards are opaque). As for a
// paletted card, the rows are not filtered and written from their runs
// of one colour: a run is its pixel and a match one pixel back, what is
// as in the row above a match one row back. A photo is runs of one pixel,
// its bytes literals. Rows too wide for a match one row back are written
// as bytes filtered with Up (rgbBytes).
func (e *encoder) rgb(img *image.RGBA) ([]byte, error) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	e.header(w, h, 2)
	w1 := 3*w + 1
	if w1 > maxFar {
		return e.rgbBytes(img)
	}
	e.colourRuns(img)
	return e.runRows(3, w1)
}

// crun is a run of pixels of one value: a colour, 0xAABBGGRR as in Pix,
// or a palette index.
type crun struct {
	c uint32
	n int
}

// colourRuns finds the rows' runs of one colour as index does, keeping the
// colours themselves, however many: a row like the one above is marked in
// e.same and has no runs of its own.
func (e *encoder) colourRuns(img *image.RGBA) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	e.same = slices.Grow(e.same[:0], h)[:h]
	e.rowAt = slices.Grow(e.rowAt[:0], h+1)[:h+1]
	e.cruns = e.cruns[:0]
	var above []byte
	for y := 0; y < h; y++ {
		pix := img.Pix[y*img.Stride : y*img.Stride+4*w]
		e.rowAt[y] = len(e.cruns)
		if e.same[y] = above != nil && bytes.Equal(pix, above); e.same[y] {
			continue
		}
		for x := 0; x < w; {
			c := binary.LittleEndian.Uint32(pix[4*x:])
			j := x + 1
			c2 := uint64(c) | uint64(c)<<32
			for j+2 <= w && binary.LittleEndian.Uint64(pix[4*j:]) == c2 {
				j += 2
			}
			for j < w && binary.LittleEndian.Uint32(pix[4*j:]) == c {
				j++
			}
			e.cruns = append(e.cruns, crun{c, j - x})
			x = j
		}
		above = pix
	}
	e.rowAt[h] = len(e.cruns)
}

// rgbBytes writes img as RGB rows filtered with Up, fed as bytes.
func (e *encoder) rgbBytes(img *image.RGBA) ([]byte, error) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	const d = 3 // bytes a pixel
	e.sq.reset(e.z[:0], d, 0)
	e.row = slices.Grow(e.row[:0], d+1+3*w)[:d+1+3*w]
	var above []byte
	for y := 0; y < h; y++ {
		pix := img.Pix[y*img.Stride : y*img.Stride+4*w]
		f := e.row[d:]
		f[0] = 2 // Up
		if above != nil && bytes.Equal(pix, above) {
			clear(f[1:]) // a row like the one above: all zeros
		} else {
			for x, j := 0, 1; x < len(pix); x, j = x+4, j+3 {
				if above == nil {
					f[j], f[j+1], f[j+2] = pix[x], pix[x+1], pix[x+2]
				} else {
					f[j], f[j+1], f[j+2] = pix[x]-above[x], pix[x+1]-above[x+1], pix[x+2]-above[x+2]
				}
			}
		}
		e.feed(y)
		above = pix
	}
	return e.finish()
}

// header starts the file: signature and IHDR with the colour type.
func (e *encoder) header(w, h int, colourType byte) {
	e.out.Reset()
	e.out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8] = 8          // bit depth
	ihdr[9] = colourType // 2 truecolour, 3 indexed
	ihdr[10] = 0         // deflate
	ihdr[11] = 0         // adaptive filtering
	ihdr[12] = 0         // no interlace
	writeChunk(&e.out, "IHDR", ihdr[:])
}

// finish ends the pixels and the file and returns a copy of it.
func (e *encoder) finish() ([]byte, error) {
	e.z = e.sq.finish()
	writeChunk(&e.out, "IDAT", e.z)
	writeChunk(&e.out, "IEND", nil)
	return bytes.Clone(e.out.Bytes()), nil
}

func writeChunk(w *bytes.Buffer, kind string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	w.WriteString(kind)
	w.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	w.Write(n[:])
}
