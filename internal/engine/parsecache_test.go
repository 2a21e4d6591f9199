package engine

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/internal/parsecache"
	"github.com/renovate-pg/renovate/internal/pgtest"
	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state"
)

// planOutcome is what a plan shows: its JSON (every step, hazard and
// diff) and SQL, or the error.
func planOutcome(t *testing.T, dsn, dir string, sc Scope, opts ...PlanOption) string {
	t.Helper()
	p, err := makePlanScoped(t, dsn, dir, sc, opts...)
	if err != nil {
		return "error: " + err.Error()
	}
	var b strings.Builder
	if err := render.JSON(&b, p); err != nil {
		t.Fatal(err)
	}
	return b.String() + "\n" + planSQL(p) + "\nfingerprint " + p.RemoteFingerprint
}

// cacheEntries lists the parse cache's model entries in dir (the files
// entries, named "paths-...", are not listed).
func cacheEntries(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "[0-9a-f]*.entry"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// checkCachedPlansEqual plans dir against dsn without the parse cache,
// with a cold one, with the warm one and with only its files entries
// (the models removed), and fails unless all four show the same plan, the cold run stored entries and the warm run read them
// (Get marks an entry used by its modification time).
func checkCachedPlansEqual(t *testing.T, dsn, dir string, sc Scope, opts ...PlanOption) {
	t.Helper()
	t.Setenv(parsecache.EnvVar, "off")
	want := planOutcome(t, dsn, dir, sc, opts...)

	cache := t.TempDir()
	t.Setenv(parsecache.EnvVar, cache)
	t.Setenv(parsecache.EnvMinBytes, "0")
	if got := planOutcome(t, dsn, dir, sc, opts...); got != want {
		t.Fatalf("plan with a cold parse cache differs:\n%s\nwithout the cache:\n%s", got, want)
	}
	entries := cacheEntries(t, cache)
	if len(entries) == 0 {
		if strings.HasPrefix(want, "error: ") {
			return // nothing parsed successfully: nothing to reuse
		}
		t.Fatal("the cold plan stored no parse")
	}
	// Get marks an entry used by its modification time.
	markOld(t, entries)
	if got := planOutcome(t, dsn, dir, sc, opts...); got != want {
		t.Fatalf("plan with a warm parse cache differs:\n%s\nwithout the cache:\n%s", got, want)
	}
	if usedSinceOld(t, entries) == 0 {
		t.Fatal("the warm plan read no entry of the cache")
	}
	if n := len(cacheEntries(t, cache)); n != len(entries) {
		t.Fatalf("the warm plan stored %d new entries", n-len(entries))
	}
	// Without the models, every file's definitions are read back from
	// the files entries (a read marks one used too) and resolved again.
	for _, e := range entries {
		if err := os.Remove(e); err != nil {
			t.Fatal(err)
		}
	}
	defs, err := filepath.Glob(filepath.Join(cache, "paths-*.entry"))
	if err != nil || len(defs) == 0 {
		t.Fatalf("no files entry stored (%v)", err)
	}
	markOld(t, defs)
	if got := planOutcome(t, dsn, dir, sc, opts...); got != want {
		t.Fatalf("plan from the files' definitions differs:\n%s\nwithout the cache:\n%s", got, want)
	}
	if usedSinceOld(t, defs) == 0 {
		t.Fatal("the plan without models read no files entry")
	}
}

// oldTime is what markOld sets entries' times to.
var oldTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// markOld sets the entries' times to oldTime.
func markOld(t *testing.T, entries []string) {
	t.Helper()
	for _, e := range entries {
		if err := os.Chtimes(e, oldTime, oldTime); err != nil {
			t.Fatal(err)
		}
	}
}

// usedSinceOld counts the entries read (or written) since markOld.
func usedSinceOld(t *testing.T, entries []string) int {
	t.Helper()
	n := 0
	for _, e := range entries {
		st, err := os.Stat(e)
		if err != nil {
			t.Fatal(err)
		}
		if st.ModTime().After(oldTime) {
			n++
		}
	}
	return n
}

// TestParseCachePlansEqual: over a sample of the convergence cases (one
// in 13, 21 cases), a plan made with a cold or a warm parse cache is the plan made
// without one.
func TestParseCachePlansEqual(t *testing.T) {
	dirs := caseDirs(t, filepath.Join("..", "..", "testdata", "cases"))
	sampled := 0
	for i, dir := range dirs {
		if i%13 != 0 {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			if !serverMeetsMinVersion(t, dir) || !serverMeetsMaxVersion(t, dir) || !serverHasFeatures(t, dir) {
				return
			}
			if b, err := os.ReadFile(filepath.Join(dir, "roles")); err == nil {
				if err := pgtest.EnsureRoles(context.Background(), srv.AdminDSN(), strings.Fields(string(b))); err != nil {
					t.Fatal(err)
				}
			}
			d := readCaseData(t, dir)
			var sc Scope
			sc.ManageOwners = d.manageOwners
			var opts []PlanOption
			if d.online {
				opts = append(opts, WithOnline(true))
			}
			dsn := srv.NewDatabase(t)
			if err := execSQL(t, dsn, readFile(t, filepath.Join(dir, "from.sql"))); err != nil {
				t.Fatal(err)
			}
			local := t.TempDir()
			if err := os.WriteFile(filepath.Join(local, "to.sql"), []byte(readFile(t, filepath.Join(dir, "to.sql"))), 0o644); err != nil {
				t.Fatal(err)
			}
			checkCachedPlansEqual(t, dsn, local, sc, opts...)
		})
		sampled++
	}
	if sampled < 20 {
		t.Fatalf("sampled %d cases, want at least 20", sampled)
	}
}

// TestParseCacheGenerated: on a generated 200-table schema, the no-op plan
// and the plan after changing 1% of the files (a column added, a default
// changed) are the same with and without the parse cache; the remote,
// parsed when the files differ, goes through the cache too.
func TestParseCacheGenerated(t *testing.T) {
	ctx := context.Background()
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, genSchema(200)); err != nil {
		t.Fatal(err)
	}
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	remote, err := LoadRemote(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := remote.WriteFiles(dir); err != nil {
		t.Fatal(err)
	}
	t.Run("noop", func(t *testing.T) { checkCachedPlansEqual(t, dsn, dir, Scope{}) })

	// A no-op plan stores the files' model; after an edit, the remote
	// (the files' previous text) is read from that entry.
	shared := t.TempDir()
	t.Setenv(parsecache.EnvVar, shared)
	t.Setenv(parsecache.EnvMinBytes, "0")
	planOutcome(t, dsn, dir, Scope{})
	before := cacheEntries(t, shared)
	if len(before) != 1 {
		t.Fatalf("the no-op plan stored %d entries, want 1", len(before))
	}
	old := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.Chtimes(before[0], old, old); err != nil {
		t.Fatal(err)
	}
	if n := changeFiles(t, dir, 100); n != 2 {
		t.Fatalf("changed %d files, want 2", n)
	}
	planOutcome(t, dsn, dir, Scope{})
	if st, err := os.Stat(before[0]); err != nil || !st.ModTime().After(old) {
		t.Fatalf("the plan after the edit did not read the remote from the no-op plan's entry (%v)", err)
	}
	if n := len(cacheEntries(t, shared)); n != 2 {
		t.Fatalf("%d entries after the edit, want 2 (the edited files' model added)", n)
	}
	t.Run("1%", func(t *testing.T) {
		checkCachedPlansEqual(t, dsn, dir, Scope{})
		if out := planOutcome(t, dsn, dir, Scope{}); !strings.Contains(out, "ADD COLUMN") {
			t.Fatalf("the changed plan adds no column:\n%s", out)
		}
	})
}

// noteColumn is genSchema's last column as renovate writes it.
var noteColumn = regexp.MustCompile(`(\n\s+note text,)\n`)

// changeFiles changes one table file in every per (in path order): it
// adds a column, so the plan is not empty. It returns how many it changed.
func changeFiles(t testing.TB, dir string, per int) int {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "app", "tables", "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, p := range paths {
		if i%per != 0 {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := noteColumn.ReplaceAllString(string(b), "$1\n    extra integer,\n")
		if s == string(b) {
			t.Fatalf("%s: no note column to change:\n%s", p, b)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	return n
}

// TestParseRemoteRelocated: parseRemote, which parses the files under
// their own paths (sharing cache entries with local files) and prefixes
// the locations after, gives what parsing the prefixed files gives, on
// every convergence case's schema and a generated one.
func TestParseRemoteRelocated(t *testing.T) {
	t.Setenv(parsecache.EnvVar, "off")
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "cases", "*", "to.sql"))
	if err != nil {
		t.Fatal(err)
	}
	sets := []map[string]string{{"app/tables/gen.sql": genSchema(50)}}
	for _, p := range paths {
		sets = append(sets, map[string]string{"a/" + filepath.Base(filepath.Dir(p)) + ".sql": readFile(t, p), "b/x.sql": "CREATE TABLE bx (id int);"})
	}
	for _, files := range sets {
		in := make([]parser.File, 0, len(files))
		for p, sql := range files {
			in = append(in, parser.File{Path: remoteSource + " " + p, SQL: sql})
		}
		want, wantErr := parser.ParseFiles(in)
		got, err := parseRemote(files)
		if wantErr != nil {
			if err == nil || !strings.Contains(err.Error(), wantErr.Error()) {
				t.Fatalf("%v: error %v, want %v", keys(files), err, wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if !want.Equal(got) {
			t.Fatalf("%v: relocated model differs from the prefixed parse", keys(files))
		}
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestPlanLeavesLocationsEncoded: planning files read back from the parse
// cache decodes none of their deferred locations (parser.Locations),
// which are most of a large result's memory. The files use what a plan
// reads every time: the undeclared public schema with privileges the
// files grant, and default privileges.
func TestPlanLeavesLocationsEncoded(t *testing.T) {
	t.Setenv(parsecache.EnvVar, t.TempDir())
	t.Setenv(parsecache.EnvMinBytes, "0")
	const files = `CREATE SCHEMA app;
CREATE TABLE app.t (id int PRIMARY KEY, name text NOT NULL DEFAULT '' CHECK (name <> 'x'));
CREATE INDEX t_name ON app.t (name);
CREATE SEQUENCE app.s;
GRANT USAGE ON SCHEMA public TO PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO PUBLIC;
`
	ctx := context.Background()
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, files); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "app.sql"), []byte(files), 0o644); err != nil {
		t.Fatal(err)
	}
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	for run := range 2 {
		local, err := LoadLocal(dir)
		if err != nil {
			t.Fatal(err)
		}
		// The first run parses (and stores); the second reads back.
		if got := local.Locations.Pending(); got != (run == 1) {
			t.Fatalf("run %d: locations pending %v", run, got)
		}
		remote, err := LoadRemote(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Plan(ctx, conn, local, remote)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Steps) != 0 {
			t.Fatalf("run %d: the files plan changes:\n%s", run, planSQL(p))
		}
		if run == 1 {
			if !local.Locations.Pending() {
				t.Fatal("planning decoded the deferred locations")
			}
			loc, ok := local.Locations.Get(state.ObjectKey{Kind: state.KindColumn, Schema: "app", Table: "t", Name: "name"})
			if !ok || loc != (parser.Location{File: "app.sql", Line: 2, Col: 41}) || local.Locations.Pending() {
				t.Fatalf("column location %v %v, pending %v", loc, ok, local.Locations.Pending())
			}
		}
	}
}
