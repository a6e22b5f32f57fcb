package epub

import (
	"strings"
	"testing"
)

// The LinkedIn profile is shown with the links, and a Mastodon handle
// links to its instance.
func TestLinkedInAndMastodon(t *testing.T) {
	b, files := sampleBook(t)
	for _, c := range b.Contributions {
		if c.Slug == "violette-exemple" {
			c.LinkedIn = "https://www.linkedin.com/in/violette-exemple"
			c.Handle = "@violette@mastodon.social"
		}
	}
	data, _ := build(t, b, files)
	all, _ := entries(t, data)
	doc := string(all["EPUB/c-violette-exemple.xhtml"])
	for _, want := range []string{
		`<a href="https://www.linkedin.com/in/violette-exemple">www.linkedin.com/in/violette-exemple</a>`,
		`<a class="handle" href="https://mastodon.social/@violette">@violette@mastodon.social</a>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("contribution lacks %s in\n%s", want, doc[:min(len(doc), 1500)])
		}
	}
}
