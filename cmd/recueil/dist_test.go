package main

import (
	"archive/tar"
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDistReproducible: two runs of scripts/dist.sh (make dist) give the
// same archives, byte for byte, and the binary inside says its version.
// One target here (the others differ only by GOOS/GOARCH).
func TestDistReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("builds recueil twice; run without -short")
	}
	var sums [2]string
	dirs := [2]string{t.TempDir(), t.TempDir()}
	for i, d := range dirs {
		cmd := exec.Command("../../scripts/dist.sh", "v9.8.7", d)
		cmd.Env = append(os.Environ(), "DIST_TARGETS=linux/amd64", "SOURCE_DATE_EPOCH=1795000000")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("dist.sh: %v\n%s", err, out)
		}
		raw, err := os.ReadFile(filepath.Join(d, "SHA256SUMS"))
		if err != nil {
			t.Fatal(err)
		}
		sums[i] = string(raw)
	}
	if sums[0] != sums[1] || !strings.Contains(sums[0], "recueil_9.8.7_linux_amd64.tar.gz") {
		t.Fatalf("two builds differ:\n%s\n%s", sums[0], sums[1])
	}
	f, err := os.Open(filepath.Join(dirs[0], "recueil_9.8.7_linux_amd64.tar.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	bin := filepath.Join(t.TempDir(), "recueil")
	for {
		h, err := tr.Next()
		if err != nil {
			break
		}
		if h.Uid != 0 || h.Gid != 0 || h.ModTime.Unix() != 1795000000 {
			t.Errorf("%s: owner %d:%d, time %v", h.Name, h.Uid, h.Gid, h.ModTime)
		}
		if strings.HasSuffix(h.Name, "/recueil") {
			out, _ := os.Create(bin)
			if _, err := out.ReadFrom(tr); err != nil {
				t.Fatal(err)
			}
			out.Close()
			os.Chmod(bin, 0o755)
		}
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil || !strings.Contains(string(out), "v9.8.7") {
		t.Errorf("recueil --version: %q %v", out, err)
	}
}
