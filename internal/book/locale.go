package book

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Locale is the book's language, resolved once: every stage asks it
// whether the book is French, for the words recueil prints itself, for
// dates, quotation marks and the order of names. French is French in every
// region (fr, fr-CA, fr-BE, fr-CH); any other language gets English words
// until it has its own.
type Locale struct {
	Tag    language.Tag // a well-formed BCP 47 tag; French when book.yaml's is missing or malformed
	French bool         // French words and typography
	Labels
	// Typography is the policy of the text: spaces, quotation marks of
	// both levels, Spanish ¿ ¡. Every stage asks it; none decides on its
	// own whether the text is French.
	Typography Typography
	// Names is how the language orders personal names.
	Names Names
}

// Locale resolves the book's language.
// The book's house style (book.yaml's quotes and sort_particles) is
// applied to it.
func (b *Book) Locale() Locale {
	l := ResolveLocale(b.Language)
	l.Typography = b.TypographyOf(b.Language)
	if b.Quotes != ([2][2]rune{}) { // the cards' and posts' marks follow the house style
		o, c, _ := strings.Cut(l.Typography.Quote("\x00"), "\x00")
		l.quotes = [2]string{o, c}
	}
	switch b.SortParticles {
	case "keep":
		l.Names.KeepParticles = true
	case "ignore":
		l.Names.KeepParticles = false
	}
	return l
}

// TypographyOf is the policy of a text in the language lang ("" for the
// book's): that language's, with the book's house style of quotation marks
// when the text is in the book's language (a German house style is not
// asked of an English contribution).
func (b *Book) TypographyOf(lang string) Typography {
	if strings.TrimSpace(lang) == "" {
		lang = b.Language
	}
	t := ResolveLocale(lang).Typography
	if b.Quotes != ([2][2]rune{}) && sameBase(lang, b.Language) {
		t.Quotes = b.Quotes
	}
	return t
}

func sameBase(a, b string) bool {
	ba, _ := ResolveLocale(a).Tag.Base()
	bb, _ := ResolveLocale(b).Tag.Base()
	return ba == bb
}

// ResolveLocale resolves a BCP 47 tag ("fr", "fr-CA", "en-GB"); "" or a
// malformed tag is French, the default of recueil's books.
func ResolveLocale(lang string) Locale {
	tag, err := language.Parse(strings.TrimSpace(lang))
	if err != nil || strings.TrimSpace(lang) == "" {
		tag = language.French
	}
	base, _ := tag.Base()
	region, _ := tag.Region()
	l := Locale{Tag: tag, French: base.String() == "fr"}
	l.Labels = labelsFor(base.String(), region.String())
	l.Typography = typographyFor(base.String(), region.String())
	l.Names = namesFor(base.String())
	return l
}

// IsFrench reports whether a language tag is French (in any region).
func IsFrench(lang string) bool { return ResolveLocale(lang).French }

// Labels are the words recueil prints itself, in one language: the one
// table of the PDF, the EPUB, the cards and the share kit. Labels that
// introduce a value ("Licence") have no colon: Colon adds the language's.
type Labels struct {
	Contents, Landmarks, Cover, TitlePage, Copyright, Start string
	FullContents                                            string // a large book's whole contents, after the short one
	IndexOrganizations, IndexCities                         string // the optional indexes (book.yaml indexes:)
	Introduction, Afterword, Partners, Index, Contributors  string
	Part                                                    string // "Partie" 1
	Publisher, License, Identifier, Edition, Date           string
	LegalDeposit                                            string
	SourceVersion, Download, FreeDownload                   string
	TypesetWith                                             string
	WholeBook                                               string // the offprint's link to the whole book
	A11ySummary                                             string // the EPUB's accessibility summary

	// Web edition.
	Home, SkipToText, ContributorsAZ, Previous, Next, Search, SearchHint, NoResult string
	ReadPDF, ReadEPUB, InTheBook, Colophon, TheBook, WebPage                       string

	// Share kit.
	ShareKit, ShareIntro, CardAlt, ReadyPost, SquareCard, PortraitCard, WideCard string
	Offprint, Page, Pages                                                        string

	// Drafts (compile --draft) and previews of a contribution with errors.
	Draft, DraftNote, PreviewErrors, Line string
	BackToText                            string // a footnote's link back to its call
	more                                  string // "… et %d autres"

	and, editedBy, portrait, in string
	quotes                      [2]string // first-level quotation marks, with their spaces
	months                      [12]string
	colon                       string
	date                        int      // how a date is written: dateMDY...
	from                        string   // an offprint's credit: "Auszug aus"
	p, pp                       string   // page and pages, abbreviated
	sups                        supRules // the letters the typography raises (1er, 2e, Mme; 1st)
}

var french = Labels{
	Contents: "Sommaire", FullContents: "Table des matières", IndexOrganizations: "Index des organisations", IndexCities: "Index des villes", Landmarks: "Repères", Cover: "Couverture", TitlePage: "Page de titre",
	Copyright: "Mentions légales", Start: "Début du texte",
	Introduction: "Introduction", Afterword: "Postface", Partners: "Partenaires",
	Index: "Index des contributeurs", Contributors: "Contributeurs", Part: "Partie",
	LegalDeposit: "Dépôt légal",
	Publisher:    "Éditeur", License: "Licence", Identifier: "Identifiant", Edition: "Édition", Date: "Date",
	SourceVersion: "Version des sources", Download: "Téléchargement", FreeDownload: "Téléchargement libre",
	TypesetWith: "Composé avec recueil, en Liberation Serif et Liberation Sans.",
	WholeBook:   "Le livre entier",
	A11ySummary: "Ce livre numérique se lit sans recours à la vue : toutes ses images ont un texte de remplacement. " +
		"Il propose un sommaire, une navigation structurée par titres, un ordre de lecture logique " +
		"et un index des contributeurs avec des liens. Aucun danger connu.",
	ShareKit: "Kit de partage",
	ShareIntro: "Pour chaque contributrice et chaque contributeur : la carte à partager (format large pour LinkedIn, X et les aperçus de liens ; formats carré et en hauteur pour Instagram et LinkedIn, avec un code QR vers sa page), " +
		"son texte alternatif à coller dans le champ « texte alternatif » du réseau, un texte prêt à publier pour chaque réseau et le tiré à part de ses pages.",
	CardAlt: "Texte alternatif de la carte", ReadyPost: "Texte prêt à publier", SquareCard: "Carte carrée", PortraitCard: "Carte en hauteur (1080 × 1350)", WideCard: "Carte large",
	Offprint: "Tiré à part (PDF)", Page: "page", Pages: "pages",
	Draft: "ÉPREUVE", DraftNote: "Épreuve : cette version du livre n’est pas publiée ; elle peut encore changer.",
	PreviewErrors: "Aperçu d’un texte qui a des erreurs : corrigez-les pour qu’il entre dans le livre.",
	Line:          "ligne", more: "… et %d autres", BackToText: "Retour au texte, note",
	Home: "Accueil", SkipToText: "Aller au texte", ContributorsAZ: "Les contributeurs de A à Z",
	Previous: "Précédent", Next: "Suivant", Search: "Rechercher", SearchHint: "Un nom, une organisation, un mot du texte",
	NoResult: "Aucun résultat.", ReadPDF: "Le livre en PDF", ReadEPUB: "Le livre en EPUB", InTheBook: "Dans le livre",
	Colophon: "Colophon", TheBook: "Le livre", WebPage: "Sa page sur le site",
	and: " et ", editedBy: "Sous la direction de", portrait: "Portrait de", in: "dans",
	quotes: [2]string{"«\u202f", "\u202f»"},
	months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin",
		"juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	colon: " : ", date: dateFR, from: "Extrait de", p: "p.", pp: "p.", sups: frenchSups,
}

var english = Labels{
	Contents: "Contents", FullContents: "Detailed contents", IndexOrganizations: "Index of organisations", IndexCities: "Index of cities", Landmarks: "Landmarks", Cover: "Cover", TitlePage: "Title page",
	Copyright: "Copyright", Start: "Start of content",
	Introduction: "Introduction", Afterword: "Afterword", Partners: "Partners",
	Index: "Index of contributors", Contributors: "Contributors", Part: "Part",
	LegalDeposit: "Legal deposit",
	Publisher:    "Publisher", License: "License", Identifier: "Identifier", Edition: "Edition", Date: "Date",
	SourceVersion: "Source version", Download: "Download", FreeDownload: "Free download",
	TypesetWith: "Typeset with recueil in Liberation Serif and Liberation Sans.",
	WholeBook:   "The whole book",
	A11ySummary: "This e-book can be read without sight: every image has a text alternative. " +
		"It offers a table of contents, structural navigation by headings, a logical reading order " +
		"and a linked index of contributors. No known hazards.",
	ShareKit: "Share kit",
	ShareIntro: "For each contributor: the card to share (wide for LinkedIn, X and link previews; square and portrait for Instagram and LinkedIn, with a QR code to their page), " +
		"its alternative text to paste in the network's alt-text field, a ready-to-post text for each network and the offprint of their pages.",
	CardAlt: "Alternative text of the card", ReadyPost: "Ready-to-post text", SquareCard: "Square card", PortraitCard: "Portrait card (1080 × 1350)", WideCard: "Wide card",
	Offprint: "Offprint (PDF)", Page: "page", Pages: "pages",
	Draft: "DRAFT", DraftNote: "Draft: this version of the book is not published; it may still change.",
	PreviewErrors: "Preview of a text with errors: fix them for it to be in the book.",
	Line:          "line", more: "… and %d more", BackToText: "Back to the text, note",
	Home: "Home", SkipToText: "Skip to the text", ContributorsAZ: "Contributors from A to Z",
	Previous: "Previous", Next: "Next", Search: "Search", SearchHint: "A name, an organisation, a word of the text",
	NoResult: "No result.", ReadPDF: "The book as PDF", ReadEPUB: "The book as EPUB", InTheBook: "In the book",
	Colophon: "Colophon", TheBook: "The book", WebPage: "Their page on the web",
	and: " and ", editedBy: "Edited by", portrait: "Portrait of", in: "in",
	quotes: [2]string{"“", "”"},
	months: [12]string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"},
	colon: ": ", date: dateMDY, from: "From", p: "p.", pp: "pp.", sups: englishSups,
}

// Colon introduces a value: "Licence : " in French (the typographer makes
// the space before the colon a no-break one), "License: " in English.
func (l Labels) Colon(label string) string { return label + l.colon }

// AndMore says how many items a list left out: "… et 3 autres".
func (l Labels) AndMore(n int) string { return fmt.Sprintf(l.more, n) }

// Quote puts s between the language's first-level quotation marks.
func (l Labels) Quote(s string) string { return l.quotes[0] + s + l.quotes[1] }

// Quotes are the first-level quotation marks, with their spaces.
func (l Labels) Quotes() (open, close string) { return l.quotes[0], l.quotes[1] }

// In is the word between an author and a work: "dans", "in".
func (l Labels) In() string { return l.in }

// JoinNames lists names as a sentence: "A, B et C".
func (l Labels) JoinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + l.and + names[len(names)-1]
}

// EditedBy is the editors' line: "Sous la direction d’Alban Jarry et de
// Basile Roy", "Edited by A and B"; "" without editors.
func (l Labels) EditedBy(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return l.of(l.editedBy, l.JoinNames(names))
}

// Portrait is the alternative text of a contributor's photo: "Portrait
// d’Élodie Marchetti", "Portrait of Élodie Marchetti".
func (l Labels) Portrait(name string) string { return l.of(l.portrait, name) }

// of joins a phrase ending in the French "de" to a name, eliding it before
// a vowel ("de" + "Élodie" = "d’Élodie"); other languages join with a space.
func (l Labels) of(phrase, name string) string {
	if p, ok := strings.CutSuffix(phrase, " de"); ok && Elides(name) {
		return p + " d’" + name
	}
	return phrase + " " + name
}

// Elides reports whether French elides "de" before word: it starts with a
// vowel, accented or not, or a y (d’Yves). A word starting with h is not
// elided: h muet and h aspiré cannot be told apart from the spelling
// (d’Hélène, but de Hugues).
func Elides(word string) bool {
	r, _ := utf8.DecodeRuneInString(FoldAccents(word))
	return strings.ContainsRune("aeiouy", unicode.ToLower(r))
}

// LongDate writes a date for readers: "1er novembre 2026" (no-break space
// after the day), "November 1, 2026".
func (l Locale) LongDate(t time.Time) string {
	day, month, year := strconv.Itoa(t.Day()), l.months[t.Month()-1], strconv.Itoa(t.Year())
	switch l.date {
	case dateFR:
		if t.Day() == 1 {
			day = "1er"
		}
		return day + "\u00a0" + month + " " + year
	case dateDMY:
		return day + "\u00a0" + month + " " + year
	case dateDE:
		return day + ".\u00a0" + month + " " + year
	case dateDeDe:
		return day + " de " + month + " de " + year
	case dateIT:
		if t.Day() == 1 {
			day = "1º"
		}
		return day + "\u00a0" + month + " " + year
	}
	return month + " " + day + ", " + year
}

// OffprintCredit is the first line of an offprint's colophon: "Extrait de
// « Titre » (édition), p. 12–14. Licence CC BY." or "From “Title”
// (edition), pp. 12–14. License: CC BY."
func (l Locale) OffprintCredit(title, edition, license string, first, last int) string {
	pages := strconv.Itoa(first)
	if last > first {
		pages += "–" + strconv.Itoa(last)
	}
	var s string
	if l.French {
		s = "Extrait de « " + title + " »"
		if edition != "" {
			s += " (" + edition + ")"
		}
		s += ", p. " + pages + "."
		if license != "" {
			s += " Licence " + license + "."
		}
		return s
	}
	s = l.from + " " + l.Quote(title)
	if edition != "" {
		s += " (" + edition + ")"
	}
	if last > first {
		s += ", " + l.pp + "\u00a0" + pages + "."
	} else {
		s += ", " + l.p + "\u00a0" + pages + "."
	}
	if license != "" {
		s += " " + l.Colon(l.License) + license + "."
	}
	return s
}
