package shadow

import (
	"context"
	"slices"
	"sort"
	"testing"

	"github.com/jackc/pgx/v5"
)

// spareCount is how many spare clones db has started and not handed out.
func spareCount(db *DB) int {
	db.keep.mu.Lock()
	defer db.keep.mu.Unlock()
	return len(db.keep.spares)
}

// hasTable reports whether conn's database has table public.name.
func hasTable(t *testing.T, conn *pgx.Conn, name string) bool {
	t.Helper()
	var ok bool
	if err := conn.QueryRow(context.Background(), "SELECT to_regclass($1) IS NOT NULL", "public."+name).Scan(&ok); err != nil {
		t.Fatal(err)
	}
	return ok
}

// openKept opens a throwaway cluster that keeps its databases.
func openKept(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	if !db.Keeps() {
		t.Fatal("a throwaway shadow cluster does not keep its databases")
	}
	return db
}

// keepNew makes an empty scratch database in db, runs setup there (when
// not empty) and keeps it under key with fingerprint fp.
func keepNew(t *testing.T, db *DB, key, fp, setup string) {
	t.Helper()
	ctx := context.Background()
	conn, err := db.NewDatabase(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if setup != "" {
		if _, err := conn.Exec(ctx, setup); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Keep(ctx, conn, key, fp); err != nil {
		t.Fatal(err)
	}
}

// TestWarmSpare: Warm clones, in the background, the kept database read
// with the given fingerprint, and the NewDatabase that asks for a clone
// of it takes that clone; a fingerprint no kept database was read with
// starts nothing; keeping another database under the key drops the
// spare made of the old one, so a clone of what it held is never handed
// out; and a cluster closed while a spare is being made keeps its kept
// databases and nothing else.
func TestWarmSpare(t *testing.T) {
	t.Setenv(EnvKeep, t.TempDir())
	ctx := context.Background()

	db := openKept(t)
	keepNew(t, db, "k1", "fp1", "CREATE TABLE public.first (id int)")
	db.Record("k2", "fp1") // a record without a database: nothing to clone
	if err := db.Close(ctx); err != nil {
		t.Fatal(err)
	}

	db = openKept(t)
	db.Warm("another fingerprint")
	if n := spareCount(db); n != 0 {
		t.Fatalf("Warm of a fingerprint nothing was read with started %d clone(s)", n)
	}
	db.Warm("fp1")
	db.Warm("fp1")
	if n := spareCount(db); n != 1 {
		t.Fatalf("Warm twice started %d clone(s), want 1", n)
	}
	spareName := db.keep.spares["k1"].name
	conn, err := db.NewDatabase(ctx, "k1")
	if err != nil {
		t.Fatal(err)
	}
	if got := conn.Config().Database; got != spareName {
		t.Errorf("NewDatabase made %s, want the spare %s", got, spareName)
	}
	if !hasTable(t, conn, "first") {
		t.Error("the spare clone lacks the kept database's table")
	}
	conn.Close(ctx)
	if n := spareCount(db); n != 0 {
		t.Fatalf("%d spare(s) left after NewDatabase took it", n)
	}

	// A spare of k1 as it is now; then k1 is kept anew.
	db.Warm("fp1")
	keepNew(t, db, "k1", "fp2", "CREATE TABLE public.second (id int)")
	if n := spareCount(db); n != 0 {
		t.Fatalf("the spare of the replaced database is still offered (%d)", n)
	}
	conn, err = db.NewDatabase(ctx, "k1")
	if err != nil {
		t.Fatal(err)
	}
	if hasTable(t, conn, "first") || !hasTable(t, conn, "second") {
		t.Error("the clone of k1 is not of the database kept last")
	}
	conn.Close(ctx)

	// Closed while a spare is being made.
	db.Warm("fp2")
	if err := db.Close(ctx); err != nil {
		t.Fatal(err)
	}

	db = openKept(t)
	defer db.Close(ctx)
	if fp, ok := db.Kept("k1"); !ok || fp != "fp2" {
		t.Fatalf("k1 kept with %q, %t; want fp2", fp, ok)
	}
	admin, err := pgx.Connect(ctx, db.keep.adminDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	rows, err := admin.Query(ctx, "SELECT datname FROM pg_database WHERE datname NOT IN ('postgres', 'template0', 'template1')")
	if err != nil {
		t.Fatal(err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	own := []string{dbName(t, db.DSN), dbName(t, db.ReferenceDSN), keptName("k1")}
	sort.Strings(own)
	if !slices.Equal(names, own) {
		t.Errorf("the kept cluster holds %v, want %v (its kept database and this run's two)", names, own)
	}
}

// dbName is the database dsn connects to.
func dbName(t *testing.T, dsn string) string {
	t.Helper()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Database
}

// TestPendingWarm: a fingerprint given to a scratch database still being
// opened (the CLI knows it before the cluster is up) starts the spare
// once it is open.
func TestPendingWarm(t *testing.T) {
	t.Setenv(EnvKeep, t.TempDir())
	ctx := context.Background()
	db := openKept(t)
	keepNew(t, db, "k1", "fp1", "")
	if err := db.Close(ctx); err != nil {
		t.Fatal(err)
	}

	p := Prepare(ctx, "")
	p.Warm("fp1") // before the cluster is up, as a rule
	db, err := p.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	if n := spareCount(db); n != 1 {
		t.Fatalf("%d spare(s) after Warm on the pending database, want 1", n)
	}
	p.Warm("fp1") // after: nothing more
	if n := spareCount(db); n != 1 {
		t.Fatalf("%d spare(s) after a second Warm, want 1", n)
	}
	conn, err := db.NewDatabase(ctx, "k1")
	if err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
}
