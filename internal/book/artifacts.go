package book

import "strings"

// Artifacts names the files recueil writes, relative to the output
// folder: the one place the PDF, the EPUB, the cards, the offprints, the
// share kit and the previews are named, for the pipeline, the share kit,
// the checks of name collisions and whatever comes next (a web edition).
type Artifacts struct{ book string }

// Artifacts returns the names of the book's files.
func (b *Book) Artifacts() Artifacts { return Artifacts{b.Slug()} }

const (
	CardsDir     = "cards"
	ExtractsDir  = "extracts"
	PreviewDir   = "preview"
	SiteDir      = "site"
	ShareJSON    = "share.json"
	ShareHTML    = "share.html"
	SumsFile     = "SHA256SUMS"
	ManifestFile = ".recueil-manifest"
)

func (a Artifacts) PDF() string  { return a.book + ".pdf" }
func (a Artifacts) EPUB() string { return a.book + ".epub" }

// PrintPDF is the print edition (bleed, crop marks, an sRGB output
// intent); CoverPDF its cover spread (back, spine, front). Both are of the
// "print" kind, written with the book's PDF (--only pdf).
func (a Artifacts) PrintPDF() string { return a.book + "-print.pdf" }
func (a Artifacts) CoverPDF() string { return a.book + "-cover.pdf" }

// Page is a contributor's page in the web edition.
func (Artifacts) Page(slug string) string { return SiteDir + "/" + slug + ".html" }

// PageURL is where a contributor's page is published: book.yaml's url
// (the web edition's root, as the release workflow publishes it) and the
// page's name; "" when the book has no url. Every share, the QR codes and
// the site's canonical links use it.
func (b *Book) PageURL(slug string) string {
	base := strings.TrimSuffix(strings.TrimSpace(b.URL), "/")
	if base == "" {
		return ""
	}
	return base + "/" + slug + ".html"
}

// Card, SquareCard, PortraitCard and Offprint are a contributor's files,
// by slug: the 1200×630 card of link previews, the 1080×1080 and the
// 1080×1350 ones posted as images.
func (Artifacts) Card(slug string) string         { return CardsDir + "/" + slug + ".png" }
func (Artifacts) SquareCard(slug string) string   { return CardsDir + "/" + slug + "-square.png" }
func (Artifacts) PortraitCard(slug string) string { return CardsDir + "/" + slug + "-portrait.png" }
func (Artifacts) Offprint(slug string) string     { return ExtractsDir + "/" + slug + ".pdf" }

// Preview lists what recueil preview writes for a contributor: the pages,
// a picture of the first one, and the two cards.
func (Artifacts) Preview(slug string) (pdf, page, card, square string) {
	p := PreviewDir + "/" + slug
	return p + ".pdf", p + "-page.png", p + "-card.png", p + "-card-square.png"
}

// LongestSuffix is the most a contributor's slug gets added to name one of
// its files (preview/<slug>-card-square.png, past the folder).
const LongestSuffix = len("-card-square.png")

// Kind says what an artifact is, from its name: "pdf" and "epub" (the
// book's), "print" (the print edition and its cover spread, by their
// suffixes), "cards", "extracts", "site", "share", "preview", or "" (the checksums,
// the manifest, or not an artifact).
func (Artifacts) Kind(rel string) string {
	dir, _, nested := strings.Cut(rel, "/")
	switch {
	case nested && dir == CardsDir:
		return "cards"
	case nested && dir == ExtractsDir:
		return "extracts"
	case nested && dir == PreviewDir:
		return "preview"
	case nested && dir == SiteDir:
		return "site"
	case nested:
		return ""
	case rel == ShareJSON || rel == ShareHTML:
		return "share"
	case strings.HasSuffix(rel, "-print.pdf") || strings.HasSuffix(rel, "-cover.pdf"):
		return "print"
	case strings.HasSuffix(rel, ".pdf"):
		return "pdf"
	case strings.HasSuffix(rel, ".epub"):
		return "epub"
	}
	return ""
}
