package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/go-fonts/liberation/liberationserifregular"

	"github.com/recueil/recueil/internal/book"
)

// faultFS is the real file system, with one step (counted from 1) made to
// fail, to kill the process, or to wait until the test says go on.
type faultFS struct {
	osFS
	n, at int
	kill  bool // kill the process at step at
	pause bool // say "paused" on stdout and wait forever at step at
	steps []string
}

func (f *faultFS) step(op, p string) error {
	f.n++
	f.steps = append(f.steps, op+" "+filepath.Base(p))
	if f.n != f.at {
		return nil
	}
	if f.kill {
		// Process.Kill is SIGKILL on Unix, TerminateProcess on Windows: no
		// deferred call, no cleanup, as when the power goes.
		if p, err := os.FindProcess(os.Getpid()); err == nil {
			p.Kill()
		}
		select {}
	}
	if f.pause {
		fmt.Println("paused", f.steps)
		// Sleep, not select{}: with every goroutine blocked for good the
		// runtime would end the process ("all goroutines are asleep").
		time.Sleep(time.Hour)
	}
	return fmt.Errorf("injected failure of step %d (%s %s)", f.n, op, p)
}

func (f *faultFS) MkdirAll(p string, perm fs.FileMode) error {
	if err := f.step("mkdir", p); err != nil {
		return err
	}
	return f.osFS.MkdirAll(p, perm)
}

func (f *faultFS) MkdirTemp(dir, pat string) (string, error) {
	if err := f.step("mkdirtemp", dir); err != nil {
		return "", err
	}
	return f.osFS.MkdirTemp(dir, pat)
}

func (f *faultFS) Create(p string) (*os.File, error) {
	if err := f.step("create", p); err != nil {
		return nil, err
	}
	return f.osFS.Create(p)
}

func (f *faultFS) Link(o, n string) error {
	if err := f.step("link", n); err != nil {
		return err
	}
	return f.osFS.Link(o, n)
}

func (f *faultFS) Rename(o, n string) error {
	if err := f.step("rename", n); err != nil {
		return err
	}
	return f.osFS.Rename(o, n)
}

func (f *faultFS) Exchange(a, b string) error {
	if err := f.step("exchange", b); err != nil {
		return err
	}
	return f.osFS.Exchange(a, b)
}

func (f *faultFS) RemoveAll(p string) error {
	if err := f.step("removeall", p); err != nil {
		return err
	}
	return f.osFS.RemoveAll(p)
}

func (f *faultFS) Sync(dir string) error {
	if err := f.step("sync", dir); err != nil {
		return err
	}
	return f.osFS.Sync(dir)
}

func (f *faultFS) SyncDir(dir string) error {
	if err := f.step("syncdir", dir); err != nil {
		return err
	}
	return f.osFS.SyncDir(dir)
}

// tinyBook writes a three-contribution book, one of them with a photo.
func tinyBook(t testing.TB) string {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "contributions", "photos"), 0o755)
	os.WriteFile(filepath.Join(root, "book.yaml"), []byte("title: \"Livre de la reprise\"\nidentifier: \"urn:uuid:11111111-2222-4333-8444-555555555555\"\n"), 0o644)
	for _, n := range []string{"anne-un", "basile-deux", "chloe-trois"} {
		os.WriteFile(filepath.Join(root, "contributions", n+".md"),
			[]byte("---\nname: "+strings.ReplaceAll(n, "-", " ")+"\nrole: Testeur\nextract: \"Ce texte est assez long.\"\n---\n"+hostileBody+"\n"), 0o644)
	}
	return root
}

// compiledTinyBook is tinyBook compiled once (version 1795000000), with
// its output folder and that output's state.
func compiledTinyBook(t *testing.T) (root, out string, old map[string]string) {
	t.Helper()
	root = tinyBook(t)
	out = filepath.Join(root, "output")
	if _, err := Compile(tinyOpts(root, "1795000000", nil)); err != nil {
		t.Fatal(err)
	}
	return root, out, outputState(t, out)
}

func tinyOpts(root, epoch string, f commitFS) Options {
	return Options{Root: root, Jobs: 2, fs: f, Env: env(map[string]string{"SOURCE_DATE_EPOCH": epoch})}
}

// outputState is every file of an output folder (the cache aside) with
// its hash, after checking that SHA256SUMS is true and lists exactly the
// artifacts there are.
func outputState(t *testing.T, out string) map[string]string {
	t.Helper()
	state := map[string]string{}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if rel == cacheDir {
			return fs.SkipDir
		}
		if !d.IsDir() {
			state[rel] = fileHash(t, p)
		}
		return nil
	})
	sums := readSums(t, filepath.Join(out, "SHA256SUMS"))
	for rel, h := range state {
		if rel != "SHA256SUMS" && rel != manifestName && sums[rel] != h {
			t.Errorf("%s is not as SHA256SUMS says", rel)
		}
	}
	for rel := range sums {
		if _, ok := state[rel]; !ok {
			t.Errorf("SHA256SUMS lists %s, which is missing", rel)
		}
	}
	return state
}

func sameState(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestCommitStepFails makes each file system step of a compile fail in
// turn, from the first folder made to the removal of the previous
// generation: the output is every time the old one or the new one, whole.
func TestCommitStepFails(t *testing.T) {
	if raceEnabled {
		t.Skip("about the file system, not goroutines: it runs in the plain go test pass; under -race it would take minutes")
	}
	root, out, old := compiledTinyBook(t)
	count := &faultFS{}
	if _, err := Compile(tinyOpts(root, "1800000000", count)); err != nil {
		t.Fatal(err)
	}
	next := outputState(t, out)
	if sameState(old, next) {
		t.Fatal("the two versions have the same output: the test proves nothing")
	}
	if count.n < 20 {
		t.Fatalf("only %d steps counted: %v", count.n, count.steps)
	}
	for _, s := range []string{"exchange", "sync", "removeall"} {
		if !strings.Contains(strings.Join(count.steps, "\n"), s+" ") {
			t.Errorf("the commit never went through %s: %v", s, count.steps)
		}
	}
	isOld := true
	for at := 1; at <= count.n; at++ {
		if !isOld {
			if _, err := Compile(tinyOpts(root, "1795000000", nil)); err != nil {
				t.Fatal(err)
			}
		}
		f := &faultFS{at: at}
		_, err := Compile(tinyOpts(root, "1800000000", f))
		got := outputState(t, out)
		switch {
		case sameState(got, old):
			isOld = true
			if err == nil {
				t.Errorf("step %d (%s) failed, the output is the old one, and compile said nothing", at, f.steps[at-1])
			}
		case sameState(got, next):
			isOld = false
		default:
			t.Fatalf("step %d (%s) failed and the output is neither version whole (err %v)", at, f.steps[at-1], err)
		}
	}
	// A run after all this leaves nothing of the failed ones beside the
	// output.
	if _, err := Compile(tinyOpts(root, "1800000000", nil)); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".output.") {
			t.Errorf("leftover %s", e.Name())
		}
	}
}

// TestCommitKilled kills compile at each step of its commit (in a child
// process whose file system calls SIGKILL at that step); the output is
// each time whole, and the next run completes the work.
func TestCommitKilled(t *testing.T) {
	if raceEnabled {
		t.Skip("about the file system, not goroutines: it runs in the plain go test pass; under -race it would take minutes")
	}
	if os.Getenv("RECUEIL_KILL_AT") != "" {
		return // the child, run by killedChild
	}
	root, out, old := compiledTinyBook(t)
	count := &faultFS{}
	if _, err := Compile(tinyOpts(root, "1800000000", count)); err != nil {
		t.Fatal(err)
	}
	next := outputState(t, out)
	// The commit's steps are the last ones: from the sync on.
	first := 0
	for i, s := range count.steps {
		if strings.HasPrefix(s, "sync ") {
			first = i + 1
		}
	}
	if first == 0 {
		t.Fatalf("no sync step: %v", count.steps)
	}
	for at := first; at <= count.n; at++ {
		if _, err := Compile(tinyOpts(root, "1795000000", nil)); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledChild$")
		cmd.Env = append(os.Environ(), "RECUEIL_KILL_AT="+strconv.Itoa(at), "RECUEIL_KILL_BOOK="+root)
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("step %d (%s): the child was not killed: %v", at, count.steps[at-1], err)
		}
		got := outputState(t, out)
		if !sameState(got, old) && !sameState(got, next) {
			t.Fatalf("killed at step %d (%s): the output is neither version whole", at, count.steps[at-1])
		}
		if _, err := Compile(tinyOpts(root, "1800000000", nil)); err != nil {
			t.Fatalf("the run after a kill at step %d: %v", at, err)
		}
		if !sameState(outputState(t, out), next) {
			t.Fatalf("the run after a kill at step %d did not make the new output", at)
		}
	}
}

// TestKilledChild is TestCommitKilled's child process.
func TestKilledChild(t *testing.T) {
	at, err := strconv.Atoi(os.Getenv("RECUEIL_KILL_AT"))
	if err != nil {
		return // not a child: nothing to do
	}
	pause := os.Getenv("RECUEIL_PAUSE") != ""
	Compile(tinyOpts(os.Getenv("RECUEIL_KILL_BOOK"), "1800000000", &faultFS{at: at, kill: !pause, pause: pause}))
	t.Fatal("the child was not killed")
}

// TestSecondCompileRefused: while a compile holds the output (here, a
// child process stopped in the middle of its run), a second one is
// refused with a usage error and touches nothing.
func TestSecondCompileRefused(t *testing.T) {
	root, out, old := compiledTinyBook(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledChild$")
	// The child waits at its third step, in the middle of its run, with
	// the lock held.
	cmd.Env = append(os.Environ(), "RECUEIL_KILL_AT=3", "RECUEIL_PAUSE=1", "RECUEIL_KILL_BOOK="+root)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	sc := bufio.NewScanner(stdout)
	var said []string
	for sc.Scan() && !strings.HasPrefix(sc.Text(), "paused") {
		said = append(said, sc.Text())
	}
	t.Log(sc.Text())
	if !strings.HasPrefix(sc.Text(), "paused") {
		t.Fatalf("the child did not pause: %s", strings.Join(said, "\n"))
	}
	_, err := Compile(tinyOpts(root, "1800000000", nil))
	var ue *UsageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "another recueil") {
		t.Errorf("a second compile gave %v, want a usage error about the other run", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if !sameState(outputState(t, out), old) {
		t.Error("the refused compile changed the output")
	}
}

// TestOutputFolderIsOurs: symbolic links inside the output are never
// followed, a folder of the user's is refused, and --only keeps the other
// artifacts with a true SHA256SUMS.
func TestOutputFolderIsOurs(t *testing.T) {
	root := tinyBook(t)
	out := filepath.Join(root, "output")
	if _, err := Compile(tinyOpts(root, "1795000000", nil)); err != nil {
		t.Fatal(err)
	}
	// A pull request replaces output/cards and output/.cache with links
	// to folders of the book, and output/share.json with one to a secret.
	victim := filepath.Join(root, "contributions")
	before := snapshot(t, root+"/contributions")
	secret := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(secret, []byte("TOKEN"), 0o600)
	for _, l := range []struct{ name, target string }{{"cards", victim}, {cacheDir, victim}, {"extracts", t.TempDir()}} {
		os.RemoveAll(filepath.Join(out, l.name))
		if err := os.Symlink(l.target, filepath.Join(out, l.name)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Compile(tinyOpts(root, "1800000000", nil)); err != nil {
		t.Fatal(err)
	}
	after := snapshot(t, root+"/contributions")
	if len(before) != len(after) {
		t.Errorf("compile changed contributions/ through a link: %d files before, %d after", len(before), len(after))
	}
	for p, h := range before {
		if after[p] != h {
			t.Errorf("compile changed %s through a link", p)
		}
	}
	for _, d := range []string{"cards", "extracts", cacheDir} {
		st, err := os.Lstat(filepath.Join(out, d))
		if err != nil || !st.IsDir() {
			t.Errorf("output/%s is not a real folder after compile: %v", d, err)
		}
	}
	state := outputState(t, out)

	// --only pdf remakes the PDF, its print edition and cover, and keeps
	// the rest as it was.
	if _, err := Compile(Options{Root: root, Only: []string{"pdf"}, Env: env(map[string]string{"SOURCE_DATE_EPOCH": "1795000000"})}); err != nil {
		t.Fatal(err)
	}
	only := outputState(t, out)
	for rel, h := range state {
		switch {
		case rel == manifestName: // the same names
		case rel == "livre-de-la-reprise.pdf" || rel == "livre-de-la-reprise-print.pdf" || rel == "livre-de-la-reprise-cover.pdf" || rel == "SHA256SUMS":
			if only[rel] == h {
				t.Errorf("--only pdf did not remake %s", rel)
			}
		case only[rel] != h:
			t.Errorf("--only pdf changed or removed %s", rel)
		}
	}

	// The output folder itself a link, or a file: usage errors.
	linked := filepath.Join(t.TempDir(), "out")
	os.Symlink(t.TempDir(), linked)
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, []byte("mine"), 0o644)
	// A folder of the user's, with their files in cards/.
	user := t.TempDir()
	os.MkdirAll(filepath.Join(user, "cards"), 0o755)
	os.WriteFile(filepath.Join(user, "cards", "holiday.png"), []byte("mine"), 0o644)
	for _, o := range []string{linked, file, user, "/dev/null"} {
		opts := tinyOpts(root, "1795000000", nil)
		opts.Out = o
		_, err := Compile(opts)
		var ue *UsageError
		if !errors.As(err, &ue) {
			t.Errorf("--out %s: %v, want a usage error", o, err)
		}
	}
	if raw, err := os.ReadFile(filepath.Join(user, "cards", "holiday.png")); err != nil || string(raw) != "mine" {
		t.Errorf("the user's file was touched: %q %v", raw, err)
	}
	if raw, _ := os.ReadFile(file); string(raw) != "mine" {
		t.Error("the user's file given as --out was touched")
	}
	// An empty folder of the user's is fine.
	opts := tinyOpts(root, "1795000000", nil)
	opts.Out = t.TempDir()
	if _, err := Compile(opts); err != nil {
		t.Errorf("--out an empty folder: %v", err)
	}
}

// TestLegacyOutputAccepted: an output folder written before the manifest
// existed is recognised by its SHA256SUMS; one with a stranger's file in
// it is not.
func TestLegacyOutputAccepted(t *testing.T) {
	root := tinyBook(t)
	out := filepath.Join(root, "output")
	if _, err := Compile(tinyOpts(root, "1795000000", nil)); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(out, manifestName))
	os.MkdirAll(filepath.Join(out, tmpPrefix+"123"), 0o755)
	os.MkdirAll(filepath.Join(out, "preview"), 0o755) // an older recueil preview's files
	os.WriteFile(filepath.Join(out, "preview", "anne-un.pdf"), []byte("%PDF"), 0o644)
	if _, err := Compile(tinyOpts(root, "1795000000", nil)); err != nil {
		t.Errorf("an output without manifest but with a true SHA256SUMS: %v", err)
	}
	os.Remove(filepath.Join(out, manifestName))
	os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644)
	_, err := Compile(tinyOpts(root, "1795000000", nil))
	var ue *UsageError
	if !errors.As(err, &ue) {
		t.Errorf("an output with a file SHA256SUMS does not list: %v, want a usage error", err)
	}
	if raw, _ := os.ReadFile(filepath.Join(out, "notes.txt")); string(raw) != "mine" {
		t.Error("notes.txt was touched")
	}
}

// TestPanicIsAFinding: a stage that panics on one contributor's file
// gives an error finding naming that file (exit 1), and writes nothing.
func TestPanicIsAFinding(t *testing.T) {
	root, out, old := compiledTinyBook(t)
	opts := tinyOpts(root, "1800000000", nil)
	opts.hook = func(stage, file string) {
		if file == "contributions/basile-deux.md" {
			var m map[string]int
			m["boom"]++ // a nil map: the kind of bug a hostile file finds
		}
	}
	res, err := Compile(opts)
	if !errors.Is(err, ErrFindings) {
		t.Fatalf("err = %v, want ErrFindings", err)
	}
	found := false
	for _, d := range res.Diags {
		found = found || d.File == "contributions/basile-deux.md" && d.Rule == "internal-error" && d.Severity == book.Error
	}
	if !found {
		t.Errorf("no internal-error finding at the file:\n%s", res.Diags.Text())
	}
	if !sameState(outputState(t, out), old) {
		t.Error("the output changed")
	}
}

// TestFontFindingsSayWhy: a font the book cannot use is named for what it
// is (an .otf with PostScript outlines, a .ttc collection, a web font, a
// file cut short) with what to do, in words an editor knows, not the name
// of a table or the PDF library's English.
func TestFontFindingsSayWhy(t *testing.T) {
	ttf := liberationserifregular.TTF
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"otf", append([]byte("OTTO"), ttf[4:]...), "contours PostScript (.otf)"},
		{"ttc", append([]byte("ttcf\x00\x02\x00\x00"), ttf...), "collection de polices (.ttc)"},
		{"woff", append([]byte("wOF2"), ttf[4:]...), "compressée pour le web"},
		{"cut", ttf[:len(ttf)/2], "est abîmé ou incomplet. Téléchargez à nouveau la police"},
		{"text", []byte("ceci n’est pas une police"), "n’est pas une police TrueType (.ttf) lisible. Choisissez un fichier .ttf"},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := tinyBook(t)
			os.MkdirAll(filepath.Join(root, "fonts"), 0o755)
			os.WriteFile(filepath.Join(root, "fonts", "f.ttf"), c.data, 0o644)
			yaml, _ := os.ReadFile(filepath.Join(root, "book.yaml"))
			os.WriteFile(filepath.Join(root, "book.yaml"), append(yaml, "fonts:\n  serif: fonts/f.ttf\n"...), 0o644)
			_, diags, err := Check(Options{Root: root})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range diags {
				if d.Rule == "font-unreadable" {
					got = append(got, d.Message)
				}
			}
			if len(got) != 1 || !strings.Contains(got[0], "le fichier « fonts/f.ttf » ") || !strings.Contains(got[0], c.want) ||
				!strings.HasSuffix(got[0], ", ou retirez la clé pour la police intégrée.") {
				t.Fatalf("want one font-unreadable finding saying %q, got %q", c.want, got)
			}
			for _, en := range []string{"table", "glyph", "cmap", "library", "TrueType font"} {
				if strings.Contains(got[0], en) {
					t.Errorf("the finding has the library's English %q: %s", en, got[0])
				}
			}
		})
	}
}

// TestDamagedFontIsAFinding: a font that recueil's parser reads but whose
// tables are damaged is refused by check, at its line of book.yaml, and
// compile stops with the finding instead of failing in the PDF library.
func TestDamagedFontIsAFinding(t *testing.T) {
	root := tinyBook(t)
	damaged := bytes.Clone(liberationserifregular.TTF)
	for i := 12 + 16; i < 12+16*8; i++ {
		damaged[i] ^= 0xa5
	}
	os.MkdirAll(filepath.Join(root, "fonts"), 0o755)
	os.WriteFile(filepath.Join(root, "fonts", "bad.ttf"), damaged, 0o644)
	os.WriteFile(filepath.Join(root, "fonts", "text.ttf"), []byte("not a font at all"), 0o644)
	yaml, _ := os.ReadFile(filepath.Join(root, "book.yaml"))
	os.WriteFile(filepath.Join(root, "book.yaml"), append(yaml, "fonts:\n  serif: fonts/bad.ttf\n  sans: fonts/text.ttf\n"...), 0o644)
	_, diags, err := Check(Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	at := map[string]bool{}
	for _, d := range diags {
		if d.Rule == "font-unreadable" && d.File == "book.yaml" {
			at[fmt.Sprint(d.Pos.Line)] = true
		}
	}
	if !at["4"] || !at["5"] {
		t.Errorf("want font-unreadable at book.yaml:4 and :5, got:\n%s", diags.Text())
	}
	_, err = Compile(tinyOpts(root, "1795000000", nil))
	if !errors.Is(err, ErrBookConfig) {
		t.Errorf("compile: %v, want the book.yaml findings", err)
	}
}

// TestCancelledCompile: a run whose context is cancelled part-way (Ctrl-C)
// stops, says so, and leaves the output as it was.
func TestCancelledCompile(t *testing.T) {
	root, out, old := compiledTinyBook(t)
	ctx, cancel := context.WithCancel(context.Background())
	opts := tinyOpts(root, "1800000000", nil)
	opts.Context = ctx
	opts.Jobs = 1
	opts.hook = func(stage, file string) { cancel() }
	_, err := Compile(opts)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if !sameState(outputState(t, out), old) {
		t.Error("the cancelled compile changed the output")
	}
}
