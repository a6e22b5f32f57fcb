package work

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/recueil/recueil/internal/book"
)

func TestMapOrderAndErrors(t *testing.T) {
	for _, jobs := range []int{0, 1, 3, 100} {
		out, err := Map(context.Background(), 50, jobs, func(i int) (int, error) {
			if i == 7 {
				return 0, errors.New("seven")
			}
			return i * i, nil
		})
		if err == nil || err.Error() != "seven" {
			t.Errorf("jobs %d: err %v", jobs, err)
		}
		for i, v := range out {
			if i != 7 && v != i*i {
				t.Fatalf("jobs %d: out[%d] = %d", jobs, i, v)
			}
		}
	}
}

func TestMapPanicIsAnError(t *testing.T) {
	_, err := Map(context.Background(), 4, 2, func(i int) (int, error) {
		if i == 2 {
			var m map[int]int
			m[0]++
		}
		return i, nil
	})
	var pe *book.PanicError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v, want a PanicError", err)
	}
}

func TestMapStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var ran atomic.Int32
	_, err := Map(ctx, 1000, 1, func(i int) (int, error) {
		if ran.Add(1) == 3 {
			cancel()
		}
		return i, nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if n := ran.Load(); n > 5 {
		t.Errorf("%d items ran after the cancel at the third", n)
	}
}

func TestMapWithState(t *testing.T) {
	var made atomic.Int32
	out, err := MapWith(context.Background(), 20, 4, func() *[]int { made.Add(1); return new([]int) }, func(s *[]int, i int) (int, error) {
		*s = append(*s, i)
		return len(*s), nil
	})
	if err != nil || made.Load() > 4 || len(out) != 20 {
		t.Errorf("err %v, %d states, %d results", err, made.Load(), len(out))
	}
}

// TestMapGated: behind a closed gate one goroutine does every item (the
// others never make their state); once the gate opens, more than one run
// at a time.
func TestMapGated(t *testing.T) {
	var made, busy, most atomic.Int32
	gate := make(chan struct{})
	item := func(_ struct{}, i int) (int, error) {
		b := busy.Add(1)
		for m := most.Load(); b > m && !most.CompareAndSwap(m, b); m = most.Load() {
		}
		time.Sleep(time.Millisecond)
		busy.Add(-1)
		return i, nil
	}
	init := func() struct{} { made.Add(1); return struct{}{} }
	out, err := MapGated(context.Background(), 30, 4, gate, init, item)
	if err != nil || len(out) != 30 || out[29] != 29 {
		t.Fatalf("closed gate: %v, %d results", err, len(out))
	}
	if most.Load() != 1 || made.Load() != 1 {
		t.Errorf("closed gate: %d items at once, %d states; want 1 and 1", most.Load(), made.Load())
	}
	most.Store(0)
	close(gate)
	if _, err := MapGated(context.Background(), 200, 4, gate, init, item); err != nil {
		t.Fatal(err)
	}
	if most.Load() < 2 {
		t.Errorf("open gate: at most %d item at once, want more than one", most.Load())
	}
}
