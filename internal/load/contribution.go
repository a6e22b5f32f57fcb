package load

import (
	"bytes"
	"golang.org/x/text/language"

	"gopkg.in/yaml.v3"
	"regexp"
	"strings"

	"github.com/recueil/recueil/internal/book"
)

// MaxFileBytes is the largest contribution accepted; a testimony of 900
// words is about 6 KB.
const MaxFileBytes = 1 << 20

// ContributionKeys are the front-matter keys of a contribution.
var ContributionKeys = []string{"name", "sort_as", "role", "organization", "handle", "city",
	"links", "linkedin", "photo", "photo_alt", "title", "extract", "section", "draft", "date", "lang"}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// Contribution parses one contribution file. path is book-relative
// (contributions/<slug>.md). It returns nil when the file cannot be read as
// a contribution at all; the reasons are in diags.
func Contribution(path string, raw []byte, diags *book.Diagnostics) *book.Contribution {
	if len(raw) > MaxFileBytes {
		diags.Add(path, book.Pos{Line: 1, Col: 1}, book.Error, "file-too-large",
			book.M("Ce fichier fait %d Ko : un texte ne peut dépasser %d Ko. Raccourcissez-le.", "This file is %d KB: a text cannot be more than %d KB. Shorten it."), len(raw)>>10, MaxFileBytes>>10)
		return nil
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		src := newSource(path, raw)
		diags.Add(path, src.pos(bytes.IndexByte(raw, 0)), book.Error, "binary-file",
			book.M("Ce fichier contient des caractères binaires (NUL) : ce n’est pas un texte Markdown. Enregistrez-le en texte brut UTF-8.", "This file holds binary characters (NUL): it is not a Markdown text. Save it as plain UTF-8 text."))
		return nil
	}
	text := normalize(raw)
	src := newSource(path, text)
	if off := firstInvalidUTF8(text); off >= 0 {
		diags.Add(path, src.pos(off), book.Error, "invalid-utf8",
			book.M("Ce fichier n’est pas en UTF-8 (caractère illisible ici). Enregistrez-le en UTF-8 depuis votre éditeur.", "This file is not in UTF-8 (unreadable character here). Save it as UTF-8 from your editor."))
		text = bytes.ToValidUTF8(text, []byte("\uFFFD"))
		src = newSource(path, text)
	}
	if len(bytes.TrimSpace(text)) == 0 {
		diags.Add(path, book.Pos{Line: 1, Col: 1}, book.Error, "empty-file",
			book.M("Ce fichier est vide : copiez le modèle (recueil new \"Prénom Nom\") et écrivez votre texte.", "This file is empty: copy the template (recueil new \"First Last\") and write your text."))
		return nil
	}
	c := &book.Contribution{Path: path, Slug: book.SlugOf(path), Fields: map[string]book.Pos{}}

	// Front matter: "---" on line 1, up to the next line that is "---".
	fmStart, end, bodyStart, found, closed := book.FrontMatter(text)
	if !found {
		diags.Add(path, book.Pos{Line: 1, Col: 1}, book.Error, "front-matter-missing",
			book.M("Le fichier doit commencer par un en-tête entre deux lignes « --- » (nom, rôle…). Voir le modèle : recueil new \"Prénom Nom\".", "The file must start with a header between two “---” lines (name, role…). See the template: recueil new \"First Last\"."))
		return nil
	}
	if !closed {
		diags.Add(path, book.Pos{Line: 1, Col: 1}, book.Error, "front-matter-unterminated",
			book.M("L’en-tête commencé par « --- » à la ligne 1 n’est jamais fermé : ajoutez une ligne « --- » après le dernier champ.", "The header opened by “---” on line 1 is never closed: add a “---” line after the last field."))
		return nil
	}
	y := &yamlFile{file: path, lineOffset: 1, diags: diags}
	if root := y.parse(text[fmStart:end]); root != nil {
		decodeContribution(y, root, c)
	}
	c.BodyLine = src.pos(bodyStart).Line
	body := text[bodyStart:]
	c.Body, c.Notes = parseMarkdown(src, bodyStart, body, diags)
	c.Words = book.CountWords(book.BlocksText(c.Body) + book.NotesText(c.Notes))
	return c
}

func decodeContribution(y *yamlFile, root *yaml.Node, c *book.Contribution) {
	for _, f := range y.fields(root, ContributionKeys, book.M("dans l’en-tête", "in the header")) {
		c.Fields[f.Key.Value] = y.pos(f.Value)
		switch f.Key.Value {
		case "draft":
			c.Draft, _ = y.boolean(f)
		case "links":
			c.Links, _ = y.list(f)
		default:
			s, ok := y.str(f)
			if !ok {
				continue
			}
			s = strings.TrimSpace(s)
			switch f.Key.Value {
			case "name":
				c.Name = s
			case "sort_as":
				c.SortAs = s
			case "role":
				c.Role = s
			case "organization":
				c.Organization = s
			case "handle":
				c.Handle = s
			case "linkedin":
				c.LinkedIn = s
			case "city":
				c.City = s
			case "lang":
				if tag, err := language.Parse(s); err != nil || s == "" {
					y.diags.Add(y.file, y.pos(f.Value), book.Warning, "contribution-lang", book.M("La langue « %s » n’est pas un code de langue (par exemple « en », « de », « nl-BE ») : le texte est composé dans la langue du livre.", "The language “%s” is not a language code (for example “en”, “de”, “nl-BE”): the text is set in the book's language."), truncate(s, 30))
				} else {
					c.Lang = tag.String()
				}
			case "photo":
				c.Photo = s
			case "photo_alt":
				c.PhotoAlt = s
			case "title":
				c.Title = s
			case "extract":
				c.Extract = s
				if what := extractMarkup(s); what.Fr != "" {
					y.diags.Add(y.file, y.pos(f.Value), book.Warning, "extract-markup",
						book.M("L’exergue contient %s : une citation mise en avant ne peut en contenir, il s’imprimerait tel quel. Gardez une phrase simple et placez-le dans le texte.", "The extract holds %s: a pull quote cannot hold one, it would be printed as it is. Keep a plain sentence and put this in the text."), what)
				}
			case "section":
				c.Section = s
			case "date":
				if y.date(f, s) {
					c.Date = s
				}
			}
		}
	}
}

var (
	extractNote  = regexp.MustCompile(`\[\^[^\]\s]+\]`)
	extractTable = regexp.MustCompile(`(?m)^\s*\|?\s*:?-{3,}:?\s*\|`)
)

// extractMarkup names what an extract holds that a pull quote cannot set:
// a table or a footnote call.
func extractMarkup(s string) book.Msg {
	switch {
	case extractTable.MatchString(s):
		return book.M("un tableau", "a table")
	case extractNote.MatchString(s):
		return book.M("un appel de note", "a note call")
	}
	return book.Msg{}
}
