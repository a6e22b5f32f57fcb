package pdfobj

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// maxDepth bounds the nesting of arrays and dictionaries.
const maxDepth = 64

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
	if depth > maxDepth {
		return nil, ErrSyntax
	}
	l.skip()
	if l.i >= len(l.b) {
		return nil, ErrSyntax
	}
	switch c := l.b[l.i]; c {
	case '/':
		l.i++
		return Name(l.word()), nil
	case '[':
		l.i++
		var a Array
		for {
			l.skip()
			if l.i >= len(l.b) {
				return nil, ErrSyntax
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
			d := &Dict{}
			for {
				l.skip()
				if l.i+1 < len(l.b) && l.b[l.i] == '>' && l.b[l.i+1] == '>' {
					l.i += 2
					return d, nil
				}
				if l.i >= len(l.b) || l.b[l.i] != '/' {
					return nil, ErrSyntax
				}
				l.i++
				k := Name(l.word())
				v, err := l.value(depth + 1)
				if err != nil {
					return nil, err
				}
				d.Keys = append(d.Keys, k)
				d.Vals = append(d.Vals, v)
			}
		}
		j := bytes.IndexByte(l.b[l.i:], '>')
		if j < 0 {
			return nil, ErrSyntax
		}
		t := Token(l.b[l.i : l.i+j+1])
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
					return Token(l.b[j:l.i]), nil
				}
			}
			l.i++
		}
		return nil, ErrSyntax
	default:
		if isDelim(c) {
			return nil, ErrSyntax
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
						return nil, ErrSyntax
					}
					return Ref(n), nil
				}
			}
			l.i = save
		}
		return Token(w), nil
	}
}

// ReadObject reads the indirect object numbered n at offset off of data.
// A stream's bytes are a slice of data, not a copy.
func ReadObject(data []byte, n, off int) (*Object, error) {
	if off < 0 || off >= len(data) {
		return nil, fmt.Errorf("pdfobj: object %d: offset %d out of the file", n, off)
	}
	l := &lexer{b: data, i: off}
	l.skip()
	if num := l.word(); string(num) != strconv.Itoa(n) {
		return nil, fmt.Errorf("pdfobj: object %d not at its offset", n)
	}
	l.skip()
	l.word()
	l.skip()
	if string(l.word()) != "obj" {
		return nil, fmt.Errorf("pdfobj: object %d: no obj keyword", n)
	}
	v, err := l.value(0)
	if err != nil {
		return nil, fmt.Errorf("pdfobj: object %d: %w", n, err)
	}
	o := &Object{Val: v}
	l.skip()
	if !bytes.HasPrefix(l.b[l.i:], []byte("stream")) {
		return o, nil
	}
	d, ok := v.(*Dict)
	if !ok {
		return nil, fmt.Errorf("pdfobj: object %d: stream without a dictionary", n)
	}
	l.i += len("stream")
	if l.i < len(l.b) && l.b[l.i] == '\r' {
		l.i++
	}
	if l.i < len(l.b) && l.b[l.i] == '\n' {
		l.i++
	}
	t, ok := d.Get("Length").(Token)
	if !ok {
		return nil, fmt.Errorf("pdfobj: object %d: stream length not a number", n)
	}
	size, err := strconv.Atoi(string(t))
	if err != nil || size < 0 || size > len(l.b)-l.i { // not l.i+size: it overflows on a huge /Length
		return nil, fmt.Errorf("pdfobj: object %d: bad stream length", n)
	}
	o.Stream = l.b[l.i : l.i+size]
	l.i += size
	l.skip()
	if !bytes.HasPrefix(l.b[l.i:], []byte("endstream")) {
		return nil, fmt.Errorf("pdfobj: object %d: stream length does not end at endstream", n)
	}
	return o, nil
}

// ReadXref reads the cross-reference table data's last startxref points
// to, and the trailer after it: offsets[n] is the offset of object n, or
// -1 when the table has it free or does not have it.
func ReadXref(data []byte) (offsets []int, trailer *Dict, err error) {
	k := bytes.LastIndex(data, []byte("startxref"))
	if k < 0 {
		return nil, nil, errors.New("pdfobj: no startxref")
	}
	l := &lexer{b: data, i: k + len("startxref")}
	l.skip()
	start, err := strconv.Atoi(string(l.word()))
	if err != nil || start < 0 || start >= len(data) {
		return nil, nil, errors.New("pdfobj: bad startxref")
	}
	l.i = start
	if string(l.word()) != "xref" {
		return nil, nil, errors.New("pdfobj: no cross-reference table (a stream is not supported)")
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
			return nil, nil, errors.New("pdfobj: bad cross-reference section")
		}
		for j := 0; j < count; j++ {
			l.skip()
			off, err := strconv.Atoi(string(l.word()))
			l.skip()
			l.word()
			l.skip()
			kind := l.word()
			if err != nil {
				return nil, nil, errors.New("pdfobj: bad cross-reference entry")
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
		return nil, nil, fmt.Errorf("pdfobj: trailer: %w", err)
	}
	t, ok := v.(*Dict)
	if !ok {
		return nil, nil, errors.New("pdfobj: trailer is not a dictionary")
	}
	return offsets, t, nil
}
