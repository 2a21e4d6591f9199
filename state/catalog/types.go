package catalog

import (
	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// scanTypes reads queries/types.sql.
func (in *introspection) scanTypes(rows pgx.Rows) error {
	for rows.Next() {
		t := state.Type{Kind: state.TypeEnum}
		if err := rows.Scan(&t.Schema, &t.Name, &t.Labels, &t.Comment); err != nil {
			return err
		}
		if len(t.Labels) == 0 {
			// CREATE TYPE e AS ENUM () is legal; keep the model's
			// "absent" form.
			t.Labels = nil
		}
		in.schema.Types = append(in.schema.Types, t)
	}
	return rows.Err()
}
