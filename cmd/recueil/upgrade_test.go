package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUpgradeWorkflows: a book made by a development build is pinned to
// the latest release; a released recueil moves init's workflows to its own
// version, says so in the book's language, leaves other workflows alone,
// and does nothing the second time.
func TestUpgradeWorkflows(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "livre")
	var out, errb bytes.Buffer
	if code := run([]string{"recueil", "init", dir}, &out, &errb); code != 0 {
		t.Fatalf("init: exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "version de développement") {
		t.Errorf("init of a development build does not say what it pinned:\n%s", errb.String())
	}
	wf := filepath.Join(dir, ".github", "workflows")
	other := []byte("name: mine\n# uses: recueil/recueil@v0.0.1\n")
	if err := os.WriteFile(filepath.Join(wf, "mine.yml"), other, 0o644); err != nil {
		t.Fatal(err)
	}

	out.Reset()
	errb.Reset()
	if code := run([]string{"recueil", "upgrade-workflows", "--book", dir}, &out, &errb); code != exitUsage || !strings.Contains(errb.String(), "version de développement") {
		t.Errorf("a development build: exit %d, %s", code, errb.String())
	}

	releaseVersion = "v9.8.7"
	t.Cleanup(func() { releaseVersion = "" })
	out.Reset()
	errb.Reset()
	if code := run([]string{"recueil", "upgrade-workflows", "--book", dir}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, name := range []string{"check.yml", "draft.yml", "release.yml"} {
		p := filepath.Join(wf, name)
		if want := p + " : recueil v0.1.0 → v9.8.7\n"; !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
		b, _ := os.ReadFile(p)
		if !bytes.Contains(b, []byte("uses: recueil/recueil@v9.8.7\n")) || !bytes.Contains(b, []byte("version: v9.8.7\n")) || bytes.Contains(b, []byte("v0.1.0")) {
			t.Errorf("%s not upgraded:\n%s", name, b)
		}
	}
	if !strings.Contains(errb.String(), "3 workflows mis à jour") {
		t.Errorf("summary: %s", errb.String())
	}
	if b, _ := os.ReadFile(filepath.Join(wf, "mine.yml")); !bytes.Equal(b, other) {
		t.Errorf("a workflow init did not write was changed:\n%s", b)
	}
	if strings.Contains(out.String(), "mine.yml") {
		t.Errorf("mine.yml reported: %s", out.String())
	}
	entries, _ := os.ReadDir(wf)
	if len(entries) != 4 {
		t.Errorf("%d files in .github/workflows (a temporary file left?)", len(entries))
	}

	out.Reset()
	errb.Reset()
	if code := run([]string{"recueil", "upgrade-workflows", "--book", dir}, &out, &errb); code != 0 || out.Len() != 0 || !strings.Contains(errb.String(), "déjà recueil v9.8.7") {
		t.Errorf("second run: exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}

	// An older recueil never moves the pins back.
	before, _ := os.ReadFile(filepath.Join(wf, "check.yml"))
	releaseVersion = "v9.8.6"
	out.Reset()
	errb.Reset()
	if code := run([]string{"recueil", "upgrade-workflows", "--book", dir}, &out, &errb); code != 0 || out.Len() != 0 ||
		!strings.Contains(errb.String(), "check.yml utilise recueil v9.8.7, plus récent que ce recueil (v9.8.6) : laissé tel quel.") {
		t.Errorf("older recueil: exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
	if after, _ := os.ReadFile(filepath.Join(wf, "check.yml")); !bytes.Equal(before, after) {
		t.Errorf("an older recueil changed check.yml")
	}
}

// TestUpgradeWithoutWorkflows: a book without .github/workflows is told
// so in words, not with the system's English.
func TestUpgradeWithoutWorkflows(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "livre")
	var out, errb bytes.Buffer
	if code := run([]string{"recueil", "init", dir}, &out, &errb); code != 0 {
		t.Fatalf("init: exit %d: %s", code, errb.String())
	}
	if err := os.RemoveAll(filepath.Join(dir, ".github")); err != nil {
		t.Fatal(err)
	}
	releaseVersion = "v9.8.7"
	t.Cleanup(func() { releaseVersion = "" })
	errb.Reset()
	code := run([]string{"recueil", "upgrade-workflows", "--book", dir}, &out, &errb)
	if code != exitUsage || !strings.Contains(errb.String(), "n’existe pas : pas de workflows à mettre à jour") || strings.Contains(errb.String(), "no such file") {
		t.Errorf("exit %d: %s", code, errb.String())
	}
}
