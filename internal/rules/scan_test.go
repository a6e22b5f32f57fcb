package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// ruleArg is, for each method that reports a finding, the index of its
// rule-code argument: Diagnostics.Add and the loaders' helpers.
var ruleArg = map[string]int{"Add": 3, "errorf": 1, "add": 2, "reportLine": 1}

// usedCodes finds the rule codes the sources give to the methods that
// report findings: the literal ones, and the literal prefixes of the
// codes built at run time ("photo-" + kind).
func usedCodes(t *testing.T) (literal, prefixes []string) {
	t.Helper()
	seen := map[string]bool{}
	fset := token.NewFileSet()
	for _, dir := range []string{"../../internal", "../../cmd"} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, p, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				at, ok := ruleArg[sel.Sel.Name]
				if !ok || len(call.Args) <= at+1 {
					return true
				}
				switch a := call.Args[at].(type) {
				case *ast.BasicLit:
					if a.Kind == token.STRING {
						s, _ := strconv.Unquote(a.Value)
						if !seen[s] {
							seen[s] = true
							literal = append(literal, s)
						}
					}
				case *ast.BinaryExpr:
					if l, ok := a.X.(*ast.BasicLit); ok && l.Kind == token.STRING {
						s, _ := strconv.Unquote(l.Value)
						if !seen["+"+s] {
							seen["+"+s] = true
							prefixes = append(prefixes, s)
						}
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
	sort.Strings(literal)
	sort.Strings(prefixes)
	return literal, prefixes
}
