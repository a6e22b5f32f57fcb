//go:build unix

package pipeline

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// lockDir takes an exclusive lock on the output folder's parent (a lock on
// the folder itself would not survive its replacement), or returns a usage
// error when another recueil holds it. The lock goes with the process:
// a killed run leaves none behind.
func lockDir(dir string) (func(), error) {
	d, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(d.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		d.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, usageErrorf("un autre recueil écrit dans %s : attendez qu’il ait fini, puis relancez", "another recueil is writing into %s: wait until it has finished, then run again", dir)
		}
		return nil, err
	}
	return func() {
		unix.Flock(int(d.Fd()), unix.LOCK_UN)
		d.Close()
	}, nil
}
