package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/scaffold"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"recueil": func() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) },
	})
}

// TestScripts plays whole-program scenarios from testdata/script/*.txtar.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("SOURCE_DATE_EPOCH", "1795000000")
			// The import scripts copy their documents from the intake fixtures.
			fixtures, err := filepath.Abs("../../internal/intake/testdata")
			e.Setenv("FIXTURES", fixtures)
			return err
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"exits": exits},
	})
}

// exits N PROGRAM ARGS... runs a program like exec and fails unless it
// exits with status N; its output is the script's stdout and stderr.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %v", err)
	}
	cmd := exec.Command(args[1], args[2:]...)
	cmd.Dir = ts.MkAbs(".")
	for _, k := range []string{"PATH", "HOME", "WORK", "TMPDIR", "SOURCE_DATE_EPOCH"} {
		cmd.Env = append(cmd.Env, k+"="+ts.Getenv(k))
	}
	cmd.Stdout, cmd.Stderr = ts.Stdout(), ts.Stderr()
	err = cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		ts.Fatalf("exits: %v", err)
	}
	if code != want {
		ts.Fatalf("%s exited with %d, want %d", strings.Join(args[1:], " "), code, want)
	}
}

func TestUnknownFlagIsUsageError(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"recueil", "compile", "--nope"}, &out, &errb); code != exitUsage {
		t.Fatalf("exit %d, want %d; stderr: %s", code, exitUsage, errb.String())
	}
}

func TestHelpDocumentsExitCodes(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"recueil", "--help"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out.String(), "EXIT CODES") || !strings.Contains(out.String(), "book.yaml") {
		t.Errorf("help does not document the exit codes:\n%s", out.String())
	}
}

// words returns the runs of letters and digits of s, in order: what a
// typographic fix must never change.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// faultyText is a deterministic generator of French-like text with the
// faults a hurried typist makes.
func faultyText(seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, 42))
	vocab := []string{"rencontre", "l'équipe", "d'abord", "jusqu'à", "Paris", "métier", "1 200", "vraiment",
		"\"bonjour\"", "« salut »", "`code : x`", "https://example.org/a'b", "*italique*", "**gras**", "aujourd'hui", "été", "Œuvre",
		"“collé”", "‘Word’", "»envers«", "« il a dit \"oui\" »", "« dit “non” »"}
	punct := []string{" !", " ?", " :", " ;", "...", " ,", "  ", "!", "?", ":", ";", ".", ","}
	var b strings.Builder
	b.WriteString("---\nname: \"Personne " + fmt.Sprint(seed) + "\"\nrole: \"Rôle d'essai : test\"\ntitle: \"Un \"titre\" d'essai\"\n---\n")
	for p := 0; p < 3; p++ {
		for i := 0; i < 40; i++ {
			b.WriteString(vocab[rng.IntN(len(vocab))])
			if rng.IntN(3) == 0 {
				b.WriteString(punct[rng.IntN(len(punct))])
			}
			b.WriteString(" ")
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// TestFixKeepsWords runs check --fix on the contributor scenario's text,
// every sample contribution, the templates recueil writes, generated
// faulty texts and a text pasted from Word (English quotes, guillemets the
// wrong way round, quoted name, role and organization): the words are
// unchanged, a second --fix changes nothing, and no typography finding is
// left.
func TestFixKeepsWords(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "book.yaml"), []byte("title: \"Mots\"\nidentifier: \"urn:x\"\n"), 0o644)
	cdir := filepath.Join(dir, "contributions")
	os.MkdirAll(cdir, 0o755)
	inputs := map[string][]byte{}
	ar, err := txtar.ParseFile("testdata/script/contributor.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name == "zoe.md" {
			inputs["zoe-martin.md"] = f.Data
		}
	}
	samples, _ := filepath.Glob("../../contributions/*.md")
	for _, s := range samples {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		inputs["sample-"+filepath.Base(s)] = b
	}
	for _, f := range scaffold.Book(scaffold.NewData("Mots", "urn:x", book.Defaults().Limits, nil)) {
		if strings.HasPrefix(f.Path, "contributions/") && f.Path != "contributions/README.md" {
			inputs["init-"+filepath.Base(f.Path)] = f.Data
		}
	}
	inputs["new-template.md"] = scaffold.Contribution("Élodie d’Arbonne", scaffold.NewData("Mots", "urn:x", book.Defaults().Limits, []string{"Une"}))
	for i := uint64(0); i < 40; i++ {
		inputs[fmt.Sprintf("generated-%02d.md", i)] = []byte(faultyText(i))
	}
	// The Markdown people write: footnote markers, table pipes and
	// {lang=…} are markup, never "fixed", while the prose around them is.
	inputs["constructs.md"] = []byte("---\nname: Anne Exemple\nrole: Libraire\n---\n" +
		"Elle chante \"[everybody's got a hungry heart]{lang=en}\" ! Un mot barré : ~~pas ce mot~~ ; puis une note[^1]: voilà.\n\n" +
		"| Année | Lieu ? |\n|:---|---:|\n| 2024 | l'école : Lyon |\n\n" +
		"[^1]: Une note... qui compte !\n")
	keep := []string{"{lang=en}", "[^1]:", "[^1]\u00a0: voilà", "|:---|---:|", "| 2024 |", "~~pas ce mot~~"}
	// Pasted from Word or a form: quotes around the name and the role,
	// English quotes, guillemets the wrong way round.
	inputs["pasted.md"] = []byte("---\nname: “Jean Dupont”\nrole: '\"Directrice\"'\norganization: «Exemple»\n---\n" +
		"Il a dit “oui” puis ‘non’, et »peut-être« : « elle a dit \"jamais\" ».\n")
	if len(inputs) < 45 || len(samples) == 0 {
		t.Fatalf("only %d inputs (%d samples)", len(inputs), len(samples))
	}
	for name, b := range inputs {
		if err := os.WriteFile(filepath.Join(cdir, name), b, 0o640); err != nil {
			t.Fatal(err)
		}
	}
	fix := func() string {
		var out, errb bytes.Buffer
		code := run([]string{"recueil", "--book", dir, "check", "--fix"}, &out, &errb)
		if code > exitFindings {
			t.Fatalf("check --fix: exit %d\n%s", code, errb.String())
		}
		return out.String() + errb.String()
	}
	first := fix()
	if !strings.Contains(first, "zoe-martin.md: 24 corrections") || !strings.Contains(first, "pasted.md: ") {
		t.Errorf("the scenario's text was not fixed:\n%s", first)
	}
	fixed := map[string][]byte{}
	changed := 0
	for name, before := range inputs {
		p := filepath.Join(cdir, name)
		after, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(p); st.Mode().Perm() != 0o640 {
			t.Errorf("%s: mode %v, want the file's own 0640", name, st.Mode().Perm())
		}
		if !bytes.Equal(before, after) {
			changed++
		}
		if a, b := strings.Join(words(string(before)), " "), strings.Join(words(string(after)), " "); a != b {
			t.Errorf("%s: the words changed:\n%s\n%s", name, a, b)
		}
		if name == "constructs.md" {
			for _, k := range keep {
				if !strings.Contains(string(after), k) {
					t.Errorf("%s: %q lost:\n%s", name, k, after)
				}
			}
			if bytes.Equal(before, after) || !strings.Contains(string(after), "Une note… qui compte\u202f!") || !strings.Contains(string(after), "«\u202f[everybody's") {
				t.Errorf("%s: the prose around the constructs was not fixed:\n%s", name, after)
			}
		}
		fixed[name] = after
	}
	if changed < 40 {
		t.Errorf("only %d files changed: the generated faults were not fixed", changed)
	}
	second := fix()
	if !strings.Contains(second, "0 correction faite dans 0 fichier") || strings.Contains(second, "[typo-") || strings.Contains(second, "[quoted-field]") {
		t.Errorf("a second --fix found more to do:\n%s", second)
	}
	if got := string(fixed["pasted.md"]); got != "---\nname: Jean Dupont\nrole: 'Directrice'\norganization: Exemple\n---\n"+
		"Il a dit «\u202foui\u202f» puis «\u202fnon\u202f», et «\u202fpeut-être\u202f»\u00a0: «\u202felle a dit “jamais”\u202f».\n" {
		t.Errorf("pasted.md fixed as %q", got)
	}
	for name, want := range fixed {
		if got, _ := os.ReadFile(filepath.Join(cdir, name)); !bytes.Equal(got, want) {
			t.Errorf("%s: the second --fix changed it", name)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(cdir, ".*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestProgressOnlyOnATerminal(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if p := newProgress(&bytes.Buffer{}, env(nil), false, nil); p != nil {
		t.Errorf("a progress display on a buffer")
	}
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if p := newProgress(f, env(nil), false, nil); p != nil {
		t.Errorf("a progress display on a regular file")
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		if p := newProgress(tty, env(map[string]string{"CI": "true"}), false, nil); p != nil {
			t.Errorf("a progress display in CI")
		}
		if p := newProgress(tty, env(nil), true, nil); p != nil {
			t.Errorf("a progress display with --quiet")
		}
		if p := newProgress(tty, env(nil), false, nil); p == nil {
			t.Errorf("no progress display on a terminal")
		}
	}
	// A nil display is silent and safe.
	var p *progress
	p.stage("load")
	p.done()
	if p.hook() != nil {
		t.Errorf("a nil display has a hook")
	}
}

func TestProgressLine(t *testing.T) {
	var b bytes.Buffer
	p := &progress{w: &b}
	for _, s := range stageNames {
		if s.stage != "cards" && s.stage != "extracts" {
			p.stages = append(p.stages, s.stage)
		}
	}
	for _, s := range []string{"load", "check", "typeset", "pdf", "epub"} {
		p.stage(s)
	}
	p.done()
	got := strings.Split(b.String(), "\r")
	want := []string{"",
		"recueil: [1/5] [##------------] reading the contributions…",
		"recueil: [2/5] [#####---------] checking…                 ",
		"recueil: [3/5] [########------] typesetting…",
		"recueil: [4/5] [###########---] writing the PDF…",
		"recueil: [5/5] [##############] writing the EPUB…",
		strings.Repeat(" ", len([]rune("recueil: [5/5] [##############] writing the EPUB…"))),
		""}
	if strings.Join(got, "|\n") != strings.Join(want, "|\n") {
		t.Errorf("progress lines:\n%s\nwant\n%s", strings.Join(got, "|\n"), strings.Join(want, "|\n"))
	}
}

// TestInitWritesTheRepositoryFiles: the workflows and CONTRIBUTING.md a
// new book gets are the ones recueil's own repository runs (but for the
// developers' paragraph).
func TestInitWritesTheRepositoryFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "livre")
	var out, errb bytes.Buffer
	if code := run([]string{"recueil", "init", dir}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, f := range []string{".github/workflows/check.yml", ".github/workflows/draft.yml", ".github/workflows/release.yml", ".github/pull_request_template.md"} {
		got, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", f))
		if err != nil {
			t.Fatal(err)
		}
		// The repository's workflows build recueil from their own commit
		// (uses: ./, version: source) and the release publishes recueil's
		// binaries; a book's (this test's recueil is a development build)
		// install the latest release. Nothing else may differ.
		pin := scaffold.LatestRelease
		want = bytes.ReplaceAll(want, []byte("uses: ./\n"), []byte("uses: recueil/recueil@"+pin+"\n"))
		want = bytes.ReplaceAll(want, []byte("version: source\n"), []byte("version: "+pin+"\n"))
		if i := bytes.Index(want, []byte("\n\n  # In recueil's own repository")); i >= 0 {
			want = append(want[:i:i], '\n')
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the repository's:\n%s", f, got)
		}
	}
	got, _ := os.ReadFile(filepath.Join(dir, "CONTRIBUTING.md"))
	want, _ := os.ReadFile(filepath.Join("..", "..", "CONTRIBUTING.md"))
	if i := bytes.Index(want, []byte("\n## Le code de recueil")); i < 0 || !bytes.HasPrefix(got, want[:i]) {
		t.Errorf("CONTRIBUTING.md differs from the repository's")
	}
}

// A French book's progress line names its stages in French.
func TestProgressLineFrench(t *testing.T) {
	var b bytes.Buffer
	p := &progress{w: &b, stages: []string{"load", "typeset", "cards"}, french: true}
	p.stage("typeset")
	p.stage("cards")
	got := strings.Split(b.String(), "\r")
	want := []string{"", "recueil: [2/3] [#########-----] mise en page…", "recueil: [3/3] [##############] dessin des cartes de partage…"}
	if strings.Join(got, "|\n") != strings.Join(want, "|\n") {
		t.Errorf("progress lines:\n%s\nwant\n%s", strings.Join(got, "|\n"), strings.Join(want, "|\n"))
	}
}
