package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/recueil/recueil/internal/book"
)

// cache keeps rendered cards and cut offprints in output/.cache, keyed by
// a hash of everything that goes into them (the contributor's text and
// photo, the book's settings, the laid-out pages, the recueil binary
// itself; for an offprint, pdf.Planned.Key), so a compile re-renders only
// what changed. A hit returns the
// very bytes a cold build would make. Entries carry a checksum: a damaged
// entry is a miss. It reads the current generation's entries and writes
// the next one's: the hits are linked into it at the end of the run, the
// entries it did not use are left behind with the previous generation.
type cache struct {
	dir  string // the current generation's cache
	st   *stage // the next generation
	salt []byte

	mu   sync.Mutex
	hits map[string]bool
	// used are the kinds of entry the run looked up or made: keep carries
	// the others over whole, so that a run of some outputs (--only site,
	// recueil serve) does not lose the cards and offprints of the others.
	used map[string]bool
}

// kinds are the cache's folders, one kind of entry each.
var kinds = []string{"cards", "card-wide", "card-square", "card-portrait", "cards-book", "image", "offprint", "offprint-pdf"}

// use marks key's kind as used by the run; c.mu is held.
func (c *cache) use(key string) {
	kind, _, _ := strings.Cut(key, "/")
	c.used[kind] = true
}

const cacheDir = ".cache"

func openCache(st *stage) *cache {
	c := &cache{dir: filepath.Join(st.out, cacheDir), st: st, hits: map[string]bool{}, used: map[string]bool{}}
	// The binary is part of every key: a new version of recueil renders
	// afresh. Without it (an unreadable executable) there is no cache.
	if c.salt = binarySalt(); c.salt == nil {
		return nil
	}
	return c
}

// binarySalt is the hash of the running recueil, once per process; nil
// when the executable cannot be read.
var binarySalt = sync.OnceValue(func() []byte {
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil
	}
	return h.Sum(nil)
})

// key hashes the parts of an entry's inputs.
func (c *cache) key(kind string, parts ...[]byte) string {
	h := sha256.New()
	h.Write(c.salt)
	fmt.Fprintf(h, "%s/v1\x00", kind)
	for _, p := range parts {
		fmt.Fprintf(h, "%d\x00", len(p))
		h.Write(p)
	}
	return kind + "/" + hex.EncodeToString(h.Sum(nil))
}

func (c *cache) path(key string) string { return filepath.Join(c.dir, filepath.FromSlash(key)) }

func (c *cache) get(key string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	c.use(key)
	c.mu.Unlock()
	// Through real folders to a regular file only: the output folder
	// may come from a stranger's pull request.
	if !realFile(c.st.out, cacheDir+"/"+key) {
		return nil, false
	}
	raw, err := os.ReadFile(c.path(key))
	if err != nil || len(raw) < sha256.Size {
		return nil, false
	}
	sum := sha256.Sum256(raw[sha256.Size:])
	if !bytes.Equal(sum[:], raw[:sha256.Size]) {
		return nil, false
	}
	c.mu.Lock()
	c.hits[key] = true
	c.mu.Unlock()
	return raw[sha256.Size:], true
}

// hasFile reports whether the entry kept as its bare bytes (a card's
// PNG) is there and has the SHA-256 the caller knows from another entry.
// The bytes are hashed as they are read, not held: the run links the
// entry into the output.
func (c *cache) hasFile(key string, sum [sha256.Size]byte) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	c.use(key)
	c.mu.Unlock()
	if !realFile(c.st.out, cacheDir+"/"+key) {
		return false
	}
	f, err := os.Open(c.path(key))
	if err != nil {
		return false
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil || !bytes.Equal(h.Sum(nil), sum[:]) {
		return false
	}
	c.mu.Lock()
	c.hits[key] = true
	c.mu.Unlock()
	c.st.know(c.path(key), sum)
	return true
}

// putFile keeps data, whose SHA-256 is sum, as its bare bytes, for
// hasFile, and returns where the next generation holds it ("" when it
// could not be written), so that the run may link its artifact to it
// instead of holding the bytes.
func (c *cache) putFile(key string, data []byte, sum [sha256.Size]byte) string {
	if c == nil {
		return ""
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.use(key)
	if c.hits[key] {
		return ""
	}
	rel := cacheDir + "/" + key
	if !c.st.writeAside(rel, data) {
		return ""
	}
	p := filepath.Join(c.st.tmp, filepath.FromSlash(rel))
	c.st.know(p, sum)
	return p
}

func (c *cache) put(key string, data []byte) {
	if c == nil {
		return
	}
	sum := sha256.Sum256(data)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.use(key)
	if c.hits[key] {
		return
	}
	// A cache entry is not an artifact: it is neither in SHA256SUMS nor in
	// the manifest, and a failure to keep it costs only time.
	c.st.writeAside(cacheDir+"/"+key, append(sum[:], data...))
}

// keep links into the next generation the entries this run used, and
// every entry of the kinds it did not use: a run of the site alone keeps
// the square and portrait cards and the offprints for the next full
// compile. Entries of a used kind that the run did not hit are stale (a
// text changed) and are dropped.
func (c *cache) keep() {
	if c == nil {
		return
	}
	keys := make([]string, 0, len(c.hits))
	for k := range c.hits {
		keys = append(keys, k)
	}
	for _, kind := range kinds {
		if c.used[kind] || !realDir(c.st.out, cacheDir+"/"+kind) {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(c.dir, kind))
		if err != nil {
			continue
		}
		for _, e := range entries {
			if isKeyName(e.Name()) {
				keys = append(keys, kind+"/"+e.Name()) // st.keep takes regular files only
			}
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		c.st.keep(cacheDir + "/" + k)
	}
}

// isKeyName tells a cache entry's name: the 64 hex digits of its key.
func isKeyName(s string) bool {
	if len(s) != 2*sha256.Size {
		return false
	}
	for _, r := range s {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return false
		}
	}
	return true
}

// realDir tells whether rel is a folder under dir through real folders,
// no symbolic link on the way.
func realDir(dir, rel string) bool {
	p := dir
	for _, part := range strings.Split(rel, "/") {
		p = filepath.Join(p, part)
		st, err := os.Lstat(p)
		if err != nil || !st.IsDir() {
			return false
		}
	}
	return true
}

// settings is the part of the book every card and offprint depends on:
// everything but the contributions and the editor's texts.
func settings(b *book.Book) []byte {
	s := *b
	s.Contributions, s.Introduction, s.Afterword, s.Fields = nil, nil, nil, nil
	// Where the book is is not what it is: --book ./x and --book /abs/x
	// share their cache.
	s.Root = ""
	raw, _ := json.Marshal(s)
	return raw
}

// fileBytes reads book-relative files for keys; a missing file hashes as
// empty (the renderer reports it).
func fileBytes(files fs.FS, paths ...string) []byte {
	var b bytes.Buffer
	for _, p := range paths {
		if p == "" {
			continue
		}
		raw, _ := fs.ReadFile(files, p)
		fmt.Fprintf(&b, "%s\x00%d\x00", p, len(raw))
		b.Write(raw)
	}
	return b.Bytes()
}
