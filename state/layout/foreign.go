package layout

import (
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// ForeignDataPath is the file of the foreign-data wrappers and servers
// (with their user mappings), written only when there are some.
const ForeignDataPath = "foreign_data.sql"

// SubscriptionsPath is the file of the subscriptions, written only when
// there are some.
const SubscriptionsPath = "subscriptions.sql"

// foreignFiles adds the foreign-data and subscription files of s to out.
// Foreign tables are tables, in <schema>/foreign_tables/ (tableDir).
func foreignFiles(s state.DatabaseSchema, out map[string]string) {
	if len(s.ForeignDataWrappers) > 0 || len(s.Servers) > 0 {
		out[ForeignDataPath] = sqlgen.ForeignDataDefinition(s.ForeignDataWrappers, s.Servers)
	}
	if len(s.Subscriptions) > 0 {
		out[SubscriptionsPath] = sqlgen.SubscriptionsDefinition(s.Subscriptions)
	}
}

// tableDir is the folder of a table's file in its schema.
func tableDir(t state.Table) string {
	if t.Foreign != nil {
		return "foreign_tables"
	}
	return "tables"
}
