package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

var sample = book.Diagnostics{
	{File: "book.yaml", Severity: book.Warning, Rule: "missing-identifier", Message: "Pas d’identifiant"},
	{File: "contributions/a,b.md", Pos: book.Pos{Line: 3, Col: 7}, Severity: book.Error, Rule: "unknown-key", Message: "Clé inconnue : « rol »\nligne 2 100%"},
	{File: "contributions/c.md", Pos: book.Pos{Line: 9, Col: 0}, Severity: book.Warning, Rule: "typo-apostrophe", Message: "Apostrophe"},
}

func TestGithub(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "github", sample, Info{Files: 2}); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=book.yaml,title=missing-identifier::Pas d’identifiant\n" +
		"::error file=contributions/a%2Cb.md,line=3,col=7,title=unknown-key::Clé inconnue : « rol »%0Aligne 2 100%25\n" +
		"::warning file=contributions/c.md,line=9,col=1,title=typo-apostrophe::Apostrophe\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "json", sample, Info{Files: 2}); err != nil {
		t.Fatal(err)
	}
	var r jsonReport
	if err := json.Unmarshal(b.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 3 || r.Summary.Errors != 1 || r.Summary.Warnings != 2 || r.Summary.Files != 2 {
		t.Errorf("bad report: %+v", r)
	}
	if r.Findings[1].Line != 3 || r.Findings[1].Column != 7 || r.Findings[1].Rule != "unknown-key" {
		t.Errorf("bad finding: %+v", r.Findings[1])
	}
	// No findings is an empty list, not null.
	b.Reset()
	Write(&b, "json", nil, Info{})
	if !strings.Contains(b.String(), `"findings": []`) {
		t.Errorf("empty report: %s", b.String())
	}
}

func TestSARIF(t *testing.T) {
	var b bytes.Buffer
	rules := []Rule{{ID: "typo-apostrophe", Description: "L’apostrophe droite devient ’."}, {ID: "typo-ellipsis"}}
	if err := Write(&b, "sarif", sample, Info{Files: 2, Rules: rules, Version: "v1.2.3"}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name    string `json:"name"`
					Version string `json:"version"`
					Rules   []struct {
						ID               string `json:"id"`
						ShortDescription struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region *struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("not a SARIF 2.1.0 log with one run: %s", b.String())
	}
	run := log.Runs[0]
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	if got := strings.Join(ids, " "); got != "missing-identifier typo-apostrophe typo-ellipsis unknown-key" {
		t.Errorf("rules = %s", got)
	}
	if d := run.Tool.Driver.Rules[1].ShortDescription.Text; d != "L’apostrophe droite devient ’." {
		t.Errorf("description = %q", d)
	}
	if len(run.Results) != 3 {
		t.Fatalf("%d results", len(run.Results))
	}
	for _, r := range run.Results {
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("ruleIndex %d does not point at %s", r.RuleIndex, r.RuleID)
		}
	}
	whole, pos := run.Results[0], run.Results[1]
	if whole.Locations[0].PhysicalLocation.Region != nil {
		t.Errorf("a whole-file finding has a region")
	}
	reg := pos.Locations[0].PhysicalLocation.Region
	if reg == nil || reg.StartLine != 3 || reg.StartColumn != 7 || pos.Level != "error" ||
		pos.Locations[0].PhysicalLocation.ArtifactLocation.URI != "contributions/a,b.md" {
		t.Errorf("bad result: %+v", pos)
	}
	if run.Results[2].Locations[0].PhysicalLocation.Region.StartColumn != 1 {
		t.Errorf("column 0 must become 1")
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, "xml", sample, Info{}); err == nil || !strings.Contains(err.Error(), "sarif") {
		t.Errorf("err = %v", err)
	}
}

// TestNoForgedFindings: a file name or message with a newline, a workflow
// command or an escape sequence cannot create a second annotation or line,
// nor put a raw control character on a terminal, in any format.
func TestNoForgedFindings(t *testing.T) {
	hostile := book.Diagnostics{{File: "contributions/a\n::error file=x::forged.md", Pos: book.Pos{Line: 1, Col: 1},
		Severity: book.Error, Rule: "bad-filename", Message: "Nom « a\r\n::error file=y::forged\x1b[31mrouge\u202e »"}}
	hostile = append(hostile, book.Diagnostic{File: "contributions/\x1b[31mred.md", Pos: book.Pos{Line: 2, Col: 3},
		Severity: book.Warning, Rule: "x", Message: "m\x07\u2028"})
	for _, f := range Formats {
		var b bytes.Buffer
		if err := Write(&b, f, hostile, Info{Files: 2}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, r := range out {
			if (r < 0x20 && r != '\n' && (f == "text" || f == "github" || r != '\t')) || r == 0x7f || r == 0x2028 || r == 0x202e {
				t.Errorf("%s: raw control U+%04X in\n%q", f, r, out)
				break
			}
		}
		switch f {
		case "text", "github":
			if n := strings.Count(out, "\n"); n != 2 {
				t.Errorf("%s: %d lines, want 2:\n%s", f, n, out)
			}
			for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if f == "github" && !strings.HasPrefix(l, "::error file=contributions/") && !strings.HasPrefix(l, "::warning file=contributions/") {
					t.Errorf("github: forged command in %q", l)
				}
			}
		}
	}
	var b bytes.Buffer
	Write(&b, "text", hostile, Info{})
	if !strings.HasPrefix(b.String(), `"contributions/a\n::error file=x::forged.md":1:1: error: `) {
		t.Errorf("text: file name not quoted: %q", b.String())
	}
	b.Reset()
	Write(&b, "json", hostile, Info{})
	var r jsonReport
	if err := json.Unmarshal(b.Bytes(), &r); err != nil || r.Findings[0].Message != hostile[0].Message || r.Findings[0].File != hostile[0].File {
		t.Errorf("json must keep the text exactly (escaped): %v %+v", err, r)
	}
	b.Reset()
	Write(&b, "github", hostile, Info{})
	if !strings.HasPrefix(b.String(), "::error file=contributions/a%0A%3A%3Aerror file=x%3A%3Aforged.md,line=1,col=1,") {
		t.Errorf("github: %q", b.String())
	}
}
