package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/state/layout"
)

// TestIsTerminal: /dev/null is a character device but not a terminal; a
// pseudo-terminal is one.
func TestIsTerminal(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if isTerminal(null) {
		t.Error("/dev/null is taken for a terminal")
	}
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	defer tty.Close()
	if !isTerminal(tty) {
		t.Error("a pseudo-terminal is not taken for a terminal")
	}
}

// signalRepo makes a database and a repository whose committed plan adds a
// column to users (blocked while another session reads users) and drops
// table old (data loss).
func signalRepo(t *testing.T, bin string) (dir, dsn string) {
	t.Helper()
	dsn = srv.NewDatabase(t)
	execDB(t, dsn, "CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE old (id int);")
	work := t.TempDir()
	if out, errOut, code := piped(t, bin, work, "", "init", "--source", dsn, "--dir", "app"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	dir = filepath.Join(work, "app")
	users := filepath.Join(dir, "public", "tables", "users.sql")
	writeFile(t, users, strings.Replace(readFile(t, users), "id integer NOT NULL", "id integer NOT NULL,\n    nickname text", 1))
	if err := os.Remove(filepath.Join(dir, "public", "tables", "old.sql")); err != nil {
		t.Fatal(err)
	}
	gitCommit(t, dir, "users: nickname; old dropped")
	return dir, dsn
}

// blockUsers holds an ACCESS SHARE lock on users in another session until
// the test ends: reading the catalog goes on, ALTER TABLE users waits.
func blockUsers(t *testing.T, dsn string) {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	if _, err := conn.Exec(context.Background(), "BEGIN; SELECT * FROM users;"); err != nil {
		t.Fatal(err)
	}
}

// waitForRenovate waits until a renovate session on dsn's database is in
// the state want: "waiting" (on a lock) or "gone".
func waitForRenovate(t *testing.T, dsn, want string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		q := `SELECT count(*)::text FROM pg_stat_activity
			WHERE datname = current_database() AND application_name = 'renovate' AND pid <> pg_backend_pid()`
		if want == "waiting" {
			q += " AND wait_event_type = 'Lock'"
		}
		n := queryRows(t, dsn, q)
		if (want == "waiting") == (n != "0") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("renovate's session is not %s after %s (%s session(s))", want, timeout, n)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// startApply starts apply with stdin from /dev/null and returns the
// process and its output buffers.
func startApply(t *testing.T, bin, dir string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"apply"}, args...)...)
	cmd.Dir = dir
	cmd.Env = childEnv()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	return cmd, &out
}

func exitCode(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatal(err)
		}
		return cmd.ProcessState.ExitCode()
	case <-time.After(60 * time.Second):
		t.Fatal("renovate did not exit")
		return -1
	}
}

// TestSignalsAndScripts drives the built binary as cron, CI and kill do:
// stdin from /dev/null gets the hint to pass --allow-data-loss or --yes;
// SIGTERM during a blocked statement cancels it, rolls back, records and
// commits, like Ctrl-C; after SIGKILL the server ends the orphaned session
// by itself (client_connection_check_interval) rather than keep its locks.
func TestSignalsAndScripts(t *testing.T) {
	bin := buildRenovate(t)
	dir, dsn := signalRepo(t, bin)

	t.Run("stdin from /dev/null", func(t *testing.T) {
		for _, tc := range []struct {
			args []string
			want string
		}{
			{nil, "--allow-data-loss was not given"},
			{[]string{"--allow-data-loss"}, "stdin is not a terminal; pass --yes"},
		} {
			cmd, out := startApply(t, bin, dir, tc.args...)
			code := exitCode(t, cmd)
			if code != ExitRefused || !strings.Contains(out.String(), tc.want) || strings.Contains(out.String(), "Continue (y/n)?") || strings.Contains(out.String(), "no answer") {
				t.Errorf("apply %v < /dev/null: exit %d, want %d and %q\n%s", tc.args, code, ExitRefused, tc.want, out)
			}
		}
	})

	t.Run("SIGTERM during a statement", func(t *testing.T) {
		blockUsers(t, dsn)
		head := gitHead(t, dir)
		cmd, out := startApply(t, bin, dir, "--yes", "--allow-data-loss", "--lock-timeout", "2m")
		waitForRenovate(t, dsn, "waiting", 60*time.Second)
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		code := exitCode(t, cmd)
		if code == 0 || code == ExitChanges || code == 143 || !strings.Contains(out.String(), "Recorded in") {
			t.Fatalf("apply after SIGTERM: exit %d, want an error with a record\n%s", code, out)
		}
		waitForRenovate(t, dsn, "gone", 10*time.Second)
		if got := queryRows(t, dsn, `SELECT count(*)::text FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'`); got != "0" {
			t.Error("the interrupted apply's transaction took effect")
		}
		if !tableExists(t, dsn, "old") {
			t.Error("the interrupted apply dropped old")
		}
		if gitHead(t, dir) == head {
			t.Fatal("the interrupted run was not committed")
		}
		runs, err := layout.Runs(dir)
		if err != nil || len(runs) != 1 {
			t.Fatalf("runs %v, %v; want one", runs, err)
		}
		var o layout.Outcome
		if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, filepath.FromSlash(runs[0]), "outcome.json"))), &o); err != nil {
			t.Fatal(err)
		}
		if o.Status != "failed" || o.StepsCommitted != 0 {
			t.Errorf("recorded outcome %+v, want failed with nothing committed", o)
		}
	})

	t.Run("SIGKILL during a statement", func(t *testing.T) {
		if srv.Version() < 14 {
			t.Skipf("PostgreSQL %d: client_connection_check_interval, which ends the orphaned backend, is PostgreSQL 14's", srv.Version())
		}
		blockUsers(t, dsn)
		cmd, _ := startApply(t, bin, dir, "--yes", "--allow-data-loss", "--lock-timeout", "2m")
		waitForRenovate(t, dsn, "waiting", 60*time.Second)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		// The blocking session still holds its lock: only the
		// connection check can end renovate's orphaned backend.
		waitForRenovate(t, dsn, "gone", 15*time.Second)
	})
}

// gitHead returns the repository's HEAD commit.
func gitHead(t *testing.T, dir string) string {
	t.Helper()
	out, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}
