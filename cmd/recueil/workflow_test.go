package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The workflows recueil init writes, played as a runner plays them: the
// run: steps in order with bash, in a clean clone of a new book, with the
// variables and files a runner gives (GITHUB_WORKSPACE, GITHUB_OUTPUT,
// GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY, RUNNER_OS, RUNNER_ARCH,
// RUNNER_TEMP) and the github.* expressions filled in. uses:
// recueil/recueil@… is expanded into action.yml's steps, installing a
// release archive built here by scripts/dist.sh (RECUEIL_DIST_URL=file://…);
// gh is a script that records its arguments; other uses: steps (checkout:
// the clone is the checkout; upload-artifact) are not run, but the paths
// they would upload are checked.

const testVersion = "v9.9.9"

// TestWorkflowsOnARunner: a contributor's pull request with an error gets
// the annotation, the job summary and the preview (with the error drawn
// on it); a push to main gets a draft; a tag gets a release whose files gh
// is given.
func TestWorkflowsOnARunner(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a release archive of recueil; run without -short")
	}
	for _, tool := range []string{"bash", "git", "curl", "tar", "gzip", "zip", "sha256sum"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed to play the workflows: %v", tool, err)
		}
	}
	tmp := t.TempDir()
	dist, bin := releaseArchive(t, tmp)

	// A new book, made by the released recueil, with a first commit on main.
	book := filepath.Join(tmp, "livre")
	gitEnv := []string{"GIT_AUTHOR_NAME=Éditrice", "GIT_AUTHOR_EMAIL=ed@example.org", "GIT_COMMITTER_NAME=Éditrice",
		"GIT_COMMITTER_EMAIL=ed@example.org", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "HOME=" + tmp}
	sh(t, tmp, gitEnv, bin, "init", book)
	for _, f := range []string{"check.yml", "draft.yml", "release.yml"} {
		b, _ := os.ReadFile(filepath.Join(book, ".github", "workflows", f))
		if !strings.Contains(string(b), "uses: recueil/recueil@"+testVersion+"\n") {
			t.Fatalf("%s is not pinned to %s:\n%s", f, testVersion, b)
		}
	}
	// Zoé's pull request: her file has an unknown key (an error).
	sh(t, book, gitEnv, "git", "checkout", "-q", "-b", "zoe")
	zoe := "---\nname: Zoé Martin\nrole: Apicultrice\nrol: oups\n---\n" + strings.Repeat("Le miel de cette année a un goût de châtaigne et de pluie. ", 10) + "\n"
	if err := os.WriteFile(filepath.Join(book, "contributions", "zoe-martin.md"), []byte(zoe), 0o644); err != nil {
		t.Fatal(err)
	}
	sh(t, book, gitEnv, "git", "add", "-A")
	sh(t, book, gitEnv, "git", "commit", "-q", "-m", "Zoé")
	sh(t, book, gitEnv, "git", "checkout", "-q", "main")
	sh(t, book, gitEnv, "git", "tag", "v1.0.0")

	t.Run("check", func(t *testing.T) {
		r := newRunner(t, book, "zoe", dist, map[string]string{
			"github.event_name": "pull_request", "github.base_ref": "main", "github.head_ref": "zoe",
			"github.ref": "refs/pull/7/merge", "github.ref_name": "7/merge", "github.event.pull_request.number": "7",
		})
		job := r.play("check.yml")["check"]
		if !job.failed {
			t.Errorf("the check job passed with an error in the contribution")
		}
		install, check, preview := job.step("Install recueil"), job.step("Check the changed contributions"), job.step("Preview the changed contributors")
		if install.failed || !strings.Contains(install.out, "recueil version "+testVersion) {
			t.Errorf("install:\n%s", install.out)
		}
		if !regexp.MustCompile(`(?m)^::error file=contributions/zoe-martin\.md,line=4,col=1,title=unknown-key::Clé inconnue « rol »`).MatchString(check.out) || !check.failed {
			t.Errorf("check (failed %v) did not annotate the error:\n%s", check.failed, check.out)
		}
		if strings.Contains(check.out, "exemple-a-remplacer") {
			t.Errorf("check reported on a file the pull request did not change:\n%s", check.out)
		}
		for _, want := range []string{
			"## recueil check\n\n**1 erreur, 0 avertissement** dans 1 fichier.",
			"| `contributions/zoe-martin.md` | 4:1 | erreur | `unknown-key` | Clé inconnue « rol »",
			"- `contributions/zoe-martin.md` : ses pages (PDF et image de la première), ses cartes, dans l’artefact **preview** de [cette exécution](https://github.com/editrice/livre/actions/runs/4242)",
		} {
			if !strings.Contains(job.summary, want) {
				t.Errorf("the job summary lacks %q:\n%s", want, job.summary)
			}
		}
		// The preview runs although check failed, is made although the
		// file has errors, and fails the step.
		if preview.skipped || !preview.failed {
			t.Errorf("preview: skipped %v, failed %v:\n%s", preview.skipped, preview.failed, preview.out)
		}
		up := job.step("Upload the preview")
		if up.uses != "actions/upload-artifact@v4" || up.skipped || !up.outside {
			t.Fatalf("upload step: %+v", up)
		}
		got := listFiles(t, filepath.Join(r.workspace, up.with["path"]))
		if want := []string{"zoe-martin-card-square.png", "zoe-martin-card.png", "zoe-martin-page.png", "zoe-martin.pdf"}; !slices.Equal(got, want) {
			t.Errorf("the preview artifact would hold %v, want %v", got, want)
		}
	})

	t.Run("draft", func(t *testing.T) {
		r := newRunner(t, book, "main", dist, map[string]string{
			"github.event_name": "push", "github.ref": "refs/heads/main", "github.ref_name": "main",
		})
		job := r.play("draft.yml")["draft"]
		if job.failed {
			t.Fatalf("the draft job failed:\n%s", job.log())
		}
		up := job.step("Upload the draft")
		got := listFiles(t, filepath.Join(r.workspace, up.with["path"]))
		for _, want := range []string{"livre.pdf", "livre.epub", "site"} {
			if !slices.Contains(got, want) {
				t.Errorf("the draft artifact lacks %s: %v", want, got)
			}
		}
		if b, _ := os.ReadFile(filepath.Join(r.workspace, "draft", "site", "index.html")); !strings.Contains(string(b), `class="draft"`) {
			t.Errorf("the draft site has no draft banner")
		}
	})

	t.Run("release", func(t *testing.T) {
		r := newRunner(t, book, "v1.0.0", dist, map[string]string{
			"github.event_name": "push", "github.ref": "refs/tags/v1.0.0", "github.ref_name": "v1.0.0",
		})
		jobs := r.play("release.yml")
		if jobs["release"].failed {
			t.Fatalf("the release job failed:\n%s", jobs["release"].log())
		}
		calls := r.ghCalls()
		if len(calls) != 1 || len(calls[0]) < 3 || calls[0][0] != "release" || calls[0][1] != "create" || calls[0][2] != "v1.0.0" {
			t.Fatalf("gh calls: %q", calls)
		}
		var files []string
		for _, a := range calls[0][3:] {
			if strings.HasPrefix(a, "--") {
				break
			}
			files = append(files, a)
		}
		want := []string{"dist/SHA256SUMS", "dist/livre-cartes.zip", "dist/livre-cover.pdf", "dist/livre-print.pdf",
			"dist/livre-tires-a-part.zip", "dist/livre.epub", "dist/livre.pdf", "dist/share.html", "dist/share.json"}
		if !slices.Equal(files, want) {
			t.Errorf("the release publishes %v, want %v", files, want)
		}
		if !slices.Contains(calls[0], "--verify-tag") {
			t.Errorf("gh release create without --verify-tag: %q", calls[0])
		}
		sh(t, filepath.Join(r.workspace, "dist"), nil, "sha256sum", "--check", "--strict", "--quiet", "SHA256SUMS")
		site := listFiles(t, filepath.Join(r.workspace, "pages"))
		for _, w := range []string{"index.html", "livre.pdf", "livre.epub", "extracts"} {
			if !slices.Contains(site, w) {
				t.Errorf("the Pages artifact lacks %s: %v", w, site)
			}
		}
	})

	t.Run("tampered", func(t *testing.T) {
		// An archive that does not match recueil-SHA256SUMS is refused.
		bad := filepath.Join(t.TempDir(), "dist")
		sh(t, tmp, nil, "cp", "-R", dist, bad)
		sums, _ := os.ReadFile(filepath.Join(bad, "recueil-SHA256SUMS"))
		flipped := []byte(string(sums))
		if flipped[0] == '0' {
			flipped[0] = '1'
		} else {
			flipped[0] = '0'
		}
		os.WriteFile(filepath.Join(bad, "recueil-SHA256SUMS"), flipped, 0o644)
		r := newRunner(t, book, "main", bad, map[string]string{"github.ref": "refs/heads/main", "github.ref_name": "main"})
		res := r.job(nil, "install", ghJob{Steps: []ghStep{{Name: "Install recueil", Uses: "recueil/recueil@" + testVersion, With: map[string]string{"version": testVersion}}}})
		st := res.step("Install recueil")
		if !st.failed || !strings.Contains(st.out, "does not match recueil-SHA256SUMS") {
			t.Errorf("a tampered archive was not refused clearly (failed %v):\n%s", st.failed, st.out)
		}
		if _, err := os.Stat(filepath.Join(r.temp, "recueil-bin", "recueil")); err == nil {
			t.Errorf("the tampered binary was installed")
		}
	})
}

// releaseArchive builds recueil's release archive for this machine with
// scripts/dist.sh, named as a release names it, and returns the folder
// and the binary it holds.
func releaseArchive(t *testing.T, tmp string) (dist, bin string) {
	t.Helper()
	dist = filepath.Join(tmp, "dist")
	cmd := exec.Command("../../scripts/dist.sh", testVersion, dist)
	cmd.Env = append(os.Environ(), "DIST_TARGETS="+runtime.GOOS+"/"+runtime.GOARCH, "SOURCE_DATE_EPOCH=1795000000")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("dist.sh: %v\n%s", err, out)
	}
	if err := os.Rename(filepath.Join(dist, "SHA256SUMS"), filepath.Join(dist, "recueil-SHA256SUMS")); err != nil {
		t.Fatal(err)
	}
	name := "recueil_" + strings.TrimPrefix(testVersion, "v") + "_" + runtime.GOOS + "_" + runtime.GOARCH
	x := filepath.Join(tmp, "x")
	os.MkdirAll(x, 0o755)
	sh(t, tmp, nil, "tar", "-xzf", filepath.Join(dist, name+".tar.gz"), "-C", x)
	return dist, filepath.Join(x, name, "recueil")
}

func sh(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = append([]string{"PATH=" + os.Getenv("PATH")}, env...)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Errorf("%v", err)
		return nil
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// What is read of a workflow and of action.yml.
type (
	ghWorkflow struct {
		Env  map[string]string `yaml:"env"`
		Jobs yaml.Node         `yaml:"jobs"`
	}
	ghJob struct {
		If    string            `yaml:"if"`
		Env   map[string]string `yaml:"env"`
		Steps []ghStep          `yaml:"steps"`
	}
	ghStep struct {
		Name             string            `yaml:"name"`
		ID               string            `yaml:"id"`
		If               string            `yaml:"if"`
		Uses             string            `yaml:"uses"`
		Run              string            `yaml:"run"`
		Shell            string            `yaml:"shell"`
		WorkingDirectory string            `yaml:"working-directory"`
		With             map[string]string `yaml:"with"`
		Env              map[string]string `yaml:"env"`
	}
	ghAction struct {
		Inputs map[string]struct {
			Default  string `yaml:"default"`
			Required bool   `yaml:"required"`
		} `yaml:"inputs"`
		Runs struct {
			Using string   `yaml:"using"`
			Steps []ghStep `yaml:"steps"`
		} `yaml:"runs"`
	}
)

type stepResult struct {
	name, uses      string
	with            map[string]string
	out             string
	failed, skipped bool
	outside         bool // a uses: step other than recueil's action, not run
}

type jobResult struct {
	steps   []stepResult
	failed  bool
	summary string
}

func (j jobResult) step(name string) stepResult {
	for _, s := range j.steps {
		if s.name == name {
			return s
		}
	}
	return stepResult{name: name, skipped: true}
}

func (j jobResult) log() string {
	var b strings.Builder
	for _, s := range j.steps {
		fmt.Fprintf(&b, "== %s (failed %v, skipped %v)\n%s\n", s.name, s.failed, s.skipped, s.out)
	}
	return b.String()
}

type runner struct {
	t                      *testing.T
	workspace, temp, ghLog string
	ctx                    map[string]string // github.* expressions
	env                    map[string]string // what every step gets
	path                   []string          // GITHUB_PATH entries, latest first
	actionDir              string            // the folder of action.yml
}

// newRunner clones the book at ref into a fresh workspace, as
// actions/checkout with fetch-depth: 0 does, and prepares the runner's
// folders and variables.
func newRunner(t *testing.T, book, ref, dist string, ctx map[string]string) *runner {
	t.Helper()
	root := t.TempDir()
	r := &runner{t: t, workspace: filepath.Join(root, "work", "livre"), temp: filepath.Join(root, "temp"),
		ghLog: filepath.Join(root, "gh.log"), ctx: map[string]string{}, actionDir: mustAbs(t, "../..")}
	os.MkdirAll(r.temp, 0o755)
	sh(t, root, []string{"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "HOME=" + root}, "git", "clone", "-q", "--branch", ref, book, r.workspace)
	fake := filepath.Join(root, "fakebin")
	os.MkdirAll(fake, 0o755)
	// gh records each call, one argument per tab-separated field.
	gh := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\t' \"$a\"; done >> \"$GH_LOG\"\necho >> \"$GH_LOG\"\n"
	if err := os.WriteFile(filepath.Join(fake, "gh"), []byte(gh), 0o755); err != nil {
		t.Fatal(err)
	}
	r.path = []string{fake}
	osName := map[string]string{"linux": "Linux", "darwin": "macOS", "windows": "Windows"}[runtime.GOOS]
	arch := map[string]string{"amd64": "X64", "arm64": "ARM64"}[runtime.GOARCH]
	r.ctx = map[string]string{
		"github.workspace": r.workspace, "github.repository": "editrice/livre", "github.token": "fake-token",
		"github.server_url": "https://github.com", "github.run_id": "4242", "github.base_ref": "", "github.head_ref": "",
	}
	for k, v := range ctx {
		r.ctx[k] = v
	}
	r.env = map[string]string{
		"HOME": root, "TMPDIR": r.temp, "LANG": "C.UTF-8", "CI": "true", "GITHUB_ACTIONS": "true",
		"GITHUB_WORKSPACE": r.workspace, "GITHUB_REPOSITORY": r.ctx["github.repository"],
		"GITHUB_SERVER_URL": r.ctx["github.server_url"], "GITHUB_RUN_ID": r.ctx["github.run_id"],
		"GITHUB_EVENT_NAME": r.ctx["github.event_name"], "GITHUB_REF": r.ctx["github.ref"], "GITHUB_REF_NAME": r.ctx["github.ref_name"],
		"GITHUB_BASE_REF": r.ctx["github.base_ref"], "GITHUB_HEAD_REF": r.ctx["github.head_ref"],
		"RUNNER_OS": osName, "RUNNER_ARCH": arch, "RUNNER_TEMP": r.temp,
		"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
		"GH_LOG": r.ghLog,
		// Where the action takes the release archives from (a repository
		// variable would set it on a real runner).
		"RECUEIL_DIST_URL": "file://" + dist,
	}
	return r
}

func mustAbs(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// play runs every job of the workflow file, in its order.
func (r *runner) play(file string) map[string]jobResult {
	r.t.Helper()
	raw, err := os.ReadFile(filepath.Join(r.workspace, ".github", "workflows", file))
	if err != nil {
		r.t.Fatal(err)
	}
	var wf ghWorkflow
	if err := yaml.Unmarshal(raw, &wf); err != nil {
		r.t.Fatalf("%s: %v", file, err)
	}
	out := map[string]jobResult{}
	for i := 0; i+1 < len(wf.Jobs.Content); i += 2 {
		name := wf.Jobs.Content[i].Value
		var job ghJob
		if err := wf.Jobs.Content[i+1].Decode(&job); err != nil {
			r.t.Fatalf("%s: job %s: %v", file, name, err)
		}
		if job.If != "" && !r.cond(job.If, false, r.ctx) {
			continue
		}
		out[name] = r.job(wf.Env, name, job)
	}
	return out
}

// job runs the steps of a job: a failed step skips the next ones unless
// their if: says otherwise, as on a runner.
func (r *runner) job(wfEnv map[string]string, name string, job ghJob) jobResult {
	r.t.Helper()
	env := map[string]string{}
	for k, v := range wfEnv {
		env[k] = r.expand(v, r.ctx)
	}
	for k, v := range job.Env {
		env[k] = r.expand(v, r.ctx)
	}
	var res jobResult
	for i, st := range job.Steps {
		sr := stepResult{name: st.Name, uses: st.Uses, with: map[string]string{}}
		for k, v := range st.With {
			sr.with[k] = r.expand(v, r.ctx)
		}
		if !r.cond(st.If, res.failed, r.ctx) {
			sr.skipped = true
			res.steps = append(res.steps, sr)
			continue
		}
		summary := filepath.Join(r.temp, fmt.Sprintf("_summary_%s_%d", name, i))
		switch {
		case st.Uses == "recueil/recueil@"+testVersion:
			sr.out, sr.failed = r.action(env, sr.with, summary)
		case st.Uses != "":
			sr.outside = true // not run: checkout is the clone; artifacts are checked by the test
		default:
			sr.out, sr.failed = r.run(st, env, r.ctx, r.workspace, summary)
		}
		if b, err := os.ReadFile(summary); err == nil {
			res.summary += string(b)
		}
		res.failed = res.failed || sr.failed
		res.steps = append(res.steps, sr)
	}
	return res
}

// action runs action.yml's steps with the given inputs.
func (r *runner) action(env, with map[string]string, summary string) (string, bool) {
	r.t.Helper()
	raw, err := os.ReadFile(filepath.Join(r.actionDir, "action.yml"))
	if err != nil {
		r.t.Fatal(err)
	}
	var a ghAction
	if err := yaml.Unmarshal(raw, &a); err != nil {
		r.t.Fatalf("action.yml: %v", err)
	}
	if a.Runs.Using != "composite" {
		r.t.Fatalf("action.yml runs using %q", a.Runs.Using)
	}
	ctx := maps(r.ctx)
	ctx["github.action_path"] = r.actionDir
	for k, in := range a.Inputs {
		v, ok := with[k]
		if !ok {
			if in.Required {
				r.t.Fatalf("the workflow does not give the action's required input %s", k)
			}
			v = in.Default
		}
		ctx["inputs."+k] = v
	}
	for k := range with {
		if _, ok := a.Inputs[k]; !ok {
			r.t.Fatalf("the workflow gives the action an unknown input %s", k)
		}
	}
	var out strings.Builder
	failed := false
	for _, st := range a.Runs.Steps {
		if !r.cond(st.If, failed, ctx) {
			continue
		}
		if st.Uses != "" {
			r.t.Fatalf("the action's step %q (uses %s) would run for version %s", st.Name, st.Uses, with["version"])
		}
		if st.Shell != "bash" {
			r.t.Fatalf("the action's step %q has shell %q (a composite step must say bash)", st.Name, st.Shell)
		}
		o, f := r.run(st, env, ctx, r.workspace, summary)
		out.WriteString(o)
		if f {
			failed = true
		}
	}
	return out.String(), failed
}

func maps(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// run runs a run: step with bash as a runner does (bash --noprofile
// --norc -eo pipefail), then reads back GITHUB_ENV, GITHUB_PATH and
// GITHUB_OUTPUT.
func (r *runner) run(st ghStep, jobEnv, ctx map[string]string, dir, summary string) (string, bool) {
	r.t.Helper()
	script := filepath.Join(r.temp, "_step.sh")
	if err := os.WriteFile(script, []byte(r.expand(st.Run, ctx)), 0o644); err != nil {
		r.t.Fatal(err)
	}
	files := map[string]string{}
	for _, k := range []string{"GITHUB_ENV", "GITHUB_PATH", "GITHUB_OUTPUT"} {
		files[k] = filepath.Join(r.temp, "_"+strings.ToLower(k))
		os.WriteFile(files[k], nil, 0o644)
	}
	env := maps(r.env)
	for k, v := range jobEnv {
		env[k] = v
	}
	for k, v := range st.Env {
		env[k] = r.expand(v, ctx)
	}
	for k, f := range files {
		env[k] = f
	}
	env["GITHUB_STEP_SUMMARY"] = summary
	env["PATH"] = strings.Join(append(slices.Clone(r.path), os.Getenv("PATH")), string(os.PathListSeparator))
	if st.WorkingDirectory != "" {
		dir = filepath.Join(dir, r.expand(st.WorkingDirectory, ctx))
	}
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
	cmd.Dir = dir
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	sort.Strings(cmd.Env)
	out, err := cmd.CombinedOutput()
	failed := err != nil
	// What the step asked the runner to keep.
	for k, v := range readEnvFile(r.t, files["GITHUB_ENV"]) {
		r.env[k] = v
	}
	if b, _ := os.ReadFile(files["GITHUB_PATH"]); len(b) > 0 {
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			r.path = append([]string{l}, r.path...)
		}
	}
	if st.ID != "" {
		for k, v := range readEnvFile(r.t, files["GITHUB_OUTPUT"]) {
			ctx["steps."+st.ID+".outputs."+k] = v
		}
	}
	return string(out), failed
}

// readEnvFile reads NAME=value lines and NAME<<DELIMITER blocks.
func readEnvFile(t *testing.T, p string) map[string]string {
	out := map[string]string{}
	f, err := os.Open(p)
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if k, delim, ok := strings.Cut(l, "<<"); ok && !strings.Contains(k, "=") {
			var v []string
			for sc.Scan() && sc.Text() != delim {
				v = append(v, sc.Text())
			}
			out[k] = strings.Join(v, "\n")
			continue
		}
		if k, v, ok := strings.Cut(l, "="); ok {
			out[k] = v
		} else if strings.TrimSpace(l) != "" {
			t.Errorf("%s: bad line %q", filepath.Base(p), l)
		}
	}
	return out
}

var exprRe = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// expand fills in ${{ … }}; an expression the test does not know fails it,
// rather than run a step with a hole in it.
func (r *runner) expand(s string, ctx map[string]string) string {
	return exprRe.ReplaceAllStringFunc(s, func(m string) string {
		e := exprRe.FindStringSubmatch(m)[1]
		v, ok := ctx[e]
		if !ok {
			r.t.Fatalf("unknown expression ${{ %s }}", e)
		}
		return v
	})
}

var compareRe = regexp.MustCompile(`^([\w.\-]+)\s*(==|!=)\s*'([^']*)'$`)

// cond evaluates an if: as a runner does: without a status function,
// success() is implied.
func (r *runner) cond(expr string, failed bool, ctx map[string]string) bool {
	e := strings.TrimSpace(expr)
	if m := exprRe.FindStringSubmatch(e); m != nil && m[0] == e {
		e = m[1]
	}
	switch e {
	case "", "success()":
		return !failed
	case "!cancelled()", "always()":
		return true
	case "failure()":
		return failed
	}
	m := compareRe.FindStringSubmatch(e)
	if m == nil {
		r.t.Fatalf("unknown if: %q", expr)
	}
	v, ok := ctx[m[1]]
	if !ok {
		r.t.Fatalf("if: %q: unknown %s", expr, m[1])
	}
	return !failed && (v == m[3]) == (m[2] == "==")
}

// ghCalls are the recorded calls of the fake gh, each a list of arguments.
func (r *runner) ghCalls() [][]string {
	b, _ := os.ReadFile(r.ghLog)
	var out [][]string
	for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if l == "" {
			continue
		}
		out = append(out, strings.Split(strings.TrimSuffix(l, "\t"), "\t"))
	}
	return out
}
