package pipeline

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// syncTree makes the next generation durable before it is switched in:
// one syncfs for the whole file system, instead of an fsync per file
// (which costs tens of seconds for a thousand cards on slow disks).
func syncTree(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return unix.Syncfs(int(d.Fd()))
}

// exchange swaps two paths in one step (renameat2 RENAME_EXCHANGE, Linux
// 3.15 and later, on ext4, xfs, btrfs, tmpfs and others).
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.ENOTSUP) {
		return errNoExchange
	}
	if err != nil {
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
	}
	return nil
}
