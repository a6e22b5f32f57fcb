package load

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/recueil/recueil/internal/book"
)

// maxYAMLNodes bounds the size of a front matter or book.yaml tree.
const maxYAMLNodes = 10000

// yamlFile decodes YAML nodes of one file into typed values, recording a
// finding for each problem at the node's line and column.
type yamlFile struct {
	file       string
	lineOffset int // lines before the YAML text in the file
	diags      *book.Diagnostics
}

func (y *yamlFile) pos(n *yaml.Node) book.Pos {
	return book.Pos{Line: n.Line + y.lineOffset, Col: max(n.Column, 1)}
}

func (y *yamlFile) errorf(n *yaml.Node, rule string, m book.Msg, args ...any) {
	y.diags.Add(y.file, y.pos(n), book.Error, rule, m, args...)
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// parse parses text into a mapping node. It returns nil after recording a
// finding when the text is not a YAML mapping, uses aliases, or is too big.
func (y *yamlFile) parse(text []byte) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		if l, c, r, ok := pastedChar(text); ok {
			y.diags.Add(y.file, book.Pos{Line: l + y.lineOffset, Col: c}, book.Error, "pasted-space",
				book.M("%s Remplacez-la par une espace ordinaire (ou retapez la ligne) : YAML ne la comprend pas à cet endroit.", "%s Replace it with an ordinary space (or type the line again): YAML does not understand it there."), describePasted(r, true))
			return nil
		}
		line := 1
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringIndex(msg); m != nil {
			msg = strings.TrimLeft(msg[m[1]:], ": ")
		}
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			msg = te.Errors[0]
		}
		y.diags.Add(y.file, book.Pos{Line: line + y.lineOffset, Col: 1}, book.Error, "yaml-syntax",
			book.M("L’en-tête YAML est mal formé (%s). Vérifiez les deux-points, les guillemets et l’indentation de cette ligne.", "The YAML header is badly formed (%s). Check the colons, the quotes and the indentation of this line."), yamlReason(msg))
		return nil
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}
	}
	root := doc.Content[0]
	count := 0
	var bad *yaml.Node
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		count++
		if bad != nil || count > maxYAMLNodes || depth > 20 {
			if bad == nil {
				bad = n
			}
			return
		}
		if n.Kind == yaml.AliasNode || n.Anchor != "" {
			bad = n
			return
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	if bad != nil {
		if bad.Kind == yaml.AliasNode || bad.Anchor != "" {
			y.errorf(bad, "yaml-alias", book.M("Les ancres et alias YAML (& et *) ne sont pas acceptés ici : écrivez chaque valeur en clair.", "YAML anchors and aliases (& and *) are not accepted here: write each value out."))
		} else {
			y.errorf(bad, "yaml-too-large", book.M("L’en-tête YAML est trop gros ou trop imbriqué pour un en-tête de texte.", "The YAML header is too big or too deeply nested for a text's header."))
		}
		return nil
	}
	if root.Kind != yaml.MappingNode {
		y.errorf(root, "yaml-syntax", book.M("L’en-tête doit être une liste de champs « clé: valeur ».", "The header must be a list of “key: value” fields."))
		return nil
	}
	return root
}

// isPasted reports the blanks and invisible characters that text pasted
// from a word processor or a web page brings into a YAML header, where
// YAML reads them as part of a key or refuses them.
func isPasted(r rune) bool {
	switch r {
	case '\t', 0x00A0, 0x202F, 0x2007, 0x2009, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
		return true
	}
	return false
}

// DescribeInvisible says in words which blank or invisible character r
// is (« un espace de largeur nulle (U+200B) »), for the findings of other
// stages.
func DescribeInvisible(r rune) book.Msg {
	switch r {
	case '\t':
		return book.M("une tabulation", "a tab")
	case 0x00A0:
		return book.M("une espace insécable (U+00A0), souvent collée depuis Word", "a no-break space (U+00A0), often pasted from Word")
	case 0x202F:
		return book.M("une espace fine insécable (U+202F), souvent collée depuis Word", "a narrow no-break space (U+202F), often pasted from Word")
	case 0x2007, 0x2009:
		return book.M("une espace spéciale (U+%04X), collée depuis un traitement de texte", "a special space (U+%04X), pasted from a word processor").Format(r)
	case 0xFEFF:
		return book.M("un caractère invisible (U+FEFF, marque d’ordre des octets)", "an invisible character (U+FEFF, byte order mark)")
	}
	return book.M("un espace de largeur nulle (U+%04X), invisible, souvent collé depuis une page web", "a zero-width space (U+%04X), invisible, often pasted from a web page").Format(r)
}

// describePasted says in words which character r is, for a contributor
// (a sentence when whole, else a phrase to go on).
func describePasted(r rune, whole bool) book.Msg {
	m := book.M("Il y a ici %s", "There is %s here").Format(DescribeInvisible(r))
	if whole {
		return m.Join("", book.M(".", "."))
	}
	return m
}

// pastedChar finds, in a YAML header that does not parse, the first
// pasted blank where YAML reads structure: in the indentation, in a key,
// or right after its colon. line and col are 1-based (col in characters).
func pastedChar(text []byte) (line, col int, r rune, ok bool) {
	for i, l := range strings.Split(string(text), "\n") {
		rs := []rune(strings.TrimRight(l, "\r"))
		if t := strings.TrimLeft(string(rs), " "); strings.HasPrefix(t, "#") {
			continue
		}
		colon := slices.Index(rs, ':')
		for j, c := range rs {
			if !isPasted(c) {
				if c != ' ' && c != '-' && colon < 0 {
					break // a value on its own line (a block scalar, a flow list)
				}
				if colon >= 0 && j > colon+1 {
					break
				}
				continue
			}
			return i + 1, j + 1, c, true
		}
	}
	return 0, 0, 0, false
}

// field is one key of a mapping.
type field struct {
	Key   *yaml.Node
	Value *yaml.Node
}

// fields returns the key/value pairs of a mapping, reporting unknown and
// duplicated keys (with a "did you mean" for a close known key).
func (y *yamlFile) fields(m *yaml.Node, known []string, what book.Msg) []field {
	var out []field
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			y.errorf(k, "wrong-type", book.M("Une clé doit être un simple mot.", "A key must be a plain word."))
			continue
		}
		if seen[k.Value] {
			y.errorf(k, "duplicate-key", book.M("La clé « %s » apparaît deux fois : gardez-en une seule.", "The key “%s” appears twice: keep only one."), k.Value)
			continue
		}
		seen[k.Value] = true
		if i := strings.IndexFunc(k.Value, isPasted); i >= 0 && slices.Contains(known, strings.TrimFunc(k.Value, isPasted)) {
			r, _ := utf8.DecodeRuneInString(k.Value[i:])
			pos := y.pos(k)
			pos.Col += utf8.RuneCountInString(k.Value[:i])
			y.diags.Add(y.file, pos, book.Error, "pasted-space",
				book.M("%s, collée dans la clé « %s » : retapez la clé.", "%s, stuck in the key “%s”: type the key again."), describePasted(r, false), strings.TrimFunc(k.Value, isPasted))
			k.Value = strings.TrimFunc(k.Value, isPasted) // its value is read all the same
		}
		if !slices.Contains(known, k.Value) {
			if s := Suggest(k.Value, known); s != "" {
				y.errorf(k, "unknown-key", book.M("Clé inconnue « %s » %s : vouliez-vous dire « %s » ?", "Unknown key “%s” %s: did you mean “%s”?"), k.Value, what, s)
			} else {
				y.errorf(k, "unknown-key", book.M("Clé inconnue « %s » %s. Clés possibles : %s.", "Unknown key “%s” %s. Possible keys: %s."), k.Value, what, strings.Join(known, ", "))
			}
			continue
		}
		out = append(out, field{k, v})
	}
	return out
}

// str decodes a scalar as text. Any scalar is accepted (a city may be
// written 75000); lists and mappings are wrong types.
func (y *yamlFile) str(f field) (string, bool) {
	v := f.Value
	if v.Kind != yaml.ScalarNode {
		y.errorf(v, "wrong-type", book.M("« %s » doit être un texte sur une ligne, pas une liste ni un bloc.", "“%s” must be a text on one line, not a list or a block."), f.Key.Value)
		return "", false
	}
	if v.Tag == "!!null" {
		return "", true
	}
	return v.Value, true
}

// list decodes a sequence of scalars (a single scalar is a list of one).
func (y *yamlFile) list(f field) ([]string, bool) {
	v := f.Value
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" || v.Value == "" {
			return nil, true
		}
		return []string{v.Value}, true
	case yaml.SequenceNode:
		var out []string
		for _, e := range v.Content {
			if e.Kind != yaml.ScalarNode {
				y.errorf(e, "wrong-type", book.M("Chaque élément de « %s » doit être un texte.", "Each item of “%s” must be a text."), f.Key.Value)
				return nil, false
			}
			out = append(out, e.Value)
		}
		return out, true
	}
	y.errorf(v, "wrong-type", book.M("« %s » doit être une liste, par exemple [\"a\", \"b\"].", "“%s” must be a list, for example [\"a\", \"b\"]."), f.Key.Value)
	return nil, false
}

func (y *yamlFile) boolean(f field) (bool, bool) {
	v := f.Value
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		b, err := strconv.ParseBool(strings.ToLower(v.Value))
		if err == nil {
			return b, true
		}
	}
	y.errorf(v, "wrong-type", book.M("« %s » doit valoir true ou false.", "“%s” must be true or false."), f.Key.Value)
	return false, false
}

func (y *yamlFile) number(f field) (float64, bool) {
	v := f.Value
	if v.Kind == yaml.ScalarNode && (v.Tag == "!!int" || v.Tag == "!!float") {
		n, err := strconv.ParseFloat(v.Value, 64)
		if err == nil && n >= 0 {
			return n, true
		}
	}
	y.errorf(v, "wrong-type", book.M("« %s » doit être un nombre positif.", "“%s” must be a positive number."), f.Key.Value)
	return 0, false
}

func (y *yamlFile) mapping(f field) (*yaml.Node, bool) {
	if f.Value.Kind != yaml.MappingNode {
		y.errorf(f.Value, "wrong-type", book.M("« %s » doit être un groupe de champs « clé: valeur ».", "“%s” must be a group of “key: value” fields."), f.Key.Value)
		return nil, false
	}
	return f.Value, true
}

// date reports whether s is a YYYY-MM-DD date, recording a finding if not.
func (y *yamlFile) date(f field, s string) bool {
	if dateRE.MatchString(s) {
		return true
	}
	y.errorf(f.Value, "wrong-type", book.M("La date doit s’écrire AAAA-MM-JJ, par exemple 2026-11-21.", "The date must be written YYYY-MM-DD, for example 2026-11-21."))
	return false
}

// yamlReasons says the YAML parser's commonest complaints (yaml.v3's
// scanner and parser, in English) in words, in both languages.
var yamlReasons = []struct {
	prefix string
	m      book.Msg
}{
	{"mapping values are not allowed in this context", book.M("un deux-points dans une valeur : mettez la valeur entre guillemets", "a colon inside a value: put the value in quotes")},
	{"did not find expected key", book.M("une clé manque là où on l’attend : une ligne est peut-être mal alignée", "a key is missing where one is expected: a line may be indented differently from the others")},
	{"could not find expected ':'", book.M("il manque le deux-points après le nom de la clé", "the colon after the key's name is missing")},
	{"found character that cannot start any token", book.M("une valeur commence par un caractère que YAML réserve (@, `, % ou une tabulation) : mettez la valeur entre guillemets", "a value starts with a character YAML keeps for itself (@, `, % or a tab): put the value in quotes")},
	{"found a tab character", book.M("une tabulation sert d’indentation : remplacez-la par des espaces", "a tab is used for indentation: replace it with spaces")},
	{"found unexpected end of stream", book.M("l’en-tête s’arrête au milieu d’une valeur : un guillemet n’est sans doute pas refermé", "the header ends in the middle of a value: a quote is probably not closed")},
	{"found unknown escape character", book.M("une barre oblique inverse (\\) suivie d’un caractère inconnu entre guillemets doubles : doublez-la ou utilisez des guillemets simples", "a backslash (\\) followed by an unknown character inside double quotes: double it or use single quotes")},
	{"did not find expected ',' or ']'", book.M("une liste entre crochets [ ] n’est pas refermée, ou il y manque une virgule", "a list in brackets [ ] is not closed, or a comma is missing in it")},
	{"did not find expected ',' or '}'", book.M("une accolade { } n’est pas refermée, ou il y manque une virgule", "braces { } are not closed, or a comma is missing between them")},
	{"block sequence entries are not allowed in this context", book.M("un tiret de liste (-) est placé après une clé sur la même ligne : mettez la liste à la ligne suivante", "a list dash (-) follows a key on the same line: start the list on the next line")},
	{"did not find expected node content", book.M("une valeur manque ou commence par un caractère inattendu", "a value is missing or starts with an unexpected character")},
	{"did not find expected alphabetic or numeric character", book.M("un & ou un * en tête de valeur : mettez la valeur entre guillemets", "a value starts with & or *: put the value in quotes")},
	{"did not find expected '-' indicator", book.M("une ligne d’une liste n’est pas alignée sur les autres", "a line of a list is not aligned with the others")},
	{"found unexpected ':'", book.M("un deux-points inattendu : mettez la valeur entre guillemets", "an unexpected colon: put the value in quotes")},
	{"invalid leading UTF-8 octet", book.M("le fichier n’est pas en UTF-8 : enregistrez-le en UTF-8", "the file is not in UTF-8: save it as UTF-8")},
	{"invalid trailing UTF-8 octet", book.M("le fichier n’est pas en UTF-8 : enregistrez-le en UTF-8", "the file is not in UTF-8: save it as UTF-8")},
}

// yamlReason is the parser's message msg in words: one of yamlReasons,
// else the parser's own (English) text, quoted.
func yamlReason(msg string) book.Msg {
	for _, r := range yamlReasons {
		if strings.Contains(msg, r.prefix) {
			return r.m
		}
	}
	return book.M("le lecteur YAML dit « %s »", "the YAML reader says “%s”").Format(msg)
}
