package book

import "testing"

func TestFrontMatter(t *testing.T) {
	for _, c := range []struct {
		src           string
		yaml, body    string
		found, closed bool
	}{
		{"---\nname: A\n---\nText", "name: A\n", "Text", true, true},
		{"\ufeff---\r\nname: A\r\n---\r\nText", "name: A\r\n", "Text", true, true},
		{"---  \nname: A\n...\nText", "name: A\n", "Text", true, true},
		{"---\nname: A\n---", "name: A\n", "", true, true},
		{"---\nname: A\n----\nText", "", "---\nname: A\n----\nText", true, false},
		{"---\nname: A\n", "", "---\nname: A\n", true, false},
		{"Text\n---\n", "", "Text\n---\n", false, false},
		{"", "", "", false, false},
		{"---", "", "---", true, false},
	} {
		s, e, b, found, closed := FrontMatter([]byte(c.src))
		if found != c.found || closed != c.closed {
			t.Errorf("%q: found %v closed %v", c.src, found, closed)
			continue
		}
		if closed && (c.src[s:e] != c.yaml || c.src[b:] != c.body) {
			t.Errorf("%q: yaml %q body %q", c.src, c.src[s:e], c.src[b:])
		}
	}
}
