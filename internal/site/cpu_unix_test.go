//go:build unix

package site_test

import (
	"syscall"
	"time"
)

// cpu is the CPU time the process used so far, user and system, the
// garbage collector's included.
func cpu() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
