// Package pdf draws a typeset book with fpdf. It decides nothing about the
// layout: every text run, image, rule and link is drawn where the typesetter
// put it.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/fonts"
	"github.com/recueil/recueil/internal/typeset"
	"github.com/recueil/recueil/layout"
)

// Write draws the whole book.
func Write(w io.Writer, r *typeset.Result, b *book.Book) error {
	return write(w, r, b, 0, 0)
}

// WritePages draws the pages whose folios are first..last only, each exactly
// as in the whole book (an offprint keeps the book's page numbers).
func WritePages(w io.Writer, r *typeset.Result, b *book.Book, first, last int) error {
	if first < 1 || last < first {
		return fmt.Errorf("pdf: bad page range %d-%d", first, last)
	}
	return write(w, r, b, first, last)
}

func pt(u layout.Unit) float64 { return u.Points() }

// bmp drops what fpdf cannot encode (runes above U+FFFF make it panic).
func bmp(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r > 0xFFFF }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return '?'
		}
		return r
	}, s)
}

func bookDate(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.UTC()
}

func write(w io.Writer, r *typeset.Result, b *book.Book, first, last int) error {
	doc := r.Doc
	if doc == nil || r.Fonts == nil {
		return errors.New("pdf: nothing typeset")
	}
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: pt(doc.Width), Ht: pt(doc.Height)}})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCatalogSort(true)
	date := bookDate(b.Date)
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	f.SetTitle(bmp(b.Title), true)
	f.SetAuthor(bmp(strings.Join(b.Editors, ", ")), true)
	f.SetSubject(bmp(b.Subtitle), true)
	if b.Hashtag != "" {
		f.SetKeywords(bmp(b.Hashtag), true)
	}
	f.SetCreator("recueil", true)
	f.SetProducer("recueil", true)
	lang := b.Language
	if lang == "" {
		lang = "fr"
	}
	f.SetLang(lang)
	f.SetDisplayMode("real", "TwoPageRight")

	for i := fonts.ID(0); i < fonts.NumFaces; i++ {
		face := r.Fonts.Face(i)
		f.AddUTF8FontFromBytes(face.Name, face.Style, face.TTF)
		if err := f.Error(); err != nil {
			return fmt.Errorf("pdf: font %s %s: %w", face.Name, face.Style, err)
		}
	}

	in := func(p *layout.Page) bool { return first == 0 || p.Number >= first && p.Number <= last }
	// fpdf page numbers of the pages written
	fpage := map[int]int{}
	n := 0
	for _, p := range doc.Pages {
		if in(p) {
			n++
			fpage[p.Number] = n
		}
	}
	if n == 0 {
		return fmt.Errorf("pdf: no page in %d-%d", first, last)
	}
	// internal links, resolved before drawing (they may point forward)
	links := map[string]int{}
	for _, p := range doc.Pages {
		fp, ok := fpage[p.Number]
		if !ok {
			continue
		}
		for _, a := range p.Anchors {
			if _, dup := links[a.Name]; dup {
				continue
			}
			id := f.AddLink()
			f.SetLink(id, pt(a.Y), fp)
			links[a.Name] = id
		}
	}

	d := &drawer{f: f, r: r, images: newImages(f)}
	for _, p := range doc.Pages {
		if !in(p) {
			continue
		}
		f.AddPage()
		d.font = -1
		for _, o := range p.Outline {
			d.setFont(int(fonts.Serif), layout.PT)
			f.Bookmark(bmp(o.Title), o.Level, pt(o.Y))
		}
		for _, e := range p.Elements {
			d.draw(e, links)
		}
		if err := f.Error(); err != nil {
			return fmt.Errorf("pdf: page %d: %w", p.Number, err)
		}
		if d.err != nil {
			return fmt.Errorf("pdf: page %d: %w", p.Number, d.err)
		}
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

type drawer struct {
	f      *fpdf.Fpdf
	r      *typeset.Result
	font   int
	size   layout.Unit
	color  layout.Color
	images *images
	err    error // the first error met while drawing
}

func (d *drawer) setFont(face int, size layout.Unit) {
	if face == d.font && size == d.size {
		return
	}
	ff := d.r.Fonts.Face(fonts.ID(face))
	d.f.SetFont(ff.Name, ff.Style, pt(size))
	d.font, d.size = face, size
}

func (d *drawer) draw(e layout.Element, links map[string]int) {
	f := d.f
	switch e.Kind {
	case layout.TextElement:
		if e.Text == "" {
			return
		}
		d.setFont(e.Face, e.Size)
		f.SetTextColor(int(e.Color.R), int(e.Color.G), int(e.Color.B))
		f.Text(pt(e.X), pt(e.Y), bmp(e.Text))
	case layout.RectElement:
		f.SetFillColor(int(e.Color.R), int(e.Color.G), int(e.Color.B))
		f.Rect(pt(e.X), pt(e.Y), pt(e.W), pt(e.H), "F")
	case layout.RuleElement:
		f.SetDrawColor(int(e.Color.R), int(e.Color.G), int(e.Color.B))
		f.SetLineWidth(pt(e.Size))
		f.Line(pt(e.X), pt(e.Y), pt(e.X+e.W), pt(e.Y+e.H))
	case layout.ImageElement:
		name, err := d.images.name(e.Src)
		if err != nil {
			d.err = err
			return
		}
		if name == "" {
			return
		}
		pw, ph := d.r.Doc.Width, d.r.Doc.Height
		clip := e.X < 0 || e.Y < 0 || e.X+e.W > pw || e.Y+e.H > ph
		if clip {
			f.ClipRect(0, 0, pt(pw), pt(ph), false)
		}
		f.ImageOptions(name, pt(e.X), pt(e.Y), pt(e.W), pt(e.H), false, fpdf.ImageOptions{}, 0, "")
		if clip {
			f.ClipEnd()
		}
	case layout.LinkElement:
		if e.URI != "" {
			f.LinkString(pt(e.X), pt(e.Y), pt(e.W), pt(e.H), e.URI)
		} else if id, ok := links[e.Dest]; ok {
			f.Link(pt(e.X), pt(e.Y), pt(e.W), pt(e.H), id)
		}
	}
}
