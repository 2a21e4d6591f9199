package engine

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/parser"
)

// TestImportForeignSchema: IMPORT FOREIGN SCHEMA in the files (with LIMIT
// TO, EXCEPT and OPTIONS) becomes, on a database, the foreign tables it
// creates there: the plan creates them as CREATE FOREIGN TABLE, with the
// server and user mapping the files declare, and plans nothing once they
// exist. The remote is another database of the test server, through
// postgres_fdw. The user mapping's password reaches neither the plan nor
// an error; offline, the import is refused with its file and line.
func TestImportForeignSchema(t *testing.T) {
	src, dst := srv.NewDatabase(t), srv.NewDatabase(t)
	if err := execSQL(t, src, `CREATE SCHEMA remote;
CREATE TABLE remote.items (id integer NOT NULL, name text COLLATE "C", price numeric(8,2));
CREATE TABLE remote.orders (id bigint, placed timestamptz);
CREATE TABLE remote.notes (body text NOT NULL);
CREATE TABLE remote.secret (x integer);
INSERT INTO remote.items VALUES (1, 'one', 1.50);`); err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	const secret = "Import-Pw-31c8'x"
	t.Setenv("RENOVATE_TEST_IMPORT_PASSWORD", secret)
	dir := t.TempDir()
	files := fmt.Sprintf(`CREATE EXTENSION postgres_fdw;
CREATE SCHEMA mirror;
CREATE SCHEMA partial;
CREATE SERVER src FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '%s', port '%s', dbname '%s');
CREATE USER MAPPING FOR PUBLIC SERVER src OPTIONS ("user" '%s', password '{{env.RENOVATE_TEST_IMPORT_PASSWORD}}');
IMPORT FOREIGN SCHEMA remote LIMIT TO (items, orders) FROM SERVER src INTO mirror;
IMPORT FOREIGN SCHEMA remote EXCEPT (secret, items, orders) FROM SERVER src INTO partial OPTIONS (import_not_null 'false');
`, u.Hostname(), u.Port(), strings.TrimPrefix(u.Path, "/"), u.User.Username())
	if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(files), 0o644); err != nil {
		t.Fatal(err)
	}

	// Offline the import cannot be expanded: refused with its place.
	res, err := parser.ParseFiles([]parser.File{{Path: "schema.sql", SQL: files}})
	if err != nil {
		t.Fatal(err)
	}
	var unexpanded *parser.UnexpandedImportError
	if err := res.RequireNoImports(); !errors.As(err, &unexpanded) || !strings.Contains(err.Error(), "schema.sql:6:1: IMPORT FOREIGN SCHEMA remote FROM SERVER src needs a database") {
		t.Fatalf("offline: got %v, want the import refused at schema.sql:6:1", err)
	}

	p, err := planAndApply(t, dst, dir)
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, s := range p.Steps {
		all.WriteString(s.SQL)
	}
	sql := all.String()
	for _, want := range []string{
		"CREATE FOREIGN TABLE mirror.items (\n    id integer OPTIONS (column_name 'id') NOT NULL,\n    name text OPTIONS (column_name 'name') COLLATE \"C\",",
		"CREATE FOREIGN TABLE mirror.orders (",
		"SERVER src OPTIONS (schema_name 'remote', table_name 'items')",
		"CREATE FOREIGN TABLE partial.notes (\n    body text OPTIONS (column_name 'body')\n)",
	} {
		if !strings.Contains(sql, want) {
			t.Errorf("the plan lacks %q:\n%s", want, sql)
		}
	}
	for _, unwanted := range []string{"partial.secret", "mirror.notes", "partial.items", "IMPORT FOREIGN SCHEMA", secret} {
		if strings.Contains(sql, unwanted) {
			t.Errorf("the plan holds %q:\n%s", unwanted, sql)
		}
	}
	// The imported tables read the remote.
	conn, err := connect(t, dst)
	if err != nil {
		t.Fatal(err)
	}
	var name string
	if err := conn.QueryRow(context.Background(), "SELECT name FROM mirror.items WHERE id = 1").Scan(&name); err != nil || name != "one" {
		t.Fatalf("reading mirror.items: %q, %v", name, err)
	}
	// A rerun plans nothing: the tables the import makes are there.
	again, err := makePlanFor(t, dst, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Steps) != 0 {
		t.Fatalf("second plan has %d steps, first: %s", len(again.Steps), again.Steps[0].SQL)
	}
}
