package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// A small reader and writer of PDF objects, for the files this package
// writes (fpdf's output): a classic cross-reference table, no object
// streams, no encryption. Values keep the bytes they were written with,
// so that copying an object changes nothing but its references.

type (
	pname  string // a name without its slash, escapes kept as written
	pref   int    // an indirect reference "n 0 R"
	parray []any
	ptoken []byte // a number, string, boolean or null, as written
)

// pdict is a dictionary in file order.
type pdict struct {
	keys []pname
	vals []any
}

func (d *pdict) get(k pname) any {
	for i, x := range d.keys {
		if x == k {
			return d.vals[i]
		}
	}
	return nil
}

func (d *pdict) set(k pname, v any) {
	for i, x := range d.keys {
		if x == k {
			d.vals[i] = v
			return
		}
	}
	d.keys = append(d.keys, k)
	d.vals = append(d.vals, v)
}

// clone copies the dictionary itself, not the values it holds.
func (d *pdict) clone() *pdict {
	return &pdict{keys: append([]pname(nil), d.keys...), vals: append([]any(nil), d.vals...)}
}

// pobj is an indirect object: a value and, for a stream, its bytes as
// stored (still encoded).
type pobj struct {
	val    any
	stream []byte
}

var errSyntax = errors.New("pdf: unexpected syntax")

type lexer struct {
	b []byte
	i int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return isSpace(c)
}

func (l *lexer) skip() {
	for l.i < len(l.b) {
		c := l.b[l.i]
		switch {
		case isSpace(c):
			l.i++
		case c == '%':
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
		default:
			return
		}
	}
}

// word reads a regular token (a number or keyword).
func (l *lexer) word() []byte {
	j := l.i
	for l.i < len(l.b) && !isDelim(l.b[l.i]) {
		l.i++
	}
	return l.b[j:l.i]
}

func isInt(w []byte) bool {
	if len(w) == 0 {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// value reads one value; depth bounds nesting.
func (l *lexer) value(depth int) (any, error) {
	if depth > 64 {
		return nil, errSyntax
	}
	l.skip()
	if l.i >= len(l.b) {
		return nil, errSyntax
	}
	switch c := l.b[l.i]; c {
	case '/':
		l.i++
		return pname(l.word()), nil
	case '[':
		l.i++
		var a parray
		for {
			l.skip()
			if l.i >= len(l.b) {
				return nil, errSyntax
			}
			if l.b[l.i] == ']' {
				l.i++
				return a, nil
			}
			v, err := l.value(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case '<':
		if l.i+1 < len(l.b) && l.b[l.i+1] == '<' {
			l.i += 2
			d := &pdict{}
			for {
				l.skip()
				if l.i+1 < len(l.b) && l.b[l.i] == '>' && l.b[l.i+1] == '>' {
					l.i += 2
					return d, nil
				}
				if l.i >= len(l.b) || l.b[l.i] != '/' {
					return nil, errSyntax
				}
				l.i++
				k := pname(l.word())
				v, err := l.value(depth + 1)
				if err != nil {
					return nil, err
				}
				d.keys = append(d.keys, k)
				d.vals = append(d.vals, v)
			}
		}
		j := bytes.IndexByte(l.b[l.i:], '>')
		if j < 0 {
			return nil, errSyntax
		}
		t := ptoken(l.b[l.i : l.i+j+1])
		l.i += j + 1
		return t, nil
	case '(':
		j := l.i
		n := 0
		for l.i < len(l.b) {
			switch l.b[l.i] {
			case '\\':
				l.i++
			case '(':
				n++
			case ')':
				n--
				if n == 0 {
					l.i++
					return ptoken(l.b[j:l.i]), nil
				}
			}
			l.i++
		}
		return nil, errSyntax
	default:
		if isDelim(c) {
			return nil, errSyntax
		}
		w := l.word()
		if isInt(w) {
			// "n g R" is a reference
			save := l.i
			l.skip()
			if g := l.word(); isInt(g) {
				l.skip()
				if r := l.word(); string(r) == "R" {
					n, err := strconv.Atoi(string(w))
					if err != nil {
						return nil, errSyntax
					}
					return pref(n), nil
				}
			}
			l.i = save
		}
		return ptoken(w), nil
	}
}

// readObject reads the indirect object numbered n at offset off.
func readObject(data []byte, n, off int) (*pobj, error) {
	if off < 0 || off >= len(data) {
		return nil, fmt.Errorf("pdf: object %d: offset %d out of the file", n, off)
	}
	l := &lexer{b: data, i: off}
	l.skip()
	if num := l.word(); string(num) != strconv.Itoa(n) {
		return nil, fmt.Errorf("pdf: object %d not at its offset", n)
	}
	l.skip()
	l.word()
	l.skip()
	if string(l.word()) != "obj" {
		return nil, fmt.Errorf("pdf: object %d: no obj keyword", n)
	}
	v, err := l.value(0)
	if err != nil {
		return nil, fmt.Errorf("pdf: object %d: %w", n, err)
	}
	o := &pobj{val: v}
	l.skip()
	if !bytes.HasPrefix(l.b[l.i:], []byte("stream")) {
		return o, nil
	}
	d, ok := v.(*pdict)
	if !ok {
		return nil, fmt.Errorf("pdf: object %d: stream without a dictionary", n)
	}
	l.i += len("stream")
	if l.i < len(l.b) && l.b[l.i] == '\r' {
		l.i++
	}
	if l.i < len(l.b) && l.b[l.i] == '\n' {
		l.i++
	}
	t, ok := d.get("Length").(ptoken)
	if !ok {
		return nil, fmt.Errorf("pdf: object %d: stream length not a number", n)
	}
	size, err := strconv.Atoi(string(t))
	if err != nil || size < 0 || size > len(l.b)-l.i { // not l.i+size: it overflows on a huge /Length
		return nil, fmt.Errorf("pdf: object %d: bad stream length", n)
	}
	o.stream = l.b[l.i : l.i+size]
	l.i += size
	l.skip()
	if !bytes.HasPrefix(l.b[l.i:], []byte("endstream")) {
		return nil, fmt.Errorf("pdf: object %d: stream length does not end at endstream", n)
	}
	return o, nil
}

// readXref reads the cross-reference table and the trailer.
func readXref(data []byte) (offsets []int, trailer *pdict, err error) {
	k := bytes.LastIndex(data, []byte("startxref"))
	if k < 0 {
		return nil, nil, errors.New("pdf: no startxref")
	}
	l := &lexer{b: data, i: k + len("startxref")}
	l.skip()
	start, err := strconv.Atoi(string(l.word()))
	if err != nil || start < 0 || start >= len(data) {
		return nil, nil, errors.New("pdf: bad startxref")
	}
	l.i = start
	if string(l.word()) != "xref" {
		return nil, nil, errors.New("pdf: no cross-reference table (a stream is not supported)")
	}
	for {
		l.skip()
		w := l.word()
		if string(w) == "trailer" {
			break
		}
		first, err1 := strconv.Atoi(string(w))
		l.skip()
		count, err2 := strconv.Atoi(string(l.word()))
		if err1 != nil || err2 != nil || first < 0 || count < 0 || count > len(data)/18 || first > len(data) {
			return nil, nil, errors.New("pdf: bad cross-reference section")
		}
		for j := 0; j < count; j++ {
			l.skip()
			off, err := strconv.Atoi(string(l.word()))
			l.skip()
			l.word()
			l.skip()
			kind := l.word()
			if err != nil {
				return nil, nil, errors.New("pdf: bad cross-reference entry")
			}
			n := first + j
			for len(offsets) <= n {
				offsets = append(offsets, -1)
			}
			if string(kind) == "n" {
				offsets[n] = off
			}
		}
	}
	v, err := l.value(0)
	if err != nil {
		return nil, nil, fmt.Errorf("pdf: trailer: %w", err)
	}
	t, ok := v.(*pdict)
	if !ok {
		return nil, nil, errors.New("pdf: trailer is not a dictionary")
	}
	return offsets, t, nil
}

// writeValue writes v, with every reference renumbered by ref; it fails on
// a reference ref does not know.
func writeValue(w *bytes.Buffer, v any, ref func(pref) (int, bool)) error {
	switch x := v.(type) {
	case pname:
		w.WriteByte('/')
		w.WriteString(string(x))
	case ptoken:
		w.Write(x)
	case pref:
		n, ok := ref(x)
		if !ok {
			return fmt.Errorf("pdf: reference to object %d not copied", int(x))
		}
		w.WriteString(strconv.Itoa(n))
		w.WriteString(" 0 R")
	case parray:
		w.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				w.WriteByte(' ')
			}
			if err := writeValue(w, e, ref); err != nil {
				return err
			}
		}
		w.WriteByte(']')
	case *pdict:
		w.WriteString("<<")
		for i, k := range x.keys {
			w.WriteByte('/')
			w.WriteString(string(k))
			w.WriteByte(' ')
			if err := writeValue(w, x.vals[i], ref); err != nil {
				return err
			}
			if i < len(x.keys)-1 {
				w.WriteByte(' ')
			}
		}
		w.WriteString(">>")
	default:
		return fmt.Errorf("pdf: cannot write a %T", v)
	}
	return nil
}

// refsOf appends the references v holds, in order.
func refsOf(v any, out []int) []int {
	switch x := v.(type) {
	case pref:
		out = append(out, int(x))
	case parray:
		for _, e := range x {
			out = refsOf(e, out)
		}
	case *pdict:
		for _, e := range x.vals {
			out = refsOf(e, out)
		}
	}
	return out
}

// pdfString is a literal string holding b, escaped as fpdf escapes.
func pdfString(b []byte) ptoken {
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
	return ptoken(append(out, ')'))
}

// utf16BE encodes s as UTF-16BE, with a byte order mark when bom is set
// (text strings) and without it for text drawn with an Identity-H font.
func utf16BE(s string, bom bool) []byte {
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
