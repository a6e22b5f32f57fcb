package book

import (
	"regexp"
	"strings"
)

// HandleKind is the network a handle belongs to.
type HandleKind int

const (
	NoHandle       HandleKind = iota // not a handle recueil knows
	XHandle                          // @name: 1 to 15 letters, digits or _
	MastodonHandle                   // @user@instance.tld
	BlueskyHandle                    // @name.bsky.social, or @a.domain
)

var (
	xHandleRE        = regexp.MustCompile(`^@[A-Za-z0-9_]{1,15}$`)
	mastodonHandleRE = regexp.MustCompile(`^@[A-Za-z0-9_]{1,30}@` + domainRE + `$`)
	blueskyHandleRE  = regexp.MustCompile(`^@` + domainRE + `$`)
	// LinkedInRE is a LinkedIn profile address: linkedin.com/in/<name>.
	LinkedInRE = regexp.MustCompile(`^https://([a-z]{2,3}\.)?linkedin\.com/in/[^/\s?#]+/?$`)
)

// domainRE is a host name with at least two labels, the last of letters.
const domainRE = `([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}`

// Handle returns the network of handle h ("" is NoHandle).
func Handle(h string) HandleKind {
	switch {
	case xHandleRE.MatchString(h):
		return XHandle
	case mastodonHandleRE.MatchString(h):
		return MastodonHandle
	case blueskyHandleRE.MatchString(h):
		return BlueskyHandle
	}
	return NoHandle
}

// HandleURL is the profile page of handle h: x.com/name,
// instance/@user, bsky.app/profile/name; "" when h is not a handle.
func HandleURL(h string) string {
	h = strings.TrimSpace(h)
	switch Handle(h) {
	case XHandle:
		return "https://x.com/" + h[1:]
	case MastodonHandle:
		user, inst, _ := strings.Cut(h[1:], "@")
		return "https://" + strings.ToLower(inst) + "/@" + user
	case BlueskyHandle:
		return "https://bsky.app/profile/" + strings.ToLower(h[1:])
	}
	return ""
}

// ShownLinks are the links shown with a contributor's name: links, then
// the LinkedIn profile (when it is not among them already).
func (c *Contribution) ShownLinks() []string {
	if c.LinkedIn == "" {
		return c.Links
	}
	for _, l := range c.Links {
		if strings.TrimSuffix(l, "/") == strings.TrimSuffix(c.LinkedIn, "/") {
			return c.Links
		}
	}
	return append(append([]string(nil), c.Links...), c.LinkedIn)
}
