// Package rows is renovate's reference data: the shape of a data table's
// rows (which columns, which key, which foreign keys are written by the
// referenced row's natural key), the data file format
// (<schema>/data/<table>.sql, one INSERT per row, ordered by key), reading
// it back with errors naming file:line:column, and the streaming merge of
// two key-ordered row streams into inserts, updates and deletes.
//
// Values are carried as PostgreSQL's text output (what value::text prints
// with the session settings of state/catalog's data reads), so any type
// round-trips without the package knowing it; the key order is by value for
// numbers (integers, numeric, real, double precision: 1.5 and 1.50 are
// one key, as for a unique index) and bytewise (COLLATE "C") for everything else, the same
// on both sides of a diff. The package does no I/O beyond the io.Reader
// and io.Writer it is given.
//
// rows imports state and sqlgen (for quoting) and nothing else of
// renovate's.
package rows
