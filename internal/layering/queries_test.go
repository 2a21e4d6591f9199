package layering

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// queryDirs are the packages that query the user's database.
// internal/shadow and internal/pgserver query only renovate's own
// throwaway clusters.
var queryDirs = []string{"state/catalog", "internal/engine", "internal/cli", "normalize", "cmd/renovate"}

// settledQueries are the functions allowed to send a query (Query,
// QueryRow, SendBatch) on the user's database themselves rather than
// through catalog.ReadSettled, and why each is safe. Everywhere else a
// query runs under the session's search_path, where a function or an
// operator of public's that matches its arguments better than
// pg_catalog's is the one called (CVE-2018-1058): the hazard sizes called
// a public.pg_relation_size(oid) that way, the lock report a
// public.format(text, name, name).
var settledQueries = map[string]string{
	"state/catalog/settled.go:querySettled":                  "ReadSettled's query, after the settings in the same transaction or savepoint",
	"state/catalog/introspect.go:readCatalog":                "sends queries/settings.sql in a batch of its own before its queries are prepared",
	"state/catalog/snapshot.go:ReadSnapshot":                 "runs queries/settings.sql first in its transaction",
	"state/catalog/serverform.go:PrintTemp":                  "serverTx's read, after settings.sql and search_path pg_catalog, pg_temp",
	"state/catalog/serverform_function.go:PrintTempRoutines": "serverTx's read",
	"state/catalog/serverform_function.go:PrintTempTriggers": "serverTx's read",
	"state/catalog/serverform_probe.go:RunProbes":            "serverTx's read",
	"state/catalog/serverform_types.go:PrintTempDomains":     "serverTx's read",
	"state/catalog/serverform_view.go:readTempView":          "serverTx's read",
	"state/catalog/foreign_import.go:importSetup":            "runs after settings.sql in the expansion's transaction",
	"state/catalog/foreign_import.go:readImported":           "runs after settings.sql in the expansion's transaction",
	"state/catalog/exec.go:LockForApply":                     "names pg_catalog's functions and type (a session lock outlives ReadSettled's transaction, not the caller's)",
	"state/catalog/data.go:RowsDigest":                       "reads the user's rows in the data snapshot: casts to pg_catalog.text, the user's filter, and the joins of references by '=', which is not qualified yet (README, Connections)",
	"state/catalog/data.go:Digest":                           "reads the user's rows in the data snapshot: casts to pg_catalog.text and the user's filter",
	"state/catalog/data.go:canonical":                        "casts the files' values to the column's type as the files' statements will",
	"state/catalog/cascade.go:count":                         "counts the rows a cascade reaches under the user's filter, as the plan's DELETE will",
	"internal/engine/refcheck.go:missingInCatalog":           "looks the files' names up as their statements will, with every function named pg_catalog.",
	"internal/engine/roles.go:checkForRoleBeforeObjects":     "current_user cast to pg_catalog.text",
	"internal/engine/safe.go:diffSafe":                       "current_user cast to pg_catalog.text",
	"internal/engine/verify.go:ensureRoles":                  "on the throwaway cluster, with pg_catalog's operator and types named",
	"internal/engine/fleet.go:queryTargets":                  "the user's own targets_query",
}

// TestQueriesOnTheTargetAreSettled fails when a function of the packages
// that query the user's database sends a query of its own without an
// entry in settledQueries: route it through catalog.ReadSettled, or add
// it there with the reason it is safe under any search_path. It also
// fails on entries that no longer send one.
func TestQueriesOnTheTargetAreSettled(t *testing.T) {
	root := filepath.Join("..", "..")
	found := map[string]bool{}
	for _, dir := range queryDirs {
		sites, err := querySites(filepath.Join(root, dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sites {
			found[dir+"/"+s] = true
		}
	}
	if len(found) < len(settledQueries)/2 {
		t.Fatalf("found only %d functions that query: is the module root right?", len(found))
	}
	var sites []string
	for s := range found {
		sites = append(sites, s)
	}
	sort.Strings(sites)
	for _, s := range sites {
		if _, ok := settledQueries[s]; !ok {
			t.Errorf("%s sends a query under the session's search_path: use catalog.ReadSettled, or say in settledQueries why it is safe", s)
		}
	}
	for s := range settledQueries {
		if !found[s] {
			t.Errorf("settledQueries names %s, which sends no query: remove it", s)
		}
	}
}

// TestQuerySitesFindsCalls checks the finder on a made-up file.
func TestQuerySitesFindsCalls(t *testing.T) {
	dir := t.TempDir()
	src := `package x
func (r *R) Sizes() { r.conn.QueryRow(ctx, "SELECT 1").Scan(&n) }
func Batch() { conn.SendBatch(ctx, b) }
func URL() { _ = u.Query() }
func Settled() { catalog.ReadSettled(ctx, conn, "SELECT 1", nil, scan) }
`
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x_test.go"), []byte("package x\nfunc T() { conn.Query(ctx, q) }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := querySites(dir)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != "x.go:Batch x.go:Sizes" {
		t.Errorf("query sites = %q, want x.go:Batch and x.go:Sizes (not a URL's Query, not tests)", got)
	}
}

// querySites returns "file:function" for each function of the non-test
// Go files of dir that calls a method named Query, QueryRow or SendBatch
// with arguments (url.URL's Query takes none), sorted and once each.
func querySites(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	seen := map[string]bool{}
	for _, e := range ents {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			ast.Inspect(fd, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && len(call.Args) > 0 {
					switch sel.Sel.Name {
					case "Query", "QueryRow", "SendBatch":
						seen[name+":"+fd.Name.Name] = true
					}
				}
				return true
			})
		}
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out, nil
}
