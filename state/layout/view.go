package layout

import "github.com/renovate-pg/renovate/state"

// ViewPath is the file of a view (<schema>/views/<view>.sql) or a
// materialized view (<schema>/materialized_views/<view>.sql).
func ViewPath(v state.View) string {
	if v.Materialized {
		return ObjectPath(v.Schema, "materialized_views", v.Name)
	}
	return ObjectPath(v.Schema, "views", v.Name)
}
