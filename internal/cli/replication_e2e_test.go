package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// replicationRepo sets up a publisher and a subscriber database on the
// test server, declared in one repository: environment source (the
// publisher, without subscriptions) and target (subscribes_to =
// ["source"], without publications). The files hold public.items and
// the other tables given, publication repl_pub of items, and
// subscription slot (on a slot made beforehand: a subscription to a
// database of the same cluster cannot create its slot itself). Nothing
// is applied yet. It fails in CI, and skips elsewhere, when the server
// cannot do logical replication.
func replicationRepo(t *testing.T, slot string, tables map[string]string) (dir, src, dst string) {
	t.Helper()
	needLogicalReplication(t)
	src, dst = srv.NewDatabase(t), srv.NewDatabase(t)
	replicationSlot(t, src, dst, slot)
	dir = replicationFiles(t, src, `
environment "source" {
  url     = `+hclString(src)+`
  exclude = ["kind:subscription:*"]
}

environment "target" {
  url           = `+hclString(dst)+`
  exclude       = ["kind:publication:*"]
  subscribes_to = ["source"]
}
`)
	for name, sql := range tables {
		writeFile(t, filepath.Join(dir, "public", "tables", name+".sql"), sql)
	}
	writeFile(t, filepath.Join(dir, "subscriptions.sql"), subscriptionSQL(t, slot, src))
	gitCommit(t, dir, "replication: items published by source, subscribed by target")
	return dir, src, dst
}

// replicationFiles inits a repository from database src and writes its
// renovate.hcl (hcl), public.items and publication repl_pub of items.
func replicationFiles(t *testing.T, src, hcl string) (dir string) {
	t.Helper()
	work := t.TempDir()
	dir = filepath.Join(work, "repl")
	if out, errOut, code := run(t, work, "", false, "init", "--source", src, "--dir", "repl"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	writeFile(t, filepath.Join(dir, "renovate.hcl"), hcl)
	if err := os.MkdirAll(filepath.Join(dir, "public", "tables"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "public", "tables", "items.sql"), "CREATE TABLE public.items (\n    id integer PRIMARY KEY,\n    name text\n);\n")
	writeFile(t, filepath.Join(dir, "publications.sql"), "CREATE PUBLICATION repl_pub FOR TABLE ONLY public.items;\n")
	return dir
}

// needLogicalReplication fails in CI, and skips elsewhere, when the test
// server cannot do logical replication.
func needLogicalReplication(t *testing.T) {
	t.Helper()
	admin := srv.AdminDSN()
	if lvl := queryText(t, admin, "SHOW wal_level"); lvl != "logical" {
		skipOutsideCI(t, "SKIP: the test server runs with wal_level=%s; logical replication needs wal_level=logical (the harness's own cluster has it; set it on the RENOVATE_TEST_DSN server)", lvl)
	}
	if queryText(t, admin, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user") != "true" {
		skipOutsideCI(t, "SKIP: subscriptions need a superuser and the test server's role is not one")
	}
}

// replicationSlot makes logical replication slot slot on database pub
// (a subscription to a database of the same cluster cannot create its
// slot itself) and, at cleanup, drops subscription slot on database sub
// and then the slot. Call it after the databases are made: cleanup runs
// before they are dropped, since a database with a subscription or an
// active slot cannot be dropped.
func replicationSlot(t *testing.T, pub, sub, slot string) {
	t.Helper()
	execDB(t, pub, fmt.Sprintf("SELECT pg_create_logical_replication_slot('%s', 'pgoutput')", slot))
	t.Cleanup(func() {
		for _, q := range []string{
			"ALTER SUBSCRIPTION " + slot + " DISABLE",
			"ALTER SUBSCRIPTION " + slot + " SET (slot_name = NONE)",
			"DROP SUBSCRIPTION IF EXISTS " + slot,
		} {
			if conn, err := catalog.Connect(context.Background(), sub); err == nil {
				_, _ = conn.Exec(context.Background(), q)
				conn.Close(context.Background())
			}
		}
		for i := 0; i < 50; i++ {
			conn, err := catalog.Connect(context.Background(), pub)
			if err != nil {
				return
			}
			_, err = conn.Exec(context.Background(), "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"+slot+"'")
			conn.Close(context.Background())
			if err == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
}

// subscriptionSQL is the CREATE SUBSCRIPTION of subscription name to
// publication repl_pub of database pub, on the slot replicationSlot made.
func subscriptionSQL(t *testing.T, name, pub string) string {
	t.Helper()
	u, err := url.Parse(pub)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("CREATE SUBSCRIPTION %s\n    CONNECTION 'host=%s port=%s dbname=%s user=%s'\n    PUBLICATION repl_pub\n    WITH (create_slot = false);\n",
		name, u.Hostname(), u.Port(), strings.TrimPrefix(u.Path, "/"), u.User.Username())
}

// inOrder fails unless each of want occurs in s after the one before.
func inOrder(t *testing.T, what, s string, want ...string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(s[at:], w)
		if i < 0 {
			t.Fatalf("%s: %q not found after position %d (wanted in order: %q):\n%s", what, w, at, want, s)
		}
		at += i + len(w)
	}
}

// lastRun reads the fleet.json of the newest run under dir's _meta/plans.
func lastRun(t *testing.T, dir string) (string, layout.FleetRun) {
	t.Helper()
	runs, err := layout.Runs(dir)
	if err != nil || len(runs) == 0 {
		t.Fatalf("no recorded run: %v", err)
	}
	rel := runs[len(runs)-1]
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel), "fleet.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fr layout.FleetRun
	if err := json.Unmarshal(b, &fr); err != nil {
		t.Fatal(err)
	}
	return rel, fr
}

func phaseStates(fr layout.FleetRun) string {
	var out []string
	for _, tg := range fr.Targets {
		out = append(out, tg.Name+"="+tg.Status)
	}
	return strings.Join(out, " ")
}

// TestReplicationEndToEnd: a publisher and a subscriber declared with
// subscribes_to are planned and applied as one (--env source,target).
// One plan adds a column to a replicated table and a new table to the
// publication: it runs on the subscriber first (additive), then on the
// publisher, then refreshes the subscription. Rows inserted on the
// publisher before and after the apply arrive on the subscriber, the new
// column's value and the new table's rows included; a second plan
// across both is empty.
func TestReplicationEndToEnd(t *testing.T) {
	dir, src, dst := replicationRepo(t, "repl_e2e", nil)
	apply := func(wantInOrder ...string) string {
		t.Helper()
		out, errOut, code := run(t, dir, "", false, "apply", "--env", "source,target", "--yes")
		if code != 0 {
			t.Fatalf("apply --env source,target: exit %d\n%s%s", code, out, errOut)
		}
		inOrder(t, "apply --env source,target", out, wantInOrder...)
		return out
	}
	apply("additive changes", "environment target", "CREATE TABLE public.items",
		"the publisher's plan", "environment source", "CREATE TABLE public.items", "CREATE PUBLICATION repl_pub",
		"subscriptions and their refresh", "environment target", "CREATE SUBSCRIPTION repl_e2e")
	execDB(t, src, "INSERT INTO items VALUES (1, 'first')")
	waitFor(t, dst, "SELECT name FROM items WHERE id = 1", "first", "replicated row")

	writeFile(t, filepath.Join(dir, "public", "tables", "items.sql"), "CREATE TABLE public.items (\n    id integer PRIMARY KEY,\n    name text,\n    note text\n);\n")
	writeFile(t, filepath.Join(dir, "public", "tables", "tags.sql"), "CREATE TABLE public.tags (\n    id integer PRIMARY KEY,\n    label text\n);\n")
	writeFile(t, filepath.Join(dir, "publications.sql"), "CREATE PUBLICATION repl_pub FOR TABLE ONLY public.items, ONLY public.tags;\n")
	gitCommit(t, dir, "items.note, tags published")

	// One plan across both, in the order it will run.
	out, errOut, code := run(t, dir, "", false, "plan", "--env", "source,target", "--detailed-exitcode")
	if code != ExitChanges {
		t.Fatalf("plan --env source,target: exit %d, want %d\n%s%s", code, ExitChanges, out, errOut)
	}
	inOrder(t, "plan", errOut, "Replication plan for source (publisher", "target (subscriber",
		"Phase 1 of 3: additive changes", "environment target", "Phase 2 of 3: the publisher's plan", "environment source",
		"Phase 3 of 3: subscriptions and their refresh", "environment target")
	inOrder(t, "plan", out,
		"-- Phase 1 of 3", "CREATE TABLE public.tags", "ADD COLUMN note text",
		"-- Phase 2 of 3", "CREATE TABLE public.tags", "ADD COLUMN note text", "ALTER PUBLICATION repl_pub ADD TABLE ONLY public.tags",
		"-- Phase 3 of 3", "hazard replication", "ALTER SUBSCRIPTION repl_e2e REFRESH PUBLICATION")
	if strings.Count(out, "REFRESH PUBLICATION") != 1 {
		t.Errorf("the plan refreshes the subscription %d times, want once:\n%s", strings.Count(out, "REFRESH PUBLICATION"), out)
	}

	out, errOut, code = run(t, dir, "", false, "plan", "--env", "source,target", "--format", "json")
	if code != 0 {
		t.Fatalf("plan --format json: exit %d\n%s%s", code, out, errOut)
	}
	var js struct {
		Environments []struct{ Name, Role string }
		Phases       []struct {
			Phase, Environment string
			Plan               struct{ Steps []struct{ SQL string } }
		}
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		t.Fatalf("plan --format json: %v\n%s", err, out)
	}
	var phases []string
	for _, p := range js.Phases {
		phases = append(phases, fmt.Sprintf("%s@%s:%d", p.Phase, p.Environment, len(p.Plan.Steps)))
	}
	if got, want := strings.Join(phases, " "), "additive@target:2 publisher@source:3 refresh@target:1"; got != want {
		t.Errorf("plan --format json phases: %s, want %s", got, want)
	}
	if len(js.Environments) != 2 || js.Environments[0].Role != "publisher" || js.Environments[1].Role != "subscriber" {
		t.Errorf("plan --format json environments: %+v", js.Environments)
	}

	// A row inserted on the publisher before the apply.
	execDB(t, src, "INSERT INTO items VALUES (2, 'before')")
	apply("ADD COLUMN note text", "ALTER PUBLICATION repl_pub ADD TABLE ONLY public.tags", "REFRESH PUBLICATION",
		"3 phases applied", "Phase 1 of 3", "applied", "Phase 2 of 3", "applied", "Phase 3 of 3", "applied")
	// Rows inserted on the publisher after it.
	execDB(t, src, "INSERT INTO items VALUES (3, 'after', 'noted'); INSERT INTO tags VALUES (1, 'red')")
	waitFor(t, dst, "SELECT name FROM items WHERE id = 2", "before", "row inserted before the apply")
	waitFor(t, dst, "SELECT note FROM items WHERE id = 3", "noted", "row with the new column inserted after the apply")
	waitFor(t, dst, "SELECT label FROM tags WHERE id = 1", "red", "row of the newly published table")

	out, errOut, code = run(t, dir, "", false, "plan", "--env", "source,target", "--detailed-exitcode")
	if code != 0 {
		t.Fatalf("plan --env source,target after apply: exit %d, want 0 (no changes)\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "No changes") {
		t.Errorf("the empty plan does not say so:\n%s", errOut)
	}

	// The run is recorded per environment and phase, in one commit.
	rel, fr := lastRun(t, dir)
	if got, want := phaseStates(fr), "target/1-additive=applied source/2-publisher=applied target/3-refresh=applied"; got != want {
		t.Errorf("%s/fleet.json: %s, want %s", rel, got, want)
	}
	for _, tg := range fr.Targets {
		o, err := layout.ReadOutcome(dir, tg.Record)
		if err != nil || o.Status != layout.StatusApplied || o.Environment != strings.Split(tg.Name, "/")[0] {
			t.Errorf("record %s: %+v, %v", tg.Record, o, err)
		}
	}
	if log := gitOutput(t, dir, "log", "-1", "--format=%s"); !strings.Contains(log, "renovate apply --env source,target: 3 phases applied") {
		t.Errorf("last commit: %q", log)
	}
	if st := gitOutput(t, dir, "status", "--porcelain"); st != "" {
		t.Errorf("the run left uncommitted files:\n%s", st)
	}
}

// TestReplicationApplyStopsAtFailure: the publisher's phase fails (its
// data breaks a new CHECK constraint), so the subscriber's removals and
// the refresh do not run; the output and the record say which phases ran
// on which database, and a later apply, once the data is fixed, does the
// rest.
func TestReplicationApplyStopsAtFailure(t *testing.T) {
	dir, src, dst := replicationRepo(t, "repl_fail", map[string]string{
		"notes": "CREATE TABLE public.notes (\n    id integer PRIMARY KEY,\n    v integer\n);\n",
		"old":   "CREATE TABLE public.old (\n    id integer PRIMARY KEY\n);\n",
	})
	out, errOut, code := run(t, dir, "", false, "apply", "--env", "source,target", "--yes")
	if code != 0 {
		t.Fatalf("first apply: exit %d\n%s%s", code, out, errOut)
	}
	// notes is not published: the bad row is on the publisher only.
	execDB(t, src, "INSERT INTO notes VALUES (1, -1)")

	writeFile(t, filepath.Join(dir, "public", "tables", "notes.sql"), "CREATE TABLE public.notes (\n    id integer PRIMARY KEY,\n    v integer CONSTRAINT notes_v_check CHECK (v >= 0)\n);\n")
	if err := os.Remove(filepath.Join(dir, "public", "tables", "old.sql")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "public", "tables", "tags.sql"), "CREATE TABLE public.tags (\n    id integer PRIMARY KEY\n);\n")
	writeFile(t, filepath.Join(dir, "publications.sql"), "CREATE PUBLICATION repl_pub FOR TABLE ONLY public.items, ONLY public.tags;\n")
	gitCommit(t, dir, "notes checked, old dropped, tags published")

	out, errOut, code = run(t, dir, "", false, "apply", "--env", "source,target", "--yes", "--allow-data-loss")
	if code != ExitError {
		t.Fatalf("apply: exit %d, want %d\n%s%s", code, ExitError, out, errOut)
	}
	inOrder(t, "apply", out,
		"Phase 1 of 4: additive changes", "environment target", "CREATE TABLE public.tags", "ADD CONSTRAINT notes_v_check",
		"Phase 2 of 4: the publisher's plan", "environment source", "DROP TABLE public.old",
		"Phase 3 of 4: removals", "environment target", "DROP TABLE public.old",
		"Phase 4 of 4: subscriptions and their refresh", "REFRESH PUBLICATION")
	inOrder(t, "apply report", out, "Replication apply source,target: phase 2 (source/2-publisher) failed after 1 of 4 phases applied",
		"Phase 1 of 4", "applied", "Phase 2 of 4", "failed", "notes_v_check", "Phase 3 of 4", "not reached", "Phase 4 of 4", "not reached")
	if !strings.Contains(errOut, "phase 2 of 4 (publisher on source) failed; phases 1 (additive on target) ran; phases 3 to 4 did not run") {
		t.Errorf("the error does not say which phases ran:\n%s", errOut)
	}
	// Phase 1 ran on the subscriber; phase 2 rolled back on the
	// publisher; phases 3 and 4 did not run.
	if got := queryText(t, dst, "SELECT (to_regclass('public.tags') IS NOT NULL)::text"); got != "true" {
		t.Errorf("the subscriber lacks tags from phase 1")
	}
	if got := queryText(t, src, "SELECT (to_regclass('public.old') IS NOT NULL)::text || (to_regclass('public.tags') IS NULL)::text"); got != "truetrue" {
		t.Errorf("the publisher's failed phase was not rolled back: %s", got)
	}
	if got := queryText(t, dst, "SELECT (to_regclass('public.old') IS NOT NULL)::text"); got != "true" {
		t.Errorf("the subscriber's removal ran after the publisher failed")
	}
	if got := queryText(t, dst, "SELECT count(*)::text FROM pg_subscription_rel"); got != "1" {
		t.Errorf("the subscription was refreshed after the publisher failed: it has %s tables", got)
	}
	rel, fr := lastRun(t, dir)
	if got, want := phaseStates(fr), "target/1-additive=applied source/2-publisher=failed target/3-removals=not_reached target/4-refresh=not_reached"; got != want {
		t.Errorf("%s/fleet.json: %s, want %s", rel, got, want)
	}
	if st := gitOutput(t, dir, "status", "--porcelain"); st != "" {
		t.Errorf("the run left uncommitted files:\n%s", st)
	}

	// Fixed data: the next apply does what is left, in order.
	execDB(t, src, "DELETE FROM notes")
	out, errOut, code = run(t, dir, "", false, "apply", "--env", "source,target", "--yes", "--allow-data-loss")
	if code != 0 {
		t.Fatalf("second apply: exit %d\n%s%s", code, out, errOut)
	}
	inOrder(t, "second apply", out, "Phase 1 of 3: the publisher's plan", "Phase 2 of 3: removals", "DROP TABLE public.old", "Phase 3 of 3: subscriptions", "REFRESH PUBLICATION")
	if out, errOut, code := run(t, dir, "", false, "plan", "--env", "source,target", "--detailed-exitcode"); code != 0 {
		t.Fatalf("plan after the second apply: exit %d\n%s%s", code, out, errOut)
	}
}

// gitOutput runs git in dir and returns its trimmed output.
func gitOutput(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// TestReplicationChain: source -> relay -> leaf, where relay subscribes
// to source's publication and publishes the same tables to leaf. Planned
// and applied as one (--env source,relay,leaf): additive changes run on
// leaf, then relay, then source; the subscriptions are made and refreshed
// from the top down. Rows inserted on source before and after a change
// (a new column, a newly published table) arrive on leaf through relay,
// and a second plan across the three is empty.
func TestReplicationChain(t *testing.T) {
	needLogicalReplication(t)
	src, relay, leaf := srv.NewDatabase(t), srv.NewDatabase(t), srv.NewDatabase(t)
	replicationSlot(t, src, relay, "chain_from_source")
	replicationSlot(t, relay, leaf, "chain_from_relay")
	dir := replicationFiles(t, src, `
environment "source" {
  url     = `+hclString(src)+`
  exclude = ["kind:subscription:*"]
}

environment "relay" {
  url           = `+hclString(relay)+`
  exclude       = ["kind:subscription:chain_from_relay"]
  subscribes_to = ["source"]
}

environment "leaf" {
  url           = `+hclString(leaf)+`
  exclude       = ["kind:publication:*", "kind:subscription:chain_from_source"]
  subscribes_to = ["relay"]
}
`)
	writeFile(t, filepath.Join(dir, "subscriptions.sql"), subscriptionSQL(t, "chain_from_source", src)+"\n"+subscriptionSQL(t, "chain_from_relay", relay))
	gitCommit(t, dir, "a chain: source publishes to relay, relay to leaf")

	const envs = "source,relay,leaf"
	apply := func(wantInOrder ...string) {
		t.Helper()
		out, errOut, code := run(t, dir, "", false, "apply", "--env", envs, "--yes")
		if code != 0 {
			t.Fatalf("apply --env %s: exit %d\n%s%s", envs, code, out, errOut)
		}
		inOrder(t, "apply --env "+envs, out, wantInOrder...)
	}
	apply("additive changes", "environment leaf", "CREATE TABLE public.items",
		"additive changes", "environment relay", "CREATE TABLE public.items", "CREATE PUBLICATION repl_pub",
		"the publisher's plan", "environment source", "CREATE PUBLICATION repl_pub",
		"subscriptions and their refresh", "environment relay", "CREATE SUBSCRIPTION chain_from_source",
		"subscriptions and their refresh", "environment leaf", "CREATE SUBSCRIPTION chain_from_relay",
		"5 phases applied")
	execDB(t, src, "INSERT INTO items VALUES (1, 'first')")
	waitFor(t, leaf, "SELECT name FROM items WHERE id = 1", "first", "row replicated through relay")

	writeFile(t, filepath.Join(dir, "public", "tables", "items.sql"), "CREATE TABLE public.items (\n    id integer PRIMARY KEY,\n    name text,\n    note text\n);\n")
	writeFile(t, filepath.Join(dir, "public", "tables", "tags.sql"), "CREATE TABLE public.tags (\n    id integer PRIMARY KEY,\n    label text\n);\n")
	writeFile(t, filepath.Join(dir, "publications.sql"), "CREATE PUBLICATION repl_pub FOR TABLE ONLY public.items, ONLY public.tags;\n")
	gitCommit(t, dir, "items.note, tags published down the chain")

	out, errOut, code := run(t, dir, "", false, "plan", "--env", envs, "--format", "json")
	if code != 0 {
		t.Fatalf("plan --format json: exit %d\n%s%s", code, out, errOut)
	}
	var js struct {
		Environments []struct{ Name, Role string }
		Phases       []struct {
			Phase, Environment string
			Plan               struct{ Steps []struct{ SQL string } }
		}
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		t.Fatalf("plan --format json: %v\n%s", err, out)
	}
	var phases, roles []string
	for _, p := range js.Phases {
		phases = append(phases, fmt.Sprintf("%s@%s:%d", p.Phase, p.Environment, len(p.Plan.Steps)))
	}
	for _, e := range js.Environments {
		roles = append(roles, e.Name+"="+e.Role)
	}
	if got, want := strings.Join(phases, " "), "additive@leaf:2 additive@relay:3 publisher@source:3 refresh@relay:1 refresh@leaf:1"; got != want {
		t.Errorf("plan --format json phases: %s, want %s\n%s", got, want, out)
	}
	if got, want := strings.Join(roles, " "), "source=publisher relay=subscriber and publisher leaf=subscriber"; got != want {
		t.Errorf("plan --format json environments: %s, want %s", got, want)
	}

	execDB(t, src, "INSERT INTO items VALUES (2, 'before')")
	apply("Phase 1 of 5: additive changes", "environment leaf", "ADD COLUMN note text",
		"Phase 2 of 5: additive changes", "environment relay", "ALTER PUBLICATION repl_pub ADD TABLE ONLY public.tags",
		"Phase 3 of 5: the publisher's plan", "environment source", "ALTER PUBLICATION repl_pub ADD TABLE ONLY public.tags",
		"Phase 4 of 5", "environment relay", "ALTER SUBSCRIPTION chain_from_source REFRESH PUBLICATION",
		"Phase 5 of 5", "environment leaf", "ALTER SUBSCRIPTION chain_from_relay REFRESH PUBLICATION",
		"5 phases applied")
	execDB(t, src, "INSERT INTO items VALUES (3, 'after', 'noted'); INSERT INTO tags VALUES (1, 'red')")
	waitFor(t, leaf, "SELECT name FROM items WHERE id = 2", "before", "row inserted before the apply")
	waitFor(t, leaf, "SELECT note FROM items WHERE id = 3", "noted", "row with the new column inserted after the apply")
	waitFor(t, leaf, "SELECT label FROM tags WHERE id = 1", "red", "row of the newly published table, through relay")

	if out, errOut, code := run(t, dir, "", false, "plan", "--env", envs, "--detailed-exitcode"); code != 0 {
		t.Fatalf("plan --env %s after apply: exit %d, want 0 (no changes)\n%s%s", envs, code, out, errOut)
	}
}
