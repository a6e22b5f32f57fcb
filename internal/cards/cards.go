// Package cards renders the share cards of a contributor: a 1200×630 card
// for Open Graph, LinkedIn and X link previews, a 1080×1080 square card and
// a 1080×1350 portrait card (LinkedIn's and Instagram's tallest image) to
// post as pictures. Each shows
// the contributor's extract, set as large as it fits in the book's serif
// italic with the book's typography, their name, role and handle, their
// photo in a round crop, and the book's title, hashtag and short URL; the
// square and portrait cards, posted as pictures that are not links (on
// Instagram nothing in a post is), also carry a QR code to the
// contributor's page when the book has a url.
//
// Text is measured with the fonts' advance widths and broken into lines by
// layout.BreakLines, the line breaker of the book itself, then drawn glyph
// by glyph at exactly the measured positions. Rendering is deterministic:
// the same inputs give the same PNG bytes.
package cards

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"io/fs"
	"strings"
	"unicode/utf8"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/qr"
	"github.com/recueil/recueil/internal/typo"
	"github.com/recueil/recueil/internal/work"
)

// Card is the three images of a contributor and the text drawn on them.
type Card struct {
	Wide     []byte // PNG, 1200×630
	Square   []byte // PNG, 1080×1080
	Portrait []byte // PNG, 1080×1350
	// Alt is exactly the text drawn on the cards (all draw the same text),
	// in reading order, one element per line: quote, name, role and
	// organisation, handle, book title, then the hashtag and URL (one
	// element "hashtag · URL" when drawn on one line, else two). A role
	// wrapped onto two lines is one element. The QR code is not in it: the
	// page it leads to is the link of every post that carries the card.
	Alt string
	// Text is the quote as drawn, with its quotation marks, after fitting
	// (it ends with "…" or "[…]" when it had to be shortened). "" when the
	// contribution has neither extract nor text.
	Text string
}

// Card sizes.
const (
	WideWidth, WideHeight         = 1200, 630
	SquareWidth, SquareHeight     = 1080, 1080
	PortraitWidth, PortraitHeight = 1080, 1350
	// SafeMargin is the least distance between anything drawn and the edge.
	SafeMargin = 48
)

// Sizes says which of a contributor's cards to draw: a set of Wide,
// Square and Portrait. Whatever the set, each card drawn is the same
// image: the text is always fitted to all three.
type Sizes uint8

const (
	Wide Sizes = 1 << iota
	Square
	Portrait
	AllSizes = Wide | Square | Portrait
)

// Names of the sizes, as the cache and the tests know them.
var SizeNames = [numDesigns]string{"wide", "square", "portrait"}

// Render renders the cards of one contribution. files holds the book's
// files (photos, logo, font files), with book-relative paths.
func Render(b *book.Book, c *book.Contribution, files fs.FS) (*Card, book.Diagnostics, error) {
	cs, diags, err := RenderAll(context.Background(), b, []*book.Contribution{c}, files, 1)
	if err != nil {
		return nil, diags, err
	}
	return cs[0], diags, nil
}

// RenderAll renders the cards of every contribution of cs, on up to jobs
// goroutines. The fonts are parsed once and shared. The result is in the
// order of cs, and neither the cards nor the diagnostics depend on jobs.
// Findings about book.yaml (a glyph missing from the title, say) are
// reported once, not once per card.
func RenderAll(ctx context.Context, b *book.Book, cs []*book.Contribution, files fs.FS, jobs int) ([]*Card, book.Diagnostics, error) {
	return RenderSizes(ctx, b, cs, files, jobs, AllSizes)
}

// RenderSizes is RenderAll drawing only the cards of sizes (the others are
// nil): the web edition needs the wide card alone.
func RenderSizes(ctx context.Context, b *book.Book, cs []*book.Contribution, files fs.FS, jobs int, sizes Sizes) ([]*Card, book.Diagnostics, error) {
	return RenderEach(ctx, b, cs, files, jobs, sizes, nil)
}

// RenderEach is RenderSizes handing each contributor's cards to each, on
// the goroutine that drew them, as soon as they are drawn (i is the index
// in cs): each may write the images out and set them to nil, so that a
// run holds only the cards being drawn, not all of them. An error from
// each ends the run. each is called once per contribution, in no
// particular order; nil is RenderSizes.
func RenderEach(ctx context.Context, b *book.Book, cs []*book.Contribution, files fs.FS, jobs int, sizes Sizes, each func(i int, c *Card) error) ([]*Card, book.Diagnostics, error) {
	return RenderGated(ctx, b, cs, files, jobs, nil, sizes, each)
}

// RenderGated is RenderEach drawing on one goroutine until gate is closed,
// and on up to jobs after that (a nil gate is closed): a run that draws
// the cards beside other work (the typesetter, the PDF) gives them the
// core that work leaves idle, not one it needs. The cards do not depend on
// when the gate opens.
func RenderGated(ctx context.Context, b *book.Book, cs []*book.Contribution, files fs.FS, jobs int, gate <-chan struct{}, sizes Sizes, each func(i int, c *Card) error) ([]*Card, book.Diagnostics, error) {
	fonts, err := loadFonts(b, files)
	if err != nil {
		return nil, nil, fmt.Errorf("fonts: %w", err)
	}
	shared := prepareBook(b, files)

	type rendered struct {
		card  *Card
		diags book.Diagnostics
	}
	ph := newPhotos(cs)
	newScratch := func() *scratch { return &scratch{enc: newEncoder(), glyphs: make(glyphCache), photos: ph} }
	results, err := work.MapGated(ctx, len(cs), jobs, gate, newScratch, func(sc *scratch, i int) (r rendered, err error) {
		defer book.Guard(cs[i].Path, &err)
		r.card, r.diags, err = render(sc, fonts, shared, b, cs[i], files, sizes)
		if err == nil && each != nil {
			err = each(i, r.card)
		}
		if err != nil {
			err = fmt.Errorf("%s: %w", cs[i].Path, err)
		}
		return r, err
	})
	all := append(book.Diagnostics(nil), shared.diags...)
	seen := make(map[string]bool)
	for _, d := range shared.diags {
		seen[d.String()] = true
	}
	if err != nil {
		return nil, all, err
	}
	out := make([]*Card, len(cs))
	for i, r := range results {
		out[i] = r.card
		for _, d := range r.diags {
			if d.File == cs[i].Path {
				all = append(all, d)
				continue
			}
			if !seen[d.String()] {
				seen[d.String()] = true
				all = append(all, d)
			}
		}
	}
	return out, all, nil
}

// bookParts is what every card shares: colours and the logo.
type bookParts struct {
	bg, accent, text color.RGBA
	logo             [numDesigns]*image.RGBA // fitted to each card, or nil
	diags            book.Diagnostics
}

const bookFile = "book.yaml"

func prepareBook(b *book.Book, files fs.FS) *bookParts {
	def := book.Defaults().Cards
	p := &bookParts{}
	colour := func(v, d, key string) color.RGBA {
		if v == "" {
			v = d
		}
		c, ok := parseHex(v)
		if !ok {
			p.diags.Add(bookFile, b.FieldPos("cards."+key), book.Warning, "card-colour-invalid",
				book.M("la couleur %s des cartes (%q) n’est pas de la forme #rrggbb : la couleur par défaut %s est utilisée", "the cards' %s colour (%q) is not of the form #rrggbb: the default colour %s is used"), key, v, d)
			c, _ = parseHex(d)
		}
		return c
	}
	p.bg = colour(b.Cards.Background, def.Background, "background")
	p.accent = colour(b.Cards.Accent, def.Accent, "accent")
	p.text = colour(b.Cards.Text, def.Text, "text")
	if b.Cards.Logo != "" {
		img, err := readImage(files, b.Cards.Logo)
		if err != nil {
			p.diags.Add(bookFile, b.FieldPos("cards.logo"), book.Warning, "card-logo-unreadable",
				book.M("le logo des cartes %s ne peut pas être lu (%s) : les cartes sont faites sans logo", "the cards' logo %s cannot be read (%s): the cards are made without a logo"), b.Cards.Logo, imageReason(err))
		} else {
			for i, d := range designs() {
				p.logo[i] = fitImage(img, d.logoW, d.logoH)
			}
		}
	}
	return p
}

// imageReason says why readImage failed, in the book's language: the
// system's reason for a file that cannot be read, else a damaged image.
func imageReason(err error) book.Msg {
	if _, ok := errors.AsType[*fs.PathError](err); ok {
		return book.ReadReason(err)
	}
	return book.M("le fichier est abîmé ou incomplet", "the file is damaged or incomplete")
}

func readImage(files fs.FS, name string) (image.Image, error) {
	if files == nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	data, err := fs.ReadFile(files, name)
	if err != nil {
		return nil, err
	}
	return decodeImage(data)
}

// fields is the text of a card, as it will be drawn.
type fields struct {
	quote     []string // the quote's words, without the quotation marks
	open      string   // opening mark and its space
	close     string   // space and closing mark
	name      string
	role      string // role, organisation
	roleSplit string // "role," when there is an organisation: where role lines preferably break
	handle    string
	title     string
	tag       string // the hashtag, or "hashtag · short URL" when that fits on one line
	url       string // the short URL on its own line, or ""
}

// lines are the short lines, indexed by lineName...lineURL.
func (f *fields) lines() []string {
	return []string{f.name, f.role, f.handle, f.title, f.tag, f.url}
}

// scratch is what one goroutine reuses from card to card: the canvases and
// the PNG encoder. Every pixel of a canvas is painted again for each card,
// and the PNG bytes are copied out, so reuse never shows in the output.
type scratch struct {
	canvas  [numDesigns]*image.RGBA // wide, square, portrait
	enc     *encoder
	glyphs  glyphCache
	photos  *photos       // shared by the goroutines of a run
	discs   []*discMasks  // by diameter
	photoD  []*image.RGBA // canvases to scale a photo into, by diameter
	scalers []sizedScaler // by diameter and source size
}

// scaled is a d×d canvas to scale a photo into; every pixel of it is
// written again by the scaler (draw.Src).
func (sc *scratch) scaled(d int) *image.RGBA {
	for _, img := range sc.photoD {
		if img.Rect.Dx() == d {
			return img
		}
	}
	img := image.NewRGBA(image.Rect(0, 0, d, d))
	sc.photoD = append(sc.photoD, img)
	return img
}

func render(sc *scratch, fonts *fontSet, bp *bookParts, b *book.Book, c *book.Contribution, files fs.FS, sizes Sizes) (*Card, book.Diagnostics, error) {
	var diags book.Diagnostics
	m := &faces{
		quote: newMetrics(fonts.quote, fonts.emoji), serif: newMetrics(fonts.serif, fonts.emoji),
		bold: newMetrics(fonts.bold, fonts.emoji), sans: newMetrics(fonts.sans, fonts.emoji), fonts: fonts, glyphs: sc.glyphs,
	}
	loc := b.Locale()
	lang := loc.Tag.String()
	if c.Lang != "" {
		lang = c.Lang // a text of a mixed book: its own typography (the book's quotation marks around it)
	}

	// The text, with the book's typography, without the glyphs the fonts lack.
	clean := func(s string, mt *metrics, file string, pos book.Pos, what book.Msg) string {
		s, miss := dropMissing(flatten(s), mt)
		if len(miss) > 0 {
			diags.Add(file, pos, book.Warning, "glyph-missing",
				book.M("%s contient des caractères absents de la police des cartes : %s ; ils sont retirés de la carte", "%s holds characters that the cards' font does not have: %s; they are left out of the card"),
				what, describeRunes(miss))
		}
		return s
	}
	var f fields
	quoteSrc, quoteField, quotePos := c.Extract, book.M("l’extrait", "the extract"), c.FieldPos("extract")
	if strings.TrimSpace(quoteSrc) == "" {
		quoteSrc, quoteField, quotePos = bodyQuote(c.Body), book.M("le début du texte", "the start of the text"), book.Pos{Line: max(c.BodyLine, 1), Col: 1}
	}
	// The quote is drawn between « »: its own quotations take the inner “ ”.
	f.quote = words(clean(typo.InnerAs(b.TypographyOf(lang), b.TypographyOf(""), flatten(quoteSrc)), m.quote, c.Path, quotePos, quoteField))
	f.open, f.close = loc.Quotes()
	f.name = clean(typo.String(lang, c.Name), m.bold, c.Path, c.FieldPos("name"), book.M("le nom", "the name"))
	role := clean(typo.String(lang, c.Role), m.sans, c.Path, c.FieldPos("role"), book.M("la fonction", "the role"))
	org := clean(typo.String(lang, c.Organization), m.sans, c.Path, c.FieldPos("organization"), book.M("l’organisation", "the organisation"))
	f.role = joinNonEmpty(", ", role, org)
	if role != "" && org != "" {
		f.roleSplit = role + ","
	}
	f.handle = clean(c.Handle, m.sans, c.Path, c.FieldPos("handle"), book.M("le pseudonyme", "the handle"))
	f.title = clean(typo.String(loc.Tag.String(), b.Title), m.serif, bookFile, b.FieldPos("title"), book.M("le titre du livre", "the book's title"))
	hashtag := clean(b.Hashtag, m.sans, bookFile, b.FieldPos("hashtag"), book.M("le hashtag", "the hashtag"))
	url := clean(shortURL(b.URL), m.sans, bookFile, b.FieldPos("url"), book.M("l’adresse du livre", "the book's address"))

	var photo image.Image
	if c.Photo != "" {
		img, err := sc.photos.get(files, c.Photo)
		if err != nil {
			diags.Add(c.Path, c.FieldPos("photo"), book.Warning, "card-photo-unreadable",
				book.M("la photo %s ne peut pas être lue (%s) : les cartes sont faites sans photo", "the photo %s cannot be read (%s): the cards are made without a photo"), c.Photo, imageReason(err))
		} else {
			photo = img
		}
	}

	designs := designs()
	var code *qr.Code
	if u := b.PageURL(c.Slug); u != "" {
		var err error
		if code, err = qr.Encode(u); err != nil {
			return nil, diags, fmt.Errorf("QR code of %s: %w", u, err)
		}
	}
	for i, d := range designs {
		d.hasPhoto = photo != nil
		d.logo = bp.logo[i]
		if d.qrSide > 0 {
			d.qr = code
		}
	}
	// The hashtag and the URL share a line when they fit there at full
	// size on both cards; else each has its own, on both cards.
	f.tag, f.url = hashtag, url
	if joined := joinNonEmpty(" · ", hashtag, url); hashtag != "" && url != "" {
		one := true
		for _, d := range designs {
			one = one && m.sans.width(joined, d.tagSize) <= d.tagRoom()
		}
		if one {
			f.tag, f.url = joined, ""
		}
	}

	// Short lines (name, role...): fitted in each design, then the shortest
	// version of each is drawn on both so that both cards carry one text.
	plans := make([]*plan, len(designs))
	cut := make([]bool, numLines)
	for round := 0; round < 3; round++ {
		stable := true
		for i, d := range designs {
			plans[i] = d.plan(m, &f)
		}
		cur := f.lines()
		for k := range cur {
			best := cur[k]
			for _, p := range plans {
				if s := p.texts[k]; utf8.RuneCountInString(s) < utf8.RuneCountInString(best) {
					best = s
				}
			}
			if best != cur[k] {
				stable = false
				cut[k] = true
				setLine(&f, k, best)
			}
		}
		if stable {
			break
		}
	}
	lineWhat := []struct {
		file string
		pos  book.Pos
		what book.Msg
	}{
		{c.Path, c.FieldPos("name"), book.M("le nom", "the name")},
		{c.Path, c.FieldPos("role"), book.M("la fonction et l’organisation", "the role and the organisation")},
		{c.Path, c.FieldPos("handle"), book.M("le pseudonyme", "the handle")},
		{bookFile, b.FieldPos("title"), book.M("le titre du livre", "the book's title")},
		{bookFile, b.FieldPos("hashtag"), book.M("le hashtag", "the hashtag")},
		{bookFile, b.FieldPos("url"), book.M("l’adresse du livre", "the book's address")},
	}
	if org == "" {
		lineWhat[lineRole].what = book.M("la fonction", "the role")
	}
	if f.url == "" && hashtag != "" && url != "" {
		lineWhat[lineTag].what = book.M("le hashtag et l’adresse du livre", "the hashtag and the book's address")
	}
	for k, was := range cut {
		if was {
			w := lineWhat[k]
			diags.Add(w.file, w.pos, book.Warning, "card-text-cut",
				book.M("Texte trop long pour la carte de partage (%s) : il y est raccourci en « %s ».", "Text too long for the share card (%s): it is shortened there to “%s”."), w.what, f.lines()[k])
		}
	}

	// The quote: the largest size that fits both cards; past the minimum,
	// cut at a sentence, else a word, boundary.
	quote, quotes, wasCut := fitBoth(&f, m.quote, designs, plans)
	if wasCut {
		diags.Add(c.Path, quotePos, book.Warning, "card-extract-cut",
			book.M("%s est trop long pour la carte de partage, même en petits caractères : il y est raccourci en %s. Proposez un extrait plus court (%d caractères au plus) pour qu’il paraisse en entier.", "%s is too long for the share card, even in small print: it is shortened there to %s. Give a shorter extract (%d characters at most) so that it shows in full."),
			book.Msg{Fr: capitalise(quoteField.Fr), En: capitalise(quoteField.En)}, quote, utf8.RuneCountInString(quote))
	}

	card := &Card{Text: quote}
	var alt []string
	if quote != "" {
		alt = append(alt, quote)
	}
	for _, s := range f.lines() {
		if s != "" {
			alt = append(alt, s)
		}
	}
	card.Alt = strings.Join(alt, "\n")

	for i, d := range designs {
		if sizes&(1<<i) == 0 {
			continue
		}
		if sc.canvas[i] == nil {
			sc.canvas[i] = image.NewRGBA(image.Rect(0, 0, d.W, d.H))
		}
		img := sc.canvas[i]
		d.draw(img, sc, m, bp, plans[i], quotes[i], photo)
		data, err := sc.enc.encode(img, photo == nil)
		if err != nil {
			return nil, diags, err
		}
		switch i {
		case 0:
			card.Wide = data
		case 1:
			card.Square = data
		default:
			card.Portrait = data
		}
	}
	return card, diags, nil
}

func setLine(f *fields, k int, s string) {
	switch k {
	case lineName:
		f.name = s
	case lineRole:
		f.role = s
	case lineHandle:
		f.handle = s
	case lineTitle:
		f.title = s
	case lineTag:
		f.tag = s
	case lineURL:
		f.url = s
	}
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

// candidate is a version of the quote: its first keep words, whole or cut.
type candidate struct {
	keep     int
	sentence bool
	text     string
}

func (f *fields) candidate(keep int, sentence bool) candidate {
	switch {
	case keep >= len(f.quote):
		return candidate{keep: len(f.quote), text: f.open + joinWords(f.quote) + f.close}
	case sentence:
		return candidate{keep: keep, sentence: true, text: f.open + sentenceCut(f.quote[:keep]) + f.close}
	}
	return candidate{keep: keep, text: f.open + ellipsis(f.quote[:keep]) + f.close}
}

// fitBoth sets the quote on every design. It returns the quote drawn, its
// layout in each design and whether it had to be cut.
func fitBoth(f *fields, m *metrics, designs []*design, plans []*plan) (string, []quoteLayout, bool) {
	out := make([]quoteLayout, len(designs))
	if len(f.quote) == 0 {
		return "", out, false
	}
	try := func(c candidate) bool {
		for i, d := range designs {
			q, ok := fitQuote(c.text, m, d.quoteMax, d.quoteMin, plans[i].quote)
			if !ok {
				return false
			}
			out[i] = q
		}
		return true
	}
	full := f.candidate(len(f.quote), false)
	if try(full) {
		return full.text, out, false
	}
	limit := len(f.quote) - 1
	for limit > 0 {
		best := candidate{keep: limit + 1}
		for i, d := range designs {
			fits := func(c candidate) bool {
				_, ok := setQuote(c.text, m, d.quoteMin, plans[i].quote)
				return ok
			}
			c := bestCut(f, limit, fits)
			if c.keep < best.keep || (c.keep == best.keep && c.sentence) {
				best = c
			}
		}
		if best.keep > 0 && try(best) {
			return best.text, out, true
		}
		limit = best.keep - 1
	}
	last := f.candidate(0, false)
	try(last) // "« … »" always fits
	return last.text, out, true
}

// bestCut is the longest cut of the quote keeping at most limit words that
// fits, preferring a sentence boundary when it keeps most of the text.
func bestCut(f *fields, limit int, fits func(candidate) bool) candidate {
	lo, hi := 0, limit // largest k in [0, limit] whose word cut fits
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fits(f.candidate(mid, false)) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	word := f.candidate(lo, false)
	for j := min(lo+1, limit); j > 0 && 10*j >= 6*lo; j-- {
		if endsSentence(f.quote[j-1]) {
			if c := f.candidate(j, true); fits(c) {
				return c
			}
		}
	}
	return word
}
