//go:build !linux

package pipeline

import (
	"os"
	"path/filepath"
)

// syncAll makes the staged files durable before they are renamed into place.
func (s *stage) syncAll() error {
	for _, rel := range s.files {
		f, err := os.OpenFile(filepath.Join(s.tmp, filepath.FromSlash(rel)), os.O_RDWR, 0)
		if err != nil {
			return err
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}
