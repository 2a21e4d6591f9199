package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/state/catalog"
)

// runInEnv is run with extra environment variables for the command (the
// secrets apply resolves).
func runInEnv(t *testing.T, dir string, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	f := &Factory{
		IO:      &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut},
		Now:     time.Now,
		Connect: catalog.Connect,
		Getenv:  testGetenv(env),
		Version: "test",
	}
	root := NewCmdRoot(f)
	root.SetArgs(args)
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	err := Execute(context.Background(), root)
	if err != nil && Message(err) != "" {
		errOut.WriteString("Error: " + Message(err) + "\n")
	}
	return out.String(), errOut.String(), ExitCode(err)
}

// queryText runs a query returning one text value ("" for NULL).
func queryText(t *testing.T, dsn, sql string) string {
	t.Helper()
	conn, err := catalog.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var s *string
	if err := conn.QueryRow(context.Background(), sql).Scan(&s); errors.Is(err, pgx.ErrNoRows) {
		// No row yet (a replicated row not arrived): waitFor polls again.
		return ""
	} else if err != nil {
		t.Fatalf("query %q: %v", sql, err)
	}
	if s == nil {
		return ""
	}
	return *s
}

// skipOutsideCI skips the test on a developer's machine that lacks what it
// needs, and fails it in CI (CI or RENOVATE_CI set, as .ci/run does), where
// the harness must provide it.
func skipOutsideCI(t *testing.T, format string, args ...any) {
	t.Helper()
	for _, k := range []string{"CI", "RENOVATE_CI"} {
		if v := os.Getenv(k); v != "" && v != "false" {
			t.Fatalf(format, args...)
		}
	}
	t.Skipf(format, args...)
}

// waitFor polls query on dsn until it returns want, for up to 30 seconds.
func waitFor(t *testing.T, dsn, query, want, what string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	var got string
	for time.Now().Before(deadline) {
		if got = queryText(t, dsn, query); got == want {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("%s: after 30s %q returns %q, want %q", what, query, got, want)
}

// TestSyncEndToEnd is the sync setup of two databases declared in one
// repository with two environments: a publication on the source, and on
// the target a subscription to it and a postgres_fdw foreign table reading
// the source. Both are applied; a row inserted on the source arrives on
// the target through replication and reads through the foreign table.
// Then a column is added on both sides (the subscriber first) and a
// table to the publication; applying again converges, and replication
// goes on. The password the target uses for the source is given to apply
// in its environment only: it must reach the database and nothing else
// (no file, plan, record, output or commit).
func TestSyncEndToEnd(t *testing.T) {
	admin := srv.AdminDSN()
	if lvl := queryText(t, admin, "SHOW wal_level"); lvl != "logical" {
		skipOutsideCI(t, "SKIP: the test server runs with wal_level=%s; logical replication needs wal_level=logical (the harness's own cluster has it; set it on the RENOVATE_TEST_DSN server)", lvl)
	}
	if queryText(t, admin, "SELECT (EXISTS (SELECT FROM pg_available_extensions WHERE name = 'postgres_fdw'))::text") != "true" {
		skipOutsideCI(t, "SKIP: the server has no postgres_fdw extension (PostgreSQL's contrib package is not installed)")
	}
	if queryText(t, admin, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user") != "true" {
		skipOutsideCI(t, "SKIP: subscriptions need a superuser and the test server's role is not one")
	}
	const secret = "Sync-Pw-7f3c9e1a'q"
	env := map[string]string{"SYNC_SRC_PASSWORD": secret}

	src, dst := srv.NewDatabase(t), srv.NewDatabase(t)
	u, err := url.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	host, port, srcDB := u.Hostname(), u.Port(), strings.TrimPrefix(u.Path, "/")
	// A subscription to a database of the same cluster cannot create its
	// replication slot itself (CREATE SUBSCRIPTION would wait for its own
	// transaction): the slot is made first, as the PostgreSQL manual says.
	execDB(t, src, "SELECT pg_create_logical_replication_slot('sync_sub', 'pgoutput')")
	// Cleanup runs before the databases are dropped (registered later):
	// a database with a subscription or an active slot cannot be dropped.
	t.Cleanup(func() {
		for _, q := range []string{
			"ALTER SUBSCRIPTION sync_sub DISABLE",
			"ALTER SUBSCRIPTION sync_sub SET (slot_name = NONE)",
			"DROP SUBSCRIPTION IF EXISTS sync_sub",
		} {
			if conn, err := catalog.Connect(context.Background(), dst); err == nil {
				_, _ = conn.Exec(context.Background(), q)
				conn.Close(context.Background())
			}
		}
		for i := 0; i < 50; i++ {
			conn, err := catalog.Connect(context.Background(), src)
			if err != nil {
				return
			}
			_, err = conn.Exec(context.Background(), "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = 'sync_sub'")
			conn.Close(context.Background())
			if err == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})

	work := t.TempDir()
	dir := filepath.Join(work, "sync")
	out, errOut, code := run(t, work, "", false, "init", "--source", src, "--dir", "sync")
	if code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	outputs := []string{out, errOut}
	writeFile(t, filepath.Join(dir, "renovate.hcl"), `
# The source publishes; the target subscribes and reads the source through
# postgres_fdw. One repository declares both.
environment "source" {
  url     = `+hclString(src)+`
  exclude = ["kind:subscription:*", "kind:server:*", "kind:extension:postgres_fdw", "public.remote_items"]
}

environment "target" {
  url     = `+hclString(dst)+`
  exclude = ["kind:publication:*"]
}
`)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "public", "tables"), 0o755))
	must(os.MkdirAll(filepath.Join(dir, "public", "foreign_tables"), 0o755))
	writeFile(t, filepath.Join(dir, "extensions.sql"), "CREATE EXTENSION postgres_fdw WITH SCHEMA public;\n")
	items := filepath.Join(dir, "public", "tables", "items.sql")
	writeFile(t, items, "CREATE TABLE public.items (\n    id integer PRIMARY KEY,\n    name text\n);\n")
	pubs := filepath.Join(dir, "publications.sql")
	writeFile(t, pubs, "CREATE PUBLICATION sync_pub FOR TABLE ONLY public.items;\n")
	writeFile(t, filepath.Join(dir, "foreign_data.sql"), fmt.Sprintf(
		"CREATE SERVER src_db FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '%s', port '%s', dbname '%s');\n"+
			"CREATE USER MAPPING FOR postgres SERVER src_db OPTIONS (\"user\" 'postgres', password '{{env.SYNC_SRC_PASSWORD}}');\n",
		host, port, srcDB))
	remoteItems := filepath.Join(dir, "public", "foreign_tables", "remote_items.sql")
	writeFile(t, remoteItems, "CREATE FOREIGN TABLE public.remote_items (\n    id integer,\n    name text\n) SERVER src_db OPTIONS (table_name 'items');\n")
	writeFile(t, filepath.Join(dir, "subscriptions.sql"), fmt.Sprintf(
		"CREATE SUBSCRIPTION sync_sub\n    CONNECTION 'host=%s port=%s dbname=%s user=postgres password={{env.SYNC_SRC_PASSWORD}}'\n"+
			"    PUBLICATION sync_pub\n    WITH (create_slot = false);\n", host, port, srcDB))
	gitCommit(t, dir, "sync: a publication on the source, a subscription and a foreign table on the target")

	apply := func(envName string, wantInPlan ...string) {
		t.Helper()
		out, errOut, code := runInEnv(t, dir, env, "apply", "--env", envName, "--yes")
		outputs = append(outputs, out, errOut)
		if code != 0 {
			t.Fatalf("apply --env %s: exit %d\n%s%s", envName, code, out, errOut)
		}
		for _, w := range wantInPlan {
			if !strings.Contains(out, w) {
				t.Errorf("apply --env %s: the plan lacks %q:\n%s", envName, w, out)
			}
		}
	}
	planEmpty := func(envName string) {
		t.Helper()
		out, errOut, code := runInEnv(t, dir, env, "plan", "--env", envName, "--detailed-exitcode")
		outputs = append(outputs, out, errOut)
		if code != 0 {
			t.Fatalf("plan --env %s after apply: exit %d, want 0 (no changes)\n%s%s", envName, code, out, errOut)
		}
	}

	apply("source", "CREATE PUBLICATION sync_pub")
	apply("target", "CREATE SUBSCRIPTION sync_sub", "CREATE USER MAPPING FOR postgres SERVER src_db",
		"CREATE FOREIGN TABLE public.remote_items", "hazard replication")
	planEmpty("source")
	planEmpty("target")

	// The secret reached the target's catalogs, resolved at apply time.
	if got := queryText(t, dst, "SELECT array_to_string(umoptions, ',') FROM pg_user_mapping"); !strings.Contains(got, secret) {
		t.Errorf("the user mapping's options lack the password from the environment: %q", got)
	}
	if got := queryText(t, dst, "SELECT subconninfo FROM pg_subscription WHERE subname = 'sync_sub'"); !strings.Contains(got, "password='Sync-Pw-7f3c9e1a\\'q'") {
		t.Errorf("the subscription's connection string lacks the quoted password from the environment: %q", got)
	}
	// The rewritten files keep the user's reference.
	if fd := readFile(t, filepath.Join(dir, "foreign_data.sql")); !strings.Contains(fd, "{{env.SYNC_SRC_PASSWORD}}") {
		t.Errorf("foreign_data.sql lost its secret reference after apply:\n%s", fd)
	}

	execDB(t, src, "INSERT INTO items VALUES (1, 'first')")
	waitFor(t, dst, "SELECT name FROM items WHERE id = 1", "first", "replicated row")
	if got := queryText(t, dst, "SELECT name FROM remote_items WHERE id = 1"); got != "first" {
		t.Fatalf("the foreign table reads %q, want %q", got, "first")
	}

	// A column on both sides, a new table in the publication, a column on
	// the foreign table. The subscriber is changed first (additive changes
	// go to subscribers first), then the publisher, then the subscriber
	// again: its subscription is refreshed once the publication has the
	// new table.
	writeFile(t, items, "CREATE TABLE public.items (\n    id integer PRIMARY KEY,\n    name text,\n    note text\n);\n")
	writeFile(t, filepath.Join(dir, "public", "tables", "tags.sql"), "CREATE TABLE public.tags (\n    id integer PRIMARY KEY,\n    label text\n);\n")
	writeFile(t, pubs, "CREATE PUBLICATION sync_pub FOR TABLE ONLY public.items, ONLY public.tags;\n")
	writeFile(t, remoteItems, "CREATE FOREIGN TABLE public.remote_items (\n    id integer,\n    name text,\n    note text\n) SERVER src_db OPTIONS (table_name 'items');\n")
	gitCommit(t, dir, "sync: items.note on both sides, tags published")

	apply("target", "ADD COLUMN note text", "CREATE TABLE public.tags")
	apply("source", "ADD COLUMN note text", "ALTER PUBLICATION sync_pub ADD TABLE ONLY public.tags")
	apply("target", "ALTER SUBSCRIPTION sync_sub REFRESH PUBLICATION")
	planEmpty("source")
	planEmpty("target")

	execDB(t, src, "INSERT INTO items VALUES (2, 'second', 'noted'); INSERT INTO tags VALUES (1, 'red')")
	waitFor(t, dst, "SELECT note FROM items WHERE id = 2", "noted", "replicated row with the new column")
	waitFor(t, dst, "SELECT label FROM tags WHERE id = 1", "red", "replicated row of the newly published table")
	if got := queryText(t, dst, "SELECT note FROM remote_items WHERE id = 2"); got != "noted" {
		t.Fatalf("the foreign table reads note %q, want %q", got, "noted")
	}

	// No secret anywhere but in the databases: files (records included),
	// every commit, every output.
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), "Sync-Pw-7f3c9e1a") {
			t.Errorf("%s holds the password", p)
		}
		return nil
	})
	must(err)
	logOut, err := exec.Command("git", "-C", dir, "log", "-p", "--all").CombinedOutput()
	must(err)
	if strings.Contains(string(logOut), "Sync-Pw-7f3c9e1a") {
		t.Errorf("the git history holds the password")
	}
	for _, o := range outputs {
		if strings.Contains(o, "Sync-Pw-7f3c9e1a") {
			t.Errorf("command output holds the password:\n%s", o)
		}
	}
}
