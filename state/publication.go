package state

// Publication is a logical replication publication.
type Publication struct {
	Name      string `json:"name"`
	AllTables bool   `json:"all_tables,omitempty"`
	// Tables are the published tables, sorted (with a column list or row
	// filter in canonical SQL when given, e.g. "public.t (a, b) WHERE (a > 0)").
	Tables []string `json:"tables,omitempty"`
	// Publish lists the published operations, in the order insert,
	// update, delete, truncate.
	Publish []string `json:"publish,omitempty"`
	ViaRoot bool     `json:"via_root,omitempty"`
	Comment string   `json:"comment,omitempty"`
}
