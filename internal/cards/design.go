package cards

import (
	"image"
	"image/color"
	"math"
	"strings"
	"unicode/utf8"

	"golang.org/x/image/draw"

	"github.com/recueil/recueil/internal/qr"
	"github.com/recueil/recueil/layout"
)

// faces holds the metrics of each font for one card (not shared between
// goroutines) and the shared parsed fonts.
type faces struct {
	quote, serif, bold, sans *metrics
	fonts                    *fontSet
	glyphs                   glyphCache // may be nil
}

// design is the geometry of one card format.
type design struct {
	W, H, M            int
	square             bool // the stacked layout of the square and portrait cards
	quoteMax, quoteMin float64
	maxLines           int
	photoD             int
	nameSize, roleSize float64
	titleSize, tagSize float64
	logoW, logoH       int
	qrSide             int // the most the QR code may take, quiet zone included; 0: none

	hasPhoto bool
	logo     *image.RGBA // the book's logo fitted in logoW×logoH, or nil
	qr       *qr.Code    // the code to the contributor's page, or nil
}

// numDesigns is how many cards a contributor has.
const numDesigns = 3

// designs are the cards of a contributor: wide, square, portrait.
func designs() []*design { return []*design{wideDesign(), squareDesign(), portraitDesign()} }

func wideDesign() *design {
	return &design{W: WideWidth, H: WideHeight, M: 64, quoteMax: 68, quoteMin: 30, maxLines: 6,
		photoD: 116, nameSize: 32, roleSize: 23, titleSize: 24, tagSize: 22, logoW: 170, logoH: 52}
}

func squareDesign() *design {
	return &design{W: SquareWidth, H: SquareHeight, M: 84, square: true, quoteMax: 84, quoteMin: 32, maxLines: 10,
		photoD: 150, nameSize: 40, roleSize: 28, titleSize: 30, tagSize: 27, logoW: 200, logoH: 64, qrSide: 168}
}

// portraitDesign is the square card made taller: the same foot, more room
// for the quote.
func portraitDesign() *design {
	return &design{W: PortraitWidth, H: PortraitHeight, M: 88, square: true, quoteMax: 88, quoteMin: 32, maxLines: 13,
		photoD: 160, nameSize: 42, roleSize: 29, titleSize: 31, tagSize: 28, logoW: 210, logoH: 68, qrSide: 184}
}

// qrBox is the side of the QR code's panel, quiet zone included, and the
// size of a module in pixels: whole pixels, so that every module is sharp,
// and at least 3, else no code is drawn (0, 0).
func (d *design) qrBox() (side, px int) {
	if d.qr == nil || d.qrSide == 0 {
		return 0, 0
	}
	n := d.qr.Size() + 2*qr.QuietZone
	px = d.qrSide / n
	if px < 3 {
		return 0, 0
	}
	return n * px, px
}

// textLine is one short line of a card, placed.
type textLine struct {
	mt     *metrics
	size   float64
	x, y   float64 // left end of the baseline
	text   string
	colour int // 0 text, 1 muted, 2 accent
}

// Indexes of the short lines of a card, in reading order, in plan.texts
// and fields.lines.
const (
	lineName = iota
	lineRole
	lineHandle
	lineTitle
	lineTag  // the hashtag, or "hashtag · URL" when both fit on one line
	lineURL  // the short URL, on its own line ("" when on lineTag)
	numLines // how many
)

// plan is a card laid out except for its quote: where each line goes and
// the box left for the quote.
type plan struct {
	texts  [numLines]string // the short lines as fitted (a wrapped line is one text)
	lines  []textLine
	quote  box
	rule   image.Rectangle // the accent rule under the quote
	sep    image.Rectangle // a thin separator (square card), may be empty
	photo  image.Point     // top-left of the photo
	logoAt image.Rectangle
	logo   *image.RGBA
	qrAt   image.Rectangle // the QR code's panel, quiet zone included; empty: none
	qrPx   int             // pixels per module
}

// lineBox is the height a short line of size px takes.
func lineBox(size float64) float64 { return math.Round(size * 1.32) }

// baseline places a line of size px whose box starts at top.
func baseline(mt *metrics, size, top float64) float64 {
	asc, desc := mt.vmetrics(size)
	return top + (lineBox(size)-(asc+desc))/2 + asc
}

// minScale is the smallest a short line may be set, as a share of its
// size, before it is wrapped (for lines that may take two) or cut.
const (
	minScale  = 0.8
	wrapScale = 0.9 // a two-line item shrinks this far on one line before wrapping
)

// fitLine sets s on one line no wider than w: at size if it fits, else at a
// smaller size down to minScale, else cut at a word boundary with "…".
func fitLine(s string, mt *metrics, size, w float64) (string, float64) {
	if s == "" {
		return "", size
	}
	for sz := size; sz >= size*minScale-0.01; sz -= 0.5 {
		if mt.width(s, sz) <= w {
			return s, sz
		}
	}
	sz := math.Ceil(size * minScale)
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

// wrapTwo sets s on at most two lines no wider than w, breaking only at
// U+0020 with the book's line breaker: on one line if it fits there at
// size, or a little smaller (wrapScale); else on two lines broken after
// split (the end of the role, before the organisation) when both parts fit
// at size or smaller down to minScale; else on two lines where the line
// breaker chooses, at the largest size down to minScale that fits; else the first words that fit on two lines at the smallest size,
// with "…". It returns the text kept (the lines joined with U+0020), the
// lines and the size.
func wrapTwo(s, split string, mt *metrics, size, w float64) (string, []string, float64) {
	if s == "" {
		return "", nil, size
	}
	for sz := size; sz >= size*wrapScale-0.01; sz -= 0.5 {
		if mt.width(s, sz) <= w {
			return s, []string{s}, sz
		}
	}
	fits := func(lines []string, sz float64) bool {
		if len(lines) == 0 || len(lines) > 2 {
			return false
		}
		for _, l := range lines {
			if mt.width(l, sz) > w+0.01 {
				return false
			}
		}
		return true
	}
	breakAt := func(t string, sz float64) []string {
		var out []string
		for _, l := range breakWords(words(t), mt, sz, w) {
			out = append(out, joinWords(l))
		}
		return out
	}
	if split != "" && strings.HasPrefix(s, split+" ") {
		lines := []string{split, s[len(split)+1:]}
		for sz := size; sz >= size*minScale-0.01; sz -= 0.5 {
			if fits(lines, sz) {
				return s, lines, sz
			}
		}
	}
	for sz := size; sz >= size*minScale-0.01; sz -= 0.5 {
		if lines := breakAt(s, sz); fits(lines, sz) {
			return s, lines, sz
		}
	}
	sz := math.Ceil(size * minScale)
	ws := words(s)
	for k := len(ws) - 1; k > 0; k-- {
		t := ellipsis(ws[:k])
		if lines := breakAt(t, sz); fits(lines, sz) {
			return t, lines, sz
		}
	}
	t, sz := fitLine(s, mt, size, w)
	if t == "" {
		return "", nil, sz
	}
	return t, []string{t}, sz
}

type lineSpec struct {
	text   string
	mt     *metrics
	size   float64
	colour int
	wrap   bool   // may take two lines
	split  string // where to prefer the break of a wrapped line (see wrapTwo)
}

// fitted is a short item set in its column: one or two lines at one size.
type fitted struct {
	spec  lineSpec
	text  string // as kept, "" when nothing is drawn
	lines []string
	size  float64
}

// fitAll sets every item of specs in a column w wide.
func fitAll(specs []lineSpec, w float64) []fitted {
	out := make([]fitted, len(specs))
	for i, s := range specs {
		f := fitted{spec: s}
		if s.wrap {
			f.text, f.lines, f.size = wrapTwo(s.text, s.split, s.mt, s.size, w)
		} else {
			f.text, f.size = fitLine(s.text, s.mt, s.size, w)
			if f.text != "" {
				f.lines = []string{f.text}
			}
		}
		out[i] = f
	}
	return out
}

// height is the height the fitted items take, stacked.
func height(fs []fitted) float64 {
	h := 0.0
	for _, f := range fs {
		h += float64(len(f.lines)) * lineBox(f.size)
	}
	return h
}

// place stacks the fitted items top-down from top at x, and records the
// text kept of each in texts.
func place(fs []fitted, x, top float64, texts []*string) []textLine {
	var out []textLine
	y := top
	for i, f := range fs {
		*texts[i] = f.text
		for _, l := range f.lines {
			out = append(out, textLine{mt: f.spec.mt, size: f.size, x: x, y: baseline(f.spec.mt, f.size, y), text: l, colour: f.spec.colour})
			y += lineBox(f.size)
		}
	}
	return out
}

// tagRoom is the widest the book's hashtag and URL lines may be drawn at
// full size (tagSize) before they shrink: on the wide card, the book's
// column takes at most this much from the person's.
func (d *design) tagRoom() float64 {
	CW := float64(d.W - 2*d.M)
	if !d.square {
		return math.Round(0.45 * CW)
	}
	if d.logo != nil {
		return CW - float64(d.logoW) - 32
	}
	return CW
}

func (d *design) plan(m *faces, f *fields) *plan {
	p := &plan{}
	M := float64(d.M)
	W, H := float64(d.W), float64(d.H)
	CW := W - 2*M
	person := []lineSpec{
		{text: f.name, mt: m.bold, size: d.nameSize},
		{text: f.role, mt: m.sans, size: d.roleSize, colour: 1, wrap: true, split: f.roleSplit},
		{text: f.handle, mt: m.sans, size: d.roleSize, colour: 2},
	}
	bookLines := []lineSpec{
		{text: f.title, mt: m.serif, size: d.titleSize},
		{text: f.tag, mt: m.sans, size: d.tagSize, colour: 2},
		{text: f.url, mt: m.sans, size: d.tagSize, colour: 2},
	}
	var logoW, logoH float64
	if d.logo != nil {
		p.logo = d.logo
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
	personTexts := []*string{&p.texts[lineName], &p.texts[lineRole], &p.texts[lineHandle]}
	bookTexts := []*string{&p.texts[lineTitle], &p.texts[lineTag], &p.texts[lineURL]}

	var footerTop float64
	if !d.square {
		// Wide: the person bottom left, the book bottom right, side by side.
		natural := 0.0
		for _, s := range bookLines {
			if s.text != "" {
				natural = math.Max(natural, s.mt.width(s.text, s.size))
			}
		}
		RW := math.Min(math.Max(natural, logoW), d.tagRoom())
		book := fitAll(bookLines, RW)
		bookH := height(book)
		if logoH > 0 {
			bookH += logoH + 12
		}
		LW := W - M - RW - 40 - personX
		who := fitAll(person, LW)
		personH := height(who)
		FH := math.Max(D, math.Max(personH, bookH))
		bottom := H - M
		footerTop = bottom - FH
		if D > 0 {
			p.photo = image.Pt(d.M, int(math.Round(footerTop+(FH-D)/2)))
		}
		p.lines = append(p.lines, place(who, personX, footerTop+(FH-personH)/2, personTexts)...)
		top := bottom - height(book)
		if logoH > 0 {
			p.logoAt = image.Rect(int(W-M-logoW), int(top-12-logoH), int(W-M), int(top-12))
		}
		lines := place(book, 0, top, bookTexts)
		for i := range lines { // right-aligned
			lines[i].x = W - M - lines[i].mt.width(lines[i].text, lines[i].size)
		}
		p.lines = append(p.lines, lines...)
	} else {
		// Square: the book at the foot, a thin rule, the person above it.
		textW := CW
		if logoW > 0 {
			textW -= logoW + 32
		}
		book := fitAll(bookLines, textW)
		bookH := math.Max(height(book), logoH)
		bookTop := H - M - bookH
		if logoW > 0 {
			ly := int(math.Round(bookTop + (bookH-logoH)/2))
			p.logoAt = image.Rect(int(W-M-logoW), ly, int(W-M), ly+int(logoH))
		}
		p.lines = append(p.lines, place(book, M, bookTop+(bookH-height(book))/2, bookTexts)...)
		sepY := bookTop - 30
		p.sep = image.Rect(d.M, int(sepY), d.W-d.M, int(sepY)+2)
		personW := W - M - personX
		qs, px := d.qrBox()
		QS := float64(qs)
		if qs > 0 {
			personW -= QS + 32
		}
		who := fitAll(person, personW)
		personH := height(who)
		PH := math.Max(math.Max(D, personH), QS)
		footerTop = sepY - 30 - PH
		if D > 0 {
			p.photo = image.Pt(d.M, int(math.Round(footerTop+(PH-D)/2)))
		}
		if qs > 0 {
			y := int(math.Round(footerTop + (PH-QS)/2))
			p.qrAt, p.qrPx = image.Rect(d.W-d.M-qs, y, d.W-d.M, y+qs), px
		}
		p.lines = append(p.lines, place(who, personX, footerTop+(PH-personH)/2, personTexts)...)
	}
	ruleY := footerTop - gap(math.Round(H*0.055))
	p.rule = image.Rect(d.M, int(ruleY), d.M+72, int(ruleY)+4)
	p.quote = box{X: M, Y: M, W: CW, H: ruleY - math.Round(H*0.05) - M, MaxLines: d.maxLines}
	return p
}

// draw paints the card on img, a d.W×d.H canvas, every pixel of it.
func (d *design) draw(img *image.RGBA, sc *scratch, m *faces, bp *bookParts, p *plan, q quoteLayout, photo image.Image) {
	fillRect(img, img.Rect, bp.bg)
	muted := mix(bp.text, bp.bg, 0.22)
	accent := readable(bp.accent, bp.bg) // for text: the rule and the photo's ring keep the accent itself
	muted = readable(muted, bp.bg)       // the role: 4.5:1 at least, as all text
	colours := []color.Color{bp.text, muted, accent}

	if len(q.Lines) > 0 {
		pn := newPen(m.quote, q.Size, m.glyphs)
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
					return accent
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
		circlePhoto(img, photo, p.photo, sc.masks(d.photoD, math.Max(3, float64(d.photoD)/32)), sc.scaled(d.photoD), sc, bp.accent)
	}
	if p.logo != nil {
		draw.Draw(img, p.logoAt, p.logo, image.Point{}, draw.Over)
	}
	if !p.qrAt.Empty() {
		drawQR(img, d.qr, p.qrAt, p.qrPx, bp)
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
			pn = newPen(l.mt, l.size, m.glyphs)
			byFont[l.size] = pn
		}
		pn.draw(img, l.x, l.y, l.text, solid(colours[l.colour]))
	}
}

// drawQR paints code in r, a panel with the quiet zone, px pixels a
// module: dark modules in the darker of the card's background and text
// colours on the lighter one, or black on white when those two are too
// close for a reader (a contrast under 7:1).
func drawQR(img *image.RGBA, code *qr.Code, r image.Rectangle, px int, bp *bookParts) {
	light, dark := bp.bg, bp.text
	if layout.Luminance(lc(light)) < layout.Luminance(lc(dark)) {
		light, dark = dark, light
	}
	if contrast(light, dark) < 7 {
		light, dark = color.RGBA{255, 255, 255, 255}, color.RGBA{0, 0, 0, 255}
	}
	fillRect(img, r, light)
	o := r.Min.Add(image.Pt(qr.QuietZone*px, qr.QuietZone*px))
	code.Runs(func(y, x0, n int) {
		fillRect(img, image.Rect(o.X+x0*px, o.Y+y*px, o.X+(x0+n)*px, o.Y+(y+1)*px), dark)
	})
}

// lc is a card colour as the layout package has it, for its WCAG
// luminance and contrast.
func lc(c color.RGBA) layout.Color { return layout.Color{R: c.R, G: c.G, B: c.B} }

func contrast(a, b color.RGBA) float64 { return layout.Contrast(lc(a), lc(b)) }

// readable is c moved towards black or white, whichever is further from
// bg, until it reads at 4.5:1 against bg (WCAG 2.1 AA); c itself when it
// already does.
func readable(c, bg color.RGBA) color.RGBA {
	to := color.RGBA{0, 0, 0, 255}
	if layout.Luminance(lc(bg)) < 0.18 {
		to = color.RGBA{255, 255, 255, 255}
	}
	for k := 0; k <= 100; k++ {
		if d := mix(c, to, float64(k)/100); contrast(d, bg) >= 4.5 {
			return d
		}
	}
	return to
}
