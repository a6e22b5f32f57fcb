// Command actionscripts writes the run: scripts of a composite action's
// steps (action.yml) into a folder, one file per step, with each ${{ }}
// expression replaced by a plain word, so that shellcheck can read them:
// actionlint checks the run: scripts of workflows, not those of an action.
//
//	go run ./tools/actionscripts action.yml DIR
//
// It prints the files it wrote, one a line.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"gopkg.in/yaml.v3"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "actionscripts:", err)
		os.Exit(1)
	}
}

var exprRe = regexp.MustCompile(`\$\{\{[^}]*\}\}`)

func run(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("usage: actionscripts action.yml DIR")
	}
	raw, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	var a struct {
		Runs struct {
			Steps []struct {
				Run   string `yaml:"run"`
				Shell string `yaml:"shell"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(raw, &a); err != nil {
		return fmt.Errorf("%s: %w", args[0], err)
	}
	for i, s := range a.Runs.Steps {
		if s.Run == "" {
			continue
		}
		if s.Shell != "bash" {
			return fmt.Errorf("%s: step %d: shell %q, expected bash", args[0], i+1, s.Shell)
		}
		p := filepath.Join(args[1], fmt.Sprintf("step%d.sh", i+1))
		// As the runner runs it: bash -e -o pipefail.
		script := "#!/usr/bin/env bash\nset -eo pipefail\n" + exprRe.ReplaceAllString(s.Run, "EXPR")
		if err := os.WriteFile(p, []byte(script), 0o644); err != nil {
			return err
		}
		fmt.Println(p)
	}
	return nil
}
