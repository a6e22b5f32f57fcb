package pipeline

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// sums reads a SHA256SUMS file into path -> hash.
func readSums(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		h, p, ok := strings.Cut(sc.Text(), "  ")
		if ok {
			m[p] = h
		}
	}
	return m
}

func fileHash(t *testing.T, p string) string {
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(raw)
	return hex.EncodeToString(h[:])
}

// TestKilledCompileLeavesOutputWhole kills `recueil compile` at random
// moments, many times, alternating two versions of a book. After each
// kill, every artifact in output/ must be exactly one of the two versions'
// files (never a partial one), and a final run must clean the leftovers.
func TestKilledCompileLeavesOutputWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it many times; run without -short")
	}
	if raceEnabled {
		t.Skip("about the file system, not goroutines: it runs in the plain go test pass")
	}
	bin := filepath.Join(t.TempDir(), "recueil")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/recueil").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "contributions"), 0o755)
	os.WriteFile(filepath.Join(root, "book.yaml"), []byte("title: \"Livre tué\"\nidentifier: \"urn:uuid:11111111-2222-4333-8444-555555555555\"\n"), 0o644)
	for _, n := range []string{"anne-un", "basile-deux", "chloe-trois"} {
		os.WriteFile(filepath.Join(root, "contributions", n+".md"),
			[]byte("---\nname: "+strings.ReplaceAll(n, "-", " ")+"\nrole: Testeur\nextract: \"Ce texte est assez long.\"\n---\n"+hostileBody+"\n"), 0o644)
	}
	compile := func(epoch string) *exec.Cmd {
		cmd := exec.Command(bin, "--book", root, "compile", "-q", "--jobs", "2")
		cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH="+epoch, "CI=true")
		return cmd
	}
	// The two versions differ by their date: every artifact differs.
	versions := []string{"1795000000", "1800000000"}
	valid := map[string]map[string]bool{} // path -> acceptable hashes
	var elapsed time.Duration
	for _, v := range versions {
		start := time.Now()
		if out, err := compile(v).CombinedOutput(); err != nil {
			t.Fatalf("compile: %v\n%s", err, out)
		}
		elapsed = max(elapsed, time.Since(start))
		for p, h := range readSums(t, filepath.Join(root, "output", "SHA256SUMS")) {
			if valid[p] == nil {
				valid[p] = map[string]bool{}
			}
			valid[p][h] = true
		}
		valid["SHA256SUMS"] = map[string]bool{}
		valid[manifestName] = map[string]bool{}
	}
	for _, v := range versions {
		compile(v).Run()
		for _, f := range []string{"SHA256SUMS", manifestName} {
			valid[f][fileHash(t, filepath.Join(root, "output", f))] = true
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	kills := 0
	for i := 0; i < 40; i++ {
		cmd := compile(versions[i%2])
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(elapsed) + 1)))
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			kills++
		}
		cmd.Wait()
		// The output is one version whole: every file is that version's,
		// and SHA256SUMS lists exactly the artifacts there are.
		sums := readSums(t, filepath.Join(root, "output", "SHA256SUMS"))
		filepath.Walk(filepath.Join(root, "output"), func(p string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return nil
			}
			rel, _ := filepath.Rel(filepath.Join(root, "output"), p)
			rel = filepath.ToSlash(rel)
			if strings.HasPrefix(rel, cacheDir+"/") {
				// The cache, whose entries carry their own checksum: not
				// artifacts.
				return nil
			}
			if ok := valid[rel]; ok == nil || !ok[fileHash(t, p)] {
				t.Errorf("after kill %d: %s is not a whole artifact of either version", i, rel)
			}
			if h, listed := sums[rel]; rel != "SHA256SUMS" && rel != manifestName && (!listed || h != fileHash(t, p)) {
				t.Errorf("after kill %d: %s is not as SHA256SUMS says", i, rel)
			}
			delete(sums, rel)
			return nil
		})
		for rel := range sums {
			t.Errorf("after kill %d: SHA256SUMS lists %s, which is missing", i, rel)
		}
	}
	if kills < 10 {
		t.Errorf("only %d of 40 runs were killed before finishing", kills)
	}
	if out, err := compile(versions[0]).CombinedOutput(); err != nil {
		t.Fatalf("final compile: %v\n%s", err, out)
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".output.recueil-") {
			t.Errorf("leftover %s after a complete run", e.Name())
		}
	}
	for p, h := range readSums(t, filepath.Join(root, "output", "SHA256SUMS")) {
		if fileHash(t, filepath.Join(root, "output", filepath.FromSlash(p))) != h {
			t.Errorf("%s does not match SHA256SUMS after the final run", p)
		}
	}
}
