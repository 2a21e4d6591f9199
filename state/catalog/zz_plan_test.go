package catalog

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestZZPlan(t *testing.T) {
	_, conn := newDatabase(t, generatedSchema(1000)...)
	ctx := testContext(t)
	for _, f := range []string{"sequences.sql", "tables.sql", "columns.sql", "constraints.sql", "indexes.sql"} {
		sql, _ := renderQuery(f, queryData{Version: 150000})
		tx, _ := conn.Begin(ctx)
		sq, _ := renderQuery("settings.sql", queryData{})
		tx.Exec(ctx, sq)
		tx.Exec(ctx, "SET LOCAL statement_timeout = '10s'")
		start := time.Now()
		var plan []string
		r, _ := tx.Query(ctx, "EXPLAIN "+sql)
		for r.Next() {
			var s string
			r.Scan(&s)
			plan = append(plan, s)
		}
		_, err := tx.Exec(ctx, sql)
		tx.Rollback(ctx)
		if os.Getenv("PLAN") != f {
			plan = plan[:1]
		}
		t.Logf("%s: %v %v\n%s", f, time.Since(start), err, strings.Join(plan, "\n"))
	}
}
