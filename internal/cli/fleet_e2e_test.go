package cli

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/internal/gitrepo"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// fleetSize is the number of tenant databases of the fleet tests: enough
// for grouping, a canary and parallelism to mean something, small enough
// for the default suite.
const fleetSize = 20

// newFleet creates n tenant databases, each with the accounts table and a
// few rows, and a schema directory (a git repository) whose renovate.hcl
// has environment "tenants" listing them with urls, in order. It returns
// the directory, the connection strings and the targets' names.
func newFleet(t *testing.T, n int) (string, []string, []string) {
	t.Helper()
	dsns := createDatabases(t, n)
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range dsns {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			errs[i] = execDBErr(dsns[i], `
				CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL);
				INSERT INTO accounts VALUES (1, 'a@example.com'), (2, 'b@example.com');`)
		}(i)
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "tenants")
	if err := os.MkdirAll(filepath.Join(dir, "public", "tables"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := gitrepo.Init(dir); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "public", "tables", "accounts.sql"), "CREATE TABLE public.accounts (\n    id integer PRIMARY KEY,\n    email text NOT NULL\n);\n")
	quoted := make([]string, n)
	for i, d := range dsns {
		quoted[i] = hclString(d)
	}
	writeFile(t, filepath.Join(dir, ConfigFile), "environment \"tenants\" {\n  urls = ["+strings.Join(quoted, ", ")+"]\n}\n")
	gitCommit(t, dir, "tenants fleet")
	return dir, dsns, config.TargetNames(dsns)
}

// createDatabases creates n empty databases at once (dropped when the
// test ends) and returns their connection strings, in order.
func createDatabases(t testing.TB, n int) []string {
	t.Helper()
	base := strings.ToLower(strings.NewReplacer("/", "_", "-", "_").Replace(t.Name()))
	if len(base) > 30 {
		base = base[:30]
	}
	var token [4]byte
	if _, err := rand.Read(token[:]); err != nil {
		t.Fatal(err)
	}
	dsns := make([]string, n)
	errs := make([]error, n)
	names := make([]string, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i := range dsns {
		names[i] = fmt.Sprintf("%s_%x_%02d", base, token, i)
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			dsns[i], errs[i] = srv.CreateDatabase(context.Background(), names[i])
		}(i)
	}
	wg.Wait()
	t.Cleanup(func() {
		for _, name := range names {
			if err := srv.DropDatabase(context.Background(), name); err != nil {
				t.Errorf("pgtest: %v", err)
			}
		}
	})
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	return dsns
}

func execDBErr(dsn, sql string) error {
	conn, err := catalog.Connect(context.Background(), dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(context.Background(), sql)
	return err
}

// latestFleetRun reads the newest fleet run of environment tenants.
func latestFleetRun(t *testing.T, dir string) (string, layout.FleetRun) {
	t.Helper()
	rels, runs, err := layout.FleetRuns(dir, "tenants")
	if err != nil || len(runs) == 0 {
		t.Fatalf("no fleet run recorded (err %v)", err)
	}
	return rels[0], runs[0]
}

func statusOf(fr layout.FleetRun) map[string]string {
	out := map[string]string{}
	for _, t := range fr.Targets {
		out[t.Name] = t.Status
	}
	return out
}

func hasColumn(t *testing.T, dsn, table, col string) bool {
	return queryBool(t, dsn, fmt.Sprintf("SELECT EXISTS (SELECT FROM information_schema.columns WHERE table_name = '%s' AND column_name = '%s')", table, col))
}

func commitCount(t *testing.T, dir string) int {
	t.Helper()
	repo, err := gitrepo.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	n, err := repo.CommitCount()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestFleet_CanaryContinueRerun: a fleet of 20 tenants, 3 of which drifted
// (an index of their own) and 1 of which rejects the change (duplicate
// emails break the new UNIQUE constraint). plan groups the targets and
// names the drifted ones; the canary, the rejecting tenant, stops the run
// before any other target is touched; --continue-on-error applies the
// rest; a re-run after the data is fixed retries only that tenant. Every
// run is one commit with a record per target.
func TestFleet_CanaryContinueRerun(t *testing.T) {
	dir, dsns, names := newFleet(t, fleetSize)
	bad := 0
	drifted := []int{5, 10, 15}
	execDB(t, dsns[bad], `INSERT INTO accounts VALUES (3, 'a@example.com')`)
	for _, i := range drifted {
		execDB(t, dsns[i], `CREATE INDEX accounts_email_idx ON accounts (email)`)
	}
	writeFile(t, filepath.Join(dir, "public", "tables", "accounts.sql"), `CREATE TABLE public.accounts (
    id integer PRIMARY KEY,
    email text NOT NULL UNIQUE,
    note text
);
`)
	gitCommit(t, dir, "accounts: unique emails, note")

	// plan: two groups, the drifted three named.
	out, errOut, code := runIn(t, session{}, "plan", "--dir", dir, "--env", "tenants", "--format", "json", "--parallel", "4", "--detailed-exitcode")
	if code != ExitChanges {
		t.Fatalf("plan: exit %d, want %d\n%s%s", code, ExitChanges, out, errOut)
	}
	var pj fleetPlanJSON
	if err := json.Unmarshal([]byte(out), &pj); err != nil {
		t.Fatalf("plan json: %v\n%s", err, out)
	}
	if len(pj.Groups) != 2 || len(pj.Groups[0].Targets) != fleetSize-len(drifted) || len(pj.Groups[1].Targets) != len(drifted) {
		t.Fatalf("plan groups: %+v", pj.Groups)
	}
	wantDrifted := []string{names[5], names[10], names[15]}
	if !slices.Equal(pj.Drifted, wantDrifted) || !slices.Equal(pj.Groups[1].Targets, wantDrifted) {
		t.Errorf("drifted %v, group B %v; want %v", pj.Drifted, pj.Groups[1].Targets, wantDrifted)
	}
	if !strings.Contains(string(pj.Groups[1].Plan), "accounts_email_idx") {
		t.Errorf("plan B does not drop the drifted index: %s", pj.Groups[1].Plan)
	}

	// The canary is the rejecting tenant: nothing else is touched.
	commits := commitCount(t, dir)
	out, errOut, code = runIn(t, session{}, "apply", "--dir", dir, "--env", "tenants", "--canary", "1", "--parallel", "4", "--yes")
	if code != ExitError {
		t.Fatalf("apply with the canary: exit %d, want 1\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "1 failed") || !strings.Contains(out, "19 not reached") {
		t.Errorf("summary after the canary failed:\n%s", out)
	}
	// The plans shown before applying: grouped, the drifted named.
	if !strings.Contains(out, "17 targets: plan A (") || !strings.Contains(out, "3 targets: plan B (") || !strings.Contains(out, "drifted (schema differs from most targets'): "+strings.Join(wantDrifted, ", ")) {
		t.Errorf("apply does not show the grouped plans:\n%s", out)
	}
	_, fr := latestFleetRun(t, dir)
	st := statusOf(fr)
	if st[names[bad]] != layout.StatusFailed {
		t.Errorf("canary %s: %s, want failed", names[bad], st[names[bad]])
	}
	for i := 1; i < fleetSize; i++ {
		if st[names[i]] != layout.StatusNotReached || hasColumn(t, dsns[i], "accounts", "note") {
			t.Fatalf("target %d after a failed canary: %s (note column: %v)", i, st[names[i]], hasColumn(t, dsns[i], "accounts", "note"))
		}
	}
	if got := commitCount(t, dir); got != commits+1 {
		t.Errorf("the run made %d commits, want 1", got-commits)
	}

	// --continue-on-error: every other target is applied.
	out, errOut, code = runIn(t, session{}, "apply", "--dir", dir, "--env", "tenants", "--continue-on-error", "--parallel", "4", "--yes")
	if code != ExitError {
		t.Fatalf("apply --continue-on-error: exit %d, want 1\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "Resuming") {
		t.Errorf("the second run does not say it resumes:\n%s", errOut)
	}
	run2, fr := latestFleetRun(t, dir)
	st = statusOf(fr)
	for i := 1; i < fleetSize; i++ {
		if st[names[i]] != layout.StatusApplied || !hasColumn(t, dsns[i], "accounts", "note") {
			t.Fatalf("target %d after --continue-on-error: %s", i, st[names[i]])
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(run2), names[i], layout.OutcomeFile)); err != nil {
			t.Errorf("no record of target %d: %v", i, err)
		}
	}
	if st[names[bad]] != layout.StatusFailed || hasColumn(t, dsns[bad], "accounts", "note") {
		t.Errorf("the rejecting tenant: %s", st[names[bad]])
	}
	if queryBool(t, dsns[5], "SELECT to_regclass('public.accounts_email_idx') IS NOT NULL") {
		t.Errorf("the drifted index of target 5 is still there")
	}

	if out, errOut, code := runIn(t, session{}, "show", "--dir", dir, filepath.Base(run2)+"/"+names[1]); code != 0 || !strings.Contains(out, "ADD COLUMN note") {
		t.Errorf("show RUN/TARGET: exit %d\n%s%s", code, out, errOut)
	}

	// Fix the data; the re-run retries only the tenant that failed.
	execDB(t, dsns[bad], `DELETE FROM accounts WHERE id = 3`)
	out, errOut, code = runIn(t, session{}, "apply", "--dir", dir, "--env", "tenants", "--yes")
	if code != 0 {
		t.Fatalf("re-run: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "1 target left") || !strings.Contains(out, "1 applied") {
		t.Errorf("the re-run did not retry only the failed tenant:\n%s%s", out, errOut)
	}
	run3, fr := latestFleetRun(t, dir)
	st = statusOf(fr)
	if len(st) != fleetSize {
		t.Fatalf("the re-run records %d targets, want %d", len(st), fleetSize)
	}
	for _, n := range names {
		if st[n] != layout.StatusApplied {
			t.Errorf("after the re-run %s is %s", n, st[n])
		}
	}
	if fr.Resumes != run2 || !hasColumn(t, dsns[bad], "accounts", "note") {
		t.Errorf("re-run %s resumes %q, want %s", run3, fr.Resumes, run2)
	}

	// drift: none; then one tenant changes, and drift names it.
	if out, errOut, code = runIn(t, session{}, "drift", "--dir", dir, "--env", "tenants"); code != 0 || !strings.Contains(out, "No drift: all 20 targets") {
		t.Fatalf("drift after the fleet apply: exit %d\n%s%s", code, out, errOut)
	}
	execDB(t, dsns[7], `ALTER TABLE accounts ADD COLUMN extra int`)
	out, errOut, code = runIn(t, session{}, "drift", "--dir", dir, "--env", "tenants")
	if code != ExitChanges || !strings.Contains(out, "1 target of 20 in tenants differ") || !strings.Contains(out, names[7]) {
		t.Fatalf("drift with one tenant changed: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runIn(t, session{}, "diff", "--dir", dir, "--from", dir, "--to", "env:tenants", "--detailed-exitcode")
	if code != ExitChanges || !strings.Contains(errOut, "1 target of 20 in environment tenants differ from directory "+dir+": "+names[7]) || !strings.Contains(out, "DROP COLUMN extra") {
		t.Fatalf("diff across the fleet: exit %d\n%s%s", code, out, errOut)
	}
	// A new apply (the last run finished) plans every target again.
	out, errOut, code = runIn(t, session{}, "apply", "--dir", dir, "--env", "tenants", "--yes", "--allow-data-loss")
	if code != 0 || !strings.Contains(out, "1 applied, 19 no changes") {
		t.Fatalf("apply after drift: exit %d\n%s%s", code, out, errOut)
	}
}

// TestFleet_StopOnFirstFailure: without --continue-on-error, one at a
// time, the failing first target stops the run.
func TestFleet_StopOnFirstFailure(t *testing.T) {
	dir, dsns, names := newFleet(t, 5)
	execDB(t, dsns[0], `INSERT INTO accounts VALUES (3, 'a@example.com')`)
	writeFile(t, filepath.Join(dir, "public", "tables", "accounts.sql"), "CREATE TABLE public.accounts (\n    id integer PRIMARY KEY,\n    email text NOT NULL UNIQUE\n);\n")
	gitCommit(t, dir, "unique emails")
	out, errOut, code := runIn(t, session{}, "apply", "--dir", dir, "--env", "tenants", "--parallel", "1", "--yes")
	if code != ExitError {
		t.Fatalf("apply: exit %d\n%s%s", code, out, errOut)
	}
	_, fr := latestFleetRun(t, dir)
	st := statusOf(fr)
	if st[names[0]] != layout.StatusFailed || st[names[1]] != layout.StatusNotReached || st[names[4]] != layout.StatusNotReached {
		t.Errorf("statuses: %v", st)
	}
	if strings.Contains(out+errOut, "postgres@") && strings.Contains(out+errOut, "password") {
		t.Errorf("output names a password:\n%s%s", out, errOut)
	}
}

// TestFleet_TargetsQuery: the targets are read from a registry database
// at run time, with a variable per target.
func TestFleet_TargetsQuery(t *testing.T) {
	dir, dsns, _ := newFleet(t, 3)
	registry := srv.NewDatabase(t)
	execDB(t, registry, `CREATE TABLE tenants (name text, url text, note_default text)`)
	conn, err := catalog.Connect(context.Background(), registry)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range dsns {
		if _, err := conn.Exec(context.Background(), `INSERT INTO tenants VALUES ($1, $2, $3)`, fmt.Sprintf("tenant%d", i), d, fmt.Sprintf("n%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close(context.Background())
	writeFile(t, filepath.Join(dir, ConfigFile), `variable "note_default" {}
environment "tenants" {
  targets_query {
    url   = `+hclString(registry)+`
    query = "SELECT name, url, note_default FROM tenants ORDER BY name"
  }
}
`)
	writeFile(t, filepath.Join(dir, "public", "tables", "accounts.sql"), "CREATE TABLE public.accounts (\n    id integer PRIMARY KEY,\n    email text NOT NULL,\n    note text DEFAULT '{{var.note_default}}'\n);\n")
	gitCommit(t, dir, "per-tenant default")
	out, errOut, code := runIn(t, session{}, "apply", "--dir", dir, "--env", "tenants", "--yes")
	if code != 0 || !strings.Contains(out, "3 applied") {
		t.Fatalf("apply: exit %d\n%s%s", code, out, errOut)
	}
	for i, d := range dsns {
		want := fmt.Sprintf("n%d", i)
		if !queryBool(t, d, "SELECT column_default = '''"+want+"''::text' FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'note'") {
			t.Errorf("tenant %d: the note default is not %q", i, want)
		}
	}
	// A password in the registry is refused, and never printed.
	execDB(t, registry, `UPDATE tenants SET url = replace(url, 'postgres@', 'postgres:hunter2@') WHERE name = 'tenant1'`)
	out, errOut, code = runIn(t, session{}, "plan", "--dir", dir, "--env", "tenants")
	if code != ExitError || !strings.Contains(errOut, "target tenant1: its connection string holds a password") || strings.Contains(out+errOut, "hunter2") {
		t.Fatalf("plan with a password in the registry: exit %d\n%s%s", code, out, errOut)
	}
}

// TestFleet_RecoversUncommittedRun: a fleet run killed mid-way leaves its
// records uncommitted, one of them in progress; the next apply commits it
// (that target marked interrupted) instead of refusing a dirty
// repository, and resumes it.
func TestFleet_RecoversUncommittedRun(t *testing.T) {
	dir, dsns, names := newFleet(t, 3)
	writeFile(t, filepath.Join(dir, "public", "tables", "accounts.sql"), "CREATE TABLE public.accounts (\n    id integer PRIMARY KEY,\n    email text NOT NULL,\n    note text\n);\n")
	gitCommit(t, dir, "note")
	repo, err := gitrepo.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	head, _ := repo.HeadCommit()
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	run, err := layout.NewFleetRunDir(dir, now)
	if err != nil {
		t.Fatal(err)
	}
	fr := layout.FleetRun{Environment: "tenants", GitCommit: head, Started: now}
	for _, n := range names {
		fr.Targets = append(fr.Targets, layout.FleetTarget{Name: n, Status: layout.StatusNotReached})
	}
	if err := layout.WriteFleetRun(dir, run, fr); err != nil {
		t.Fatal(err)
	}
	if err := layout.RecordRunAt(dir, run+"/"+names[0], layout.Run{Plan: "-- killed\n", Outcome: layout.Outcome{Status: layout.StatusInProgress, Started: now, GitCommit: head}}); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runIn(t, session{}, "apply", "--dir", dir, "--env", "tenants", "--yes")
	if code != 0 || !strings.Contains(errOut, "Found the record of a fleet apply that was not committed: "+run) || !strings.Contains(out, "3 applied") {
		t.Fatalf("apply after a killed run: exit %d\n%s%s", code, out, errOut)
	}
	old, _, err := layout.ReadFleetRun(dir, run)
	if err != nil {
		t.Fatal(err)
	}
	if st := statusOf(old); st[names[0]] != layout.StatusFailed || st[names[1]] != layout.StatusNotReached {
		t.Errorf("the recovered run says %v", st)
	}
	if o, err := layout.ReadOutcome(dir, run+"/"+names[0]); err != nil || o.Status != layout.StatusInterrupted {
		t.Errorf("the killed target's record: %+v, %v", o, err)
	}
	if _, latest := latestFleetRun(t, dir); latest.Resumes != run {
		t.Errorf("the new run resumes %q, want %s", latest.Resumes, run)
	}
	for i, d := range dsns {
		if !hasColumn(t, d, "accounts", "note") {
			t.Errorf("target %d not applied", i)
		}
	}
}
