package book

import "bytes"

// FrontMatter finds the YAML front matter of a Markdown file, the one
// policy of the loader, the editorial texts and the typographer: after an
// optional UTF-8 BOM, a first line "---", then the YAML, up to a line
// "---" or "..."; spaces, tabs and a carriage return may end those lines.
// found says the first line opens a front matter, closed that it is
// closed; then src[start:end] is the YAML and the body starts at body.
func FrontMatter(src []byte) (start, end, body int, found, closed bool) {
	p := 0
	if bytes.HasPrefix(src, []byte("\ufeff")) {
		p = 3
	}
	first, next := line(src, p)
	if !isFence(first, false) {
		return 0, 0, p, false, false
	}
	for q := next; q < len(src); {
		l, n := line(src, q)
		if isFence(l, true) {
			return next, q, n, true, true
		}
		q = n
	}
	return next, len(src), p, true, false
}

// line returns the line starting at p, without its "\n", and where the
// next one starts.
func line(src []byte, p int) ([]byte, int) {
	if i := bytes.IndexByte(src[p:], '\n'); i >= 0 {
		return src[p : p+i], p + i + 1
	}
	return src[p:], len(src)
}

func isFence(l []byte, closing bool) bool {
	l = bytes.TrimRight(l, " \t\r")
	return string(l) == "---" || closing && string(l) == "..."
}
