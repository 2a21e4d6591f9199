package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestInitChecksFidelity: init rebuilds the files it wrote in a scratch
// database and names what did not survive (here the database's own
// settings, which no file holds); --strict makes that an error before
// anything is committed; a database the files rebuild exactly says so;
// fetch checks again, even when no file changed.
func TestInitChecksFidelity(t *testing.T) {
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, `CREATE TABLE t (id int PRIMARY KEY, note text) WITH (fillfactor = 80);
		COMMENT ON COLUMN t.note IS 'kept';`)
	work := t.TempDir()

	// Exact: nothing lost.
	out, errOut, code := run(t, work, "", false, "init", "--source", dsn, "--dir", "exact", "--shadow", srv.AdminDSN())
	if code != ExitOK {
		t.Fatalf("init: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(out, "Checked: the files rebuild the database exactly") || errOut != "" {
		t.Fatalf("init did not report the fidelity check:\n%s%s", out, errOut)
	}

	// The database's settings are not in any file: named, per property.
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	execDB(t, dsn, "ALTER DATABASE "+pgx.Identifier{cfg.Database}.Sanitize()+" SET work_mem = '8MB'")
	_, errOut, code = run(t, work, "", false, "init", "--source", dsn, "--dir", "lossy", "--shadow", srv.AdminDSN())
	if code != ExitOK {
		t.Fatalf("init: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(errOut, `database settings: pg_db_role_setting is "work_mem=8MB", the copy has (unset)`) {
		t.Fatalf("init did not name the lost setting:\n%s", errOut)
	}
	out, errOut, code = run(t, filepath.Join(work, "lossy"), "", false, "fetch", "--shadow", srv.AdminDSN())
	if code != ExitOK || !strings.Contains(out, "Files are up to date") || !strings.Contains(errOut, "pg_db_role_setting") {
		t.Fatalf("fetch: exit %d, want the loss named again\n%s", code, errOut)
	}

	// --strict: an error, and nothing committed.
	_, errOut, code = run(t, work, "", false, "init", "--source", dsn, "--dir", "strict", "--strict", "--shadow", srv.AdminDSN())
	if code == ExitOK || !strings.Contains(errOut, "--strict refuses to go on") {
		t.Fatalf("init --strict: exit %d, want a refusal\n%s", code, errOut)
	}

	// --verify=never: no check at all.
	out, errOut, code = run(t, work, "", false, "init", "--source", dsn, "--dir", "never", "--verify=never")
	if code != ExitOK || strings.Contains(errOut, "pg_db_role_setting") || strings.Contains(out, "Checked") {
		t.Fatalf("init --verify=never: exit %d\n%s", code, errOut)
	}
}
