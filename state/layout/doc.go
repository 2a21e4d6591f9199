// Package layout owns renovate's on-disk format: where each object's
// canonical SQL file lives (extensions.sql, <schema>/schema.sql,
// <schema>/tables/<table>.sql, ...), reading every .sql file of a
// directory in any layout, and the _meta/plans history of applies.
//
// layout imports state and sqlgen (for the canonical text); it
// never connects to a database and never runs git.
package layout
