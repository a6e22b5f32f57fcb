package load

import (
	"strings"
	"testing"

	"github.com/recueil/recueil/internal/book"
)

// TestBOMAndCRLFAreSilent: a file saved by Windows Notepad (byte-order
// mark, CRLF line ends) loads with no finding, and positions still count
// lines as an editor shows them.
func TestBOMAndCRLFAreSilent(t *testing.T) {
	src := "\ufeff---\r\nname: Zoé Martin\r\nrole: Apicultrice\r\nrol: typo\r\n---\r\nUn texte.\r\n\r\nDeuxième paragraphe.\r\n"
	var d book.Diagnostics
	c := Contribution("contributions/zoe-martin.md", []byte(src), &d)
	if c == nil {
		t.Fatalf("not loaded: %s", d.Text())
	}
	if len(d) != 1 || d[0].Rule != "unknown-key" || d[0].Pos != (book.Pos{Line: 4, Col: 1}) {
		t.Errorf("want only the unknown key at 4:1, got:\n%s", d.Text())
	}
	if c.Name != "Zoé Martin" || c.Role != "Apicultrice" {
		t.Errorf("fields: %q %q", c.Name, c.Role)
	}
	if len(c.Body) != 2 || strings.Contains(book.BlocksText(c.Body), "\r") {
		t.Errorf("body: %q", book.BlocksText(c.Body))
	}
	if c.BodyLine != 6 {
		t.Errorf("body starts at line %d, want 6", c.BodyLine)
	}
}
