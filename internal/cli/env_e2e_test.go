package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// queryBool runs a query returning one boolean.
func queryBool(t *testing.T, dsn, sql string) bool {
	t.Helper()
	conn, err := catalog.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var b bool
	if err := conn.QueryRow(context.Background(), sql).Scan(&b); err != nil {
		t.Fatalf("query %q: %v", sql, err)
	}
	return b
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// hclString quotes s for renovate.hcl.
func hclString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestEnvFilters: excluded objects are neither dumped by init or fetch,
// diffed by plan, nor touched by apply, even when their file and the
// database disagree; a view in scope over an excluded table plans fine.
func TestEnvFilters(t *testing.T) {
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, `
		CREATE TABLE users (id serial PRIMARY KEY, name text);
		CREATE TABLE audit_log (id serial PRIMARY KEY, msg text);
		CREATE INDEX audit_log_msg_idx ON audit_log (msg);
		CREATE VIEW recent_audit AS SELECT msg FROM audit_log;
		CREATE FUNCTION legacy_sum(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
		CREATE FUNCTION total(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
		CREATE SCHEMA archive;
		CREATE TABLE archive.old (id int);`)
	work := t.TempDir()
	dir := filepath.Join(work, "shop")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "renovate.hcl"), `
exclude = ["public.audit_*", "kind:function:legacy_*"]

environment "default" {
  url     = `+hclString(dsn)+`
  exclude = ["schema:archive"]
}
`)
	out, errOut, code := run(t, work, "", false, "init", "--source", dsn, "--dir", "shop")
	if code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	var written []string
	files, err := layout.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		written = append(written, f.Path)
	}
	all := strings.Join(written, " ")
	for _, p := range []string{"public/tables/users.sql", "public/views/recent_audit.sql"} {
		if !strings.Contains(all, p) {
			t.Errorf("init did not write %s (wrote %s)", p, all)
		}
	}
	for _, bad := range []string{"audit_log", "legacy_sum", "archive"} {
		if strings.Contains(all, bad) {
			t.Errorf("init wrote a file of an excluded object (%s): %s", bad, all)
		}
	}
	if !strings.Contains(all, "total") {
		t.Errorf("init did not write the function total: %s", all)
	}

	out, errOut, code = run(t, dir, "", true, "plan", "--detailed-exitcode")
	if code != 0 || !strings.Contains(out, "No changes") {
		t.Fatalf("plan after init with excludes: exit %d\n%s%s", code, out, errOut)
	}

	// A file for the excluded table that disagrees with the database, and
	// a change to the excluded table in the database: still no changes.
	auditFile := filepath.Join(dir, "public", "tables", "audit_log.sql")
	auditSQL := "CREATE TABLE public.audit_log (\n    id bigint,\n    other text\n);\n"
	writeFile(t, auditFile, auditSQL)
	gitCommit(t, dir, "a hand-written audit_log that differs")
	execDB(t, dsn, `ALTER TABLE audit_log ADD COLUMN extra int`)
	out, errOut, code = run(t, dir, "", false, "plan", "--detailed-exitcode")
	if code != 0 {
		t.Fatalf("plan with a differing excluded table: exit %d, want 0 (empty plan)\n%s%s", code, out, errOut)
	}

	// A real change next to them: apply touches only users.
	users := filepath.Join(dir, "public", "tables", "users.sql")
	edited := strings.Replace(readFile(t, users), "    name text", "    name text,\n    email text", 1)
	if edited == readFile(t, users) {
		t.Fatalf("could not edit users.sql:\n%s", readFile(t, users))
	}
	writeFile(t, users, edited)
	gitCommit(t, dir, "users: add email")
	out, errOut, code = run(t, dir, "", false, "plan")
	if code != 0 {
		t.Fatalf("plan: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "ADD COLUMN email text") {
		t.Errorf("plan lacks the users change:\n%s", out)
	}
	for _, bad := range []string{"audit_log", "legacy_sum", "archive", "recent_audit"} {
		if strings.Contains(out, bad) {
			t.Errorf("plan mentions %s, which is excluded or unchanged:\n%s", bad, out)
		}
	}
	out, errOut, code = run(t, dir, "", false, "apply", "--yes")
	if code != 0 {
		t.Fatalf("apply: exit %d\n%s%s", code, out, errOut)
	}
	for _, q := range []string{
		`SELECT EXISTS (SELECT FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'email')`,
		`SELECT EXISTS (SELECT FROM information_schema.columns WHERE table_name = 'audit_log' AND column_name = 'extra')`,
		`SELECT EXISTS (SELECT FROM information_schema.columns WHERE table_name = 'audit_log' AND column_name = 'msg')`,
		`SELECT NOT EXISTS (SELECT FROM information_schema.columns WHERE table_name = 'audit_log' AND column_name = 'other')`,
		`SELECT to_regclass('public.audit_log_msg_idx') IS NOT NULL`,
		`SELECT to_regprocedure('public.legacy_sum(integer)') IS NOT NULL`,
		`SELECT to_regclass('archive.old') IS NOT NULL`,
		`SELECT to_regclass('public.recent_audit') IS NOT NULL`,
	} {
		if !queryBool(t, dsn, q) {
			t.Errorf("after apply, expected true: %s", q)
		}
	}
	if got := readFile(t, auditFile); got != auditSQL {
		t.Errorf("apply rewrote the excluded table's file:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "archive")); err == nil {
		t.Error("apply wrote files of the excluded schema")
	}

	// fetch leaves excluded objects alone too.
	out, errOut, code = run(t, dir, "", false, "fetch")
	if code != 0 || !strings.Contains(out, "up to date") {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, errOut)
	}
	if got := readFile(t, auditFile); got != auditSQL {
		t.Errorf("fetch rewrote the excluded table's file:\n%s", got)
	}

	// --url with no --env uses the default environment's filters.
	out, errOut, code = run(t, dir, "", false, "plan", "--url", dsn, "--detailed-exitcode")
	if code != 0 {
		t.Fatalf("plan --url: exit %d\n%s%s", code, out, errOut)
	}
}

// TestEnvConfigErrors: a bad renovate.hcl or a bad variable reference
// stops a command before it connects, naming file, line and column.
func TestEnvConfigErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "t.sql"), "CREATE TABLE t (id int);\nGRANT SELECT ON TABLE t TO {{var.app_rol}};\n")
	// The url points nowhere: reaching it would be a connection error.
	const url = `"postgres://nobody@127.0.0.1:1/none?connect_timeout=1"`
	tests := []struct {
		name, hcl string
		args      []string
		want      string
	}{
		{
			name: "bad pattern",
			hcl:  "environment \"dev\" {\n  url     = " + url + "\n  exclude = [\"kind:tabel:x\"]\n}\n",
			args: []string{"plan"},
			want: `renovate.hcl:3:14: Invalid object pattern: invalid pattern "kind:tabel:x"`,
		},
		{
			name: "unknown variable in vars",
			hcl:  "variable \"app_role\" {\n  default = \"app\"\n}\nenvironment \"dev\" {\n  url  = " + url + "\n  vars = { role = \"x\" }\n}\n",
			args: []string{"fetch"},
			want: `renovate.hcl:6:12: Unknown variable: vars sets "role"`,
		},
		{
			name: "unknown variable in a file",
			hcl:  "variable \"app_role\" {\n  default = \"app\"\n}\nenvironment \"dev\" {\n  url = " + url + "\n}\n",
			args: []string{"plan"},
			want: `t.sql:2:28: unknown variable "app_rol" (defined: app_role)`,
		},
		{
			name: "unknown variable in diff",
			hcl:  "variable \"app_role\" {\n  default = \"app\"\n}\nenvironment \"dev\" {\n  url = " + url + "\n}\n",
			args: []string{"diff", "--from", ".", "--to", "env:dev"},
			want: `t.sql:2:28: unknown variable "app_rol"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			writeFile(t, filepath.Join(dir, "renovate.hcl"), tt.hcl)
			out, errOut, code := run(t, dir, "", false, tt.args...)
			if code != ExitError || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, want 1 with %q\n%s%s", code, tt.want, out, errOut)
			}
			if strings.Contains(errOut, "connecting") {
				t.Errorf("the command connected before reporting the error:\n%s", errOut)
			}
		})
	}
}

// createRole creates a cluster role unless it exists (roles outlive the
// test databases).
func createRole(t *testing.T, dsn, role string) {
	t.Helper()
	execDB(t, dsn, fmt.Sprintf(`DO $$ BEGIN CREATE ROLE %s; EXCEPTION WHEN duplicate_object THEN NULL; END $$`, role))
}

// TestEnvPromotion: staging and production differ in a role name and a
// default value, held by variables. init writes the references back; plan
// shows substituted SQL; diff compares the files with each environment;
// a change applied in staging is shown with references by renovate show
// and replayed in production with apply -p. No password lands anywhere.
func TestEnvPromotion(t *testing.T) {
	const pw = "s3cr3t-pw-e2e"
	staging := srv.NewDatabase(t)
	production := srv.NewDatabase(t)
	createRole(t, staging, "rv_app_stg")
	createRole(t, staging, "rv_app_prd")
	// The CHECK lists every environment's region: literals that equal a
	// variable's value there must stay literals in every write-back.
	setup := `CREATE TABLE users (id int PRIMARY KEY, name text, region text NOT NULL DEFAULT '%s' CHECK (region IN ('eu-staging', 'eu-prod')));
		GRANT SELECT ON users TO %s;`
	execDB(t, staging, fmt.Sprintf(setup, "eu-staging", "rv_app_stg"))
	execDB(t, production, fmt.Sprintf(setup, "eu-prod", "rv_app_prd"))
	t.Setenv("RENOVATE_E2E_PROD_URL", strings.Replace(production, "postgres@", "postgres:"+pw+"@", 1))
	t.Setenv("PGPASSWORD", pw)

	work := t.TempDir()
	dir := filepath.Join(work, "shop")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "renovate.hcl"), `
default_environment = "staging"

variable "app_role" {
  default = "rv_app_stg"
}
variable "region" {
  default = "eu-staging"
}

environment "staging" {
  url = `+hclString(staging)+`
}

environment "production" {
  url  = env("RENOVATE_E2E_PROD_URL")
  vars = { app_role = "rv_app_prd", region = "eu-prod" }
}
`)
	var outputs strings.Builder
	step := func(name string, wantCode int, dir string, args ...string) string {
		t.Helper()
		out, errOut, code := run(t, dir, "", false, args...)
		outputs.WriteString(out + errOut)
		if code != wantCode {
			t.Fatalf("%s: exit %d, want %d\n%s%s", name, code, wantCode, out, errOut)
		}
		return out
	}
	step("init", 0, work, "init", "--source", staging, "--dir", "shop", "--env", "staging")
	users := filepath.Join(dir, "public", "tables", "users.sql")
	usersSQL := readFile(t, users)
	const check = "ARRAY['eu-staging'::text, 'eu-prod'::text]"
	// Role names become references; a literal never does by itself
	// (nothing says the default is the variable and the CHECK is not).
	for _, want := range []string{"TO {{var.app_role}};", "DEFAULT 'eu-staging'", check} {
		if !strings.Contains(usersSQL, want) {
			t.Errorf("init did not write %q:\n%s", want, usersSQL)
		}
	}
	if strings.Contains(usersSQL, "rv_app_stg") || strings.Contains(usersSQL, "{{var.region}}") {
		t.Errorf("init wrote staging's role, or a reference for a literal:\n%s", usersSQL)
	}
	// The user says the default is the region.
	usersSQL = strings.Replace(usersSQL, "DEFAULT 'eu-staging'", "DEFAULT '{{var.region}}'", 1)
	writeFile(t, users, usersSQL)
	gitCommit(t, dir, "users: the default region is the environment's")

	// The same files describe both environments.
	step("plan staging", 0, dir, "plan", "--env", "staging", "--detailed-exitcode")
	step("plan production", 0, dir, "plan", "--env", "production", "--detailed-exitcode")
	step("diff files vs production", 0, dir, "diff", "--from", ".", "--to", "env:production", "--detailed-exitcode")
	// Live staging and live production really differ (role, default).
	out := step("diff staging vs production", ExitChanges, dir, "diff", "--from", "env:staging", "--to", "env:production", "--detailed-exitcode")
	if !strings.Contains(out, "rv_app_stg") {
		t.Errorf("diff of the live environments should grant staging's role:\n%s", out)
	}

	// A change: a column and a grant written with a reference.
	edited := strings.Replace(usersSQL, "    name text,", "    name text,\n    email text,", 1) +
		"GRANT INSERT ON TABLE public.users TO {{var.app_role}};\n"
	writeFile(t, users, edited)
	gitCommit(t, dir, "users: email, insert for the app")

	out = step("plan production shows substituted SQL", ExitChanges, dir, "plan", "--env", "production", "--detailed-exitcode")
	if !strings.Contains(out, "GRANT INSERT ON TABLE public.users TO rv_app_prd") || strings.Contains(out, "{{var.") {
		t.Errorf("production plan should show the substituted grant:\n%s", out)
	}
	out = step("diff files vs production", ExitChanges, dir, "diff", "--from", ".", "--to", "env:production", "--detailed-exitcode", "--format", "sql")
	if !strings.Contains(out, "ADD COLUMN email text") || !strings.Contains(out, "TO rv_app_prd") {
		t.Errorf("diff should show the change for production:\n%s", out)
	}

	step("apply staging", 0, dir, "apply", "--env", "staging", "--yes")
	rewritten := readFile(t, users)
	if !strings.Contains(rewritten, "INSERT ON TABLE public.users TO {{var.app_role}};") || strings.Contains(rewritten, "rv_app_stg") ||
		!strings.Contains(rewritten, "DEFAULT '{{var.region}}'") || !strings.Contains(rewritten, check) {
		t.Errorf("apply's rewrite lost the references or rewrote the CHECK's literals:\n%s", rewritten)
	}
	runs, err := layout.Runs(dir)
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs after the staging apply: %v %v", runs, err)
	}
	if outcome := readFile(t, filepath.Join(dir, runs[0], "outcome.json")); !strings.Contains(outcome, `"environment": "staging"`) {
		t.Errorf("outcome.json does not name the environment:\n%s", outcome)
	}

	// Review what ran in staging, with references, and replay it.
	shown := step("show", 0, dir, "show")
	for _, want := range []string{"ADD COLUMN email text", "GRANT INSERT ON TABLE public.users TO {{var.app_role}};", "(environment staging)", referencesMarker} {
		if !strings.Contains(shown, want) {
			t.Errorf("show lacks %q:\n%s", want, shown)
		}
	}
	if strings.Contains(shown, "rv_app_stg") {
		t.Errorf("show left staging's role in:\n%s", shown)
	}
	raw := step("show --raw", 0, dir, "show", "--raw", filepath.Base(runs[0])[:11])
	if !strings.Contains(raw, "TO rv_app_stg;") {
		t.Errorf("show --raw should print the SQL as it ran:\n%s", raw)
	}
	replay := filepath.Join(work, "replay.sql")
	writeFile(t, replay, shown)
	step("apply the replay in production", 0, dir, "apply", "-p", replay, "--env", "production", "--yes")
	if !queryBool(t, production, `SELECT has_table_privilege('rv_app_prd', 'public.users', 'INSERT')`) {
		t.Error("the replay did not grant INSERT to production's role")
	}
	if queryBool(t, production, `SELECT has_table_privilege('rv_app_stg', 'public.users', 'INSERT')`) {
		t.Error("the replay granted INSERT to staging's role in production")
	}
	step("plan production after the replay", 0, dir, "plan", "--env", "production", "--detailed-exitcode")
	if got := readFile(t, users); got != rewritten {
		t.Errorf("the production apply's rewrite changed the file:\n%s\nwant:\n%s", got, rewritten)
	}
	// fetch from either environment writes the same files: references.
	for _, env := range []string{"production", "staging"} {
		if out := step("fetch "+env, 0, dir, "fetch", "--env", env); !strings.Contains(out, "up to date") {
			t.Errorf("fetch --env %s rewrote files:\n%s", env, out)
		}
	}
	if got := readFile(t, users); !strings.Contains(got, check) {
		t.Errorf("fetch rewrote the CHECK's literals:\n%s", got)
	}
	if !queryBool(t, production, `SELECT pg_get_constraintdef(oid) LIKE '%''eu-staging''%''eu-prod''%' FROM pg_constraint WHERE conname = 'users_region_check'`) {
		t.Error("production's CHECK lost a region")
	}
	runs, _ = layout.Runs(dir)
	if len(runs) != 2 || !strings.Contains(readFile(t, filepath.Join(dir, runs[1], "outcome.json")), `"environment": "production"`) {
		t.Errorf("the production run is not recorded with its environment: %v", runs)
	}
	if shown2 := step("show production run", 0, dir, "show", filepath.Base(runs[1])); !strings.Contains(shown2, "TO {{var.app_role}};") {
		t.Errorf("show of the production run should use references:\n%s", shown2)
	}
	step("show ambiguous prefix", ExitUsage, dir, "show", "2")

	// The password never lands in files, records or output.
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.Contains(readFile(t, p), pw) {
			t.Errorf("%s contains the password", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(outputs.String(), pw) {
		t.Errorf("the password was printed:\n%s", outputs.String())
	}
}
