package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/state/catalog"
)

// session is how a command is run in these tests: its stdin, which streams
// are terminals, and its environment variables.
type session struct {
	stdin  string
	tty    bool // stdin and stdout are terminals
	errTTY bool // stderr is a terminal (progress is drawn)
	env    map[string]string
	cwd    string
}

// runIn executes the renovate command tree like run (e2e_test.go), with the
// session's terminals and environment.
func runIn(t testing.TB, s session, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	f := &Factory{
		IO:      &IOStreams{In: strings.NewReader(s.stdin), Out: &out, ErrOut: &errOut, InTTY: s.tty, OutTTY: s.tty, ErrTTY: s.errTTY},
		Now:     func() time.Time { now = now.Add(time.Second); return now },
		Connect: catalog.Connect,
		Getenv:  func(k string) string { return s.env[k] },
		Version: "test",
	}
	root := NewCmdRoot(f)
	root.SetArgs(args)
	if s.cwd != "" {
		wd, _ := os.Getwd()
		if err := os.Chdir(s.cwd); err != nil {
			t.Fatal(err)
		}
		defer os.Chdir(wd)
	}
	err := root.ExecuteContext(context.Background())
	if err != nil && Message(err) != "" {
		errOut.WriteString("Error: " + Message(err) + "\n")
	}
	return out.String(), errOut.String(), ExitCode(err)
}

// initRepo makes a database with one table, runs renovate init into a new
// directory, adds a table in the files and commits: the directory then
// plans one statement. It returns the DSN and the directory.
func initRepo(t *testing.T) (string, string) {
	t.Helper()
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL)")
	dir := filepath.Join(t.TempDir(), "hello")
	if out, errOut, code := runIn(t, session{}, "init", "--source", dsn, "--dir", dir); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	writeFile(t, filepath.Join(dir, "public", "tables", "extra.sql"), "CREATE TABLE public.extra (id integer PRIMARY KEY, note text);\n")
	gitCommit(t, dir, "add extra")
	return dsn, dir
}

// tableExists asks the database whether public.<name> exists.
func tableExists(t *testing.T, dsn, name string) bool {
	t.Helper()
	conn, err := catalog.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var exists bool
	if err := conn.QueryRow(context.Background(), "SELECT to_regclass($1) IS NOT NULL", "public."+name).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	return exists
}

// TestExitCodes produces every documented exit code with the real commands
// against a real database, and checks renovate --help lists each.
func TestExitCodes(t *testing.T) {
	dsn, dir := initRepo(t)
	broken := t.TempDir()
	writeFile(t, filepath.Join(broken, "schema.sql"), "CREATE TABLE t (id int,);\n")

	cases := []struct {
		name string
		s    session
		args []string
		want int
		// stderr must contain this.
		errWant string
	}{
		{"success", session{}, []string{"version"}, ExitOK, ""},
		{"changes without --detailed-exitcode", session{}, []string{"plan", "--dir", dir}, ExitOK, ""},
		{"changes present", session{}, []string{"plan", "--dir", dir, "--detailed-exitcode"}, ExitChanges, ""},
		{"syntax error", session{}, []string{"plan", "--dir", broken, "--url", dsn}, ExitError, "schema.sql:1:"},
		{"unreachable database", session{}, []string{"plan", "--dir", dir, "--url", "postgres://x@127.0.0.1:1/none?connect_timeout=2"}, ExitError, "127.0.0.1"},
		{"no confirmation in a pipe", session{}, []string{"apply", "--dir", dir}, ExitRefused, "--yes"},
		{"n at the prompt", session{stdin: "n\n", tty: true}, []string{"apply", "--dir", dir}, ExitRefused, "cancelled"},
		{"unknown flag", session{}, []string{"plan", "--bogus"}, ExitUsage, "unknown flag: --bogus"},
		{"unknown command", session{}, []string{"plna"}, ExitUsage, "Did you mean this?\n\tplan"},
		{"bad argument", session{}, []string{"plan", "extra"}, ExitUsage, "takes no arguments"},
		{"completion without shell", session{}, []string{"completion"}, ExitUsage, "needs one shell"},
		{"bad environment variable", session{env: map[string]string{"RENOVATE_VERBOSE": "loud"}}, []string{"version"}, ExitUsage, "RENOVATE_VERBOSE"},
		{"quiet and verbose", session{}, []string{"-q", "-v", "version"}, ExitUsage, "cannot be used together"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := runIn(t, c.s, c.args...)
			if code != c.want || !strings.Contains(errOut, c.errWant) {
				t.Fatalf("renovate %s: exit %d (want %d), stderr should contain %q\n%s%s", strings.Join(c.args, " "), code, c.want, c.errWant, out, errOut)
			}
		})
	}
	if tableExists(t, dsn, "extra") {
		t.Fatal("a refused apply changed the database")
	}
	// Dirty repository: refused.
	writeFile(t, filepath.Join(dir, "public", "tables", "more.sql"), "CREATE TABLE public.more (id int);\n")
	if _, errOut, code := runIn(t, session{}, "apply", "--dir", dir, "--yes"); code != ExitRefused || !strings.Contains(errOut, "dirty") {
		t.Fatalf("apply from a dirty repository: exit %d\n%s", code, errOut)
	}
	if err := os.Remove(filepath.Join(dir, "public", "tables", "more.sql")); err != nil {
		t.Fatal(err)
	}
	// Apply, then no changes.
	if out, errOut, code := runIn(t, session{}, "apply", "--dir", dir, "--yes"); code != ExitOK {
		t.Fatalf("apply: exit %d\n%s%s", code, out, errOut)
	}
	if out, errOut, code := runIn(t, session{}, "plan", "--dir", dir, "--detailed-exitcode"); code != ExitOK {
		t.Fatalf("plan after apply: exit %d\n%s%s", code, out, errOut)
	}

	help, _, _ := runIn(t, session{}, "--help")
	for _, e := range ExitCodes() {
		if line := fmt.Sprintf("  %-3d %s\n", e.Code, e.Meaning); !strings.Contains(help, line) {
			t.Errorf("renovate --help lacks %q", line)
		}
	}
}

// TestEnvironmentVariables checks each global flag's RENOVATE_ variable
// and that flags override them.
func TestEnvironmentVariables(t *testing.T) {
	dsn, dir := initRepo(t)
	elsewhere := t.TempDir() // no renovate.hcl here

	// RENOVATE_DIR: plan finds the directory without --dir.
	out, errOut, code := runIn(t, session{cwd: elsewhere, env: map[string]string{"RENOVATE_DIR": dir}}, "plan", "--detailed-exitcode")
	if code != ExitChanges || !strings.Contains(out, "CREATE TABLE public.extra") {
		t.Fatalf("RENOVATE_DIR: exit %d\n%s%s", code, out, errOut)
	}
	// Target flags may come before the command name, as with git -C.
	if _, errOut, code := runIn(t, session{cwd: elsewhere}, "-q", "--dir", dir, "plan", "--detailed-exitcode"); code != ExitChanges {
		t.Fatalf("renovate -q --dir DIR plan: exit %d\n%s", code, errOut)
	}
	// --dir overrides RENOVATE_DIR.
	_, errOut, code = runIn(t, session{cwd: elsewhere, env: map[string]string{"RENOVATE_DIR": filepath.Join(elsewhere, "nowhere")}}, "plan", "--dir", dir, "--detailed-exitcode")
	if code != ExitChanges {
		t.Fatalf("--dir over RENOVATE_DIR: exit %d\n%s", code, errOut)
	}
	// RENOVATE_URL: a directory without renovate.hcl is planned against it.
	plain := t.TempDir()
	writeFile(t, filepath.Join(plain, "schema.sql"), "CREATE TABLE public.users (id integer PRIMARY KEY, email text NOT NULL);\n")
	out, errOut, code = runIn(t, session{env: map[string]string{"RENOVATE_URL": dsn}}, "plan", "--dir", plain, "--detailed-exitcode")
	if code != ExitOK {
		t.Fatalf("RENOVATE_URL: exit %d\n%s%s", code, out, errOut)
	}
	// --url overrides RENOVATE_URL, whose password is never printed.
	_, errOut, code = runIn(t, session{env: map[string]string{"RENOVATE_URL": "postgres://x:hunter2@127.0.0.1:1/none?connect_timeout=2"}}, "plan", "--dir", plain, "--url", dsn, "--detailed-exitcode")
	if code != ExitOK {
		t.Fatalf("--url over RENOVATE_URL: exit %d\n%s", code, errOut)
	}
	_, errOut, code = runIn(t, session{env: map[string]string{"RENOVATE_URL": "postgres://x:hunter2@127.0.0.1:1/none?connect_timeout=2"}}, "plan", "--dir", plain)
	if code != ExitError || strings.Contains(errOut, "hunter2") {
		t.Fatalf("unreachable RENOVATE_URL: exit %d\n%s", code, errOut)
	}
	// RENOVATE_ENV selects the environment; --env overrides it.
	_, errOut, code = runIn(t, session{env: map[string]string{"RENOVATE_ENV": "staging"}}, "plan", "--dir", dir)
	if code != ExitError || !strings.Contains(errOut, `unknown environment "staging"`) {
		t.Fatalf("RENOVATE_ENV=staging: exit %d\n%s", code, errOut)
	}
	_, errOut, code = runIn(t, session{env: map[string]string{"RENOVATE_ENV": "staging"}}, "plan", "--dir", dir, "--env", "default", "--detailed-exitcode")
	if code != ExitChanges {
		t.Fatalf("--env over RENOVATE_ENV: exit %d\n%s", code, errOut)
	}
	// RENOVATE_QUIET silences init's status messages; -v overrides it.
	dsn2 := srv.NewDatabase(t)
	out, errOut, code = runIn(t, session{env: map[string]string{"RENOVATE_QUIET": "1", "RENOVATE_DIR": filepath.Join(elsewhere, "quiet")}}, "init", "--source", dsn2)
	if code != ExitOK || out != "" || errOut != "" {
		t.Fatalf("RENOVATE_QUIET init: exit %d, want no output:\n%q%q", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(elsewhere, "quiet", "renovate.hcl")); err != nil {
		t.Fatalf("init with RENOVATE_DIR wrote no renovate.hcl there: %v", err)
	}
	// RENOVATE_VERBOSE prints statement timings; an explicit -q wins.
	_, errOut, code = runIn(t, session{env: map[string]string{"RENOVATE_VERBOSE": "true"}}, "apply", "--dir", dir, "--yes", "-q")
	if code != ExitOK || errOut != "" {
		t.Fatalf("apply -q with RENOVATE_VERBOSE: exit %d, stderr %q", code, errOut)
	}
	execDB(t, dsn, "DROP TABLE extra")
	_, errOut, code = runIn(t, session{env: map[string]string{"RENOVATE_VERBOSE": "true"}}, "apply", "--dir", dir, "--yes")
	if code != ExitOK || !timingLine.MatchString(errOut) {
		t.Fatalf("apply with RENOVATE_VERBOSE: exit %d, want timings on stderr:\n%s", code, errOut)
	}

	// The help names every variable, and every flag names its variable.
	help, _, _ := runIn(t, session{}, "--help")
	planHelp, _, _ := runIn(t, session{}, "plan", "--help")
	for _, v := range []string{"RENOVATE_DIR", "RENOVATE_URL", "RENOVATE_ENV", "RENOVATE_QUIET", "RENOVATE_VERBOSE"} {
		if !strings.Contains(help, v) || !strings.Contains(planHelp, "[$"+v+"]") {
			t.Errorf("help does not document %s:\n%s\n%s", v, help, planHelp)
		}
	}
}

// timingLine is one -v line of apply: "1/1    3.52ms  CREATE TABLE ...".
var timingLine = regexp.MustCompile(`(?m)^\s*\d+/\d+\s+[0-9.]+(µs|ms|s)  (CREATE|ALTER|DROP) `)

// TestQuietAndVerbose checks what -q and -v change in apply's output.
func TestQuietAndVerbose(t *testing.T) {
	dsn, dir := initRepo(t)
	execDB(t, dsn, "CREATE TABLE extra (id integer PRIMARY KEY, note text)") // nothing to do
	out, errOut, code := runIn(t, session{}, "apply", "--dir", dir, "--yes", "-q")
	if code != ExitOK || out != "" || errOut != "" {
		t.Fatalf("quiet apply with nothing to do: exit %d %q %q", code, out, errOut)
	}
	execDB(t, dsn, "DROP TABLE extra")

	out, errOut, code = runIn(t, session{}, "apply", "--dir", dir, "--yes", "--verbose")
	if code != ExitOK || !strings.Contains(out, "Applied 1 statement(s)") {
		t.Fatalf("apply -v: exit %d\n%s%s", code, out, errOut)
	}
	if !timingLine.MatchString(errOut) || !strings.Contains(errOut, "1/1") || strings.Contains(errOut, "\r") {
		t.Errorf("apply -v should print one timing line per statement and no progress in a pipe:\n%q", errOut)
	}
	if strings.Contains(out, "µs  CREATE") || strings.Contains(out, "ms  CREATE") {
		t.Errorf("timings belong on stderr, not stdout:\n%s", out)
	}
}
