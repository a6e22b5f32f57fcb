package book

// PageStart is where a page of the PDF starts in the book's sources, for
// the EPUB's page list: in Part ("cover", "titlepage", "copyright",
// "contents", "index", "partners", "part-N" for the opener of section N
// counted from 1, or the book-relative path of a contribution or an
// editorial text), at its beginning when Line is 0, else in the block of
// that source line (a paragraph begun on the page before, or the first one
// on the page).
type PageStart struct {
	Page int
	Part string
	Line int
}
