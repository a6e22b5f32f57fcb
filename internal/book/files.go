package book

import (
	"io/fs"
	"os"
)

// Files is the book's folder as an fs.FS, the one way the stages read its
// assets (photos, logos, the cover, fonts). Each file is opened through
// os.Root, so that no path and no symbolic link can lead out of the book,
// whatever the checks before let through.
func (b *Book) Files() fs.FS { return rootFS(b.Root) }

// DirFS is an fs.FS of dir whose every open goes through os.Root: no path
// and no symbolic link leads out of dir, and dir is opened afresh each
// time (it may be replaced between two opens, as the output is).
func DirFS(dir string) fs.FS { return rootFS(dir) }

type rootFS string

func (r rootFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	dir := string(r)
	if dir == "" {
		dir = "."
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close() // the file stays open
	return root.Open(name)
}
