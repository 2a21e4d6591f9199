package layering

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// module is renovate's module path.
const module = "github.com/renovate-pg/renovate"

// rules says, for every package of the module (by its path in the
// module), which packages of the module its non-test files may import.
// Each package's doc comment states the same rule in words; a new package
// needs a row here. Tests may import more (internal/pgtest, say).
var rules = map[string][]string{
	// The model imports nothing of ours.
	"state": nil,
	// The SQL printer sits right above the model, below every package
	// that prints SQL.
	"sqlgen":        {"state"},
	"state/rows":    {"state", "sqlgen"},
	"state/layout":  {"state", "sqlgen"},
	"state/catalog": {"state", "state/rows", "sqlgen"},
	"parser":        {"state"},
	// The server tier of normalization runs before the planner and never
	// imports it.
	"normalize":        {"state", "sqlgen", "parser", "state/catalog"},
	"planner":          {"state", "sqlgen", "parser"},
	"planner/render":   {"planner", "state"},
	"planner/planfile": {"planner", "planner/render", "state"},

	"internal/filter":   {"state"},
	"internal/config":   {"internal/filter"},
	"internal/vars":     nil,
	"internal/gitrepo":  nil,
	"internal/pgserver": nil,
	"internal/pgtest":   {"internal/pgserver"},
	"internal/shadow":   {"internal/pgserver", "state/catalog"},
	// The parse cache stores the parser's results.
	"internal/parsecache": {"parser", "state"},
	"internal/layering":   nil,
	// Golden files of tests (test-only helpers).
	"internal/golden": nil,
	// The engine orchestrates everything below the commands.
	"internal/engine": {"internal/config", "internal/filter", "internal/parsecache", "internal/vars", "normalize", "parser", "planner",
		"planner/render", "sqlgen", "state", "state/catalog", "state/layout", "state/rows"},
	"internal/cli": {"internal/config", "internal/engine", "internal/filter", "internal/gitrepo", "internal/shadow",
		"internal/vars", "parser", "planner", "planner/planfile", "planner/render", "state", "state/catalog", "state/layout"},
	"internal/cli/gendocs": {"internal/cli"},
	"cmd/renovate":         {"internal/cli"},
	"scripts/testsummary":  nil,
	// The benchmark script's throwaway server.
	"scripts/benchpg": {"internal/pgserver"},
}

// TestImportRules fails when a package imports a package of the module
// its rule does not allow, or when a package has no rule.
func TestImportRules(t *testing.T) {
	imports, err := moduleImports(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < len(rules)/2 {
		t.Fatalf("found only %d packages: is the module root right?", len(imports))
	}
	pkgs := make([]string, 0, len(imports))
	for p := range imports {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, pkg := range pkgs {
		allowed, ok := rules[pkg]
		if !ok {
			t.Errorf("package %s has no import rule: add one to the rules table (and state it in its doc)", pkg)
			continue
		}
		for _, imp := range imports[pkg] {
			if !contains(allowed, imp) {
				t.Errorf("%s imports %s, which its rule does not allow (it may import %v)", pkg, imp, allowed)
			}
			if strings.HasPrefix(pkg, "state") && strings.HasPrefix(imp, "planner") {
				t.Errorf("%s imports %s: nothing under state/ may import planner/...", pkg, imp)
			}
		}
	}
	for pkg := range rules {
		if _, ok := imports[pkg]; !ok {
			t.Errorf("the rules table names %s, which is not a package of the module", pkg)
		}
	}
}

// TestImportRulesCatchAViolation checks the checker on a made-up package
// tree: a model package importing the planner is caught.
func TestImportRulesCatchAViolation(t *testing.T) {
	dir := t.TempDir()
	write := func(path, src string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, path)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, path), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("state/x.go", "package state\nimport _ \""+module+"/planner\"\n")
	write("state/x_test.go", "package state\nimport _ \""+module+"/internal/pgtest\"\n")
	write("planner/y.go", "package planner\nimport \"fmt\"\nvar _ = fmt.Sprint\n")
	got, err := moduleImports(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !contains(got["state"], "planner") || len(got["state"]) != 1 {
		t.Errorf("state imports %v, want [planner] (test files left out)", got["state"])
	}
	if _, ok := got["planner"]; !ok || len(got["planner"]) != 0 {
		t.Errorf("planner imports %v, want none of the module", got["planner"])
	}
}

// moduleImports returns, for each package directory under root (the
// module root), the packages of the module its non-test Go files import,
// by their paths in the module. Directories named testdata, and hidden
// ones, are skipped, as the go command skips them.
func moduleImports(root string) (map[string][]string, error) {
	out := map[string][]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(rel)
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		if _, ok := out[pkg]; !ok {
			out[pkg] = nil
		}
		for _, spec := range f.Imports {
			imp, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return err
			}
			if rest, ok := strings.CutPrefix(imp, module+"/"); ok && !contains(out[pkg], rest) {
				out[pkg] = append(out[pkg], rest)
			}
		}
		return nil
	})
	return out, err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
