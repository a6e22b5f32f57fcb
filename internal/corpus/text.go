package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// rng is SplitMix64: tiny, fast, and fixed forever, so that a seed gives the
// same corpus whatever the Go version (math/rand's streams are not promised).
type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n).
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance is true with probability pct/100.
func (r *rng) chance(pct int) bool { return r.intn(100) < pct }

func pick[T any](r *rng, xs []T) T { return xs[r.intn(len(xs))] }

// Typographic spacing, written the canonical French way; spacing() degrades
// it for the texts whose authors typed plain spaces or none.
const (
	thin = "\u202f" // before ; ! ? and inside « »
	nbsp = "\u00a0" // before :
)

// spacing is how an author typed French punctuation.
type spacing int

const (
	fine  spacing = iota // U+202F / U+00A0, ’: what recueil would write
	plain                // ordinary spaces before ; : ! ? and inside « »
	bare                 // no space at all before ; ! ?, «tight», straight apostrophes
)

func (s spacing) apply(t string) string {
	switch s {
	case plain:
		return strings.NewReplacer(thin, " ", nbsp, " ").Replace(t)
	case bare:
		return strings.NewReplacer(thin+";", ";", thin+"!", "!", thin+"?", "?",
			"«"+thin, "«", thin+"»", "»", nbsp+":", " :", "’", "'").Replace(t)
	}
	return t
}

func vowel(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return strings.ContainsRune("aeiouyéèêâîôhAEIOUYÉÈÊÂÎÔH", r)
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// np builds a noun phrase with a determiner that agrees and elides.
func np(r *rng) string {
	n := pick(r, nouns)
	adj := ""
	if r.chance(45) {
		a := pick(r, adjectives)
		adj = a.m
		if n.feminine {
			adj = a.f
		}
	}
	pre := adj == "petit" || adj == "petite" || adj == "grand" || adj == "grande"
	head := n.w
	if pre {
		head = adj + " " + n.w
	} else if adj != "" {
		head = n.w + " " + adj
	}
	switch r.intn(5) {
	case 0, 1:
		switch {
		case vowel(head):
			return "l’" + head
		case n.feminine:
			return "la " + head
		}
		return "le " + head
	case 2:
		if n.feminine {
			return "une " + head
		}
		return "un " + head
	case 3:
		switch {
		case n.feminine:
			return "cette " + head
		case vowel(head):
			return "cet " + head
		}
		return "ce " + head
	}
	switch {
	case n.feminine && !vowel(head):
		return "ma " + head
	}
	return "mon " + head
}

func clause(r *rng) string {
	s := np(r) + " " + pick(r, verbs) + " " + np(r)
	if r.chance(40) {
		s += " " + pick(r, adverbials)
	}
	return s
}

// sentence returns one sentence of plain text (no Markdown), written with
// fine spacing.
func sentence(r *rng) string {
	switch r.intn(12) {
	case 0, 1:
		return pick(r, connectors) + ", " + clause(r) + "."
	case 2, 3:
		return capitalize(pick(r, firstPerson)) + " " + pick(r, adverbials) + "."
	case 4:
		return capitalize(pick(r, firstPerson)) + thin + "; " + clause(r) + "."
	case 5:
		return capitalize(pick(r, []string{"il m’a dit", "elle m’a répondu", "on m’a lancé", "ma voisine a murmuré"})) +
			nbsp + ": «" + thin + pick(r, quotes) + "." + thin + "»"
	case 6:
		return capitalize(clause(r)) + nbsp + ": " + pick(r, firstPerson) + "."
	case 7:
		return capitalize(pick(r, []string{"pourquoi", "comment se fait-il que", "qui aurait cru que"})) + " " + clause(r) + thin + "?"
	case 8:
		return pick(r, exclamations) + thin + "!"
	case 9:
		return capitalize(clause(r)) + ", et " + pick(r, firstPerson) + ", " + pick(r, adverbials) + "."
	}
	return capitalize(clause(r)) + "."
}

// body is a generated text and the sentences an extract may be taken from.
type body struct {
	md        string
	plain     []string // sentences of plain paragraphs, verbatim in md
	words     int
	hasLink   bool
	hasList   bool
	hasQuote  bool
	emphasis  bool
	spacing   spacing
	paragraph int
}

// text writes a Markdown body of about target words.
func text(r *rng, target int, slug string, sp spacing) body {
	b := body{spacing: sp}
	var paras []string
	wantList, wantQuote, wantLink := r.chance(30), r.chance(25), r.chance(25)
	for b.words < target {
		var p string
		switch {
		case wantList && len(paras) >= 1:
			wantList = false
			b.hasList = true
			p = sp.apply(list(r))
		case wantQuote && len(paras) >= 2:
			wantQuote = false
			b.hasQuote = true
			p = "> " + sp.apply(sentence(r))
		default:
			n := r.between(3, 6)
			ss := make([]string, n)
			plainPara := true
			for i := range ss {
				ss[i] = sp.apply(sentence(r))
			}
			if wantLink && len(paras) >= 2 {
				wantLink = false
				b.hasLink = true
				plainPara = false
				ss = append(ss, sp.apply("Vous trouverez sur ["+pick(r, []string{"le site de l’association", "notre page", "ce carnet en ligne"})+
					"](https://example.org/"+slug+") "+pick(r, []string{"la suite de cette histoire.", "nos règles, que chacun peut reprendre.", "d’autres témoignages."})))
			} else if r.chance(20) {
				plainPara = false
				b.emphasis = true
				i := r.intn(n)
				if r.chance(70) {
					ss[i] = emphasize(ss[i])
				} else {
					ss[i] = "**" + ss[i] + "**"
				}
			}
			if plainPara {
				b.plain = append(b.plain, ss...)
			}
			p = strings.Join(ss, " ")
		}
		paras = append(paras, p)
		b.words += len(strings.Fields(p))
	}
	b.paragraph = len(paras)
	b.md = strings.Join(paras, "\n\n") + "\n"
	return b
}

// emphasize sets the longest plain word of s in italics.
func emphasize(s string) string {
	fs := strings.Fields(s)
	best := -1
	for i, f := range fs {
		if strings.IndexFunc(f, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			continue
		}
		if best < 0 || utf8.RuneCountInString(f) > utf8.RuneCountInString(fs[best]) {
			best = i
		}
	}
	if best < 0 {
		return s
	}
	fs[best] = "*" + fs[best] + "*"
	return strings.Join(fs, " ")
}

func list(r *rng) string {
	var b strings.Builder
	b.WriteString(capitalize(pick(r, []string{"voici ce que nous avons fait", "je propose toujours le même exercice", "trois règles nous guident"})) + nbsp + ":\n\n")
	n := r.between(3, 5)
	ordered := r.chance(30)
	for i := 0; i < n; i++ {
		end := thin + ";"
		if i == n-1 {
			end = "."
		}
		if ordered {
			b.WriteString(string(rune('1'+i)) + ". ")
		} else {
			b.WriteString("- ")
		}
		b.WriteString(pick(r, listItems) + end + "\n")
		if i == 0 && r.chance(25) {
			ind := "   "
			if !ordered {
				ind = "  "
			}
			b.WriteString(ind + "- " + pick(r, listItems) + thin + ";\n")
			b.WriteString(ind + "- " + pick(r, listItems) + thin + ";\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}
