package cards

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
)

// encodePNG writes img as an 8-bit RGB PNG (the cards are opaque).
//
// image/png would give the same kind of file, but it tries all five row
// filters on every row to pick the best, and that search was more than a
// third of the time of a card. The cards are mostly flat colour, for which
// the Up filter (each byte minus the one above) is as good as any: rows of
// background become rows of zeros. The zlib level is fixed, so the bytes
// depend only on the image (and the Go version's compress/flate).
func encodePNG(img *image.RGBA) ([]byte, error) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8] = 8  // bit depth
	ihdr[9] = 2  // colour type: truecolour
	ihdr[10] = 0 // deflate
	ihdr[11] = 0 // adaptive filtering
	ihdr[12] = 0 // no interlace
	writeChunk(&out, "IHDR", ihdr[:])

	var data bytes.Buffer
	zw, err := zlib.NewWriterLevel(&data, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	prev := make([]byte, 1+3*w)
	cur := make([]byte, 1+3*w)
	row := make([]byte, 1+3*w)
	for y := 0; y < h; y++ {
		pix := img.Pix[(y)*img.Stride : (y)*img.Stride+4*w]
		for x, j := 0, 1; x < w; x, j = x+1, j+3 {
			cur[j], cur[j+1], cur[j+2] = pix[4*x], pix[4*x+1], pix[4*x+2]
		}
		row[0] = 2 // Up
		for j := 1; j < len(row); j++ {
			row[j] = cur[j] - prev[j]
		}
		if _, err := zw.Write(row); err != nil {
			return nil, err
		}
		prev, cur = cur, prev
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	writeChunk(&out, "IDAT", data.Bytes())
	writeChunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

func writeChunk(w *bytes.Buffer, kind string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	w.WriteString(kind)
	w.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	w.Write(n[:])
}
