package cli

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// injection is a value that ends a string literal early where a backslash
// escapes the quote that follows it (standard_conforming_strings off) and
// then drops a table renovate must never touch.
const injection = `\'); DROP TABLE public.victim; --`

// rawSetting connects with plain pgx, without renovate's session settings,
// and shows standard_conforming_strings: what any other client (psql) gets.
func rawSetting(t *testing.T, dsn string) string {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var v string
	if err := conn.QueryRow(context.Background(), "SHOW standard_conforming_strings").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// withUser returns dsn connecting as user.
func withUser(t *testing.T, dsn, user string) string {
	t.Helper()
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatal(err)
		}
		u.User = url.User(user)
		return u.String()
	}
	return dsn + " user=" + user
}

// psqlBinary finds psql: on PATH, else PostgreSQL 15's. The test fails
// when there is none.
func psqlBinary(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("psql"); err == nil {
		return p
	}
	if p := "/usr/lib/postgresql/15/bin/psql"; fileExists(p) {
		return p
	}
	t.Fatal("no psql on PATH or in /usr/lib/postgresql/15/bin: install the postgresql-client package")
	return ""
}

// runPsql runs file with psql against dsn with standard_conforming_strings
// off for the session (PGOPTIONS), stopping at the first error.
func runPsql(t *testing.T, dsn, file string) {
	t.Helper()
	cmd := exec.Command(psqlBinary(t), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dsn, "-f", file)
	cmd.Env = append(os.Environ(), "PGOPTIONS=-c standard_conforming_strings=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("psql -f %s: %v\n%s", filepath.Base(file), err, out)
	}
}

const conformingSchema = `
	CREATE TABLE refs (code text PRIMARY KEY, val text NOT NULL);
	CREATE TABLE notes (id integer PRIMARY KEY);
	CREATE TABLE victim (id integer);`

// conformingValues are the rows promoted: the injection, and backslashes in
// every position.
var conformingValues = [][2]string{
	{"a", injection},
	{"b", `\`},
	{"c", `ends with \`},
	{"d", `\\ two \' and '' quotes \x41 \n`},
	{`e\`, `key with a backslash`},
}

// checkPromoted checks dsn got exactly the staging values and comment,
// and that victim survived.
func checkPromoted(t *testing.T, staging, dsn string) {
	t.Helper()
	if got := queryRows(t, dsn, `SELECT count(*)::text FROM public.victim`); got != "1" {
		t.Fatalf("victim has %s row(s) after the promotion, want 1", got)
	}
	const rows = `SELECT code, val, md5(val) FROM refs ORDER BY code`
	if got, want := queryRows(t, dsn, rows), queryRows(t, staging, rows); got != want {
		t.Errorf("rows do not round-trip:\n got %q\nwant %q", got, want)
	}
	const comment = `SELECT obj_description('public.notes'::regclass, 'pg_class')`
	if got := queryRows(t, dsn, comment); got != injection {
		t.Errorf("comment on notes = %q, want %q", got, injection)
	}
}

// TestConformingStringsOff promotes staging's rows and a table comment,
// each holding a backslash that would end a literal early, to a production
// database whose sessions get standard_conforming_strings off by the
// database's setting, the role's, or PGOPTIONS. The excluded table victim
// must survive and the values must arrive byte for byte. The saved plan
// and the data file, run with psql with the setting off, must be safe too.
func TestConformingStringsOff(t *testing.T) {
	staging := srv.NewDatabase(t)
	execDB(t, staging, conformingSchema)
	for _, v := range conformingValues {
		execDB(t, staging, fmt.Sprintf(`INSERT INTO refs VALUES (%s, %s)`, quoteE(v[0]), quoteE(v[1])))
	}
	execDB(t, staging, `COMMENT ON TABLE notes IS `+quoteE(injection))

	role := "renovate_scs_off"
	execDB(t, staging, fmt.Sprintf(`DO $$ BEGIN CREATE ROLE %s LOGIN SUPERUSER; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
		ALTER ROLE %[1]s SET standard_conforming_strings = off`, role))

	for _, variant := range []string{"database", "role", "PGOPTIONS"} {
		t.Run(variant, func(t *testing.T) {
			production := srv.NewDatabase(t)
			execDB(t, production, conformingSchema+`INSERT INTO victim VALUES (1);`)
			switch variant {
			case "database":
				execDB(t, production, `DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET standard_conforming_strings = off', current_database()); END $$`)
			case "role":
				production = withUser(t, production, role)
			case "PGOPTIONS":
				t.Setenv("PGOPTIONS", "-c standard_conforming_strings=off")
			}
			if got := rawSetting(t, production); got != "off" {
				t.Fatalf("the %s setting did not take: a plain session has standard_conforming_strings %s", variant, got)
			}

			work := t.TempDir()
			dir := filepath.Join(work, "ref")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, "renovate.hcl"), `
default_environment = "staging"
exclude = ["public.victim"]

data "public.refs" {
  key = ["code"]
}

environment "staging" {
  url = `+hclString(staging)+`
}
environment "production" {
  url = `+hclString(production)+`
}
`)
			if out, errOut, code := run(t, work, "", false, "init", "--source", staging, "--dir", "ref", "--env", "staging"); code != 0 {
				t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
			}
			data := filepath.Join(dir, "public", "data", "refs.sql")
			if !strings.Contains(readFile(t, data), "\nSET standard_conforming_strings = on;\n") {
				t.Fatalf("the data file does not set standard_conforming_strings:\n%s", readFile(t, data))
			}
			planFile := filepath.Join(work, "plan.sql")
			if out, errOut, code := run(t, dir, "", false, "plan", "--env", "production", "-o", planFile); code != 0 {
				t.Fatalf("plan: exit %d\n%s%s", code, out, errOut)
			}
			plan := readFile(t, planFile)
			if !strings.Contains(plan, "SET standard_conforming_strings = on;\n") || !strings.Contains(plan, "COMMENT ON TABLE public.notes IS E'") {
				t.Fatalf("saved plan:\n%s", plan)
			}

			if variant == "database" {
				// psql, with the setting off, runs the saved plan and the
				// data file on copies of production.
				for _, file := range []string{planFile, data} {
					replay := srv.NewDatabase(t)
					execDB(t, replay, conformingSchema+`INSERT INTO victim VALUES (1);`)
					if file == data {
						execDB(t, replay, `COMMENT ON TABLE notes IS `+quoteE(injection))
					}
					runPsql(t, replay, file)
					checkPromoted(t, staging, replay)
				}
			}

			if out, errOut, code := run(t, dir, "", false, "apply", "-p", planFile, "--env", "production", "--yes"); code != 0 {
				t.Fatalf("apply -p: exit %d\n%s%s", code, out, errOut)
			}
			checkPromoted(t, staging, production)
			if out, errOut, code := run(t, dir, "", false, "plan", "--env", "production", "--detailed-exitcode"); code != 0 {
				t.Errorf("second plan: exit %d, want 0\n%s%s", code, out, errOut)
			}
		})
	}
}

// quoteE quotes s as an escape string, which reads the same whatever
// standard_conforming_strings says.
func quoteE(s string) string {
	return "E'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
