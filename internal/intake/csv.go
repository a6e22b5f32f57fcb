package intake

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/load"
)

// Keys a form's column can fill: the front matter's, and the text.
var CSVKeys = []string{"name", "first_name", "last_name", "sort_as", "role", "organization", "handle", "city", "links", "title", "extract", "section", "text"}

// synonyms match a column's header, normalised (see headerKey), to a key.
var synonyms = normalised(map[string]string{
	"nom": "name", "nom complet": "name", "prenom et nom": "name", "prenom nom": "name", "nom et prenom": "name",
	"name": "name", "full name": "name", "your name": "name",
	"prenom": "first_name", "first name": "first_name", "given name": "first_name", "firstname": "first_name",
	"nom de famille": "last_name", "last name": "last_name", "surname": "last_name", "family name": "last_name", "lastname": "last_name",
	"fonction": "role", "poste": "role", "role": "role", "job title": "role", "titre du poste": "role", "metier": "role",
	"organisation": "organization", "entreprise": "organization", "societe": "organization", "organization": "organization",
	"organisation structure": "organization", "structure": "organization", "company": "organization", "organisme": "organization",
	"compte x": "handle", "twitter": "handle", "handle": "handle", "compte twitter": "handle", "x": "handle", "compte x twitter": "handle",
	"ville": "city", "city": "city", "lien": "links", "liens": "links", "site": "links", "site web": "links", "linkedin": "links",
	"website": "links", "link": "links", "links": "links", "lien linkedin": "links", "profil linkedin": "links", "linkedin profile": "links",
	"titre": "title", "title": "title", "titre du texte": "title",
	"extrait": "extract", "citation": "extract", "extract": "extract", "quote": "extract",
	"section": "section", "partie": "section",
	"votre texte": "text", "texte": "text", "contribution": "text", "your text": "text", "text": "text", "temoignage": "text",
	"votre contribution": "text", "your contribution": "text", "texte de la contribution": "text",
})

// ignored are the form's own columns: who answered and when. They are
// never written into the book (an e-mail address is private).
var ignored = normalised(map[string]bool{
	"horodateur": true, "horodatage": true, "timestamp": true, "e mail": true, "email": true, "adresse e mail": true,
	"adresse email": true, "courriel": true, "email address": true, "adresse de messagerie": true, "id": true,
	"heure de debut": true, "heure de fin": true, "start time": true, "completion time": true, "submit date utc": true,
	"start date utc": true, "network id": true, "response id": true, "id de la reponse": true, "date de soumission": true,
	"derniere page": true, "last page": true, "langue de depart": true, "start language": true, "date started": true,
	"date last action": true, "submitted at": true, "token": true, "heure de la derniere modification": true,
	"last modified time": true, "nom d utilisateur": true, "username": true,
})

// normalised keys a table by headerKey, as the headers are looked up.
func normalised[V any](m map[string]V) map[string]V {
	out := make(map[string]V, len(m))
	for k, v := range m {
		out[headerKey(k)] = v
	}
	return out
}

var aside = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)

// headerKey normalises a header: lowercase, accents folded, punctuation
// as spaces, the words of a question ("Votre", "Quel est") left out.
func headerKey(h string) string {
	if a := strings.TrimSpace(aside.ReplaceAllString(h, " ")); a != "" {
		h = a // "Votre texte (80 à 900 mots)": the hint in brackets aside
	}
	h = strings.ToLower(book.FoldAccents(strings.TrimSpace(h)))
	words := strings.FieldsFunc(h, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var keep []string
	for _, w := range words {
		switch w {
		case "quel", "quelle", "est", "what", "is", "s", "vos", "ton", "ta", "merci", "de", "d", "indiquer", "please":
			if len(words) > 1 {
				continue
			}
		}
		keep = append(keep, w)
	}
	k := strings.Join(keep, " ")
	return k
}

// lookup finds the key of a normalised header, also without its
// "votre" or "your" ("Votre fonction", "Your city").
func lookup(k string) (string, bool) {
	if key, ok := synonyms[k]; ok {
		return key, true
	}
	for _, p := range []string{"votre ", "your "} {
		if rest, ok := strings.CutPrefix(k, p); ok {
			if key, ok := synonyms[rest]; ok {
				return key, true
			}
		}
	}
	return "", false
}

// CSV imports an online form's export: one contribution per row. mapping
// (key -> header) overrides the headers' matching. Rows that cannot be
// imported are skipped with a finding at their row as the spreadsheet
// numbers it (the header is row 1).
func CSV(o Options, file string, data []byte, mapping map[string]string) Result {
	res := importCSV(o, file, data, mapping)
	res.Diags.In(o.Lang)
	return res
}

func importCSV(o Options, file string, data []byte, mapping map[string]string) Result {
	var res Result
	at := func(row int) book.Pos { return book.Pos{Line: row, Col: 1} }
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = separator(data)
	cr.FieldsPerRecord = -1
	var rows [][]string
	var rowNum []int // the spreadsheet's row of each record: blank lines are rows too
	endLine := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			pos := at(len(rows) + 1)
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
				pos = book.Pos{Line: pe.Line, Col: charColumn(data, pe.Line, pe.Column)}
			}
			fr, en := csvReason(err)
			res.Diags.Add(file, pos, book.Error, "csv-syntax", o.say(
				fmt.Sprintf("ligne %d du fichier : le CSV est mal formé, %s ; rien n’a été importé (réexportez le fichier depuis le tableur ou le formulaire)", line, fr),
				fmt.Sprintf("line %d of the file: the CSV is malformed, %s; nothing was imported (export the file again from the spreadsheet or the form)", line, en)))
			return res
		}
		line, _ := cr.FieldPos(0)
		row := len(rows) + 1
		if len(rowNum) > 0 {
			row = rowNum[len(rowNum)-1] + 1 + max(0, line-endLine-1)
		}
		last, _ := cr.FieldPos(len(rec) - 1)
		endLine = last + strings.Count(rec[len(rec)-1], "\n")
		rows, rowNum = append(rows, rec), append(rowNum, row)
	}
	if len(rows) == 0 {
		res.Diags.Add(file, book.Pos{}, book.Error, "csv-header", o.say("le fichier est vide", "the file is empty"))
		return res
	}
	header := rows[0]
	for _, h := range header {
		if !utf8.ValidString(h) {
			res.Diags.Add(file, at(1), book.Error, "csv-encoding", o.say(
				"le fichier n’est pas en UTF-8 (sans doute Windows-1252 ou Latin-1) : exportez-le de nouveau en « CSV UTF-8 »",
				"the file is not UTF-8 (probably Windows-1252 or Latin-1): export it again as \"CSV UTF-8\""))
			return res
		}
	}
	cols := map[string]int{}
	mapped := map[int]bool{} // columns --map names
	keys := make([]string, 0, len(mapping))
	for k := range mapping {
		keys = append(keys, k)
	}
	sort.Strings(keys) // the same finding first, whatever the map's order
	for _, key := range keys {
		h := mapping[key]
		found := -1
		for i, x := range header {
			if headerKey(x) == headerKey(h) {
				found = i
				break
			}
		}
		if found < 0 {
			res.Diags.Add(file, at(1), book.Error, "csv-header", o.say(
				"--map "+key+"="+h+" : aucune colonne n’a cet en-tête", "--map "+key+"="+h+": no column has that header"))
			return res
		}
		cols[key] = found
		mapped[found] = true
	}
	matched := map[string]string{} // key -> the header it was matched by
	for i, h := range header {
		if mapped[i] {
			continue
		}
		k := headerKey(h)
		if key, ok := lookup(k); ok {
			// Two columns for one key: the more precise header wins
			// ("Prénom et nom" over Microsoft Forms' own "Nom").
			if j, taken := cols[key]; !taken || len(k) > len(matched[key]) && !mapped[j] {
				cols[key], matched[key] = i, k
				continue
			}
		}
		if ignored[k] {
			res.Diags.Add(file, at(1), book.Info, "csv-column", o.say(
				"colonne « "+h+" » ignorée : elle n’est jamais écrite dans le livre",
				"column \""+h+"\" ignored: it is never written into the book"))
			continue
		}
		if _, ok := lookup(k); !ok {
			res.Diags.Add(file, at(1), book.Info, "csv-column", o.say(
				"colonne « "+h+" » non reconnue, donc ignorée : associez-la à une clé avec --map clé=« "+h+" »",
				"column \""+h+"\" not recognised, so ignored: map it to a key with --map key=\""+h+"\""))
		}
	}
	for i, h := range header {
		if key, ok := lookup(headerKey(h)); ok && !mapped[i] && cols[key] != i {
			res.Diags.Add(file, at(1), book.Info, "csv-column", o.say(
				"colonne « "+h+" » non utilisée : la colonne « "+header[cols[key]]+" » donne déjà "+key,
				"column \""+h+"\" not used: the column \""+header[cols[key]]+"\" gives "+key+" already"))
		}
	}
	_, hasName := cols["name"]
	_, hasFirst := cols["first_name"]
	_, hasLast := cols["last_name"]
	if !hasName && !(hasFirst && hasLast) {
		if hasLast {
			cols["name"], hasName = cols["last_name"], true
		} else {
			res.Diags.Add(file, at(1), book.Error, "csv-header", o.say(
				"aucune colonne ne donne le nom (« Nom », « Prénom et nom », « Name »…) : nommez-la avec --map name=EN-TÊTE ; rien n’a été importé",
				"no column gives the name (\"Name\", \"Full name\", \"Nom\"…): name it with --map name=HEADER; nothing was imported"))
			return res
		}
	}
	if _, ok := cols["text"]; !ok {
		res.Diags.Add(file, at(1), book.Error, "csv-header", o.say(
			"aucune colonne ne donne le texte (« Votre texte », « Texte », « Contribution »…) : nommez-la avec --map text=EN-TÊTE ; rien n’a été importé",
			"no column gives the text (\"Your text\", \"Text\", \"Contribution\"…): name it with --map text=HEADER; nothing was imported"))
		return res
	}
	seen := map[string]int{}
	skip := func(row int, fr, en string) {
		res.Diags.Add(file, at(row), book.Warning, "csv-row-skipped", o.say("ligne "+strconv.Itoa(row)+" non importée : "+fr, "row "+strconv.Itoa(row)+" not imported: "+en))
	}
	var files []newFile
	for i, rec := range rows[1:] {
		row := rowNum[i+1]
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue
		}
		bad := false
		for _, c := range rec {
			if !utf8.ValidString(c) {
				bad = true
			}
		}
		if bad {
			res.Diags.Add(file, at(row), book.Error, "csv-encoding", o.say(
				"ligne "+strconv.Itoa(row)+" non importée : elle n’est pas en UTF-8 (exportez le fichier en « CSV UTF-8 »)",
				"row "+strconv.Itoa(row)+" not imported: it is not UTF-8 (export the file as \"CSV UTF-8\")"))
			continue
		}
		if len(rec) < len(header) {
			res.Diags.Add(file, at(row), book.Warning, "csv-short-row", o.say(
				fmt.Sprintf("ligne %d : %d cellules au lieu de %d ; les dernières sont lues vides", row, len(rec), len(header)),
				fmt.Sprintf("row %d: %d cells instead of %d; the last ones are read as empty", row, len(rec), len(header))))
		}
		cell := func(key string) string {
			if i, ok := cols[key]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		name := oneLine(cell("name"))
		if !hasName || (hasFirst && hasLast && cols["name"] == cols["last_name"]) {
			name = oneLine(cell("first_name") + " " + cell("last_name"))
		} else if hasFirst && cell("first_name") != "" && !strings.Contains(name, oneLine(cell("first_name"))) {
			name = oneLine(cell("first_name") + " " + name)
		}
		text := strings.TrimSpace(cell("text"))
		slug := book.Slugify(name)
		switch {
		case slug == "":
			skip(row, "pas de nom", "no name")
			continue
		case text == "":
			skip(row, "pas de texte ("+name+")", "no text ("+name+")")
			continue
		case seen[slug] > 0:
			skip(row, fmt.Sprintf("%s est déjà à la ligne %d (même nom de fichier)", name, seen[slug]), fmt.Sprintf("%s is already on row %d (same file name)", name, seen[slug]))
			continue
		}
		seen[slug] = row
		rel := "contributions/" + slug + ".md"
		if exists(o.Root, rel) {
			skip(row, rel+" existe déjà (recueil n’écrase jamais un fichier)", rel+" exists already (recueil never overwrites a file)")
			continue
		}
		fields := [][2]string{{"name", name}, {"role", oneLine(cell("role"))}}
		for _, k := range []string{"sort_as", "organization", "handle", "city", "title", "extract", "section"} {
			v := oneLine(cell(k))
			if k == "handle" {
				v = handle(v)
			}
			if v != "" {
				fields = append(fields, [2]string{k, v})
			}
		}
		urls, dropped := links(cell("links"))
		for _, x := range dropped {
			res.Diags.Add(file, at(row), book.Warning, "csv-link", o.say(
				"ligne "+strconv.Itoa(row)+" : « "+x+" » n’est pas une adresse web, il n’est pas dans les liens",
				"row "+strconv.Itoa(row)+": \""+x+"\" is not a web address, it is left out of the links"))
		}
		// A LinkedIn profile among the links goes to its own key.
		for i, u := range urls {
			if book.LinkedInRE.MatchString(u) {
				fields = append(fields, [2]string{"linkedin", u})
				urls = append(urls[:i:i], urls[i+1:]...)
				break
			}
		}
		src := contribution(fields, urls, plainMarkdown(text))
		files = append(files, newFile{rel, o.fixTypography(src)})
	}
	for _, f := range files {
		written, err := createAll(o.Root, []newFile{f})
		if err != nil {
			res.Diags.Add(file, book.Pos{}, book.Error, "import-exists", o.writeError(err, "non écrit", "not written"))
			continue
		}
		res.Files = append(res.Files, written...)
	}
	return res
}

func exists(root, rel string) bool {
	r, err := os.OpenRoot(root)
	if err != nil {
		return false
	}
	defer r.Close()
	_, err = r.Lstat(rel)
	return err == nil
}

// separator is the header line's: ";" (French spreadsheets), "," or a
// tab, whichever it has most of outside quotes.
func separator(data []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range string(data) {
		if r == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if r == '\n' {
			break
		}
		counts[r]++
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// handle makes "@name" of "name", "@name" or an X profile address.
func handle(v string) string {
	v = strings.TrimSpace(v)
	for _, p := range []string{"https://x.com/", "https://twitter.com/", "http://x.com/", "http://twitter.com/", "x.com/", "twitter.com/"} {
		if rest, ok := strings.CutPrefix(strings.ToLower(v), p); ok {
			v = v[len(v)-len(rest):]
			v = strings.TrimRight(v, "/")
		}
	}
	if v != "" && !strings.HasPrefix(v, "@") {
		v = "@" + v
	}
	return v
}

// links splits a cell of addresses (spaces, commas, line ends between
// them); an address without a scheme gets https://; what is no web
// address ("N/A", "aucun") is dropped.
func links(cell string) (urls, dropped []string) {
	for _, f := range strings.FieldsFunc(cell, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' }) {
		if !strings.Contains(f, "://") && strings.Contains(strings.Trim(f, "."), ".") {
			f = "https://" + f
		}
		if load.LinkAllowed(f) && !strings.HasPrefix(strings.ToLower(f), "mailto:") {
			urls = append(urls, f)
		} else {
			dropped = append(dropped, f)
		}
	}
	return urls, dropped
}

// plainMarkdown writes a form's text as Markdown: paragraphs at blank
// lines, the lines of a paragraph joined, lines that start with a dash or
// a bullet as a list; everything else is text, escaped.
func plainMarkdown(text string) string {
	d := &Doc{}
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	for _, p := range strings.Split(text, "\n\n") {
		var cur *block
		for _, line := range strings.Split(p, "\n") {
			t := strings.TrimSpace(line)
			if t == "" {
				continue
			}
			if rest, ok := cutBullet(t); ok {
				d.blocks = append(d.blocks, block{kind: bullet, in: []inline{{text: rest}}})
				cur = nil
				continue
			}
			if cur == nil {
				d.blocks = append(d.blocks, block{kind: para})
				cur = &d.blocks[len(d.blocks)-1]
			} else {
				cur.in = append(cur.in, inline{text: " ", space: true})
			}
			cur.in = append(cur.in, inline{text: t})
		}
	}
	return d.Markdown()
}

func cutBullet(t string) (string, bool) {
	for _, b := range []string{"- ", "• ", "* ", "– ", "· "} {
		if rest, ok := strings.CutPrefix(t, b); ok {
			return strings.TrimSpace(rest), true
		}
	}
	return "", false
}

// csvReason says in words what the CSV reader found wrong.
func csvReason(err error) (fr, en string) {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return "un guillemet droit (\") est au milieu d’une case qui ne commence pas par un guillemet",
			"a straight quote (\") is in the middle of a cell that does not start with one"
	case errors.Is(err, csv.ErrQuote):
		return "une case ouverte par un guillemet droit (\") n’est pas refermée, ou un guillemet y est seul (dans une case entre guillemets, un guillemet s’écrit \"\")",
			"a cell opened with a straight quote (\") is not closed, or a quote stands alone in it (in a quoted cell, a quote is written \"\")"
	}
	return "ses guillemets ou ses séparateurs ne se suivent pas comme il faut", "its quotes or separators are out of order"
}

// charColumn turns encoding/csv's column, a byte count, into characters,
// as an editor counts them: "Poète" is five.
func charColumn(data []byte, line, byteCol int) int {
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return max(byteCol, 1)
		}
		data = data[i+1:]
	}
	n := min(max(byteCol-1, 0), len(data))
	return utf8.RuneCount(data[:n]) + 1
}
