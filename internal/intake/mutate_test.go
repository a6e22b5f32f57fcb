package intake

import (
	"archive/zip"
	"bytes"
	"io"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
)

// TestMutatedXML complements the fuzz tests, whose mutations of a zip
// rarely get past its checksums: the main XML part of each fixture is cut,
// repeated and spliced at random, then zipped again, so that the readers
// walk broken trees. None may panic or take long, and what they write
// must be Markdown.
func TestMutatedXML(t *testing.T) {
	n := 150
	if testing.Short() {
		n = 30
	}
	for _, c := range []struct {
		name, part string
		read       func([]byte) *Doc
	}{
		{"libreoffice.docx", "word/document.xml", ReadDocx},
		{"tracked.docx", "word/document.xml", ReadDocx},
		{"pandoc.docx", "word/footnotes.xml", ReadDocx},
		{"libreoffice.odt", "content.xml", ReadODT},
		{"tracked.odt", "content.xml", ReadODT},
		{"pieces.odt", "content.xml", ReadODT},
	} {
		parts := unzip(t, read(t, c.name))
		xml := parts[c.part]
		rng := rand.New(rand.NewSource(int64(len(xml))))
		var worst time.Duration
		for i := 0; i < n; i++ {
			m := mutate(rng, xml)
			parts[c.part] = m
			data := rezip(t, parts)
			start := time.Now()
			d := c.read(data)
			worst = max(worst, time.Since(start))
			var out strings.Builder
			if err := goldmark.Convert([]byte(d.Markdown()), &out); err != nil {
				t.Fatal(err)
			}
		}
		parts[c.part] = xml
		if worst > 2*time.Second {
			t.Errorf("%s: a mutation took %v", c.name, worst)
		}
	}
}

func mutate(rng *rand.Rand, b []byte) []byte {
	out := append([]byte(nil), b...)
	for k := 0; k < 1+rng.Intn(3); k++ {
		if len(out) < 2 {
			break
		}
		i, j := rng.Intn(len(out)), rng.Intn(len(out))
		if i > j {
			i, j = j, i
		}
		switch rng.Intn(4) {
		case 0: // cut
			out = append(out[:i:i], out[j:]...)
		case 1: // repeat
			out = append(out[:j:j], append(append([]byte(nil), out[i:j]...), out[j:]...)...)
		case 2: // truncate
			out = out[:j]
		case 3: // splice a tag
			tags := []string{"<w:p>", "</w:p>", "<w:r>", "<w:t>", "<w:del>", "<text:p>", "<text:list>", "<text:note>", "</text:span>", "<w:footnoteReference w:id=\"9\"/>", "&amp;", "<![CDATA[x]]>"}
			out = append(out[:i:i], append([]byte(tags[rng.Intn(len(tags))]), out[i:]...)...)
		}
	}
	return out
}

func unzip(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return parts
}

func rezip(t *testing.T, parts map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, name := range sortedKeys(parts) {
		f, _ := w.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		f.Write(parts[name])
	}
	w.Close()
	return buf.Bytes()
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
