package state

// DataTable is a table whose rows renovate manages as reference data: a
// data block of renovate.hcl. Its rows live in <schema>/data/<table>.sql.
type DataTable struct {
	Table QualName `json:"table"`
	// Key are the columns rows are matched by between the files and a
	// database; empty means the table's primary key. A natural key (such
	// as a code) lets rows match across databases whose surrogate ids
	// differ.
	Key []string `json:"key,omitempty"`
	// IgnoreColumns are neither written, compared nor set.
	IgnoreColumns []string `json:"ignore_columns,omitempty"`
	// RawReferences are columns with a foreign key to a table that is
	// not a data table whose values are written and applied as they are
	// (the user says they are the same in every database); any other
	// such column is refused, its values being one database's ids.
	RawReferences []string `json:"raw_references,omitempty"`
	// Where restricts the managed rows to those satisfying this SQL
	// condition on the table's columns ("" for every row).
	Where string `json:"where,omitempty"`
	// Pos is where the data block is ("renovate.hcl:12:1"), for error
	// messages; "" when unknown.
	Pos string `json:"-"`
}
