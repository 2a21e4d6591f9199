package cli

import (
	"context"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestPlanTimeouts: plan against a server that accepts the connection and
// never answers ends with connect_timeout's message; plan while another
// session holds an ACCESS EXCLUSIVE lock on a table gives up after the
// default lock timeout and names the table.
func TestPlanTimeouts(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	port := ln.Addr().(*net.TCPAddr).Port
	schema := t.TempDir()
	writeFile(t, filepath.Join(schema, "t.sql"), "CREATE TABLE t (id integer);\n")
	start := time.Now()
	_, errOut, code := run(t, schema, "", false, "plan", "--url", fmt.Sprintf("postgres://app@127.0.0.1:%d/db?sslmode=disable&connect_timeout=1", port), "--dir", schema)
	if code != ExitError || !strings.Contains(errOut, "the server did not answer within 1s") || time.Since(start) > 10*time.Second {
		t.Errorf("plan against a silent server: exit %d after %s\n%s", code, time.Since(start), errOut)
	}

	dsn := srv.NewDatabase(t)
	execDB(t, dsn, "CREATE TABLE busy (id integer DEFAULT 1)")
	work := t.TempDir()
	if out, errOut, code := run(t, work, "", false, "init", "--source", dsn, "--dir", "app"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	holder, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close(context.Background())
	if _, err := holder.Exec(context.Background(), "BEGIN; LOCK TABLE busy IN ACCESS EXCLUSIVE MODE"); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	_, errOut, code = run(t, filepath.Join(work, "app"), "", false, "plan")
	took := time.Since(start)
	if code != ExitError || !strings.Contains(errOut, "gave up waiting for a lock after 10s (lock_timeout): public.busy is locked (ACCESS EXCLUSIVE) by pid ") || took > 40*time.Second {
		t.Errorf("plan behind a lock: exit %d after %s\n%s", code, took, errOut)
	}
}

// TestMistypedURLsAreRedacted: whatever path a connection string takes
// into a message (diff's sources, plan --url, init --source, the shadow,
// RENOVATE_URL), its password never comes out.
func TestMistypedURLsAreRedacted(t *testing.T) {
	const pw = "Sup3rS3cret"
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "t.sql"), "CREATE TABLE t (id integer);\n")
	for _, args := range [][]string{
		{"diff", "--from", "postgress://app:" + pw + "@db.example/shop", "--to", dir},
		{"diff", "--from", dir, "--to", "postgresql://app:" + pw + "@db.example:notaport/shop"},
		{"diff", "--from", "host=db.example password=" + pw + " sslmode=bogus", "--to", dir},
		{"plan", "--url", "postgress://app:" + pw + "@db.example/shop", "--dir", dir},
		{"plan", "--url", "postgres://app:" + pw + "@db.example:notaport/shop", "--dir", dir},
		{"plan", "--url", "postgres://app:" + pw + "%zz@db.example/shop", "--dir", dir},
		{"init", "--source", "postgres://app:" + pw + "@db.example:99999/shop"},
		{"init", "--source", "postgress://app:" + pw + "@db.example/shop", "--dir", filepath.Join(dir, "x")},
		{"plan", "--url", "postgres://app:" + pw + "@127.0.0.1:1/shop?connect_timeout=2", "--dir", dir, "--verify", "--shadow", "postgres://app:" + pw + "@127.0.0.1:notaport/x"},
	} {
		out, errOut, code := run(t, dir, "", false, args...)
		t.Logf("renovate %s: %s", args[0], strings.TrimSpace(errOut))
		if code == 0 || strings.Contains(out+errOut, pw) || strings.Contains(errOut, "no .sql files") {
			t.Errorf("renovate %s: exit %d, output shows the password:\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
	}
	out, errOut, code := runEnv(t, map[string]string{"RENOVATE_URL": "postgress://app:" + pw + "@db.example/shop"}, false, "plan", "--dir", dir)
	if code == 0 || strings.Contains(out+errOut, pw) {
		t.Errorf("RENOVATE_URL: exit %d, output shows the password:\n%s%s", code, out, errOut)
	}
}
