package site

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/tdewolff/font"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/fonts"
)

// The site's pages are set in the book's fonts, shipped with it: each
// face cut down to the characters the site shows (a few hundred glyphs,
// about 30 KB a face instead of 400), as TrueType that every browser
// reads. tdewolff/font's subsetter renumbers the glyphs and rewrites the
// character map; its WOFF2 writer is not used, since its own reader
// rejects what it writes.

// webFace is a face of the site: its file, and how the style sheet
// names it.
type webFace struct {
	id     fonts.ID
	file   string
	family string // "serif" or "sans", prefixed by fontPrefix in CSS
	weight int
	italic bool
}

const fontPrefix = "recueil-"

var webFaces = []webFace{
	{fonts.Serif, "serif.ttf", "serif", 400, false},
	{fonts.SerifItalic, "serif-italic.ttf", "serif", 400, true},
	{fonts.SerifBold, "serif-bold.ttf", "serif", 700, false},
	{fonts.SerifBoldItalic, "serif-bold-italic.ttf", "serif", 700, true},
	{fonts.Sans, "sans.ttf", "sans", 400, false},
	{fonts.SansBold, "sans-bold.ttf", "sans", 700, false},
}

// runeSet gathers the characters the pages show, from several goroutines.
type runeSet struct {
	mu sync.Mutex
	m  map[rune]bool
}

func (s *runeSet) add(text string) {
	var seen []rune
	for _, r := range text {
		if r >= 0x80 {
			seen = append(seen, r)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[rune]bool{}
	}
	for _, r := range seen {
		s.m[r] = true
	}
}

// sorted is every character seen and printable ASCII, in order.
func (s *runeSet) sorted() []rune {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []rune
	for r := rune(0x20); r < 0x7f; r++ {
		out = append(out, r)
	}
	for r := range s.m {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// fonts writes the book's faces cut down to the characters the pages
// use, and returns the @font-face rules for those it wrote. A face that
// cannot be cut is left out with a finding: the pages then fall back to
// the reader's fonts.
func (w *writer) fonts() (string, error) {
	set, err := fonts.LoadFS(w.files, w.b.Fonts.Serif, w.b.Fonts.Sans)
	if err != nil {
		w.diags.Add("book.yaml", w.b.FieldPos("fonts"), book.Warning, "site-font",
			book.M("Les polices du livre ne peuvent pas être jointes au site : ses pages s’affichent dans les polices du lecteur. La vérification du livre les a pourtant acceptées : signalez-le sur https://github.com/recueil/recueil/issues (erreur interne : %v).", "The book's fonts cannot be joined to the site: its pages show in the reader's fonts. The book's check accepted them, though: report it on https://github.com/recueil/recueil/issues (internal error: %v)."), err)
		return "", nil
	}
	runes := w.chars.sorted()
	var css strings.Builder
	for _, f := range webFaces {
		ttf := set.Faces[f.id].TTF
		base := fonts.Serif
		if f.family == "sans" {
			base = fonts.Sans
		}
		if f.id != base && bytes.Equal(ttf, set.Faces[base].TTF) {
			continue // a custom family without this style: the browser makes it from the regular face
		}
		data, err := subset(ttf, runes)
		if err != nil {
			w.diags.Add("book.yaml", w.b.FieldPos("fonts"), book.Warning, "site-font",
				book.M("Une police du livre (%s) ne peut pas être jointe au site : ce style s’affiche dans les polices du lecteur. La vérification du livre l’a pourtant acceptée : signalez-le sur https://github.com/recueil/recueil/issues (erreur interne : %v).", "One of the book's fonts (%s) cannot be joined to the site: this style shows in the reader's fonts. The book's check accepted it, though: report it on https://github.com/recueil/recueil/issues (internal error: %v)."), f.file, err)
			continue
		}
		if err := w.put("fonts/"+f.file, data); err != nil {
			return "", err
		}
		style := "normal"
		if f.italic {
			style = "italic"
		}
		fmt.Fprintf(&css, "@font-face { font-family: \"%s%s\"; src: url(\"fonts/%s\") format(\"truetype\"); font-weight: %d; font-style: %s; font-display: swap; }\n",
			fontPrefix, f.family, f.file, f.weight, style)
	}
	return css.String(), nil
}

// subset is ttf with only the glyphs of runes (and the glyphs they are
// made of), as a TrueType file.
func subset(ttf []byte, runes []rune) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil { // a font the parser did not expect
			out, err = nil, fmt.Errorf("%v", r)
		}
	}()
	sf, err := font.ParseSFNT(ttf, 0)
	if err != nil {
		return nil, err
	}
	ids := []uint16{0} // .notdef first
	for _, r := range runes {
		if g := sf.GlyphIndex(r); g != 0 && !slices.Contains(ids, g) {
			ids = append(ids, g)
		}
	}
	// The tables a browser needs, and the hinting programs the glyphs'
	// instructions call (without them a rasteriser may reject the glyphs).
	var tables []string
	for _, t := range []string{"cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "glyf", "loca", "cvt ", "fpgm", "prep", "gasp"} {
		if _, ok := sf.Tables[t]; ok {
			tables = append(tables, t)
		}
	}
	if !sf.IsTrueType {
		return nil, fmt.Errorf("not a TrueType font")
	}
	sub, err := sf.Subset(ids, font.SubsetOptions{Tables: tables})
	if err != nil {
		return nil, err
	}
	return pinModified(sub.Write(), sf.Tables["head"])
}

// pinModified puts back into out's head table the modification date of
// the original font (head is the original's table), where the writer puts
// the time of the run, and sets the checksums again: the same sources
// give the same bytes.
func pinModified(out, head []byte) ([]byte, error) {
	be := binary.BigEndian
	if len(out) < 12 || len(head) < 36 {
		return nil, fmt.Errorf("no head table")
	}
	n := int(be.Uint16(out[4:]))
	for i := 0; i < n && 12+16*i+16 <= len(out); i++ {
		rec := out[12+16*i:]
		if string(rec[:4]) != "head" {
			continue
		}
		off, length := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if length < 36 || off+length > len(out) {
			return nil, fmt.Errorf("bad head table")
		}
		t := out[off : off+length]
		copy(t[28:36], head[28:36])
		be.PutUint32(t[8:], 0) // checksumAdjustment, computed over the whole file below
		be.PutUint32(rec[4:], sum32(out[off:min(len(out), off+(length+3)&^3)]))
		be.PutUint32(t[8:], 0xB1B0AFBA-sum32(out))
		return out, nil
	}
	return nil, fmt.Errorf("no head table")
}

// sum32 is the TrueType checksum: the sum of big-endian uint32s, the last
// one padded with zeros.
func sum32(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}
