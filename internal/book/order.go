package book

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/unicode/norm"
)

// lowercase particles are not sorted on ("Charles de Gaulle" under G);
// capitalised ones are ("Le Jossec" under L, "Van der Kraats" under V).
var particles = map[string]bool{
	"de": true, "du": true, "des": true, "d’": true, "d'": true,
	"la": true, "le": true, "les": true, "l’": true, "l'": true,
	"van": true, "von": true, "der": true, "den": true, "ter": true, "ten": true,
	"di": true, "da": true, "del": true, "della": true, "dos": true, "das": true, "do": true,
}

func isParticle(tok string) bool { return particles[strings.ToLower(tok)] }

func isLower(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsLower(r)
}

// elided splits "d’Alembert" into "d’" and "Alembert".
func elided(tok string) (particle, rest string) {
	for _, ap := range []string{"’", "'"} {
		if i := strings.Index(tok, ap); i > 0 && i <= 2 {
			p := tok[:i+len(ap)]
			if isParticle(p) {
				return p, tok[i+len(ap):]
			}
		}
	}
	return "", tok
}

// SortKey is the key a contribution is ordered and indexed under, in
// French usage: "Surname, Given names particle" ("Gaulle, Charles de"), or
// sort_as. SortKeyIn follows another language's usage.
func (c *Contribution) SortKey() string { return c.SortKeyIn(namesFor("fr")) }

// SortKeyIn is the sort key under a language's usage of names: sort_as
// when given, else the name turned round.
func (c *Contribution) SortKeyIn(n Names) string {
	if strings.TrimSpace(c.SortAs) != "" {
		return strings.TrimSpace(c.SortAs)
	}
	return n.Key(c.Name)
}

// Names is how a language orders personal names in an index.
type Names struct {
	// KeepParticles: a lowercase particle is sorted on, as the start of
	// the surname ("van Gogh, Vincent" under V, Belgian Dutch usage);
	// otherwise it follows the given names ("Gogh, Vincent van" under G,
	// French, English and German usage). A capitalised particle is always
	// sorted on ("Van der Kraats" under V).
	KeepParticles bool
	// TwoSurnames: a name of three words or more ends with two surnames
	// and is sorted under the first ("García Márquez, Gabriel", Spanish).
	TwoSurnames bool
	// LastSurname: only the last word is the surname, particles and other
	// surnames go with the given names ("Silva, Maria dos Santos",
	// Portuguese).
	LastSurname bool
	// LetterÑ: Ñ is a letter of the index of its own (Spanish).
	LetterÑ bool
}

// namesFor is a language's usage of names.
func namesFor(base string) Names {
	switch base {
	case "nl":
		return Names{KeepParticles: true}
	case "es":
		return Names{TwoSurnames: true, LetterÑ: true}
	case "pt":
		return Names{LastSurname: true}
	}
	return Names{}
}

// SortParticles are the values of book.yaml's sort_particles key: ignore
// (a lowercase particle is not sorted on: "van Gogh" under G) or keep
// (it is: "van Gogh" under V).
var SortParticles = []string{"ignore", "keep"}

// NameKey derives the sort key of a personal name following French usage.
func NameKey(name string) string { return Names{}.Key(name) }

// Key derives the sort key of a personal name: "Surname, Given names".
func (n Names) Key(name string) string {
	toks := strings.Fields(name)
	switch len(toks) {
	case 0:
		return ""
	case 1:
		if p, rest := elided(toks[0]); p != "" && rest != "" && isLower(p) && !n.KeepParticles {
			return rest + ", " + p
		}
		return toks[0]
	}
	if n.LastSurname {
		if p, rest := elided(toks[len(toks)-1]); p != "" && rest != "" && isLower(p) {
			return rest + ", " + strings.Join(toks[:len(toks)-1], " ") + " " + p
		}
		return toks[len(toks)-1] + ", " + strings.Join(toks[:len(toks)-1], " ")
	}
	start, particle := -1, -1
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if p, rest := elided(t); p != "" && rest != "" {
			if isLower(p) && !n.KeepParticles { // "d’Alembert": sorted under A
				given := strings.Join(toks[:i], " ")
				return strings.Join(append([]string{rest}, toks[i+1:]...), " ") + ", " + given + " " + p
			}
			start = i // "D’Souza", "L’Hermite": sorted under D, L
			break
		}
		if isParticle(t) {
			if isLower(t) && !n.KeepParticles {
				if particle < 0 {
					particle = i
				}
				continue
			}
			start = i // a capitalised particle begins the surname
			break
		}
		if particle >= 0 {
			start = i
			break
		}
	}
	if start < 0 {
		start = len(toks) - 1
		particle = -1
		if n.TwoSurnames && len(toks) >= 3 {
			start = len(toks) - 2
			if len(toks) >= 4 && strings.EqualFold(toks[len(toks)-2], "y") {
				start = len(toks) - 3 // "Ortega y Gasset"
			}
		}
	}
	given := toks[:start]
	if particle >= 0 && particle < start {
		given = append(append([]string{}, toks[:particle]...), toks[particle:start]...)
	}
	return strings.Join(toks[start:], " ") + ", " + strings.Join(given, " ")
}

// Collator compares strings the French way (É with E, Œ as OE, case and
// accents as later tie-breaks). It is not safe for concurrent use.
type Collator struct{ c *collate.Collator }

// Collator returns a collator for the locale's language (not safe for
// concurrent use: one per goroutine).
func (l Locale) Collator() *Collator { return &Collator{c: collate.New(l.Tag, collate.Loose)} }

// Compare returns -1, 0 or 1.
func (c *Collator) Compare(a, b string) int {
	return c.c.CompareString(norm.NFC.String(a), norm.NFC.String(b))
}

// CompareKeys compares two sort keys ("Surname, Given names") as a French
// index does: the surname first, whole, then the given names. A loose
// collation ignores the comma, the hyphen and the space, so comparing the
// keys as one string would read "Gauthier-François, Aline" as
// "GauthierFrançoisAline" and "Fabre, Zoé" as "FabreZoé", and order the
// compound surnames by their second part against the given names of the
// plain ones: here "Gauthier, Camille" comes before "Gauthier-François,
// Aline", and "Fabre, Zoé" before "Fabre Lemaire, Aline". Equal keys but
// for punctuation are then told apart by the whole key.
func (c *Collator) CompareKeys(a, b string) int {
	sa, ga, _ := strings.Cut(a, ",")
	sb, gb, _ := strings.Cut(b, ",")
	if r := c.Compare(strings.TrimSpace(sa), strings.TrimSpace(sb)); r != 0 {
		return r
	}
	if r := c.Compare(strings.TrimSpace(ga), strings.TrimSpace(gb)); r != 0 {
		return r
	}
	return c.Compare(a, b)
}

// Sort sorts b.Contributions in book order: grouped by section when
// sections are declared (in their declared order, unsectioned texts last),
// then by the book's order key, and always finally by file path so the
// order is total and deterministic.
func (b *Book) Sort() {
	loc := b.Locale()
	col := loc.Collator()
	sectionRank := map[string]int{}
	for i, s := range b.Sections {
		sectionRank[s] = i
	}
	manualRank := map[string]int{}
	for i, s := range b.Manual {
		if _, dup := manualRank[s]; !dup {
			manualRank[s] = i
		}
	}
	rank := func(c *Contribution) int {
		if len(b.Sections) == 0 {
			return 0
		}
		if r, ok := sectionRank[c.Section]; ok {
			return r
		}
		return len(b.Sections)
	}
	byName := func(x, y *Contribution) int {
		if r := col.CompareKeys(x.SortKeyIn(loc.Names), y.SortKeyIn(loc.Names)); r != 0 {
			return r
		}
		return 0
	}
	sort.SliceStable(b.Contributions, func(i, j int) bool {
		x, y := b.Contributions[i], b.Contributions[j]
		if rx, ry := rank(x), rank(y); rx != ry {
			return rx < ry
		}
		var r int
		switch b.Order {
		case "manual":
			mx, okx := manualRank[x.Slug]
			my, oky := manualRank[y.Slug]
			switch {
			case okx && oky:
				r = mx - my
			case okx:
				r = -1
			case oky:
				r = 1
			}
		case "date":
			// Undated texts come after dated ones.
			switch {
			case x.Date != "" && y.Date != "":
				r = strings.Compare(x.Date, y.Date)
			case x.Date != "":
				r = -1
			case y.Date != "":
				r = 1
			}
		case "title":
			tx, ty := x.Title, y.Title
			switch {
			case tx != "" && ty != "":
				r = col.Compare(tx, ty)
			case tx != "":
				r = -1
			case ty != "":
				r = 1
			}
		}
		if r == 0 {
			r = byName(x, y)
		}
		if r != 0 {
			return r < 0
		}
		return x.Path < y.Path
	})
}

// IndexEntry is one line of the contributor index.
type IndexEntry struct {
	Key          string // "Gaulle, Charles de"
	Contribution *Contribution
}

// IndexGroup is a letter of the contributor index.
type IndexGroup struct {
	Letter  string
	Entries []IndexEntry
}

// Index groups the published contributions by initial, in French collation
// order (ties on the file path).
func (b *Book) Index() []IndexGroup {
	loc := b.Locale()
	col := loc.Collator()
	pub := b.Published()
	entries := make([]IndexEntry, len(pub))
	for i, c := range pub {
		entries[i] = IndexEntry{Key: c.SortKeyIn(loc.Names), Contribution: c}
	}
	sort.SliceStable(entries, func(i, j int) bool {
		if r := col.CompareKeys(entries[i].Key, entries[j].Key); r != 0 {
			return r < 0
		}
		return entries[i].Contribution.Path < entries[j].Contribution.Path
	})
	var groups []IndexGroup
	for _, e := range entries {
		l := Initial(e.Key)
		if r, _ := utf8.DecodeRuneInString(e.Key); loc.Names.LetterÑ && (r == 'Ñ' || r == 'ñ') {
			l = "Ñ" // a letter of its own in Spanish, after N
		}
		if len(groups) == 0 || groups[len(groups)-1].Letter != l {
			groups = append(groups, IndexGroup{Letter: l})
		}
		g := &groups[len(groups)-1]
		g.Entries = append(g.Entries, e)
	}
	return groups
}

// Initial returns the index letter of a key: its first letter, capitalised,
// without accent ("Émile" under E, "Œuvre" under O); "#" when not a letter.
func Initial(key string) string {
	for _, r := range FoldAccents(key) {
		if unicode.IsLetter(r) {
			if u := unicode.ToUpper(r); u <= unicode.MaxASCII {
				return string(u)
			}
			return "#"
		}
		if unicode.IsDigit(r) {
			return "#"
		}
	}
	return "#"
}

// Index kinds besides the contributors' (book.yaml indexes:).
const (
	IndexByOrganization = "organization"
	IndexByCity         = "city"
)

// IndexBy groups the published contributions by organisation or by city
// (kind), for the optional indexes book.yaml asks for: the groups in the
// book's collation of their names (an IndexGroup's Letter holds the
// organisation or the city, as written), each contributor in it in the
// contributor index's order. Contributions without that field are left
// out.
func (b *Book) IndexBy(kind string) []IndexGroup {
	loc := b.Locale()
	col := loc.Collator()
	field := func(c *Contribution) string {
		if kind == IndexByCity {
			return strings.TrimSpace(c.City)
		}
		return strings.TrimSpace(c.Organization)
	}
	byName := map[string]int{}
	var groups []IndexGroup
	for _, g := range b.Index() {
		for _, e := range g.Entries {
			v := field(e.Contribution)
			if v == "" {
				continue
			}
			k := strings.ToLower(FoldAccents(v))
			i, ok := byName[k]
			if !ok {
				i = len(groups)
				byName[k] = i
				groups = append(groups, IndexGroup{Letter: v})
			} else if r, _ := utf8.DecodeRuneInString(v); unicode.IsUpper(r) {
				// one spelling for the group: a capital rather than none
				if r0, _ := utf8.DecodeRuneInString(groups[i].Letter); !unicode.IsUpper(r0) {
					groups[i].Letter = v
				}
			}
			groups[i].Entries = append(groups[i].Entries, e)
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return col.Compare(groups[i].Letter, groups[j].Letter) < 0 })
	return groups
}
