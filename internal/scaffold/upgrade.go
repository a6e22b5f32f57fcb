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

// Newer reports whether release tag a is a later release than b (v1.10.0
// after v1.9.2; a pre-release before its release). Tags that are not
// vMAJOR.MINOR.PATCH[-pre] compare as equal.
func Newer(a, b string) bool { return compareTags(a, b) > 0 }

func compareTags(a, b string) int {
	pa, pb := parseTag(a), parseTag(b)
	if pa == nil || pb == nil {
		return 0
	}
	for i := range 3 {
		if c := cmpInt(pa.n[i], pb.n[i]); c != 0 {
			return c
		}
	}
	switch {
	case pa.pre == pb.pre:
		return 0
	case pa.pre == "":
		return 1
	case pb.pre == "":
		return -1
	}
	if pa.pre < pb.pre {
		return -1
	}
	return 1
}

type tag struct {
	n   [3]int
	pre string
}

var tagRe = regexp.MustCompile(`^v([0-9]+)\.([0-9]+)\.([0-9]+)(?:-([0-9A-Za-z.-]+))?$`)

func parseTag(s string) *tag {
	m := tagRe.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	var t tag
	for i := range 3 {
		for _, c := range m[i+1] {
			t.n[i] = t.n[i]*10 + int(c-'0')
			if t.n[i] > 1<<30 {
				return nil
			}
		}
	}
	t.pre = m[4]
	return &t
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
