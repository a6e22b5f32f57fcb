// Package report prints diagnostics for people (text), for GitHub Actions
// (workflow commands that become annotations) and for tools (JSON).
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/recueil/recueil/internal/book"
)

// Formats are the accepted --format values.
var Formats = []string{"text", "github", "json"}

// Write prints diags in the given format; files is the number of files
// checked, for the summary.
func Write(w io.Writer, format string, diags book.Diagnostics, files int) error {
	switch format {
	case "text", "":
		_, err := io.WriteString(w, diags.Text())
		return err
	case "github":
		return github(w, diags)
	case "json":
		return jsonOut(w, diags, files)
	}
	return fmt.Errorf("--format %s: choose text, github or json", format)
}

// github prints workflow commands: ::error file=…,line=…,col=…,title=…::message
func github(w io.Writer, diags book.Diagnostics) error {
	for _, d := range diags {
		cmd := "notice"
		switch d.Severity {
		case book.Error:
			cmd = "error"
		case book.Warning:
			cmd = "warning"
		}
		props := []string{"file=" + escapeProp(d.File)}
		if d.Pos.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Pos.Line), fmt.Sprintf("col=%d", max(d.Pos.Col, 1)))
		}
		props = append(props, "title="+escapeProp(d.Rule))
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(d.Message)); err != nil {
			return err
		}
	}
	return nil
}

// escapeData and escapeProp follow the toolkit's workflow-command escaping.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

type jsonFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
}

type jsonReport struct {
	Findings []jsonFinding `json:"findings"`
	Summary  struct {
		Files    int `json:"files"`
		Errors   int `json:"errors"`
		Warnings int `json:"warnings"`
	} `json:"summary"`
}

func jsonOut(w io.Writer, diags book.Diagnostics, files int) error {
	r := jsonReport{Findings: []jsonFinding{}}
	for _, d := range diags {
		r.Findings = append(r.Findings, jsonFinding{d.File, d.Pos.Line, d.Pos.Col, d.Severity.String(), d.Rule, d.Message})
	}
	r.Summary.Files = files
	r.Summary.Errors = diags.Count(book.Error)
	r.Summary.Warnings = diags.Count(book.Warning)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
