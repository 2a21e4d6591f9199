package cli

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/gitrepo"
	"github.com/renovate-pg/renovate/state/catalog"
)

// initRepo makes a database from sql, runs renovate init into work/name
// and returns the dsn and the directory.
func initDB(t *testing.T, sql string) (dsn, dir string) {
	t.Helper()
	dsn = srv.NewDatabase(t)
	if sql != "" {
		execDB(t, dsn, sql)
	}
	work := t.TempDir()
	if out, errOut, code := run(t, work, "", false, "init", "--source", dsn, "--dir", "db"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	return dsn, filepath.Join(work, "db")
}

// git runs the git binary in dir and returns its output.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// headFiles lists the files of HEAD.
func headFiles(t *testing.T, dir string) []string {
	t.Helper()
	return strings.Fields(git(t, dir, "ls-tree", "-r", "--name-only", "HEAD"))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func assertClean(t *testing.T, dir string) {
	t.Helper()
	repo, err := gitrepo.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if dirty, err := repo.Dirty(dir); err != nil || len(dirty) != 0 {
		t.Errorf("repository not clean: %v %v", dirty, err)
	}
}

// TestReadmeSequence runs the README's workflow as written: plans saved
// under .renovate/ (which init's .gitignore lists) apply and are never
// committed; the old spellings (plan -o plan.sql, plan > plan.sql) work
// too and are never committed either.
func TestReadmeSequence(t *testing.T) {
	dsn, dir := initDB(t, "CREATE TABLE users (id int PRIMARY KEY)")
	if ign, _ := os.ReadFile(filepath.Join(dir, ".gitignore")); !strings.Contains(string(ign), "/.renovate/") || !strings.Contains(string(ign), ".env") {
		t.Errorf("init's .gitignore:\n%s", ign)
	}
	addTable := func(name string) {
		p := filepath.Join(dir, "public", "tables", name+".sql")
		writeFile(t, p, "CREATE TABLE public."+name+" (id integer);\n")
		commitFiles(t, "add "+name, p)
	}

	// renovate plan -o .renovate/plan.sql; renovate apply -p .renovate/plan.sql
	addTable("a")
	if out, errOut, code := run(t, dir, "", false, "plan", "-o", ".renovate/plan.sql"); code != 0 {
		t.Fatalf("plan -o .renovate/plan.sql: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code := run(t, dir, "", false, "apply", "-p", ".renovate/plan.sql", "--yes")
	if code != 0 || !tableExists(t, dsn, "a") {
		t.Fatalf("apply -p .renovate/plan.sql: exit %d\n%s%s", code, out, errOut)
	}
	assertClean(t, dir)

	// renovate plan -o plan.sql; renovate apply -p plan.sql
	addTable("b")
	if out, errOut, code := run(t, dir, "", false, "plan", "-o", "plan.sql"); code != 0 {
		t.Fatalf("plan -o plan.sql: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = run(t, dir, "", false, "apply", "-p", "plan.sql", "--yes")
	if code != 0 || !tableExists(t, dsn, "b") {
		t.Fatalf("apply -p plan.sql: exit %d\n%s%s", code, out, errOut)
	}

	// renovate plan > plan2.sql (the shell makes the file first), then a
	// plain apply.
	addTable("c")
	redirect := filepath.Join(dir, "plan2.sql")
	writeFile(t, redirect, "")
	out, errOut, code = run(t, dir, "", false, "plan")
	if code != 0 {
		t.Fatalf("plan > plan2.sql: exit %d\n%s%s", code, out, errOut)
	}
	writeFile(t, redirect, out)
	out, errOut, code = run(t, dir, "", false, "apply", "--yes")
	if code != 0 || !tableExists(t, dsn, "c") || !strings.Contains(errOut, "saved plans") {
		t.Fatalf("apply beside an uncommitted plan2.sql: exit %d\n%s%s", code, out, errOut)
	}
	// ... and plan2.sql can still be applied as saved (nothing to do now
	// but refuse as stale, since c exists): it is not committed either.
	files := headFiles(t, dir)
	for _, f := range []string{"plan.sql", "plan2.sql", ".renovate/plan.sql"} {
		if contains(files, f) {
			t.Errorf("the saved plan %s was committed", f)
		}
	}
	if !contains(files, ".gitignore") {
		t.Errorf("init did not commit .gitignore: %v", files)
	}
}

// TestSavedPlanOlderCommit (#6): a plan saved before a later commit is
// refused, naming the files that changed and how to plan again; the
// later commit's file is untouched and the database unchanged. A plan
// of uncommitted files is refused as well.
func TestSavedPlanOlderCommit(t *testing.T) {
	dsn, dir := initDB(t, "CREATE TABLE users (id int PRIMARY KEY)")
	writeFile(t, filepath.Join(dir, "public", "tables", "a.sql"), "CREATE TABLE public.a (id integer);\n")
	gitCommit(t, dir, "add a")
	old := filepath.Join(t.TempDir(), "old.sql")
	if out, errOut, code := run(t, dir, "", false, "plan", "-o", old); code != 0 {
		t.Fatalf("plan -o: exit %d\n%s%s", code, out, errOut)
	}
	bFile := filepath.Join(dir, "public", "tables", "b.sql")
	writeFile(t, bFile, "CREATE TABLE public.b (id integer);\n")
	gitCommit(t, dir, "add b")

	out, errOut, code := run(t, dir, "", false, "apply", "-p", old, "--yes")
	if code != ExitRefused {
		t.Fatalf("apply -p of a plan from an older commit: exit %d, want %d\n%s%s", code, ExitRefused, out, errOut)
	}
	for _, want := range []string{"public/tables/b.sql", "renovate plan -o"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("refusal lacks %q:\n%s", want, errOut)
		}
	}
	if _, err := os.Stat(bFile); err != nil {
		t.Errorf("b.sql is gone: %v", err)
	}
	if !contains(headFiles(t, dir), "public/tables/b.sql") {
		t.Error("b.sql left HEAD")
	}
	if tableExists(t, dsn, "a") {
		t.Error("the refused plan ran")
	}

	// A plan made from uncommitted changes, then committed: refused too.
	cFile := filepath.Join(dir, "public", "tables", "a.sql")
	writeFile(t, cFile, "CREATE TABLE public.a (id integer);\nCREATE TABLE public.c (id integer);\n")
	dirtyPlan := filepath.Join(t.TempDir(), "dirty.sql")
	_, errOut, code = run(t, dir, "", false, "plan", "-o", dirtyPlan)
	if code != 0 || !strings.Contains(errOut, "uncommitted changes") {
		t.Fatalf("plan -o from a dirty tree: exit %d, want a note\n%s", code, errOut)
	}
	gitCommit(t, dir, "add c to a.sql")
	_, errOut, code = run(t, dir, "", false, "apply", "-p", dirtyPlan, "--yes")
	if code != ExitRefused || !strings.Contains(errOut, "uncommitted changes") {
		t.Fatalf("apply -p of a plan of uncommitted files: exit %d\n%s", code, errOut)
	}

	// A plan from HEAD applies; one that differs from HEAD only by
	// renovate's records (the apply's own commit) is accepted with a note.
	fresh := filepath.Join(t.TempDir(), "fresh.sql")
	if _, errOut, code := run(t, dir, "", false, "plan", "-o", fresh); code != 0 {
		t.Fatalf("plan -o: exit %d\n%s", code, errOut)
	}
	if err := os.MkdirAll(filepath.Join(dir, "_meta"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "_meta", "notes.sql"), "-- a record\n")
	gitCommit(t, dir, "a record-only commit")
	out, errOut, code = run(t, dir, "", false, "apply", "-p", fresh, "--yes")
	if code != 0 || !strings.Contains(errOut, "has the same schema files") {
		t.Fatalf("apply -p across a record-only commit: exit %d\n%s%s", code, out, errOut)
	}
	for _, tbl := range []string{"a", "b", "c"} {
		if !tableExists(t, dsn, tbl) {
			t.Errorf("%s was not created", tbl)
		}
	}
	assertClean(t, dir)
}

// TestSourcesMustBeTracked (#7): plan and apply refuse .sql files git
// ignores or does not track, and links that leave the repository.
func TestSourcesMustBeTracked(t *testing.T) {
	cases := []struct {
		name, want string
		setup      func(t *testing.T, dir string)
	}{
		{"ignored", "ignored by git", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, ".gitignore"), "hidden*.sql\n")
			gitCommit(t, dir, "ignore hidden*.sql")
			writeFile(t, filepath.Join(dir, "public", "tables", "hidden.sql"), "CREATE TABLE public.sneaky (id integer);\n")
		}},
		{"untracked", "untracked", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "public", "tables", "hidden.sql"), "CREATE TABLE public.sneaky (id integer);\n")
		}},
		{"link outside", "outside the repository", func(t *testing.T, dir string) {
			target := filepath.Join(t.TempDir(), "outside.sql")
			writeFile(t, target, "CREATE TABLE public.sneaky (id integer);\n")
			if err := os.Symlink(target, filepath.Join(dir, "public", "tables", "hidden.sql")); err != nil {
				t.Fatal(err)
			}
			gitCommit(t, dir, "a link")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dsn, dir := initDB(t, "CREATE TABLE users (id int PRIMARY KEY)")
			tc.setup(t, dir)
			for _, args := range [][]string{{"plan"}, {"apply", "--yes"}} {
				out, errOut, code := run(t, dir, "", false, args...)
				if code != ExitRefused || !strings.Contains(errOut, "public/tables/hidden.sql") || !strings.Contains(errOut, tc.want) {
					t.Errorf("%s: exit %d, want %d naming public/tables/hidden.sql (%s)\n%s%s", args[0], code, ExitRefused, tc.want, out, errOut)
				}
			}
			if tableExists(t, dsn, "sneaky") {
				t.Error("the file git does not hold was applied")
			}
		})
	}
}

// TestInitCommitsOnlyItsFiles (#5): init commits what it wrote, never a
// .env or other files already there, and warns; apply --allow-dirty
// commits only its record and the files it rewrote.
func TestInitCommitsOnlyItsFiles(t *testing.T) {
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, "CREATE TABLE users (id int PRIMARY KEY)")
	dir := filepath.Join(t.TempDir(), "db")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, ".env"), "PGPASSWORD=hunter2-secret\n")
	writeFile(t, filepath.Join(dir, "prod.pgpass"), "db:5432:*:app:hunter2-secret\n")
	writeFile(t, filepath.Join(dir, "notes.txt"), "my notes\n")
	out, errOut, code := run(t, dir, "", false, "init", "--source", dsn, "--dir", ".")
	if code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, ".env") || !strings.Contains(errOut, "prod.pgpass") || !strings.Contains(errOut, "secret") {
		t.Errorf("init did not warn about the secrets:\n%s", errOut)
	}
	files := headFiles(t, dir)
	for _, f := range []string{".env", "prod.pgpass", "notes.txt"} {
		if contains(files, f) {
			t.Errorf("init committed %s", f)
		}
	}
	if !contains(files, "public/tables/users.sql") || !contains(files, "renovate.hcl") {
		t.Errorf("init did not commit its files: %v", files)
	}
	if log := git(t, dir, "log", "-p", "--all"); strings.Contains(log, "hunter2") {
		t.Error("a secret is in the git history")
	}

	writeFile(t, filepath.Join(dir, "public", "tables", "a.sql"), "CREATE TABLE public.a (id integer);\n")
	commitFiles(t, "add a", filepath.Join(dir, "public", "tables", "a.sql"))
	writeFile(t, filepath.Join(dir, "scratch.txt"), "unrelated\n")
	writeFile(t, filepath.Join(dir, "id_rsa"), "-----BEGIN PRIVATE KEY-----\n")
	out, errOut, code = run(t, dir, "", false, "apply", "--yes", "--allow-dirty")
	if code != 0 {
		t.Fatalf("apply --allow-dirty: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "id_rsa") {
		t.Errorf("apply did not warn about id_rsa:\n%s", errOut)
	}
	files = headFiles(t, dir)
	for _, f := range []string{"scratch.txt", "id_rsa", ".env", "notes.txt"} {
		if contains(files, f) {
			t.Errorf("apply --allow-dirty committed %s", f)
		}
	}
	if !strings.Contains(git(t, dir, "show", "--stat", "HEAD"), "outcome.json") {
		t.Error("apply did not commit its record")
	}
}

// TestApplyUnrecordable (#8): when the run cannot be recorded, apply
// refuses before the database changes. Root ignores permission bits, so
// the record's directory is blocked by a file where it must go; the
// chmod variant runs when the tests are not root.
func TestApplyUnrecordable(t *testing.T) {
	check := func(t *testing.T, dsn, dir string) {
		t.Helper()
		before := git(t, dir, "rev-parse", "HEAD")
		out, errOut, code := run(t, dir, "", false, "apply", "--yes")
		if code != ExitRefused || !strings.Contains(errOut, "nothing was applied") {
			t.Fatalf("apply into an unwritable repository: exit %d, want %d\n%s%s", code, ExitRefused, out, errOut)
		}
		if strings.Contains(errOut+out, "Recorded in") {
			t.Errorf("claims a record:\n%s%s", out, errOut)
		}
		if tableExists(t, dsn, "a") {
			t.Error("the database changed although the run could not be recorded")
		}
		if after := git(t, dir, "rev-parse", "HEAD"); after != before {
			t.Error("a commit was made")
		}
	}
	t.Run("file in the way", func(t *testing.T) {
		dsn, dir := initDB(t, "CREATE TABLE users (id int PRIMARY KEY)")
		writeFile(t, filepath.Join(dir, "public", "tables", "a.sql"), "CREATE TABLE public.a (id integer);\n")
		writeFile(t, filepath.Join(dir, "_meta"), "a file where the records' directory must go\n")
		gitCommit(t, dir, "add a")
		check(t, dsn, dir)
	})
	t.Run("read-only file system", func(t *testing.T) {
		// As root, write permissions mean nothing: the repository is
		// made read-only by a read-only bind mount in a mount namespace
		// of the renovate process alone.
		if os.Geteuid() != 0 {
			t.Skip("not root: a read-only bind mount needs root; the \"read-only\" case covers this")
		}
		if _, err := exec.LookPath("unshare"); err != nil {
			t.Skip("no unshare(1) for a private mount namespace")
		}
		if out, err := exec.Command("unshare", "-m", "true").CombinedOutput(); err != nil {
			t.Skipf("cannot create a mount namespace here: %v %s", err, out)
		}
		dsn, dir := initDB(t, "CREATE TABLE users (id int PRIMARY KEY)")
		writeFile(t, filepath.Join(dir, "public", "tables", "a.sql"), "CREATE TABLE public.a (id integer);\n")
		gitCommit(t, dir, "add a")
		before := git(t, dir, "rev-parse", "HEAD")
		bin := buildRenovate(t)
		cmd := exec.Command("unshare", "-m", "sh", "-c",
			`mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && cd "$1" && exec "$2" apply --yes`, "sh", dir, bin)
		cmd.Env = childEnv()
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != ExitRefused || !strings.Contains(string(out), "nothing was applied") {
			t.Fatalf("apply into a read-only repository: %v, want exit %d saying nothing was applied\n%s", err, ExitRefused, out)
		}
		if strings.Contains(string(out), "Recorded in") {
			t.Errorf("claims a record:\n%s", out)
		}
		if tableExists(t, dsn, "a") {
			t.Error("the database changed although the run could not be recorded")
		}
		if after := git(t, dir, "rev-parse", "HEAD"); after != before {
			t.Error("a commit was made")
		}
	})
	t.Run("read-only", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("running as root, which writes read-only directories anyway; the \"read-only file system\" case covers this")
		}
		dsn, dir := initDB(t, "CREATE TABLE users (id int PRIMARY KEY)")
		writeFile(t, filepath.Join(dir, "public", "tables", "a.sql"), "CREATE TABLE public.a (id integer);\n")
		gitCommit(t, dir, "add a")
		if out, err := exec.Command("chmod", "-R", "a-w", dir).CombinedOutput(); err != nil {
			t.Fatalf("chmod: %v\n%s", err, out)
		}
		t.Cleanup(func() { _ = exec.Command("chmod", "-R", "u+w", dir).Run() })
		check(t, dsn, dir)
	})
}

// TestInterruptedRunRecovered (#8): a record left in progress (renovate
// killed, or the outcome not written) does not block the next fetch or
// apply as dirt: they say what state the run was left in, record it as
// interrupted and commit it, then go on.
func TestInterruptedRunRecovered(t *testing.T) {
	dsn, dir := initDB(t, "CREATE TABLE users (id int PRIMARY KEY)")
	writeFile(t, filepath.Join(dir, "public", "tables", "a.sql"), "CREATE TABLE public.a (id integer);\n")
	gitCommit(t, dir, "add a")

	// A run killed between its record and its first statement, made by
	// the binary itself: kill it while its statement waits for a lock.
	bin := buildRenovate(t)
	blocker := mustConn(t, dsn)
	if _, err := blocker.Exec(ctxT(), "BEGIN; LOCK TABLE public.users IN ACCESS SHARE MODE"); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "public", "tables", "users.sql"), strings.Replace(readFile(t, filepath.Join(dir, "public", "tables", "users.sql")), "id integer NOT NULL", "id integer NOT NULL,\n    note text", 1))
	gitCommit(t, dir, "users: note")
	cmd := exec.Command(bin, "apply", "--yes", "--lock-timeout", "60s")
	cmd.Dir = dir
	cmd.Env = childEnv()
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, func() bool {
		return queryRows(t, dsn, "SELECT query FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() AND query ILIKE '%ALTER TABLE%'") != ""
	}, func() string { return out.String() })
	runs, _ := filepath.Glob(filepath.Join(dir, "_meta", "plans", "*", "outcome.json"))
	if len(runs) != 1 || !strings.Contains(readFile(t, runs[0]), `"in_progress"`) {
		t.Fatalf("while the statement waits, the run is recorded in progress: %v\n%s", runs, out.String())
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	// The orphaned backend ends with the lock it waited for: nothing ran.
	if _, err := blocker.Exec(ctxT(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	blocker.Close(ctxT())
	waitUntil(t, func() bool {
		return queryRows(t, dsn, "SELECT pid::text FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()") == ""
	}, func() string {
		return "backends still running: " + queryRows(t, dsn, "SELECT pid::text, application_name, state, query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
	})

	// fetch finishes the record and goes on.
	o, errOut, code := run(t, dir, "", false, "fetch")
	if code != 0 {
		t.Fatalf("fetch after a killed apply: exit %d\n%s%s", code, o, errOut)
	}
	for _, want := range []string{"did not finish", "none of its statements took effect", "interrupted", "Committed the record"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("fetch's message lacks %q:\n%s", want, errOut)
		}
	}
	rec := readFile(t, runs[0])
	if !strings.Contains(rec, `"interrupted"`) || !strings.Contains(rec, `"recovery"`) {
		t.Errorf("record after recovery:\n%s", rec)
	}
	if st := git(t, dir, "status", "--porcelain", "--", "_meta"); st != "" {
		t.Errorf("the recovered record is not committed:\n%s", st)
	}
	// fetch rewrote users.sql from the database (no note yet): restore
	// the commit, then apply finishes the change.
	git(t, dir, "checkout", "--", ".")
	o, errOut, code = run(t, dir, "", false, "apply", "--yes")
	if code != 0 {
		t.Fatalf("apply after recovery: exit %d\n%s%s", code, o, errOut)
	}
	if got := queryRows(t, dsn, "SELECT count(*)::text FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'note'"); got != "1" {
		t.Errorf("the column was not added after recovery")
	}
	assertClean(t, dir)

	// A record left in progress after the statements ran (the outcome
	// could not be written): the next apply says the plan may have taken
	// effect, and goes on.
	recDir := filepath.Join(dir, "_meta", "plans", "20991231T000000Z")
	if err := os.MkdirAll(recDir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(recDir, "plan.sql"), "-- renovate plan\n")
	writeFile(t, filepath.Join(recDir, "outcome.json"), `{"status": "in_progress", "started": "2099-12-31T00:00:00Z", "finished": "0001-01-01T00:00:00Z", "database": "`+describeDSN(dsn)+`", "fingerprint_before": "not-the-current-one", "steps": 1, "steps_committed": 0}`+"\n")
	o, errOut, code = run(t, dir, "", false, "apply", "--yes")
	if code != 0 || !strings.Contains(errOut, "may have taken effect") {
		t.Fatalf("apply with a record left in progress: exit %d\n%s%s", code, o, errOut)
	}
	assertClean(t, dir)
}

// TestLongNames (#9): 63-byte unicode identifiers (escaped, 189 bytes)
// in a table, its trigger, a function with a long signature: init,
// plan, apply and fetch work, every file name fits, and no temporary
// file is committed. A failed init leaves the directory as it was.
func TestLongNames(t *testing.T) {
	long := strings.Repeat("é", 31) + "x" // 63 bytes
	long2 := strings.Repeat("É", 31) + "y"
	q := func(s string) string { return `"` + s + `"` }
	dsn, dir := initDB(t, `
		CREATE SCHEMA `+q(long)+`;
		CREATE TABLE `+q(long)+`.`+q(long)+` (id int PRIMARY KEY, `+q(long2)+` text);
		CREATE FUNCTION `+q(long)+`.`+q(long)+`(`+q(long)+` integer, `+q(long2)+` text, c numeric, d timestamptz) RETURNS integer LANGUAGE sql AS $$SELECT 1$$;
		CREATE FUNCTION `+q(long)+`.`+q(long2)+`() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
		CREATE TRIGGER `+q(long2)+` BEFORE INSERT ON `+q(long)+`.`+q(long)+` FOR EACH ROW EXECUTE FUNCTION `+q(long)+`.`+q(long2)+`();`)
	_ = long2
	for _, f := range headFiles(t, dir) {
		for _, part := range strings.Split(f, "/") {
			if len(part) > 255 {
				t.Errorf("%s: a component of %d bytes", f, len(part))
			}
		}
		if strings.Contains(f, ".renovate-") {
			t.Errorf("a temporary file was committed: %s", f)
		}
	}
	out, errOut, code := run(t, dir, "", false, "plan", "--detailed-exitcode")
	if code != 0 {
		t.Fatalf("plan after init with long names: exit %d\n%s%s", code, out, errOut)
	}
	// Add a column to the long table; apply rewrites its file.
	var tableFile string
	for _, f := range headFiles(t, dir) {
		if strings.Contains(f, "/tables/") {
			tableFile = filepath.Join(dir, filepath.FromSlash(f))
		}
	}
	writeFile(t, tableFile, strings.Replace(readFile(t, tableFile), "id integer NOT NULL", "id integer NOT NULL,\n    note text", 1))
	gitCommit(t, dir, "note")
	out, errOut, code = run(t, dir, "", false, "apply", "--yes")
	if code != 0 {
		t.Fatalf("apply with long names: exit %d\n%s%s", code, out, errOut)
	}
	assertClean(t, dir)
	for _, f := range headFiles(t, dir) {
		if strings.Contains(f, ".renovate-") || strings.Contains(f, ".data-") {
			t.Errorf("a temporary file was committed: %s", f)
		}
	}
	if out, errOut, code := run(t, dir, "", false, "fetch"); code != 0 || !strings.Contains(out, "up to date") {
		t.Errorf("fetch after apply: exit %d\n%s%s", code, out, errOut)
	}

	// A failed init leaves nothing: a file where the schema's directory
	// must go.
	other := filepath.Join(t.TempDir(), "again")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(other, "public"), "in the way\n")
	_, errOut, code = run(t, other, "", false, "init", "--source", dsn, "--dir", ".")
	if code == 0 {
		t.Fatalf("init over a file in the way succeeded")
	}
	entries, _ := os.ReadDir(other)
	if len(entries) != 1 || entries[0].Name() != "public" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("a failed init left %v\n%s", names, errOut)
	}
	// No dead end: with the file gone, init works.
	if err := os.Remove(filepath.Join(other, "public")); err != nil {
		t.Fatal(err)
	}
	if out, errOut, code := run(t, other, "", false, "init", "--source", dsn, "--dir", "."); code != 0 {
		t.Fatalf("init after a failed init: exit %d\n%s%s", code, out, errOut)
	}
}

func ctxT() context.Context { return context.Background() }

func mustConn(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	conn, err := catalog.Connect(ctxT(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(ctxT()) })
	return conn
}

// waitUntil polls cond for up to 60 seconds.
func waitUntil(t *testing.T, cond func() bool, what func() string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting:\n%s", what())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// commitFiles commits exactly the given files.
func commitFiles(t *testing.T, msg string, paths ...string) {
	t.Helper()
	repo, err := gitrepo.Open(filepath.Dir(paths[0]))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := repo.CommitPaths(paths, msg, time.Now()); err != nil {
		t.Fatal(err)
	}
}
