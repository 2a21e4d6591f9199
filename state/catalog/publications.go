package catalog

import (
	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// scanPublications reads queries/publications.sql.
func (in *introspection) scanPublications(rows pgx.Rows) error {
	for rows.Next() {
		var (
			oid                           uint32
			p                             state.Publication
			insert, update, del, truncate bool
		)
		if err := rows.Scan(&oid, &p.Name, &p.AllTables, &insert, &update, &del, &truncate, &p.ViaRoot,
			&p.Tables, &p.Schemas); err != nil {
			return err
		}
		p.Publish = []string{}
		for i, on := range []bool{insert, update, del, truncate} {
			if on {
				p.Publish = append(p.Publish, state.PublicationOperations[i])
			}
		}
		if len(p.Tables) == 0 {
			p.Tables = nil
		}
		if len(p.Schemas) == 0 {
			p.Schemas = nil
		}
		p.Comment = in.comment("pg_publication", oid)
		in.schema.Publications = append(in.schema.Publications, p)
	}
	return rows.Err()
}
