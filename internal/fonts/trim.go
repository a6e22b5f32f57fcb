package fonts

import (
	"encoding/binary"
	"slices"
)

// Trim returns the font with a character map holding only the runes
// given (those the font has): the glyphs, their metrics and every other
// table are unchanged, so the text is drawn and measured exactly as with
// the whole font.
//
// fpdf parses a font's whole character map each time a PDF adds it, and
// again when it subsets it; with a few hundred characters instead of
// thousands, an offprint is written markedly faster.
func (f *Face) Trim(runes []rune) ([]byte, error) {
	be := binary.BigEndian
	ttf := f.TTF
	if len(ttf) < 12 || f.glyphs == nil {
		return nil, errBadFont
	}
	cmap, err := f.cmap(runes)
	if err != nil {
		return nil, err
	}
	// The font as it is, the new cmap appended and its table record
	// pointed at it: the other tables and their checksums stay.
	n := int(be.Uint16(ttf[4:]))
	if 12+16*n > len(ttf) {
		return nil, errBadFont
	}
	size := (len(ttf)+3)&^3 + len(cmap)
	out := make([]byte, (len(ttf)+3)&^3, size)
	copy(out, ttf)
	off := len(out)
	out = append(out, cmap...)
	for i := 0; i < n; i++ {
		rec := out[12+16*i:]
		if string(rec[:4]) == "cmap" {
			be.PutUint32(rec[4:], checksum(cmap))
			be.PutUint32(rec[8:], uint32(off))
			be.PutUint32(rec[12:], uint32(len(cmap)))
			return out, nil
		}
	}
	return nil, errBadFont
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// cmap builds a cmap table with one Windows Unicode (3, 1) format 4
// subtable mapping the runes the font has.
func (f *Face) cmap(runes []rune) ([]byte, error) {
	rs := make([]rune, 0, len(runes))
	for _, r := range runes {
		if r > 0 && r < 0xFFFF && f.Has(r) {
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	rs = slices.Compact(rs)
	type segment struct{ start, end, delta uint16 }
	var segs []segment
	for _, r := range rs {
		c, g := uint16(r), f.glyphs[r]
		delta := g - c
		if k := len(segs) - 1; k >= 0 && segs[k].end+1 == c && segs[k].delta == delta {
			segs[k].end = c
			continue
		}
		segs = append(segs, segment{c, c, delta})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF, 1})
	if len(segs) > 8000 {
		return nil, problem(TooBig, "too many characters for a format 4 cmap")
	}
	be := binary.BigEndian
	seg := len(segs)
	length := 16 + 8*seg
	out := make([]byte, 12+length)
	be.PutUint16(out[0:], 0)  // version
	be.PutUint16(out[2:], 1)  // one subtable
	be.PutUint16(out[4:], 3)  // Windows
	be.PutUint16(out[6:], 1)  // Unicode BMP
	be.PutUint32(out[8:], 12) // offset
	t := out[12:]
	be.PutUint16(t[0:], 4)
	be.PutUint16(t[2:], uint16(length))
	be.PutUint16(t[4:], 0) // language
	be.PutUint16(t[6:], uint16(2*seg))
	sr, es := 1, 0
	for sr*2 <= seg {
		sr *= 2
		es++
	}
	be.PutUint16(t[8:], uint16(2*sr))
	be.PutUint16(t[10:], uint16(es))
	be.PutUint16(t[12:], uint16(2*seg-2*sr))
	ends, starts := 14, 16+2*seg
	deltas, ranges := starts+2*seg, starts+4*seg
	for i, s := range segs {
		be.PutUint16(t[ends+2*i:], s.end)
		be.PutUint16(t[starts+2*i:], s.start)
		be.PutUint16(t[deltas+2*i:], s.delta)
		be.PutUint16(t[ranges+2*i:], 0)
	}
	return out, nil
}
