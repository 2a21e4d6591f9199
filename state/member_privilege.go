package state

// MemberPrivilege is a privilege of a function or procedure that belongs to
// an extension, where it differs from what CREATE EXTENSION gave it (the
// routine's pg_init_privs): `REVOKE EXECUTE ON FUNCTION
// public.gen_random_uuid() FROM PUBLIC` after `CREATE EXTENSION pgcrypto`.
// The extension's objects are not part of the model; these differences are
// the user's decision and are, as pg_dump writes them.
//
// A MemberPrivilege says what holds after the statements, whatever the
// extension granted: Revoked false means Grantee holds Privilege
// (grantable when Grantable), Revoked true means it does not. A
// (Schema, Name, Arguments, Grantee, Privilege) tuple appears at most once;
// the owner's own privileges are not recorded, as everywhere (see
// Privilege).
type MemberPrivilege struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	// Arguments are the routine's input argument types, as a GRANT names
	// them and format_type prints them ("text, text").
	Arguments string `json:"arguments"`
	// Procedure says the routine is a procedure (GRANT ... ON
	// PROCEDURE); it is no part of the identity, as a GRANT ... ON
	// ROUTINE names either.
	Procedure bool `json:"procedure,omitempty"`
	Privilege
	// Revoked: the grantee no longer holds the privilege the extension
	// gave it.
	Revoked bool `json:"revoked,omitempty"`
}

// MemberPrivilegeKey identifies a MemberPrivilege: the routine, the
// grantee and the privilege.
type MemberPrivilegeKey struct {
	Schema, Name, Arguments, Grantee, Privilege string
}

// Key returns m's identity.
func (m MemberPrivilege) Key() MemberPrivilegeKey {
	return MemberPrivilegeKey{m.Schema, m.Name, m.Arguments, m.Grantee, m.Privilege.Privilege}
}

// Less orders member privileges by routine, grantee and privilege.
func (k MemberPrivilegeKey) Less(o MemberPrivilegeKey) bool {
	a := [...]string{k.Schema, k.Name, k.Arguments, k.Grantee}
	b := [...]string{o.Schema, o.Name, o.Arguments, o.Grantee}
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return PrivilegeLess(k.Privilege, o.Privilege)
}
