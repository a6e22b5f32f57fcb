package main

import (
	"runtime/debug"
)

// releaseVersion is set by the release build (-ldflags "-X
// main.releaseVersion=v1.2.3", scripts/dist.sh); empty otherwise.
var releaseVersion string

// version is the version recueil was built as: the release's, else the
// module version (go install ...@v1.2.3), "" for a development build.
func version() string {
	if releaseVersion != "" {
		return releaseVersion
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}

// versionLine is what recueil --version prints: the version, or "devel",
// and the commit it was built from when Go recorded it.
func versionLine() string {
	v := version()
	if v == "" {
		v = "devel"
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev, dirty string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					dirty = "+dirty"
				}
			}
		}
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if rev != "" {
			v += " (" + rev + dirty + ")"
		}
		v += " " + bi.GoVersion
	}
	return v
}
