package shadow

import (
	"context"
	"os"
	"testing"

	"github.com/renovate-pg/renovate/internal/pgtest"
	"github.com/renovate-pg/renovate/state/catalog"
)

var srv *pgtest.Server

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, &srv)) }

// TestOpenOnServer creates the two scratch databases on a given server and
// checks that Close drops them.
func TestOpenOnServer(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, srv.AdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	shadow, ref, err := db.Connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var a, b string
	if err := shadow.QueryRow(ctx, "SELECT current_database()").Scan(&a); err != nil {
		t.Fatal(err)
	}
	if err := ref.QueryRow(ctx, "SELECT current_database()").Scan(&b); err != nil {
		t.Fatal(err)
	}
	if a == b || a == "postgres" || b == "postgres" {
		t.Errorf("scratch databases %q and %q: want two fresh ones", a, b)
	}
	// Close drops them even with sessions still open.
	if err := db.Close(ctx); err != nil {
		t.Fatal(err)
	}
	admin, err := catalog.Connect(ctx, srv.AdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	var n int
	if err := admin.QueryRow(ctx, "SELECT count(*) FROM pg_database WHERE datname = ANY($1)", []string{a, b}).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d scratch database(s) left after Close (%v)", n, err)
	}
}

func TestWithDatabase(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"postgres://u@h:5/postgres?sslmode=disable", "postgres://u@h:5/x?sslmode=disable"},
		{"postgresql://u@h/", "postgresql://u@h/x"},
		{"postgres://u@h/?dbname=other", "postgres://u@h/x?dbname=x"},
		{"host=/tmp user=u dbname=postgres", "host=/tmp user=u dbname=postgres dbname='x'"},
	} {
		got, err := withDatabase(tt.in, "x")
		if err != nil || got != tt.want {
			t.Errorf("withDatabase(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
