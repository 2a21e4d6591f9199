package planner

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// constantsOf returns the values of the string constants of type typ
// declared in this package's non-test files.
func constantsOf(t *testing.T, typ string) []string {
	t.Helper()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				id, ok := vs.Type.(*ast.Ident)
				if !ok || id.Name != typ {
					continue
				}
				for _, v := range vs.Values {
					if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, _ := strconv.Unquote(lit.Value)
						out = append(out, s)
					}
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

func TestEnumsListEveryConstant(t *testing.T) {
	var hazards, actions []string
	for _, k := range HazardKinds() {
		hazards = append(hazards, string(k))
	}
	for _, a := range Actions() {
		actions = append(actions, string(a))
	}
	sort.Strings(hazards)
	sort.Strings(actions)
	tests := []struct {
		name string
		typ  string
		list []string
	}{
		{"hazard kinds", "HazardKind", hazards},
		{"actions", "Action", actions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			consts := constantsOf(t, tt.typ)
			if len(consts) == 0 {
				t.Fatalf("found no %s constants", tt.typ)
			}
			if d := cmp.Diff(consts, tt.list); d != "" {
				t.Errorf("%s constants (-declared +listed in enums.go):\n%s", tt.typ, d)
			}
		})
	}
}
