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
			rel uint32
			ix  state.Index
			def *string
		)
		if err := rows.Scan(&rel, &ix.Name, &ix.Unique, &def, &ix.Comment); err != nil {
			return err
		}
		t, ok := in.table(rel)
		if !ok {
			continue
		}
		if def == nil {
			return fmt.Errorf("index %s on %s: %w", ix.Name, t.QualName(), errConcurrentDDL)
		}
		ix.Definition = *def
		t.Indexes = append(t.Indexes, ix)
	}
	return rows.Err()
}
