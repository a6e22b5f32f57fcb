package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// stageNames are the stages compile reports, in order, with what the
// progress line says for each, in English and in French.
var stageNames = []struct{ stage, label, fr string }{
	{"load", "reading the contributions", "lecture des contributions"},
	{"check", "checking", "vérification"},
	{"typeset", "typesetting", "mise en page"},
	{"pdf", "writing the PDF", "écriture du PDF"},
	{"cards", "drawing the share cards", "dessin des cartes de partage"},
	{"extracts", "writing the offprints", "écriture des tirés à part"},
	{"epub", "writing the EPUB", "écriture de l’EPUB"},
}

// progress is the one-line display compile redraws on a terminal.
type progress struct {
	w      io.Writer
	stages []string // the stages this run goes through
	width  int      // the width of the last line drawn, to blank it
	french bool     // the book is in French: so are the stages' names
}

// newProgress returns the display for a run with the given --only list,
// or nil when w is not a terminal, in CI, or with --quiet.
func newProgress(w io.Writer, getenv func(string) string, quiet bool, only []string) *progress {
	if quiet || !isTerminal(w) || getenv("CI") == "true" || getenv("TERM") == "dumb" {
		return nil
	}
	want := func(s string) bool {
		if len(only) == 0 {
			return true
		}
		for _, o := range only {
			if o == s {
				return true
			}
		}
		return false
	}
	p := &progress{w: w}
	for _, s := range stageNames {
		switch s.stage {
		case "typeset":
			if !want("pdf") && !want("cards") && !want("extracts") {
				continue
			}
		case "pdf", "cards", "extracts", "epub":
			if !want(s.stage) {
				continue
			}
		}
		p.stages = append(p.stages, s.stage)
	}
	return p
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// stage draws the line for a stage that starts: [3/7] typesetting…
func (p *progress) stage(s string) {
	if p == nil {
		return
	}
	n := 0
	for i, x := range p.stages {
		if x == s {
			n = i + 1
		}
	}
	label := s
	for _, x := range stageNames {
		if x.stage == s {
			label = x.label
			if p.french {
				label = x.fr
			}
		}
	}
	line := fmt.Sprintf("recueil: [%d/%d] %s %s…", n, len(p.stages), bar(n, len(p.stages), 14), label)
	p.draw(line)
}

// bar is a bar of width cells, done of total filled.
func bar(done, total, width int) string {
	if total <= 0 {
		return ""
	}
	full := done * width / total
	return "[" + strings.Repeat("#", full) + strings.Repeat("-", width-full) + "]"
}

func (p *progress) draw(line string) {
	n := len([]rune(line))
	pad := ""
	if p.width > n {
		pad = strings.Repeat(" ", p.width-n)
	}
	fmt.Fprint(p.w, "\r"+line+pad)
	p.width = n
}

// done blanks the line, so that the findings and the summary print clean.
func (p *progress) done() {
	if p == nil || p.width == 0 {
		return
	}
	fmt.Fprint(p.w, "\r"+strings.Repeat(" ", p.width)+"\r")
	p.width = 0
}

// hook returns the pipeline's Progress callback, nil without a display.
func (p *progress) hook() func(string) {
	if p == nil {
		return nil
	}
	return p.stage
}
