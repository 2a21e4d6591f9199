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
		)
		if err := rows.Scan(&oid, &rel, &ix.Name, &ix.Unique, &def, &pred, &tablespace); err != nil {
			return err
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
