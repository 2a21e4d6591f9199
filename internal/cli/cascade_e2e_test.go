package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCascadeGate: removing a reference row (a country) whose orders
// have ON DELETE CASCADE (and their lines in turn, and customers ON
// DELETE SET NULL) is not "1 row deleted": the plan names every table
// reached with the rows counted on the target, --allow-row-deletes does
// not let it through, --allow-data-loss does, and the counts are what the
// apply then deletes. A removed country nothing refers to is allowed by
// --allow-row-deletes alone. The plan's own deletes of another data
// table's rows (cities) are not counted as reached.
func TestCascadeGate(t *testing.T) {
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, `
		CREATE TABLE countries (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text NOT NULL UNIQUE, name text NOT NULL);
		CREATE TABLE cities (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		    country_id integer NOT NULL REFERENCES countries ON DELETE CASCADE, name text NOT NULL, UNIQUE (country_id, name));
		CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		    country_id integer NOT NULL REFERENCES countries ON DELETE CASCADE, total numeric NOT NULL);
		CREATE TABLE order_lines (order_id bigint NOT NULL REFERENCES orders ON DELETE CASCADE, n integer NOT NULL, PRIMARY KEY (order_id, n));
		CREATE TABLE customers (id integer PRIMARY KEY, country_id integer REFERENCES countries ON DELETE SET NULL);
		CREATE TABLE suppliers (id integer PRIMARY KEY, country_id integer DEFAULT 1 REFERENCES countries ON DELETE SET DEFAULT);
		INSERT INTO countries (code, name) VALUES ('de', 'Germany'), ('it', 'Italy'), ('fr', 'France');
		INSERT INTO cities (country_id, name) SELECT id, 'Rome' FROM countries WHERE code = 'it';
		INSERT INTO orders (country_id, total) SELECT c.id, g FROM countries c, generate_series(1, 1000) g WHERE c.code = 'it';
		INSERT INTO orders (country_id, total) SELECT c.id, g FROM countries c, generate_series(1, 7) g WHERE c.code = 'de';
		INSERT INTO order_lines SELECT o.id, n FROM orders o, generate_series(1, 2) n;
		INSERT INTO customers SELECT g, c.id FROM countries c, generate_series(1, 5) g WHERE c.code = 'it';
		INSERT INTO suppliers SELECT g, c.id FROM countries c, generate_series(1, 3) g WHERE c.code = 'it';`)
	work := t.TempDir()
	dir := filepath.Join(work, "shop")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "renovate.hcl"), `
data "public.countries" {
  key = ["code"]
}
data "public.cities" {
  key = ["country_id", "name"]
}
environment "default" {
  url = `+hclString(dsn)+`
}
`)
	if out, errOut, code := run(t, work, "", false, "init", "--source", dsn, "--dir", "shop"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	countries := filepath.Join(dir, "public", "data", "countries.sql")
	cities := filepath.Join(dir, "public", "data", "cities.sql")
	without := func(path, what string) {
		t.Helper()
		var keep []string
		for _, l := range strings.SplitAfter(readFile(t, path), "\n") {
			if !strings.Contains(l, what) {
				keep = append(keep, l)
			}
		}
		writeFile(t, path, strings.Join(keep, ""))
	}

	// France: nothing refers to it.
	without(countries, "'fr'")
	gitCommit(t, dir, "countries: France removed")
	out, errOut, code := run(t, dir, "", false, "plan")
	if code != 0 || strings.Contains(out, "cascades_data") {
		t.Fatalf("plan removing France: exit %d, want no cascades_data\n%s%s", code, out, errOut)
	}
	if out, errOut, code := run(t, dir, "", false, "apply", "--yes"); code != ExitRefused {
		t.Fatalf("apply without a data-loss flag: exit %d, want %d\n%s%s", code, ExitRefused, out, errOut)
	}
	if out, errOut, code := run(t, dir, "", false, "apply", "--yes", "--allow-row-deletes"); code != 0 {
		t.Fatalf("apply --allow-row-deletes of a row nothing refers to: exit %d\n%s%s", code, out, errOut)
	}

	// Italy: 1,000 orders, their 2,000 lines and 5 customers refer to it
	// (and Rome, which the plan deletes itself).
	without(countries, "'it'")
	without(cities, "'Rome'")
	gitCommit(t, dir, "countries: Italy removed")
	out, errOut, code = run(t, dir, "", false, "plan", "--format", "json")
	if code != 0 {
		t.Fatalf("plan: exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		`"kind": "cascades_data"`,
		"deletes 1000 rows of public.orders (ON DELETE CASCADE)",
		"deletes 2000 rows of public.order_lines (ON DELETE CASCADE)",
		"sets to NULL the reference of 5 rows of public.customers (ON DELETE SET NULL)",
		"sets to its default the reference of 3 rows of public.suppliers (ON DELETE SET DEFAULT)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("plan lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "of public.cities (ON DELETE") {
		t.Errorf("the plan deletes Rome itself, before Italy: cities are not reached through the cascade:\n%s", out)
	}
	out, errOut, code = run(t, dir, "", false, "apply", "--yes", "--allow-row-deletes")
	if code != ExitRefused || !strings.Contains(out+errOut, "public.orders") {
		t.Fatalf("apply --allow-row-deletes of a row with cascades: exit %d, want %d naming public.orders\n%s%s", code, ExitRefused, out, errOut)
	}
	if got := queryRows(t, dsn, "SELECT count(*)::text FROM orders"); got != "1007" {
		t.Fatalf("the refused apply changed orders: %s rows", got)
	}
	if out, errOut, code := run(t, dir, "", false, "apply", "--yes", "--allow-data-loss"); code != 0 {
		t.Fatalf("apply --allow-data-loss: exit %d\n%s%s", code, out, errOut)
	}
	got := queryRows(t, dsn, "SELECT (SELECT count(*) FROM orders)::text, (SELECT count(*) FROM order_lines)::text, (SELECT count(*) FROM customers WHERE country_id IS NULL)::text, (SELECT count(*) FROM suppliers s JOIN countries c ON c.id = s.country_id WHERE c.code = 'de')::text, (SELECT string_agg(code, ',' ORDER BY code) FROM countries)")
	if got != "7|14|5|3|de" {
		t.Errorf("after the apply: orders|lines|customers without country|suppliers moved to the default (de)|countries = %s, want 7|14|5|3|de", got)
	}
	if out, errOut, code := run(t, dir, "", false, "plan", "--detailed-exitcode"); code != 0 {
		t.Errorf("second plan: exit %d, want 0\n%s%s", code, out, errOut)
	}
}
