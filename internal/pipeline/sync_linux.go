package pipeline

import (
	"os"

	"golang.org/x/sys/unix"
)

// syncAll makes the staged files durable before they are renamed into
// place: one syncfs for the whole file system, instead of an fsync per
// file (which costs tens of seconds for a thousand cards on slow disks).
func (s *stage) syncAll() error {
	d, err := os.Open(s.tmp)
	if err != nil {
		return err
	}
	defer d.Close()
	return unix.Syncfs(int(d.Fd()))
}
