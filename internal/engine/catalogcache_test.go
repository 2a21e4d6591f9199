package engine

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/internal/parsecache"
	"github.com/renovate-pg/renovate/internal/pgserver"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// quietCluster starts a private cluster where nothing commits or writes
// WAL but the test: the catalog cache hits only while no transaction ends
// anywhere in the cluster and the WAL stays where it was, which the shared
// test cluster never promises. Without autovacuum, with minimal WAL (no
// snapshot of running transactions logged every 15 s) and no timed
// checkpoint. It returns the admin DSN.
func quietCluster(t *testing.T) string {
	t.Helper()
	s, err := pgserver.StartFrom(context.Background(), srv.BinDir(), os.Getenv(pgserver.EnvBin) != "",
		"autovacuum=off", "wal_level=minimal", "max_wal_senders=0", "checkpoint_timeout=1d")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Stop() })
	return s.AdminDSN()
}

func mustExecConn(t *testing.T, conn *pgx.Conn, sql string) {
	t.Helper()
	if _, err := conn.Exec(context.Background(), sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// checkCatalogRead reads conn's catalog through cache and fails unless
// the read hit or missed as wanted (either, when want is nil) and gave
// exactly what reading the catalog gives.
func checkCatalogRead(t *testing.T, conn *pgx.Conn, cache *parsecache.Cache, step string, want *bool) {
	t.Helper()
	ctx := context.Background()
	got, hit, err := introspectCached(ctx, conn, cache)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	got.StoreCatalog(ctx, conn)
	if want != nil && hit != *want {
		t.Fatalf("%s: cache hit %v, want %v", step, hit, *want)
	}
	fresh, err := Introspect(ctx, conn)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	if !reflect.DeepEqual(got.stored(), fresh.stored()) {
		t.Fatalf("%s (hit %v): the cached read differs from the catalog:\n%s\nthe catalog:\n%s",
			step, hit, got.raw.Fingerprint(), fresh.raw.Fingerprint())
	}
}

var (
	hit  = func() *bool { b := true; return &b }()
	miss = func() *bool { b := false; return &b }()
)

// checkCatalogSettles reads conn's catalog through cache until a read
// uses the stored model, checking every read (checkCatalogRead). The
// first reads after a change may write WAL themselves (pruning the
// catalog's dead rows), which a stamp counts as a change; by the third
// read nothing is left to prune.
func checkCatalogSettles(t *testing.T, conn *pgx.Conn, cache *parsecache.Cache, step string) {
	t.Helper()
	for i := 0; i < 2; i++ {
		in, hit, err := introspectCached(context.Background(), conn, cache)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		in.StoreCatalog(context.Background(), conn)
		if hit {
			break
		}
	}
	checkCatalogRead(t, conn, cache, step+", read again", hit)
}

// TestCatalogCacheSeesEveryChange: a stored catalog is used only while
// nothing changed; after every kind of change (DDL, a role renamed, an
// index made valid concurrently, a transaction that was open during the
// read and committed after it, the session's settings or role) the
// catalog is read again, and what a read returns always equals a read of
// the catalog.
func TestCatalogCacheSeesEveryChange(t *testing.T) {
	dsn := quietCluster(t)
	cache, err := parsecache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	other, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	mustExecConn(t, conn, `CREATE ROLE cc_owner; CREATE ROLE cc_reader;
		CREATE SCHEMA app;
		GRANT USAGE ON SCHEMA app TO cc_reader;
		CREATE TABLE app.t (id int PRIMARY KEY, name text NOT NULL DEFAULT 'x');
		ALTER TABLE app.t OWNER TO cc_owner;
		CREATE VIEW app.v AS SELECT id, upper(name) AS name FROM app.t;
		CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
		CREATE FOREIGN DATA WRAPPER cc_fdw;
		CREATE SERVER cc_server FOREIGN DATA WRAPPER cc_fdw;
		CREATE USER MAPPING FOR CURRENT_USER SERVER cc_server OPTIONS (user 'u', password 'cc-hunter2-secret');`)

	checkCatalogRead(t, conn, cache, "first read", miss)
	checkCatalogSettles(t, conn, cache, "nothing changed")

	// The stored model holds no secret.
	ents, err := filepath.Glob(filepath.Join(cache.Dir(), "[0-9a-f]*.entry"))
	if err != nil || len(ents) != 1 {
		t.Fatalf("%d entries (%v), want 1", len(ents), err)
	}
	b, err := os.ReadFile(ents[0])
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("cc-hunter2-secret")) {
		t.Fatal("the stored catalog holds the user mapping's password")
	}

	for _, step := range []struct{ name, sql string }{
		{"table created", "CREATE TABLE app.u (id int)"},
		{"column added", "ALTER TABLE app.u ADD COLUMN note text"},
		{"comment", "COMMENT ON TABLE app.u IS 'u'"},
		{"grant", "GRANT SELECT ON app.u TO cc_reader"},
		{"index made concurrently", "CREATE INDEX CONCURRENTLY u_note ON app.u (note)"},
		{"function replaced", "CREATE OR REPLACE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 2'"},
		{"owner role renamed", "ALTER ROLE cc_owner RENAME TO cc_owner2"},
		{"view replaced", "CREATE OR REPLACE VIEW app.v AS SELECT id, lower(name) AS name FROM app.t"},
		{"table dropped", "DROP TABLE app.u"},
		{"session setting", "SET work_mem = '7MB'"},
	} {
		mustExecConn(t, conn, step.sql)
		checkCatalogRead(t, conn, cache, step.name, miss)
		checkCatalogSettles(t, conn, cache, step.name)
	}

	// A change rolled back: a read may or may not use the stored model,
	// but it shows the catalog.
	mustExecConn(t, conn, "BEGIN; CREATE TABLE app.gone (id int); ROLLBACK")
	checkCatalogRead(t, conn, cache, "rolled back", nil)

	// A read is stored only while its stamp holds: not when the plan
	// itself printed expressions through the server (a temporary table in
	// a transaction it rolled back), nor after a change meanwhile. With
	// nothing in between it is stored, and used.
	for _, step := range []struct {
		name string
		by   *pgx.Conn
		sql  string
	}{
		{"a temporary table rolled back on the same connection", conn, "BEGIN; CREATE TEMP TABLE cc_probe (a int); ROLLBACK"},
		{"a table made by another session", other, "CREATE TABLE app.meanwhile (id int)"},
		{"nothing", nil, ""},
	} {
		fresh, err := parsecache.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		in, used, err := introspectCached(context.Background(), conn, fresh)
		if err != nil || used {
			t.Fatalf("%s: a read from an empty cache: hit %v, %v", step.name, used, err)
		}
		if step.by != nil {
			mustExecConn(t, step.by, step.sql)
		}
		in.StoreCatalog(context.Background(), conn)
		stored := fresh.Catalog(catalogIdentity(conn)).Stamp != ""
		if want := step.by == nil; stored != want {
			t.Fatalf("after %s the read was stored: %v, want %v", step.name, stored, want)
		}
		if stored {
			checkCatalogRead(t, conn, fresh, "stored after "+step.name, hit)
		}
	}

	// A transaction open during the read commits after it.
	mustExecConn(t, other, "BEGIN")
	mustExecConn(t, other, "CREATE TABLE app.raced (id int)")
	checkCatalogRead(t, conn, cache, "transaction open", nil)
	checkCatalogSettles(t, conn, cache, "transaction open")
	mustExecConn(t, other, "COMMIT")
	checkCatalogRead(t, conn, cache, "transaction committed after the read", miss)
	in, err := IntrospectCached(context.Background(), conn)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := in.raw.Table(state.QualName{Schema: "app", Name: "raced"}); !ok {
		t.Fatal("the committed table is missing")
	}

	// Another role reads its own entry, never the superuser's.
	mustExecConn(t, conn, "SET ROLE cc_reader")
	checkCatalogRead(t, conn, cache, "another role", miss)
	checkCatalogSettles(t, conn, cache, "another role")
	mustExecConn(t, conn, "RESET ROLE")
	checkCatalogRead(t, conn, cache, "back to the first role", miss)

	// An entry whose bytes changed is not used, and is removed.
	checkCatalogRead(t, conn, cache, "before the entry is poisoned", hit)
	b, err = os.ReadFile(ents[0])
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)-1] ^= 0x55
	if err := os.WriteFile(ents[0], b, 0o600); err != nil {
		t.Fatal(err)
	}
	checkCatalogRead(t, conn, cache, "poisoned entry", miss)
	checkCatalogSettles(t, conn, cache, "after the poisoned entry")

	// A role that may not read the WAL position gets no stamp: its reads
	// are never stored, so never used.
	mustExecConn(t, conn, "REVOKE EXECUTE ON FUNCTION pg_current_wal_insert_lsn() FROM PUBLIC; SET ROLE cc_reader")
	if _, stamp, err := catalog.IntrospectStamped(context.Background(), conn, ""); err != nil || stamp != "" {
		t.Fatalf("a role refused pg_current_wal_insert_lsn got a stamp (%v):\n%s", err, stamp)
	}
	for i := 0; i < 3; i++ {
		checkCatalogRead(t, conn, cache, "no stamp", miss)
	}
}

// stampLines splits a catalog stamp into its lines, by their first word.
func stampLines(t *testing.T, stamp string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, l := range strings.Split(stamp, "\n") {
		k, v, _ := strings.Cut(l, " ")
		out[k] = v
	}
	for _, k := range []string{"wal", "snapshot", "postmaster", "database", "roles", "version", "settings"} {
		if out[k] == "" {
			t.Fatalf("the stamp has no %s line:\n%s", k, stamp)
		}
	}
	return out
}

// readStamp reads the catalog's stamp (and the catalog).
func readStamp(t *testing.T, conn *pgx.Conn) string {
	t.Helper()
	s, stamp, err := catalog.IntrospectStamped(context.Background(), conn, "")
	if err != nil || s == nil {
		t.Fatalf("reading the catalog: %v", err)
	}
	return stamp
}

// TestCatalogStampInPlaceChange: a change PostgreSQL makes in place,
// with no transaction ID (VACUUM's update of pg_class), leaves the
// snapshot as it was but moves the WAL position, so the stamp changes.
func TestCatalogStampInPlaceChange(t *testing.T) {
	conn, err := connect(t, quietCluster(t))
	if err != nil {
		t.Fatal(err)
	}
	mustExecConn(t, conn, "CREATE TABLE t (id int); INSERT INTO t SELECT generate_series(1, 1000)")
	var before string
	for i := 0; i < 3; i++ { // until reading writes no WAL (checkCatalogSettles)
		before = readStamp(t, conn)
	}
	if again := readStamp(t, conn); again != before {
		t.Fatalf("the stamp of an unchanged catalog changed:\n%s\nthen:\n%s", before, again)
	}
	mustExecConn(t, conn, "VACUUM t")
	after := readStamp(t, conn)
	b, a := stampLines(t, before), stampLines(t, after)
	if a["snapshot"] != b["snapshot"] {
		t.Fatalf("VACUUM changed the snapshot (%s, then %s): the test no longer shows a change without a transaction", b["snapshot"], a["snapshot"])
	}
	if a["wal"] == b["wal"] || after == before {
		t.Fatalf("the stamp did not change after VACUUM:\n%s", after)
	}
}

// TestCatalogStampRestoredCluster: a cluster started again from a copy
// of its data directory (a restore) has the same system identifier and
// may have the same WAL position and snapshot, yet its stamp differs.
func TestCatalogStampRestoredCluster(t *testing.T) {
	ctx := context.Background()
	tmpl, kept := t.TempDir(), t.TempDir()
	start := func() *pgserver.Server {
		s, err := pgserver.StartKeptFrom(ctx, srv.BinDir(), os.Getenv(pgserver.EnvBin) != "", tmpl, kept)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s.Stop() })
		return s
	}
	s := start()
	conn, err := connect(t, s.AdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	mustExecConn(t, conn, "CREATE TABLE t (id int)")
	first := readStamp(t, conn)
	conn.Close(ctx)
	if err := s.StopAndKeep([]byte("stamp test")); err != nil {
		t.Fatal(err)
	}
	s2 := start()
	if string(s2.KeptMeta()) != "stamp test" {
		t.Fatalf("the second cluster is not the first one's copy (meta %q)", s2.KeptMeta())
	}
	conn2, err := connect(t, s2.AdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	second := readStamp(t, conn2)
	f, g := stampLines(t, first), stampLines(t, second)
	if f["system"] != g["system"] {
		t.Fatalf("the copy has another system identifier (%s, %s)", f["system"], g["system"])
	}
	if first == second {
		t.Fatalf("the restored cluster's stamp equals the original's:\n%s", first)
	}
	t.Logf("wal %s -> %s, snapshot %s -> %s", f["wal"], g["wal"], f["snapshot"], g["snapshot"])
}

// checkStoredCatalog fails unless raw, a model read from a catalog,
// reads back from the catalog cache exactly: every plan of the
// convergence cases checks it, so the codec is proved on every kind of
// object the cases hold.
func checkStoredCatalog(t testing.TB, raw state.DatabaseSchema) {
	t.Helper()
	c, err := parsecache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	want := &storedIntrospection{Raw: raw, Warnings: []string{"w"}, Owners: []state.Owner{{Role: "r"}}}
	if err := c.PutCatalog("check", "stamp", want); err != nil {
		t.Fatalf("storing the catalog's model: %v", err)
	}
	var got storedIntrospection
	if err := c.Catalog("check").Decode(&got); err != nil {
		t.Fatalf("reading the stored catalog's model: %v", err)
	}
	if !reflect.DeepEqual(&got, want) {
		t.Fatalf("the stored catalog's model reads back differently:\n%s\nwas:\n%s", got.Raw.Fingerprint(), raw.Fingerprint())
	}
}
