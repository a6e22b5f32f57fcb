package check

import (
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

// Each handle is an X, a Mastodon or a Bluesky one; anything else is a
// finding at the field that says which rule it breaks and what to write.
func TestHandles(t *testing.T) {
	own := strings.Repeat("Mon propre texte parle de rencontres et de métiers. ", 10)
	for _, c := range []struct{ handle, says string }{
		{"@violette_ex", ""},
		{"@violette@mastodon.social", ""},
		{"@violette.bsky.social", ""},
		{"@violette.example.org", ""},
		{"@violette_exemple_2026", "trop long pour X : 21 caractères après @, 15 au plus"},
		{"violette", "doit commencer par @ : écrivez « handle: \"@violette\" »"},
		{"https://www.linkedin.com/in/violette-exemple", "déplacez-la dans son propre champ, « linkedin: https://www.linkedin.com/in/violette-exemple »"},
		{"https://x.com/violette", "écrivez « handle: \"@violette\" »"},
		{"https://bsky.app/profile/violette.bsky.social", "écrivez « handle: \"@violette.bsky.social\" »"},
		{"https://mastodon.social/@violette", "« handle: \"@violette@mastodon.social\" »"},
		{"@violette ex", "contient une espace"},
		{"@viol€tte", "pour X, @ suivi de 1 à 15 lettres, chiffres ou _"},
	} {
		src := "---\nname: Violette Exemple\nrole: Apicultrice\nhandle: \"" + c.handle + "\"\n---\n" + own + "\n"
		got := only(checkOne(t, src), "handle-format")
		switch {
		case c.says == "" && len(got) != 0:
			t.Errorf("%s: refused: %q", c.handle, got)
		case c.says != "" && (len(got) != 1 || !strings.HasPrefix(got[0], "contributions/zoe.md:4:9: error: ") || !strings.Contains(got[0], c.says)):
			t.Errorf("%s: findings %q, want one at 4:9 saying %q", c.handle, got, c.says)
		}
	}
}

func TestLinkedIn(t *testing.T) {
	own := strings.Repeat("Mon propre texte parle de rencontres et de métiers. ", 10)
	for _, c := range []struct {
		url string
		ok  bool
	}{
		{"https://www.linkedin.com/in/violette-exemple", true},
		{"https://fr.linkedin.com/in/violette-exemple/", true},
		{"https://www.linkedin.com/company/exemple", false},
		{"linkedin.com/in/violette", false},
	} {
		src := "---\nname: Violette Exemple\nrole: Apicultrice\nlinkedin: " + c.url + "\n---\n" + own + "\n"
		d := checkOne(t, src)
		if got := only(d, "linkedin-format", "unknown-key"); (len(got) == 0) != c.ok {
			t.Errorf("%s: findings %q", c.url, got)
		}
	}
}

func TestHandleURL(t *testing.T) {
	for h, want := range map[string]string{
		"@violette":                 "https://x.com/violette",
		"@violette@Mastodon.Social": "https://mastodon.social/@violette",
		"@violette.bsky.social":     "https://bsky.app/profile/violette.bsky.social",
		"@viol ette":                "",
	} {
		if got := book.HandleURL(h); got != want {
			t.Errorf("HandleURL(%q) = %q, want %q", h, got, want)
		}
	}
}
