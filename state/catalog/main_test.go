package catalog

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/internal/pgtest"
)

// srv is the PostgreSQL server shared by this package's tests; each test
// gets its own database from srv.NewDatabase.
var srv *pgtest.Server

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, &srv)) }

// testContext returns a context that ends with the test, bounded so that a
// hung server fails the test instead of the whole binary's timeout.
func testContext(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// newDatabase creates a database for the test, runs setup in it (each
// string one simple-protocol Exec, so a string may hold several
// statements), and returns its DSN and a connection to it made with
// Connect.
func newDatabase(t testing.TB, setup ...string) (string, *pgx.Conn) {
	t.Helper()
	ctx := testContext(t)
	dsn := srv.NewDatabase(t)
	conn, err := Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	for _, sql := range setup {
		if _, err := conn.Exec(ctx, sql, pgx.QueryExecModeSimpleProtocol); err != nil {
			t.Fatalf("setting up: %v\n%s", err, sql)
		}
	}
	return dsn, conn
}
