package catalog

import (
	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// scanTypes reads queries/types.sql.
func (in *introspection) scanTypes(rows pgx.Rows) error {
	for rows.Next() {
		var oid uint32
		t := state.Type{Kind: state.TypeEnum}
		if err := rows.Scan(&oid, &t.Schema, &t.Name, &t.Labels); err != nil {
			return err
		}
		t.Comment = in.comment("pg_type", oid)
		if len(t.Labels) == 0 {
			// CREATE TYPE e AS ENUM () is legal; keep the model's
			// "absent" form.
			t.Labels = nil
		}
		in.schema.Types = append(in.schema.Types, t)
	}
	return rows.Err()
}
