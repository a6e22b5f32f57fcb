package pdf

import (
	"strings"
	"testing"
)

// A stream whose /Length is past the end of the file, however large, is an
// error and never a panic (l.i+size overflowed on the largest int).
func TestReadObjectHugeStreamLength(t *testing.T) {
	for _, length := range []string{"9223372036854775807", "9223372036854775000", "1000"} {
		data := []byte("1 0 obj\n<< /Length " + length + " >>\nstream\nabc\nendstream\nendobj\n")
		_, err := readObject(data, 1, 0)
		if err == nil || !strings.Contains(err.Error(), "bad stream length") {
			t.Errorf("/Length %s: err = %v, want a bad stream length", length, err)
		}
	}
}
