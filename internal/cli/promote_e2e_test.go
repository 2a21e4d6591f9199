package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state/catalog"
)

// queryRows runs a query and returns its rows as "a|b" lines.
func queryRows(t *testing.T, dsn, sql string) string {
	t.Helper()
	conn, err := catalog.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	rs, err := conn.Query(context.Background(), sql)
	if err != nil {
		t.Fatalf("query %q: %v", sql, err)
	}
	defer rs.Close()
	var lines []string
	for rs.Next() {
		var parts []string
		for _, v := range rs.RawValues() {
			if v == nil {
				parts = append(parts, "NULL")
			} else {
				parts = append(parts, string(v))
			}
		}
		lines = append(lines, strings.Join(parts, "|"))
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(lines, "\n")
}

// TestPromoteStagingToProduction is the promotion flow of DESIGN.md: two
// databases hold the same reference rows under different ids, and an
// audit table, excluded in renovate.hcl, differs on purpose. A change to
// the schema and the reference data is applied to staging from the files,
// then the same commit to production. Production must get exactly the
// intended schema and rows (matched by natural key, its own ids kept for
// the rows that stay), its audit table untouched, and a second plan
// against each database must be empty.
func TestPromoteStagingToProduction(t *testing.T) {
	staging, production := srv.NewDatabase(t), srv.NewDatabase(t)
	const schema = `
		CREATE TABLE currencies (
		    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		    code text NOT NULL UNIQUE,
		    name text NOT NULL
		);
		CREATE TABLE countries (
		    id bigserial PRIMARY KEY,
		    iso text NOT NULL UNIQUE,
		    name text NOT NULL,
		    currency_id integer REFERENCES currencies
		);
		CREATE TABLE audit_log (id bigserial PRIMARY KEY, msg text NOT NULL);`
	execDB(t, staging, schema+`
		INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro'), ('CHF', 'Swiss franc');
		INSERT INTO countries (iso, name, currency_id) VALUES
		    ('de', 'Germany', 1), ('ch', 'Switzerland', 2), ('fr', 'France', 1);
		INSERT INTO audit_log (msg) VALUES ('staging only');`)
	// Production created its rows in another order, after deleted ones.
	execDB(t, production, schema+`
		INSERT INTO currencies (code, name) VALUES ('USD', 'gone'), ('CHF', 'Swiss franc'), ('EUR', 'Euro');
		DELETE FROM currencies WHERE code = 'USD';
		INSERT INTO countries (iso, name, currency_id) VALUES ('xx', 'gone', NULL);
		DELETE FROM countries;
		INSERT INTO countries (iso, name, currency_id) VALUES
		    ('fr', 'France', 3), ('ch', 'Switzerland', 2), ('de', 'Germany', 3);
		INSERT INTO audit_log (msg) VALUES ('production 1'), ('production 2');`)
	prodIDs := queryRows(t, production, `SELECT iso, id FROM countries ORDER BY iso`)

	work := t.TempDir()
	dir := filepath.Join(work, "ref")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "renovate.hcl"), `
default_environment = "staging"
exclude = ["public.audit_log"]

data "public.currencies" {
  key = ["code"]
}
data "public.countries" {
  key = ["iso"]
}

environment "staging" {
  url = `+hclString(staging)+`
}
environment "production" {
  url = `+hclString(production)+`
}
`)
	out, errOut, code := run(t, work, "", false, "init", "--source", staging, "--dir", "ref", "--env", "staging")
	if code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	countries := readFile(t, filepath.Join(dir, "public", "data", "countries.sql"))
	if strings.Contains(countries, "VALUES (1,") || !strings.Contains(countries, "(SELECT id FROM public.currencies WHERE code = 'EUR')") {
		t.Fatalf("countries.sql should name currencies by code and leave ids out:\n%s", countries)
	}
	// Production agrees with the files despite its different ids.
	for _, env := range []string{"staging", "production"} {
		out, errOut, code = run(t, dir, "", false, "plan", "--env", env, "--detailed-exitcode")
		if code != 0 {
			t.Fatalf("plan --env %s before the change: exit %d, want 0\n%s%s", env, code, out, errOut)
		}
	}

	// The change: a column, a new currency and country, a renamed
	// country, one removed.
	writeFile(t, filepath.Join(dir, "public", "tables", "countries.sql"),
		strings.Replace(readFile(t, filepath.Join(dir, "public", "tables", "countries.sql")),
			"    name text NOT NULL,", "    name text NOT NULL,\n    phone_prefix text,", 1))
	writeFile(t, filepath.Join(dir, "public", "data", "currencies.sql"),
		readFile(t, filepath.Join(dir, "public", "data", "currencies.sql"))+
			"INSERT INTO public.currencies (code, name) VALUES ('SEK', 'Swedish krona');\n")
	writeFile(t, filepath.Join(dir, "public", "data", "countries.sql"), `-- hand-edited
INSERT INTO public.countries (iso, name, phone_prefix, currency_id) VALUES ('ch', 'Schweiz', '+41', (SELECT id FROM public.currencies WHERE code = 'CHF'));
INSERT INTO public.countries (iso, name, phone_prefix, currency_id) VALUES ('de', 'Germany', '+49', (SELECT id FROM public.currencies WHERE code = 'EUR'));
INSERT INTO public.countries (iso, name, phone_prefix, currency_id) VALUES ('se', 'Sweden', '+46', (SELECT id FROM public.currencies WHERE code = 'SEK'));
`)
	gitCommit(t, dir, "countries: phone prefixes, Sweden; France removed")

	// Verified on a scratch copy, although audit_log is excluded (the copy
	// has it, the comparison leaves it out); a shadow that cannot verify
	// refuses the apply.
	out, errOut, code = run(t, dir, "", false, "apply", "--env", "staging", "--yes", "--allow-data-loss", "--shadow", srv.AdminDSN())
	if code != 0 {
		t.Fatalf("apply to staging: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "Verified:") || strings.Contains(errOut, "not verified") {
		t.Errorf("apply to staging was not verified:\n%s%s", out, errOut)
	}
	// How staging and production now differ, live database to live
	// database: the same row changes, found by natural key.
	out, errOut, code = run(t, dir, "", false, "diff", "--from", "env:staging", "--to", "env:production")
	if code != 0 {
		t.Fatalf("diff staging production: exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"ADD COLUMN phone_prefix text", "'Sweden'", "'Schweiz'", "DELETE FROM public.countries WHERE iso = 'fr'"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff --from env:staging --to env:production lacks %q:\n%s", want, out)
		}
	}
	// apply committed the refreshed files; production gets the same
	// commit.
	out, errOut, code = run(t, dir, "", false, "plan", "--env", "production")
	if code != 0 {
		t.Fatalf("plan --env production: exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"ADD COLUMN phone_prefix text", "'SEK'", "'Sweden'", "DELETE FROM public.countries WHERE iso = 'fr'"} {
		if !strings.Contains(out, want) {
			t.Errorf("production plan lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "audit_log") {
		t.Errorf("production plan touches the excluded audit_log:\n%s", out)
	}
	// plan --verify with data tables and an exclude: verified, the
	// connection still open for it.
	out, errOut, code = run(t, dir, "", false, "plan", "--env", "production", "--verify", "--shadow", srv.AdminDSN())
	if code != 0 || !strings.Contains(errOut, "Verified:") {
		t.Fatalf("plan --verify --env production: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = run(t, dir, "", false, "apply", "--env", "production", "--yes", "--allow-data-loss", "--shadow", srv.AdminDSN())
	if code != 0 {
		t.Fatalf("apply to production: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "Verified:") || strings.Contains(errOut, "not verified") {
		t.Errorf("apply to production was not verified:\n%s%s", out, errOut)
	}

	const rowsQuery = `SELECT c.iso, c.name, c.phone_prefix, cu.code, cu.name
		FROM countries c LEFT JOIN currencies cu ON cu.id = c.currency_id ORDER BY c.iso`
	want := "ch|Schweiz|+41|CHF|Swiss franc\nde|Germany|+49|EUR|Euro\nse|Sweden|+46|SEK|Swedish krona"
	for _, dsn := range []string{staging, production} {
		if got := queryRows(t, dsn, rowsQuery); got != want {
			t.Errorf("rows after promotion:\n%s\nwant:\n%s", got, want)
		}
	}
	// Production kept its own ids for the rows that stayed.
	gotIDs := queryRows(t, production, `SELECT iso, id FROM countries WHERE iso IN ('ch', 'de') ORDER BY iso`)
	wantIDs := strings.Join(filterLines(prodIDs, "ch|", "de|"), "\n")
	if gotIDs != wantIDs {
		t.Errorf("production ids changed: got\n%s\nwant\n%s", gotIDs, wantIDs)
	}
	if got := queryRows(t, production, `SELECT msg FROM audit_log ORDER BY id`); got != "production 1\nproduction 2" {
		t.Errorf("production's excluded audit_log changed: %q", got)
	}
	if got := queryRows(t, staging, `SELECT msg FROM audit_log ORDER BY id`); got != "staging only" {
		t.Errorf("staging's excluded audit_log changed: %q", got)
	}
	for _, env := range []string{"staging", "production"} {
		out, errOut, code = run(t, dir, "", false, "plan", "--env", env, "--detailed-exitcode")
		if code != 0 {
			t.Errorf("second plan --env %s: exit %d, want 0 (no changes)\n%s%s", env, code, out, errOut)
		}
	}
}

func filterLines(s string, prefixes ...string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		for _, p := range prefixes {
			if strings.HasPrefix(l, p) {
				out = append(out, l)
			}
		}
	}
	return out
}

// TestStaleDataPlan: a saved plan is refused when rows of a data table
// changed in the database after it was made.
func TestStaleDataPlan(t *testing.T) {
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, `CREATE TABLE kinds (code text PRIMARY KEY, label text);
		INSERT INTO kinds VALUES ('a', 'A'), ('b', 'B');`)
	work := t.TempDir()
	dir := filepath.Join(work, "k")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "renovate.hcl"), "data \"kinds\" {}\nenvironment \"default\" {\n  url = "+hclString(dsn)+"\n}\n")
	if out, errOut, code := run(t, work, "", false, "init", "--source", dsn, "--dir", "k"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	data := filepath.Join(dir, "public", "data", "kinds.sql")
	writeFile(t, data, strings.Replace(readFile(t, data), "'A'", "'Alpha'", 1))
	gitCommit(t, dir, "kinds: Alpha")
	planFile := filepath.Join(work, "plan.sql")
	if out, errOut, code := run(t, dir, "", false, "plan", "-o", planFile); code != 0 {
		t.Fatalf("plan: exit %d\n%s%s", code, out, errOut)
	}
	execDB(t, dsn, `UPDATE kinds SET label = 'Bravo' WHERE code = 'b'`)
	out, errOut, code := run(t, dir, "", false, "apply", "-p", planFile, "--yes")
	if code == 0 || !strings.Contains(out+errOut, "the database changed since this plan was made") {
		t.Fatalf("apply of a plan made before a row changed: exit %d, want a refusal\n%s%s", code, out, errOut)
	}
	if got := queryRows(t, dsn, "SELECT label FROM kinds ORDER BY code"); got != "A\nBravo" {
		t.Errorf("the refused plan changed rows: %q", got)
	}
}
