package epub

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/recueil/recueil/internal/book"
	"github.com/recueil/recueil/internal/markup"
)

// The page list ties the EPUB to the PDF (EPUB Accessibility 1.1, "page
// navigation"): a pagebreak marker where each page of the PDF starts and a
// page-list in the navigation document, so that a reader of the EPUB can
// go to "page 22" of the index or of a citation. The typesetter says where
// each page starts (book.PageStart): at the beginning of a part of the
// book, or inside a block of a text; a marker goes before that block, so
// that it leads to the paragraph where the page begins.

// pageMarker is the marker of PDF page n.
func pageMarker(n int) string {
	return fmt.Sprintf(`<span epub:type="pagebreak" role="doc-pagebreak" id="page-%d" aria-label="%d"></span>`, n, n)
}

// startMarkers are the markers of the pages part starts on, and notes
// where they are (file).
func (x *writer) startMarkers(part, file string, firstLine int) string {
	var s strings.Builder
	for _, p := range x.pages {
		if p.Part == part && (p.Line == 0 || p.Line < firstLine) {
			s.WriteString(pageMarker(p.Page))
			x.pageFile[p.Page] = file
		}
	}
	if s.Len() > 0 {
		s.WriteString("\n")
	}
	return s.String()
}

// blocks writes a text's blocks with the markers of the pages that start
// inside them, each before the top-level block holding its line.
func (x *writer) blocks(s *strings.Builder, part, file string, body []book.Block, o *markup.Outline, path string) {
	for i := range body {
		from, to := body[i].Line, 1<<31-1
		if i == 0 {
			from = 1
		}
		if i+1 < len(body) && body[i+1].Line > 0 {
			to = body[i+1].Line
		}
		for _, p := range x.pages {
			if p.Part == part && p.Line > 0 && p.Line >= from && p.Line < to && x.pageFile[p.Page] == "" {
				s.WriteString(pageMarker(p.Page) + "\n")
				x.pageFile[p.Page] = file
			}
		}
		x.md.Blocks(s, body[i:i+1], o, path)
	}
}

// firstLine is the source line of a text's first block.
func firstLine(body []book.Block) int {
	if len(body) > 0 && body[0].Line > 0 {
		return body[0].Line
	}
	return 1 << 30
}

// pageList is the navigation document's page-list: every page of the PDF
// that has its marker, in order.
func (x *writer) pageList() string {
	if len(x.pages) == 0 {
		return ""
	}
	var s strings.Builder
	label := x.l.Pages
	if r, n := utf8.DecodeRuneInString(label); n > 0 {
		label = string(unicode.ToUpper(r)) + label[n:]
	}
	s.WriteString(`<nav epub:type="page-list" role="doc-pagelist" id="page-list" aria-labelledby="page-list-title" hidden="hidden">` + "\n")
	fmt.Fprintf(&s, "<h2 id=\"page-list-title\">%s</h2>\n<ol>\n", markup.Esc(x.text(label)))
	for _, p := range x.pages {
		if f := x.pageFile[p.Page]; f != "" {
			n := strconv.Itoa(p.Page)
			fmt.Fprintf(&s, "<li><a href=\"%s#page-%s\">%s</a></li>\n", markup.Esc(f), n, n)
		}
	}
	s.WriteString("</ol>\n</nav>\n")
	return s.String()
}

// firstPage is the PDF page a part of the book starts on, 0 when the EPUB
// has no page list.
func (x *writer) firstPage(part string) int {
	for _, p := range x.pages {
		if p.Part == part {
			return p.Page
		}
	}
	return 0
}

// endMarkers puts the markers of the pages no document holds (the blank
// pages before the back cover, the back cover) at the end of the last
// document.
func (x *writer) endMarkers() {
	if len(x.docs) == 0 {
		return
	}
	last := &x.docs[len(x.docs)-1]
	for _, p := range x.pages {
		if p.Part != "contents" && x.pageFile[p.Page] == "" {
			last.body += pageMarker(p.Page) + "\n"
			x.pageFile[p.Page] = last.file
		}
	}
}
