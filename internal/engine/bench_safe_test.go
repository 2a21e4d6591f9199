package engine

import (
	"context"
	"testing"

	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// BenchmarkSafetyQueries1000 measures what safe planning adds against a
// 1,000-table database when every table is hazardous: the INVALID-index
// and volatile-function lookups every plan makes, the size query (one
// round trip for all tables) and the row probe (one round trip).
func BenchmarkSafetyQueries1000(b *testing.B) {
	ctx := context.Background()
	dsn := srv.NewDatabase(b)
	conn, err := connect(b, dsn)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := conn.Exec(ctx, genSchema(1000)); err != nil {
		b.Fatal(err)
	}
	tables := make([]state.QualName, 0, 1000)
	remote, err := LoadRemote(ctx, conn)
	if err != nil {
		b.Fatal(err)
	}
	for _, t := range remote.Schema.Tables {
		tables = append(tables, t.QualName())
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := catalog.InvalidIndexes(ctx, conn); err != nil {
			b.Fatal(err)
		}
		if _, err := catalog.VolatileFunctionNames(ctx, conn); err != nil {
			b.Fatal(err)
		}
		sizes, err := catalog.RelationSizes(ctx, conn, tables)
		if err != nil {
			b.Fatal(err)
		}
		if len(sizes) != len(tables) {
			b.Fatalf("sizes of %d tables, want %d", len(sizes), len(tables))
		}
		if _, err := catalog.NonEmptyTables(ctx, conn, tables); err != nil {
			b.Fatal(err)
		}
	}
}
