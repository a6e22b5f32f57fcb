package serve

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const body = "Ce texte est assez long pour passer la limite de mots. Ce texte est assez long pour passer la limite de mots. Ce texte est assez long pour passer la limite de mots. Ce texte est assez long pour passer la limite de mots. Ce texte est assez long pour passer la limite de mots. Ce texte est assez long pour passer la limite de mots. Ce texte est assez long pour passer la limite de mots. Ce texte est assez long pour passer la limite de mots."

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	r, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return r.StatusCode, string(b)
}

// TestServeRebuildsAndReloads: the page is served on 127.0.0.1; after a
// contribution is edited, the new page is served and the reload endpoint
// says a new build is there; nothing outside output/site is served; Ctrl-C
// (the context) stops the server.
func TestServeRebuildsAndReloads(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "contributions"), 0o755)
	os.WriteFile(filepath.Join(root, "book.yaml"), []byte("title: \"Livre servi\"\nidentifier: \"urn:uuid:11111111-2222-4333-8444-555555555555\"\ndate: 2026-11-21\n"), 0o644)
	page := filepath.Join(root, "contributions", "anne-un.md")
	os.WriteFile(page, []byte("---\nname: Anne Un\nrole: Testeuse\n---\n"+body+"\n"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	var log strings.Builder
	go func() {
		done <- Run(ctx, Options{Compile: pipelineOptions(root), Log: &logWriter{&log}, Ready: func(a string) { ready <- a }})
	}()
	var addr string
	select {
	case addr = <-ready:
	case <-time.After(60 * time.Second):
		t.Fatal("serve never became ready")
	}
	if !strings.HasPrefix(addr, "http://127.0.0.1:") {
		t.Fatalf("serving on %s", addr)
	}
	code, html := get(t, addr+"anne-un.html")
	if code != 200 || !strings.Contains(html, "Anne Un") || !strings.Contains(html, "var g=1;") {
		t.Fatalf("first page: %d\n%.400s", code, html)
	}
	if code, _ := get(t, addr+"../book.yaml"); code == 200 {
		t.Error("a file outside output/site was served")
	}
	os.WriteFile(page, []byte("---\nname: Anne Deux\nrole: Testeuse\n---\n"+body+"\n"), 0o644)
	deadline := time.Now().Add(60 * time.Second)
	for {
		_, html = get(t, addr+"anne-un.html")
		if strings.Contains(html, "Anne Deux") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page was not rebuilt after the edit:\n%s", log.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	if _, gen := get(t, addr+"_recueil/wait?gen=1"); gen == "1" {
		t.Error("the reload endpoint does not see the new build")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on cancel")
	}
	// The book is French (no language: the default): serve says so in French.
	logMu.Lock()
	said := log.String()
	logMu.Unlock()
	if !strings.Contains(said, "édition web servie sur http://127.0.0.1:") || !strings.Contains(said, " : édition web reconstruite") || strings.Contains(said, "rebuilt") {
		t.Errorf("serve's lines for a French book:\n%s", said)
	}
}
