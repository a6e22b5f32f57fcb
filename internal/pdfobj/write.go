package pdfobj

import (
	"bytes"
	"fmt"
	"strconv"
)

// WriteValue writes v, with every reference renumbered by ref; it fails on
// a reference ref does not know, or on a value that is none of Name, Ref,
// Array, Token and *Dict.
func WriteValue(w *bytes.Buffer, v any, ref func(Ref) (int, bool)) error {
	switch x := v.(type) {
	case Name:
		w.WriteByte('/')
		w.WriteString(string(x))
	case Token:
		w.Write(x)
	case Ref:
		n, ok := ref(x)
		if !ok {
			return fmt.Errorf("pdfobj: reference to object %d not copied", int(x))
		}
		w.WriteString(strconv.Itoa(n))
		w.WriteString(" 0 R")
	case Array:
		w.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				w.WriteByte(' ')
			}
			if err := WriteValue(w, e, ref); err != nil {
				return err
			}
		}
		w.WriteByte(']')
	case *Dict:
		w.WriteString("<<")
		for i, k := range x.Keys {
			w.WriteByte('/')
			w.WriteString(string(k))
			w.WriteByte(' ')
			if err := WriteValue(w, x.Vals[i], ref); err != nil {
				return err
			}
			if i < len(x.Keys)-1 {
				w.WriteByte(' ')
			}
		}
		w.WriteString(">>")
	default:
		return fmt.Errorf("pdfobj: cannot write a %T", v)
	}
	return nil
}

// LiteralString is a literal string holding b, escaped as fpdf escapes.
func LiteralString(b []byte) Token {
	out := make([]byte, 0, len(b)+8)
	out = append(out, '(')
	for _, c := range b {
		switch c {
		case '\\', '(', ')':
			out = append(out, '\\', c)
		case '\r':
			out = append(out, '\\', 'r')
		default:
			out = append(out, c)
		}
	}
	return Token(append(out, ')'))
}

// UTF16BE encodes s as UTF-16BE, with a byte order mark when bom is set
// (text strings) and without it for text drawn with an Identity-H font.
// A character outside the Basic Multilingual Plane becomes '?'.
func UTF16BE(s string, bom bool) []byte {
	out := make([]byte, 0, 2*len(s)+2)
	if bom {
		out = append(out, 0xFE, 0xFF)
	}
	for _, r := range s {
		if r > 0xFFFF {
			r = '?'
		}
		out = append(out, byte(r>>8), byte(r))
	}
	return out
}

// Writer writes a PDF file object by object, then its cross-reference
// table and trailer, as fpdf lays them out.
type Writer struct {
	buf     bytes.Buffer
	offsets []int
	header  int // the header's length
}

// NewWriter starts a file of the objects 1..size-1 with header, the
// comment lines that open it ("%PDF-1.x" and the like).
func NewWriter(header []byte, size int) *Writer {
	w := &Writer{offsets: make([]int, max(size, 1))}
	for n := range w.offsets {
		w.offsets[n] = -1
	}
	w.buf.Write(header)
	w.header = len(header)
	return w
}

// Reset starts the file again with the objects 1..size-1, keeping the
// header and the room the buffer has (a writer can be pooled: see Bytes).
func (w *Writer) Reset(size int) {
	w.buf.Truncate(w.header)
	if cap(w.offsets) >= max(size, 1) {
		w.offsets = w.offsets[:max(size, 1)]
	} else {
		w.offsets = make([]int, max(size, 1))
	}
	for n := range w.offsets {
		w.offsets[n] = -1
	}
}

// Grow makes room for n more bytes.
func (w *Writer) Grow(n int) { w.buf.Grow(n) }

// Object writes object n: val, its references renumbered by ref (see
// WriteValue), and the stream when stream is not nil (stored as it is: its
// dictionary says how long it is and how it is encoded).
func (w *Writer) Object(n int, val any, stream []byte, ref func(Ref) (int, bool)) error {
	if n <= 0 || n >= len(w.offsets) {
		return fmt.Errorf("pdfobj: object %d out of 1..%d", n, len(w.offsets)-1)
	}
	w.offsets[n] = w.buf.Len()
	w.buf.WriteString(strconv.Itoa(n))
	w.buf.WriteString(" 0 obj\n")
	if err := WriteValue(&w.buf, val, ref); err != nil {
		return err
	}
	if stream != nil {
		w.buf.WriteString("\nstream\n")
		w.buf.Write(stream)
		w.buf.WriteString("\nendstream")
	}
	w.buf.WriteString("\nendobj\n")
	return nil
}

// Finish writes the cross-reference table and the trailer, naming root
// the catalog and info the document information, and returns the file:
// the writer's buffer, good until the writer is Reset.
// Every object 1..size-1 must have been written.
func (w *Writer) Finish(root, info int) ([]byte, error) {
	size := len(w.offsets)
	xref := w.buf.Len()
	w.buf.WriteString("xref\n0 " + strconv.Itoa(size) + "\n0000000000 65535 f \n")
	for n := 1; n < size; n++ {
		if w.offsets[n] < 0 {
			return nil, fmt.Errorf("pdfobj: object %d not written", n)
		}
		fmt.Fprintf(&w.buf, "%010d 00000 n \n", w.offsets[n])
	}
	fmt.Fprintf(&w.buf, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", size, root, info, xref)
	return w.buf.Bytes(), nil
}
