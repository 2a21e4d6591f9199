package catalog

import (
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// scanIndexes reads queries/indexes.sql. It must run after scanTables.
func (in *introspection) scanIndexes(rows pgx.Rows) error {
	for rows.Next() {
		var (
			oid, rel         uint32
			ix               state.Index
			def              *string
			pred, tablespace string
			statCols, stats  []int32
		)
		if err := rows.Scan(&oid, &rel, &ix.Name, &ix.Unique, &def, &pred, &tablespace, &statCols, &stats); err != nil {
			return err
		}
		if len(statCols) != len(stats) {
			return fmt.Errorf("index %s: statistics lists of different lengths", ix.Name)
		}
		for i, col := range statCols {
			ix.Statistics = append(ix.Statistics, state.IndexStatistics{Column: int(col), Target: int(stats[i])})
		}
		t, ok := in.table(rel)
		if !ok {
			continue
		}
		if def == nil {
			return fmt.Errorf("index %s on %s: %w", ix.Name, t.QualName(), errConcurrentDDL)
		}
		ix.Definition = indexTablespace(*def, pred, tablespace)
		ix.Comment = in.comment("pg_class", oid)
		t.Indexes = append(t.Indexes, ix)
	}
	return rows.Err()
}
