// Package rules is the registry of recueil's rule codes: each code, its
// default severity, and what it means in English and in French, as
// go/analysis keeps an Analyzer's name and doc together. docs/rules.md is
// generated from it (go test ./internal/rules -update) and checked by a
// test, as is every code the sources report.
package rules

import (
	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/typo"
)

// Rule is one rule code.
type Rule struct {
	Code     string
	Severity book.Severity
	Section  Section
	En, Fr   string // what it means
	Fix      string // how to fix it, in English ("" when the message says)
	// Also are codes that share this one's text, for another field
	// ("image-missing" beside "photo-missing").
	Also []string
}

// Section groups the rules in the documentation.
type Section int

const (
	Files Section = iota
	Text
	Typography
	Images
	Book
	Output
	Import
)

var sections = []struct {
	title, intro string
	fix          bool
}{
	Files: {"Files and front matter", "", true},
	Text:  {"Text", "", true},
	Typography: {"Typography (the policy of each text's language)", "Found by `recueil check` in the prose of each contribution (the\n" +
		"`title`, `extract`, `role` and `organization` values and the body; never\n" +
		"code, web addresses or front-matter keys), and repaired by\n" +
		"`recueil check --fix`, which rewrites the file in place, atomically,\n" +
		"without changing a word. The rules marked *(auto)* are applied by the PDF,\n" +
		"the EPUB, the site and the cards whatever the source says: they are not\n" +
		"reported one by one but counted, for each file, in one `typo-auto-fixed`\n" +
		"note. The others change what the text says or guess at what was meant\n" +
		"(pasted English quotes, guillemets the wrong way round, a name between\n" +
		"quotes): each is a warning at its place, for a person to look at.", false},
	Images: {"Photos and images", "`photo-*` codes are about the `photo` field, `image-*` codes about images in\n" +
		"the text or in book.yaml (cover, logos).", false},
	Book:   {"The book", "", false},
	Output: {"Typesetting and outputs", "These are reported by `recueil compile`, which has to set the text.", false},
	Import: {"Import", "Reported by `recueil import` about the document or form export it reads: the\n" +
		"position is the document's paragraph (counted from 1, a table counting as one)\n" +
		"or the spreadsheet's row (the header is row 1).", false},
}

// sectionsFr are the titles and introductions of the sections in French,
// for docs/rules.fr.md.
var sectionsFr = []struct{ title, intro string }{
	Files: {"Fichiers et en-tête", ""},
	Text:  {"Texte", ""},
	Typography: {"Typographie (les règles de la langue de chaque texte)", "Relevées par `recueil check` dans la prose de chaque texte (les valeurs de\n" +
		"`title`, `extract`, `role` et `organization`, et le texte ; jamais le code,\n" +
		"les adresses web ni les clés de l’en-tête), et corrigées par\n" +
		"`recueil check --fix`, qui réécrit le fichier sur place sans changer un mot.\n" +
		"Les règles marquées *(auto)* sont appliquées d’office par le PDF, l’EPUB, le\n" +
		"site et les cartes : elles ne sont pas signalées une à une mais comptées,\n" +
		"pour chaque fichier, dans une seule remarque `typo-auto-fixed`. Les autres\n" +
		"changent ce que dit le texte ou devinent l’intention (guillemets anglais\n" +
		"collés depuis Word, guillemets à l’envers, nom entre guillemets) : chacune\n" +
		"est un avertissement à sa place, à regarder."},
	Images: {"Photos et images", "Les codes `photo-*` concernent le champ `photo`, les codes `image-*` les images\n" +
		"du texte ou de book.yaml (couverture, logos)."},
	Book:   {"Le livre", ""},
	Output: {"Composition et sorties", "Signalées par `recueil compile`, qui compose le texte."},
	Import: {"Import", "Signalées par `recueil import` sur le document ou l’export de formulaire qu’il\n" +
		"lit : la position est le paragraphe du document (compté à partir de 1, un\n" +
		"tableau comptant pour un) ou la ligne du tableur (l’en-tête est la ligne 1)."},
}

const (
	E = book.Error
	W = book.Warning
)

// All returns every rule, in documentation order: the registry's, with
// the typography rules of package typo in their section.
func All() []Rule {
	var out []Rule
	for _, r := range registry {
		out = append(out, r)
		if r.Code == "draft" { // the last rule of Text
			out = append(out, Rule{Code: "typo-auto-fixed", Severity: book.Info, Section: Typography,
				En: "one note per file: how many fixes of the *(auto)* rules below the PDF, the EPUB, the site and the cards make on their own, of which kinds, and that `recueil check --fix` writes them into the file; a note, not a warning, because the book is right without them (`--strict` does not fail on it, and GitHub annotations leave it out; the job summary lists it)",
				Fr: "une remarque par fichier : combien de corrections des règles *(auto)* ci-dessous le PDF, l’EPUB, le site et les cartes font d’office, de quelles sortes, et que `recueil check --fix` les écrit dans le fichier ; une remarque et non un avertissement, car le livre est juste sans elles"})
			for _, t := range typo.Rules() {
				r := Rule{Code: t.Code, Severity: W, Section: Typography, En: t.En, Fr: t.Fr}
				if t.Auto {
					r.Severity, r.En, r.Fr = book.Info, "*(auto)* "+t.En, "*(auto)* "+t.Fr
				}
				out = append(out, r)
			}
		}
	}
	return out
}

// Lookup returns the rule of a code (or of one of its Also codes).
func Lookup(code string) (Rule, bool) {
	for _, r := range All() {
		if r.Code == code {
			return r, true
		}
		for _, a := range r.Also {
			if a == code {
				return r, true
			}
		}
	}
	return Rule{}, false
}

var registry = []Rule{
	// Files and front matter.
	{Code: "bad-filename", Severity: E, Section: Files,
		En: "the file name is not a lowercase ASCII slug (`prenom-nom.md`)", Fix: "rename the file as the message suggests",
		Fr: "le nom du fichier n’est pas en minuscules sans accents, mots séparés par des tirets (`prenom-nom.md`)"},
	{Code: "duplicate-slug", Severity: E, Section: Files,
		En: "two files have the same name but for upper/lower case", Fix: "rename one",
		Fr: "deux fichiers ont le même nom, à la casse près"},
	{Code: "name-clash", Severity: E, Section: Files,
		En: "the file's card would take the name of another contribution's square or portrait card (`anne-square.md` or `anne-portrait.md` beside `anne.md`)", Fix: "rename the file, e.g. `anne-carre.md`",
		Fr: "la carte de ce texte prendrait le nom de la carte carrée ou en hauteur d’un autre (`anne-square.md` ou `anne-portrait.md` à côté d’`anne.md`)"},
	{Code: "name-too-long", Severity: E, Section: Files,
		En: "the file name is too long to name its card and offprint (239 characters at most before `.md`)", Fix: "shorten the file name",
		Fr: "le nom du fichier est trop long pour nommer sa carte et son tiré à part (239 caractères au plus avant `.md`)"},
	{Code: "file-too-large", Severity: E, Section: Files,
		En: "the file is over 1 MB (checked before it is read)", Fix: "a text is a few KB: remove what is not text",
		Fr: "le fichier dépasse 1 Mo (vérifié avant de le lire)"},
	{Code: "binary-file", Severity: E, Section: Files,
		En: "the file contains NUL bytes: it is not text", Fix: "save it as plain UTF-8 text",
		Fr: "le fichier contient des octets nuls : ce n’est pas du texte"},
	{Code: "invalid-utf8", Severity: E, Section: Files,
		En: "a byte sequence is not UTF-8 (position of the first one)", Fix: "save the file as UTF-8",
		Fr: "une suite d’octets n’est pas de l’UTF-8 (position de la première)"},
	{Code: "empty-file", Severity: E, Section: Files,
		En: "the file is empty", Fix: "start from `recueil new \"Prénom Nom\"`",
		Fr: "le fichier est vide"},
	{Code: "front-matter-missing", Severity: E, Section: Files,
		En: "the file does not start with a `---` line", Fix: "add the front matter between two `---` lines",
		Fr: "le fichier ne commence pas par une ligne `---`"},
	{Code: "front-matter-unterminated", Severity: E, Section: Files,
		En: "the front matter is never closed", Fix: "add a `---` line after the last field",
		Fr: "l’en-tête n’est jamais fermé"},
	{Code: "yaml-syntax", Severity: E, Section: Files,
		En: "the front matter (or book.yaml) is not valid YAML", Fix: "check colons, quotes and indentation at that line",
		Fr: "l’en-tête (ou book.yaml) n’est pas du YAML valide"},
	{Code: "pasted-space", Severity: E, Section: Files,
		En: "a tab, a no-break or narrow no-break space, or a zero-width character (pasted from Word or a web page) where YAML reads structure: in the indentation, in a key or right after its colon; said in words at its line and column instead of the YAML parser's message", Fix: "replace it with an ordinary space, or retype the line",
		Fr: "une tabulation, une espace insécable ou fine insécable, ou un caractère de largeur nulle (collés depuis Word ou une page web) là où YAML lit la structure : dans l’indentation, dans une clé ou juste après ses deux-points ; dit en mots à sa ligne et sa colonne, au lieu du message de l’analyseur YAML"},
	{Code: "yaml-alias", Severity: E, Section: Files,
		En: "YAML anchors and aliases (`&`, `*`) are refused", Fix: "write each value out",
		Fr: "les ancres et alias YAML (`&`, `*`) sont refusés"},
	{Code: "yaml-too-large", Severity: E, Section: Files,
		En: "the YAML is too big or too deeply nested", Fix: "keep to the documented keys",
		Fr: "le YAML est trop gros ou trop imbriqué"},
	{Code: "unknown-key", Severity: E, Section: Files,
		En: "a key that recueil does not know, with a \"did you mean\"", Fix: "fix the spelling or remove it",
		Fr: "une clé que recueil ne connaît pas, avec une suggestion"},
	{Code: "duplicate-key", Severity: E, Section: Files,
		En: "a key appears twice", Fix: "keep one",
		Fr: "une clé apparaît deux fois"},
	{Code: "wrong-type", Severity: E, Section: Files,
		En: "a value of the wrong kind (a list where text is expected, `draft: maybe`, a bad date)", Fix: "write the value as the message shows",
		Fr: "une valeur du mauvais type (une liste au lieu d’un texte, `draft: maybe`, une date fausse)"},
	{Code: "missing-field", Severity: E, Section: Files,
		En: "`name` or `role` is missing (in book.yaml: `title`)", Fix: "add it",
		Fr: "il manque `name` ou `role` (dans book.yaml : `title`)"},
	{Code: "one-line", Severity: E, Section: Files,
		En: "a field that must hold on one line has several", Fix: "join the lines",
		Fr: "un champ qui doit tenir sur une ligne en a plusieurs"},
	{Code: "field-too-long", Severity: E, Section: Files,
		En: "a front-matter field is over 200 characters", Fix: "shorten it",
		Fr: "un champ de l’en-tête dépasse 200 caractères"},
	{Code: "invisible-char", Severity: E, Section: Files,
		En: "a field holds a control, zero-width or bidirectional-override character", Fix: "retype the field",
		Fr: "un champ contient un caractère de contrôle, de largeur nulle ou d’inversion du sens d’écriture"},
	{Code: "control-char", Severity: E, Section: Files,
		En: "a control character (C0 or C1 but tab, U+2028/U+2029, a bidirectional embedding, override or isolate U+202A–U+202E, U+2066–U+2069) anywhere in a contribution, front matter or text, at its exact position (at most 5 per file); it could change how the text displays, so it is never published", Fix: "delete it (retype the passage)",
		Fr: "un caractère de contrôle (C0 ou C1 sauf la tabulation, U+2028/U+2029, un caractère bidirectionnel U+202A–U+202E, U+2066–U+2069) dans le texte ou l’en-tête ; il pourrait changer l’affichage du texte, il n’est jamais publié"},
	{Code: "nesting-limit", Severity: E, Section: Files,
		En: "more than 64 quote or list markers open one line, or more than 500 links (`](`) are opened in one paragraph: past these limits the Markdown parser would take time growing with the square of the text, so the excess is not read (the text is never published)", Fix: "simplify the passage",
		Fr: "plus de 64 marques de citation ou de liste sur une ligne, ou plus de 500 liens ouverts dans un paragraphe : au-delà, la lecture prendrait un temps croissant avec le carré du texte"},
	{Code: "handle-format", Severity: E, Section: Files,
		En: "`handle` is none of an X handle (`@` then 1 to 15 letters, digits or `_`), a Mastodon one (`@user@instance.tld`) or a Bluesky one (`@name.bsky.social` or `@` a domain); the message says which rule it breaks (too long for X, no `@`, a space) and, for a profile address, the handle to write — for a LinkedIn profile, to move it to `linkedin`", Fix: "write it as the message shows, quoted",
		Fr: "`handle` n’est ni un identifiant X (`@` puis 1 à 15 lettres, chiffres ou `_`), ni Mastodon (`@nom@instance.tld`), ni Bluesky (`@nom.bsky.social` ou `@` un domaine) ; le message dit quelle règle il enfreint et, pour l’adresse d’un profil, l’identifiant à écrire — pour un profil LinkedIn, de le déplacer dans `linkedin`"},
	{Code: "linkedin-format", Severity: E, Section: Files,
		En: "`linkedin` is not a LinkedIn profile address (`https://www.linkedin.com/in/…`)", Fix: "copy the address of your profile page",
		Fr: "`linkedin` n’est pas l’adresse d’un profil LinkedIn (`https://www.linkedin.com/in/…`)"},
	{Code: "lone-cr", Severity: W, Section: Files,
		En: "the file uses old Mac line ends (a carriage return alone); they are read as line breaks", Fix: "save with LF or CRLF line ends",
		Fr: "le fichier utilise d’anciennes fins de ligne Mac (un retour chariot seul), lues comme des sauts de ligne"},
	{Code: "not-markdown", Severity: W, Section: Files,
		En: "a file in `contributions/` that is neither Markdown nor an image", Fix: "move it out; photos go in `contributions/photos/`",
		Fr: "un fichier de `contributions/` qui n’est ni du Markdown ni une image"},
	{Code: "symlink", Severity: E, Section: Files,
		En: "a contribution file is a symbolic link", Fix: "add the file itself",
		Fr: "un texte est un lien symbolique"},
	{Code: "unreadable", Severity: E, Section: Files,
		En: "the file cannot be read", Fix: "check its permissions",
		Fr: "le fichier ne peut pas être lu"},
	{Code: "not-a-file", Severity: E, Section: Files,
		En: "a FIFO or a device among the contributions (never opened: a FIFO would wait forever), or an editorial text that is a folder", Fix: "add the text itself",
		Fr: "un tube ou un périphérique parmi les textes (jamais ouvert : un tube attendrait sans fin), ou un texte éditorial qui est un dossier"},
	{Code: "outside-book", Severity: E, Section: Files,
		En: "an editorial text whose path, or a symbolic link on its way, leads out of `editorial/` (a link to `/proc/self/environ` would publish the job's secrets)", Fix: "put the file itself in `editorial/`",
		Fr: "un texte éditorial dont le chemin, ou un lien symbolique, mène hors de `editorial/`"},
	{Code: "no-contributions", Severity: W, Section: Files,
		En: "there is no `contributions/` folder", Fix: "create it",
		Fr: "il n’y a pas de dossier `contributions/`"},

	// Text.
	{Code: "empty-text", Severity: E, Section: Text,
		En: "there is no text under the front matter", Fix: "write the text after the closing `---`",
		Fr: "il n’y a pas de texte sous l’en-tête"},
	{Code: "too-short", Severity: E, Section: Text,
		En: "fewer words than `limits.min_words` (default 80)", Fix: "write more",
		Fr: "moins de mots que `limits.min_words` (80 par défaut)"},
	{Code: "too-long", Severity: E, Section: Text,
		En: "more words than `limits.max_words` (default 900)", Fix: "shorten by the number given",
		Fr: "plus de mots que `limits.max_words` (900 par défaut)"},
	{Code: "extract-too-long", Severity: E, Section: Text,
		En: "the extract is over `limits.extract_chars` (default 280) characters", Fix: "choose a shorter sentence",
		Fr: "l’extrait dépasse `limits.extract_chars` caractères (280 par défaut)"},
	{Code: "extract-not-in-text", Severity: W, Section: Text,
		En: "the extract is not found word for word in the text", Fix: "copy the sentence from the text",
		Fr: "l’extrait ne se trouve pas mot pour mot dans le texte"},
	{Code: "raw-html", Severity: W, Section: Text,
		En: "raw HTML was removed from the book", Fix: "write it in Markdown",
		Fr: "du HTML brut a été retiré du livre"},
	{Code: "back-cover-long", Severity: E, Section: Files,
		En: "book.yaml's back_cover text is longer than 1,200 characters, more than the back cover holds above the logos and the QR code", Fix: "shorten it to a paragraph or two",
		Fr: "le texte de back_cover dans book.yaml dépasse 1 200 caractères, plus que la quatrième de couverture n’en contient au-dessus des logos et du code QR"},
	{Code: "paper-thickness", Severity: E, Section: Files,
		En: "book.yaml's `print.paper_thickness_mm` (one sheet of the paper, two pages) is not between 0.03 and 1 mm", Fix: "ask the printer; 0.1 mm is 80 g/m² offset paper",
		Fr: "`print.paper_thickness_mm` dans book.yaml (l’épaisseur d’une feuille, deux pages) n’est pas entre 0,03 et 1 mm"},
	{Code: "back-cover-full", Severity: W, Section: Files,
		En: "the back cover's text does not fit above the logos and the QR code at the book's page size: its end is left out", Fix: "shorten it",
		Fr: "le texte de la quatrième de couverture ne tient pas au-dessus des logos et du code QR au format du livre : sa fin est coupée"},
	{Code: "link-scheme", Severity: E, Section: Text,
		En: "a link that is not a full `http://`, `https://` or `mailto:` address (`javascript:`, `data:`, relative links…), in a text or in book.yaml (`url`, partners)", Fix: "write the full address",
		Fr: "un lien qui n’est pas une adresse complète `http://`, `https://` ou `mailto:`, dans un texte ou dans book.yaml"},
	{Code: "remote-image", Severity: E, Section: Text,
		En: "an image on the web; only images inside `contributions/` are used", Fix: "download it into `contributions/photos/`",
		Fr: "une image sur le web ; seules les images de `contributions/` sont utilisées"},
	{Code: "image-alt", Severity: W, Section: Text,
		En: "an image without alternative text", Fix: "describe it: `![description](photos/x.jpg)`",
		Fr: "une image sans texte de remplacement"},
	{Code: "long-word", Severity: W, Section: Text,
		En: "a word of more than 60 characters (not a web address) cannot fit on any line", Fix: "split it or add spaces",
		Fr: "un mot de plus de 60 caractères (hors adresse web) ne tient sur aucune ligne"},
	{Code: "contribution-lang", Severity: W, Section: Text,
		En: "the contribution's `lang` is not a language code (`en`, `de`, `nl-BE`): the text is set in the book's language", Fix: "write a BCP 47 code, or remove the key",
		Fr: "le `lang` du texte n’est pas un code de langue (`en`, `de`, `nl-BE`) : le texte est composé dans la langue du livre"},
	{Code: "emoji", Severity: W, Section: Text,
		En: "an emoji (book.yaml's emoji: remove, the default): the book's fonts have none, so it is left out of the PDF (and the cards); the EPUB and the site keep it", Fix: "replace it with words, or let `recueil check --fix` remove it; or write emoji: keep in book.yaml to draw it",
		Fr: "un émoji : les polices du livre n’en ont pas, il est retiré du PDF (et des cartes) ; l’EPUB et le site le gardent"},
	{Code: "emoji-too-many", Severity: E, Section: Text,
		En: "with emoji: keep, a text with more than 100 emoji: each is drawn as hundreds of path operators in the PDF, so that pasted thousands would make a PDF of tens of megabytes", Fix: "remove some emoji",
		Fr: "avec emoji: keep, un texte de plus de 100 émojis : chacun est dessiné dans le PDF par des centaines d’opérations de tracé, et des milliers collés feraient un PDF de dizaines de mégaoctets"},
	{Code: "emoji-simplified", Severity: W, Section: Text,
		En: "with emoji: keep, an emoji sequence (a flag, a family, a skin tone, a keycap) is printed in the PDF as its parts side by side, by a monochrome font without shaping; the EPUB and the site show it whole", Fix: "accept it, or use a single emoji",
		Fr: "avec emoji: keep, une suite d’émojis (un drapeau, une famille, une couleur de peau, une touche) est imprimée dans le PDF par ses éléments côte à côte, par une police monochrome sans composition ; l’EPUB et le site la montrent entière"},
	{Code: "glyph-missing", Severity: W, Section: Text,
		En: "a character the book's font cannot print (an emoji, another script), at its exact position; it would be printed as « ? »", Fix: "replace or remove it",
		Fr: "un caractère que la police du livre ne sait pas imprimer (un emoji, une autre écriture)"},
	{Code: "note-undefined", Severity: E, Section: Text,
		En: "a footnote call [^x] has no definition, so it is printed as is", Fix: "add a line `[^x]: the note` below the text, or remove the call",
		Fr: "un appel de note [^x] n’a pas de définition et s’imprime tel quel"},
	{Code: "note-unused", Severity: W, Section: Text,
		En: "a footnote is defined but never called, so it is left out of the book", Fix: "put `[^x]` where the note applies, or remove the definition",
		Fr: "une note est définie mais jamais appelée : elle est absente du livre"},
	{Code: "lang-span", Severity: W, Section: Text,
		En: "a bracketed span's attribute is not a language tag like {lang=en}, so it is printed as is", Fix: "write {lang=en} (or de, es, it…) right after the closing bracket",
		Fr: "l’attribut d’un passage entre crochets n’est pas une langue comme {lang=en} : il s’imprime tel quel"},
	{Code: "paragraph-class", Severity: W, Section: Text,
		En: "a paragraph ends with a class other than {.signature}, or {.signature} stands alone in its paragraph, so it is printed as is", Fix: "write {.signature} at the end of the last line of the signature, after a space",
		Fr: "un paragraphe se termine par une marque autre que {.signature}, ou {.signature} est seule dans son paragraphe : elle s’imprime telle quelle"},
	{Code: "extract-markup", Severity: W, Section: Text,
		En: "the extract holds a table or a footnote call, which cannot be set in a pull quote or on a card", Fix: "keep the extract to one plain sentence",
		Fr: "l’exergue contient un tableau ou un appel de note, impossibles dans une citation mise en avant ou sur une carte"},
	{Code: "image-in-table", Severity: W, Section: Text,
		En: "an image inside a table cell was removed", Fix: "place the image below the table",
		Fr: "une image placée dans une case de tableau a été retirée"},
	{Code: "too-deep", Severity: W, Section: Text,
		En: "quotes or lists nested more than 8 levels were flattened", Fix: "simplify the nesting",
		Fr: "des citations ou des listes imbriquées sur plus de 8 niveaux ont été aplaties"},
	{Code: "placeholder-text", Severity: E, Section: Text,
		En: "a sentence of the template `recueil new` writes (\"Écrivez votre texte ici…\", \"Remplacez tout ce texte…\"), or its `role` or `organization` (\"Votre fonction, sur une ligne\"), is still there: the text is not the contributor's yet. Sentences of four words or more are matched whole, whatever the case, the spaces, the quotes, the apostrophes and the word limits; the field or the first paragraph is given, with how many sentences are left", Fix: "replace them with your own text",
		Fr: "une phrase du modèle de `recueil new` (« Écrivez votre texte ici… », « Remplacez tout ce texte… »), ou sa fonction ou son organisation (« Votre fonction, sur une ligne »), est encore là : ce n’est pas encore le texte du contributeur ; les phrases de quatre mots ou plus sont comparées entières, quelles que soient la casse, les espaces, les guillemets, les apostrophes et les limites de mots"},
	{Code: "example-text", Severity: W, Section: Text,
		En: "the example contribution `recueil init` puts in a new book (or a field or sentence of it) is still there: one warning per file, at the first place. A warning, not an error, so that a new book compiles at once; `--strict` stops on it", Fix: "replace it with a real text, or delete the file before the first edition",
		Fr: "l’exemple que `recueil init` met dans un nouveau livre (ou un de ses champs ou de ses phrases) est encore là : un avertissement par fichier, à la première place ; un avertissement et non une erreur, pour qu’un nouveau livre se compile tout de suite"},
	{Code: "draft", Severity: W, Section: Text,
		En: "`draft: true`: checked but left out of the book", Fix: "remove `draft` when the text is ready",
		Fr: "`draft: true` : vérifié mais laissé hors du livre"},

	// Photos and images.
	{Code: "photo-missing", Also: []string{"image-missing"}, Severity: E, Section: Images,
		En: "the file does not exist (check upper/lower case)",
		Fr: "le fichier n’existe pas (vérifiez majuscules et minuscules)"},
	{Code: "photo-outside", Also: []string{"image-outside"}, Severity: E, Section: Images,
		En: "an absolute path, a `..`, or a symbolic link leading out of `contributions/` (or `editorial/`)",
		Fr: "un chemin absolu, un `..` ou un lien symbolique qui mène hors de `contributions/` (ou de `editorial/`)"},
	{Code: "image-low-resolution", Severity: W, Section: Images,
		En: "an image the print edition prints at under 300 dpi (its pixels over the size it is printed at): it will look soft or blocky on paper", Fix: "supply a larger file: the message gives the pixels needed",
		Fr: "une image que l’édition imprimée imprime à moins de 300 dpi (ses pixels rapportés à sa taille imprimée) : elle sera floue ou pixelisée sur papier"},
	{Code: "photo-too-large", Also: []string{"image-too-large"}, Severity: E, Section: Images,
		En: "over the size limit (`limits.photo_kb`, 5 MB by default) or over 40 megapixels",
		Fr: "au-delà de la taille permise (`limits.photo_kb`, 5 Mo par défaut) ou de 40 mégapixels"},
	{Code: "photo-interlaced", Also: []string{"image-interlaced"}, Severity: E, Section: Images,
		En: "an interlaced (Adam7) PNG, which the PDF cannot embed (compile used to fail with exit 3 after check passed): save it again without interlacing",
		Fr: "un PNG entrelacé (Adam7), que le PDF ne peut pas intégrer : enregistrez-le sans entrelacement"},
	{Code: "photo-unreadable", Also: []string{"image-unreadable"}, Severity: E, Section: Images,
		En: "not a JPEG or PNG, or a damaged or truncated file; when found while writing the PDF or the EPUB (after check), a warning: the image is left out",
		Fr: "ni un JPEG ni un PNG, ou un fichier abîmé ou tronqué ; trouvé en écrivant le PDF ou l’EPUB, un avertissement : l’image est omise"},
	{Code: "photo-rotated", Also: []string{"image-rotated"}, Severity: W, Section: Images,
		En: "a JPEG stored turned or mirrored, with an EXIF Orientation tag saying how to show it (phones do this for portraits): recueil draws the pixels as stored, so it would appear on its side in the PDF and on the cards; turn it upright in an image editor and save it again",
		Fr: "un JPEG enregistré tourné ou retourné, avec une simple indication EXIF : il paraîtrait de côté ; redressez-le dans un éditeur d’images"},

	// The book.
	{Code: "isbn-invalid", Severity: E, Section: Book,
		En: "book.yaml's `isbn` is not an ISBN-13 or ISBN-10 whose check digit is right", Fix: "copy it again from the ISBN agency's notice",
		Fr: "l’`isbn` de book.yaml n’est pas un ISBN-13 ou ISBN-10 à la clé de contrôle juste"},
	{Code: "quotes-style", Severity: E, Section: Book,
		En: "book.yaml's `quotes` is neither a style name (english, british, german, german-chevrons, swiss, guillemets, dutch) nor four quotation marks, opening and closing of the first level then of the second", Fix: "write for example quotes: \"» « › ‹\" or quotes: german-chevrons",
		Fr: "le `quotes` de book.yaml n’est ni un nom de style (english, british, german, german-chevrons, swiss, guillemets, dutch) ni quatre guillemets, ouvrant et fermant du premier niveau puis du second"},
	{Code: "emoji-setting", Severity: E, Section: Book,
		En: "book.yaml's `emoji` is neither keep (drawn from the bundled Noto Emoji font) nor remove (check --fix takes them out)", Fix: "write emoji: keep or emoji: remove",
		Fr: "le `emoji` de book.yaml ne vaut ni keep (dessinés avec la police Noto Emoji fournie) ni remove (check --fix les retire)"},
	{Code: "sort-particles", Severity: E, Section: Book,
		En: "book.yaml's `sort_particles` is neither ignore (\"van Gogh\" under G) nor keep (under V)", Fix: "write sort_particles: ignore or sort_particles: keep",
		Fr: "le `sort_particles` de book.yaml ne vaut ni ignore (« van Gogh » classé à G) ni keep (classé à V)"},
	{Code: "index-kind", Severity: E, Section: Book,
		En: "book.yaml's `indexes` asks for an index recueil does not make (it makes `organization` and `city`)", Fix: "write indexes: [organization, city], or one of them",
		Fr: "le `indexes` de book.yaml demande un index que recueil ne fait pas (il fait `organization` et `city`)"},
	{Code: "unknown-section", Severity: E, Section: Book,
		En: "`section` is not one of book.yaml's `sections` (with a \"did you mean\")",
		Fr: "`section` n’est pas l’une des `sections` de book.yaml (avec une suggestion)"},
	{Code: "duplicate-handle", Severity: E, Section: Book,
		En: "two contributors have the same handle",
		Fr: "deux contributeurs ont le même identifiant"},
	{Code: "homonym", Severity: W, Section: Book,
		En: "two contributors have the same name: homonyms exist, but check it is not the same person twice",
		Fr: "deux contributeurs ont le même nom : vérifiez que ce n’est pas deux fois la même personne"},
	{Code: "manual-missing", Severity: W, Section: Book,
		En: "with `order: manual`, a text missing from `manual` is placed after the listed ones",
		Fr: "avec `order: manual`, un texte absent de `manual` est placé après les autres"},
	{Code: "manual-unknown", Severity: W, Section: Book,
		En: "`manual` names a slug with no file",
		Fr: "`manual` nomme un texte qui n’existe pas"},
	{Code: "hyphenation-exception", Severity: W, Section: Book,
		En: "an entry of book.yaml's `hyphenation` list cannot be used (the others apply)",
		Fr: "une entrée de la liste `hyphenation` de book.yaml est inutilisable (les autres s’appliquent)"},
	{Code: "date-epoch", Severity: W, Section: Book,
		En: "book.yaml has no `date`, SOURCE_DATE_EPOCH is not set and the book has no git commit: it would be dated 1 January 1970",
		Fr: "book.yaml n’a pas de `date`, SOURCE_DATE_EPOCH n’est pas défini et le livre n’a pas de commit git : il serait daté du 1er janvier 1970"},
	{Code: "missing-identifier", Severity: W, Section: Book,
		En: "book.yaml has no `identifier`: one is derived from the title",
		Fr: "book.yaml n’a pas d’`identifier` : il est tiré du titre"},
	{Code: "file-missing", Severity: E, Section: Book,
		En: "an editorial text named in book.yaml does not exist",
		Fr: "un texte éditorial nommé dans book.yaml n’existe pas"},
	{Code: "font-outside", Also: []string{"font-missing", "font-not-a-file", "font-too-large"}, Severity: E, Section: Book,
		En: "`fonts.serif` or `fonts.sans` is absolute, has a `..` or a link leading out of the book, does not exist, is not a regular file, or is over 32 MB",
		Fr: "`fonts.serif` ou `fonts.sans` est absolu, contient `..` ou un lien hors du livre, n’existe pas, n’est pas un fichier ordinaire ou dépasse 32 Mo"},
	{Code: "font-unreadable", Severity: E, Section: Book,
		En: "the font file is not a TrueType font recueil can read, or one the PDF cannot embed; the finding says which: an .otf with PostScript outlines, a .ttc collection, a .woff web font, a damaged or cut-short file, a font without Latin letters",
		Fr: "la police n’est pas une TrueType lisible, ou le PDF ne peut pas l’intégrer ; le constat dit laquelle : un .otf à contours PostScript, une collection .ttc, une police web .woff, un fichier abîmé ou incomplet, une police sans lettres latines"},

	// Typesetting and outputs.
	{Code: "word-cut", Severity: W, Section: Output,
		En: "a word too long for the measure, which hyphenation cannot help, was cut between two letters without a hyphen (addresses break after their `/`, `.`, `?`, `&`, `=` first)",
		Fr: "un mot trop long pour la ligne a été coupé entre deux lettres, sans trait d’union"},
	{Code: "line-overfull", Severity: W, Section: Output,
		En: "a line could not be made to fit the measure (only a single character wider than the page can still cause it)",
		Fr: "une ligne dépasse la justification"},
	{Code: "line-loose", Severity: W, Section: Output,
		En: "a justified line is spaced more loosely than TeX would accept without a warning (badness above 1000)",
		Fr: "une ligne justifiée est plus espacée que TeX ne l’accepterait sans avertir"},
	{Code: "widow", Severity: W, Section: Output,
		En: "a paragraph's last line could not be kept from standing alone at the top of a page",
		Fr: "la dernière ligne d’un paragraphe reste seule en haut d’une page (veuve)"},
	{Code: "orphan", Severity: W, Section: Output,
		En: "a paragraph's first line could not be kept from standing alone at the bottom of a page",
		Fr: "la première ligne d’un paragraphe reste seule en bas d’une page (orpheline)"},
	{Code: "hyphen-page-turn", Severity: W, Section: Output,
		En: "a page ends inside a hyphenated word that no other page break avoided",
		Fr: "une page se termine au milieu d’un mot coupé, qu’aucune autre coupure de page n’a évité"},
	{Code: "short-last-line", Severity: W, Section: Output,
		En: "a paragraph's last line holds fewer than 5 letters under a full line, and no other setting within the spacing limits avoids it",
		Fr: "la dernière ligne d’un paragraphe porte moins de 5 lettres sous une ligne pleine, et aucune autre composition dans les limites d’espacement ne l’évite"},
	{Code: "short-last-page", Severity: W, Section: Output,
		En: "the text ends with a page of one to three lines that neither looseness nor pages run a line short could take back",
		Fr: "le texte se termine par une page d’une à trois lignes que ni un paragraphe resserré ou desserré ni des pages raccourcies d’une ligne n’ont pu reprendre"},
	{Code: "opening-alone", Severity: W, Section: Output,
		En: "the contribution's opening (name, links, photo) fills its first page: the text starts on the next one",
		Fr: "l’ouverture du texte (nom, liens, photo) remplit sa première page : le texte commence à la suivante"},
	{Code: "card-extract-cut", Severity: W, Section: Output,
		En: "the extract is too long for the share card at a readable size and was shortened there",
		Fr: "l’extrait est trop long pour la carte de partage et y est raccourci"},
	{Code: "card-text-cut", Severity: W, Section: Output,
		En: "a name, role or title too long for its line on the card was shortened",
		Fr: "un nom, une fonction ou un titre trop long pour sa ligne sur la carte y est raccourci"},
	{Code: "card-photo-unreadable", Also: []string{"card-logo-unreadable"}, Severity: W, Section: Output,
		En: "the photo or logo could not be drawn on the card",
		Fr: "la photo ou le logo n’a pas pu être dessiné sur la carte"},
	{Code: "site-font", Severity: W, Section: Output,
		En: "a font of the book could not be shipped with the web edition (not a TrueType file the subsetter reads): its pages use the reader's fonts for that style",
		Fr: "une police du livre n’a pas pu être jointe au site (pas un fichier TrueType lisible) : ses pages prennent pour ce style les polices du lecteur"},
	{Code: "card-colour-invalid", Severity: W, Section: Output,
		En: "a card colour in book.yaml is not `#rrggbb`; the default is used",
		Fr: "une couleur de carte de book.yaml n’est pas `#rrggbb` : celle par défaut est utilisée"},
	{Code: "internal-error", Severity: E, Section: Output,
		En: "recueil failed on this file (a bug, caught): nothing was written; please report it with the file",
		Fr: "recueil a échoué sur ce fichier (un défaut, rattrapé) : rien n’a été écrit ; signalez-le avec le fichier"},

	// Import.
	{Code: "import-unreadable", Severity: E, Section: Import,
		En: "the document cannot be read: not a zip (an old .doc?), no document.xml or content.xml, damaged XML, XML entities, nesting over 256 levels, a part over 32 MB uncompressed or over 4096 entries (a zip bomb), or no text at all; nothing is written",
		Fr: "le document est illisible : pas une archive zip (un ancien .doc ?), sans document.xml ni content.xml, XML abîmé, entités XML, plus de 256 niveaux d’imbrication, une partie de plus de 32 Mo décompressée ou plus de 4096 entrées (une bombe zip), ou aucun texte ; rien n’est écrit"},
	{Code: "import-unsupported", Severity: W, Section: Import,
		En: "a table, a text box, an embedded object, an equation or a chart that the import cannot convert: it is left out of the imported text (a table of contents or an index is left out too, as information: the book makes its own)", Fix: "copy its content into the text by hand if it matters",
		Fr: "un tableau, une zone de texte, un objet incorporé, une équation ou un graphique que l’import ne sait pas convertir : il manque au texte importé (une table des matières ou un index aussi, pour information : le livre fait les siens)"},
	{Code: "import-image", Severity: W, Section: Import,
		En: "images of the document that were not imported (without `--photo`, or beside the portrait), or a portrait that is neither JPEG nor PNG",
		Fr: "des images du document non importées (sans `--photo`, ou en plus du portrait), ou un portrait ni JPEG ni PNG"},
	{Code: "import-footnote", Severity: W, Section: Import,
		En: "the document's footnotes are written as Markdown footnotes (`[^1]`, their text at the end)", Fix: "check how they print, or work them into the text",
		Fr: "les notes du document sont écrites en notes Markdown (`[^1]`, leur texte à la fin)"},
	{Code: "import-incomplete", Severity: W, Section: Import,
		En: "the document does not give the contributor's role: the file is written with `role: \"\"`, which check reports until it is filled in", Fix: "fill in `role`",
		Fr: "le document ne donne pas la fonction : le fichier est écrit avec `role: \"\"`, que check signale tant qu’elle manque"},
	{Code: "import-no-name", Severity: E, Section: Import,
		En: "neither `--name` nor the document's properties give the contributor's name (or one that makes a file name of at most 200 characters)", Fix: "pass `--name \"Prénom Nom\"`",
		Fr: "ni `--name` ni les propriétés du document ne donnent le nom (ou un nom qui fasse un nom de fichier de 200 caractères au plus)"},
	{Code: "import-exists", Severity: E, Section: Import,
		En: "the contribution (or its photo) exists already: recueil never overwrites, nothing is written", Fix: "remove or rename the existing file, or pass another `--name`",
		Fr: "le texte (ou sa photo) existe déjà : recueil n’écrase jamais, rien n’est écrit"},
	{Code: "csv-syntax", Severity: E, Section: Import,
		En: "the CSV is malformed (a quote opened and never closed, a stray quote in a cell): nothing is imported", Fix: "export the form again",
		Fr: "le CSV est mal formé (un guillemet jamais fermé, un guillemet isolé dans une cellule) : rien n’est importé"},
	{Code: "csv-header", Severity: E, Section: Import,
		En: "no column gives the name or the text, or a `--map` names a header that is not there: nothing is imported", Fix: "`--map name=Header,text=Header`",
		Fr: "aucune colonne ne donne le nom ou le texte, ou un `--map` nomme un en-tête absent : rien n’est importé"},
	{Code: "csv-encoding", Severity: E, Section: Import,
		En: "the file, or a row, is not UTF-8 (Windows-1252, Latin-1): that row is not imported", Fix: "export as \"CSV UTF-8\"",
		Fr: "le fichier, ou une ligne, n’est pas en UTF-8 (Windows-1252, Latin-1) : la ligne n’est pas importée"},
	{Code: "csv-column", Severity: book.Info, Section: Import,
		En: "a column that is not imported: the form's own (timestamp, e-mail: never written into the book) or one not recognised", Fix: "`--map key=Header` to import it",
		Fr: "une colonne non importée : celles du formulaire (horodateur, e-mail : jamais écrites dans le livre) ou une colonne non reconnue"},
	{Code: "csv-link", Severity: W, Section: Import,
		En: "a word of the links column that is not a web address (\"N/A\", \"aucun\"): left out of `links`",
		Fr: "un mot de la colonne des liens qui n’est pas une adresse web (« N/A », « aucun ») : laissé hors de `links`"},
	{Code: "csv-short-row", Severity: W, Section: Import,
		En: "a row with fewer cells than the header: the missing ones are read as empty",
		Fr: "une ligne a moins de cellules que l’en-tête : celles qui manquent sont lues vides"},
	{Code: "csv-row-skipped", Severity: W, Section: Import,
		En: "a row that was not imported, and why: no name, no text, the same name as an earlier row, or its file exists already",
		Fr: "une ligne non importée, et pourquoi : pas de nom, pas de texte, le même nom qu’une ligne plus haut, ou son fichier existe déjà"},
}
