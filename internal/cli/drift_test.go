package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDrift checks renovate drift's exit codes and report against a real
// database: 0 when it matches the files, 2 with a per-object report when it
// does not, 1 on errors; --env picks the database from renovate.hcl.
func TestDrift(t *testing.T) {
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, `
		CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);
		CREATE TABLE legacy (id int);`)
	work := t.TempDir()
	dir := filepath.Join(work, "app")
	if out, errOut, code := run(t, work, "", false, "init", "--source", dsn, "--dir", "app"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}

	out, errOut, code := run(t, dir, "", false, "drift")
	if code != ExitOK || !strings.Contains(out, "No drift") {
		t.Fatalf("drift on an untouched database: exit %d\n%s%s", code, out, errOut)
	}

	// Someone changes production by hand.
	execDB(t, dsn, `
		ALTER TABLE users ADD COLUMN nickname text;
		DROP TABLE legacy;
		CREATE TABLE sneaky (id int);`)
	out, errOut, code = run(t, dir, "", false, "drift")
	if code != ExitChanges {
		t.Fatalf("drift on a changed database: exit %d, want %d\n%s%s", code, ExitChanges, out, errOut)
	}
	for _, want := range []string{
		"differs from the schema files in 3 object(s)",
		"Table public.users differs:",
		"-    nickname text,",
		"Table public.legacy is in the files but missing from the database:",
		"+CREATE TABLE public.legacy (",
		"Table public.sneaky is in the database but in no file:",
		"-CREATE TABLE public.sneaky (",
		"renovate plan",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("drift report lacks %q:\n%s", want, out)
		}
	}
	// drift changes nothing: same answer again, and no files were touched.
	if _, _, again := run(t, dir, "", false, "drift"); again != ExitChanges {
		t.Errorf("second drift: exit %d", again)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "tables", "sneaky.sql")); err == nil {
		t.Errorf("drift must not write files")
	}

	// --env picks the environment of renovate.hcl.
	other := srv.NewDatabase(t)
	execDB(t, other, `
		CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);
		CREATE TABLE legacy (id int);`)
	writeFile(t, filepath.Join(dir, "renovate.hcl"), "default_environment = \"prod\"\n"+
		"environment \"prod\" {\n  url = \""+dsn+"\"\n}\n"+
		"environment \"staging\" {\n  url = \""+other+"\"\n}\n")
	if out, errOut, code := run(t, dir, "", false, "drift", "--env", "staging"); code != ExitOK {
		t.Errorf("drift --env staging: exit %d\n%s%s", code, out, errOut)
	}
	if _, _, code := run(t, dir, "", false, "drift"); code != ExitChanges {
		t.Errorf("drift on the default environment: exit %d, want %d", code, ExitChanges)
	}
	if _, errOut, code := run(t, dir, "", false, "drift", "--env", "nope"); code != ExitError || !strings.Contains(errOut, "nope") {
		t.Errorf("drift --env nope: exit %d\n%s", code, errOut)
	}

	// Errors exit 1, never 0 or 2: a broken file, an unreachable database.
	writeFile(t, filepath.Join(dir, "broken.sql"), "CREATE TABLE ok (id int);\nUPDATE users SET email = '';\n")
	if _, errOut, code := run(t, dir, "", false, "drift", "--url", other); code != ExitError || !strings.Contains(errOut, "broken.sql:2:1: UPDATE") {
		t.Errorf("drift with a broken file: exit %d\n%s", code, errOut)
	}
	os.Remove(filepath.Join(dir, "broken.sql"))
	if _, errOut, code := run(t, dir, "", false, "drift", "--url", "postgres://nobody:sekrit@127.0.0.1:1/nowhere?connect_timeout=2"); code != ExitError || strings.Contains(errOut, "sekrit") {
		t.Errorf("drift against an unreachable database: exit %d\n%s", code, errOut)
	}
	if _, _, code := run(t, dir, "", false, "drift", "extra"); code != ExitUsage {
		t.Errorf("drift with an argument: exit %d", code)
	}
}

// TestDriftSeveralEnvironments: drift --env A,B checks each environment
// under its name and ends with those that drifted (exit 2), or could not
// be checked (exit 1); fetch refuses a list before touching anything.
func TestDriftSeveralEnvironments(t *testing.T) {
	a, b := srv.NewDatabase(t), srv.NewDatabase(t)
	const schema = "CREATE TABLE items (id integer PRIMARY KEY, name text);"
	execDB(t, a, schema)
	execDB(t, b, schema)
	work := t.TempDir()
	dir := filepath.Join(work, "repo")
	if out, errOut, code := run(t, work, "", false, "init", "--source", a, "--dir", "repo"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	writeFile(t, filepath.Join(dir, ConfigFile), "environment \"staging\" {\n  url = "+hclString(a)+"\n}\nenvironment \"production\" {\n  url = "+hclString(b)+"\n}\nenvironment \"gone\" {\n  url = \"postgres://nobody@127.0.0.1:1/none?connect_timeout=2\"\n}\n")
	gitCommit(t, dir, "two environments")

	out, errOut, code := run(t, dir, "", false, "drift", "--env", "staging,production")
	if code != 0 {
		t.Fatalf("drift with no drift: exit %d\n%s%s", code, out, errOut)
	}
	inOrder(t, "drift", out, "== environment staging ==", "No drift", "== environment production ==", "No drift", "0 of 2 environments drifted.")

	execDB(t, b, "ALTER TABLE items ADD COLUMN extra integer")
	out, errOut, code = run(t, dir, "", false, "drift", "--env", "staging,production")
	if code != ExitChanges {
		t.Fatalf("drift with production drifted: exit %d, want %d\n%s%s", code, ExitChanges, out, errOut)
	}
	inOrder(t, "drift", out, "== environment staging ==", "No drift", "== environment production ==", "Drift:", "extra integer", "1 of 2 environments drifted: production.")

	out, errOut, code = run(t, dir, "", false, "drift", "--env", "production,gone")
	if code != ExitError {
		t.Fatalf("drift with an unreachable environment: exit %d, want %d\n%s%s", code, ExitError, out, errOut)
	}
	inOrder(t, "drift", out, "== environment production ==", "Drift:", "== environment gone ==", "1 of 2 environments drifted: production; 1 could not be checked: gone.")
	if !strings.Contains(errOut, "environment gone:") {
		t.Errorf("the error does not name the environment:\n%s", errOut)
	}

	head := gitOutput(t, dir, "rev-parse", "HEAD")
	out, errOut, code = run(t, dir, "", false, "fetch", "--env", "staging,production")
	if code != ExitUsage || !strings.Contains(errOut, "fetch writes the files from one database") {
		t.Fatalf("fetch --env staging,production: exit %d, want %d with the reason\n%s%s", code, ExitUsage, out, errOut)
	}
	if got := gitOutput(t, dir, "rev-parse", "HEAD"); got != head || gitOutput(t, dir, "status", "--porcelain") != "" {
		t.Errorf("the refused fetch changed the repository")
	}
}
