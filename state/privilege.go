package state

import "sort"

// Privilege is one privilege granted on an object.
//
// The model records effective privileges, the same way on both sides, so a
// NULL ACL and its spelled-out default compare equal:
//
//   - The owner's own privileges are not recorded in Privileges. The owner
//     holds every privilege implicitly, and the owner of a new object is
//     whoever runs the plan, which the files cannot know. The catalog
//     leaves out the owner's rows; the engine drops grants to the owner
//     from the files. What an owner revoked from itself is recorded apart,
//     in the object's OwnerRevoked, each entry naming the owner: the
//     catalog reads it where the ACL lacks one of the owner's rows of
//     acldefault. The parser cannot tell the owner, so in a model read
//     from files OwnerRevoked holds every role's REVOKEs that no later
//     GRANT undid, and the engine keeps the owner's (it knows the owner at
//     plan time) and drops the rest, which mean nothing for a role that
//     does not own the object. Plans compare the privilege keywords only,
//     and name the owner as the models read it.
//   - PUBLIC's defaults are recorded explicitly: EXECUTE on functions and
//     procedures, USAGE on types and domains (see PublicDefaults). The
//     catalog reads coalesce(acl, acldefault(...)); the parser gives every
//     function and type those defaults unless a REVOKE ... FROM PUBLIC
//     removes them.
//   - Grantors are not modelled: a privilege is held or not, whoever
//     granted it.
//
// A (Grantee, Privilege) pair appears at most once; Grantable says whether
// it was granted WITH GRANT OPTION.
type Privilege struct {
	// Grantee is a role name, or "PUBLIC".
	Grantee string `json:"grantee"`
	// Privilege is the keyword: SELECT, INSERT, UPDATE, DELETE, TRUNCATE,
	// REFERENCES, TRIGGER, MAINTAIN, USAGE, CREATE, EXECUTE.
	Privilege string `json:"privilege"`
	Grantable bool   `json:"grantable,omitempty"`
}

// DefaultPrivilege is one ALTER DEFAULT PRIVILEGES entry: objects of
// ObjectType created by Role (in Schema, or anywhere when empty) get
// Privilege for Grantee.
//
// An entry with an empty Schema replaces PostgreSQL's built-in default for
// the role's new objects of that type (pg_default_acl stores the whole
// ACL), so the model records the complete resulting set for such a
// (Role, ObjectType) group, the role's own privileges and PUBLIC's
// included; a group equal to BuiltinDefaultPrivileges is not recorded at
// all, as PostgreSQL then deletes the entry. Entries for a schema only add
// to the global ones and are recorded as they are.
type DefaultPrivilege struct {
	Role   string `json:"role"`
	Schema string `json:"schema,omitempty"`
	// ObjectType is "tables", "sequences", "functions", "types" or
	// "schemas".
	ObjectType string `json:"object_type"`
	Privilege
}

// Public is the grantee name of the PUBLIC pseudo-role.
const Public = "PUBLIC"

// Default privilege object types.
const (
	DefaultTables    = "tables"
	DefaultSequences = "sequences"
	DefaultFunctions = "functions"
	DefaultTypes     = "types"
	DefaultSchemas   = "schemas"
)

// privilegeOrder is the order renovate prints privileges in (the order of
// the GRANT documentation). MAINTAIN is PostgreSQL 17's.
var privilegeOrder = map[string]int{
	"SELECT": 0, "INSERT": 1, "UPDATE": 2, "DELETE": 3, "TRUNCATE": 4,
	"REFERENCES": 5, "TRIGGER": 6, "MAINTAIN": 7,
	"USAGE": 8, "CREATE": 9, "EXECUTE": 10,
}

// PrivilegeLess orders privilege keywords the way renovate prints them.
func PrivilegeLess(a, b string) bool {
	ra, oka := privilegeOrder[a]
	rb, okb := privilegeOrder[b]
	switch {
	case oka && okb:
		return ra < rb
	case oka != okb:
		return oka
	}
	return a < b
}

// SortPrivilegeNames sorts privilege keywords in print order.
func SortPrivilegeNames(names []string) {
	sort.Slice(names, func(i, j int) bool { return PrivilegeLess(names[i], names[j]) })
}

// AllPrivileges returns the privileges GRANT ALL means on an object of the
// given kind, in print order, or nil for a kind without privileges.
//
// For tables and views it includes MAINTAIN, which only PostgreSQL 17 and
// later know: the engine removes it from the desired model on older
// servers, where ALL means the other seven.
func AllPrivileges(k Kind) []string {
	switch k {
	case KindTable, KindView, KindMaterializedView:
		return []string{"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN"}
	case KindColumn:
		return []string{"SELECT", "INSERT", "UPDATE", "REFERENCES"}
	case KindSequence:
		return []string{"SELECT", "UPDATE", "USAGE"}
	case KindSchema:
		return []string{"USAGE", "CREATE"}
	case KindFunction, KindProcedure, KindAggregate:
		return []string{"EXECUTE"}
	case KindType, KindForeignDataWrapper, KindServer, KindLanguage:
		return []string{"USAGE"}
	}
	return nil
}

// PublicDefaults returns what PostgreSQL grants PUBLIC on a new object of
// kind k when no default privileges say otherwise: EXECUTE on functions and
// procedures, USAGE on types, domains and languages (trusted ones: an
// untrusted language has no privileges), nothing on the rest.
func PublicDefaults(k Kind) []Privilege {
	switch k {
	case KindFunction, KindProcedure, KindAggregate:
		return []Privilege{{Grantee: Public, Privilege: "EXECUTE"}}
	case KindType, KindLanguage:
		return []Privilege{{Grantee: Public, Privilege: "USAGE"}}
	}
	return nil
}

// DefaultObjectKind maps a DefaultPrivilege ObjectType to the kind of the
// objects it applies to ("" for an unknown type).
func DefaultObjectKind(objectType string) Kind {
	switch objectType {
	case DefaultTables:
		return KindTable
	case DefaultSequences:
		return KindSequence
	case DefaultFunctions:
		return KindFunction
	case DefaultTypes:
		return KindType
	case DefaultSchemas:
		return KindSchema
	}
	return ""
}

// BuiltinDefaultPrivileges returns PostgreSQL's built-in default for new
// objects of objectType created by role (acldefault): every privilege of
// the kind for the role itself, plus PUBLIC's defaults. It is what a
// global DefaultPrivilege group means when it is not recorded.
//
// The role's own MAINTAIN on tables is left out, here and everywhere in
// the model (see UnmanagedDefaultPrivilege): PostgreSQL 17 added it to
// acldefault, and a model that must mean the same on every version cannot
// say whether the built-in default has it.
func BuiltinDefaultPrivileges(role, objectType string) []DefaultPrivilege {
	k := DefaultObjectKind(objectType)
	var out []DefaultPrivilege
	for _, p := range AllPrivileges(k) {
		d := DefaultPrivilege{Role: role, ObjectType: objectType, Privilege: Privilege{Grantee: role, Privilege: p}}
		if UnmanagedDefaultPrivilege(d) {
			continue
		}
		out = append(out, d)
	}
	for _, p := range PublicDefaults(k) {
		out = append(out, DefaultPrivilege{Role: role, ObjectType: objectType, Privilege: p})
	}
	return out
}

// UnmanagedDefaultPrivilege reports whether d is left out of the model:
// a role's own MAINTAIN on its new tables (see BuiltinDefaultPrivileges).
func UnmanagedDefaultPrivilege(d DefaultPrivilege) bool {
	return d.Grantee == d.Role && d.Privilege.Privilege == "MAINTAIN"
}

// HasPrivilege reports whether ps holds privilege for grantee, and whether
// with grant option.
func HasPrivilege(ps []Privilege, grantee, privilege string) (held, grantable bool) {
	for _, p := range ps {
		if p.Grantee == grantee && p.Privilege == privilege {
			return true, p.Grantable
		}
	}
	return false, false
}
