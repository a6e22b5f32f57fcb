package load

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/recueil/recueil/internal/book"
)

// BookKeys are the top-level keys of book.yaml (DESIGN.md's contract).
var BookKeys = []string{"title", "subtitle", "editors", "publisher", "language", "identifier", "edition",
	"date", "license", "url", "hashtag", "cover", "cover_alt", "introduction", "afterword", "partners", "sections",
	"order", "manual", "limits", "page", "fonts", "cards", "hyphenation", "isbn", "legal_deposit", "printer", "back_cover",
	"quotes", "sort_particles", "indexes", "print", "emoji"}

var pageSizes = map[string][2]float64{
	"a4": {210, 297}, "a5": {148, 210}, "a6": {105, 148}, "b5": {176, 250},
	"letter": {215.9, 279.4}, "6x9": {152.4, 228.6},
}

var sizeRE = regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)$`)
var colorRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// languageLine is a top-level "language: xx" line of a book.yaml.
var languageLine = regexp.MustCompile(`(?m)^language:[ \t]*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)["']?[ \t]*(?:#.*)?\r?$`)

// bookYAML decodes book.yaml into b (which holds the defaults).
func bookYAML(text []byte, b *book.Book, diags *book.Diagnostics) {
	const file = "book.yaml"
	y := &yamlFile{file: file, diags: diags}
	root := y.parse(text)
	if root == nil {
		// Not YAML: its findings are still said in the language a
		// top-level "language:" line names, when there is one.
		if m := languageLine.FindSubmatch(text); m != nil {
			b.Language = string(m[1])
		}
		return
	}
	seen := map[string]*yaml.Node{}
	b.Fields = map[string]book.Pos{}
	for _, f := range y.fields(root, BookKeys, book.M("dans book.yaml", "in book.yaml")) {
		seen[f.Key.Value] = f.Value
		b.Fields[f.Key.Value] = y.pos(f.Value)
		k := f.Key.Value
		switch k {
		case "editors", "sections", "manual", "hyphenation", "indexes":
			l, ok := y.list(f)
			if !ok {
				continue
			}
			switch k {
			case "editors":
				b.Editors = l
			case "sections":
				b.Sections = l
			case "manual":
				b.Manual = l
			case "hyphenation":
				b.Hyphenation = l
			case "indexes":
				for i, v := range l {
					if v != book.IndexByOrganization && v != book.IndexByCity {
						pos := y.pos(f.Value)
						if i < len(f.Value.Content) {
							pos = y.pos(f.Value.Content[i])
						}
						y.diags.Add(y.file, pos, book.Error, "index-kind",
							book.M("Index « %s » inconnu : book.yaml peut demander, outre celui des contributeurs, un index « organization » (par organisation) et « city » (par ville).", "Unknown index “%s”: besides the contributors' one, book.yaml can ask for an “organization” index (by organisation) and a “city” one (by city)."), v)
						continue
					}
					if !slices.Contains(b.Indexes, v) {
						b.Indexes = append(b.Indexes, v)
					}
				}
			}
		case "partners":
			decodePartners(y, f, b)
		case "limits":
			decodeLimits(y, f, b)
		case "page":
			decodePage(y, f, b)
		case "back_cover":
			decodeBackCover(y, f, b)
		case "print":
			decodePrint(y, f, b)
		case "fonts":
			m, ok := y.mapping(f)
			if !ok {
				continue
			}
			for _, g := range y.fields(m, []string{"serif", "sans"}, book.M("dans fonts", "in fonts")) {
				b.Fields["fonts."+g.Key.Value] = y.pos(g.Value)
				if s, ok := y.str(g); ok {
					if g.Key.Value == "serif" {
						b.Fonts.Serif = s
					} else {
						b.Fonts.Sans = s
					}
				}
			}
		case "cards":
			m, ok := y.mapping(f)
			if !ok {
				continue
			}
			for _, g := range y.fields(m, []string{"background", "accent", "text", "logo"}, book.M("dans cards", "in cards")) {
				b.Fields["cards."+g.Key.Value] = y.pos(g.Value)
				s, ok := y.str(g)
				if !ok {
					continue
				}
				if g.Key.Value != "logo" && !colorRE.MatchString(s) {
					y.errorf(g.Value, "wrong-type", book.M("La couleur « %s » doit s’écrire #rrvvbb, par exemple #1f2a44.", "The colour “%s” must be written #rrggbb, for example #1f2a44."), s)
					continue
				}
				switch g.Key.Value {
				case "background":
					b.Cards.Background = s
				case "accent":
					b.Cards.Accent = s
				case "text":
					b.Cards.Text = s
				case "logo":
					b.Cards.Logo = s
				}
			}
		default:
			s, ok := y.str(f)
			if !ok {
				continue
			}
			s = strings.TrimSpace(s)
			switch k {
			case "title":
				b.Title = s
			case "subtitle":
				b.Subtitle = s
			case "publisher":
				b.Publisher = s
			case "language":
				b.Language = s
			case "identifier":
				b.Identifier = s
			case "edition":
				b.Edition = s
			case "date":
				if y.date(f, s) {
					b.Date = s
				}
			case "license":
				b.License = s
			case "isbn":
				if s != "" && !ValidISBN(s) {
					y.errorf(f.Value, "isbn-invalid", book.M("L’ISBN « %s » n’est pas valide (13 chiffres, ou 10, dont le dernier est une clé de contrôle) : vérifiez-le auprès de l’agence ISBN.", "The ISBN “%s” is not valid (13 digits, or 10, the last being a check digit): check it with the ISBN agency."), truncate(s, 40))
					continue
				}
				b.ISBN = s
			case "legal_deposit":
				b.LegalDeposit = s
			case "printer":
				b.Printer = s
			case "url":
				if !LinkAllowed(s) {
					y.errorf(f.Value, "link-scheme", book.M("L’adresse du livre « %s » doit être une adresse complète en http://, https:// ou mailto:.", "The book's address “%s” must be a full address starting with http://, https:// or mailto:."), truncate(s, 60))
					continue
				}
				b.URL = s
			case "hashtag":
				if s != "" && !strings.HasPrefix(s, "#") {
					s = "#" + s
				}
				b.Hashtag = s
			case "cover":
				b.Cover = s
			case "cover_alt":
				b.CoverAlt = s
			case "introduction":
				b.Introduction = &book.Editorial{Path: s}
			case "afterword":
				b.Afterword = &book.Editorial{Path: s}
			case "quotes":
				q, err := book.ParseQuotes(s)
				if err != nil {
					qe := err.(*book.QuotesError)
					y.errorf(f.Value, "quotes-style", book.M("%s.", "%s."), book.M(qe.Fr, qe.En))
					continue
				}
				b.Quotes = q
			case "sort_particles":
				switch s {
				case "ignore", "keep":
					b.SortParticles = s
				default:
					y.errorf(f.Value, "sort-particles", book.M("sort_particles vaut ignore (« van Gogh » classé à G) ou keep (classé à V), pas « %s ».", "sort_particles is ignore (“van Gogh” filed under G) or keep (filed under V), not “%s”."), truncate(s, 40))
				}
			case "emoji":
				switch s {
				case "keep", "remove":
					b.Emoji = s
				default:
					y.errorf(f.Value, "emoji-setting", book.M("emoji vaut keep (dessinés dans le PDF et sur les cartes avec la police Noto Emoji fournie) ou remove (check --fix les retire), pas « %s ».",
						"emoji is keep (drawn in the PDF and on the cards from the bundled Noto Emoji font) or remove (check --fix takes them out), not “%s”."), truncate(s, 40))
				}
			case "order":
				switch s {
				case "surname", "manual", "date", "title":
					b.Order = s
				default:
					y.errorf(f.Value, "wrong-type", book.M("order vaut surname, manual, date ou title (pas « %s »).", "order is surname, manual, date or title (not “%s”)."), s)
				}
			}
		}
	}
	if b.BackCover != nil && b.BackCover.URL == "" {
		b.BackCover.URL = b.URL // the book's own, wherever url: stands
	}
	if seen["title"] == nil || b.Title == "" {
		diags.Add(file, book.Pos{Line: 1, Col: 1}, book.Error, "missing-field", book.M("book.yaml doit donner le titre du livre (title: …).", "book.yaml must give the book's title (title: …)."))
	}
	if b.Order == "manual" && len(b.Manual) == 0 {
		n := seen["order"]
		diags.Add(file, y.pos(n), book.Error, "missing-field", book.M("order: manual demande la liste des textes dans manual: [slug-a, slug-b].", "order: manual needs the list of texts in manual: [slug-a, slug-b]."))
	}
	if b.Identifier == "" {
		b.Identifier = book.DerivedIdentifier(b.Title)
		diags.Add(file, book.Pos{Line: 1, Col: 1}, book.Warning, "missing-identifier",
			book.M("book.yaml n’a pas d’identifier : recueil utilise %s, tiré du titre. Écrivez-le dans book.yaml (ou un ISBN) pour qu’il ne change plus.", "book.yaml has no identifier: recueil uses %s, made from the title. Write it in book.yaml (or an ISBN) so that it no longer changes."), b.Identifier)
	}
}

func decodePartners(y *yamlFile, f field, b *book.Book) {
	if f.Value.Kind != yaml.SequenceNode {
		y.errorf(f.Value, "wrong-type", book.M("partners est une liste : - {name: \"…\", logo: editorial/logo.png}.", "partners is a list: - {name: \"…\", logo: editorial/logo.png}."))
		return
	}
	for _, e := range f.Value.Content {
		b.Fields["partners."+strconv.Itoa(len(b.Partners))] = y.pos(e)
		if e.Kind != yaml.MappingNode {
			y.errorf(e, "wrong-type", book.M("Chaque partenaire s’écrit {name: \"…\", logo: editorial/logo.png, url: \"https://…\"}.", "Each partner is written {name: \"…\", logo: editorial/logo.png, url: \"https://…\"}."))
			continue
		}
		var p book.Partner
		for _, g := range y.fields(e, []string{"name", "logo", "url"}, book.M("dans partners", "in partners")) {
			s, ok := y.str(g)
			if !ok {
				continue
			}
			switch g.Key.Value {
			case "name":
				p.Name = s
			case "logo":
				p.Logo = s
			case "url":
				if s != "" && !LinkAllowed(strings.TrimSpace(s)) {
					y.errorf(g.Value, "link-scheme", book.M("L’adresse du partenaire « %s » doit être une adresse complète en http://, https:// ou mailto:.", "The partner's address “%s” must be a full address starting with http://, https:// or mailto:."), truncate(s, 60))
					continue
				}
				p.URL = strings.TrimSpace(s)
			}
		}
		if p.Name == "" {
			y.errorf(e, "missing-field", book.M("Un partenaire doit avoir un nom (name: …).", "A partner must have a name (name: …)."))
			continue
		}
		b.Partners = append(b.Partners, p)
	}
}

func decodeBackCover(y *yamlFile, f field, b *book.Book) {
	if f.Value.Kind != yaml.MappingNode {
		y.errorf(f.Value, "wrong-type", book.M("back_cover s’écrit {text: \"Le texte de la quatrième de couverture\", url: \"https://…\"} (url est facultative : celle du livre par défaut).", "back_cover is written {text: \"The back cover's text\", url: \"https://…\"} (url is optional: the book's by default)."))
		return
	}
	bc := &book.BackCover{}
	for _, g := range y.fields(f.Value, []string{"text", "url"}, book.M("dans back_cover", "in back_cover")) {
		b.Fields["back_cover."+g.Key.Value] = y.pos(g.Value)
		s, ok := y.str(g)
		if !ok {
			continue
		}
		s = strings.TrimSpace(s)
		switch g.Key.Value {
		case "text":
			if n := len([]rune(s)); n > maxBackCover {
				y.errorf(g.Value, "back-cover-long", book.M("Le texte de la quatrième de couverture fait %d caractères : %d au plus, pour qu’il tienne sur la page avec les logos et le code QR.", "The back cover's text is %d characters long: %d at most, so that it fits on the page with the logos and the QR code."), n, maxBackCover)
				continue
			}
			bc.Text = s
		case "url":
			if s != "" && !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://") {
				y.errorf(g.Value, "link-scheme", book.M("L’adresse de la quatrième de couverture « %s » doit être une adresse complète en http:// ou https:// (elle devient un code QR).", "The back cover's address “%s” must be a full address starting with http:// or https:// (it becomes a QR code)."), truncate(s, 60))
				continue
			}
			bc.URL = s
		}
	}
	b.BackCover = bc
}

// decodePrint reads print: {paper_thickness_mm: 0.1}, the paper of the
// printed book (its cover spread's spine).
func decodePrint(y *yamlFile, f field, b *book.Book) {
	m, ok := y.mapping(f)
	if !ok {
		return
	}
	for _, g := range y.fields(m, []string{"paper_thickness_mm"}, book.M("dans print", "in print")) {
		b.Fields["print."+g.Key.Value] = y.pos(g.Value)
		n, ok := y.number(g)
		if !ok {
			continue
		}
		if n < 0.03 || n > 1 {
			y.errorf(g.Value, "paper-thickness", book.M("L’épaisseur du papier (%g mm) doit être entre 0,03 et 1 mm par feuille (0,1 mm pour un papier offset de 80 g/m²).", "The paper's thickness (%g mm) must be between 0.03 and 1 mm a sheet (0.1 mm for an 80 gsm offset paper)."), n)
			continue
		}
		b.PaperMM = n
	}
}

// maxBackCover is the longest back-cover text, in characters: about 200
// words, what an A5 back cover holds above its logos and code.
const maxBackCover = 1200

func decodeLimits(y *yamlFile, f field, b *book.Book) {
	m, ok := y.mapping(f)
	if !ok {
		return
	}
	for _, g := range y.fields(m, []string{"min_words", "max_words", "extract_chars", "photo_kb"}, book.M("dans limits", "in limits")) {
		n, ok := y.number(g)
		if !ok {
			continue
		}
		switch g.Key.Value {
		case "min_words":
			b.Limits.MinWords = int(n)
		case "max_words":
			b.Limits.MaxWords = int(n)
		case "extract_chars":
			b.Limits.ExtractChars = int(n)
		case "photo_kb":
			b.Limits.PhotoBytes = int64(n) << 10
		}
	}
	if b.Limits.MaxWords > 0 && b.Limits.MinWords > b.Limits.MaxWords {
		y.errorf(m, "wrong-type", book.M("min_words (%d) dépasse max_words (%d).", "min_words (%d) is more than max_words (%d)."), b.Limits.MinWords, b.Limits.MaxWords)
	}
}

func decodePage(y *yamlFile, f field, b *book.Book) {
	m, ok := y.mapping(f)
	if !ok {
		return
	}
	for _, g := range y.fields(m, []string{"size", "margins", "font_size", "indent", "recto", "round_to"}, book.M("dans page", "in page")) {
		switch g.Key.Value {
		case "size":
			s, ok := y.str(g)
			if !ok {
				continue
			}
			if wh, ok := pageSizes[strings.ToLower(s)]; ok {
				b.Page.Size, b.Page.Width, b.Page.Height = s, wh[0], wh[1]
			} else if mm := sizeRE.FindStringSubmatch(s); mm != nil {
				w, _ := strconv.ParseFloat(mm[1], 64)
				h, _ := strconv.ParseFloat(mm[2], 64)
				if w < 80 || h < 100 || w > 600 || h > 900 {
					y.errorf(g.Value, "wrong-type", book.M("Format de page %s : entre 80×100 et 600×900 mm.", "Page size %s: between 80×100 and 600×900 mm."), s)
					continue
				}
				b.Page.Size, b.Page.Width, b.Page.Height = s, w, h
			} else {
				y.errorf(g.Value, "wrong-type", book.M("Format de page inconnu « %s » : A4, A5, A6, B5, letter, 6x9 ou LARGEURxHAUTEUR en mm.", "Unknown page size “%s”: A4, A5, A6, B5, letter, 6x9 or WIDTHxHEIGHT in mm."), s)
			}
		case "margins":
			if g.Value.Kind == yaml.ScalarNode {
				n, ok := y.number(g)
				if ok {
					b.Page.Margins = book.Margins{Top: n, Bottom: n, Inner: n, Outer: n}
				}
				continue
			}
			mm, ok := y.mapping(g)
			if !ok {
				continue
			}
			for _, h := range y.fields(mm, []string{"top", "bottom", "inner", "outer"}, book.M("dans margins", "in margins")) {
				n, ok := y.number(h)
				if !ok {
					continue
				}
				switch h.Key.Value {
				case "top":
					b.Page.Margins.Top = n
				case "bottom":
					b.Page.Margins.Bottom = n
				case "inner":
					b.Page.Margins.Inner = n
				case "outer":
					b.Page.Margins.Outer = n
				}
			}
		case "font_size":
			n, ok := y.number(g)
			if ok && (n < 6 || n > 24) {
				y.errorf(g.Value, "wrong-type", book.M("font_size vaut entre 6 et 24 points.", "font_size is between 6 and 24 points."))
				continue
			}
			if ok {
				b.Page.FontSize = n
			}
		case "indent":
			b.Page.Indent, _ = y.boolean(g)
		case "recto":
			b.Page.Recto, _ = y.boolean(g)
		case "round_to":
			n, ok := y.number(g)
			if !ok {
				continue
			}
			switch n {
			case 1, 2, 4, 8, 16, 32:
				b.Page.RoundTo = int(n)
			default:
				y.errorf(g.Value, "wrong-type", book.M("round_to vaut 4 (le nombre de pages est arrondi au multiple de 4 supérieur, comme l’imprimeur le demande), 8, 16 ou 32 ; 1 pour un livre lu seulement à l’écran (aucune page blanche ajoutée).", "round_to is 4 (the number of pages is rounded up to a multiple of 4, as the printer asks), 8, 16 or 32; 1 for a book read on screen only (no blank page added)."))
			}
		}
	}
	mg := b.Page.Margins
	if mg.Inner+mg.Outer > b.Page.Width*0.6 || mg.Top+mg.Bottom > b.Page.Height*0.6 {
		y.errorf(m, "wrong-type", book.M("Les marges (%s) laissent trop peu de place au texte sur une page de %g × %g mm.", "The margins (%s) leave too little room for the text on a %g × %g mm page."),
			fmt.Sprintf("%g/%g/%g/%g", mg.Top, mg.Bottom, mg.Inner, mg.Outer), b.Page.Width, b.Page.Height)
	}
}

// ValidISBN reports whether s is an ISBN-13 or ISBN-10 whose check digit
// is right; hyphens and spaces between digits are allowed.
func ValidISBN(s string) bool {
	var d []int
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			d = append(d, int(r-'0'))
		case (r == 'X' || r == 'x') && i == len(s)-1:
			d = append(d, 10)
		case r == '-' || r == ' ':
		default:
			return false
		}
	}
	switch len(d) {
	case 13:
		sum := 0
		for i, v := range d {
			if v == 10 {
				return false
			}
			sum += v * (1 + 2*(i%2))
		}
		return sum%10 == 0
	case 10:
		sum := 0
		for i, v := range d {
			if v == 10 && i != 9 {
				return false
			}
			sum += v * (10 - i)
		}
		return sum%11 == 0
	}
	return false
}

// BookLanguage reads only the language of the book in root (book.yaml's
// language, "" when unset or unreadable: the default, French), for the
// messages a command gives before it loads the book (its usage errors).
func BookLanguage(root string) string {
	raw, prob := readInBook(root, "", "book.yaml", MaxFileBytes)
	if prob != nil {
		return ""
	}
	var v struct {
		Language string `yaml:"language"`
	}
	if yaml.Unmarshal(raw, &v) != nil {
		if m := languageLine.FindSubmatch(raw); m != nil {
			return string(m[1])
		}
		return ""
	}
	return strings.TrimSpace(v.Language)
}
