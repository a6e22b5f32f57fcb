package pdfobj

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationsansregular"
)

// A stream whose /Length is past the end of the file, however large, is an
// error and never a panic (l.i+size overflowed on the largest int).
func TestReadObjectHugeStreamLength(t *testing.T) {
	for _, length := range []string{"9223372036854775807", "9223372036854775000", "1000"} {
		data := []byte("1 0 obj\n<< /Length " + length + " >>\nstream\nabc\nendstream\nendobj\n")
		_, err := ReadObject(data, 1, 0)
		if err == nil || !strings.Contains(err.Error(), "bad stream length") {
			t.Errorf("/Length %s: err = %v, want a bad stream length", length, err)
		}
	}
}

// Values keep the bytes they were written with; only references change,
// and they come out as "n 0 R".
func TestReadWriteValue(t *testing.T) {
	src := "7 0 obj\n<</Type /Page /Kids [1 0 R 2 0 R] /A (x\\) (y)) /H <0A0b> /N -1.50 /E [] /D <</Nested true /Null null>> /R 12 5 R>>\nendobj\n"
	o, err := ReadObject([]byte(src), 7, 0)
	if err != nil {
		t.Fatal(err)
	}
	if o.Stream != nil {
		t.Error("an object without a stream has one")
	}
	d := o.Val.(*Dict)
	if got := d.Get("R"); got != Ref(12) {
		t.Errorf("/R = %#v, want Ref(12)", got)
	}
	if got := string(d.Get("A").(Token)); got != `(x\) (y))` {
		t.Errorf("/A = %q", got)
	}
	var buf bytes.Buffer
	if err := WriteValue(&buf, d, func(r Ref) (int, bool) { return int(r) + 100, true }); err != nil {
		t.Fatal(err)
	}
	want := "<</Type /Page /Kids [101 0 R 102 0 R] /A (x\\) (y)) /H <0A0b> /N -1.50 /E [] /D <</Nested true /Null null>> /R 112 0 R>>"
	if buf.String() != want {
		t.Errorf("written:\n%s\nwant:\n%s", buf.String(), want)
	}
	if got := Refs(d, nil); len(got) != 3 || got[0] != 1 || got[1] != 2 || got[2] != 12 {
		t.Errorf("Refs = %v, want [1 2 12]", got)
	}
	if err := WriteValue(&buf, d, func(r Ref) (int, bool) { return 0, r != 2 }); err == nil {
		t.Error("a reference the renumbering does not know was written")
	}
	if err := WriteValue(&buf, 3.5, nil); err == nil {
		t.Error("a float was written")
	}
}

func TestDict(t *testing.T) {
	d := &Dict{}
	d.Set("A", Token("1"))
	d.Set("B", Token("2"))
	c := d.Clone()
	c.Set("A", Token("3"))
	c.Set("C", Token("4"))
	if string(d.Get("A").(Token)) != "1" || d.Get("C") != nil {
		t.Error("setting a clone changed the original")
	}
	w := c.Without("A")
	if len(w.Keys) != 2 || w.Keys[0] != "B" || w.Keys[1] != "C" || c.Get("A") == nil {
		t.Errorf("Without: %v, from %v", w.Keys, c.Keys)
	}
}

func TestStrings(t *testing.T) {
	if got := string(LiteralString([]byte("a(b)\\c\rd"))); got != `(a\(b\)\\c\rd)` {
		t.Errorf("LiteralString = %q", got)
	}
	if got := UTF16BE("é😀", true); !bytes.Equal(got, []byte{0xFE, 0xFF, 0, 0xE9, 0, '?'}) {
		t.Errorf("UTF16BE = % x", got)
	}
}

func TestDeepNesting(t *testing.T) {
	for _, s := range []string{strings.Repeat("[", 100000), strings.Repeat("<</A ", 100000)} {
		if _, err := ReadObject([]byte("1 0 obj\n"+s), 1, 0); err == nil {
			t.Errorf("%.10s… was read", s)
		}
	}
	ok := strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1)
	if _, err := ReadObject([]byte("1 0 obj\n"+ok), 1, 0); err != nil {
		t.Errorf("%d nested arrays: %v", maxDepth+1, err)
	}
}

// nestedObjects is a file of n objects each opening a string the next
// one is in, all closed at the end: read to its end, each object would be
// read through the file.
func nestedObjects(n int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, n+1)
	for k := 1; k <= n; k++ {
		offs[k] = b.Len()
		b.WriteString(strconv.Itoa(k) + " 0 obj (")
	}
	b.Write(bytes.Repeat([]byte(")"), n))
	b.WriteString("\n")
	x := b.Len()
	b.WriteString("xref\n0 " + strconv.Itoa(n+1) + "\n0000000000 65535 f \n")
	for k := 1; k <= n; k++ {
		b.WriteString(fmt.Sprintf("%010d 00000 n \n", offs[k]))
	}
	b.WriteString("trailer\n<</Root 1 0 R>>\nstartxref\n" + strconv.Itoa(x) + "\n%%EOF\n")
	return b.Bytes()
}

// Objects that overlap are refused, and quickly: each used to be read to
// the end of the file, which took 5 s for 670 kB.
func TestReadOverlappingObjects(t *testing.T) {
	data := nestedObjects(40000)
	start := time.Now()
	if _, err := Read(data); err == nil {
		t.Error("overlapping objects were read")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("reading %d bytes took %v", len(data), d)
	}
}

func TestUsedResources(t *testing.T) {
	content := []byte("BT /F1 12 Tf (a /F9 1 Tf) Tj ET q /Im3 Do Q /F2 9 Tf /Im4 Do (\\)) /X Do")
	fonts, xobjs := map[Name]bool{}, map[Name]bool{}
	UsedResources(content, fonts, xobjs)
	if len(fonts) != 2 || !fonts["F1"] || !fonts["F2"] {
		t.Errorf("fonts %v, want F1 F2", fonts)
	}
	if len(xobjs) != 3 || !xobjs["Im3"] || !xobjs["Im4"] || !xobjs["X"] {
		t.Errorf("XObjects %v, want Im3 Im4 X", xobjs)
	}
}

// A file fpdf writes is read, and written back object by object it reads
// again as the same document.
func TestReadFpdf(t *testing.T) {
	for i, data := range sampleDocs(t) {
		d, err := Read(data)
		if err != nil {
			t.Fatalf("sample %d: %v", i, err)
		}
		if len(d.Pages) != 2 {
			t.Errorf("sample %d: %d pages, want 2", i, len(d.Pages))
		}
		if len(d.Fonts.Keys) == 0 {
			t.Errorf("sample %d: no font", i)
		}
		if i == 1 {
			if len(d.XObjects.Keys) != 1 {
				t.Errorf("sample %d: %d images, want 1", i, len(d.XObjects.Keys))
			}
			if m := d.CIDToGID(d.Fonts.Keys[0]); len(m) < 2*'z' {
				t.Errorf("sample %d: a CIDToGIDMap of %d bytes", i, len(m))
			}
		}
		out, ok := writeBack(d)
		if !ok {
			t.Fatalf("sample %d: not written back", i)
		}
		d2, err := Read(out)
		if err != nil {
			t.Fatalf("sample %d written back: %v", i, err)
		}
		out2, _ := writeBack(d2)
		if !bytes.Equal(out, out2) {
			t.Errorf("sample %d: writing back is not stable", i)
		}
	}
}

func TestWriterMissingObject(t *testing.T) {
	w := NewWriter([]byte("%PDF-1.4\n"), 3)
	if err := w.Object(1, Token("null"), nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Object(3, Token("null"), nil, nil); err == nil {
		t.Error("object 3 of 1..2 was written")
	}
	if _, err := w.Finish(1, 1); err == nil {
		t.Error("a file without its object 2 was finished")
	}
}

// writeBack writes every object of d again, under its number: ok is false
// when that fails (a reference to no object, a free entry).
func writeBack(d *Doc) (out []byte, ok bool) {
	root, ok1 := d.Trailer.Get("Root").(Ref)
	info, ok2 := d.Trailer.Get("Info").(Ref)
	w := NewWriter(d.Header, len(d.Objects))
	same := func(r Ref) (int, bool) { return int(r), d.Object(int(r)) != nil }
	ok = ok1 && ok2
	for n, o := range d.Objects {
		if o == nil {
			continue
		}
		if err := w.Object(n, o.Val, o.Stream, same); err != nil {
			ok = false
		}
	}
	out, err := w.Finish(int(root), int(info))
	return out, ok && err == nil
}

// sampleDocs are small PDFs as fpdf writes them, with two pages, links
// between them and out, bookmarks: with a core font; with a TrueType font
// and an image; uncompressed.
func sampleDocs(t testing.TB) [][]byte {
	var out [][]byte
	for i := range 3 {
		f := fpdf.New("P", "pt", "A5", "")
		f.SetCatalogSort(true)
		f.SetCreationDate(time.Unix(1700000000, 0).UTC())
		f.SetModificationDate(time.Unix(1700000000, 0).UTC())
		f.SetTitle("Sample é", true)
		f.SetCompression(i != 2)
		font := "Helvetica"
		if i == 1 {
			f.AddUTF8FontFromBytes("sans", "", liberationsansregular.TTF)
			font = "sans"
		}
		link := f.AddLink()
		for p := range 2 {
			f.AddPage()
			f.SetFont(font, "", 12)
			f.Bookmark("Page "+strconv.Itoa(p+1), 0, 0)
			f.Text(40, 60, "Hello (world) \\ "+strconv.Itoa(p))
			if p == 0 {
				f.Link(40, 50, 80, 14, link)
				f.LinkString(40, 80, 80, 14, "https://example.org/(x)")
			} else {
				f.SetLink(link, 0, -1)
			}
		}
		if i == 1 {
			img := image.NewGray(image.Rect(0, 0, 4, 3))
			img.Set(1, 1, color.White)
			var b bytes.Buffer
			png.Encode(&b, img)
			f.RegisterImageOptionsReader("dot", fpdf.ImageOptions{ImageType: "PNG"}, &b)
			f.ImageOptions("dot", 40, 100, 40, 30, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		}
		var b bytes.Buffer
		if err := f.Output(&b); err != nil {
			t.Fatal(err)
		}
		out = append(out, b.Bytes())
	}
	return out
}

func deflate(b []byte) []byte {
	var out bytes.Buffer
	zw := zlib.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

// FuzzRead: whatever the bytes, reading them as a PDF file or as an object
// returns an error or objects, never panics, never hangs, and what was
// read can be written back; a file written back whole reads again.
func FuzzRead(f *testing.F) {
	docs := sampleDocs(f)
	for _, d := range docs {
		f.Add(d)
	}
	good := docs[2]
	f.Add(good[:len(good)/2])
	f.Add(bytes.Replace(good, []byte("/Resources"), []byte("/Xesources"), 1))
	f.Add([]byte("%PDF-1.3\nxref\n0 1\n0000000000 65535 f \ntrailer\n<</Root 1 0 R>>\nstartxref\n9\n%%EOF\n"))
	f.Add([]byte("%PDF-1.4\n%%EOF\n"))
	f.Add(nestedObjects(20))
	f.Add([]byte("1 0 obj\n<< /Length 3 >>\nstream\nabc\nendstream\nendobj\n"))
	f.Add([]byte("1 0 obj\n<< /Length 9223372036854775807 >>\nstream\nabc\nendstream\nendobj\n"))
	f.Add([]byte("1 0 obj\n<</Filter /FlateDecode /Length 11>>\nstream\n" + string(deflate([]byte("BT /F1 9 Tf"))) + "\nendstream\nendobj\n"))
	f.Add([]byte("1 0 obj\n" + strings.Repeat("[", 70) + strings.Repeat("]", 70)))
	f.Add([]byte("1 0 obj\n<</A <</B (unclosed"))
	f.Add([]byte("%PDF-1.4\nxref\n0 99999999\ntrailer\n<<>>\nstartxref\n9\n"))
	f.Add([]byte("%PDF-1.4\n1 0 obj\n<</Pages 1 0 R /Kids [1 0 R] /Type /Page /Resources 1 0 R>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Root 1 0 R /Info 1 0 R>>\nstartxref\n86\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			exercise(t, data)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("reading %d bytes took more than 10 s", len(data))
		}
	})
}

// exercise reads data every way the package can; it reports with
// t.Errorf, safe from another goroutine.
func exercise(t *testing.T, data []byte) {
	// as an object, numbered as it says
	l := &lexer{b: data}
	l.skip()
	off := l.i
	if n, err := strconv.Atoi(string(l.word())); err == nil && n >= 0 {
		if o, err := ReadObject(data, n, off); err == nil {
			var buf bytes.Buffer
			WriteValue(&buf, o.Val, func(r Ref) (int, bool) { return int(r), true })
			w := NewWriter(nil, 2)
			w.Object(1, o.Val, o.Stream, func(r Ref) (int, bool) { return int(r), true })
			w.Finish(1, 1)
			if m, err := Inflate(o); err == nil {
				UsedResources(m, map[Name]bool{}, map[Name]bool{})
			}
		}
	}
	// as a file
	d, err := Read(data)
	if err != nil {
		return
	}
	fonts, xobjs := map[Name]bool{}, map[Name]bool{}
	for _, n := range d.Pages {
		pg, ok := d.DictAt(Ref(n))
		if !ok {
			t.Errorf("page %d is not a dictionary", n)
			continue
		}
		var buf bytes.Buffer
		WriteValue(&buf, pg, func(r Ref) (int, bool) { return int(r), true })
		if c, ok := pg.Get("Contents").(Ref); ok && d.Object(int(c)) != nil {
			if m, err := Inflate(d.Objects[c]); err == nil {
				UsedResources(m, fonts, xobjs)
			}
		}
	}
	for _, k := range d.Fonts.Keys {
		d.CIDToGID(k)
	}
	out, ok := writeBack(d)
	if !ok {
		return
	}
	d2, err := Read(out)
	if err != nil {
		t.Errorf("written back, the file no longer reads: %v", err)
		return
	}
	if len(d2.Pages) != len(d.Pages) || len(d2.Objects) != len(d.Objects) {
		t.Errorf("written back: %d pages, %d objects; read: %d, %d", len(d2.Pages), len(d2.Objects), len(d.Pages), len(d.Objects))
	}
}
