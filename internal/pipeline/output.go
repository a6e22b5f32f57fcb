package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

const tmpPrefix = ".recueil-tmp-"

// stage collects the artifacts of one run in a temporary folder inside the
// output folder; commit moves them into place one atomic rename at a time,
// so a failed or killed run leaves every previous artifact whole.
type stage struct {
	out   string
	tmp   string
	files []string // slash paths relative to out
}

// CheckOut refuses an output folder that would overwrite the book's
// sources: the book folder itself, one of its parents, or its data folders.
func CheckOut(root, out string) error {
	ar, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	ao, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if r, err := filepath.EvalSymlinks(ar); err == nil {
		ar = r
	}
	if o, err := evalExisting(ao); err == nil {
		ao = o
	}
	inside := func(p, dir string) bool {
		rel, err := filepath.Rel(dir, p)
		return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	switch {
	case ao == ar:
		return usageErrorf("--out %s is the book folder itself: choose a folder such as output/", out)
	case inside(ar, ao):
		return usageErrorf("--out %s contains the book: choose a folder inside it, such as output/", out)
	}
	for _, d := range []string{"contributions", "editorial", ".git", "cmd", "internal", "layout"} {
		if inside(ao, filepath.Join(ar, d)) {
			return usageErrorf("--out %s is inside %s/, which holds the book's sources: choose output/", out, d)
		}
	}
	if st, err := os.Stat(filepath.Join(ao, "book.yaml")); err == nil && !st.IsDir() {
		return usageErrorf("--out %s holds a book.yaml: it looks like a book, not an output folder", out)
	}
	return nil
}

// evalExisting resolves symlinks in the longest existing prefix of p.
func evalExisting(p string) (string, error) {
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(p)
		if parent == p {
			return "", errors.New("no existing prefix")
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

func newStage(out string) (*stage, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	// Clean the leftovers of runs that were killed.
	if entries, err := os.ReadDir(out); err == nil {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), tmpPrefix) {
				os.RemoveAll(filepath.Join(out, e.Name()))
			}
		}
	}
	tmp, err := os.MkdirTemp(out, tmpPrefix)
	if err != nil {
		return nil, err
	}
	return &stage{out: out, tmp: tmp}, nil
}

// write creates rel in the stage with the bytes fn writes; commit syncs
// every staged file to disk before renaming any.
func (s *stage) write(rel string, fn func(w io.Writer) error) error {
	p := filepath.Join(s.tmp, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	if err := fn(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", rel, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	s.files = append(s.files, rel)
	return nil
}

// sums writes SHA256SUMS over every staged artifact, sorted by path.
func (s *stage) sums() error {
	sort.Strings(s.files)
	var b strings.Builder
	for _, rel := range s.files {
		f, err := os.Open(filepath.Join(s.tmp, filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(h.Sum(nil)), rel)
	}
	return s.write("SHA256SUMS", func(w io.Writer) error {
		_, err := io.WriteString(w, b.String())
		return err
	})
}

// commit renames every staged file into place, then removes the
// artifacts of earlier runs that this run no longer produces (the cards of
// a contributor who left) in the folders it owns.
func (s *stage) commit(owned []string) error {
	sort.Strings(s.files)
	if err := s.syncAll(); err != nil {
		return err
	}
	keep := map[string]bool{}
	for _, rel := range s.files {
		keep[rel] = true
		dst := filepath.Join(s.out, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.Rename(filepath.Join(s.tmp, filepath.FromSlash(rel)), dst); err != nil {
			return err
		}
	}
	syncDir(s.out)
	for _, dir := range owned {
		entries, err := os.ReadDir(filepath.Join(s.out, dir))
		if err != nil {
			continue
		}
		for _, e := range entries {
			rel := dir + "/" + e.Name()
			if !e.IsDir() && !keep[rel] {
				os.Remove(filepath.Join(s.out, filepath.FromSlash(rel)))
			}
		}
	}
	return os.RemoveAll(s.tmp)
}

func (s *stage) abort() { os.RemoveAll(s.tmp) }

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
