package sqlgen

import (
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// OwnerPrivilegesDefinition prints what the owner of the object k revoked
// from itself (state.Privilege: revoked are OwnerRevoked, each naming the
// owner) as one REVOKE per role: REVOKE UPDATE ON TABLE t FROM owner.
//
// pg_dump writes the same as REVOKE ALL ... FROM owner, then GRANT of
// what the owner still holds; the parser reads that too. renovate writes
// the REVOKE alone: files are read without knowing who owns an object,
// and a GRANT back to the owner reads as a grant to a role (the engine
// sorts that out once it knows the owner), so the short form is the one
// that reads back to the same model whoever the role is; it also does
// not depend on the server's version (pg_dump's GRANT names MAINTAIN from
// PostgreSQL 17 on, which older servers refuse).
func OwnerPrivilegesDefinition(k state.ObjectKey, revoked []state.Privilege) string {
	if len(revoked) == 0 {
		return ""
	}
	target := GrantTarget(k)
	byRole := map[string][]string{}
	var roles []string
	for _, p := range revoked {
		if _, ok := byRole[p.Grantee]; !ok {
			roles = append(roles, p.Grantee)
		}
		byRole[p.Grantee] = append(byRole[p.Grantee], p.Privilege)
	}
	sort.Strings(roles)
	var b strings.Builder
	for _, r := range roles {
		b.WriteString(Revoke(k.Kind, target, byRole[r], r, false))
	}
	return b.String()
}
