package cards

import (
	"image"
	"image/color"
	"math"
	"unicode/utf8"

	"golang.org/x/image/draw"
)

// faces holds the metrics of each font for one card (not shared between
// goroutines) and the shared parsed fonts.
type faces struct {
	quote, serif, bold, sans *metrics
	fonts                    *fontSet
}

// design is the geometry of one card format.
type design struct {
	W, H, M            int
	square             bool
	quoteMax, quoteMin float64
	maxLines           int
	photoD             int
	nameSize, roleSize float64
	titleSize, tagSize float64
	logoW, logoH       int

	hasPhoto bool
	logo     image.Image
}

func wideDesign() *design {
	return &design{W: WideWidth, H: WideHeight, M: 64, quoteMax: 68, quoteMin: 30, maxLines: 6,
		photoD: 116, nameSize: 32, roleSize: 23, titleSize: 24, tagSize: 22, logoW: 170, logoH: 52}
}

func squareDesign() *design {
	return &design{W: SquareWidth, H: SquareHeight, M: 84, square: true, quoteMax: 84, quoteMin: 32, maxLines: 10,
		photoD: 150, nameSize: 40, roleSize: 28, titleSize: 30, tagSize: 27, logoW: 200, logoH: 64}
}

// textLine is one short line of a card, placed.
type textLine struct {
	mt     *metrics
	size   float64
	x, y   float64 // left end of the baseline
	text   string
	colour int // 0 text, 1 muted, 2 accent
}

// plan is a card laid out except for its quote: where each line goes and
// the box left for the quote.
type plan struct {
	texts  [5]string // name, role, handle, title, tagline as fitted
	lines  []textLine
	quote  box
	rule   image.Rectangle // the accent rule under the quote
	sep    image.Rectangle // a thin separator (square card), may be empty
	photo  image.Point     // top-left of the photo
	logoAt image.Rectangle
	logo   *image.RGBA
}

// lineBox is the height a short line of size px takes.
func lineBox(size float64) float64 { return math.Round(size * 1.32) }

// baseline places a line of size px whose box starts at top.
func baseline(mt *metrics, size, top float64) float64 {
	asc, desc := mt.vmetrics(size)
	return top + (lineBox(size)-(asc+desc))/2 + asc
}

// fitLine sets s on one line no wider than w: at size if it fits, else at a
// smaller size down to 80 %, else cut at a word boundary with "…".
func fitLine(s string, mt *metrics, size, w float64) (string, float64) {
	if s == "" {
		return "", size
	}
	for sz := size; sz >= size*0.8-0.01; sz -= 0.5 {
		if mt.width(s, sz) <= w {
			return s, sz
		}
	}
	sz := math.Ceil(size * 0.8)
	ws := words(s)
	for k := len(ws) - 1; k > 0; k-- {
		if t := ellipsis(ws[:k]); mt.width(t, sz) <= w {
			return t, sz
		}
	}
	// A single word too long for the line: cut it by characters.
	rs := []rune(s)
	for k := len(rs) - 1; k > 0; k-- {
		if t := string(rs[:k]) + "…"; mt.width(t, sz) <= w {
			return t, sz
		}
	}
	return "", sz
}

type lineSpec struct {
	text   string
	mt     *metrics
	size   float64
	colour int
}

// stack places lines top-down from top at x, fitting each in w.
func stack(specs []lineSpec, x, top, w float64, texts []*string) ([]textLine, float64) {
	var out []textLine
	y := top
	for i, s := range specs {
		t, sz := fitLine(s.text, s.mt, s.size, w)
		*texts[i] = t
		if t == "" {
			continue
		}
		out = append(out, textLine{mt: s.mt, size: sz, x: x, y: baseline(s.mt, sz, y), text: t, colour: s.colour})
		y += lineBox(sz)
	}
	return out, y - top
}

// stackHeight is the height stack would give, before fitting.
func stackHeight(specs []lineSpec) float64 {
	h := 0.0
	for _, s := range specs {
		if s.text != "" {
			h += lineBox(s.size)
		}
	}
	return h
}

func (d *design) plan(m *faces, f *fields) *plan {
	p := &plan{}
	M := float64(d.M)
	W, H := float64(d.W), float64(d.H)
	CW := W - 2*M
	person := []lineSpec{
		{f.name, m.bold, d.nameSize, 0},
		{f.role, m.sans, d.roleSize, 1},
		{f.handle, m.sans, d.roleSize, 2},
	}
	bookLines := []lineSpec{
		{f.title, m.serif, d.titleSize, 0},
		{f.tagline, m.sans, d.tagSize, 2},
	}
	var logoW, logoH float64
	if d.logo != nil {
		p.logo = fitImage(d.logo, d.logoW, d.logoH)
		logoW, logoH = float64(p.logo.Rect.Dx()), float64(p.logo.Rect.Dy())
	}
	D := 0.0
	if d.hasPhoto {
		D = float64(d.photoD)
	}
	gap := func(v float64) float64 {
		if v > 0 {
			return v
		}
		return 0
	}
	personX := M
	if D > 0 {
		personX += D + math.Round(D*0.24)
	}
	personTexts := []*string{&p.texts[0], &p.texts[1], &p.texts[2]}
	bookTexts := []*string{&p.texts[3], &p.texts[4]}

	var footerTop float64
	if !d.square {
		// Wide: the person bottom left, the book bottom right, side by side.
		natural := 0.0
		for _, s := range bookLines {
			if s.text != "" {
				natural = math.Max(natural, s.mt.width(s.text, s.size))
			}
		}
		RW := math.Min(math.Max(natural, logoW), math.Round(0.42*CW))
		bookH := stackHeight(bookLines)
		if logoH > 0 {
			bookH += logoH + 12
		}
		personH := stackHeight(person)
		FH := math.Max(D, math.Max(personH, bookH))
		bottom := H - M
		footerTop = bottom - FH
		if D > 0 {
			p.photo = image.Pt(d.M, int(math.Round(footerTop+(FH-D)/2)))
		}
		LW := W - M - RW - 40 - personX
		lines, _ := stack(person, personX, footerTop+(FH-personH)/2, LW, personTexts)
		p.lines = append(p.lines, lines...)
		top := bottom - stackHeight(bookLines)
		if logoH > 0 {
			p.logoAt = image.Rect(int(W-M-logoW), int(top-12-logoH), int(W-M), int(top-12))
		}
		lines, _ = stack(bookLines, 0, top, RW, bookTexts)
		for i := range lines { // right-aligned
			lines[i].x = W - M - lines[i].mt.width(lines[i].text, lines[i].size)
		}
		p.lines = append(p.lines, lines...)
	} else {
		// Square: the book at the foot, a thin rule, the person above it.
		bookH := math.Max(stackHeight(bookLines), logoH)
		bookTop := H - M - bookH
		textW := CW
		if logoW > 0 {
			textW -= logoW + 32
			ly := int(math.Round(bookTop + (bookH-logoH)/2))
			p.logoAt = image.Rect(int(W-M-logoW), ly, int(W-M), ly+int(logoH))
		}
		lines, _ := stack(bookLines, M, bookTop+(bookH-stackHeight(bookLines))/2, textW, bookTexts)
		p.lines = append(p.lines, lines...)
		sepY := bookTop - 30
		p.sep = image.Rect(d.M, int(sepY), d.W-d.M, int(sepY)+2)
		personH := stackHeight(person)
		PH := math.Max(D, personH)
		footerTop = sepY - 30 - PH
		if D > 0 {
			p.photo = image.Pt(d.M, int(math.Round(footerTop+(PH-D)/2)))
		}
		lines, _ = stack(person, personX, footerTop+(PH-personH)/2, W-M-personX, personTexts)
		p.lines = append(p.lines, lines...)
	}
	ruleY := footerTop - gap(math.Round(H*0.055))
	p.rule = image.Rect(d.M, int(ruleY), d.M+72, int(ruleY)+4)
	p.quote = box{X: M, Y: M, W: CW, H: ruleY - math.Round(H*0.05) - M, MaxLines: d.maxLines}
	return p
}

// draw paints the card.
func (d *design) draw(m *faces, bp *bookParts, p *plan, q quoteLayout, photo image.Image) (*image.RGBA, error) {
	img := image.NewRGBA(image.Rect(0, 0, d.W, d.H))
	fillRect(img, img.Rect, bp.bg)
	muted := mix(bp.text, bp.bg, 0.22)
	colours := []color.Color{bp.text, muted, bp.accent}

	if len(q.Lines) > 0 {
		pn := newPen(m.quote, q.Size)
		asc, desc := m.quote.vmetrics(q.Size)
		lh := math.Round(q.Size * lineHeight)
		h := float64(len(q.Lines)-1)*lh + asc + desc
		top := p.quote.Y + math.Round((p.quote.H-h)*0.45)
		last := len(q.Lines) - 1
		for i, line := range q.Lines {
			n := utf8.RuneCountInString(line)
			first, lastLine := i == 0, i == last
			col := func(k int) color.Color { // the quotation marks in the accent colour
				if (first && k == 0) || (lastLine && k == n-1) {
					return bp.accent
				}
				return bp.text
			}
			pn.draw(img, p.quote.X, top+asc+float64(i)*lh, line, col)
		}
	}
	fillRect(img, p.rule, bp.accent)
	if !p.sep.Empty() {
		fillRect(img, p.sep, mix(bp.bg, bp.text, 0.25))
	}
	if photo != nil {
		circlePhoto(img, photo, p.photo, d.photoD, math.Max(3, float64(d.photoD)/32), bp.accent)
	}
	if p.logo != nil {
		draw.Draw(img, p.logoAt, p.logo, image.Point{}, draw.Over)
	}
	pens := map[*metrics]map[float64]*pen{}
	for _, l := range p.lines {
		byFont := pens[l.mt]
		if byFont == nil {
			byFont = map[float64]*pen{}
			pens[l.mt] = byFont
		}
		pn := byFont[l.size]
		if pn == nil {
			pn = newPen(l.mt, l.size)
			byFont[l.size] = pn
		}
		pn.draw(img, l.x, l.y, l.text, solid(colours[l.colour]))
	}
	return img, nil
}
