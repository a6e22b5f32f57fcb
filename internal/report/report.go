// Package report prints diagnostics for people (text), for GitHub Actions
// (workflow commands that become annotations) and for tools (JSON, SARIF).
package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/recueil/recueil/internal/book"
)

// Formats are the accepted --format values.
var Formats = []string{"text", "github", "json", "sarif"}

// Rule documents one rule code, for the formats that list them (SARIF).
type Rule struct {
	ID          string
	Description string // one sentence; the rule code itself when empty
}

// Info is what a report says besides the findings.
type Info struct {
	Files   int    // number of files checked, for the summary
	Rules   []Rule // known rules; rules seen in the findings are added
	Version string // the tool's version, "" when unknown
}

// Write prints diags in the given format.
func Write(w io.Writer, format string, diags book.Diagnostics, info Info) error {
	switch format {
	case "text", "":
		_, err := io.WriteString(w, diags.Text())
		return err
	case "github":
		return github(w, diags)
	case "json":
		return jsonOut(w, diags, info.Files)
	case "sarif":
		return sarif(w, diags, info)
	}
	return fmt.Errorf("--format %s: choose %s", format, strings.Join(Formats, ", "))
}

// github prints workflow commands: ::error file=…,line=…,col=…,title=…::message.
// Notes (book.Info) are left out: an annotation is for what a person must
// decide, and a note is about what recueil does on its own (the count of
// typographic fixes the outputs make); the job summary lists them.
func github(w io.Writer, diags book.Diagnostics) error {
	for _, d := range diags {
		var cmd string
		switch d.Severity {
		case book.Error:
			cmd = "error"
		case book.Warning:
			cmd = "warning"
		default:
			continue
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

// escapeData and escapeProp follow the toolkit's workflow-command escaping
// (% CR LF, and : , in properties), so that no text can end the command
// and start another; other control and bidirectional characters, which
// the log would print raw, are written as Go escapes first.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(escapeOthers(s))
}

func escapeProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(escapeOthers(s))
}

// escapeOthers escapes what EscapeControls escapes but CR and LF, which
// the workflow-command escaping encodes itself.
func escapeOthers(s string) string {
	var b strings.Builder
	start := 0
	for i, r := range s {
		if r == '\r' || r == '\n' {
			b.WriteString(book.EscapeControls(s[start:i]))
			b.WriteRune(r)
			start = i + 1
		}
	}
	b.WriteString(book.EscapeControls(s[start:]))
	return b.String()
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
	return encode(w, r)
}

func encode(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	// encoding/json escapes C0 controls and U+2028/9 but writes C1 controls
	// and bidirectional characters raw; \u escapes keep the same strings
	// without printing them on a terminal.
	_, err := io.WriteString(w, bidiEscaper.Replace(b.String()))
	return err
}

var bidiEscaper = func() *strings.Replacer {
	var pairs []string
	for r := rune(0x7f); r <= 0x2069; r++ {
		if r < 0xA0 || book.Forging(r) { // DEL, C1 controls, separators and bidi
			pairs = append(pairs, string(r), fmt.Sprintf(`\u%04x`, r))
		}
	}
	return strings.NewReplacer(pairs...)
}()

// SARIF 2.1.0, the subset code-scanning tools read.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool    sarifTool     `json:"tool"`
		Results []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID               string       `json:"id"`
		ShortDescription sarifMessage `json:"shortDescription"`
		HelpURI          string       `json:"helpUri"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
	}
)

// RulesURL is where the rule codes are documented.
const RulesURL = "https://github.com/recueil/recueil/blob/main/docs/rules.md"

func sarif(w io.Writer, diags book.Diagnostics, info Info) error {
	rules := mergeRules(info.Rules, diags)
	index := make(map[string]int, len(rules))
	driver := sarifDriver{Name: "recueil", Version: info.Version, InformationURI: "https://github.com/recueil/recueil", Rules: []sarifRule{}}
	for i, r := range rules {
		index[r.ID] = i
		desc := r.Description
		if desc == "" {
			desc = r.ID
		}
		driver.Rules = append(driver.Rules, sarifRule{ID: r.ID, ShortDescription: sarifMessage{desc}, HelpURI: RulesURL + "#" + r.ID})
	}
	run := sarifRun{Tool: sarifTool{driver}, Results: []sarifResult{}}
	for _, d := range diags {
		level := "note"
		switch d.Severity {
		case book.Error:
			level = "error"
		case book.Warning:
			level = "warning"
		}
		loc := sarifPhysical{ArtifactLocation: sarifArtifact{URI: d.File, URIBaseID: "%SRCROOT%"}}
		if d.Pos.Line > 0 {
			loc.Region = &sarifRegion{StartLine: d.Pos.Line, StartColumn: max(d.Pos.Col, 1)}
		}
		run.Results = append(run.Results, sarifResult{
			RuleID: d.Rule, RuleIndex: index[d.Rule], Level: level,
			Message:   sarifMessage{d.Message},
			Locations: []sarifLocation{{loc}},
		})
	}
	return encode(w, sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

// mergeRules returns the known rules plus those only seen in the findings,
// sorted by code, each once.
func mergeRules(known []Rule, diags book.Diagnostics) []Rule {
	seen := map[string]int{}
	var out []Rule
	add := func(r Rule) {
		if i, ok := seen[r.ID]; ok {
			if out[i].Description == "" {
				out[i].Description = r.Description
			}
			return
		}
		seen[r.ID] = len(out)
		out = append(out, r)
	}
	for _, r := range known {
		add(r)
	}
	for _, d := range diags {
		add(Rule{ID: d.Rule})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
