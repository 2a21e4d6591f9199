package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// ownedDatabase makes a database owned by role (created LOGIN when
// missing), whose objects that role creates, and returns a connection
// string that connects as it, and one that connects as the admin.
func ownedDatabase(t *testing.T, role, sql string) (string, string) {
	t.Helper()
	execDB(t, srv.AdminDSN(), "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"+role+"') THEN CREATE ROLE "+role+" LOGIN; END IF; END$$")
	dsn := srv.NewDatabase(t)
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	execDB(t, dsn, "ALTER DATABASE "+pgx.Identifier{cfg.Database}.Sanitize()+" OWNER TO "+role+"; ALTER SCHEMA public OWNER TO "+role)
	as := withUser(t, dsn, role)
	execDB(t, as, sql)
	return as, dsn
}

// TestInitFidelityOwnersIgnored: a database whose objects belong to the
// role renovate connects as (not the scratch server's own superuser)
// rebuilds exactly when owners are not managed (the default): the check
// compares no owners then, so --strict passes; init says once that
// owners are not managed.
func TestInitFidelityOwnersIgnored(t *testing.T) {
	dsn, _ := ownedDatabase(t, "owners_app", `CREATE TABLE t (id int PRIMARY KEY, note text);
		CREATE VIEW v AS SELECT id FROM t;
		CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
		CREATE TYPE mood AS ENUM ('ok');
		CREATE SCHEMA app;
		CREATE SEQUENCE app.s;`)
	work := t.TempDir()
	out, errOut, code := run(t, work, "", false, "init", "--source", dsn, "--dir", "db", "--strict", "--shadow", srv.AdminDSN())
	if code != ExitOK {
		t.Fatalf("init --strict: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "Checked: the files rebuild the database exactly") {
		t.Fatalf("init did not report an exact rebuild:\n%s%s", out, errOut)
	}
	if n := strings.Count(out+errOut, "owners are not managed"); n != 1 {
		t.Fatalf("init said %d times that owners are not managed, want once:\n%s%s", n, out, errOut)
	}
}

// TestPlanNotesOwnersOnce: plan on a terminal says once that owners are
// not managed; a plan piped as SQL holds no such line; objects owned by
// another role than the connected one turn the note into the warning
// that names them (still once). owners = "manage" is TestInitManagesOwners'.
func TestPlanNotesOwnersOnce(t *testing.T) {
	dsn, admin := ownedDatabase(t, "owners_app", `CREATE TABLE t (id int);`)
	work := t.TempDir()
	if _, errOut, code := run(t, work, "", false, "init", "--source", dsn, "--dir", "db", "--verify=never"); code != ExitOK {
		t.Fatalf("init: exit %d\n%s", code, errOut)
	}
	dir := filepath.Join(work, "db")
	out, errOut, code := run(t, dir, "", true, "plan", "--url", dsn)
	if code != ExitOK || strings.Count(out+errOut, "owners are not managed") != 1 {
		t.Fatalf("plan on a terminal: exit %d, want the note once\n%s%s", code, out, errOut)
	}
	out, errOut, code = run(t, dir, "", false, "plan", "--url", dsn)
	if code != ExitOK || strings.Contains(out+errOut, "owners are not managed") {
		t.Fatalf("plan as SQL: exit %d, want no note in the SQL\n%s%s", code, out, errOut)
	}

	execDB(t, srv.AdminDSN(), "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'owners_other') THEN CREATE ROLE owners_other; END IF; END$$")
	execDB(t, dsn, "CREATE TABLE u (id int)")
	execDB(t, admin, "ALTER TABLE public.u OWNER TO owners_other")
	out, errOut, code = run(t, dir, "", true, "plan", "--url", dsn)
	if code != ExitOK || strings.Count(out+errOut, "owners are not managed") != 1 || !strings.Contains(errOut, "table public.u by owners_other") {
		t.Fatalf("plan with a table of another role: exit %d, want one warning naming it\n%s%s", code, out, errOut)
	}
}

// TestInitManagesOwners: with owners = "manage", init writes every
// object's owner (a role that is a variable's value as {{var.NAME}}),
// the fidelity check compares owners and passes under --strict, nothing
// says owners are not managed, a plan is then empty, and a changed owner
// plans ALTER ... OWNER TO with a security hazard.
func TestInitManagesOwners(t *testing.T) {
	execDB(t, srv.AdminDSN(), "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'owners_other') THEN CREATE ROLE owners_other; END IF; END$$")
	dsn, _ := ownedDatabase(t, "owners_app", `CREATE TABLE t (id int PRIMARY KEY, note text);
		CREATE VIEW v AS SELECT id FROM t;
		CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
		CREATE TYPE mood AS ENUM ('ok');
		CREATE SCHEMA app;
		CREATE SEQUENCE app.s;`)
	dir := filepath.Join(t.TempDir(), "db")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	hcl := "owners = \"manage\"\nvariable \"app_owner\" {\n  default = \"owners_app\"\n}\nenvironment \"default\" {\n  url = \"" + dsn + "\"\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "renovate.hcl"), []byte(hcl), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, dir, "", false, "init", "--source", dsn, "--dir", ".", "--strict", "--shadow", srv.AdminDSN())
	if code != ExitOK || !strings.Contains(out, "Checked: the files rebuild the database exactly") {
		t.Fatalf("init --strict: exit %d, want an exact rebuild\n%s%s", code, out, errOut)
	}
	if strings.Contains(out+errOut, "owners are not managed") {
		t.Fatalf("init says owners are not managed although they are:\n%s%s", out, errOut)
	}
	for path, want := range map[string]string{
		"public/tables/t.sql":    "ALTER TABLE public.t OWNER TO {{var.app_owner}};\n",
		"public/views/v.sql":     "ALTER VIEW public.v OWNER TO {{var.app_owner}};\n",
		"public/functions/f.sql": "ALTER FUNCTION public.f() OWNER TO {{var.app_owner}};\n",
		"public/types/mood.sql":  "ALTER TYPE public.mood OWNER TO {{var.app_owner}};\n",
		"app/schema.sql":         "ALTER SCHEMA app OWNER TO {{var.app_owner}};\n",
		"public/schema.sql":      "ALTER SCHEMA public OWNER TO {{var.app_owner}};\n",
		"app/sequences/s.sql":    "ALTER SEQUENCE app.s OWNER TO {{var.app_owner}};\n",
	} {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil || !strings.Contains(string(b), want) {
			t.Errorf("%s: want a line %q, got (%v):\n%s", path, want, err, b)
		}
	}
	out, errOut, code = run(t, dir, "", false, "plan", "--detailed-exitcode")
	if code != ExitOK {
		t.Fatalf("plan after init: exit %d, want no changes\n%s%s", code, out, errOut)
	}

	p := filepath.Join(dir, "public", "tables", "t.sql")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "OWNER TO {{var.app_owner}}", "OWNER TO owners_other", 1)
	if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = run(t, dir, "", false, "plan", "--format", "json")
	if code != ExitOK || !strings.Contains(out, `"sql": "ALTER TABLE public.t OWNER TO owners_other;\n"`) ||
		!strings.Contains(out, "Changes the owner of table public.t from owners_app to owners_other") {
		t.Fatalf("plan of a changed owner: exit %d\n%s%s", code, out, errOut)
	}
}
