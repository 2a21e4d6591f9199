package state

// Privilege is one privilege granted on an object. Owners' implicit
// privileges and the defaults PostgreSQL gives a new object (EXECUTE to
// PUBLIC on functions, USAGE to PUBLIC on types) are filled in on both
// sides, so a NULL ACL and its spelled-out default compare equal.
type Privilege struct {
	// Grantee is a role name, or "PUBLIC".
	Grantee string `json:"grantee"`
	// Privilege is the keyword: SELECT, INSERT, UPDATE, DELETE, TRUNCATE,
	// REFERENCES, TRIGGER, USAGE, CREATE, EXECUTE, ...
	Privilege string `json:"privilege"`
	Grantable bool   `json:"grantable,omitempty"`
}

// DefaultPrivilege is one ALTER DEFAULT PRIVILEGES entry: objects of
// ObjectType created by Role (in Schema, or anywhere when empty) get
// Privilege for Grantee.
type DefaultPrivilege struct {
	Role   string `json:"role"`
	Schema string `json:"schema,omitempty"`
	// ObjectType is "tables", "sequences", "functions", "types" or
	// "schemas".
	ObjectType string `json:"object_type"`
	Privilege
}
