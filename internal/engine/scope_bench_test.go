package engine

import (
	"context"
	"testing"

	"github.com/renovate-pg/renovate/internal/filter"
)

// benchScope excludes app.t9* (111 of 1,000 tables) and defines a
// variable whose value is one table's comment.
func benchScope(b *testing.B) Scope {
	f, err := filter.New(nil, []string{"app.t9*"})
	if err != nil {
		b.Fatal(err)
	}
	return Scope{Filter: f, Vars: map[string]string{"note": "table 7", "role": "app_rw"}}
}

// BenchmarkPlanScoped1000 is BenchmarkPlan1000 with a filter and
// variables: the steady state after init with an environment's scope.
func BenchmarkPlanScoped1000(b *testing.B) {
	ctx := context.Background()
	dsn := srv.NewDatabase(b)
	conn, err := connect(b, dsn)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := conn.Exec(ctx, genSchema(1000)); err != nil {
		b.Fatal(err)
	}
	sc := benchScope(b)
	remote, err := LoadRemote(ctx, conn)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if _, err := WriteScoped(dir, remote.Raw, sc); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		local, err := LoadLocalScoped(dir, sc)
		if err != nil {
			b.Fatal(err)
		}
		remote, err := LoadRemoteScoped(ctx, conn, local, sc)
		if err != nil {
			b.Fatal(err)
		}
		p, err := Plan(ctx, conn, local.Parsed, remote)
		if err != nil {
			b.Fatal(err)
		}
		if !p.Empty() {
			b.Fatalf("no-op plan has %d steps", len(p.Steps))
		}
	}
}

// BenchmarkInitScoped1000 is BenchmarkInit1000 with a filter and
// variables (references written back).
func BenchmarkInitScoped1000(b *testing.B) {
	ctx := context.Background()
	dsn := srv.NewDatabase(b)
	conn, err := connect(b, dsn)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := conn.Exec(ctx, genSchema(1000)); err != nil {
		b.Fatal(err)
	}
	sc := benchScope(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		remote, err := LoadRemote(ctx, conn)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := WriteScoped(b.TempDir(), remote.Raw, sc); err != nil {
			b.Fatal(err)
		}
	}
}
