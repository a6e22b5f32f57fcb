package load

import (
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

func TestValidISBN(t *testing.T) {
	for s, want := range map[string]bool{
		"978-2-07-036822-8":  true, // Gallimard, Folio
		"9782070368228":      true,
		"978 2 07 036822 8":  true,
		"978-2-07-036822-9":  false, // wrong check digit
		"2-07-036822-X":      true,  // the same book's ISBN-10
		"2-07-036822-7":      false,
		"0-306-40615-2":      true, // ISBN-10
		"0-8044-2957-X":      true,
		"0-8044-2957-9":      false,
		"97820703682":        false,
		"ISBN 9782070368228": false,
		"":                   false,
	} {
		if got := ValidISBN(s); got != want {
			t.Errorf("ValidISBN(%q) = %v, want %v", s, got, want)
		}
	}
}

// book.yaml's isbn, legal deposit and printer's line: a wrong ISBN is an
// error at its place and is not printed.
func TestCopyrightKeys(t *testing.T) {
	src := "title: T\nidentifier: x\nisbn: 978-2-07-036822-9\nlegal_deposit: décembre 2026\nprinter: Achevé d’imprimer en janvier 2027 par l’imprimerie fictive de Lyon\n"
	b := book.Defaults()
	var d book.Diagnostics
	bookYAML([]byte(src), &b, &d)
	if got := findings(d); got != "book.yaml:3:7 isbn-invalid" {
		t.Errorf("findings:\n%s", got)
	}
	if b.ISBN != "" || b.LegalDeposit != "décembre 2026" || !strings.HasPrefix(b.Printer, "Achevé") {
		t.Errorf("isbn %q deposit %q printer %q", b.ISBN, b.LegalDeposit, b.Printer)
	}
	b = book.Defaults()
	d = nil
	bookYAML([]byte("title: T\nidentifier: x\nisbn: 978-2-07-036822-8\n"), &b, &d)
	if len(d) != 0 || b.ISBN != "978-2-07-036822-8" {
		t.Errorf("a right ISBN: %q, %s", b.ISBN, findings(d))
	}
}
