package scaffold

import (
	"bytes"
	"regexp"
	"slices"
)

var (
	pinRe     = regexp.MustCompile(`(` + regexp.QuoteMeta(Action) + `@)(v[0-9][^\s"']*)`)
	versionRe = regexp.MustCompile(`(?m)^(\s+version:[ \t]*)(["']?)(v[0-9][^\s"']*)(["']?)[ \t]*$`)
)

// Written reports whether a workflow file is one recueil init wrote: it
// carries Header.
func Written(data []byte) bool {
	for line := range bytes.Lines(data) {
		if bytes.HasPrefix(line, []byte(Header)) {
			return true
		}
	}
	return false
}

// Upgrade moves the pins of recueil's action in a workflow init wrote to
// the release to: every uses: recueil/recueil@OLD, and every version: OLD
// line (the action's input) for those OLD versions. It returns the new
// file and the versions it replaced, sorted; the file is returned
// unchanged, with no versions, when it was already pinned to to, when it
// has no pin (recueil's own workflows build from source) or when init did
// not write it.
func Upgrade(data []byte, to string) ([]byte, []string) {
	if !Written(data) {
		return data, nil
	}
	var old []string
	for _, m := range pinRe.FindAllSubmatch(data, -1) {
		if v := string(m[2]); v != to && !slices.Contains(old, v) {
			old = append(old, v)
		}
	}
	if len(old) == 0 {
		return data, nil
	}
	slices.Sort(old)
	out := pinRe.ReplaceAllFunc(data, func(m []byte) []byte {
		return []byte(Action + "@" + to)
	})
	out = versionRe.ReplaceAllFunc(out, func(m []byte) []byte {
		sub := versionRe.FindSubmatch(m)
		if !slices.Contains(old, string(sub[3])) {
			return m
		}
		return slices.Concat(sub[1], sub[2], []byte(to), sub[4])
	})
	return out, old
}
