package cards

import (
	"image"

	"golang.org/x/image/draw"
	"io/fs"
	"math"
	"sync"

	"github.com/recueil/recueil/internal/book"
)

// photos hands each contributor's photo to the cards decoded and prepared
// (cropped and reduced by preparePhoto), once for all the sizes drawn. A
// file that several contributions name (a placeholder portrait, a shared
// group photo; the generated corpus has six portraits for 178
// contributors) is decoded once per run and shared by the goroutines, and
// let go when the last of them has drawn it: a run holds only the photos
// still to be drawn again, never all of them. Prepared photos are only
// read, so sharing them never changes a pixel.
type photos struct {
	mu    sync.Mutex
	users map[string]int         // path -> contributions still to draw it
	held  map[string]*photoEntry // the ones named more than once
}

type photoEntry struct {
	once sync.Once
	img  image.Image
	err  error
}

func newPhotos(cs []*book.Contribution) *photos {
	p := &photos{users: map[string]int{}, held: map[string]*photoEntry{}}
	for _, c := range cs {
		if c.Photo != "" {
			p.users[c.Photo]++
		}
	}
	return p
}

// get returns the prepared photo at path; each call is one user (see
// newPhotos), so call it once per contribution. A nil p shares nothing.
func (p *photos) get(files fs.FS, path string) (image.Image, error) {
	if p == nil {
		return loadPhoto(files, path)
	}
	p.mu.Lock()
	left := p.users[path]
	if left <= 1 && p.held[path] == nil { // named once (or a contribution not counted): no sharing
		delete(p.users, path)
		p.mu.Unlock()
		return loadPhoto(files, path)
	}
	e := p.held[path]
	if e == nil {
		e = &photoEntry{}
		p.held[path] = e
	}
	if p.users[path]--; p.users[path] <= 0 {
		delete(p.users, path)
		delete(p.held, path) // the last user: the goroutines still drawing it keep their reference
	}
	p.mu.Unlock()
	e.once.Do(func() { e.img, e.err = loadPhoto(files, path) })
	return e.img, e.err
}

// loadPhoto reads, decodes and prepares a photo for every card size.
func loadPhoto(files fs.FS, path string) (image.Image, error) {
	img, err := readImage(files, path)
	if err != nil {
		return nil, err
	}
	ds := designs()
	return preparePhoto(img, max(ds[0].photoD, ds[1].photoD, ds[2].photoD)), nil
}

// discMasks are the coverage masks of a photo's disc and of its ring, for
// one diameter and ring width.
type discMasks struct {
	d          int
	ring       float64
	disc, band *image.Alpha
}

// masks returns the masks of a disc of diameter d ringed ring wide, made
// once per goroutine and size: every card of a size has the same.
func (sc *scratch) masks(d int, ring float64) *discMasks {
	for _, m := range sc.discs {
		if m.d == d && m.ring == ring {
			return m
		}
	}
	m := &discMasks{d: d, ring: ring, disc: image.NewAlpha(image.Rect(0, 0, d, d)), band: image.NewAlpha(image.Rect(0, 0, d, d))}
	c := float64(d) / 2
	for y := 0; y < d; y++ {
		for x := 0; x < d; x++ {
			dist := math.Hypot(float64(x)+0.5-c, float64(y)+0.5-c)
			inner := coverage(c - ring - dist)
			outer := coverage(c - dist)
			m.disc.Pix[y*m.disc.Stride+x] = uint8(math.Round(255 * inner))
			m.band.Pix[y*m.band.Stride+x] = uint8(math.Round(255 * math.Max(0, outer-inner)))
		}
	}
	sc.discs = append(sc.discs, m)
	return m
}

// scaler is a Catmull-Rom scaler from sw×sh to d×d. x/image/draw's
// CatmullRom.Scale makes a new one, weights and a buffer of sw·d·4 floats
// (700 KB for a wide card's photo), at every call; a scaler made by
// NewScaler keeps its weights and takes its buffer from a pool, and
// computes the same pixels. One per goroutine and size, like the masks.
func (sc *scratch) scaler(d, sw, sh int) draw.Scaler {
	if sc == nil {
		return draw.CatmullRom.NewScaler(d, d, sw, sh)
	}
	for _, s := range sc.scalers {
		if s.d == d && s.sw == sw && s.sh == sh {
			return s.s
		}
	}
	s := sizedScaler{d: d, sw: sw, sh: sh, s: draw.CatmullRom.NewScaler(d, d, sw, sh)}
	if len(sc.scalers) >= 16 { // photos of many sizes: keep the last few
		sc.scalers = sc.scalers[1:]
	}
	sc.scalers = append(sc.scalers, s)
	return s.s
}

type sizedScaler struct {
	d, sw, sh int
	s         draw.Scaler
}
