package engine

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/pgtest"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// TestConvergence runs every case of testdata/cases/<name>/{from.sql,to.sql}
// through the convergence property:
//
//  1. database A is built from from.sql, database B from to.sql;
//  2. renovate plans A against to.sql (as local files) and the plan is
//     applied to A;
//  3. A must equal B under pg_dump (the independent oracle);
//  4. a second plan against A must be empty.
//
// It then checks fidelity: B's canonical files, applied to an empty
// database C, give a database equal to B, with an empty re-plan.
func TestConvergence(t *testing.T) {
	dirs := caseDirs(t, filepath.Join("..", "..", "testdata", "cases"))
	if len(dirs) < 40 {
		t.Fatalf("found %d cases in testdata/cases, want at least 40", len(dirs))
	}
	for _, dir := range dirs {
		dir := dir
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			from := readFile(t, filepath.Join(dir, "from.sql"))
			to := readFile(t, filepath.Join(dir, "to.sql"))
			checkConvergence(t, from, to, nil)
		})
	}
}

// caseDirs lists the case directories under root, sorted.
func caseDirs(t *testing.T, root string) []string {
	t.Helper()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatalf("reading cases: %v", err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(root, e.Name()))
		}
	}
	sort.Strings(dirs)
	return dirs
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkConvergence is the convergence property for one pair of schemas.
// setup, when set, runs on every database before from.sql or to.sql.
func checkConvergence(t *testing.T, from, to string, setup func(t *testing.T, dsn string)) {
	t.Helper()
	ctx := context.Background()
	dsnA, dsnB := srv.NewDatabase(t), srv.NewDatabase(t)
	if setup != nil {
		setup(t, dsnA)
		setup(t, dsnB)
	}
	execSQL(t, dsnA, from, "from.sql")
	execSQL(t, dsnB, to, "to.sql")

	local := t.TempDir()
	if err := os.WriteFile(filepath.Join(local, "to.sql"), []byte(to), 0o644); err != nil {
		t.Fatal(err)
	}
	p := planAndApply(t, dsnA, local)
	if diff, err := pgtest.CompareSchemas(ctx, srv, dsnA, dsnB); err != nil {
		t.Fatalf("comparing with the oracle: %v", err)
	} else if diff != "" {
		t.Fatalf("after applying the plan, the database differs from to.sql (-applied +to.sql):\n%s\nplan:\n%s", diff, planSQL(p))
	}
	if again := makePlanFor(t, dsnA, local); !again.Empty() {
		t.Fatalf("second plan is not empty:\n%s\nfirst plan:\n%s", planSQL(again), planSQL(p))
	}

	// Fidelity: the files renovate writes for B rebuild B from nothing.
	conn := connect(t, dsnB)
	remote, err := LoadRemote(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	files := t.TempDir()
	if _, err := layout.Write(files, remote.Raw); err != nil {
		t.Fatal(err)
	}
	if len(remote.Raw.Tables)+len(remote.Raw.Types)+len(remote.Raw.Sequences)+len(remote.Raw.Extensions) == 0 {
		return
	}
	dsnC := srv.NewDatabase(t)
	if setup != nil {
		setup(t, dsnC)
	}
	p = planAndApply(t, dsnC, files)
	if diff, err := pgtest.CompareSchemas(ctx, srv, dsnC, dsnB); err != nil {
		t.Fatal(err)
	} else if diff != "" {
		t.Fatalf("rebuilding from renovate's own files differs from to.sql (-rebuilt +to.sql):\n%s\nplan:\n%s", diff, planSQL(p))
	}
	if again := makePlanFor(t, dsnC, files); !again.Empty() {
		t.Fatalf("second plan after rebuilding from renovate's files is not empty:\n%s", planSQL(again))
	}
}

func connect(t testing.TB, dsn string) *pgx.Conn {
	t.Helper()
	conn, err := catalog.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func execSQL(t *testing.T, dsn, sql, what string) {
	t.Helper()
	if strings.TrimSpace(sql) == "" {
		return
	}
	conn := connect(t, dsn)
	if _, err := conn.Exec(context.Background(), sql); err != nil {
		t.Fatalf("loading %s: %v", what, err)
	}
}

// makePlanFor plans the database at dsn against the files in dir.
func makePlanFor(t *testing.T, dsn, dir string) *planner.Plan {
	t.Helper()
	ctx := context.Background()
	local, err := LoadLocal(dir)
	if err != nil {
		t.Fatalf("loading local files: %v", err)
	}
	conn := connect(t, dsn)
	remote, err := LoadRemote(ctx, conn)
	if err != nil {
		t.Fatalf("loading remote: %v", err)
	}
	p, err := Plan(ctx, conn, local, remote)
	if err != nil {
		t.Fatalf("planning: %v", err)
	}
	return p
}

// planAndApply plans and executes the plan's statements.
func planAndApply(t *testing.T, dsn, dir string) *planner.Plan {
	t.Helper()
	p := makePlanFor(t, dsn, dir)
	stmts := make([]catalog.Statement, len(p.Steps))
	for i, s := range p.Steps {
		stmts[i] = catalog.Statement{SQL: s.SQL, Transactional: s.Transactional}
	}
	if _, err := catalog.Execute(context.Background(), connect(t, dsn), stmts, catalog.ExecOptions{}); err != nil {
		t.Fatalf("applying the plan: %v\nplan:\n%s", err, planSQL(p))
	}
	return p
}

func planSQL(p *planner.Plan) string {
	var b strings.Builder
	_ = render.SQL(&b, p)
	return b.String()
}
