package typo

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

var hostileUnits = []struct{ name, unit string }{
	{"lists", "- "}, {"ordered", "1. "}, {"quotes", "> "}, {"links", "[a]("},
}

func hostileSource(unit string, n int) []byte {
	return []byte("---\nname: Jean Test\nrole: Testeur\n---\n" + strings.Repeat("Un texte. ", 20) +
		"\n\n" + strings.Repeat(unit, n) + "fin ; voilà\n")
}

// The typography pass parses the same guarded text as the loader: what the
// guard blanks is not fixed (the loader reports it), and nothing before it
// is lost.
func TestHostileNestingIsNotFixed(t *testing.T) {
	for _, h := range hostileUnits {
		src := hostileSource(h.unit, 5000)
		fixed, _ := Fix("fr", src)
		cut := bytes.LastIndex(src, []byte("\n\n"))
		if !bytes.Equal(fixed[cut:], src[cut:]) {
			t.Errorf("%s: the blanked line was changed by --fix", h.name)
		}
	}
	// Under the limit the same text is still fixed.
	src := hostileSource("- ", 3)
	fixed, _ := Fix("fr", src)
	if !bytes.Contains(fixed, []byte("fin\u202f; voilà")) {
		t.Errorf("a list under the limit is not fixed: %q", fixed[len(fixed)-40:])
	}
}

// BenchmarkHostile: the typography pass stays linear in the size of the
// input (it was quadratic in goldmark before the guard: 40,000 "- " took 18 s).
func BenchmarkHostile(b *testing.B) {
	for _, h := range hostileUnits {
		for _, n := range []int{10000, 20000, 40000, 80000} {
			src := hostileSource(h.unit, n)
			b.Run(fmt.Sprintf("%s-%d", h.name, n), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					Check("fr", src)
				}
			})
		}
	}
}
