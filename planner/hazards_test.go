package planner

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

// hazardFile is the one file allowed to write hazard messages.
const hazardFile = "planner/hazards.go"

// TestHazardDeclarations: every HazardName constant is declared once in
// hazardTemplates, with a known kind and well-formed placeholders; the
// templates are grouped by kind in the order of HazardKinds, and every
// kind has a message.
func TestHazardDeclarations(t *testing.T) {
	var names []string
	seen := map[HazardName]bool{}
	for _, tpl := range hazardTemplates {
		if seen[tpl.Name] {
			t.Errorf("%s declared twice", tpl.Name)
		}
		seen[tpl.Name] = true
		names = append(names, string(tpl.Name))
	}
	sort.Strings(names)
	if d := cmp.Diff(constantsOf(t, "HazardName"), names); d != "" {
		t.Errorf("HazardName constants (-declared +in hazardTemplates):\n%s", d)
	}
	order := map[HazardKind]int{}
	for i, k := range HazardKinds() {
		order[k] = i
	}
	placeholder := regexp.MustCompile(`^[a-z_]+$`)
	used := map[HazardKind]bool{}
	last := 0
	for _, tpl := range hazardTemplates {
		i, ok := order[tpl.Kind]
		switch {
		case !ok:
			t.Errorf("%s: unknown kind %q", tpl.Name, tpl.Kind)
		case i < last:
			t.Errorf("%s (%s) stands after templates of kind %s: group templates by kind in HazardKinds order", tpl.Name, tpl.Kind, HazardKinds()[last])
		default:
			last = i
		}
		used[tpl.Kind] = true
		if strings.Count(tpl.Text, "{") != strings.Count(tpl.Text, "}") {
			t.Errorf("%s: unbalanced braces in %q", tpl.Name, tpl.Text)
		}
		for _, p := range tpl.Placeholders() {
			if !placeholder.MatchString(p) {
				t.Errorf("%s: placeholder {%s} is not a lower-case name", tpl.Name, p)
			}
		}
	}
	for _, k := range HazardKinds() {
		if !used[k] {
			t.Errorf("hazard kind %s has no message", k)
		}
		if info, ok := k.Info(); !ok || info.Summary == "" || info.Severity == "" {
			t.Errorf("hazard kind %s: incomplete declaration %+v", k, info)
		}
	}
	if _, ok := HazardKind("no_such_kind").Info(); ok {
		t.Error(`HazardKind("no_such_kind").Info() reports a declared kind`)
	}
}

// TestNewHazard fills templates: arguments in order of first appearance,
// a repeated placeholder filled once, {statement} cut to its first line,
// and braces inside arguments left alone.
func TestNewHazard(t *testing.T) {
	q := state.QualName{Schema: "public", Name: "t"}
	tests := []struct {
		name HazardName
		args []any
		want Hazard
	}{
		{DropsColumn, []any{q, "c"}, Hazard{HazardDeletesData, "Dropping column public.t.c deletes its values."}},
		{AddsNotNullColumn, []any{q, "c"}, Hazard{HazardValidation, "New column public.t.c is NOT NULL without a default: adding it fails if public.t has rows."}},
		{RevokesPrivileges, []any{"REVOKE SELECT\n  ON t FROM r;"}, Hazard{HazardSecurity, "Revokes privileges (REVOKE SELECT ...): roles or applications relying on them lose that access."}},
		{AddsVolatileDefault, []any{q, "c", "'{}'::jsonb || f()"}, Hazard{HazardTableRewrite, "The default of new column public.t.c is volatile ('{}'::jsonb || f()): PostgreSQL computes it for every existing row, rewriting the table."}},
		{DeletesDataRows, []any{q, 3}, Hazard{HazardDeletesData, "deletes rows of data table public.t that are not in its data file (3 in all)"}},
	}
	for _, tt := range tests {
		if got := NewHazard(tt.name, tt.args...); got != tt.want {
			t.Errorf("NewHazard(%s, %v)\n got %+v\nwant %+v", tt.name, tt.args, got, tt.want)
		}
	}
	if got := NewHazard("NoSuchHazard"); got.Kind != HazardUnclassified || !strings.Contains(got.Message, "NoSuchHazard") {
		t.Errorf("an undeclared name gives %+v, want an unclassified hazard naming it", got)
	}
}

// repoGoFiles parses every non-test Go file of the module (the parent
// directory of this package), keyed by slash path from the module root.
func repoGoFiles(t *testing.T) (map[string]*ast.File, *token.FileSet) {
	t.Helper()
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("..", p)
		files[filepath.ToSlash(rel)] = f
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("found only %d Go files under the module root", len(files))
	}
	return files, fset
}

// isHazardType reports whether e names the Hazard type (Hazard or
// planner.Hazard).
func isHazardType(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name == "Hazard"
	case *ast.SelectorExpr:
		return e.Sel.Name == "Hazard"
	case *ast.ArrayType:
		return isHazardType(e.Elt)
	}
	return false
}

// TestNoHazardLiterals: no file but hazards.go builds a hazard itself
// (Hazard{Kind, Message}, or an element of []Hazard{{...}}); the zero
// Hazard{} is allowed.
func TestNoHazardLiterals(t *testing.T) {
	files, fset := repoGoFiles(t)
	for path, f := range files {
		if path == hazardFile {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok || !isHazardType(lit.Type) {
				return true
			}
			bad := false
			if _, slice := lit.Type.(*ast.ArrayType); slice {
				for _, e := range lit.Elts {
					if el, ok := e.(*ast.CompositeLit); ok && el.Type == nil && len(el.Elts) > 0 {
						bad = true
					}
				}
			} else {
				bad = len(lit.Elts) > 0
			}
			if bad {
				t.Errorf("%s: a hazard literal; declare the message in %s and call NewHazard", fset.Position(lit.Pos()), hazardFile)
			}
			return true
		})
	}
}

// TestHazardCallsMatchTemplates: every NewHazard call names its hazard by
// a declared constant (or a variable assigned only such constants in the
// same function) and passes one argument per placeholder; every declared
// hazard is asked for somewhere.
func TestHazardCallsMatchTemplates(t *testing.T) {
	files, fset := repoGoFiles(t)
	want := map[string]int{}
	for _, tpl := range hazardTemplates {
		want[string(tpl.Name)] = len(tpl.Placeholders())
	}
	constName := func(e ast.Expr) (string, bool) {
		switch e := e.(type) {
		case *ast.Ident:
			_, ok := want[e.Name]
			return e.Name, ok
		case *ast.SelectorExpr:
			_, ok := want[e.Sel.Name]
			return e.Sel.Name, ok
		}
		return "", false
	}
	asked := map[string]bool{}
	calls := 0
	for _, f := range files {
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			// Constants assigned to each local variable of the function.
			assigned := map[string][]string{}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
					for i, l := range as.Lhs {
						id, ok := l.(*ast.Ident)
						if !ok {
							continue
						}
						if c, ok := constName(as.Rhs[i]); ok {
							assigned[id.Name] = append(assigned[id.Name], c)
						} else {
							assigned[id.Name] = append(assigned[id.Name], "")
						}
					}
				}
				return true
			})
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var fname string
				switch f := call.Fun.(type) {
				case *ast.Ident:
					fname = f.Name
				case *ast.SelectorExpr:
					fname = f.Sel.Name
				}
				if fname != "NewHazard" || len(call.Args) == 0 {
					return true
				}
				calls++
				pos := fset.Position(call.Pos())
				if call.Ellipsis.IsValid() {
					t.Errorf("%s: NewHazard with args...: pass the arguments one by one so they can be counted", pos)
					return true
				}
				var names []string
				if c, ok := constName(call.Args[0]); ok {
					names = []string{c}
				} else if id, ok := call.Args[0].(*ast.Ident); ok && len(assigned[id.Name]) > 0 {
					names = assigned[id.Name]
				}
				if len(names) == 0 || slices.Contains(names, "") {
					t.Errorf("%s: NewHazard's name is not a declared HazardName constant (nor a variable assigned only such constants)", pos)
					return true
				}
				for _, name := range names {
					asked[name] = true
					if got := len(call.Args) - 1; got != want[name] {
						t.Errorf("%s: NewHazard(%s) with %d arguments; its template has %d placeholders", pos, name, got, want[name])
					}
				}
				return true
			})
		}
	}
	if calls == 0 {
		t.Fatal("found no NewHazard call")
	}
	for _, tpl := range hazardTemplates {
		if !asked[string(tpl.Name)] {
			t.Errorf("%s is declared but never asked for", tpl.Name)
		}
	}
}
