package fonts

import (
	"encoding/binary"
)

// maxComposite is how deeply a composite glyph may nest other glyphs:
// real fonts use two or three levels (an accented letter made of a base
// and an accent); the OpenType spec advises no more than a few.
const maxComposite = 16

// Validate checks what Parse does not read but fpdf's subsetter walks:
// the loca offsets and the glyf table's composite glyphs, whose components
// must exist and may not, directly or not, include themselves. fpdf
// follows components recursively without a guard, so a cycle is a stack
// overflow, which no recover catches: such a font must be refused before
// fpdf sees it.
func Validate(ttf []byte) error {
	be := binary.BigEndian
	if len(ttf) < 12 {
		return errBadFont
	}
	tables := map[string][]byte{}
	for i := 0; i < int(be.Uint16(ttf[4:])); i++ {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return errBadFont
		}
		off, ln := int64(be.Uint32(ttf[rec+8:])), int64(be.Uint32(ttf[rec+12:]))
		if off+ln > int64(len(ttf)) {
			return problem(Damaged, "table %q lies outside the file", ttf[rec:rec+4])
		}
		tables[string(ttf[rec:rec+4])] = ttf[off : off+ln]
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(maxp) < 6 {
		return errBadFont
	}
	if glyf == nil {
		return problem(PostScript, "no glyf table (an OpenType font with PostScript outlines, .otf): use a TrueType .ttf")
	}
	n := int(be.Uint16(maxp[4:]))
	long := be.Uint16(head[50:])
	if long > 1 {
		return problem(Damaged, "unknown loca format %d", long)
	}
	size := 2 << long
	if len(loca) < (n+1)*size {
		return problem(Damaged, "the loca table is shorter than its %d glyphs", n)
	}
	offsets := make([]int, n+1)
	for g := range offsets {
		if long == 0 {
			offsets[g] = 2 * int(be.Uint16(loca[2*g:]))
		} else {
			offsets[g] = int(be.Uint32(loca[4*g:]))
		}
		if offsets[g] > len(glyf) || g > 0 && offsets[g] < offsets[g-1] {
			return problem(Damaged, "glyph %d lies outside the glyf table", g)
		}
	}
	// components lists each composite glyph's components.
	components := make([][]int, n)
	for g := 0; g < n; g++ {
		data := glyf[offsets[g]:offsets[g+1]]
		if len(data) == 0 {
			continue
		}
		if len(data) < 10 {
			return problem(Damaged, "glyph %d is truncated", g)
		}
		if int16(be.Uint16(data)) >= 0 {
			continue // a simple glyph
		}
		p := 10
		for {
			if p+4 > len(data) {
				return problem(Damaged, "composite glyph %d is truncated", g)
			}
			flags, c := be.Uint16(data[p:]), int(be.Uint16(data[p+2:]))
			if c >= n {
				return problem(Damaged, "composite glyph %d uses glyph %d, which does not exist", g, c)
			}
			components[g] = append(components[g], c)
			p += 4
			if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
				p += 4
			} else {
				p += 2
			}
			switch {
			case flags&0x0008 != 0: // WE_HAVE_A_SCALE
				p += 2
			case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
				p += 4
			case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
				p += 8
			}
			if flags&0x0020 == 0 { // MORE_COMPONENTS
				break
			}
			if len(components[g]) > 1024 {
				return problem(Damaged, "composite glyph %d has too many components", g)
			}
		}
		if p > len(data) {
			return problem(Damaged, "composite glyph %d is truncated", g)
		}
	}
	// Depth-first, with the glyphs already proven finite remembered.
	const (
		unseen = iota
		visiting
		done
	)
	state := make([]uint8, n)
	var visit func(g, depth int) error
	visit = func(g, depth int) error {
		switch {
		case state[g] == done:
			return nil
		case state[g] == visiting:
			return problem(Damaged, "composite glyph %d includes itself", g)
		case depth > maxComposite:
			return problem(Damaged, "composite glyph %d nests more than %d levels", g, maxComposite)
		}
		state[g] = visiting
		for _, c := range components[g] {
			if err := visit(c, depth+1); err != nil {
				return err
			}
		}
		state[g] = done
		return nil
	}
	for g := 0; g < n; g++ {
		if err := visit(g, 0); err != nil {
			return err
		}
	}
	return nil
}
