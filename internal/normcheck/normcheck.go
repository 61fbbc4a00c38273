// Package normcheck checks, for the tests of the packages whose rules
// compare words with normalised readings (coder, lexicon), that the Arabic
// words written in their source are written as arabic.Normalize writes
// them: "الموالية" (with ة) would never equal a reading, "المواليه".
package normcheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"rasid/arabic"
)

// Check fails tb for every word Unnormalised reports in dir, and when it
// looked at fewer than min words (a sign that the parse missed the lists).
func Check(tb testing.TB, dir string, min int, funcs ...string) {
	tb.Helper()
	bad, n, err := Unnormalised(dir, funcs...)
	if err != nil {
		tb.Fatal(err)
	}
	for _, b := range bad {
		tb.Error(b)
	}
	if n < min {
		tb.Errorf("only %d Arabic words found in the lists: is the parse right?", n)
	}
}

// Unnormalised parses the non-test Go files of dir and returns, as
// "file:line:col: message", every one-word Arabic string literal that
// normalises to something else, among the arguments of calls to funcs,
// the elements of []string literals and the keys of map[string] literals;
// and how many such words it looked at.
func Unnormalised(dir string, funcs ...string) (bad []string, n int, err error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, 0, err
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			return nil, 0, err
		}
		check := func(e ast.Expr) {
			lit, ok := e.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || !arabicWord(s) {
				return
			}
			n++
			if norm := arabic.Normalize(s); norm != s {
				bad = append(bad, fmt.Sprintf("%s: %q is %q once normalised: it never matches", fset.Position(lit.Pos()), s, norm))
			}
		}
		ast.Inspect(f, func(node ast.Node) bool {
			switch x := node.(type) {
			case *ast.CallExpr:
				if id, ok := x.Fun.(*ast.Ident); ok && slices.Contains(funcs, id.Name) {
					for _, arg := range x.Args {
						check(arg)
					}
				}
			case *ast.CompositeLit:
				switch typ := x.Type.(type) {
				case *ast.ArrayType:
					if isString(typ.Elt) {
						for _, e := range x.Elts {
							check(e)
						}
					}
				case *ast.MapType:
					if isString(typ.Key) {
						for _, e := range x.Elts {
							if kv, ok := e.(*ast.KeyValueExpr); ok {
								check(kv.Key)
							}
						}
					}
				}
			}
			return true
		})
	}
	return bad, n, nil
}

func isString(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "string"
}

// arabicWord reports whether s is one word of Arabic letters.
func arabicWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Arabic, r) {
			return false
		}
	}
	return true
}
