package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/pgtest"
	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state/catalog"
)

// TestConvergence runs every case of testdata/cases/<name>/{from.sql,to.sql}
// (a case may hold min_version, the oldest server major version it needs)
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
			if !serverMeetsMinVersion(t, dir) || !serverMeetsMaxVersion(t, dir) || !serverHasFeatures(t, dir) {
				return
			}
			// roles: the cluster roles the case grants to, one per line.
			if b, err := os.ReadFile(filepath.Join(dir, "roles")); err == nil {
				var roles []string
				for _, l := range strings.Split(string(b), "\n") {
					if l = strings.TrimSpace(l); l != "" {
						roles = append(roles, l)
					}
				}
				if err := pgtest.EnsureRoles(context.Background(), srv.AdminDSN(), roles); err != nil {
					t.Fatal(err)
				}
			}
			from := readFile(t, filepath.Join(dir, "from.sql"))
			to := readFile(t, filepath.Join(dir, "to.sql"))
			d := readCaseData(t, dir)
			d.goldenDir = dir
			checkConvergence(t, from, to, nil, d)
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
func checkConvergence(t *testing.T, from, to string, setup func(t *testing.T, dsn string), data ...caseData) {
	t.Helper()
	if err := convergence(t, from, to, setup, data...); err != nil {
		t.Fatal(err)
	}
}

// convergence runs the property and returns what failed, so a caller can
// tell expected failures from new ones.
func convergence(t *testing.T, from, to string, setup func(t *testing.T, dsn string), data ...caseData) error {
	ctx := context.Background()
	dsnA, dsnB := srv.NewDatabase(t), srv.NewDatabase(t)
	if setup != nil {
		setup(t, dsnA)
		setup(t, dsnB)
	}
	if err := execSQL(t, dsnA, from); err != nil {
		return fmt.Errorf("loading from.sql: %w", err)
	}
	for _, d := range data {
		if err := execSQL(t, dsnA, d.data); err != nil {
			return fmt.Errorf("loading data.sql: %w", err)
		}
	}
	if err := execSQL(t, dsnB, to); err != nil {
		return fmt.Errorf("loading to.sql: %w", err)
	}
	local := t.TempDir()
	if err := os.WriteFile(filepath.Join(local, "to.sql"), []byte(to), 0o644); err != nil {
		return err
	}
	var opts []PlanOption
	var sc Scope
	compare := pgtest.CompareSchemas
	ignoreOwners := false
	for _, d := range data {
		if d.online {
			opts = append(opts, WithOnline(true))
		}
		if d.ignoreOwners {
			compare, ignoreOwners = pgtest.CompareSchemasWithoutOwners, true
		}
		if d.manageOwners {
			sc.ManageOwners = true
		}
	}
	if *goldenOnly && len(data) > 0 && data[0].goldenDir != "" {
		return goldenOnlyPlan(t, dsnA, local, sc, data, opts...)
	}
	p, err := planAndApplyScoped(t, dsnA, local, sc, opts...)
	if err != nil {
		return err
	}
	for _, d := range data {
		if d.goldenDir != "" {
			checkGoldenPlan(t, d.goldenDir, p)
		}
	}
	if err := checkReadBack(p, nil); err != nil {
		return err
	}
	if len(opts) > 0 && !hasNonTransactional(p) {
		return fmt.Errorf("an online case whose plan runs nothing outside the transaction:\n%s", planSQL(p))
	}
	if diff, err := compare(ctx, srv, dsnA, dsnB); err != nil {
		return fmt.Errorf("comparing with the oracle: %w", err)
	} else if diff != "" {
		return fmt.Errorf("after applying the plan, the database differs from to.sql (-applied +to.sql):\n%s\nplan:\n%s", diff, planSQL(p))
	}
	for _, d := range data {
		if err := checkData(t, dsnA, d.check); err != nil {
			return fmt.Errorf("%w\nplan:\n%s", err, planSQL(p))
		}
	}
	again, err := makePlanScoped(t, dsnA, local, sc, opts...)
	if err != nil {
		return err
	}
	if !again.Empty() {
		return fmt.Errorf("second plan is not empty:\n%s\nfirst plan:\n%s", planSQL(again), planSQL(p))
	}

	// Fidelity: the files renovate writes for B rebuild B from nothing.
	conn, err := connect(t, dsnB)
	if err != nil {
		return err
	}
	remote, err := LoadRemoteScoped(ctx, conn, nil, sc)
	if err != nil {
		return err
	}
	files := t.TempDir()
	if _, err := remote.WriteFiles(files); err != nil {
		return err
	}
	dsnC := srv.NewDatabase(t)
	if setup != nil {
		setup(t, dsnC)
	}
	if p, err = planAndApplyScoped(t, dsnC, files, sc); err != nil {
		return fmt.Errorf("rebuilding from renovate's own files: %w", err)
	}
	if diff, err := compare(ctx, srv, dsnC, dsnB); err != nil {
		return err
	} else if diff != "" {
		return fmt.Errorf("rebuilding from renovate's own files differs from to.sql (-rebuilt +to.sql):\n%s\nplan:\n%s", diff, planSQL(p))
	}
	if again, err := makePlanScoped(t, dsnC, files, sc); err != nil {
		return err
	} else if !again.Empty() {
		return fmt.Errorf("second plan after rebuilding from renovate's files is not empty:\n%s", planSQL(again))
	}
	// The catalog-level oracle of the fidelity check: every property of
	// the catalog snapshot survives, not only what pg_dump prints.
	if losses, err := snapshotLosses(ctx, conn, dsnC, ignoreOwners); err != nil {
		return err
	} else if len(losses) > 0 {
		return fmt.Errorf("rebuilding from renovate's own files lost catalog properties (to.sql, then the rebuild):\n%s", strings.Join(losses, "\n"))
	}
	return nil
}

// snapshotLosses compares the catalog snapshots of the database source is
// connected to and of the database at dsn.
func snapshotLosses(ctx context.Context, source *pgx.Conn, dsn string, ignoreOwners bool) ([]string, error) {
	cp, err := catalog.Connect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer cp.Close(context.Background())
	a, err := catalog.ReadSnapshot(ctx, source)
	if err != nil {
		return nil, err
	}
	b, err := catalog.ReadSnapshot(ctx, cp)
	if err != nil {
		return nil, err
	}
	if ignoreOwners {
		a, b = a.WithoutOwners(), b.WithoutOwners()
	}
	var out []string
	for _, l := range catalog.Compare(a, b) {
		if _, ok := reportedByDesign[l.Property]; ok {
			continue
		}
		out = append(out, "  "+l.String())
	}
	return out, nil
}

// reportedByDesign are the snapshot properties renovate's files leave out
// on purpose (the fidelity check names them; docs/fidelity.md lists them),
// with why.
var reportedByDesign = map[string]string{
	"pg_class.relispopulated": "whether a materialized view holds rows is data: renovate creates it populated, and REFRESH fills one made WITH NO DATA",
	"pg_db_role_setting":      "the database's own settings: the files describe what is inside the database",
}

// connect opens a connection closed at the end of the test.
func connect(t testing.TB, dsn string) (*pgx.Conn, error) {
	conn, err := catalog.Connect(context.Background(), dsn)
	if err != nil {
		return nil, err
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn, nil
}

func execSQL(t testing.TB, dsn, sql string) error {
	sql = withoutRestrictLines(sql)
	if strings.TrimSpace(sql) == "" {
		return nil
	}
	conn, err := connect(t, dsn)
	if err != nil {
		return err
	}
	_, err = conn.Exec(context.Background(), sql)
	return err
}

// makePlanFor plans the database at dsn against the files in dir.
func makePlanFor(t testing.TB, dsn, dir string, opts ...PlanOption) (*planner.Plan, error) {
	return makePlanScoped(t, dsn, dir, Scope{}, opts...)
}

// makePlanScoped is makePlanFor with a scope (owners = "manage" for the
// cases holding an owners file).
func makePlanScoped(t testing.TB, dsn, dir string, sc Scope, opts ...PlanOption) (*planner.Plan, error) {
	ctx := context.Background()
	if sc.ManageOwners {
		local, err := LoadLocalScoped(dir, sc)
		if err != nil {
			return nil, fmt.Errorf("loading local files: %w", err)
		}
		conn, err := connect(t, dsn)
		if err != nil {
			return nil, err
		}
		remote, err := LoadRemoteScoped(ctx, conn, local, sc)
		if err != nil {
			return nil, fmt.Errorf("loading remote: %w", err)
		}
		checkStoredCatalog(t, remote.Raw)
		return planLeavingInputs(t, conn, local.Parsed, remote, opts...)
	}
	// As the CLI does: the database read against the files, so that the
	// two models share the objects they hold alike (state.ShareEqual).
	local, err := LoadLocalFiles(dir)
	if err != nil {
		return nil, fmt.Errorf("loading local files: %w", err)
	}
	conn, err := connect(t, dsn)
	if err != nil {
		return nil, err
	}
	remote, err := LoadRemoteFor(ctx, conn, local)
	if err != nil {
		return nil, fmt.Errorf("loading remote: %w", err)
	}
	checkStoredCatalog(t, remote.Raw)
	return planLeavingInputs(t, conn, local.Parsed, remote, opts...)
}

// planLeavingInputs is Plan, which must leave the files' model and the
// database's as they were: the two share the objects they hold alike, so
// a pass that changed an object of one in place would change the other.
func planLeavingInputs(t testing.TB, conn *pgx.Conn, local *parser.Result, remote *Remote, opts ...PlanOption) (*planner.Plan, error) {
	t.Helper()
	before := []string{local.Schema.Fingerprint(), remote.Schema.Fingerprint(), remote.Raw.Fingerprint()}
	// Files that IMPORT FOREIGN SCHEMA have the imported tables added to
	// their model, by design (expandForeignImports).
	imports := len(local.ForeignImports) > 0
	p, err := Plan(context.Background(), conn, local, remote, opts...)
	if err != nil {
		return nil, fmt.Errorf("planning: %w", err)
	}
	after := []string{local.Schema.Fingerprint(), remote.Schema.Fingerprint(), remote.Raw.Fingerprint()}
	for i, what := range []string{"the files' model", "the database's model", "the database's model as read"} {
		if before[i] != after[i] && !(i == 0 && imports) {
			t.Errorf("planning changed %s", what)
		}
	}
	return p, nil
}

// planAndApply plans and executes the plan's statements.
func planAndApply(t testing.TB, dsn, dir string, opts ...PlanOption) (*planner.Plan, error) {
	return planAndApplyScoped(t, dsn, dir, Scope{}, opts...)
}

// planAndApplyScoped is planAndApply with a scope (makePlanScoped).
func planAndApplyScoped(t testing.TB, dsn, dir string, sc Scope, opts ...PlanOption) (*planner.Plan, error) {
	p, err := makePlanScoped(t, dsn, dir, sc, opts...)
	if err != nil {
		return nil, err
	}
	conn, err := connect(t, dsn)
	if err != nil {
		return nil, err
	}
	stmts := statementsFor(p)
	// Secrets resolve to their own reference text, which is what to.sql,
	// run as it is on the oracle's side, stores.
	if _, err := catalog.Execute(context.Background(), conn, stmts, catalog.ExecOptions{Secrets: literalSecrets}); err != nil {
		return p, fmt.Errorf("applying the plan: %w\nplan:\n%s", err, planSQL(p))
	}
	return p, nil
}

func planSQL(p *planner.Plan) string {
	var b strings.Builder
	_ = render.SQL(&b, p)
	return b.String()
}

// caseData is a case's optional rows: data.sql runs on database A after
// from.sql, and check.sql, a query returning one boolean, must return
// true on A after the plan is applied (rows survived a rename, say).
type caseData struct {
	data, check string
	// online: the case directory holds a file named "online"; the plans
	// are made with WithOnline(true).
	online bool
	// ignoreOwners: the case directory holds a file named
	// "owners_ignored": its SQL sets owners (ALTER ... OWNER TO, as
	// pg_dump writes by default), which renovate leaves out unless
	// owners = "manage"; the oracles compare everything but owners.
	ignoreOwners bool
	// manageOwners: the case directory holds a file named "owners":
	// plans, files and the fidelity check manage owners (owners =
	// "manage"), and the oracles compare them.
	manageOwners bool
	// goldenDir, when set, is the case directory whose golden plan the
	// first plan must match (golden_plan_test.go).
	goldenDir string
}

// readCaseData reads a case directory's data.sql and check.sql, if any.
func readCaseData(t *testing.T, dir string) caseData {
	t.Helper()
	var d caseData
	if b, err := os.ReadFile(filepath.Join(dir, "data.sql")); err == nil {
		d.data = string(b)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "check.sql")); err == nil {
		d.check = string(b)
	}
	if _, err := os.Stat(filepath.Join(dir, "online")); err == nil {
		d.online = true
	}
	if _, err := os.Stat(filepath.Join(dir, "owners_ignored")); err == nil {
		d.ignoreOwners = true
	}
	if _, err := os.Stat(filepath.Join(dir, "owners")); err == nil {
		d.manageOwners = true
	}
	return d
}

// checkData runs a check.sql query on dsn and fails unless it returns
// true.
func checkData(t testing.TB, dsn, query string) error {
	if strings.TrimSpace(query) == "" {
		return nil
	}
	conn, err := connect(t, dsn)
	if err != nil {
		return err
	}
	var ok bool
	if err := conn.QueryRow(context.Background(), query).Scan(&ok); err != nil {
		return fmt.Errorf("running check.sql: %w", err)
	}
	if !ok {
		return fmt.Errorf("check.sql returned false after applying the plan: the data did not survive")
	}
	return nil
}

// serverMeetsMinVersion reads dir/min_version, the oldest PostgreSQL major
// version a case or schema needs (when present), and returns true when the
// test server is that version or later; otherwise the test is skipped
// (t.Skipf, so it reports SKIP with the reason, never PASS).
func serverMeetsMinVersion(t *testing.T, dir string) bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "min_version"))
	if err != nil {
		return true
	}
	var v int
	if _, err := fmt.Sscan(string(b), &v); err != nil {
		t.Fatalf("%s: %v", filepath.Join(dir, "min_version"), err)
	}
	if srv.Version() < v {
		t.Skipf("needs server version %d or later; this is %d", v, srv.Version())
		return false
	}
	return true
}

// serverMeetsMaxVersion reports (and logs) whether the test server is no
// newer than dir/max_version says, for schemas later releases refuse.
func serverMeetsMaxVersion(t *testing.T, dir string) bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "max_version"))
	if err != nil {
		return true
	}
	var v int
	if _, err := fmt.Sscan(string(b), &v); err != nil {
		t.Fatalf("%s: %v", filepath.Join(dir, "max_version"), err)
	}
	if srv.Version() > v {
		t.Skipf("needs server version %d or earlier; this is %d", v, srv.Version())
		return false
	}
	return true
}

// serverFeatureProbes are the optional build features a case can need,
// listed one per line in its needs_features file, each with a statement
// that fails on a server built without it.
var serverFeatureProbes = map[string]string{
	"lz4": "CREATE TEMP TABLE renovate_lz4_probe (t text COMPRESSION lz4)",
}

// serverHasFeatures returns true when the test server was built with every
// feature dir/needs_features lists; otherwise the test is skipped with the
// reason. An unknown feature name
// fails the test.
func serverHasFeatures(t *testing.T, dir string) bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "needs_features"))
	if err != nil {
		return true
	}
	ctx := context.Background()
	for _, f := range strings.Fields(string(b)) {
		probe, ok := serverFeatureProbes[f]
		if !ok {
			t.Fatalf("%s: unknown feature %q", filepath.Join(dir, "needs_features"), f)
		}
		conn, err := pgx.Connect(ctx, srv.AdminDSN())
		if err != nil {
			t.Fatal(err)
		}
		_, err = conn.Exec(ctx, probe)
		conn.Close(ctx)
		if err != nil {
			t.Skipf("the server lacks %s (%v); this case needs it", f, err)
			return false
		}
	}
	return true
}

// hasNonTransactional reports whether some step of p runs outside the
// transaction.
func hasNonTransactional(p *planner.Plan) bool {
	for _, s := range p.Steps {
		if !s.Transactional {
			return true
		}
	}
	return false
}

// withoutRestrictLines blanks pg_dump's \restrict KEY and \unrestrict KEY
// lines, which psql runs as meta-commands and a server would refuse: the
// tests load pg_dump files as psql would.
func withoutRestrictLines(sql string) string {
	if !strings.Contains(sql, "restrict ") {
		return sql
	}
	lines := strings.Split(sql, "\n")
	for i, l := range lines {
		if f := strings.Fields(l); len(f) == 2 && (f[0] == `\restrict` || f[0] == `\unrestrict`) {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}
