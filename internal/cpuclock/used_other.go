//go:build !unix

package cpuclock

import "time"

// used is 0 where getrusage is not: benchmarks then report no CPU time.
func used() time.Duration { return 0 }
