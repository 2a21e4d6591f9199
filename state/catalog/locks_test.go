package catalog

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/renovate-pg/renovate/internal/pgserver"
)

// TestIntrospectHoldsNoLockPerTable: reading the catalog must not keep a
// lock on every table until its transaction ends, or a database with more
// tables than the server's lock table holds (max_locks_per_transaction x
// the number of backends, 6,400 and more on a default server) could not be
// read at all: that is where pg_dump fails ("out of shared memory"), since
// it locks every table it dumps. The deparsing functions the queries call
// open a table (pg_get_expr, pg_get_indexdef, pg_get_constraintdef) but
// release it at once.
//
// A cluster of its own has the smallest lock table PostgreSQL allows (10
// locks per backend, few backends). Tables are added, each with what
// makes those functions open it (a default, a CHECK constraint, an
// expression index and a partial index), while another transaction locks
// each new one, until that transaction runs out of lock space; a fifth
// more are added, and reading them all must work.
func TestIntrospectHoldsNoLockPerTable(t *testing.T) {
	ctx := testContext(t)
	binDir, fromEnv, err := pgserver.FindBinDir()
	if err != nil {
		t.Fatal(err)
	}
	// Settings every supported version knows; backends of all kinds count
	// towards the lock table's size.
	small, err := pgserver.StartFrom(ctx, binDir, fromEnv, "max_locks_per_transaction=10", "max_connections=10",
		"max_wal_senders=0", "max_worker_processes=0", "autovacuum_max_workers=1", "max_prepared_transactions=0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := small.Stop(); err != nil {
			t.Error(err)
		}
	})
	conn, err := Connect(ctx, small.AdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	locker, err := Connect(ctx, small.AdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer locker.Close(context.Background())
	tx, err := locker.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback(context.Background()) }()

	// lockTableFull reports whether err is PostgreSQL's out_of_memory,
	// which a full lock table raises.
	lockTableFull := func(err error) bool {
		var pgErr *pgconn.PgError
		return errors.As(err, &pgErr) && pgErr.Code == "53200"
	}
	const most = 6000
	tables, full := 0, 0
	// create adds n tables, ten to a transaction.
	create := func(n int) error {
		for n > 0 {
			k := min(n, 10)
			var ddl strings.Builder
			for i := tables; i < tables+k; i++ {
				fmt.Fprintf(&ddl, "CREATE TABLE t%d (id int PRIMARY KEY, n int DEFAULT 1 + 1 CHECK (n > 0), s text);\n", i)
				fmt.Fprintf(&ddl, "CREATE INDEX t%d_lower ON t%d (lower(s)) WHERE n > 1;\n", i, i)
			}
			if _, err := conn.Exec(ctx, ddl.String()); err != nil {
				return err
			}
			tables, n = tables+k, n-k
		}
		return nil
	}
	for full == 0 {
		if tables >= most {
			t.Fatalf("one transaction locked all %d tables: the lock table is not as small as this test needs", tables)
		}
		first := tables
		if err := create(100); err != nil {
			if !lockTableFull(err) {
				t.Fatal(err)
			}
			// The other transaction's locks leave no room to create more.
			full = tables
			break
		}
		for i := first; i < tables; i++ {
			if _, err := tx.Exec(ctx, fmt.Sprintf("LOCK TABLE t%d IN ACCESS SHARE MODE", i)); err != nil {
				if !lockTableFull(err) {
					t.Fatal(err)
				}
				full = i
				break
			}
		}
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	if err := create(full/5 + 100); err != nil {
		t.Fatal(err)
	}
	t.Logf("one transaction could lock %d tables; reading %d", full, tables)

	got, err := Introspect(ctx, conn)
	if err != nil {
		t.Fatalf("reading %d tables with a lock table too small to lock %d: %v", tables, full, err)
	}
	if len(got.Tables) != tables {
		t.Fatalf("read %d tables, want %d", len(got.Tables), tables)
	}
	for _, tb := range got.Tables {
		if len(tb.Indexes) != 1 || tb.Columns[1].Default == "" || len(tb.Constraints) != 2 {
			t.Fatalf("table %s read incompletely: %+v", tb.Name, tb)
		}
	}
}
