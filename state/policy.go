package state

// Policy is a row-level security policy of a table.
type Policy struct {
	Name       string `json:"name"`
	Permissive bool   `json:"permissive"`
	// Command is ALL, SELECT, INSERT, UPDATE or DELETE.
	Command string `json:"command"`
	// Roles are sorted; "PUBLIC" when the policy applies to everyone.
	Roles     []string `json:"roles"`
	Using     string   `json:"using,omitempty"`
	WithCheck string   `json:"with_check,omitempty"`
	Comment   string   `json:"comment,omitempty"`
}

// PolicyKey returns the ObjectKey of policy name on table t.
func PolicyKey(t QualName, name string) ObjectKey {
	return ObjectKey{Kind: KindPolicy, Schema: t.Schema, Table: t.Name, Name: name}
}
