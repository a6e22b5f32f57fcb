package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// offprintBytes reads every published contributor's offprint of res.
func offprintBytes(t *testing.T, res *Result, out string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	for _, c := range res.Book.Published() {
		data, err := os.ReadFile(filepath.Join(out, res.Book.Artifacts().Offprint(c.Slug)))
		if err != nil {
			t.Fatal(err)
		}
		m[c.Slug] = data
	}
	return m
}

// appendTo adds text at the end of a contribution of root.
func appendTo(t *testing.T, root, path, text string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(root, path), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestOffprintsKept: an offprint whose pages did not change is linked
// from the cache, not cut again; a changed contribution's own offprint is
// cut again, and so is every offprint whose pages it moved. After each
// change every offprint is byte for byte a cold build's of the same
// sources: never a stale one.
func TestOffprintsKept(t *testing.T) {
	root := copyBook(t)
	opts := Options{Root: root, Jobs: 2, Only: []string{"extracts"}, Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})}
	out := filepath.Join(root, "output")
	first, err := Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	pub := first.Book.Published()
	n := len(pub)
	if n < 3 || first.Cut != n {
		t.Fatalf("cold build cut %d offprints of %d", first.Cut, n)
	}
	before := offprintBytes(t, first, out)

	again, err := Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	if again.Cut != 0 {
		t.Errorf("unchanged build cut %d offprints, want none", again.Cut)
	}
	for slug, data := range offprintBytes(t, again, out) {
		if !bytes.Equal(data, before[slug]) {
			t.Errorf("unchanged build: extracts/%s.pdf changed", slug)
		}
	}
	// the unchanged offprints are the cache's files, linked
	slug := pub[0].Slug
	st, err := os.Stat(filepath.Join(out, again.Book.Artifacts().Offprint(slug)))
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := filepath.Glob(filepath.Join(out, cacheDir, "offprint-pdf", "*"))
	linked := false
	for _, e := range entries {
		if es, err := os.Stat(e); err == nil && os.SameFile(es, st) {
			linked = true
		}
	}
	if !linked {
		t.Errorf("extracts/%s.pdf is not linked from the cache (%d entries)", slug, len(entries))
	}

	// coldOf compiles the sources as they are into an empty folder.
	coldOf := func() map[string][]byte {
		o := opts
		o.Out = t.TempDir()
		res, err := Compile(o)
		if err != nil {
			t.Fatal(err)
		}
		return offprintBytes(t, res, o.Out)
	}
	check := func(step string, res *Result, prev map[string][]byte) (changed []string, now map[string][]byte) {
		t.Helper()
		now = offprintBytes(t, res, out)
		cold := coldOf()
		for _, c := range res.Book.Published() {
			if !bytes.Equal(now[c.Slug], cold[c.Slug]) {
				t.Errorf("%s: extracts/%s.pdf is not what a cold build writes (stale)", step, c.Slug)
			}
			if !bytes.Equal(now[c.Slug], prev[c.Slug]) {
				changed = append(changed, c.Slug)
			}
		}
		if res.Cut != len(changed) {
			t.Errorf("%s: cut %d offprints, %d changed (%s)", step, res.Cut, len(changed), strings.Join(changed, " "))
		}
		return changed, now
	}

	// A sentence more at the end of the last contribution (letters the
	// book's fonts already have): its offprint alone changes.
	last := pub[n-1]
	appendTo(t, root, last.Path, "\n\net une phrase de plus, la toute dernière de ce texte.\n")
	res, err := Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	changed, now := check("last contribution changed", res, before)
	if len(changed) != 1 || changed[0] != last.Slug {
		t.Errorf("last contribution changed: offprints changed %v, want only %s", changed, last.Slug)
	}

	// Paragraphs more in the first contribution: its pages grow, every
	// later contribution's pages move, and so do their folios.
	var more strings.Builder
	for range 25 {
		more.WriteString("\n\nUne phrase de plus, et une autre encore, pour que le texte passe sur une page de plus que la sienne.")
	}
	appendTo(t, root, pub[0].Path, more.String()+"\n")
	moved, err := Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	if moved.Pages[0].Last == res.Pages[0].Last {
		t.Fatalf("the first contribution (%s) still ends on page %d (%v): the test needs it longer\n%s", pub[0].Path, res.Pages[0].Last, moved.Pages[0], moved.Diags.Text())
	}
	changed, now = check("first contribution longer", moved, now)
	for i, c := range moved.Book.Published() {
		if moved.Pages[i].First != res.Pages[i].First && !strings.Contains(" "+strings.Join(changed, " ")+" ", " "+c.Slug+" ") {
			t.Errorf("%s moved from page %d to %d but its offprint did not change", c.Slug, res.Pages[i].First, moved.Pages[i].First)
		}
	}
	if len(changed) < 2 {
		t.Errorf("first contribution longer: only %v changed", changed)
	}

	// A letter the book never drew, in the last contribution: the body
	// font's subset gains a glyph, and every offprint drawing with that
	// font has another font program, though its pages did not move.
	appendTo(t, root, last.Path, "\n\nEt à Ağrı, une dernière phrase.\n")
	glyph, err := Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	changed, _ = check("a new glyph", glyph, now)
	if len(changed) != n {
		t.Errorf("a new glyph: %d offprints changed, want all %d (%v)", len(changed), n, changed)
	}
}
