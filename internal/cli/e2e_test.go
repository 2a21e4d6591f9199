package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/internal/gitrepo"
	"github.com/renovate-pg/renovate/state/catalog"
)

// run executes the renovate command tree with args, as a person at a shell
// would (stdin not a terminal unless tty is set), and returns stdout,
// stderr and the exit code.
func run(t *testing.T, dir string, stdin string, tty bool, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	f := &Factory{
		IO:      &IOStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut, InTTY: tty, OutTTY: tty},
		Now:     func() time.Time { now = now.Add(time.Second); return now },
		Connect: catalog.Connect,
		Getenv:  testGetenv(nil),
		Version: "test",
	}
	root := NewCmdRoot(f)
	root.SetArgs(args)
	wd, _ := os.Getwd()
	if dir != "" {
		if err := os.Chdir(dir); err != nil {
			t.Fatal(err)
		}
		defer os.Chdir(wd)
	}
	err := Execute(context.Background(), root)
	if err != nil && Message(err) != "" {
		errOut.WriteString("Error: " + Message(err) + "\n")
	}
	return out.String(), errOut.String(), ExitCode(err)
}

// testGetenv is the environment commands see in tests: env, and
// RENOVATE_VERIFY=never unless env sets it, so that plan on a "terminal"
// does not start a throwaway cluster in every test (the tests of plan
// verification set it, or pass --verify).
func testGetenv(env map[string]string) func(string) string {
	return func(k string) string {
		if v, ok := env[k]; ok {
			return v
		}
		if k == "RENOVATE_VERIFY" {
			return verifyNever
		}
		return ""
	}
}

func execDB(t *testing.T, dsn, sql string) {
	t.Helper()
	conn, err := catalog.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), sql); err != nil {
		t.Fatalf("exec %q: %v", sql, err)
	}
}

func gitCommit(t *testing.T, dir, msg string) {
	t.Helper()
	repo, err := gitrepo.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := repo.CommitAll(dir, msg, time.Now()); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestEndToEnd drives init -> edit -> commit -> plan -> apply -> plan on a
// real database and a real git repository, with the refusals on the way.
func TestEndToEnd(t *testing.T) {
	// The server trusts local connections; the password is there to prove it
	// never lands in files, output or history.
	dsn := strings.Replace(srv.NewDatabase(t), "postgres@", "postgres:s3cr3t-pw@", 1)
	execDB(t, dsn, `
		CREATE TYPE status AS ENUM ('active', 'gone');
		CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, status status NOT NULL DEFAULT 'active');
		CREATE TABLE legacy (id int);
		COMMENT ON TABLE users IS 'people';`)
	work := t.TempDir()
	dir := filepath.Join(work, "hello")

	out, errOut, code := run(t, work, "", false, "init", "--source", dsn, "--dir", "hello")
	if code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	for _, p := range []string{"renovate.hcl", "public/schema.sql", "public/tables/users.sql", "public/tables/legacy.sql", "public/types/status.sql"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("init did not write %s: %v", p, err)
		}
	}
	if !strings.Contains(out, "2 tables") {
		t.Errorf("init summary should count tables: %s", out)
	}
	if strings.Contains(out, "s3cr3t") {
		t.Errorf("init printed the password:\n%s", out)
	}

	// An untouched database plans nothing.
	out, errOut, code = run(t, dir, "", true, "plan", "--detailed-exitcode")
	if code != 0 || !strings.Contains(out, "No changes") {
		t.Fatalf("plan on an untouched database: exit %d\n%s%s", code, out, errOut)
	}

	// Edit: add a column, add an index, drop a table.
	users := filepath.Join(dir, "public", "tables", "users.sql")
	b, _ := os.ReadFile(users)
	edited := strings.Replace(string(b), "    email text NOT NULL,", "    email text NOT NULL,\n    nickname text,", 1) +
		"CREATE INDEX users_nickname_idx ON public.users (nickname);\n"
	writeFile(t, users, edited)
	if err := os.Remove(filepath.Join(dir, "public", "tables", "legacy.sql")); err != nil {
		t.Fatal(err)
	}

	// A dirty repository is refused.
	out, errOut, code = run(t, dir, "", false, "apply", "--yes", "--allow-data-loss")
	if code != ExitRefused || !strings.Contains(errOut, "Your repo is dirty. Please commit the changes before applying.") {
		t.Fatalf("apply from a dirty repo: exit %d\n%s%s", code, out, errOut)
	}
	gitCommit(t, dir, "users: add nickname; drop legacy")

	// The plan: per-object diff on a terminal, only SQL in a pipe.
	// Like the README's workflow: the plan file may live in the schema
	// directory; it is not read as schema.
	out, _, code = run(t, dir, "", true, "plan", "--detailed-exitcode", "-o", "plan.sql")
	if code != ExitChanges {
		t.Fatalf("plan with changes: exit %d\n%s", code, out)
	}
	for _, want := range []string{"Table public.users changed:", "+    nickname text,", "Table public.legacy dropped:", "deletes_data", "Plan: "} {
		if !strings.Contains(out, want) {
			t.Errorf("plan output lacks %q:\n%s", want, out)
		}
	}
	pipe, _, _ := run(t, dir, "", false, "plan")
	if strings.Contains(pipe, "changed:") || !strings.Contains(pipe, "ALTER TABLE public.users ADD COLUMN nickname text;") {
		t.Errorf("piped plan must be SQL only:\n%s", pipe)
	}
	if err := os.Remove(filepath.Join(dir, "plan.sql")); err != nil {
		t.Fatal(err)
	}

	// Without a terminal and without --yes, apply refuses instead of hanging.
	_, errOut, code = run(t, dir, "", false, "apply", "--allow-data-loss")
	if code != ExitRefused || !strings.Contains(errOut, "--yes") {
		t.Fatalf("apply without confirmation: exit %d\n%s", code, errOut)
	}
	// Data loss needs --allow-data-loss.
	_, errOut, code = run(t, dir, "", false, "apply", "--yes")
	if code != ExitRefused || !strings.Contains(errOut, "--allow-data-loss") {
		t.Fatalf("apply without --allow-data-loss: exit %d\n%s", code, errOut)
	}
	// At a terminal, answering n aborts without changes.
	out, errOut, code = run(t, dir, "n\n", true, "apply", "--allow-data-loss")
	if code != ExitRefused || !strings.Contains(out, "Continue (y/n)?") || !strings.Contains(errOut, "cancelled") {
		t.Fatalf("apply answered n: exit %d\n%s%s", code, out, errOut)
	}
	// At the data-loss prompt, anything but "yes" aborts.
	out, errOut, code = run(t, dir, "y\n", true, "apply")
	if code != ExitRefused || !strings.Contains(out, "This plan deletes data") || !strings.Contains(errOut, "data loss not accepted") {
		t.Fatalf("apply answered y to the data-loss prompt: exit %d\n%s%s", code, out, errOut)
	}

	out, errOut, code = run(t, dir, "", false, "apply", "--yes", "--allow-data-loss")
	if code != 0 {
		t.Fatalf("apply: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "Applied") {
		t.Errorf("apply output:\n%s", out)
	}
	runs, _ := filepath.Glob(filepath.Join(dir, "_meta", "plans", "*", "outcome.json"))
	if len(runs) != 1 {
		t.Fatalf("want one recorded run, found %v", runs)
	}
	outcome, _ := os.ReadFile(runs[0])
	if !strings.Contains(string(outcome), `"status": "applied"`) {
		t.Errorf("outcome: %s", outcome)
	}
	repo, _ := gitrepo.Open(dir)
	if dirty, _ := repo.Dirty(dir); len(dirty) != 0 {
		t.Errorf("apply must commit everything; dirty: %v", dirty)
	}
	gitLog := exec.Command("git", "-C", dir, "diff", "--stat", "HEAD~1")
	if stat, err := gitLog.CombinedOutput(); err == nil && !strings.Contains(string(stat), "outcome.json") {
		t.Errorf("git diff HEAD~1 should show the record:\n%s", stat)
	}

	// The password is nowhere in the repository or its history.
	if grep, err := exec.Command("git", "-C", dir, "grep", "-I", "s3cr3t", "HEAD").CombinedOutput(); err == nil {
		t.Errorf("the password is in the committed files:\n%s", grep)
	}
	if logOut, _ := exec.Command("git", "-C", dir, "log", "-p", "--all").CombinedOutput(); strings.Contains(string(logOut), "s3cr3t") {
		t.Errorf("the password is in the git history")
	}

	// Second plan: nothing left.
	out, _, code = run(t, dir, "", true, "plan", "--detailed-exitcode")
	if code != 0 {
		t.Fatalf("plan after apply: exit %d\n%s", code, out)
	}

	// A saved plan is refused once the database drifted.
	writeFile(t, users, strings.Replace(edited, "    nickname text,", "    nickname text,\n    age integer,", 1))
	gitCommit(t, dir, "users: add age")
	_, _, code = run(t, dir, "", false, "plan", "-o", filepath.Join(work, "saved.sql"))
	if code != 0 {
		t.Fatalf("plan -o: exit %d", code)
	}
	execDB(t, dsn, "CREATE TABLE sneaky (id int)")
	_, errOut, code = run(t, dir, "", false, "apply", "-p", filepath.Join(work, "saved.sql"), "--yes")
	if code != ExitRefused || !strings.Contains(errOut, "changed since this plan was made") {
		t.Fatalf("stale plan: exit %d\n%s", code, errOut)
	}
	// fetch refuses nothing here (clean repo) and brings the drift in.
	out, errOut, code = run(t, dir, "", false, "fetch")
	if code != 0 || !strings.Contains(out, "public/tables/sneaky.sql") {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, errOut)
	}
	// ... and now the repo is dirty, so a second fetch refuses.
	_, errOut, code = run(t, dir, "", false, "fetch")
	if code != ExitRefused || !strings.Contains(errOut, "uncommitted changes") {
		t.Fatalf("fetch over uncommitted changes: exit %d\n%s", code, errOut)
	}
}

// TestPlanAnyDirectory plans a hand-written single schema.sql outside git
// with --url, and reports bad input with file and line.
func TestPlanAnyDirectory(t *testing.T) {
	dsn := srv.NewDatabase(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "schema.sql"), "CREATE TABLE t (id int PRIMARY KEY, name varchar(20));\n")
	out, errOut, code := run(t, "", "", false, "plan", "--dir", dir, "--url", dsn, "--detailed-exitcode")
	if code != ExitChanges || !strings.Contains(out, "CREATE TABLE public.t") {
		t.Fatalf("plan: exit %d\n%s%s", code, out, errOut)
	}

	writeFile(t, filepath.Join(dir, "broken.sql"), "CREATE TABLE ok (id int);\nCREATE TABLE bad (id int,);\n")
	_, errOut, code = run(t, "", "", false, "plan", "--dir", dir, "--url", dsn)
	if code != ExitError || !strings.Contains(errOut, "broken.sql:2:") {
		t.Fatalf("syntax error: exit %d\n%s", code, errOut)
	}
	writeFile(t, filepath.Join(dir, "broken.sql"), "CREATE TABLE tas AS SELECT 1;\n")
	_, errOut, code = run(t, "", "", false, "plan", "--dir", dir, "--url", dsn)
	if code != ExitError || !strings.Contains(errOut, "broken.sql:1:1: CREATE TABLE AS is not managed by renovate yet") {
		t.Fatalf("unsupported statement: exit %d\n%s", code, errOut)
	}
	os.Remove(filepath.Join(dir, "broken.sql"))

	_, errOut, code = run(t, "", "", false, "plan", "--dir", dir, "--url", "postgres://nobody:sekrit@127.0.0.1:1/nowhere?connect_timeout=2")
	if code != ExitError || strings.Contains(errOut, "sekrit") || !strings.Contains(errOut, "127.0.0.1") || strings.Contains(errOut, "goroutine") {
		t.Fatalf("unreachable database: exit %d\n%s", code, errOut)
	}
	_, errOut, code = run(t, "", "", false, "plan", "--dir", dir)
	if code != ExitUsage || !strings.Contains(errOut, "--url") {
		t.Fatalf("no database: exit %d\n%s", code, errOut)
	}
	_, _, code = run(t, "", "", false, "plan", "--bogus")
	if code != ExitUsage {
		t.Fatalf("bad flag: exit %d", code)
	}
	// apply needs git.
	_, errOut, code = run(t, "", "", false, "apply", "--dir", dir, "--url", dsn, "--yes")
	if code != ExitRefused || !strings.Contains(errOut, "not a git repository") {
		t.Fatalf("apply outside git: exit %d\n%s", code, errOut)
	}
}
