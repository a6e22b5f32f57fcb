// Package fonts provides the book's typefaces: the built-in Liberation
// faces, or TrueType files named in book.yaml, with metrics that match to the
// unit what the PDF writer (fpdf) measures and draws.
package fonts

import (
	"encoding/binary"
	"fmt"
	"io/fs"
	"math"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/recueil/recueil/layout"
)

// ID names one of the book's faces.
type ID uint8

// The faces of a book.
const (
	Serif ID = iota
	SerifItalic
	SerifBold
	SerifBoldItalic
	Sans
	SansBold
	NumFaces
)

// Face is a TrueType font with fpdf's metrics. It implements layout.Face.
type Face struct {
	Name   string // family name used in the PDF writer, e.g. "serif"
	Style  string // "", "I", "B", "BI" as fpdf spells it
	TTF    []byte
	widths []uint16 // per BMP rune, in 1/1000 em; 0: missing
	has    []bool
	glyphs []uint16 // per BMP rune, the glyph index
	// Missing is the width fpdf gives a rune the font lacks.
	Missing int
}

var _ layout.Face = (*Face)(nil)

// Advance returns the advance width of r in thousandths of an em, exactly as
// fpdf's GetStringSymbolWidth counts it.
func (f *Face) Advance(r rune) int {
	if r >= 0 && int(r) < len(f.widths) {
		if f.has[r] {
			return int(f.widths[r])
		}
	}
	if f.Missing != 0 {
		return f.Missing
	}
	return 500
}

// Has reports whether the font has a glyph for r (fpdf can draw only runes
// of the Basic Multilingual Plane).
func (f *Face) Has(r rune) bool {
	return r >= 0 && int(r) < len(f.has) && f.has[r]
}

// Set is the book's faces, indexed by ID.
type Set struct {
	Faces [NumFaces]*Face
}

// Face returns the face with the given ID.
func (s *Set) Face(id ID) *Face { return s.Faces[id] }

// Builtin returns the Liberation faces.
func Builtin() (*Set, error) {
	return LoadFS(nil, "builtin", "builtin")
}

// LoadFS returns the book's faces. serif and sans are "builtin" (or
// empty) for Liberation, or slash paths of TrueType files in files (the
// book's, book.Files). A custom file gives the regular face; its other
// styles fall back to the same file (the bold and italic of a custom
// family are not guessed).
func LoadFS(files fs.FS, serif, sans string) (*Set, error) {
	return load(func(p string) ([]byte, error) {
		if files == nil {
			return nil, fmt.Errorf("%s: no files to read it from", p)
		}
		return fs.ReadFile(files, p)
	}, serif, sans)
}

func load(readFile func(string) ([]byte, error), serif, sans string) (*Set, error) {
	type src struct {
		id          ID
		name, style string
		data        []byte
	}
	srcs := []src{
		{Serif, "serif", "", liberationserifregular.TTF},
		{SerifItalic, "serif", "I", liberationserifitalic.TTF},
		{SerifBold, "serif", "B", liberationserifbold.TTF},
		{SerifBoldItalic, "serif", "BI", liberationserifbolditalic.TTF},
		{Sans, "sans", "", liberationsansregular.TTF},
		{SansBold, "sans", "B", liberationsansbold.TTF},
	}
	read := func(p string) ([]byte, error) {
		b, err := readFile(p)
		if err != nil {
			return nil, fmt.Errorf("font: %w", err)
		}
		return b, nil
	}
	custom := func(spec string, ids ...ID) error {
		if spec == "" || spec == "builtin" {
			return nil
		}
		data, err := read(spec)
		if err != nil {
			return err
		}
		for _, id := range ids {
			srcs[id].data = data
		}
		return nil
	}
	if err := custom(serif, Serif, SerifItalic, SerifBold, SerifBoldItalic); err != nil {
		return nil, err
	}
	if err := custom(sans, Sans, SansBold); err != nil {
		return nil, err
	}
	s := &Set{}
	for _, x := range srcs {
		f, err := Parse(x.data)
		if err != nil {
			return nil, fmt.Errorf("font %s %s: %w", x.name, x.style, err)
		}
		f.Name, f.Style = x.name, x.style
		s.Faces[x.id] = f
	}
	return s, nil
}

// Parse reads a TrueType font and computes its widths the way fpdf does:
// the first Unicode format-4 cmap, hmtx advances scaled to 1000 units per em
// and rounded, the width of glyph 0 for runes the font lacks.
func Parse(ttf []byte) (*Face, error) {
	be := binary.BigEndian
	if err := signature(ttf); err != nil {
		return nil, err
	}
	if len(ttf) < 12 {
		return nil, errBadFont
	}
	n := int(be.Uint16(ttf[4:]))
	tables := map[string][]byte{}
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil, problem(Damaged, "the table directory is cut short")
		}
		tag := string(ttf[rec : rec+4])
		off, ln := int(be.Uint32(ttf[rec+8:])), int(be.Uint32(ttf[rec+12:]))
		if off < 0 || ln < 0 || off+ln > len(ttf) {
			return nil, problem(Damaged, "table %q lies outside the file", tag)
		}
		tables[tag] = ttf[off : off+ln]
	}
	head, hhea, maxp, hmtx, cmap := tables["head"], tables["hhea"], tables["maxp"], tables["hmtx"], tables["cmap"]
	if len(head) < 20 || len(hhea) < 36 || len(maxp) < 6 || len(cmap) < 4 {
		return nil, errBadFont
	}
	upem := float64(be.Uint16(head[18:]))
	if upem == 0 {
		return nil, errBadFont
	}
	scale := 1000 / upem
	numHMetrics := int(be.Uint16(hhea[34:]))
	numGlyphs := int(be.Uint16(maxp[4:]))
	if numHMetrics == 0 || len(hmtx) < numHMetrics*4 {
		return nil, errBadFont
	}
	advance := func(g int) int {
		if g >= numHMetrics {
			g = numHMetrics - 1
		}
		return int(be.Uint16(hmtx[g*4:]))
	}
	// The cmap subtable fpdf picks.
	sub := -1
	nt := int(be.Uint16(cmap[2:]))
	for i := 0; i < nt; i++ {
		r := 4 + 8*i
		if r+8 > len(cmap) {
			break
		}
		plat, enc := be.Uint16(cmap[r:]), be.Uint16(cmap[r+2:])
		off := int(be.Uint32(cmap[r+4:]))
		if (plat == 3 && enc == 1) || plat == 0 {
			if off+2 <= len(cmap) && be.Uint16(cmap[off:]) == 4 {
				sub = off
				break
			}
		}
	}
	if sub < 0 || sub+14 > len(cmap) {
		return nil, errBadFont
	}
	t := cmap[sub:]
	length := int(be.Uint16(t[2:]))
	if length > len(t) {
		length = len(t)
	}
	seg := int(be.Uint16(t[6:])) / 2
	if 16+8*seg > len(t) {
		return nil, errBadFont
	}
	ends := 14
	starts := ends + 2*seg + 2
	deltas := starts + 2*seg
	ranges := deltas + 2*seg
	f := &Face{TTF: ttf, widths: make([]uint16, 65536), has: make([]bool, 65536), glyphs: make([]uint16, 65536)}
	for i := 0; i < seg; i++ {
		end := int(be.Uint16(t[ends+2*i:]))
		start := int(be.Uint16(t[starts+2*i:]))
		delta := int(int16(be.Uint16(t[deltas+2*i:])))
		ro := int(be.Uint16(t[ranges+2*i:]))
		for c := start; c <= end && c < 65536; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				p := ranges + 2*i + ro + 2*(c-start)
				if p+2 > length {
					g = 0
				} else if g = int(be.Uint16(t[p:])); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g == 0 || c == 0 || c == 0xFFFF || g >= numGlyphs && g >= numHMetrics {
				continue
			}
			w := int(math.Round(scale * float64(advance(g))))
			if advance(g) >= 1<<15 {
				w = 0
			}
			f.widths[c] = uint16(w)
			f.has[c] = true
			f.glyphs[c] = uint16(g)
		}
	}
	f.Missing = int(math.Round(scale * float64(advance(0))))
	return f, nil
}
