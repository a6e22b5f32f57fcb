// Package pdfobj reads and writes PDF files at the level of their
// objects: the cross-reference table, the indirect objects and the
// values they hold, copied byte for byte. It is written by hand because
// fpdf, which draws the book, writes PDFs but cannot read them, and
// cutting offprints out of the book needs both.
//
// It reads the files fpdf writes: a classic cross-reference table, no
// object streams, no encryption. Values keep the bytes they were written
// with (a number, a string, a name with its escapes), so that copying an
// object into another file changes nothing but its references.
package pdfobj

import (
	"errors"
	"fmt"
)

// The values an object holds are Name, Ref, Array, Token and *Dict.
type (
	// Name is a name without its slash, escapes kept as written.
	Name string
	// Ref is an indirect reference "n 0 R" to object n.
	Ref int
	// Array is an array of values.
	Array []any
	// Token is a number, string, boolean or null, as written.
	Token []byte
)

// Dict is a dictionary, its keys in file order.
type Dict struct {
	Keys []Name
	Vals []any
}

// Get is the value of k, or nil.
func (d *Dict) Get(k Name) any {
	for i, x := range d.Keys {
		if x == k {
			return d.Vals[i]
		}
	}
	return nil
}

// Set gives k the value v, in its place when d has k, else last.
func (d *Dict) Set(k Name, v any) {
	for i, x := range d.Keys {
		if x == k {
			d.Vals[i] = v
			return
		}
	}
	d.Keys = append(d.Keys, k)
	d.Vals = append(d.Vals, v)
}

// Clone copies the dictionary itself, not the values it holds.
func (d *Dict) Clone() *Dict {
	return &Dict{Keys: append([]Name(nil), d.Keys...), Vals: append([]any(nil), d.Vals...)}
}

// Without is a copy of d without k.
func (d *Dict) Without(k Name) *Dict {
	out := &Dict{}
	for i, x := range d.Keys {
		if x != k {
			out.Keys = append(out.Keys, x)
			out.Vals = append(out.Vals, d.Vals[i])
		}
	}
	return out
}

// Object is an indirect object: a value and, for a stream, its bytes as
// stored (still encoded); Stream is nil for an object that is no stream.
type Object struct {
	Val    any
	Stream []byte
}

// ErrSyntax is returned for a value that cannot be read.
var ErrSyntax = errors.New("pdfobj: unexpected syntax")

// Refs appends the object numbers of the references v holds, in order.
func Refs(v any, out []int) []int {
	switch x := v.(type) {
	case Ref:
		out = append(out, int(x))
	case Array:
		for _, e := range x {
			out = Refs(e, out)
		}
	case *Dict:
		for _, e := range x.Vals {
			out = Refs(e, out)
		}
	}
	return out
}

// Renumber is a deep copy of v with every reference renumbered by ref:
// the value as it reads back from WriteValue's bytes (Tokens are shared,
// not copied: nothing changes one in place). It fails where WriteValue
// would.
func Renumber(v any, ref func(Ref) (int, bool)) (any, error) {
	switch x := v.(type) {
	case Name, Token:
		return x, nil
	case Ref:
		n, ok := ref(x)
		if !ok {
			return nil, fmt.Errorf("pdfobj: reference to object %d not copied", int(x))
		}
		return Ref(n), nil
	case Array:
		out := make(Array, len(x))
		for i, e := range x {
			c, err := Renumber(e, ref)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case *Dict:
		out := &Dict{Keys: append([]Name(nil), x.Keys...), Vals: make([]any, len(x.Vals))}
		for i, e := range x.Vals {
			c, err := Renumber(e, ref)
			if err != nil {
				return nil, err
			}
			out.Vals[i] = c
		}
		return out, nil
	default:
		return nil, fmt.Errorf("pdfobj: cannot write a %T", v)
	}
}
