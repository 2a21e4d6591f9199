package catalog

import (
	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// scanExtensions reads queries/extensions.sql.
func (in *introspection) scanExtensions(rows pgx.Rows) error {
	for rows.Next() {
		var e state.Extension
		if err := rows.Scan(&e.Name, &e.Schema, &e.Version); err != nil {
			return err
		}
		in.schema.Extensions = append(in.schema.Extensions, e)
	}
	return rows.Err()
}

// scanSchemas reads queries/schemas.sql.
func (in *introspection) scanSchemas(rows pgx.Rows) error {
	for rows.Next() {
		var (
			oid uint32
			s   state.Schema
		)
		if err := rows.Scan(&oid, &s.Name); err != nil {
			return err
		}
		s.Comment = in.comment("pg_namespace", oid)
		in.schema.Schemas = append(in.schema.Schemas, s)
	}
	return rows.Err()
}
