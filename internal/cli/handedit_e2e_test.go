package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestHandEditedPlanGates: statements written into a saved plan by hand
// are classified again at apply -p, even with --verify=never: a DO block
// (which could drop anything) needs --allow-unclassified; an UPDATE of a
// table that is not a data table needs --allow-unclassified and
// --allow-data-loss; a plan whose remote_fingerprint line was deleted is
// refused unless --ignore-drift.
func TestHandEditedPlanGates(t *testing.T) {
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, `
		CREATE TABLE victim (id int PRIMARY KEY);
		INSERT INTO victim VALUES (1), (2);
		CREATE TABLE users (id int PRIMARY KEY, email text);
		INSERT INTO users VALUES (1, 'a@example.com');`)
	work := t.TempDir()
	dir := filepath.Join(work, "db")
	if out, errOut, code := run(t, work, "", false, "init", "--source", dsn, "--dir", "db"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	users := filepath.Join(dir, "public", "tables", "users.sql")
	edit := func(comment string) {
		t.Helper()
		b := readFile(t, users)
		b = regexp.MustCompile(`(?m)^COMMENT ON TABLE public\.users IS .*\n`).ReplaceAllString(b, "")
		writeFile(t, users, b+"COMMENT ON TABLE public.users IS '"+comment+"';\n")
		gitCommit(t, dir, "users: "+comment)
	}
	saved := filepath.Join(work, "saved.sql")
	plan := func() string {
		t.Helper()
		if _, errOut, code := run(t, dir, "", false, "plan", "-o", saved); code != 0 {
			t.Fatalf("plan -o: exit %d\n%s", code, errOut)
		}
		return readFile(t, saved)
	}
	apply := func(text string, args ...string) (string, int) {
		t.Helper()
		writeFile(t, saved, text)
		_, errOut, code := run(t, dir, "", false, append([]string{"apply", "-p", saved, "--yes", "--verify=never"}, args...)...)
		return errOut, code
	}
	emails := func() bool {
		return queryBool(t, dsn, `SELECT count(*) = 1 FROM users WHERE email IS NOT NULL`)
	}
	victim := func() bool { return queryBool(t, dsn, `SELECT to_regclass('public.victim') IS NOT NULL`) }

	edit("people")
	original := plan()

	t.Run("do block needs --allow-unclassified", func(t *testing.T) {
		text := original + "\nDO $$BEGIN EXECUTE 'DROP TABLE public.victim'; END$$;\n"
		errOut, code := apply(text, "--allow-data-loss")
		if code != ExitRefused || !strings.Contains(errOut, "--allow-unclassified") || !strings.Contains(errOut, "DO $$") {
			t.Fatalf("exit %d\n%s", code, errOut)
		}
		if !victim() {
			t.Fatal("the DO block ran")
		}
	})
	t.Run("update by hand needs both flags", func(t *testing.T) {
		text := original + "\nUPDATE public.users SET email = NULL;\n"
		errOut, code := apply(text)
		if code != ExitRefused || !strings.Contains(errOut, "--allow-unclassified") {
			t.Fatalf("without flags: exit %d\n%s", code, errOut)
		}
		errOut, code = apply(text, "--allow-unclassified")
		if code != ExitRefused || !strings.Contains(errOut, "--allow-data-loss") || !strings.Contains(errOut, "UPDATE of public.users") {
			t.Fatalf("with --allow-unclassified only: exit %d\n%s", code, errOut)
		}
		if !emails() {
			t.Fatal("the UPDATE ran")
		}
	})
	t.Run("hidden in a renovate-looking step", func(t *testing.T) {
		// A hazard comment cannot vouch for the statement under it.
		text := original + "\n-- step 9: alter table public.users\nDELETE FROM public.users;\n"
		errOut, code := apply(text, "--allow-data-loss")
		if code != ExitRefused || !strings.Contains(errOut, "--allow-unclassified") {
			t.Fatalf("exit %d\n%s", code, errOut)
		}
		if !emails() {
			t.Fatal("the DELETE ran")
		}
	})
	t.Run("deleted fingerprint is refused", func(t *testing.T) {
		if !strings.Contains(original, "-- remote_fingerprint: ") {
			t.Fatalf("the saved plan has no fingerprint line:\n%s", original)
		}
		text := regexp.MustCompile(`(?m)^-- remote_fingerprint: .*\n`).ReplaceAllString(original, "")
		errOut, code := apply(text)
		if code != ExitRefused || !strings.Contains(errOut, "remote_fingerprint") || !strings.Contains(errOut, "--ignore-drift") {
			t.Fatalf("exit %d\n%s", code, errOut)
		}
		if queryBool(t, dsn, `SELECT obj_description('public.users'::regclass) IS NOT NULL`) {
			t.Fatal("the plan without a fingerprint ran")
		}
		// Explicitly asked for: applied without the check.
		if errOut, code := apply(text, "--ignore-drift"); code != 0 {
			t.Fatalf("with --ignore-drift: exit %d\n%s", code, errOut)
		}
		if !queryBool(t, dsn, `SELECT obj_description('public.users'::regclass) = 'people'`) {
			t.Fatal("the plan did not run with --ignore-drift")
		}
	})
	t.Run("allowed explicitly, a DO block runs", func(t *testing.T) {
		edit("humans")
		text := plan() + "\nDO $$BEGIN EXECUTE 'DROP TABLE public.victim'; END$$;\n"
		if errOut, code := apply(text, "--allow-unclassified"); code != 0 {
			t.Fatalf("exit %d\n%s", code, errOut)
		}
		if victim() {
			t.Fatal("the allowed DO block did not run")
		}
	})
	if _, err := os.Stat(saved); err != nil {
		t.Fatal(err)
	}
}
