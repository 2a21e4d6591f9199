package shadow

import (
	"context"
	"testing"

	"github.com/renovate-pg/renovate/internal/pgserver"
)

// TestPrepare opens a throwaway scratch database in the background twice:
// once waited for and used, once discarded unused; both clusters are gone
// afterwards.
func TestPrepare(t *testing.T) {
	ctx := context.Background()
	p := Prepare(ctx, "")
	db, err := p.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if db.Template == pgserver.TemplateNone {
		t.Errorf("the throwaway cluster was not made from the template cluster")
	}
	sc, ref, err := db.Connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := sc.QueryRow(ctx, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace").Scan(&n); err != nil || n != 0 {
		t.Errorf("fresh scratch database holds %d relations (%v)", n, err)
	}
	sc.Close(ctx)
	ref.Close(ctx)
	dsn := db.DSN
	if err := p.Discard(); err != nil { // after Wait: nothing
		t.Fatal(err)
	}
	if _, err := pgserver.ServerVersion(ctx, dsn); err != nil {
		t.Fatalf("Discard after Wait closed the database the caller holds: %v", err)
	}
	if err := db.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := pgserver.ServerVersion(ctx, dsn); err == nil {
		t.Errorf("the throwaway cluster still runs after Close")
	}

	q := PrepareWith(ctx, "", func(ctx context.Context, url string) (*DB, error) {
		db, err := Open(ctx, url)
		if err == nil {
			dsn = db.DSN
		}
		return db, err
	})
	if err := q.Discard(); err != nil {
		t.Fatal(err)
	}
	if dsn != db.DSN {
		if _, err := pgserver.ServerVersion(ctx, dsn); err == nil {
			t.Errorf("the discarded throwaway cluster still runs")
		}
	}
}
