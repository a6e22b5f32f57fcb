// Package cpuclock reads the CPU time the process has used, for benchmarks
// that report it beside wall time: on a shared, loaded machine it says more.
package cpuclock

import (
	"testing"
	"time"
)

// Used is the CPU time the process used so far, user and system, every
// thread and the garbage collector's included; 0 where the system does not
// say (see used_other.go).
func Used() time.Duration { return used() }

// PerOp starts counting; the function it returns reports the CPU time per
// op as cpu-ms/op. Call it as defer cpuclock.PerOp(b)() before the loop. It
// reports nothing where the system does not say.
func PerOp(b *testing.B) func() {
	start := used()
	return func() {
		if d := used() - start; d > 0 {
			b.ReportMetric(float64(d)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		}
	}
}
