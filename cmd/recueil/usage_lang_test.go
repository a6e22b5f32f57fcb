package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A usage error is said in the book's language: recueil's own (a bad
// --only) and urfave/cli's (an unknown option), French for a French book,
// English otherwise.
func TestUsageInBookLanguage(t *testing.T) {
	for _, c := range []struct{ lang, only, flag string }{
		{"fr", "choisissez parmi", "option inconnue : -frobnicate"},
		{"en", "choose among", "flag provided but not defined: -frobnicate"},
	} {
		dir := t.TempDir()
		yaml := "title: \"Livre\"\nidentifier: \"urn:uuid:11111111-2222-4333-8444-555555555555\"\nlanguage: " + c.lang + "\n"
		if err := os.WriteFile(filepath.Join(dir, "book.yaml"), []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Mkdir(filepath.Join(dir, "contributions"), 0o755)
		for args, want := range map[string]string{
			"compile --book " + dir + " --only web":   c.only,
			"compile --book=" + dir + " --frobnicate": c.flag,
		} {
			var out, errb bytes.Buffer
			if code := run(append([]string{"recueil"}, strings.Fields(args)...), &out, &errb); code != exitUsage {
				t.Errorf("%s: %s: exit %d", c.lang, args, code)
			}
			if !strings.Contains(errb.String(), want) {
				t.Errorf("%s: %s: %q, want %q", c.lang, args, errb.String(), want)
			}
		}
	}
}
