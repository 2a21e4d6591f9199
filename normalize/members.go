package normalize

import (
	"context"

	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// memberPrivileges drops from the desired model the privileges of
// extensions' routines that restate what CREATE EXTENSION gives (a GRANT
// of a privilege the routine has from the extension, a REVOKE of one it
// never had): they are no difference, and the database's side never
// records them (state.MemberPrivilege). A routine the database does not
// have yet (its extension is created by the plan) keeps what the files
// say; the plan's GRANT or REVOKE then changes nothing.
func memberPrivileges(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	if len(desired.MemberPrivileges) == 0 {
		return desired, nil
	}
	initial, err := catalog.ExtensionRoutineInitPrivileges(ctx, srv.conn)
	if err != nil {
		return desired, err
	}
	out := make([]state.MemberPrivilege, 0, len(desired.MemberPrivileges))
	for _, m := range desired.MemberPrivileges {
		privs, known := initial[catalog.RoutineRef{Schema: m.Schema, Name: m.Name, Arguments: m.Arguments}]
		if known {
			held, grantable := false, false
			for _, p := range privs {
				if p.Grantee == m.Grantee && p.Privilege == m.Privilege.Privilege {
					held, grantable = true, p.Grantable
				}
			}
			if m.Revoked && !held || !m.Revoked && held && grantable == m.Grantable {
				continue
			}
		}
		out = append(out, m)
	}
	if len(out) == 0 {
		out = nil
	}
	desired.MemberPrivileges = out
	return desired, nil
}
