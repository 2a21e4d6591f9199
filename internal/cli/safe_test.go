package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// TestSafeApply_DataMigration: a NOT NULL column without a default added
// to a table with rows, and a text -> integer change, need SQL only the
// user can write. The plan says so with "-- renovate: fill in" lines;
// apply refuses the plan (made now or saved) until they are filled in;
// the edited plan applies.
func TestSafeApply_DataMigration(t *testing.T) {
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, `
		CREATE TABLE orders (id int PRIMARY KEY, qty text NOT NULL);
		INSERT INTO orders SELECT g, (g * 2)::text FROM generate_series(1, 20) g;
		ANALYZE orders;`)
	work := t.TempDir()
	dir := filepath.Join(work, "shop")
	if out, errOut, code := run(t, work, "", false, "init", "--source", dsn, "--dir", "shop"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	tbl := filepath.Join(dir, "public", "tables", "orders.sql")
	b, _ := os.ReadFile(tbl)
	edited := strings.Replace(string(b), "qty text NOT NULL", "qty integer NOT NULL,\n    region text NOT NULL", 1)
	if edited == string(b) {
		t.Fatalf("unexpected table file:\n%s", b)
	}
	writeFile(t, tbl, edited)
	gitCommit(t, dir, "orders: region, integer qty")

	out, errOut, code := run(t, dir, "", true, "plan")
	if code != 0 {
		t.Fatalf("plan: exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"hazard data_migration", "-- renovate: fill in", "public.orders: ~20 rows"} {
		if !strings.Contains(out, want) {
			t.Errorf("plan output lacks %q:\n%s", want, out)
		}
	}

	// Apply without a plan file refuses: the placeholder is unfilled.
	out, errOut, code = run(t, dir, "", false, "apply", "--yes")
	if code != ExitRefused || !strings.Contains(errOut, "renovate plan -o") {
		t.Fatalf("apply with placeholders: want exit %d, got %d\n%s%s", ExitRefused, code, out, errOut)
	}

	planPath := filepath.Join(work, "plan.sql")
	if out, errOut, code := run(t, dir, "", false, "plan", "-o", planPath); code != 0 {
		t.Fatalf("plan -o: exit %d\n%s%s", code, out, errOut)
	}
	text, _ := os.ReadFile(planPath)
	out, errOut, code = run(t, dir, "", false, "apply", "--yes", "-p", planPath)
	if code != ExitRefused || !strings.Contains(errOut, "plan.sql:") || !strings.Contains(errOut, "renovate: fill in") {
		t.Fatalf("apply -p with placeholders: want exit %d naming the line, got %d\n%s%s", ExitRefused, code, out, errOut)
	}

	// Fill in: the UPDATE for region, and review the USING of qty.
	var lines []string
	for _, l := range strings.Split(string(text), "\n") {
		switch {
		case strings.HasPrefix(l, "-- renovate: fill in:   UPDATE"):
			lines = append(lines, "UPDATE public.orders SET region = 'eu';")
		case strings.HasPrefix(l, "-- renovate: fill in"):
		case strings.Contains(l, "USING qty::integer"):
			lines = append(lines, strings.Replace(l, "USING qty::integer", "USING trim(qty)::integer", 1))
		default:
			lines = append(lines, l)
		}
	}
	writeFile(t, planPath, strings.Join(lines, "\n"))
	out, errOut, code = run(t, dir, "", false, "apply", "--yes", "-p", planPath)
	if code != 0 {
		t.Fatalf("apply of the filled-in plan: exit %d\n%s%s\nplan:\n%s", code, out, errOut, strings.Join(lines, "\n"))
	}
	conn, err := catalog.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var n int
	if err := conn.QueryRow(context.Background(), `SELECT count(*) FROM orders WHERE region = 'eu' AND qty % 2 = 0`).Scan(&n); err != nil || n != 20 {
		t.Fatalf("after apply: %d rows migrated (err %v), want 20", n, err)
	}
	if out, errOut, code := run(t, dir, "", true, "plan", "--detailed-exitcode"); code != 0 {
		t.Fatalf("plan after apply: exit %d\n%s%s", code, out, errOut)
	}
}

// TestSafeApply_OnlineFromConfig: online = true in renovate.hcl plans the
// index concurrently, shows it outside the transaction, applies it, and
// records every step's outcome.
func TestSafeApply_OnlineFromConfig(t *testing.T) {
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, `CREATE TABLE events (id int PRIMARY KEY, kind text);
		INSERT INTO events SELECT g, 'k' || (g % 7) FROM generate_series(1, 1000) g;`)
	work := t.TempDir()
	dir := filepath.Join(work, "ev")
	if out, errOut, code := run(t, work, "", false, "init", "--source", dsn, "--dir", "ev"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	cfg := filepath.Join(dir, "renovate.hcl")
	b, _ := os.ReadFile(cfg)
	writeFile(t, cfg, "online = true\n"+string(b))
	tbl := filepath.Join(dir, "public", "tables", "events.sql")
	b, _ = os.ReadFile(tbl)
	writeFile(t, tbl, string(b)+"CREATE INDEX events_kind_idx ON public.events (kind);\n")
	gitCommit(t, dir, "events: index on kind, online")

	out, errOut, code := run(t, dir, "", true, "plan")
	if code != 0 || !strings.Contains(out, "CREATE INDEX CONCURRENTLY events_kind_idx") || !strings.Contains(out, "runs outside the transaction") {
		t.Fatalf("online plan: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = run(t, dir, "", false, "apply", "--yes", "--url", dsn)
	if code != 0 {
		t.Fatalf("apply: exit %d\n%s%s", code, out, errOut)
	}
	runs, _ := filepath.Glob(filepath.Join(dir, filepath.FromSlash(layout.PlansDir), "*", "outcome.json"))
	if len(runs) != 1 {
		t.Fatalf("want one recorded run, got %v", runs)
	}
	raw, _ := os.ReadFile(runs[0])
	var o layout.Outcome
	if err := json.Unmarshal(raw, &o); err != nil {
		t.Fatal(err)
	}
	if len(o.StepResults) != 1 || o.StepResults[0].Status != catalog.StatusApplied || o.StepResults[0].Transactional {
		t.Errorf("outcome step results: %+v", o.StepResults)
	}
}

func TestReportSteps(t *testing.T) {
	var errOut strings.Builder
	f := &Factory{IO: &IOStreams{ErrOut: &errOut}}
	reportSteps(f, layout.Outcome{StepResults: []layout.StepResult{
		{Step: 1, Transactional: true, Status: catalog.StatusApplied},
		{Step: 2, Status: catalog.StatusApplied},
		{Step: 3, Status: catalog.StatusFailed},
		{Step: 4, Status: catalog.StatusNotRun},
	}})
	want := "  applied: step 1, 2\n  failed: step 3\n  not run: step 4\nThe database is partly migrated: run renovate plan again; it plans from the database as it now is.\n"
	if errOut.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", errOut.String(), want)
	}
}
