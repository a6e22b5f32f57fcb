package book

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// verb is a format verb: "%s." says the same in both languages.
var verb = regexp.MustCompile(`%[-+# 0-9.*]*[a-zA-Z]`)

// frenchMarks are what only the French text of a message has: its
// guillemets, its apostrophe and its accented letters.
const frenchMarks = "«»’éèêàâùûîôçœÉÈÀÇ"

// TestEveryMessageHasEnglish reads the sources: Diagnostics.Add takes a
// Msg (the compiler refuses a bare string), so a finding is French-only
// when a Msg is built with an empty or French English text, or when a
// Diagnostic is written out without its En. Every M(fr, en) and Msg{}
// literal must give an English text without French marks, and every
// Diagnostic{} literal outside this package must set En. The two texts
// take the same arguments, in the same order.
func TestEveryMessageHasEnglish(t *testing.T) {
	fset := token.NewFileSet()
	calls := 0
	for _, dir := range []string{"../../internal", "../../cmd", "../../layout"} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, p, nil, 0)
			if err != nil {
				return err
			}
			inBook := f.Name.Name == "book"
			lit := func(e ast.Expr) (string, bool) {
				b, ok := e.(*ast.BasicLit)
				if !ok || b.Kind != token.STRING {
					return "", false
				}
				s, err := strconv.Unquote(b.Value)
				return s, err == nil
			}
			checkPair := func(at token.Pos, fr, en ast.Expr) {
				calls++
				frS, frLit := lit(fr)
				enS, enLit := lit(en)
				switch {
				case enLit && enS == "" && !(frLit && frS == ""):
					t.Errorf("%s: a message with no English text", fset.Position(at))
				case enLit && strings.ContainsAny(enS, frenchMarks):
					t.Errorf("%s: the English text %q reads French", fset.Position(at), enS)
				case frLit && enLit && frS == enS && strings.ContainsAny(verb.ReplaceAllString(frS, ""), "abcdefghijklmnopqrstuvwxyz"):
					t.Errorf("%s: the English text is the French one: %q", fset.Position(at), enS)
				case frLit && enLit && strings.Join(verb.FindAllString(frS, -1), " ") != strings.Join(verb.FindAllString(enS, -1), " "):
					t.Errorf("%s: the French and English texts do not take the same arguments: %q, %q", fset.Position(at), frS, enS)
				}
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					name := ""
					switch fn := n.Fun.(type) {
					case *ast.SelectorExpr:
						if x, ok := fn.X.(*ast.Ident); ok && x.Name == "book" {
							name = fn.Sel.Name
						}
					case *ast.Ident:
						if inBook {
							name = fn.Name
						}
					}
					if name == "M" && len(n.Args) == 2 {
						checkPair(n.Pos(), n.Args[0], n.Args[1])
					}
				case *ast.CompositeLit:
					typ := ""
					switch ty := n.Type.(type) {
					case *ast.SelectorExpr:
						if x, ok := ty.X.(*ast.Ident); ok && x.Name == "book" {
							typ = ty.Sel.Name
						}
					case *ast.Ident:
						if inBook {
							typ = ty.Name
						}
					}
					keys := map[string]ast.Expr{}
					for _, e := range n.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							if k, ok := kv.Key.(*ast.Ident); ok {
								keys[k.Name] = kv.Value
							}
						}
					}
					switch {
					case typ == "Msg" && len(n.Elts) > 0:
						if keys["En"] == nil {
							t.Errorf("%s: a Msg without its En", fset.Position(n.Pos()))
						} else {
							checkPair(n.Pos(), keys["Fr"], keys["En"])
						}
					case typ == "Diagnostic" && !inBook && keys["En"] == nil:
						t.Errorf("%s: a Diagnostic without its En: build it with Diagnostics.Add, or set En", fset.Position(n.Pos()))
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if calls < 150 {
		t.Errorf("found %d bilingual messages in the sources: the scan is not reading them", calls)
	}
}
