// Package work is recueil's one worker pool: a bounded number of
// goroutines over the items of a list, results in the list's order (so
// that nothing written depends on the number of workers), a panic in an
// item caught as an error, and a context that stops handing out items.
package work

import (
	"context"
	"errors"
	"sync"

	"github.com/recueil/recueil/internal/book"
)

// Map runs fn on the items 0..n-1 on at most jobs goroutines (at least
// one) and returns the results in item order with every item's error
// joined. A panic in fn is the item's *book.PanicError (naming no file:
// fn can guard itself to name one). Once ctx is done, the items not yet
// started are not run and ctx's error is returned with the others.
func Map[T any](ctx context.Context, n, jobs int, fn func(i int) (T, error)) ([]T, error) {
	return MapWith(ctx, n, jobs, func() struct{} { return struct{}{} }, func(_ struct{}, i int) (T, error) { return fn(i) })
}

// MapWith is Map with a state per goroutine, made by init (scratch
// buffers that the items of one goroutine reuse).
func MapWith[S, T any](ctx context.Context, n, jobs int, init func() S, fn func(s S, i int) (T, error)) ([]T, error) {
	return MapGated(ctx, n, jobs, nil, init, fn)
}

// MapGated is MapWith on one goroutine until gate is closed, and on up to
// jobs after that (a nil gate is open): work done beside other work takes
// the core that work leaves idle, then every core once it is over. The
// other goroutines wait for the gate before they take an item or make
// their state, so a gate that never opens leaves the whole list to the
// first one. The results do not depend on when the gate opens.
func MapGated[S, T any](ctx context.Context, n, jobs int, gate <-chan struct{}, init func() S, fn func(s S, i int) (T, error)) ([]T, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	out := make([]T, n)
	errs := make([]error, n)
	jobs = max(1, min(jobs, n))
	next := make(chan int)
	fed := make(chan struct{}) // every item handed out, or ctx done
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if w > 0 && gate != nil {
				select {
				case <-gate:
				case <-fed:
					return
				}
			}
			s := init()
			for i := range next {
				func() {
					defer book.Guard("", &errs[i])
					out[i], errs[i] = fn(s, i)
				}()
			}
		}()
	}
	var stopped error
feed:
	for i := 0; i < n; i++ {
		select {
		case next <- i:
		case <-ctx.Done():
			stopped = ctx.Err()
			break feed
		}
	}
	close(fed)
	close(next)
	wg.Wait()
	return out, errors.Join(append(errs, stopped)...)
}
