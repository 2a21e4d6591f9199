package engine

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/internal/pgtest"
	"github.com/renovate-pg/renovate/planner/planfile"
	"github.com/renovate-pg/renovate/planner/render"
)

// psqlPlanCases are the convergence cases whose saved plans
// TestPlanFileRunsInPsql runs with psql: a routine body naming a table the
// plan creates after it (check_function_bodies), non-ASCII text
// (client_encoding), backslashes in literals (standard_conforming_strings),
// steps outside the transaction (CREATE INDEX CONCURRENTLY, VALIDATE, an
// enum value added and then used), foreign-key cycles, dependent views,
// an extension's routines' privileges and an extension moved by drop and
// create.
var psqlPlanCases = []string{
	"function_body_uses_later_table",
	"backslash_literals",
	"enum_add_value_used_in_default",
	"online_index_fk_check_not_null",
	"online_new_table_and_unique_index",
	"create_fk_cycle",
	"function_used_by_domain",
	"function_create_sql_plpgsql",
	"enum_recreate_under_view",
	"quoted_names_alter",
	"extension_routine_privileges_new",
	"extension_not_relocatable_moved",
}

// TestPlanFileRunsInPsql: a plan saved as `renovate plan` writes it runs
// as written with the real psql (-v ON_ERROR_STOP=1 -X -f), on a database
// at the case's from.sql whose session settings are hostile to it
// (check_function_bodies and standard_conforming_strings the wrong way
// round, client encoding LATIN1): the database then equals to.sql and a
// second plan is empty. The same file reads back with the plan file
// reader (apply -p) into the same steps, each inside or outside the
// transaction as psql ran it.
func TestPlanFileRunsInPsql(t *testing.T) {
	psql := psqlBinary(t)
	for _, name := range psqlPlanCases {
		name := name
		dir := filepath.Join("..", "..", "testdata", "cases", name)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if !serverMeetsMinVersion(t, dir) || !serverMeetsMaxVersion(t, dir) {
				return
			}
			if b, err := os.ReadFile(filepath.Join(dir, "roles")); err == nil {
				if err := pgtest.EnsureRoles(context.Background(), srv.AdminDSN(), strings.Fields(string(b))); err != nil {
					t.Fatal(err)
				}
			}
			checkPlanFileInPsql(t, psql, dir)
		})
	}
}

func checkPlanFileInPsql(t *testing.T, psql, dir string) {
	ctx := context.Background()
	data := readCaseData(t, dir)
	dsnA, dsnB := srv.NewDatabase(t), srv.NewDatabase(t)
	if err := execSQL(t, dsnA, readFile(t, filepath.Join(dir, "from.sql"))); err != nil {
		t.Fatalf("loading from.sql: %v", err)
	}
	if err := execSQL(t, dsnA, data.data); err != nil {
		t.Fatalf("loading data.sql: %v", err)
	}
	if err := execSQL(t, dsnB, readFile(t, filepath.Join(dir, "to.sql"))); err != nil {
		t.Fatalf("loading to.sql: %v", err)
	}
	local := t.TempDir()
	if err := os.WriteFile(filepath.Join(local, "to.sql"), []byte(readFile(t, filepath.Join(dir, "to.sql"))), 0o644); err != nil {
		t.Fatal(err)
	}
	var opts []PlanOption
	if data.online {
		opts = append(opts, WithOnline(true))
	}
	p, err := makePlanFor(t, dsnA, local, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if p.Empty() {
		t.Fatal("the case plans nothing")
	}
	var text bytes.Buffer
	if err := render.SQL(&text, p); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "plan.sql")
	if err := os.WriteFile(file, text.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	// apply -p reads the same steps back.
	read, err := planfile.Read(file, text.String())
	if err != nil {
		t.Fatalf("reading the saved plan back: %v\n%s", err, text.String())
	}
	if len(read.Steps) != len(p.Steps) {
		t.Fatalf("the saved plan reads back as %d steps, the plan has %d:\n%s", len(read.Steps), len(p.Steps), text.String())
	}
	for i, s := range read.Steps {
		if s.SQL != p.Steps[i].SQL || s.Transactional != p.Steps[i].Transactional {
			t.Errorf("step %d reads back as %q (transactional %v), planned %q (transactional %v)",
				i+1, s.SQL, s.Transactional, p.Steps[i].SQL, p.Steps[i].Transactional)
		}
	}

	cmd := exec.Command(psql, "-v", "ON_ERROR_STOP=1", "-X", "-q", "-f", file, dsnA)
	cmd.Env = append(os.Environ(),
		"PGOPTIONS=-c check_function_bodies=on -c standard_conforming_strings=off",
		"PGCLIENTENCODING=LATIN1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("psql -f plan.sql: %v\n%s\nplan:\n%s", err, out, text.String())
	}
	if diff, err := pgtest.CompareSchemas(ctx, srv, dsnA, dsnB); err != nil {
		t.Fatal(err)
	} else if diff != "" {
		t.Fatalf("after psql ran the saved plan, the database differs from to.sql (-applied +to.sql):\n%s\nplan:\n%s", diff, text.String())
	}
	if err := checkData(t, dsnA, data.check); err != nil {
		t.Fatal(err)
	}
	again, err := makePlanFor(t, dsnA, local, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Empty() {
		t.Fatalf("second plan after psql ran the saved plan is not empty:\n%s\nfirst plan:\n%s", planSQL(again), text.String())
	}
}

// psqlBinary finds psql: next to the test server's binaries, else the
// distribution's (psql talks to servers of other major versions). It fails
// the test when there is none.
func psqlBinary(t *testing.T) string {
	t.Helper()
	var cands []string
	if srv.BinDir() != "" {
		cands = append(cands, filepath.Join(srv.BinDir(), "psql"))
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/psql")
	cands = append(cands, matches...)
	if p, err := exec.LookPath("psql"); err == nil {
		cands = append(cands, p)
	}
	for _, c := range cands {
		if fi, err := os.Stat(c); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return c
		}
	}
	t.Fatalf("no psql found (looked at %v): install the PostgreSQL client (apt-get install postgresql-client)", cands)
	return ""
}
