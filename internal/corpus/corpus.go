// Package corpus generates a complete, fictitious book folder of N
// contributions, for benchmarks, for tests that measure the typesetting
// at scale and for the comparison with TeX (tools/corpus writes it to
// disk). The same Options always give byte-identical files. The text is
// French-like prose drawn from real French words (accents, elisions,
// guillemets, lists, quotes, links), with particles in names at realistic
// rates, extracts taken verbatim from the text for about 80% of the texts
// and a photo for about 30%.
package corpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/recueil/recueil/internal/book"
)

// Options say what to generate.
type Options struct {
	N    int    // number of contributions
	Seed uint64 // PRNG seed
	// OwnPhotos gives every contributor with a photo a file of their own,
	// as in a real book, instead of one of six shared portraits: what
	// decoding and scaling photos costs shows only then. The texts are
	// the same either way.
	OwnPhotos bool
}

// Write puts every file under dir, in path order.
func Write(dir string, files map[string][]byte) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}

var sections = []string{"Réseaux et emploi", "Bienveillance numérique", "Rencontres de terrain"}

// photoCount images are drawn once and shared: the corpus stays small.
const photoCount = 6

// Generate returns the book folder as a map from slash-separated path to
// content.
func Generate(o Options) (map[string][]byte, error) {
	r := &rng{s: o.Seed*0x2545f4914f6cdd1d + uint64(o.N)}
	files := map[string][]byte{}
	files["book.yaml"] = []byte(bookYAML(r, o))
	files["editorial/introduction.md"] = []byte(introduction(r))
	for i := 0; i < photoCount; i++ {
		img, err := portrait(i)
		if err != nil {
			return nil, err
		}
		files[fmt.Sprintf("contributions/photos/portrait-%d.jpg", i+1)] = img
	}
	slugs := map[string]bool{}
	handles := map[string]bool{}
	for i := 0; i < o.N; i++ {
		p, err := person(r, slugs)
		if err != nil {
			return nil, err
		}
		text := contribution(r, p, handles)
		if o.OwnPhotos {
			if k := strings.Index(text, "photo: photos/portrait-"); k >= 0 {
				img, err := portrait(i)
				if err != nil {
					return nil, err
				}
				end := k + strings.IndexByte(text[k:], '\n')
				text = text[:k] + "photo: photos/" + p.slug + ".jpg" + text[end:]
				files["contributions/photos/"+p.slug+".jpg"] = img
			}
		}
		files["contributions/"+p.slug+".md"] = []byte(text)
	}
	return files, nil
}

func bookYAML(r *rng, o Options) string {
	id := make([]byte, 16)
	for i := range id {
		id[i] = byte(r.next())
	}
	id[6] = id[6]&0x0f | 0x40
	id[8] = id[8]&0x3f | 0x80
	var b strings.Builder
	fmt.Fprintf(&b, "# Corpus généré par tools/corpus (-n %d -seed %d) : tout est fictif.\n", o.N, o.Seed)
	fmt.Fprintf(&b, "title: \"Rencontres générées (%d contributions)\"\n", o.N)
	b.WriteString("subtitle: \"Corpus de mesure\"\n")
	b.WriteString("editors: [\"Camille Exemple\"]\n")
	b.WriteString("publisher: \"Association fictive des rencontres improbables\"\n")
	b.WriteString("language: fr\n")
	fmt.Fprintf(&b, "identifier: \"urn:uuid:%x-%x-%x-%x-%x\"\n", id[0:4], id[4:6], id[6:8], id[8:10], id[10:16])
	b.WriteString("edition: \"1re édition\"\n")
	b.WriteString("date: 2026-11-21\n")
	b.WriteString("license: \"CC BY-NC-ND 4.0\"\n")
	b.WriteString("url: \"https://example.org/rencontres-generees\"\n")
	b.WriteString("hashtag: \"#RencontresGenerees\"\n")
	b.WriteString("introduction: editorial/introduction.md\n")
	b.WriteString("sections:\n")
	for _, s := range sections {
		fmt.Fprintf(&b, "  - %q\n", s)
	}
	b.WriteString("order: surname\n")
	b.WriteString("limits: {min_words: 80, max_words: 900, extract_chars: 280}\n")
	b.WriteString("page: {size: A5, font_size: 10.5, margins: {top: 18, bottom: 20, inner: 18, outer: 15}, indent: true, recto: false}\n")
	b.WriteString("fonts: {serif: builtin, sans: builtin}\n")
	b.WriteString("cards: {background: \"#1f2a44\", accent: \"#e8b04b\", text: \"#ffffff\"}\n")
	return b.String()
}

func introduction(r *rng) string {
	var b strings.Builder
	b.WriteString("---\ntitle: Introduction\n---\n")
	for i := 0; i < 4; i++ {
		if i > 0 {
			b.WriteString("\n")
		}
		ss := make([]string, r.between(4, 6))
		for j := range ss {
			ss[j] = sentence(r)
		}
		b.WriteString(strings.Join(ss, " ") + "\n")
	}
	return b.String()
}

type who struct {
	name, sortAs, slug string
	feminine           bool
}

// person draws a name whose slug is not taken yet.
func person(r *rng, taken map[string]bool) (who, error) {
	for try := 0; try < 1000; try++ {
		f := pick(r, firstNames)
		var surname, sortAs string
		x := r.intn(1000)
		switch {
		case x < 50: // « de Montfleury », sorted under M
			surname = "de " + pick(r, nobleNames)
		case x < 70:
			surname = "d’" + pick(r, vowelNames)
		case x < 85:
			surname = "du " + pick(r, []string{"Verger", "Plessis", "Moulin", "Pont", "Bois", "Val"})
		case x < 115: // « Le Goaziou », sorted under L
			surname = pick(r, breizhNames)
			if strings.HasPrefix(surname, "La ") {
				break
			}
			surname = "Le " + surname
		case x < 125: // « Van der Kraats », sorted under V
			surname = "Van der " + pick(r, dutchNames)
		case x < 175:
			surname = pick(r, surnames) + "-" + pick(r, surnames)
		case x < 185: // two surnames, the first one sorts
			a, c := pick(r, surnames), pick(r, surnames)
			surname = a + " " + c
			sortAs = a + " " + c + ", " + f.name
		default:
			surname = pick(r, surnames)
		}
		name := f.name + " " + surname
		slug := book.Slugify(name)
		if taken[slug] || !book.ValidSlug(slug) {
			continue
		}
		taken[slug] = true
		return who{name: name, sortAs: sortAs, slug: slug, feminine: f.feminine}, nil
	}
	return who{}, errors.New("ran out of distinct names: ask for fewer contributions")
}

// quote writes s as a YAML double-quoted scalar.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func contribution(r *rng, p who, handles map[string]bool) string {
	var fm strings.Builder
	fm.WriteString("---\n")
	fmt.Fprintf(&fm, "name: %s\n", p.name)
	if p.sortAs != "" {
		fmt.Fprintf(&fm, "sort_as: %s\n", quote(p.sortAs))
	}
	ro := pick(r, roles)
	if p.feminine {
		fmt.Fprintf(&fm, "role: %s\n", ro.f)
	} else {
		fmt.Fprintf(&fm, "role: %s\n", ro.m)
	}
	if r.chance(65) {
		fmt.Fprintf(&fm, "organization: %s %s\n", pick(r, orgKinds), pick(r, orgObjects))
	}
	if r.chance(70) {
		// An X handle: 15 characters at most after the @.
		base, h := strings.ReplaceAll(p.slug, "-", "_"), ""
		for k := 1; h == "" || handles[h]; k++ {
			suffix := "_ex"
			if k > 1 {
				suffix = fmt.Sprintf("_%d", k)
			}
			b := base
			if len(b) > 15-len(suffix) {
				b = strings.TrimRight(b[:15-len(suffix)], "_")
			}
			h = b + suffix
		}
		handles[h] = true
		fmt.Fprintf(&fm, "handle: \"@%s\"\n", h)
	}
	if r.chance(70) {
		fmt.Fprintf(&fm, "city: %s\n", pick(r, cities))
	}
	if r.chance(20) {
		fmt.Fprintf(&fm, "links: [\"https://example.org/%s\"]\n", p.slug)
	}
	if r.chance(30) {
		fmt.Fprintf(&fm, "photo: photos/portrait-%d.jpg\n", r.intn(photoCount)+1)
	}
	if r.chance(70) {
		fmt.Fprintf(&fm, "title: %s\n", quote(pick(r, titleHeads)))
	}

	sp := fine
	switch x := r.intn(10); {
	case x < 3:
		sp = plain
	case x < 4:
		sp = bare
	}
	// Word counts spread over 150–600, more short texts than long ones.
	target := 150 + r.intn(226) + r.intn(226)
	b := text(r, target, p.slug, sp)

	if r.chance(80) {
		var ok []string
		for _, s := range b.plain {
			if n := utf8.RuneCountInString(s); n >= 40 && n <= 280 {
				ok = append(ok, s)
			}
		}
		if len(ok) > 0 {
			fmt.Fprintf(&fm, "extract: %s\n", quote(pick(r, ok)))
		}
	}
	fmt.Fprintf(&fm, "section: %s\n", quote(pick(r, sections)))
	fm.WriteString("---\n")
	return fm.String() + b.md
}
