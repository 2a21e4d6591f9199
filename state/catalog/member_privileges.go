package catalog

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// scanMemberPrivileges reads queries/member_privileges.sql: the privileges
// of extensions' routines that differ from what CREATE EXTENSION gave them.
func (in *introspection) scanMemberPrivileges(rows pgx.Rows) error {
	for rows.Next() {
		var m state.MemberPrivilege
		if err := rows.Scan(&m.Schema, &m.Name, &m.Arguments, &m.Procedure,
			&m.Grantee, &m.Privilege.Privilege, &m.Grantable, &m.Revoked); err != nil {
			return err
		}
		in.schema.MemberPrivileges = append(in.schema.MemberPrivileges, m)
	}
	return rows.Err()
}

// RoutineRef names a routine by schema, name and input argument types
// (format_type's, schema-qualified but for pg_catalog's).
type RoutineRef struct{ Schema, Name, Arguments string }

// ExtensionRoutineInitPrivileges returns, for every routine that belongs
// to an extension, the privileges CREATE EXTENSION gave it (pg_init_privs,
// or the built-in default), the owner's left out: what a GRANT or REVOKE
// in the files is a difference from.
func ExtensionRoutineInitPrivileges(ctx context.Context, conn *pgx.Conn) (map[RoutineRef][]state.Privilege, error) {
	out := map[RoutineRef][]state.Privilege{}
	err := readSettled(ctx, conn, "extension_init_privileges.sql", func(rows pgx.Rows) error {
		for rows.Next() {
			var (
				r RoutineRef
				p state.Privilege
			)
			if err := rows.Scan(&r.Schema, &r.Name, &r.Arguments, &p.Grantee, &p.Privilege, &p.Grantable); err != nil {
				return err
			}
			if _, seen := out[r]; !seen {
				out[r] = nil // a routine the extension gave no privileges to anyone but its owner
			}
			if p.Privilege != "" {
				out[r] = append(out[r], p)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading extensions' initial privileges: %w", err)
	}
	return out, nil
}
