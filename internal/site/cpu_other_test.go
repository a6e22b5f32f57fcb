//go:build !unix

package site_test

import "time"

// cpu is 0 where getrusage is not: BenchmarkWrite then reports no CPU time.
func cpu() time.Duration { return 0 }
