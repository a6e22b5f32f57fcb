package pipeline

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/cards"
)

// copyBook copies the sample book's sources into a temporary folder.
func copyBook(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	for _, p := range []string{"book.yaml", "contributions", "editorial"} {
		if out, err := exec.Command("cp", "-r", filepath.Join(sampleRoot, p), dst).CombinedOutput(); err != nil {
			t.Fatalf("cp: %v %s", err, out)
		}
	}
	return dst
}

// TestWarmBuild: after one contribution changed, a compile draws only that
// contributor's cards, and its output is byte for byte that of a cold build
// of the same sources. Offprints are never drawn: every one is cut out of
// the book's PDF, or linked from the cache when its pages did not change
// (TestOffprintsKept).
func TestWarmBuild(t *testing.T) {
	root := copyBook(t)
	opts := Options{Root: root, Jobs: 2, Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})}
	cold, err := Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	n := len(cold.Book.Published())
	if cold.Rendered.Cards != n || cold.Rendered.Offprints != 0 {
		t.Fatalf("cold build drew %+v, want %d cards and no offprint", cold.Rendered, n)
	}
	again, err := Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	if again.Rendered.Cards != 0 || again.Rendered.Offprints != 0 {
		t.Errorf("unchanged build drew %+v, want nothing", again.Rendered)
	}
	if again.Diags.Text() != cold.Diags.Text() {
		t.Errorf("findings differ from a cold build:\n%s\n%s", again.Diags.Text(), cold.Diags.Text())
	}
	// The unchanged cards are linked from the cache, not written again.
	slug := cold.Book.Published()[0].Slug
	card, err := os.Stat(filepath.Join(root, "output", "cards", slug+".png"))
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := filepath.Glob(filepath.Join(root, "output", ".cache", "card-wide", "*"))
	linked := false
	for _, e := range entries {
		if st, err := os.Stat(e); err == nil && os.SameFile(st, card) {
			linked = true
		}
	}
	if !linked {
		t.Errorf("the warm build wrote cards/%s.png again instead of linking it from the cache (%d entries)", slug, len(entries))
	}
	// The site's copy of the card is the card.
	if st, err := os.Stat(filepath.Join(root, "output", "site", "cards", slug+".png")); err != nil || !os.SameFile(st, card) {
		t.Errorf("site/cards/%s.png is not cards/%s.png linked (%v)", slug, slug, err)
	}
	// The same book named by another path (--book ./x and --book /abs/x)
	// shares the cache.
	wd, _ := os.Getwd()
	rel, err := filepath.Rel(wd, root)
	if err != nil {
		t.Fatal(err)
	}
	byRel := opts
	byRel.Root = rel
	if res, err := Compile(byRel); err != nil {
		t.Fatal(err)
	} else if res.Rendered.Cards != 0 {
		t.Errorf("the book named %s drew %d cards again, want none", rel, res.Rendered.Cards)
	}
	// Change one word of the last contribution (its pages only).
	last := cold.Book.Published()[n-1]
	p := filepath.Join(root, filepath.FromSlash(last.Path))
	raw, _ := os.ReadFile(p)
	changed := strings.Replace(string(raw), "\n---\n", "\n---\nAinsi commence ce texte.\n\n", 1)
	if changed == string(raw) {
		t.Fatal("could not change the contribution")
	}
	os.WriteFile(p, []byte(changed), 0o644)
	warm, err := Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	if warm.Rendered.Cards != 0 && warm.Rendered.Cards != 1 || warm.Rendered.Offprints != 0 {
		t.Errorf("after one change the build drew %+v, want at most 1 card and no offprint", warm.Rendered)
	}
	warmSums, _ := os.ReadFile(filepath.Join(root, "output", "SHA256SUMS"))
	coldOut := t.TempDir()
	opts.Out = coldOut
	if _, err := Compile(opts); err != nil {
		t.Fatal(err)
	}
	coldSums, _ := os.ReadFile(filepath.Join(coldOut, "SHA256SUMS"))
	if string(warmSums) != string(coldSums) {
		t.Errorf("warm build differs from a cold one:\n%s\n%s", warmSums, coldSums)
	}
}

// TestPreview writes one contributor's pages (with the book's page
// numbers), a picture of the first page and the cards, and nothing else.
func TestPreview(t *testing.T) {
	need(t, "pdftotext")
	root := copyBook(t)
	res, err := Preview(Options{Root: root, Jobs: 2}, "contributions/violette-exemple.md")
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diags.Text())
	}
	want := []string{"preview/violette-exemple-card-square.png", "preview/violette-exemple-card.png", "preview/violette-exemple-page.png", "preview/violette-exemple.pdf"}
	if strings.Join(res.Files, " ") != strings.Join(want, " ") {
		t.Errorf("files = %v, want %v", res.Files, want)
	}
	pr := res.Pages[0]
	text := runTool(t, "pdftotext", filepath.Join(root, "output", "preview", "violette-exemple.pdf"), "-")
	if !strings.Contains(text, "Violette Exemple") || !strings.Contains(text, "stagiaire") {
		t.Errorf("the preview does not hold the contributor's text:\n%.300s", text)
	}
	if !strings.Contains(text, "\n"+itoa(pr.First)+"\n") {
		t.Errorf("the preview does not show the book's folio %d", pr.First)
	}
	if _, err := os.Stat(filepath.Join(root, "output", "SHA256SUMS")); err == nil {
		t.Error("preview wrote the book's SHA256SUMS")
	}
	if _, err := Preview(Options{Root: root}, "contributions/nobody.md"); err == nil {
		t.Error("preview of a missing file succeeded")
	}
}

func itoa(n int) string { return fmt.Sprint(n) }

// TestDamagedCacheIsAMiss: truncated or altered cache entries are ignored
// and the output is that of a cold build.
func TestDamagedCacheIsAMiss(t *testing.T) {
	root := copyBook(t)
	opts := Options{Root: root, Jobs: 2, Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})}
	cold, err := Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	coldSums, _ := os.ReadFile(filepath.Join(root, "output", "SHA256SUMS"))
	damaged := 0
	filepath.Walk(filepath.Join(root, "output", cacheDir), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			raw, _ := os.ReadFile(p)
			if damaged%2 == 0 {
				raw = raw[:len(raw)/2]
			} else {
				raw[len(raw)-1] ^= 0xff
			}
			os.WriteFile(p, raw, 0o644)
			damaged++
		}
		return nil
	})
	if damaged == 0 {
		t.Fatal("the cold build left no cache entries")
	}
	res, err := Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	n := len(cold.Book.Published())
	if res.Rendered.Cards != n || res.Rendered.Offprints != 0 {
		t.Errorf("with every entry damaged the build drew %+v, want %d cards", res.Rendered, n)
	}
	sums, _ := os.ReadFile(filepath.Join(root, "output", "SHA256SUMS"))
	if string(sums) != string(coldSums) {
		t.Errorf("output differs after damaged cache entries")
	}
}

// The web edition alone draws only the wide cards its pages' previews
// need; a full compile after it draws the others, and its output is byte
// for byte a cold one's.
func TestSiteThenEverything(t *testing.T) {
	root := copyBook(t)
	opts := Options{Root: root, Jobs: 2, Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})}
	site := opts
	site.Only = []string{"site"}
	res, err := Compile(site)
	if err != nil {
		t.Fatal(err)
	}
	art := res.Book.Artifacts()
	slug := res.Book.Published()[0].Slug
	if _, err := os.Stat(filepath.Join(root, "output", "site", "cards", slug+".png")); err != nil {
		t.Errorf("the site has no preview card: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "output", filepath.FromSlash(art.SquareCard(slug)))); err == nil {
		t.Errorf("--only site wrote the square cards")
	}
	if _, err := Compile(opts); err != nil {
		t.Fatal(err)
	}
	warm, _ := os.ReadFile(filepath.Join(root, "output", "SHA256SUMS"))
	opts.Out = t.TempDir()
	if _, err := Compile(opts); err != nil {
		t.Fatal(err)
	}
	cold, _ := os.ReadFile(filepath.Join(opts.Out, "SHA256SUMS"))
	if len(cold) == 0 || string(warm) != string(cold) {
		t.Errorf("after --only site, the full build differs from a cold one:\n%s\n%s", warm, cold)
	}
}

// noLinkFS is a file system without hard links.
type noLinkFS struct{ osFS }

func (noLinkFS) Link(o, n string) error { return fmt.Errorf("no hard links here") }

// TestCardsWrittenOnce: a cold build writes each card once, into the
// cache, as soon as it is drawn, and links cards/ and site/cards/ to that
// entry (the run does not hold the cards' bytes to the end). Where hard
// links fail, the files are copied from the entry: the same bytes, cold
// and warm.
func TestCardsWrittenOnce(t *testing.T) {
	root := tinyBook(t)
	out := filepath.Join(t.TempDir(), "out")
	opts := tinyOpts(root, "1800000000", nil)
	opts.Out = out
	res, err := Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	want := outputState(t, out)
	for _, c := range res.Book.Published() {
		card, err := os.Stat(filepath.Join(out, "cards", c.Slug+".png"))
		if err != nil {
			t.Fatal(err)
		}
		entries, _ := filepath.Glob(filepath.Join(out, ".cache", "card-wide", "*"))
		linked := false
		for _, e := range entries {
			if st, err := os.Stat(e); err == nil && os.SameFile(st, card) {
				linked = true
			}
		}
		if !linked {
			t.Errorf("cold build: cards/%s.png is not the cache's entry linked", c.Slug)
		}
		if st, err := os.Stat(filepath.Join(out, "site", "cards", c.Slug+".png")); err != nil || !os.SameFile(st, card) {
			t.Errorf("cold build: site/cards/%s.png is not cards/%s.png linked (%v)", c.Slug, c.Slug, err)
		}
	}
	copied := tinyOpts(root, "1800000000", noLinkFS{})
	copied.Out = filepath.Join(t.TempDir(), "out")
	for _, run := range []string{"cold", "warm"} {
		if _, err := Compile(copied); err != nil {
			t.Fatalf("%s build without hard links: %v", run, err)
		}
		got := outputState(t, copied.Out)
		for f, h := range want {
			if got[f] != h {
				t.Errorf("%s build without hard links: %s differs (%q, want %q)", run, f, got[f], h)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s build without hard links: %d files, want %d", run, len(got), len(want))
		}
	}
}

// TestCacheKeptAcrossOtherOutputs: a run of some outputs keeps the cache
// entries of the others. After a full compile, `--only site` (what serve
// builds) and `--only pdf,epub`, a full compile draws no card and cuts no
// offprint again; before, the first of them dropped the square and
// portrait cards and the offprints, and the second every card.
func TestCacheKeptAcrossOtherOutputs(t *testing.T) {
	root := copyBook(t)
	opts := Options{Root: root, Jobs: 2, Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})}
	if _, err := Compile(opts); err != nil {
		t.Fatal(err)
	}
	for _, only := range [][]string{{"site"}, {"pdf", "epub"}} {
		o := opts
		o.Only = only
		res, err := Compile(o)
		if err != nil {
			t.Fatal(err)
		}
		if res.Rendered.Cards != 0 {
			t.Errorf("--only %s drew %d cards, want none (the wide ones are in the cache)", strings.Join(only, ","), res.Rendered.Cards)
		}
	}
	full, err := Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	if full.Rendered.Cards != 0 || full.Cut != 0 {
		t.Errorf("the full compile after them drew %d cards and cut %d offprints, want none", full.Rendered.Cards, full.Cut)
	}
	// Stale entries still go: a changed text's old cards are dropped by
	// the next run that uses cards.
	before, _ := filepath.Glob(filepath.Join(root, "output", ".cache", "card-square", "*"))
	f := filepath.Join(root, "contributions", full.Book.Published()[0].Path[len("contributions/"):])
	raw, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f, append(raw, []byte("\nUne phrase de plus.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Compile(opts); err != nil {
		t.Fatal(err)
	}
	after, _ := filepath.Glob(filepath.Join(root, "output", ".cache", "card-square", "*"))
	if len(after) != len(before) {
		t.Errorf("card-square holds %d entries after one text changed, want %d (the old one dropped)", len(after), len(before))
	}
}

// TestEveryKindIsKept: every kind of cache entry the pipeline makes is in
// kinds, so that a run of other outputs carries it over (a kind missing
// there is dropped by every run that does not use it).
func TestEveryKindIsKept(t *testing.T) {
	known := map[string]bool{}
	for _, k := range kinds {
		known[k] = true
	}
	for _, name := range cards.SizeNames {
		if !known["card-"+name] {
			t.Errorf("card-%s is not in kinds", name)
		}
	}
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(`\.key\("([a-z-]+)"(\+name)?`) // "card-"+name: the sizes, checked above
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			seen++
			if m[2] != "" {
				if m[1] != "card-" {
					t.Errorf("%s makes cache entries of kinds %q+name, not card-<size>", f, m[1])
				}
				continue
			}
			if !known[m[1]] {
				t.Errorf("%s makes cache entries of kind %q, which is not in kinds", f, m[1])
			}
		}
	}
	if seen < 5 {
		t.Errorf("found %d cache keys in the sources: the scan is broken", seen)
	}
}
