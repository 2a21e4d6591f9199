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
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("reading extensions' initial privileges: %w", err)
	}
	defer func() { _ = tx.Rollback(context.Background()) }()
	rows, err := tx.Query(ctx, `SELECT set_config('search_path', 'pg_catalog', true) AS s, n.nspname::text, p.proname::text, oidvectortypes(p.proargtypes),
	coalesce(CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee)::text END, ''), coalesce(x.privilege_type, ''), coalesce(x.is_grantable, false)
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_init_privs i ON i.classoid = 'pg_proc'::regclass AND i.objoid = p.oid AND i.objsubid = 0
LEFT JOIN LATERAL aclexplode(coalesce(i.initprivs, acldefault('f', p.proowner))) x ON x.grantee <> p.proowner
WHERE EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`)
	if err != nil {
		return nil, fmt.Errorf("reading extensions' initial privileges: %w", err)
	}
	defer rows.Close()
	out := map[RoutineRef][]state.Privilege{}
	for rows.Next() {
		var (
			skip string
			r    RoutineRef
			p    state.Privilege
		)
		if err := rows.Scan(&skip, &r.Schema, &r.Name, &r.Arguments, &p.Grantee, &p.Privilege, &p.Grantable); err != nil {
			return nil, fmt.Errorf("reading extensions' initial privileges: %w", err)
		}
		if _, seen := out[r]; !seen {
			out[r] = nil // a routine the extension gave no privileges to anyone but its owner
		}
		if p.Privilege != "" {
			out[r] = append(out[r], p)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading extensions' initial privileges: %w", err)
	}
	return out, nil
}
