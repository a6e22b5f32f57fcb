// Package check finds the problems of a loaded book that need more than
// one field or one file to see: limits, duplicates, sections, names.
package check

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/load"
)

var (
	profileRE = regexp.MustCompile(`^https?://(www\.|mobile\.)?(x|twitter|bsky)\.(com|app)/(profile/)?@?([A-Za-z0-9_.-]+)/?$`)
	longXRE   = regexp.MustCompile(`^@[A-Za-z0-9_]{16,}$`)
	mastoRE   = regexp.MustCompile(`^https?://([A-Za-z0-9.-]+\.[A-Za-z]{2,})/@([A-Za-z0-9_]+)/?$`)
	linkRE    = regexp.MustCompile(`^(https?)://[^\s/$.?#][^\s]*$`)
)

// Book returns every finding about the loaded book.
func Book(b *book.Book) book.Diagnostics {
	var d book.Diagnostics
	for _, c := range b.Contributions {
		contribution(b, c, &d)
	}
	duplicates(b, &d)
	manual(b, &d)
	return d
}

func contribution(b *book.Book, c *book.Contribution, d *book.Diagnostics) {
	top := book.Pos{Line: 1, Col: 1}
	if !book.ValidSlug(c.Slug) {
		d.Add(c.Path, top, book.Error, "bad-filename",
			book.M("Le nom du fichier doit être en minuscules sans accents ni espaces, mots séparés par des tirets : %s.md.", "The file's name must be in lower case without accents or spaces, words separated by hyphens: %s.md."), suggestSlug(c))
	}
	if c.Name == "" {
		d.Add(c.Path, top, book.Error, "missing-field", book.M("Il manque votre nom : ajoutez « name: Prénom Nom » dans l’en-tête.", "Your name is missing: add “name: First Last” to the header."))
	}
	if c.Role == "" {
		d.Add(c.Path, top, book.Error, "missing-field", book.M("Il manque votre fonction : ajoutez « role: … » dans l’en-tête (une ligne).", "Your role is missing: add “role: …” to the header (one line)."))
	}
	for _, f := range []struct{ key, val string }{{"name", c.Name}, {"role", c.Role}, {"organization", c.Organization}, {"title", c.Title}, {"sort_as", c.SortAs}} {
		if strings.ContainsAny(f.val, "\n\r") {
			d.Add(c.Path, c.FieldPos(f.key), book.Error, "one-line", book.M("« %s » doit tenir sur une seule ligne.", "“%s” must fit on one line."), f.key)
		}
		if bad := suspicious(f.val); bad != 0 {
			what := book.M("un caractère invisible ou de contrôle (U+%04X)", "an invisible or control character (U+%04X)").Format(bad)
			if bad == 0x200B || bad == 0x200C || bad == 0x200D || bad == 0x2060 || bad == 0xFEFF {
				what = load.DescribeInvisible(bad)
			}
			d.Add(c.Path, c.FieldPos(f.key), book.Error, "invisible-char",
				book.M("« %s » contient %s : retapez ce champ.", "“%s” holds %s: type this field again."), f.key, what)
		}
		if utf8.RuneCountInString(f.val) > 200 {
			d.Add(c.Path, c.FieldPos(f.key), book.Error, "field-too-long", book.M("« %s » est trop long (200 caractères au plus).", "“%s” is too long (200 characters at most)."), f.key)
		}
	}
	if c.Handle != "" && book.Handle(c.Handle) == book.NoHandle {
		d.Add(c.Path, c.FieldPos("handle"), book.Error, "handle-format", handleProblem(c.Handle))
	}
	if c.LinkedIn != "" && !book.LinkedInRE.MatchString(c.LinkedIn) {
		d.Add(c.Path, c.FieldPos("linkedin"), book.Error, "linkedin-format",
			book.M("« %s » n’est pas l’adresse d’un profil LinkedIn : écrivez-la en entier, sous la forme https://www.linkedin.com/in/prenom-nom.", "“%s” is not the address of a LinkedIn profile: write it in full, as https://www.linkedin.com/in/first-last."), c.LinkedIn)
	}
	for _, l := range c.Links {
		if !linkRE.MatchString(l) {
			d.Add(c.Path, c.FieldPos("links"), book.Error, "link-scheme",
				book.M("Le lien « %s » doit être une adresse complète commençant par https://.", "The link “%s” must be a full address starting with https://."), l)
		}
	}
	if len(b.Sections) > 0 && c.Section != "" && !slices.Contains(b.Sections, c.Section) {
		if s := load.Suggest(c.Section, b.Sections); s != "" {
			d.Add(c.Path, c.FieldPos("section"), book.Error, "unknown-section", book.M("La section « %s » n’existe pas : vouliez-vous dire « %s » ?", "The section “%s” does not exist: did you mean “%s”?"), c.Section, s)
		} else {
			d.Add(c.Path, c.FieldPos("section"), book.Error, "unknown-section", book.M("La section « %s » n’existe pas. Sections du livre : %s.", "The section “%s” does not exist. The book's sections: %s."), c.Section, strings.Join(b.Sections, ", "))
		}
	}
	if len(b.Sections) == 0 && c.Section != "" {
		d.Add(c.Path, c.FieldPos("section"), book.Error, "unknown-section", book.M("Ce livre n’a pas de sections : retirez « section ».", "This book has no sections: remove “section”."))
	}
	body := book.BlocksText(c.Body)
	bodyPos := book.Pos{Line: c.BodyLine, Col: 1}
	switch {
	case strings.TrimSpace(body) == "":
		d.Add(c.Path, bodyPos, book.Error, "empty-text", book.M("Le texte est vide : écrivez-le sous l’en-tête, après la ligne « --- ».", "The text is empty: write it under the header, after the “---” line."))
	case b.Limits.MinWords > 0 && c.Words < b.Limits.MinWords:
		d.Add(c.Path, bodyPos, book.Error, "too-short", book.M("Le texte compte %s : il en faut au moins %d.", "The text has %s: it needs at least %d."), mots(c.Words), b.Limits.MinWords)
	case b.Limits.MaxWords > 0 && c.Words > b.Limits.MaxWords:
		d.Add(c.Path, bodyPos, book.Error, "too-long", book.M("Le texte compte %s : %d au plus. Raccourcissez-le de %s.", "The text has %s: %d at most. Shorten it by %s."), mots(c.Words), b.Limits.MaxWords, mots(c.Words-b.Limits.MaxWords))
	}
	if c.Extract != "" {
		n := utf8.RuneCountInString(c.Extract)
		if b.Limits.ExtractChars > 0 && n > b.Limits.ExtractChars {
			d.Add(c.Path, c.FieldPos("extract"), book.Error, "extract-too-long",
				book.M("L’extrait fait %d caractères : %d au plus. Choisissez une phrase plus courte.", "The extract is %d characters long: %d at most. Choose a shorter sentence."), n, b.Limits.ExtractChars)
		}
		if !strings.Contains(comparable(body), comparable(c.Extract)) {
			d.Add(c.Path, c.FieldPos("extract"), book.Warning, "extract-not-in-text",
				book.M("L’extrait ne se retrouve pas mot pour mot dans le texte : copiez-collez la phrase du texte pour qu’ils correspondent.", "The extract is not found word for word in the text: copy and paste the sentence from the text so that they match."))
		}
	}
	longWords(c, d)
	placeholderText(c, d)
	if c.Draft {
		d.Add(c.Path, c.FieldPos("draft"), book.Warning, "draft", book.M("Ce texte est un brouillon (draft: true) : il est vérifié mais laissé hors du livre.", "This text is a draft (draft: true): it is checked but left out of the book."))
	}
}

// handleRules says, in a finding, what a handle may be.
var handleRules = book.M("Formes acceptées : pour X, @ suivi de 1 à 15 lettres, chiffres ou _ (\"@prenom_nom\") ; pour Mastodon, @nom@instance (\"@prenom@mastodon.social\") ; pour Bluesky, @nom.bsky.social ou votre domaine (\"@prenom.bsky.social\"). Écrivez-le entre guillemets",
	"Accepted forms: for X, @ followed by 1 to 15 letters, digits or _ (\"@first_last\"); for Mastodon, @name@instance (\"@first@mastodon.social\"); for Bluesky, @name.bsky.social or your own domain (\"@first.bsky.social\"). Write it between quotes")

func handleProblem(h string) book.Msg {
	name := strings.TrimPrefix(h, "@")
	switch {
	case book.LinkedInRE.MatchString(strings.Replace(h, "http://", "https://", 1)):
		return book.M("« %s » est l’adresse d’un profil LinkedIn, pas un identifiant : déplacez-la dans son propre champ, « linkedin: %s », et laissez « handle » vide (ou mettez-y votre compte X, Mastodon ou Bluesky).",
			"“%s” is the address of a LinkedIn profile, not a handle: move it to its own field, “linkedin: %s”, and leave “handle” empty (or put your X, Mastodon or Bluesky account there).").Format(h, h)
	case profileRE.MatchString(h):
		m := profileRE.FindStringSubmatch(h)
		return book.M("« %s » est l’adresse d’un profil, pas un identifiant : écrivez « handle: \"@%s\" ».",
			"“%s” is the address of a profile, not a handle: write “handle: \"@%s\"”.").Format(h, m[5])
	case mastoRE.MatchString(h):
		m := mastoRE.FindStringSubmatch(h)
		return book.M("« %s » est l’adresse d’un profil Mastodon : écrivez l’identifiant, « handle: \"@%s@%s\" ».",
			"“%s” is the address of a Mastodon profile: write the handle, “handle: \"@%s@%s\"”.").Format(h, m[2], m[1])
	case !strings.HasPrefix(h, "@") && book.Handle("@"+h) != book.NoHandle:
		return book.M("L’identifiant « %s » doit commencer par @ : écrivez « handle: \"@%s\" », entre guillemets.",
			"The handle “%s” must start with @: write “handle: \"@%s\"”, between quotes.").Format(h, h)
	case longXRE.MatchString(h):
		return book.M("L’identifiant « %s » est trop long pour X : %d caractères après @, 15 au plus. %s.",
			"The handle “%s” is too long for X: %d characters after @, 15 at most. %s.").Format(h, len(name), handleRules)
	case strings.HasPrefix(h, "@") && strings.ContainsAny(name, " \u00a0"):
		return book.M("L’identifiant « %s » contient une espace : un identifiant n’en a pas. %s.",
			"The handle “%s” holds a space: a handle has none. %s.").Format(h, handleRules)
	}
	return book.M("« %s » n’est pas un identifiant reconnu. %s.", "“%s” is not a known handle. %s.").Format(h, handleRules)
}

// maxWordRunes is the longest word that can be set on a line of the book.
const maxWordRunes = 60

// longWords warns about a word too long for any line (a web address is
// allowed: it may break at its slashes).
func longWords(c *book.Contribution, d *book.Diagnostics) {
	book.Walk(c.Body, func(bl *book.Block) {
		if bl.Kind == book.CodeBlock {
			return
		}
		for _, sp := range bl.Spans {
			if n := longestWord(sp.Text); n > maxWordRunes {
				d.Add(c.Path, book.Pos{Line: bl.Line, Col: 1}, book.Warning, "long-word",
					book.M("Un mot de %d caractères ne peut tenir sur aucune ligne : coupez-le ou ajoutez des espaces.", "A word of %d characters cannot fit on any line: break it up or add spaces."), n)
				return
			}
		}
	})
}

// longestWord is the length in characters of the longest word of s that
// is not a web address (addresses break at their slashes).
func longestWord(s string) int {
	best, n, slash := 0, 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !slash {
				best = max(best, n)
			}
			n, slash = 0, false
			continue
		}
		n++
		slash = slash || r == '/'
	}
	if !slash {
		best = max(best, n)
	}
	return best
}

// suspicious returns the first control, bidirectional-override or
// zero-width character of s, or 0.
func suspicious(s string) rune {
	for _, r := range s {
		switch {
		case r == '\t':
		case unicode.IsControl(r):
			return r
		case book.Forging(r), r == 0x200E, r == 0x200F, r == 0x061C: // and the direction marks
			return r
		case r == 0x200B, r == 0x200C, r == 0x200D, r == 0x2060, r == 0xFEFF:
			return r
		}
	}
	return 0
}

// comparable folds what differs between an extract and the text without
// changing the words: spaces of every kind, apostrophes, quotes, dots.
func comparable(s string) string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return strings.Join(strings.Fields(folder.Replace(s)), " ")
}

// folder is the replacer of comparable (a Replacer is safe for concurrent use).
var folder = strings.NewReplacer("’", "'", "‘", "'", "«", "\"", "»", "\"", "“", "\"", "”", "\"", "…", "...",
	"\u00a0", " ", "\u202f", " ", "\u2009", " ")

// duplicates reports collisions on both files, each naming the other, so
// that checking only one file of a pull request still shows them.
func duplicates(b *book.Book, d *book.Diagnostics) {
	byHandle := map[string]*book.Contribution{}
	bySlug := map[string]*book.Contribution{}
	byName := map[string]*book.Contribution{}
	defer derivedNames(b, bySlug, d)
	// b.Contributions is in file order here (loading sorts by name).
	for _, c := range b.Contributions {
		if c.Handle != "" {
			k := strings.ToLower(c.Handle)
			if o, ok := byHandle[k]; ok {
				for _, pair := range [][2]*book.Contribution{{c, o}, {o, c}} {
					d.Add(pair[0].Path, pair[0].FieldPos("handle"), book.Error, "duplicate-handle",
						book.M("L’identifiant %s est aussi celui de %s : chaque contributeur a le sien.", "The handle %s is also the one of %s: each contributor has their own."), c.Handle, pair[1].Path)
				}
			} else {
				byHandle[k] = c
			}
		}
		k := strings.ToLower(c.Slug)
		if o, ok := bySlug[k]; ok {
			for _, pair := range [][2]*book.Contribution{{c, o}, {o, c}} {
				d.Add(pair[0].Path, book.Pos{Line: 1, Col: 1}, book.Error, "duplicate-slug",
					book.M("Ce fichier a le même nom que %s (à la casse près) : renommez l’un des deux.", "This file has the same name as %s (but for upper and lower case): rename one of them."), pair[1].Path)
			}
		} else {
			bySlug[k] = c
		}
		if c.Name != "" {
			k := strings.ToLower(comparable(c.Name))
			if o, ok := byName[k]; ok {
				for _, pair := range [][2]*book.Contribution{{c, o}, {o, c}} {
					d.Add(pair[0].Path, pair[0].FieldPos("name"), book.Warning, "homonym",
						book.M("%s porte le même nom que dans %s : vérifiez qu’il ne s’agit pas d’un doublon (les homonymes existent).", "%s has the same name as in %s: check that it is not a duplicate (people can share a name)."), c.Name, pair[1].Path)
				}
			} else {
				byName[k] = c
			}
		}
	}
}

func manual(b *book.Book, d *book.Diagnostics) {
	if b.Order != "manual" {
		return
	}
	slugs := map[string]bool{}
	for _, c := range b.Contributions {
		slugs[c.Slug] = true
	}
	listed := map[string]bool{}
	for _, s := range b.Manual {
		listed[s] = true
		if !slugs[s] {
			d.Add("book.yaml", b.FieldPos("manual"), book.Warning, "manual-unknown", book.M("manual cite « %s », qui n’est pas un fichier de contributions/.", "manual names “%s”, which is not a file of contributions/."), s)
		}
	}
	for _, c := range b.Contributions {
		if !listed[c.Slug] && !c.Draft {
			d.Add(c.Path, book.Pos{Line: 1, Col: 1}, book.Warning, "manual-missing",
				book.M("Ce texte n’est pas dans la liste manual de book.yaml : il est placé après les textes listés.", "This text is not in book.yaml's manual list: it is placed after the listed texts."))
		}
	}
}

// mots writes a number of words with the right French plural (0 and 1
// are singular in French).
func mots(n int) book.Msg { return book.Plural(n, "mot", "mots", "word", "words") }

func suggestSlug(c *book.Contribution) string {
	if s := book.Slugify(c.Slug); s != "" {
		return s
	}
	if s := book.Slugify(c.Name); s != "" {
		return s
	}
	return "prenom-nom"
}

// longestDerived is the longest suffix recueil adds to a contribution's
// slug to name a file; 255 bytes is the limit of a file name on every
// common file system.
const longestDerived = book.LongestSuffix

// derivedNames finds the contributions whose files would take another's
// name (cards/anne-square.png is the square card of anne.md and the card
// of anne-square.md; the same for -portrait) or a name too long for the
// file system.
func derivedNames(b *book.Book, bySlug map[string]*book.Contribution, d *book.Diagnostics) {
	top := book.Pos{Line: 1, Col: 1}
	for _, c := range b.Contributions {
		if len(c.Slug)+longestDerived > 255 {
			d.Add(c.Path, top, book.Error, "name-too-long",
				book.M("Le nom de ce fichier est trop long pour nommer sa carte et son tiré à part (%d caractères au plus avant .md) : raccourcissez-le.", "This file's name is too long to name its card and its offprint (%d characters at most before .md): shorten it."), 255-longestDerived)
		}
		for _, k := range []struct{ suffix, what, instead string }{
			{"-square", "la carte carrée", "-carre"},
			{"-portrait", "la carte en hauteur", "-2"},
		} {
			what := book.M(k.what, "the square card")
			if k.suffix == "-portrait" {
				what = book.M(k.what, "the portrait card")
			}
			base, ok := strings.CutSuffix(strings.ToLower(c.Slug), k.suffix)
			if o := bySlug[base]; ok && o != nil && o != c {
				d.Add(c.Path, top, book.Error, "name-clash",
					book.M("La carte de ce texte s’appellerait %s, qui est déjà le nom de %s de %s : renommez ce fichier (par exemple %s%s.md).", "This text's card would be called %s, which is already the name of %s of %s: rename this file (for example %s%s.md)."), b.Artifacts().Card(c.Slug), what, o.Path, base, k.instead)
			}
		}
	}
}
