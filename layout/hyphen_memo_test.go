package layout

import (
	"slices"
	"testing"
)

type counting struct {
	Hyphenator
	calls int
}

func (c *counting) Points(w string) []int { c.calls++; return c.Hyphenator.Points(w) }

func TestMemoGivesTheSamePoints(t *testing.T) {
	c := &counting{Hyphenator: French()}
	m := Memo(c)
	for _, w := range []string{"typographie", "aujourd’hui", "typographie", "anticonstitutionnellement", "typographie"} {
		if got, want := m.Points(w), French().Points(w); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", w, got, want)
		}
	}
	if c.calls != 3 {
		t.Errorf("the underlying hyphenator was asked %d times, want 3", c.calls)
	}
	if Memo(nil) != nil {
		t.Error("Memo(nil) is not nil")
	}
}
