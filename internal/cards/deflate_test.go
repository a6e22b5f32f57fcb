package cards

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"io"
	"math/rand/v2"
	"slices"
	"testing"
)

// inflate reads a zlib stream with the standard library, checksum
// included.
func inflate(t *testing.T, z []byte) []byte {
	t.Helper()
	r, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("inflating: %v", err)
	}
	return got
}

// TestSqueezerRoundTrip feeds rows of every kind (runs of every length
// around a match's 3 and 258, random bytes, rows of one byte, enough of
// them for several blocks) at distances 1 and 3, and reads them back.
func TestSqueezerRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	inputs := zlibInputs()
	for _, n := range []int{1, 2, 3, 4, 257, 258, 259, 260, 261, 516, 517, 518, 1000} {
		inputs = append(inputs, bytes.Repeat([]byte{7}, n), append([]byte{1, 2}, bytes.Repeat([]byte{0}, n)...))
	}
	for _, dist := range []int{1, 3} {
		for _, p := range inputs {
			for _, rowLen := range []int{1, 7, 3601} {
				var s squeezer
				s.reset([]byte("kept"), dist, 0)
				row := make([]byte, dist+rowLen)
				for i := 0; i < len(p); i += rowLen {
					part := p[i:min(len(p), i+rowLen)]
					if i == 0 {
						s.feed(part, 0)
					} else {
						copy(row[dist-min(dist, i):], p[i-min(dist, i):i])
						copy(row[dist:], part)
						s.feed(row[:dist+len(part)], dist)
					}
				}
				z := s.finish()
				if !bytes.HasPrefix(z, []byte("kept")) {
					t.Fatal("the stream does not start after what out held")
				}
				if got := inflate(t, z[4:]); !bytes.Equal(got, p) {
					t.Fatalf("dist %d, rows of %d: %d bytes in, %d out, not the same", dist, rowLen, len(p), len(got))
				}
			}
		}
	}
	// A last block with no bytes: the one before was full.
	var e squeezer
	e.reset(nil, 1, 0)
	full := make([]byte, blockTokens)
	for i := range full {
		full[i] = byte(i % 2)
	}
	e.feed(full, 0)
	if len(e.toks) != 0 {
		t.Fatal("the block was not written")
	}
	if got := inflate(t, e.finish()); !bytes.Equal(got, full) {
		t.Fatal("an empty last block: not the same")
	}
	// Random bytes of few values: many short runs.
	p := make([]byte, 200_000)
	for i := range p {
		p[i] = byte(r.IntN(3))
	}
	var s squeezer
	s.reset(nil, 1, 0)
	s.feed(p, 0)
	if got := inflate(t, s.finish()); !bytes.Equal(got, p) {
		t.Fatal("few values: not the same")
	}
}

// TestSqueezerTokens writes bytes known as runs and as copies of the row
// above with the squeezer's literal, runSpan and aboveSpan, as the
// paletted encoder does, and reads them back.
func TestSqueezerTokens(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const w1 = 1201
	var s squeezer
	s.reset(nil, 1, w1)
	var want []byte
	var sum rowSum
	for len(want) < 3*w1 || len(want)%w1 != 0 {
		switch k := r.IntN(3); {
		case k == 0 || len(want) < w1:
			v := byte(r.IntN(4))
			s.literal(v)
			want = append(want, v)
			sum.run(v, 1)
			if n := r.IntN(600); n >= minMatch && want[len(want)-1] == v {
				s.runSpan(n)
				want = append(want, bytes.Repeat([]byte{v}, n)...)
				sum.run(v, n)
			}
		default:
			n := minMatch + r.IntN(900)
			s.aboveSpan(n)
			for range n {
				v := want[len(want)-w1]
				want = append(want, v)
				sum.run(v, 1)
			}
		}
		if len(want)%w1 == 0 || r.IntN(10) == 0 {
			s.addSum(sum)
			sum = rowSum{}
			s.endRow()
		}
	}
	s.addSum(sum)
	got := inflate(t, s.finish())
	if !bytes.Equal(got, want) {
		t.Fatalf("%d bytes written, %d read, not the same", len(want), len(got))
	}
}

// TestPalettedStream reads a paletted card's zlib stream back, checksum
// included, and checks its rows are the filter byte and the indices of
// the pixels, on cards with rows like the one above at the top, in the
// middle and at the bottom, and on an image of one row.
func TestPalettedStream(t *testing.T) {
	for _, tc := range []struct{ w, h int }{{1, 1}, {5, 1}, {1200, 630}, {300, 7}, {maxFar - 1, 9}, {maxFar + 50, 9}} {
		cols := []color.RGBA{{30, 40, 70, 255}, {250, 250, 250, 255}, {220, 170, 60, 255}, {120, 130, 150, 255}}
		img := runsImage(tc.w, tc.h, func(r *rand.Rand) (int, color.RGBA) {
			return 1 + r.IntN(40), cols[r.IntN(len(cols))]
		})
		e := newEncoder()
		data, err := e.encode(img, true)
		if err != nil {
			t.Fatal(err)
		}
		raw := inflate(t, idat(t, data))
		pal := map[color.RGBA]byte{}
		for i, c := range paletteOf(t, data) {
			pal[c] = byte(i)
		}
		var want []byte
		for y := 0; y < tc.h; y++ {
			want = append(want, 0)
			for x := 0; x < tc.w; x++ {
				want = append(want, pal[img.RGBAAt(x, y)])
			}
		}
		if !bytes.Equal(raw, want) {
			t.Fatalf("%d×%d: the rows read back are not the image's", tc.w, tc.h)
		}
	}
}

// TestRGBStream: the same for RGB, rows written from their runs (filter
// 0) and, past the widest a match one row back allows, as bytes under Up,
// on images of many colours (a photo is runs of one pixel).
func TestRGBStream(t *testing.T) {
	for _, tc := range []struct{ w, h int }{{1, 1}, {5, 1}, {1200, 630}, {300, 7}, {(maxFar - 1) / 3, 9}, {maxFar/3 + 1, 9}} {
		img := runsImage(tc.w, tc.h, func(r *rand.Rand) (int, color.RGBA) {
			n, c := 1+r.IntN(40), color.RGBA{uint8(r.IntN(256)), uint8(r.IntN(3)), 7, 255}
			if r.IntN(3) == 0 {
				n = 1 // a photo's pixels
			}
			return n, c
		})
		e := newEncoder()
		data, err := e.encode(img, false)
		if err != nil {
			t.Fatal(err)
		}
		raw := inflate(t, idat(t, data))
		var want []byte
		up := 3*tc.w+1 > maxFar
		for y := 0; y < tc.h; y++ {
			if up {
				want = append(want, 2)
			} else {
				want = append(want, 0)
			}
			for x := 0; x < tc.w; x++ {
				c := img.RGBAAt(x, y)
				if up && y > 0 {
					a := img.RGBAAt(x, y-1)
					c.R, c.G, c.B = c.R-a.R, c.G-a.G, c.B-a.B
				}
				want = append(want, c.R, c.G, c.B)
			}
		}
		if !bytes.Equal(raw, want) {
			t.Fatalf("%d×%d: the rows read back are not the image's", tc.w, tc.h)
		}
	}
}

// runsImage draws a w×h image of runs, each of the length and colour run
// gives, or as in the row above for a while; most rows are like the row
// above (all but every fifth and seventh).
func runsImage(w, h int, run func(r *rand.Rand) (int, color.RGBA)) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(uint64(w), uint64(h)))
	for y := 0; y < h; y++ {
		if y > 0 && y%5 != 0 && y%7 != 0 { // like the row above
			copy(img.Pix[y*img.Stride:(y+1)*img.Stride], img.Pix[(y-1)*img.Stride:y*img.Stride])
			continue
		}
		for x := 0; x < w; {
			n, c := run(r)
			if y > 0 && r.IntN(2) == 0 { // as above for a while
				c = img.RGBAAt(x, y-1)
			}
			for ; n > 0 && x < w; n, x = n-1, x+1 {
				img.SetRGBA(x, y, c)
			}
		}
	}
	return img
}

// idat returns the concatenated IDAT data of a PNG, checking every
// chunk's CRC.
func idat(t *testing.T, png []byte) []byte {
	t.Helper()
	var out []byte
	for p := png[8:]; len(p) >= 12; {
		n := int(binary.BigEndian.Uint32(p))
		kind, data := string(p[4:8]), p[8:8+n]
		if crc := binary.BigEndian.Uint32(p[8+n:]); crc != crc32.ChecksumIEEE(p[4:8+n]) {
			t.Fatalf("%s: bad CRC", kind)
		}
		if kind == "IDAT" {
			out = append(out, data...)
		}
		p = p[12+n:]
	}
	return out
}

func paletteOf(t *testing.T, png []byte) []color.RGBA {
	t.Helper()
	i := bytes.Index(png, []byte("PLTE"))
	if i < 0 {
		t.Fatal("no palette")
	}
	n := int(binary.BigEndian.Uint32(png[i-4:]))
	var out []color.RGBA
	for p := png[i+4 : i+4+n]; len(p) >= 3; p = p[3:] {
		out = append(out, color.RGBA{p[0], p[1], p[2], 255})
	}
	return out
}

// TestHuffLengths: the codes are complete (a prefix code nothing can be
// added to, as inflate wants), within the limit, and, when the limit does
// not bind, as short in total as a Huffman code made the textbook way.
func TestHuffLengths(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var sc huffScratch
	limited := 0
	for round := range 3000 {
		limit := []int{7, 15}[round%2]
		n := 2 + r.IntN(285) // the literal/length alphabet
		if limit == 7 {
			n = 2 + r.IntN(18) // the code length alphabet
		}
		freq := make([]uint32, n)
		used := 0
		for i := range freq {
			switch r.IntN(4) {
			case 0: // unused
			case 1: // skewed: long codes
				freq[i] = 1 << r.IntN(16)
			default:
				freq[i] = uint32(1 + r.IntN(1000))
			}
			if round%3 == 0 && i < 30 { // Fibonacci: the deepest tree there is
				freq[i] = fib(i)
			}
			if freq[i] > 0 {
				used++
			}
		}
		for i := 0; used < 2; i++ { // two symbols at least, as huffLengths wants
			if freq[i] == 0 {
				freq[i] = 1
				used++
			}
		}
		lens := make([]uint8, n)
		huffLengths(freq, limit, lens, &sc)
		kraft, cost, most := 0.0, 0, 0
		for i, l := range lens {
			if (l == 0) != (freq[i] == 0) {
				t.Fatalf("symbol %d: frequency %d, length %d", i, freq[i], l)
			}
			if l > 0 {
				kraft += 1 / float64(uint(1)<<l)
				cost += int(freq[i]) * int(l)
				most = max(most, int(l))
			}
		}
		if kraft != 1 {
			t.Fatalf("round %d: Kraft sum %v, want 1 (a complete code)", round, kraft)
		}
		if most > limit {
			t.Fatalf("round %d: a code of %d bits, limit %d", round, most, limit)
		}
		ref, refMost := textbookHuffman(freq)
		if refMost <= limit && cost != ref {
			t.Fatalf("round %d: total %d bits, a Huffman code %d", round, cost, ref)
		}
		if refMost > limit {
			limited++
		}
	}
	if limited < 100 {
		t.Fatalf("only %d rounds needed the limit: the test does not test it", limited)
	}
}

func fib(i int) uint32 {
	a, b := uint32(1), uint32(1)
	for range i {
		a, b = b, a+b
	}
	return a
}

// textbookHuffman returns the total length of a Huffman code for freq,
// merging the two lightest trees until one is left, and its longest code.
func textbookHuffman(freq []uint32) (cost, most int) {
	type tree struct {
		w     int
		depth []int // the leaves' depths
	}
	var ts []tree
	for _, f := range freq {
		if f > 0 {
			ts = append(ts, tree{int(f), []int{0}})
		}
	}
	for len(ts) > 1 {
		slices.SortStableFunc(ts, func(a, b tree) int { return a.w - b.w })
		a, b := ts[0], ts[1]
		m := tree{w: a.w + b.w}
		for _, d := range append(a.depth, b.depth...) {
			m.depth = append(m.depth, d+1)
		}
		ts = append([]tree{m}, ts[2:]...)
	}
	// cost is Σ weight × depth: recompute it from the merges' weights.
	cost = 0
	var ws []int
	for _, f := range freq {
		if f > 0 {
			ws = append(ws, int(f))
		}
	}
	for len(ws) > 1 {
		slices.Sort(ws)
		cost += ws[0] + ws[1]
		ws = append([]int{ws[0] + ws[1]}, ws[2:]...)
	}
	for _, d := range ts[0].depth {
		most = max(most, d)
	}
	return cost, most
}

// TestDistCode against RFC 1951's table, read as ranges.
func TestDistCode(t *testing.T) {
	base := []int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577, 32769}
	for code := 0; code < 30; code++ {
		for d := base[code]; d < base[code+1]; d++ {
			c, n, e := distCode(d)
			if c != code || int(e) != d-base[code] || 1<<n < base[code+1]-base[code] {
				t.Fatalf("distance %d: code %d, %d extra bits = %d; want code %d, %d", d, c, n, e, code, d-base[code])
			}
		}
	}
}

// TestRowSum: a row's sum, added after any bytes, gives hash/adler32's
// checksum of the whole, the row given as runs of bytes or of pixels.
func TestRowSum(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 200 {
		before := make([]byte, r.IntN(20000))
		for i := range before {
			before[i] = byte(r.Uint32())
		}
		var row []byte
		var sum rowSum
		for range r.IntN(30) {
			v, n := byte(r.Uint32()), 1+r.IntN(5000)
			row = append(row, bytes.Repeat([]byte{v}, n)...)
			sum.run(v, n)
		}
		s := squeezer{sum: adler32(1, before)}
		s.addSum(sum)
		if want := adler32(1, append(before, row...)); s.sum != want {
			t.Fatalf("%d bytes then a row of %d: %08x, want %08x", len(before), len(row), s.sum, want)
		}
		row, sum = row[:0], rowSum{}
		for range r.IntN(30) {
			c, n := r.Uint32(), 1+r.IntN(2000)
			for range n {
				row = append(row, byte(c), byte(c>>8), byte(c>>16))
			}
			sum.pixels(c, n)
		}
		s = squeezer{sum: adler32(1, before)}
		s.addSum(sum)
		if want := adler32(1, append(before, row...)); s.sum != want {
			t.Fatalf("%d bytes then %d bytes of pixels: %08x, want %08x", len(before), len(row), s.sum, want)
		}
	}
}
