package scaffold

import (
	"github.com/recueil/recueil/internal/book"

	"bytes"
	"strings"
	"testing"
)

func TestWorkflowsArePinned(t *testing.T) {
	d := NewData("Livre", "urn:x", bookLimits(), nil)
	d.Recueil = "v1.2.3"
	for _, f := range Shared(d) {
		if !strings.HasPrefix(f.Path, ".github/workflows/") {
			continue
		}
		s := string(f.Data)
		for _, want := range []string{"uses: recueil/recueil@v1.2.3\n", "version: v1.2.3\n", Header} {
			if !strings.Contains(s, want) {
				t.Errorf("%s lacks %q", f.Path, want)
			}
		}
		for _, bad := range []string{"setup-go", "go install", "go build", "uses: ./", "[%", "binaries:"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s of a book holds %q", f.Path, bad)
			}
		}
	}
	d.Recueil = ""
	for _, f := range Shared(d) {
		if strings.HasPrefix(f.Path, ".github/workflows/") && !strings.Contains(string(f.Data), "recueil/recueil@"+LatestRelease+"\n") {
			t.Errorf("%s of a development build is not pinned to %s", f.Path, LatestRelease)
		}
	}
}

func TestUpgrade(t *testing.T) {
	d := NewData("Livre", "urn:x", bookLimits(), nil)
	d.Recueil = "v1.2.3"
	d2 := d
	d2.Recueil = "v1.10.0"
	want := map[string][]byte{}
	for _, f := range Shared(d2) {
		want[f.Path] = f.Data
	}
	for _, f := range Shared(d) {
		if !strings.HasPrefix(f.Path, ".github/workflows/") {
			continue
		}
		got, old := Upgrade(f.Data, "v1.10.0")
		if !bytes.Equal(got, want[f.Path]) || strings.Join(old, ",") != "v1.2.3" {
			t.Errorf("%s: upgrade gave (replaced %v):\n%s", f.Path, old, got)
		}
		again, old := Upgrade(got, "v1.10.0")
		if !bytes.Equal(again, got) || old != nil {
			t.Errorf("%s: a second upgrade changed %v", f.Path, old)
		}
	}
	// A version: line that is not the action's pin is left alone; a file
	// init did not write is never changed.
	in := Header + "\n      - uses: recueil/recueil@v0.9.0\n        with:\n          version: \"v0.9.0\"\n      - uses: other/tool@v2\n        with:\n          version: v0.8.0\n"
	got, old := Upgrade([]byte(in), "v1.0.0")
	wantS := Header + "\n      - uses: recueil/recueil@v1.0.0\n        with:\n          version: \"v1.0.0\"\n      - uses: other/tool@v2\n        with:\n          version: v0.8.0\n"
	if string(got) != wantS || strings.Join(old, ",") != "v0.9.0" {
		t.Errorf("got (%v)\n%s", old, got)
	}
	foreign := strings.TrimPrefix(in, Header+"\n")
	if got, old := Upgrade([]byte(foreign), "v1.0.0"); string(got) != foreign || old != nil {
		t.Errorf("a workflow init did not write was changed")
	}
	src := NewData("Livre", "urn:x", bookLimits(), nil)
	src.Recueil = Source
	for _, f := range Shared(src) {
		if got, old := Upgrade(f.Data, "v1.0.0"); !bytes.Equal(got, f.Data) || old != nil {
			t.Errorf("%s in source mode was changed", f.Path)
		}
	}
}

func bookLimits() book.Limits { return book.Defaults().Limits }

func TestNewer(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"v1.10.0", "v1.9.2", true}, {"v1.9.2", "v1.10.0", false}, {"v2.0.0", "v1.99.99", true},
		{"v1.0.0", "v1.0.0", false}, {"v1.0.0", "v1.0.0-rc.1", true}, {"v1.0.0-rc.1", "v1.0.0", false},
		{"v1.0.0-rc.2", "v1.0.0-rc.1", true}, {"main", "v1.0.0", false}, {"v1.0.0", "main", false},
	} {
		if got := Newer(c.a, c.b); got != c.want {
			t.Errorf("Newer(%s, %s) = %v", c.a, c.b, got)
		}
	}
}
