package fonts

import "fmt"

// Why is why a font cannot be used, in terms an editor's message can name;
// the details (which table, which glyph) are for a bug report.
type Why int

const (
	NotTrueType Why = iota + 1 // not a TrueType file, or no Unicode (format 4) character map
	PostScript                 // an OpenType font with PostScript outlines (.otf, no glyf table)
	Damaged                    // tables that lie outside the file or do not hold together
	NoLatin                    // none of the Latin letters a French or English text needs
	TooBig                     // more characters than a format 4 character map holds
	Collection                 // a TrueType collection (.ttc): several fonts in one file
	WebFont                    // a WOFF or WOFF2 file, compressed for the web
)

// A Problem is a font that Parse, Validate or Trim refuses.
type Problem struct {
	Why    Why
	Detail string // in English, for a report
}

func (p *Problem) Error() string { return p.Detail }

func problem(why Why, format string, a ...any) error {
	return &Problem{why, fmt.Sprintf(format, a...)}
}

// signature names what a file that is not a plain TrueType font is, from
// its first four bytes; nil for a TrueType font (version 1.0, or Apple's
// "true").
func signature(ttf []byte) error {
	if len(ttf) < 4 {
		return errBadFont
	}
	switch string(ttf[:4]) {
	case "OTTO":
		return problem(PostScript, "an OpenType font with PostScript (CFF) outlines")
	case "ttcf":
		return problem(Collection, "a TrueType collection (.ttc)")
	case "wOFF", "wOF2":
		return problem(WebFont, "a WOFF web font")
	case "\x00\x01\x00\x00", "true":
		return nil
	}
	return errBadFont
}

var errBadFont = &Problem{NotTrueType, "not a TrueType font with a Unicode (format 4) cmap"}
