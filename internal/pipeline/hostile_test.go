package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/recueil/recueil/internal/typo"
)

// The catalogue of hostile inputs (issue 6): each case is a small book with
// one bad contribution and the findings it must produce. Static cases live
// in testdata/hostile/*.txtar (first line: "want FILE:LINE:COL RULE");
// generated ones (large, binary, symlinks, forged images) are built below.

const hostileBody = "Ce texte est assez long pour passer la limite de mots. Ce texte est assez long pour passer la limite de mots. Ce texte est assez long pour passer la limite de mots. Ce texte est assez long pour passer la limite de mots. Ce texte est assez long pour passer la limite de mots. Ce texte est assez long pour passer la limite de mots. Ce texte est assez long pour passer la limite de mots. Ce texte est assez long pour passer la limite de mots."

const hostileBook = "title: \"Livre hostile\"\nidentifier: \"urn:uuid:11111111-2222-4333-8444-555555555555\"\ndate: 2026-11-21\n"

const hostileFM = "---\nname: Jean Exemple\nrole: Testeur\n"

type hostileCase struct {
	name  string
	files map[string][]byte
	links map[string]string // symlinks: path -> target
	want  []string          // "file:line:col rule"
}

func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	chunk("IHDR", ihdr)
	chunk("IEND", nil)
	return b.Bytes()
}

func smallJPEG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for i := range img.Pix {
		img.Pix[i] = uint8(i)
	}
	img.Set(3, 3, color.White)
	var b bytes.Buffer
	jpeg.Encode(&b, img, nil)
	return b.Bytes()
}

func generatedCases() []hostileCase {
	c := func(name string, md string, want ...string) hostileCase {
		return hostileCase{name: name, files: map[string][]byte{"contributions/x.md": []byte(md)}, want: want}
	}
	photo := func(name string, img []byte, want string) hostileCase {
		hc := c(name, hostileFM+"photo: photos/p.png\n---\n"+hostileBody+"\n", want)
		hc.files["contributions/photos/p.png"] = img
		return hc
	}
	jpg := smallJPEG()
	cases := []hostileCase{
		c("ten-megabytes", hostileFM+"---\n"+strings.Repeat(hostileBody+"\n\n", 10<<20/len(hostileBody)), "contributions/x.md:1:1 file-too-large"),
		c("word-100000", hostileFM+"---\n"+hostileBody+" "+strings.Repeat("a", 100000)+"\n", "contributions/x.md:5:1 long-word"),
		c("lists-10000-deep", hostileFM+"---\n"+hostileBody+"\n\n"+strings.Repeat("- ", 10000)+"x\n", "contributions/x.md:7:17 too-deep"),
		c("quotes-10000-deep", hostileFM+"---\n"+hostileBody+"\n\n"+strings.Repeat(">", 10000)+" x\n", "contributions/x.md:7:9 too-deep"),
		// 20,000 '[' in one paragraph: each may open a bracketed span; the
		// span parser looks at most 2000 bytes ahead. (A single word of
		// 200,000 '[' tests the typesetter's long words instead, slow
		// under the race detector before this parser existed.)
		c("brackets-20000", hostileFM+"---\n"+hostileBody+"\n\n"+strings.Repeat("[a ", 20000)+"x]{lang=en}\n", "contributions/x.md:5:1 too-long"),
		c("note-calls-20000", hostileFM+"---\n"+hostileBody+"\n\n"+strings.Repeat("x[^a] ", 20000)+"\n", "contributions/x.md:7:2 note-undefined"),
		c("table-3000-columns", hostileFM+"---\n"+hostileBody+"\n\n"+strings.Repeat("| a ", 3000)+"|\n"+strings.Repeat("|---", 3000)+"|\n"+strings.Repeat("| mot ", 3000)+"|\n"),
		c("binary", "\x7fELF\x02\x01\x01\x00\x00\x00binary", "contributions/x.md:1:8 binary-file"),
		c("nul-bytes", hostileFM+"---\nUn texte\x00avec NUL. "+hostileBody+"\n", "contributions/x.md:5:9 binary-file"),
		c("invalid-utf8", hostileFM+"---\nCaf\xe9 "+hostileBody+"\n", "contributions/x.md:5:4 invalid-utf8"),
		photo("photo-forged-size", pngHeader(100000, 100000), "contributions/x.md:4:8 photo-too-large"),
		photo("photo-truncated-jpeg", jpg[:len(jpg)/2], "contributions/x.md:4:8 photo-unreadable"),
		photo("photo-gif-named-png", []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"), "contributions/x.md:4:8 photo-unreadable"),
		photo("photo-svg-named-png", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "contributions/x.md:4:8 photo-unreadable"),
		{name: "case-only-names", files: map[string][]byte{
			"contributions/jean.md": []byte(hostileFM + "---\n" + hostileBody + "\n"),
			"contributions/Jean.md": []byte("---\nname: Autre Jean\nrole: Testeur\n---\n" + hostileBody + "\n"),
		}, want: []string{"contributions/jean.md:1:1 duplicate-slug", "contributions/Jean.md:1:1 bad-filename"}},
		{name: "photo-symlink-out", files: map[string][]byte{
			"contributions/x.md": []byte(hostileFM + "photo: photos/p.jpg\n---\n" + hostileBody + "\n"),
			"secret.jpg":         jpg,
		}, links: map[string]string{"contributions/photos/p.jpg": "../../secret.jpg"},
			want: []string{"contributions/x.md:4:8 photo-outside"}},
		{name: "contribution-symlink", files: map[string][]byte{"elsewhere.md": []byte(hostileFM + "---\n" + hostileBody + "\n")},
			links: map[string]string{"contributions/x.md": "../elsewhere.md"},
			want:  []string{"contributions/x.md:1:1 symlink"}},
	}
	return cases
}

func staticCases(t *testing.T) []hostileCase {
	paths, err := filepath.Glob("testdata/hostile/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no hostile cases: %v", err)
	}
	var cases []hostileCase
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		hc := hostileCase{name: strings.TrimSuffix(filepath.Base(p), ".txtar"), files: map[string][]byte{}}
		for _, l := range strings.Split(string(a.Comment), "\n") {
			if w, ok := strings.CutPrefix(l, "want "); ok {
				hc.want = append(hc.want, w)
			}
		}
		for _, f := range a.Files {
			hc.files[f.Name] = f.Data
		}
		cases = append(cases, hc)
	}
	return cases
}

// snapshot hashes every file of the book folder except output/.
func snapshot(t *testing.T, root string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if rel == "output" && d.IsDir() {
			return filepath.SkipDir
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			out[rel] = sha256.Sum256([]byte("link:" + target))
			return nil
		}
		if !d.IsDir() {
			raw, _ := os.ReadFile(p)
			out[rel] = sha256.Sum256(raw)
		}
		return nil
	})
	return out
}

func TestHostileInputs(t *testing.T) {
	cases := append(staticCases(t), generatedCases()...)
	doc, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, hc := range cases {
		t.Run(hc.name, func(t *testing.T) {
			root := t.TempDir()
			if _, ok := hc.files["book.yaml"]; !ok {
				hc.files["book.yaml"] = []byte(hostileBook)
			}
			for p, data := range hc.files {
				full := filepath.Join(root, filepath.FromSlash(p))
				os.MkdirAll(filepath.Dir(full), 0o755)
				if err := os.WriteFile(full, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for p, target := range hc.links {
				full := filepath.Join(root, filepath.FromSlash(p))
				os.MkdirAll(filepath.Dir(full), 0o755)
				if err := os.Symlink(target, full); err != nil {
					t.Fatal(err)
				}
			}
			before := snapshot(t, root)
			done := make(chan struct{})
			var res *Result
			var err error
			go func() {
				defer close(done)
				res, err = Compile(Options{Root: root, Jobs: 2})
			}()
			select {
			case <-done:
			case <-time.After(30 * time.Second): // a hang detector, not a speed target
				t.Fatal("compile did not finish in 30 s")
			}
			if res == nil {
				t.Fatalf("no result: %v", err)
			}
			var got []string
			for _, d := range res.Diags {
				got = append(got, fmt.Sprintf("%s:%d:%d %s", d.File, d.Pos.Line, d.Pos.Col, d.Rule))
				if !bytes.Contains(doc, []byte("`"+d.Rule+"`")) {
					t.Errorf("rule %s is not documented in docs/rules.md", d.Rule)
				}
				if d.Message == "" || d.Rule == "" || d.Pos.Line < 1 || d.Pos.Col < 1 {
					t.Errorf("incomplete finding: %+v", d)
				}
			}
			sort.Strings(got)
			for _, w := range hc.want {
				found := false
				for _, g := range got {
					found = found || g == w
				}
				if !found {
					t.Errorf("want finding %q; got:\n%s", w, strings.Join(got, "\n"))
				}
			}
			after := snapshot(t, root)
			if len(after) != len(before) {
				t.Errorf("files outside output/ changed: %d before, %d after", len(before), len(after))
			}
			for p, h := range before {
				if after[p] != h {
					t.Errorf("%s was modified", p)
				}
			}
			if entries, _ := os.ReadDir(filepath.Join(root, "output")); len(entries) > 0 && err != nil {
				t.Errorf("a failed compile wrote into output/: %v", entries)
			}
		})
	}
}

// BenchmarkHostileLoad reports the time each hostile case takes to check.
func BenchmarkHostileLoad(b *testing.B) {
	for _, hc := range generatedCases() {
		b.Run(hc.name, func(b *testing.B) {
			root := b.TempDir()
			hc.files["book.yaml"] = []byte(hostileBook)
			for p, data := range hc.files {
				full := filepath.Join(root, filepath.FromSlash(p))
				os.MkdirAll(filepath.Dir(full), 0o755)
				os.WriteFile(full, data, 0o644)
			}
			for p, target := range hc.links {
				full := filepath.Join(root, filepath.FromSlash(p))
				os.MkdirAll(filepath.Dir(full), 0o755)
				os.Symlink(target, full)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				Check(Options{Root: root, Jobs: 1})
			}
		})
	}
}

// TestTypoRulesDocumented: every typography rule check can report is in
// docs/rules.md.
func TestTypoRulesDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range typo.Rules() {
		if !bytes.Contains(doc, []byte("`"+r.Code+"`")) {
			t.Errorf("rule %s is not documented in docs/rules.md", r.Code)
		}
	}
}
