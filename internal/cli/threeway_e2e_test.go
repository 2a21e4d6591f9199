package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state/catalog"
)

// plansData is the data file of public.plans with the given rows.
func plansData(rows ...string) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "INSERT INTO public.plans (code, price) VALUES (%s);\n", r)
	}
	return b.String()
}

// planRows returns a target's plans rows as "code=price" in code order.
func planRows(t *testing.T, dsn string) string {
	t.Helper()
	conn, err := catalog.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var s string
	if err := conn.QueryRow(context.Background(), `SELECT coalesce(string_agg(code || '=' || price, ' ' ORDER BY code), '') FROM plans`).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestFleet_ThreeWayData: the data file at the commit last applied to a
// target is its base. A row only the target changed stays; one only the
// file changed is updated; one both changed is a conflict that
// on_conflict resolves (source, target, fail); a row only the target has
// is kept or deleted by target_only. No sync-id column is involved: rows
// match by their natural key, code.
func TestFleet_ThreeWayData(t *testing.T) {
	dir, dsns, names := newFleet(t, 3)
	for _, d := range dsns {
		execDB(t, d, `CREATE TABLE plans (code text PRIMARY KEY, price integer NOT NULL);
			INSERT INTO plans VALUES ('basic', 10), ('pro', 20), ('team', 30);`)
	}
	hcl := readFile(t, filepath.Join(dir, ConfigFile))
	policy := func(onConflict, targetOnly string) {
		writeFile(t, filepath.Join(dir, ConfigFile), hcl+fmt.Sprintf("data \"public.plans\" {\n  key         = [\"code\"]\n  on_conflict = %q\n  target_only = %q\n}\n", onConflict, targetOnly))
	}
	policy("source", "keep")
	writeFile(t, filepath.Join(dir, "public", "tables", "plans.sql"), "CREATE TABLE public.plans (\n    code text PRIMARY KEY,\n    price integer NOT NULL\n);\n")
	if err := os.MkdirAll(filepath.Join(dir, "public", "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	dataFile := filepath.Join(dir, "public", "data", "plans.sql")
	writeFile(t, dataFile, plansData("'basic', 10", "'pro', 20", "'team', 30"))
	// The first apply (a new column) records the base: the rows as above.
	writeFile(t, filepath.Join(dir, "public", "tables", "accounts.sql"), "CREATE TABLE public.accounts (\n    id integer PRIMARY KEY,\n    email text NOT NULL,\n    note text\n);\n")
	gitCommit(t, dir, "plans as data, accounts.note")
	if out, errOut, code := runIn(t, session{}, "apply", "--dir", dir, "--env", "tenants", "--yes"); code != 0 {
		t.Fatalf("first apply: exit %d\n%s%s", code, out, errOut)
	}

	// Round 1: on_conflict = source, target_only = keep.
	execDB(t, dsns[0], `UPDATE plans SET price = 25 WHERE code = 'pro'`)                                       // conflict
	execDB(t, dsns[1], `UPDATE plans SET price = 26 WHERE code = 'pro'; INSERT INTO plans VALUES ('vip', 99)`) // conflict, target-only row
	execDB(t, dsns[2], `UPDATE plans SET price = 35 WHERE code = 'team'`)                                      // target change only
	writeFile(t, dataFile, plansData("'basic', 11", "'pro', 21", "'team', 30"))
	gitCommit(t, dir, "prices: basic 11, pro 21")
	out, errOut, code := runIn(t, session{}, "plan", "--dir", dir, "--env", "tenants", "--format", "json")
	if code != 0 {
		t.Fatalf("plan: exit %d\n%s%s", code, out, errOut)
	}
	var pj fleetPlanJSON
	if err := json.Unmarshal([]byte(out), &pj); err != nil {
		t.Fatal(err)
	}
	wantConflicts := map[string]string{names[0]: "code='pro'", names[1]: "code='pro'", names[2]: ""}
	for _, tj := range pj.Targets {
		var keys []string
		for _, c := range tj.Conflicts {
			keys = append(keys, c.Key)
			if c.Resolution != "source" || c.Table.Name != "plans" {
				t.Errorf("%s: conflict %+v", tj.Name, c)
			}
		}
		if strings.Join(keys, " ") != wantConflicts[tj.Name] {
			t.Errorf("%s: conflicts %v, want %q", tj.Name, keys, wantConflicts[tj.Name])
		}
	}
	out, errOut, code = runIn(t, session{}, "plan", "--dir", dir, "--env", "tenants", "--format", "text")
	if code != 0 || !strings.Contains(out, names[0]+": public.plans (code='pro'): changed in the target and in the file; the file's row wins") {
		t.Errorf("plan text does not show the conflict per target and row: exit %d\n%s%s", code, out, errOut)
	}
	if out, errOut, code = runIn(t, session{}, "apply", "--dir", dir, "--env", "tenants", "--yes"); code != 0 {
		t.Fatalf("apply, source wins: exit %d\n%s%s", code, out, errOut)
	}
	for i, want := range []string{"basic=11 pro=21 team=30", "basic=11 pro=21 team=30 vip=99", "basic=11 pro=21 team=35"} {
		if got := planRows(t, dsns[i]); got != want {
			t.Errorf("round 1, target %d: %s, want %s", i, got, want)
		}
	}
	if got := readFile(t, dataFile); got != plansData("'basic', 11", "'pro', 21", "'team', 30") {
		t.Errorf("the data file was rewritten from a target:\n%s", got)
	}

	// Round 2: on_conflict = target, target_only = delete.
	policy("target", "delete")
	execDB(t, dsns[0], `UPDATE plans SET price = 27 WHERE code = 'pro'`)
	writeFile(t, dataFile, plansData("'basic', 11", "'pro', 22", "'team', 30"))
	gitCommit(t, dir, "pro 22; the target wins conflicts; target-only rows go")
	if out, errOut, code = runIn(t, session{}, "apply", "--dir", dir, "--env", "tenants", "--yes"); code != ExitRefused || !strings.Contains(errOut, "--allow-data-loss") {
		t.Fatalf("apply deleting a target-only row without --allow-row-deletes: exit %d, want 3\n%s%s", code, out, errOut)
	}
	if out, errOut, code = runIn(t, session{}, "apply", "--dir", dir, "--env", "tenants", "--yes", "--allow-row-deletes"); code != 0 {
		t.Fatalf("apply, target wins: exit %d\n%s%s", code, out, errOut)
	}
	for i, want := range []string{"basic=11 pro=27 team=30", "basic=11 pro=22 team=30", "basic=11 pro=22 team=35"} {
		if got := planRows(t, dsns[i]); got != want {
			t.Errorf("round 2, target %d: %s, want %s", i, got, want)
		}
	}

	// Round 3: on_conflict = fail: nothing is applied, the row is named.
	policy("fail", "keep")
	execDB(t, dsns[2], `UPDATE plans SET price = 40 WHERE code = 'basic'`)
	writeFile(t, dataFile, plansData("'basic', 12", "'pro', 22", "'team', 30"))
	gitCommit(t, dir, "basic 12; conflicts fail")
	out, errOut, code = runIn(t, session{}, "apply", "--dir", dir, "--env", "tenants", "--yes")
	if code != ExitRefused || !strings.Contains(out, "public.plans (code='basic'): changed in the target and in the file; unresolved") {
		t.Fatalf("apply with an unresolved conflict: exit %d, want 3\n%s%s", code, out, errOut)
	}
	if got := planRows(t, dsns[0]); got != "basic=11 pro=27 team=30" {
		t.Errorf("a target was changed although the run was refused: %s", got)
	}
}
