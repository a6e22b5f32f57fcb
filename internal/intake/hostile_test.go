package intake

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
)

// zipOf makes an archive of the named parts, in order.
func zipOf(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		f, err := w.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(parts[i+1]))
	}
	w.Close()
	return buf.Bytes()
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

func docxOf(t testing.TB, body string) []byte {
	return zipOf(t, "word/document.xml", `<?xml version="1.0"?><w:document `+wordNS+`><w:body>`+body+`</w:body></w:document>`,
		"docProps/core.xml", `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Jeanne Test</dc:creator></cp:coreProperties>`)
}

// TestHostileDocuments: each bad input is one clear finding, quickly,
// never a crash or a hang.
func TestHostileDocuments(t *testing.T) {
	bomb := func() []byte {
		var buf bytes.Buffer
		w := zip.NewWriter(&buf)
		f, _ := w.Create("word/document.xml")
		zero := make([]byte, 1<<20)
		for i := 0; i < MaxPart>>20+2; i++ {
			f.Write(zero)
		}
		w.Close()
		return buf.Bytes()
	}()
	many := func() []byte {
		var parts []string
		for i := 0; i <= MaxEntries; i++ {
			parts = append(parts, "x/"+strings.Repeat("a", i%7)+string(rune('a'+i%26))+"/"+itoa(i), "")
		}
		return zipOf(t, append(parts, "word/document.xml", "<w:document "+wordNS+"/>")...)
	}()
	for _, c := range []struct {
		name string
		data []byte
		odt  bool
		want string // in the English message
	}{
		{"not a zip", []byte("{\\rtf1 Un vieux document}"), false, "not a zip archive"},
		{"empty", nil, false, "not a zip archive"},
		{"truncated zip", docxOf(t, "<w:p/>")[:40], false, "damaged"},
		{"no document.xml", zipOf(t, "word/other.xml", "<x/>"), false, "word/document.xml is missing"},
		{"no content.xml", zipOf(t, "meta.xml", "<x/>"), true, "content.xml is missing"},
		{"zip bomb", bomb, false, "MB"},
		{"too many entries", many, false, "entries"},
		{"billion laughs", zipOf(t, "word/document.xml", `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><w:document `+wordNS+`><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`), false, "entities"},
		{"external entity", zipOf(t, "content.xml", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`), true, "entities"},
		{"deep nesting", docxOf(t, "<w:p>"+strings.Repeat("<w:ins>", 5000)+strings.Repeat("</w:ins>", 5000)+"</w:p>"), false, "levels deep"},
		{"deep odt", zipOf(t, "content.xml", `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>`+strings.Repeat("<text:span>", 5000)), true, "levels deep"},
		{"bad xml", docxOf(t, "<w:p><w:r></w:p>"), false, "not valid XML"},
		{"cut xml", zipOf(t, "word/document.xml", `<w:document `+wordNS+`><w:body><w:p><w:r><w:t>Début`), false, "not valid XML"},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			var d *Doc
			if c.odt {
				d = ReadODT(c.data)
			} else {
				d = ReadDocx(c.data)
			}
			if time.Since(start) > 5*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
			if len(d.findings) != 1 || d.findings[0].code != "import-unreadable" || !strings.Contains(d.findings[0].en, c.want) {
				t.Fatalf("findings %+v, want one import-unreadable saying %q", d.findings, c.want)
			}
			if d.findings[0].fr == "" || d.Markdown() != "\n" {
				t.Errorf("French %q, Markdown %q", d.findings[0].fr, d.Markdown())
			}
			for _, lib := range []string{"zip:", "flate:", "XML syntax", "unexpected EOF", "not a valid", "element <"} {
				if strings.Contains(d.findings[0].fr, lib) {
					t.Errorf("the French finding quotes the library's English (%q): %s", lib, d.findings[0].fr)
				}
			}
		})
	}
}

func itoa(i int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
		if i == 0 {
			return string(b)
		}
	}
}

// TestRunsAndMarks: hand-written Word XML for what LibreOffice does not
// write: a word split over runs of the same style, tabs, no-break and
// soft hyphens, a HYPERLINK field, an inserted and a deleted run, a
// comment, a text box.
func TestRunsAndMarks(t *testing.T) {
	b := `<w:p><w:r><w:t xml:space="preserve">Un </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>mo</w:t></w:r><w:r><w:rPr><w:b/><w:lang w:val="fr"/></w:rPr><w:t>t</w:t></w:r>` +
		`<w:r><w:t xml:space="preserve"> coupé,</w:t><w:tab/><w:t>une</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">tabulation </w:t></w:r><w:r><w:t>et un porte</w:t><w:noBreakHyphen/><w:t>mine ex</w:t><w:softHyphen/><w:t>trême.</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">Voir </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/a" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>le site</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:ins w:id="1"><w:r><w:t xml:space="preserve"> ajouté</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText> retiré</w:delText></w:r></w:del><w:commentRangeStart w:id="0"/><w:r><w:t>.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>` +
		`<w:p><w:r><w:t>*Pas* d’emphase, # ni [lien](x) ni &lt;b&gt;.</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>1. Pas une liste.</w:t></w:r></w:p>` +
		`<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent><w:p><w:r><w:t>Texte caché</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r><w:r><w:t>Après la zone.</w:t></w:r></w:p>`
	d := ReadDocx(docxOf(t, b))
	want := "Un **mot** coupé, une *tabulation* et un porte-mine extrême.\n\n" +
		"Voir [le site](https://example.org/a) ajouté.\n\n" +
		"\\*Pas\\* d’emphase, # ni \\[lien\\](x) ni \\<b>.\n\n" +
		"1\\. Pas une liste.\n\n" +
		"Après la zone.\n"
	if got := d.Markdown(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if d.Creator != "Jeanne Test" {
		t.Errorf("creator %q", d.Creator)
	}
	if len(d.findings) != 1 || d.findings[0].code != "import-unsupported" || d.findings[0].n != 5 || !strings.Contains(d.findings[0].fr, "zone de texte") {
		t.Errorf("findings %+v", d.findings)
	}
}

// TestEmphasis: the Markdown writer's delimiters always parse back.
func TestEmphasis(t *testing.T) {
	for _, c := range []struct {
		in   []inline
		want string
	}{
		{[]inline{{text: "a "}, {text: "gras ", st: bold}, {text: "puis"}}, "a **gras** puis"},
		{[]inline{{text: "tout ", st: bold | italic}, {text: "gras", st: bold}}, "***tout* gras**"},
		{[]inline{{text: "un", st: italic}, {text: " ", st: italic}, {text: "deux", st: italic}}, "*un deux*"},
		{[]inline{{text: "  début"}, {text: " ", space: true}, {brk: true}, {text: "fin  "}}, "début\\\nfin"},
		{[]inline{{text: "# titre"}}, "\\# titre"},
		{[]inline{{text: "- tiret"}}, "\\- tiret"},
		{[]inline{{text: "note"}, {note: 2}, {text: " suite"}}, "note[^2] suite"},
		{[]inline{{text: "lien", link: "javascript:alert(1)"}}, "lien"},
		{[]inline{{text: " lien ", link: "https://example.org/a b"}}, "[lien](https://example.org/a%20b)"},
		{[]inline{{text: "AT&T &amp; co"}}, "AT\\&T \\&amp; co"},
		{[]inline{{text: "Bravo!"}, {text: "lien", link: "https://example.org"}}, "Bravo\\![lien](https://example.org)"},
	} {
		got := inlines(c.in, "")
		if got != c.want {
			t.Errorf("%+v:\n got %q\nwant %q", c.in, got, c.want)
		}
		// Every delimiter written is read back as emphasis.
		var html bytes.Buffer
		goldmark.Convert([]byte(got), &html)
		if strings.Contains(html.String(), "*") || strings.Contains(html.String(), "<img") {
			t.Errorf("%q reads back as %q: a delimiter is left as text", got, html.String())
		}
	}
}

// TestLists: nested and numbered lists, a list of the other kind after.
func TestLists(t *testing.T) {
	d := &Doc{blocks: []block{
		{kind: number, in: []inline{{text: "un"}}},
		{kind: bullet, level: 1, in: []inline{{text: "sous"}}},
		{kind: number, in: []inline{{text: "deux"}}},
		{kind: bullet, in: []inline{{text: "puce"}}},
		{kind: quote, in: []inline{{text: "cité"}}},
		{kind: quote, in: []inline{{text: "encore"}}},
		{kind: heading, level: 1, in: []inline{{text: "Titre"}, {brk: true}, {text: "long"}}},
		{kind: para, in: []inline{{text: "ligne"}, {brk: true}, {text: "- suite"}}},
	}}
	want := "1. un\n   - sous\n2. deux\n\n- puce\n\n> cité\n>\n> encore\n\n## Titre long\n\nligne\\\n\\- suite\n"
	if got := d.Markdown(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestWordStyles: a list set by its paragraph style (Word's "List
// Bullet"), a heading by a French style id, a quote; the highest heading
// becomes ##. A document without text is refused.
func TestWordStyles(t *testing.T) {
	styles := `<w:styles ` + wordNS + `>` +
		`<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Listepuces"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Citation"><w:name w:val="Quote"/></w:style></w:styles>`
	numbering := `<w:numbering ` + wordNS + `><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num></w:numbering>`
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`
	p := func(style, text string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	doc := `<w:document ` + wordNS + `><w:body>` + p("TOC1", "Un titre 3") + p("TOC1", "Ailleurs 5") + p("Titre1", "Un titre") + p("Listepuces", "une puce") + p("Listepuces", "une autre") + p("Citation", "Une citation.") + `</w:body></w:document>`
	d := ReadDocx(zipOf(t, "word/document.xml", doc, "word/styles.xml", styles, "word/numbering.xml", numbering, "word/_rels/document.xml.rels", rels))
	want := "## Un titre\n\n- une puce\n- une autre\n\n> Une citation.\n"
	if got := d.Markdown(); got != want || len(d.findings) != 1 || d.findings[0].n != 1 || !strings.Contains(d.findings[0].en, "table of contents") {
		t.Errorf("got\n%s\nwant\n%s\nfindings %+v", got, want, d.findings)
	}
	res := Document(Options{Root: newBook(t), Lang: "en", Name: "Vide Exemple"}, "vide.docx", docxOf(t, "<w:p/>"))
	if len(res.Files) != 0 || !strings.Contains(res.Diags.Text(), "holds no text") {
		t.Errorf("an empty document: %v\n%s", res.Files, res.Diags.Text())
	}
	res = Document(Options{Root: newBook(t), Lang: "en", Name: "★ ★"}, "x.docx", read(t, "libreoffice.docx"))
	if len(res.Files) != 0 || !hasCode(res.Diags, "import-no-name") {
		t.Errorf("a name without letters: %v\n%s", res.Files, res.Diags.Text())
	}
}
