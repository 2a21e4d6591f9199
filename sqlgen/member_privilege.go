package sqlgen

import (
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// MemberTarget names an extension's routine in GRANT/REVOKE syntax:
// "FUNCTION public.gen_random_uuid()".
func MemberTarget(m state.MemberPrivilege) string {
	kind := state.KindFunction
	if m.Procedure {
		kind = state.KindProcedure
	}
	return GrantTarget(state.ObjectKey{Kind: kind, Schema: m.Schema, Name: m.Name, Signature: "(" + m.Arguments + ")"})
}

// MemberPrivilegeStatement prints the GRANT or REVOKE that makes m hold on
// an extension's routine, as pg_dump writes the difference from the
// extension's initial privileges.
func MemberPrivilegeStatement(m state.MemberPrivilege) string {
	kind := state.KindFunction
	if m.Procedure {
		kind = state.KindProcedure
	}
	if m.Revoked {
		return Revoke(kind, MemberTarget(m), []string{m.Privilege.Privilege}, m.Grantee, false)
	}
	return Grant(kind, MemberTarget(m), []string{m.Privilege.Privilege}, m.Grantee, m.Grantable)
}

// MemberPrivileges prints every member privilege of s, one statement each.
func MemberPrivileges(ms []state.MemberPrivilege) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(MemberPrivilegeStatement(m))
	}
	return b.String()
}
