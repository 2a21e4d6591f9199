package catalog

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestZZExplain(t *testing.T) {
	_, conn := newDatabase(t, generatedSchema(5000)...)
	ctx := testContext(t)
	for _, f := range []string{"sequences.sql", "constraints.sql", "indexes.sql", "columns.sql", "tables.sql", "extensions.sql", "schemas.sql", "types.sql", "sequences.sql", "tables.sql", "columns.sql", "constraints.sql", "indexes.sql"} {
		sql, _ := renderQuery(f, queryData{Version: 150000})
		tx, _ := conn.Begin(ctx)
		sq, _ := renderQuery("settings.sql", queryData{})
		tx.Exec(ctx, sq)
		start := time.Now()
		rows, _ := tx.Query(ctx, sql)
		n := 0
		for rows.Next() {
			n++
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		el := time.Since(start)
		var plan []string
		if os.Getenv("PLAN") == f {
			r, _ := tx.Query(ctx, "EXPLAIN (ANALYZE, BUFFERS) "+sql)
			for r.Next() {
				var s string
				r.Scan(&s)
				plan = append(plan, s)
			}
		}
		tx.Rollback(ctx)
		t.Logf("%s: %d rows in %v\n%s", f, n, el, strings.Join(plan, "\n"))
	}
	_ = pgx.Identifier{}
}
