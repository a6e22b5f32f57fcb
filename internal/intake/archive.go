package intake

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits on what a document may make the reader do: a zip bomb stops at
// MaxPart bytes of one part, a zip of a million entries at MaxEntries, an
// XML tree nested a thousand deep at MaxDepth.
const (
	MaxPart    = 32 << 20 // uncompressed bytes read from one part of the archive
	MaxEntries = 4096     // entries in the archive
	MaxDepth   = 256      // nesting of XML elements
	MaxImages  = 64       // images looked at for the portrait
	MaxTotal   = 96 << 20 // uncompressed bytes read from all the parts together
)

// problem is a reason a document cannot be read at all, with its text in
// both languages; the caller turns it into a finding.
type problem struct{ fr, en string }

func (p *problem) Error() string { return p.en }

func problemf(fr, en string, args ...any) *problem {
	return &problem{fmt.Sprintf(fr, args...), fmt.Sprintf(en, args...)}
}

// archive is a document's zip, read with the limits above.
type archive struct {
	files map[string]*zip.File
	total int // bytes read so far, against MaxTotal
}

func openArchive(data []byte) (*archive, *problem) {
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return nil, problemf("ce fichier n’est pas un document Word (.docx) ou LibreOffice (.odt) : ce n’est pas une archive zip (un ancien .doc ? enregistrez-le au format .docx)",
			"this file is not a Word (.docx) or LibreOffice (.odt) document: it is not a zip archive (an old .doc? save it as .docx)")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		fr, en := zipReason(err)
		return nil, &problem{"l’archive du document ne peut pas être ouverte : " + fr + " ; " + resave, "the document's archive cannot be opened: " + en + "; " + resaveEn}
	}
	if len(zr.File) > MaxEntries {
		return nil, problemf("l’archive du document a %d entrées, plus que les %d permises", "the document's archive has %d entries, more than the %d allowed", len(zr.File), MaxEntries)
	}
	a := &archive{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		a.files[strings.TrimPrefix(path.Clean("/"+f.Name), "/")] = f
	}
	return a, nil
}

var errTooLarge = errors.New("part too large")

// What to do with a damaged document, said after why.
const (
	resave   = "rouvrez-le dans Word ou LibreOffice et enregistrez-le à nouveau, ou demandez-en une nouvelle copie"
	resaveEn = "open it in Word or LibreOffice and save it again, or ask for a new copy"
)

// zipReason says in words why the zip reader refused an archive or a part.
func zipReason(err error) (fr, en string) {
	var ce flate.CorruptInputError
	switch {
	case errors.Is(err, zip.ErrAlgorithm):
		return "elle est compressée d’une façon que recueil ne sait pas lire", "it is compressed in a way recueil cannot read"
	case errors.Is(err, zip.ErrChecksum):
		return "son contenu ne correspond pas à sa somme de contrôle (le fichier a été abîmé en route)", "its content does not match its checksum (the file was damaged on the way)"
	case errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF), errors.As(err, &ce):
		return "le fichier est incomplet ou abîmé", "the file is incomplete or damaged"
	}
	return "le fichier est abîmé", "the file is damaged"
}

// read returns a part, or nil when the archive has none of that name.
func (a *archive) read(name string) ([]byte, *problem) {
	f := a.files[name]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > MaxPart {
		return nil, problemf("la partie %s du document ferait %d Mo une fois décompressée, plus que les %d Mo permis", "the part %s of the document would be %d MB uncompressed, more than the %d MB allowed",
			name, f.UncompressedSize64>>20, MaxPart>>20)
	}
	rc, err := f.Open()
	if err != nil {
		fr, en := zipReason(err)
		return nil, &problem{fmt.Sprintf("la partie %s du document est illisible : %s ; %s", name, fr, resave), fmt.Sprintf("the part %s of the document cannot be read: %s; %s", name, en, resaveEn)}
	}
	defer rc.Close()
	// The size in the zip's directory may lie: read one byte more than
	// allowed to know.
	b, err := io.ReadAll(io.LimitReader(rc, MaxPart+1))
	if err != nil {
		fr, en := zipReason(err)
		return nil, &problem{fmt.Sprintf("la partie %s du document ne peut pas être lue jusqu’au bout : %s ; %s", name, fr, resave), fmt.Sprintf("the part %s of the document cannot be read to its end: %s; %s", name, en, resaveEn)}
	}
	if len(b) > MaxPart {
		return nil, problemf("la partie %s du document dépasse %d Mo une fois décompressée (une bombe zip ?)", "the part %s of the document is over %d MB uncompressed (a zip bomb?)", name, MaxPart>>20)
	}
	a.total += len(b)
	if a.total > MaxTotal {
		return nil, problemf("le document dépasse %d Mo une fois décompressé (une bombe zip ?)", "the document is over %d MB uncompressed (a zip bomb?)", MaxTotal>>20)
	}
	return b, nil
}

// size is a part's declared uncompressed size, 0 when absent.
func (a *archive) size(name string) uint64 {
	if f := a.files[name]; f != nil {
		return f.UncompressedSize64
	}
	return 0
}

// xmlReader walks an XML part token by token, with the depth limit; the
// standard decoder never expands external entities and, strict, refuses
// the entities a DTD would declare ("billion laughs").
type xmlReader struct {
	d     *xml.Decoder
	depth int
	part  string
}

func newXML(part string, b []byte) *xmlReader {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	d.Entity = nil
	return &xmlReader{d: d, part: part}
}

// next returns the next token, io.EOF at the end, or a problem.
func (x *xmlReader) next() (xml.Token, *problem) {
	t, err := x.d.Token()
	if err == io.EOF {
		return nil, nil
	}
	if err != nil {
		line, detail := 0, err.Error()
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			line, detail = se.Line, se.Msg
		}
		return nil, &problem{
			fmt.Sprintf("la partie %s du document n’est pas du XML valide (à sa ligne %d) : le document est abîmé ou n’a pas été écrit par Word ou LibreOffice ; "+resave, x.part, line),
			fmt.Sprintf("the part %s of the document is not valid XML (its line %d: %s): the document is damaged or was not written by Word or LibreOffice; "+resaveEn, x.part, line, detail),
		}
	}
	switch t := t.(type) {
	case xml.StartElement:
		x.depth++
		if x.depth > MaxDepth {
			return nil, problemf("la partie %s du document est imbriquée sur plus de %d niveaux", "the part %s of the document is nested more than %d levels deep", x.part, MaxDepth)
		}
	case xml.EndElement:
		x.depth--
	case xml.Directive:
		if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
			return nil, problemf("la partie %s du document déclare des entités XML, refusées", "the part %s of the document declares XML entities, which are refused", x.part)
		}
	}
	return t, nil
}

// skip consumes the rest of the element just started.
func (x *xmlReader) skip() *problem {
	for n := 1; n > 0; {
		t, p := x.next()
		if p != nil {
			return p
		}
		if t == nil {
			return problemf("la partie %s du document s’arrête au milieu d’un élément", "the part %s of the document stops in the middle of an element", x.part)
		}
		switch t.(type) {
		case xml.StartElement:
			n++
		case xml.EndElement:
			n--
		}
	}
	return nil
}

// attr is the value of the attribute of that local name (any namespace
// when space is "").
func attr(e xml.StartElement, space, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local && (space == "" || a.Name.Space == space) {
			return a.Value
		}
	}
	return ""
}
