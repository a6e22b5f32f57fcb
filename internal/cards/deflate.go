package cards

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// squeezer writes a card's PNG rows as a zlib stream (RFC 1950 around
// RFC 1951's deflate), the way fpng and image-rs' fdeflate do for images:
// the only back-references it makes are runs, bytes equal to those a
// pixel before (distance 1 for a paletted row, 3 for RGB), and copies of
// the row above; each block of 32,768 tokens gets Huffman codes made for
// it. A card's tokens are given straight from its runs of one colour
// (literal, match, above), never made into bytes; only rows too wide for
// a copy of the row above are fed as bytes (feed). klauspost's flate at
// BestSpeed, a general matcher, took 2.25 ms to encode a flat wide card
// where this takes 1.6 (3.8 and 1.8 ms with a photo), for flat files a
// quarter smaller (it also finds the glyphs a row repeats; see
// BenchmarkEncode); no library takes rows already known as runs, hence
// this one.
//
// The bytes depend only on the tokens and rows given, in order. Not safe
// for concurrent use: one per encoder.
type squeezer struct {
	dist  int      // the distance of a run: bytes per pixel
	far   int      // the distance of a match with the row above, 0 for none
	toks  []uint32 // the block's tokens: a literal byte, or matchFlag (| farFlag) | length
	freq  [286]uint32
	sum   uint32 // Adler-32 of the bytes fed
	out   []byte
	acc   uint64 // bits not yet in out, the first in the lowest bit
	nacc  uint
	codes [286]uint16 // the block's codes, bit-reversed for writing
	lens  [286]uint8
	huff  huffScratch
}

const (
	matchFlag = 1 << 31
	farFlag   = 1 << 30
	minMatch  = 3
	maxMatch  = 258
	// blockTokens is how many tokens a block holds before its codes are
	// made and it is written: 32,768 tokens (128 KB) at most, whatever the
	// size of the card, and codes that follow a card from its flat top to
	// its photo.
	blockTokens = 1 << 15
)

// maxFar is the longest distance of a match with the row above: its
// length's and distance's codes and extra bits, written at once, must fit
// in 32 bits.
const maxFar = 4096

// reset starts a stream, appended to out, whose runs are matches dist
// bytes back, and whose matches with the row above, when far > 0, are far
// bytes back (at most maxFar).
func (s *squeezer) reset(out []byte, dist, far int) {
	s.dist, s.far, s.toks, s.sum = dist, far, s.toks[:0], 1
	s.freq = [286]uint32{}
	s.acc, s.nacc = 0, 0
	s.out = append(out, 0x78, 0x01) // deflate, 32 KB window, "fastest", no dictionary
}

// feed adds row[from:]; row[:from] are the bytes just before it (the end
// of the row fed before, or nothing), for matches to refer to.
func (s *squeezer) feed(row []byte, from int) {
	s.sum = adler32(s.sum, row[from:])
	d, n := s.dist, len(row)
	toks := s.toks
	for i := from; i < n; {
		if i >= d && i+minMatch <= n && row[i] == row[i-d] && row[i+1] == row[i+1-d] && row[i+2] == row[i+2-d] {
			l, most := minMatch, min(maxMatch, n-i)
			for l+8 <= most && binary.LittleEndian.Uint64(row[i+l:]) == binary.LittleEndian.Uint64(row[i+l-d:]) {
				l += 8
			}
			for l < most && row[i+l] == row[i+l-d] {
				l++
			}
			toks = append(toks, matchFlag|uint32(l))
			s.freq[257+int(lengthCode[l])]++
			i += l
			continue
		}
		toks = append(toks, uint32(row[i]))
		s.freq[row[i]]++
		i++
	}
	s.toks = toks
	s.endRow()
}

// literal adds the byte v, match n bytes (3 to 258) of a run, and above n
// bytes like those of the row above: the tokens of rows whose bytes are
// known as runs, without them (their checksum is given with sum).
func (s *squeezer) literal(v byte) {
	s.toks = append(s.toks, uint32(v))
	s.freq[v]++
}

func (s *squeezer) match(n int) {
	s.toks = append(s.toks, matchFlag|uint32(n))
	s.freq[257+int(lengthCode[n])]++
}

func (s *squeezer) above(n int) {
	s.toks = append(s.toks, matchFlag|farFlag|uint32(n))
	s.freq[257+int(lengthCode[n])]++
}

// rowSum is the part of an Adler-32 that a row's bytes add, whatever
// comes before them: s1 the sum of its bytes, s2 the sum of each byte
// times the bytes from it to the end of the row, n its length. A run of
// n bytes v adds n·v to s1 and, to s2, n times the s1 before it and
// v·n(n+1)/2.
type rowSum struct{ s1, s2, n uint64 }

func (r *rowSum) run(v byte, n int) {
	m := uint64(n)
	r.s2 += m*r.s1 + uint64(v)*(m*(m+1)/2) // exact: under 2^48 for a row of a million bytes
	r.s1 += m * uint64(v)
	r.n += m
}

// pixels adds n RGB pixels c (0xAABBGGRR): each adds r+g+b to s1 and, to
// s2, three times the s1 before it and 3r+2g+b.
func (r *rowSum) pixels(c uint32, n int) {
	m := uint64(n)
	R, G, B := uint64(byte(c)), uint64(byte(c>>8)), uint64(byte(c>>16))
	sum := R + G + B
	r.s2 += 3*m*r.s1 + 3*sum*(m*(m-1)/2) + m*(3*R+2*G+B)
	r.s1 += m * sum
	r.n += 3 * m
}

// addSum adds a row's bytes, known by their rowSum, to the checksum.
func (s *squeezer) addSum(r rowSum) {
	s1, s2 := uint64(s.sum&0xffff), uint64(s.sum>>16)
	s2 = (s2 + r.n%adlerMod*s1 + r.s2%adlerMod) % adlerMod
	s1 = (s1 + r.s1%adlerMod) % adlerMod
	s.sum = uint32(s2<<16 | s1)
}

// runSpan and aboveSpan add n bytes (3 or more) like those one pixel back
// or one row back, as matches of 258 bytes at most.
func (s *squeezer) runSpan(n int) {
	for n > 0 {
		m := span(n)
		s.match(m)
		n -= m
	}
}

func (s *squeezer) aboveSpan(n int) {
	for n > 0 {
		m := span(n)
		s.above(m)
		n -= m
	}
}

// span is how much of n bytes (3 or more) the next match takes: all of
// them, or 258 but for the last three, so that none is left too short.
func span(n int) int {
	if n <= maxMatch {
		return n
	}
	if n-maxMatch < minMatch {
		return n - minMatch
	}
	return maxMatch
}

// endRow ends a row: a block is written once it has enough tokens.
func (s *squeezer) endRow() {
	if len(s.toks) >= blockTokens {
		s.block(false)
	}
}

// finish writes the last block and the checksum, and returns the stream.
func (s *squeezer) finish() []byte {
	s.block(true)
	if s.nacc > 0 { // to a byte boundary
		s.bits(0, (8-s.nacc%8)%8)
	}
	for s.nacc > 0 {
		s.out = append(s.out, byte(s.acc))
		s.acc >>= 8
		s.nacc -= 8
	}
	return binary.BigEndian.AppendUint32(s.out, s.sum)
}

// bits writes the n low bits of b (n ≤ 32).
func (s *squeezer) bits(b uint64, n uint) {
	s.acc |= b << s.nacc
	s.nacc += n
	if s.nacc >= 32 {
		s.out = binary.LittleEndian.AppendUint32(s.out, uint32(s.acc))
		s.acc >>= 32
		s.nacc -= 32
	}
}

// block writes the tokens gathered as one block with dynamic Huffman codes
// (RFC 1951, 3.2.7), and starts the next.
func (s *squeezer) block(last bool) {
	s.freq[256] = 1 // the end of the block
	if len(s.toks) == 0 {
		s.freq[0] = 1 // an empty block: a second code, unused, to make the code complete
	}
	huffLengths(s.freq[:], 15, s.lens[:], &s.huff)
	canonical(s.lens[:], s.codes[:])
	nlit := 286
	for nlit > 257 && s.lens[nlit-1] == 0 {
		nlit--
	}
	// Two distances are used at most, dist and far (or dist alone: then
	// it and a neighbour): each gets a one-bit code, which makes the code
	// complete as zlib's inflate wants it.
	near, nearN, _ := distCode(s.dist)
	other := near ^ 1
	var farExtra, farN uint32
	if s.far > 0 {
		var fc int
		fc, farN, farExtra = distCode(s.far)
		other = fc
	}
	var dlens [30]uint8
	dlens[near], dlens[other] = 1, 1
	ndist := max(near, other) + 1

	// The code lengths, run-length coded (16: repeat the previous 3–6
	// times, 17: 3–10 zeros, 18: 11–138 zeros), then coded themselves.
	seq := append(s.huff.seq[:0], s.lens[:nlit]...)
	seq = append(seq, dlens[:ndist]...)
	rl := s.huff.rl[:0] // symbol | extra<<8
	var clFreq [19]uint32
	for i := 0; i < len(seq); {
		v, j := seq[i], i+1
		for j < len(seq) && seq[j] == v {
			j++
		}
		k := j - i
		i = j
		if v == 0 {
			for k >= 11 {
				m := min(k, 138)
				rl, k = append(rl, 18|uint16(m-11)<<8), k-m
				clFreq[18]++
			}
			if k >= 3 {
				rl, k = append(rl, 17|uint16(k-3)<<8), 0
				clFreq[17]++
			}
		} else {
			rl, k = append(rl, uint16(v)), k-1
			clFreq[v]++
			for k >= 3 {
				m := min(k, 6)
				rl, k = append(rl, 16|uint16(m-3)<<8), k-m
				clFreq[16]++
			}
		}
		for ; k > 0; k-- {
			rl = append(rl, uint16(v))
			clFreq[v]++
		}
	}
	s.huff.seq, s.huff.rl = seq, rl
	var clLens [19]uint8
	var clCodes [19]uint16
	used := 0
	for _, f := range clFreq {
		if f > 0 {
			used++
		}
	}
	if used == 1 { // a code of one symbol is incomplete: give it a neighbour
		for i, f := range clFreq {
			if f > 0 {
				clFreq[i^1]++
				break
			}
		}
	}
	huffLengths(clFreq[:], 7, clLens[:], &s.huff)
	canonical(clLens[:], clCodes[:])
	ncl := 19
	for ncl > 4 && clLens[clOrder[ncl-1]] == 0 {
		ncl--
	}

	final := uint32(0)
	if last {
		final = 1
	}
	s.bits(uint64(final|2<<1), 3) // BFINAL, BTYPE = 10: dynamic codes
	s.bits(uint64(nlit-257)|uint64(ndist-1)<<5|uint64(ncl-4)<<10, 14)
	for _, sym := range clOrder[:ncl] {
		s.bits(uint64(clLens[sym]), 3)
	}
	extra := [19]uint{16: 2, 17: 3, 18: 7}
	for _, r := range rl {
		sym := r & 0xff
		s.bits(uint64(clCodes[sym]), uint(clLens[sym]))
		if e := extra[sym]; e > 0 {
			s.bits(uint64(r>>8), e)
		}
	}

	// A match is its length's code, its extra bits and the distance's
	// code and extra bits, written at once from tables made for the block.
	var nearBit, farBit uint32 = 0, 1 // the lower distance code is 0
	if near > other {
		nearBit, farBit = 1, 0
	}
	var mbits, fbits [maxMatch + 1]uint64
	var mlen, flen [maxMatch + 1]uint8
	for l := minMatch; l <= maxMatch; l++ {
		c := lengthCode[l]
		sym := 257 + int(c)
		n := uint(s.lens[sym])
		if n == 0 {
			continue
		}
		b := uint64(s.codes[sym]) | uint64(l-int(lengthBase[c]))<<n
		n += uint(lengthExtra[c])
		mbits[l], mlen[l] = b|uint64(nearBit)<<n, uint8(n+1+uint(nearN))
		fbits[l], flen[l] = b|uint64(farBit)<<n|uint64(farExtra)<<(n+1), uint8(n+1+uint(farN))
	}
	for _, t := range s.toks {
		if t&matchFlag != 0 {
			l := t & 0x1ff
			if t&farFlag != 0 {
				s.bits(fbits[l], uint(flen[l]))
			} else {
				s.bits(mbits[l], uint(mlen[l]))
			}
			continue
		}
		s.bits(uint64(s.codes[t]), uint(s.lens[t]))
	}
	s.bits(uint64(s.codes[256]), uint(s.lens[256]))
	s.toks = s.toks[:0]
	s.freq = [286]uint32{}
}

// distCode gives the code of distance d (RFC 1951, 3.2.5), its number of
// extra bits and their value.
func distCode(d int) (code int, extraBits, extra uint32) {
	if d <= 4 {
		return d - 1, 0, 0
	}
	// Codes 2k and 2k+1 (k ≥ 1) have k-1 extra bits and start at
	// 2^k + 1 and 3·2^(k-1) + 1.
	k := bits.Len(uint(d-1)) - 1 // 2^k ≤ d-1 < 2^(k+1)
	e := uint32(k - 1)
	code = 2 * k
	base := 1<<k + 1
	if d-1 >= 3<<(k-1) {
		code++
		base = 3<<(k-1) + 1
	}
	return code, e, uint32(d - base)
}

// clOrder is the order the code length code's lengths are written in.
var clOrder = [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// The length codes (RFC 1951, 3.2.5): code c (symbol 257+c) is lengths
// lengthBase[c] and up, with lengthExtra[c] extra bits.
var (
	lengthBase  = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	lengthCode  = func() (t [maxMatch + 1]uint8) {
		for c := range lengthBase {
			hi := maxMatch + 1
			if c+1 < len(lengthBase) {
				hi = int(lengthBase[c+1])
			}
			for l := int(lengthBase[c]); l < hi; l++ {
				t[l] = uint8(c)
			}
		}
		t[maxMatch] = 28 // 258 has a code of its own, not 227 + 31
		return t
	}()
)

// huffScratch is the room huffLengths and block work in, kept between
// blocks.
type huffScratch struct {
	syms []uint32 // frequency<<9 | symbol
	lens []int    // their frequencies, then their codes' lengths
	seq  []uint8
	rl   []uint16
}

// huffLengths sets lens[i] to the length of symbol i's code in a Huffman
// code for freq whose codes are at most limit bits; symbols of frequency 0
// get none. Ties are broken by symbol, so the lengths depend only on freq.
// At least two symbols must have a frequency.
func huffLengths(freq []uint32, limit int, lens []uint8, sc *huffScratch) {
	syms := sc.syms[:0]
	for i, f := range freq {
		lens[i] = 0
		if f > 0 {
			syms = append(syms, f<<9|uint32(i))
		}
	}
	slices.Sort(syms) // by frequency, then symbol
	sc.syms = syms
	n := len(syms)
	a := slices.Grow(sc.lens[:0], n)[:n]
	sc.lens = a
	for i, v := range syms {
		a[i] = int(v >> 9)
	}
	minimumRedundancy(a)
	// a[i] is now the length of the i-th least frequent symbol's code,
	// longest first. Past the limit, move codes up as JPEG's Annex K.3
	// does: two codes of the longest length become one a bit shorter, and
	// a shorter code splits in two to make room.
	var count [64]int
	maxLen := 0
	for _, l := range a {
		count[l]++
		maxLen = max(maxLen, l)
	}
	for l := maxLen; l > limit; l-- {
		for count[l] > 0 {
			j := l - 2
			for count[j] == 0 {
				j--
			}
			count[l] -= 2
			count[l-1]++
			count[j+1] += 2
			count[j]--
		}
	}
	// The most frequent symbols (at the end of syms) get the shortest codes.
	k := n - 1
	for l := 1; l <= min(maxLen, limit); l++ {
		for c := count[l]; c > 0; c-- {
			lens[syms[k]&0x1ff] = uint8(l)
			k--
		}
	}
}

// minimumRedundancy replaces the frequencies a, in increasing order, by
// the lengths of a Huffman code for them, in place (Moffat and Katajainen,
// "In-place calculation of minimum-redundancy codes", 1995).
func minimumRedundancy(a []int) {
	n := len(a)
	switch n {
	case 0:
		return
	case 1:
		a[0] = 1
		return
	}
	// First pass, left to right: the internal nodes' weights and parents.
	a[0] += a[1]
	root, leaf := 0, 2
	for next := 1; next < n-1; next++ {
		if leaf >= n || a[root] < a[leaf] {
			a[next] = a[root]
			a[root] = next
			root++
		} else {
			a[next] = a[leaf]
			leaf++
		}
		if leaf >= n || (root < next && a[root] < a[leaf]) {
			a[next] += a[root]
			a[root] = next
			root++
		} else {
			a[next] += a[leaf]
			leaf++
		}
	}
	// Second pass, right to left: the internal nodes' depths.
	a[n-2] = 0
	for next := n - 3; next >= 0; next-- {
		a[next] = a[a[next]] + 1
	}
	// Third pass, right to left: the leaves' depths.
	avail, used, depth := 1, 0, 0
	root, next := n-2, n-1
	for avail > 0 {
		for root >= 0 && a[root] == depth {
			used++
			root--
		}
		for avail > used {
			a[next] = depth
			next--
			avail--
		}
		avail, depth, used = 2*used, depth+1, 0
	}
}

// canonical gives the codes of lengths lens (RFC 1951, 3.2.2), each with
// its bits reversed: deflate writes a code from its first bit on, into
// bytes filled from their lowest bit.
func canonical(lens []uint8, codes []uint16) {
	var count, next [16]uint16
	for _, l := range lens {
		count[l]++
	}
	count[0] = 0
	code := uint16(0)
	for l := 1; l < 16; l++ {
		code = (code + count[l-1]) << 1
		next[l] = code
	}
	for i, l := range lens {
		if l == 0 {
			codes[i] = 0
			continue
		}
		c := next[l]
		next[l]++
		r := uint16(0)
		for range l {
			r = r<<1 | c&1
			c >>= 1
		}
		codes[i] = r
	}
}
