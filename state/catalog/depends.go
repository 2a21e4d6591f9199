package catalog

import (
	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// scanDepends reads queries/depends.sql into the model's CatalogDepends:
// what indexes, views, rules, defaults, constraints, triggers and
// policies use that their text does not name in a way the parser reads.
// The rows come sorted.
func (in *introspection) scanDepends(rows pgx.Rows) error {
	for rows.Next() {
		var (
			kind, schema, table, name string
			d                         state.CatalogDepend
		)
		if err := rows.Scan(&kind, &schema, &table, &name, &d.RefClass, &d.RefSchema, &d.RefName); err != nil {
			return err
		}
		d.Dependent = state.ObjectKey{Kind: state.Kind(kind), Schema: schema, Table: table, Name: name}
		in.schema.CatalogDepends = append(in.schema.CatalogDepends, d)
	}
	return rows.Err()
}
