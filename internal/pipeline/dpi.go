package pipeline

import (
	"fmt"
	"image"
	_ "image/gif"  // image.DecodeConfig reads what the PDF embeds
	_ "image/jpeg" //
	_ "image/png"  //
	"math"
	"sort"
	"strconv"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/layout"
)

// PrintDPI is the resolution a printed image needs.
const PrintDPI = 300

// lowResolution finds every image that the book prints at under PrintDPI
// (its pixels over the largest box it is drawn in), one warning per image
// at the place that names it: the contribution's photo field or image
// line, or book.yaml's key (cover, partners' logos, the cards' logo).
func lowResolution(b *book.Book, doc *layout.Document) book.Diagnostics {
	type box struct{ w, h float64 } // points
	boxes := map[string]box{}
	var order []string
	for _, p := range doc.Pages {
		for _, e := range p.Elements {
			if e.Kind != layout.ImageElement || e.Src == "" {
				continue
			}
			bx, seen := boxes[e.Src]
			if !seen {
				order = append(order, e.Src)
			}
			boxes[e.Src] = box{max(bx.w, e.W.Points()), max(bx.h, e.H.Points())}
		}
	}
	sort.Strings(order)
	var out book.Diagnostics
	for _, src := range order {
		f, err := b.Files().Open(src)
		if err != nil {
			continue // reported by check
		}
		cfg, _, err := image.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width == 0 || cfg.Height == 0 {
			continue
		}
		bx := boxes[src]
		dpi := math.Min(float64(cfg.Width)/(bx.w/72), float64(cfg.Height)/(bx.h/72))
		if dpi >= PrintDPI-0.5 {
			continue
		}
		file, pos := imagePlace(b, src)
		wmm, hmm := bx.w*25.4/72, bx.h*25.4/72
		needW, needH := int(math.Ceil(bx.w/72*PrintDPI)), int(math.Ceil(bx.h/72*PrintDPI))
		out.Add(file, pos, book.Warning, "image-low-resolution", book.Msg{
			Fr: fmt.Sprintf("l’image %s (%d × %d pixels) est imprimée à %s × %s mm, soit %d dpi : il en faut %d pour l’impression ; fournissez-la en %d × %d pixels au moins", src, cfg.Width, cfg.Height, mm(wmm, ","), mm(hmm, ","), int(dpi), PrintDPI, needW, needH),
			En: fmt.Sprintf("the image %s (%d × %d pixels) is printed at %s × %s mm, which is %d dpi: print needs %d; supply it at %d × %d pixels at least", src, cfg.Width, cfg.Height, mm(wmm, "."), mm(hmm, "."), int(dpi), PrintDPI, needW, needH),
		})
	}
	return out
}

func mm(v float64, point string) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
	if point != "." {
		for i := range len(s) {
			if s[i] == '.' {
				s = s[:i] + point + s[i+1:]
				break
			}
		}
	}
	return s
}

// imagePlace is where the book names the image src.
func imagePlace(b *book.Book, src string) (string, book.Pos) {
	for _, c := range b.Published() {
		if c.Photo == src {
			return c.Path, c.FieldPos("photo")
		}
		line := 0
		book.Walk(c.Body, func(bl *book.Block) {
			if line == 0 && bl.Kind == book.Image && bl.Src == src {
				line = bl.Line
			}
		})
		if line > 0 {
			return c.Path, book.Pos{Line: line, Col: 1}
		}
	}
	switch {
	case src == b.Cover:
		return "book.yaml", b.FieldPos("cover")
	case src == b.Cards.Logo:
		return "book.yaml", b.FieldPos("cards.logo")
	}
	for i, p := range b.Partners {
		if p.Logo == src {
			return "book.yaml", b.FieldPos("partners." + strconv.Itoa(i))
		}
	}
	return "book.yaml", b.FieldPos("")
}
