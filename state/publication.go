package state

// Publication is a logical replication publication (CREATE PUBLICATION).
type Publication struct {
	Name      string `json:"name"`
	AllTables bool   `json:"all_tables,omitempty"`
	// Tables are the published tables, sorted, each the schema-qualified
	// table in canonical SQL with its column list and row filter when
	// given, e.g. "public.t (a, b) WHERE (a > 0)".
	Tables []string `json:"tables,omitempty"`
	// Schemas are the schemas of FOR TABLES IN SCHEMA (PostgreSQL 15+),
	// sorted.
	Schemas []string `json:"schemas,omitempty"`
	// Publish lists the published operations, in the order insert,
	// update, delete, truncate. It always holds the effective list: the
	// default is all four.
	Publish []string `json:"publish,omitempty"`
	// ViaRoot is publish_via_partition_root.
	ViaRoot bool   `json:"via_root,omitempty"`
	Comment string `json:"comment,omitempty"`
	// Owner is set only where the user manages owners.
	Owner string `json:"owner,omitempty"`
}

// Key returns the publication's ObjectKey.
func (p Publication) Key() ObjectKey { return ObjectKey{Kind: KindPublication, Name: p.Name} }

// PublicationOperations are the operations a publication can publish, in
// their canonical order; a publication publishes all of them by default.
var PublicationOperations = []string{"insert", "update", "delete", "truncate"}
