// Package qr makes the QR codes recueil draws on the square and portrait
// cards and in the offprints' colophon: each leads to the contributor's
// page of the web edition. The encoding is skip2/go-qrcode's; this package
// fixes the choices every drawing shares (the error correction level, the
// quiet zone) so that the cards and the PDF agree.
package qr

import (
	"fmt"
	"sync"

	qrcode "github.com/skip2/go-qrcode"
)

// QuietZone is the light margin, in modules, that must surround the code
// on every side for readers to find it (ISO/IEC 18004 asks for 4).
const QuietZone = 4

// Code is a QR code's modules, without the quiet zone: Dark[y][x] is true
// for a dark module.
type Code struct {
	Dark [][]bool
}

// made holds the codes made by this process, by text. Their number is
// bounded by the contributors' pages (recueil serve makes the same ones
// again and again).
var made sync.Map // string -> *Code

// Size is the number of modules on a side, without the quiet zone.
func (c *Code) Size() int { return len(c.Dark) }

// Encode makes the code of text, at level M (15 % of the code may be lost,
// to a fold or a smudge on paper, and it still reads): a URL of 60
// characters gives 33×33 modules. The same text always gives the same
// modules.
//
// A code is made once per text and process (about a millisecond of CPU
// each; a compile needs each contributor's twice, for the cards and the
// offprint) and shared: callers must not change its modules.
func Encode(text string) (*Code, error) {
	if text == "" {
		return nil, fmt.Errorf("nothing to encode")
	}
	if c, ok := made.Load(text); ok {
		return c.(*Code), nil
	}
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return nil, err
	}
	q.DisableBorder = true
	c, _ := made.LoadOrStore(text, &Code{Dark: q.Bitmap()})
	return c.(*Code), nil
}

// Runs calls f for each horizontal run of dark modules, row by row: x0 is
// its first module and n its length. A drawing made of runs has a fifth
// as many rectangles as one made of modules.
func (c *Code) Runs(f func(y, x0, n int)) {
	for y, row := range c.Dark {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			x0 := x
			for x < len(row) && row[x] {
				x++
			}
			f(y, x0, x-x0)
		}
	}
}
