package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// This file prepares the privilege and policy parts of the desired model
// for the cluster it will be applied to. Roles are cluster objects that
// renovate does not manage, and some of what files mean depends on the
// cluster: who owns an object, who runs the plan, which server version
// knows which privileges. One bulk query answers all of it.

// securityQuery returns the role running the plan, the server version,
// which of the roles named in $1 exist, and the owners of the objects not
// owned by the current role (usually none: renovate runs as the owner).
const securityQuery = `
SELECT
	current_user::text,
	current_setting('server_version_num')::int,
	ARRAY(SELECT rolname::text FROM pg_catalog.pg_roles WHERE rolname = ANY($1::text[])),
	coalesce((
		SELECT json_agg(json_build_array(kind, schema, name, owner))
		FROM (
			SELECT 'schema' AS kind, n.nspname::text AS schema, '' AS name, pg_catalog.pg_get_userbyid(n.nspowner)::text AS owner
			FROM pg_catalog.pg_namespace n
			WHERE n.nspowner <> (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)
			UNION ALL
			SELECT 'relation', n.nspname::text, c.relname::text, pg_catalog.pg_get_userbyid(c.relowner)::text
			FROM pg_catalog.pg_class c
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
				AND c.relowner <> (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)
			UNION ALL
			SELECT 'type', n.nspname::text, t.typname::text, pg_catalog.pg_get_userbyid(t.typowner)::text
			FROM pg_catalog.pg_type t
			JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
			WHERE t.typtype IN ('e', 'd', 'r', 'c')
				AND t.typowner <> (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)
			UNION ALL
			SELECT 'routine', n.nspname::text, p.proname::text, pg_catalog.pg_get_userbyid(p.proowner)::text
			FROM pg_catalog.pg_proc p
			JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
			WHERE p.proowner <> (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)
				AND n.nspname NOT IN ('pg_catalog', 'information_schema')
		) o
	), '[]')`

// MissingRolesError reports roles the files grant to, or name in policies
// and default privileges, that the cluster does not have.
type MissingRolesError struct {
	// Roles maps each missing role to where the files use it.
	Roles map[string][]string
}

func (e *MissingRolesError) Error() string {
	names := make([]string, 0, len(e.Roles))
	for r := range e.Roles {
		names = append(names, r)
	}
	sort.Strings(names)
	lines := make([]string, len(names))
	for i, r := range names {
		uses := e.Roles[r]
		more := ""
		if len(uses) > 3 {
			more = fmt.Sprintf(" and %d more", len(uses)-3)
			uses = uses[:3]
		}
		lines[i] = fmt.Sprintf("role %q does not exist (used by %s%s): create it first; renovate does not manage roles",
			r, strings.Join(uses, ", "), more)
	}
	return strings.Join(lines, "\n")
}

// ownerKey identifies an object for the owners map: kind is "schema",
// "relation", "type" or "routine"; routines are keyed by name only, so a
// grantee that owns any overload counts as the owner.
type ownerKey struct{ kind, schema, name string }

// ownerKeyOf is the ownerKey of a model object.
func ownerKeyOf(k state.ObjectKey) ownerKey {
	switch k.Kind {
	case state.KindSchema:
		return ownerKey{"schema", k.Name, ""}
	case state.KindType:
		return ownerKey{"type", k.Schema, k.Name}
	case state.KindFunction, state.KindProcedure, state.KindAggregate:
		return ownerKey{"routine", k.Schema, k.Name}
	case state.KindTable, state.KindView, state.KindMaterializedView, state.KindSequence:
		return ownerKey{"relation", k.Schema, k.Name}
	}
	// Operators, collations, servers, ...: a kind of their own, which no
	// privilege below is checked against.
	return ownerKey{string(k.Kind), k.Schema, k.Name + k.Signature}
}

// prepareSecurity adapts the desired model to the cluster (it returns a
// modified copy; desired is not changed):
//
//   - every role it names must exist, else a *MissingRolesError;
//   - ALTER DEFAULT PRIVILEGES without FOR ROLE means the role running the
//     plan;
//   - privileges granted to an object's owner are dropped (see
//     state.Privilege); the owner of an object the plan creates is the
//     role running it, unless the files say who owns it;
//   - of the REVOKEs the parser recorded as OwnerRevoked, the owner's are
//     kept and the rest dropped (keepOwnerRevokes);
//   - before PostgreSQL 17 there is no MAINTAIN privilege, which the parser
//     includes in GRANT ALL on tables.
func prepareSecurity(ctx context.Context, conn *pgx.Conn, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	used := rolesUsed(desired)
	names := make([]string, 0, len(used))
	for r := range used {
		names = append(names, r)
	}
	sort.Strings(names)
	var (
		currentUser string
		version     int
		existing    []string
		ownersJSON  []byte
	)
	if err := catalog.ReadSettledRow(ctx, conn, securityQuery, []any{names}, &currentUser, &version, &existing, &ownersJSON); err != nil {
		return desired, fmt.Errorf("checking roles: %w", err)
	}
	missing := map[string][]string{}
	have := map[string]bool{}
	for _, r := range existing {
		have[r] = true
	}
	for _, r := range names {
		if !have[r] {
			missing[r] = used[r]
		}
	}
	if len(missing) > 0 {
		return desired, &MissingRolesError{Roles: missing}
	}
	var rows [][4]string
	if err := json.Unmarshal(ownersJSON, &rows); err != nil {
		return desired, fmt.Errorf("checking roles: reading owners: %w", err)
	}
	owners := map[ownerKey][]string{}
	for _, r := range rows {
		k := ownerKey{r[0], r[1], r[2]}
		owners[k] = append(owners[k], r[3])
	}
	out := securityCopy(desired)
	// Where the files say who owns an object (owners = "manage"), that
	// role's own privileges are the owner's, whoever owns it now.
	for _, o := range desired.Owners {
		owners[ownerKeyOf(o.Object)] = []string{o.Role}
	}
	isOwner := func(k ownerKey, grantee string) bool {
		os, ok := owners[k]
		if !ok {
			return grantee == currentUser
		}
		for _, o := range os {
			if o == grantee {
				return true
			}
		}
		return false
	}
	keepOwnerRevokes(&out, isOwner)
	noMaintain := version < 170000
	if noMaintain {
		dropOwnerMaintain(&out)
	}
	// strip returns a new slice: out shares the privileges' arrays
	// with desired (securityCopy).
	strip := func(ps []state.Privilege, k ownerKey) []state.Privilege {
		var kept []state.Privilege
		for _, p := range ps {
			if isOwner(k, p.Grantee) || (noMaintain && p.Privilege == "MAINTAIN") {
				continue
			}
			kept = append(kept, p)
		}
		if len(kept) == 0 {
			return nil
		}
		return kept
	}
	for i := range out.Schemas {
		s := &out.Schemas[i]
		s.Privileges = strip(s.Privileges, ownerKey{"schema", s.Name, ""})
	}
	for i := range out.Types {
		t := &out.Types[i]
		t.Privileges = strip(t.Privileges, ownerKey{"type", t.Schema, t.Name})
	}
	for i := range out.Sequences {
		s := &out.Sequences[i]
		s.Privileges = strip(s.Privileges, ownerKey{"relation", s.Schema, s.Name})
	}
	for i := range out.Tables {
		t := &out.Tables[i]
		k := ownerKey{"relation", t.Schema, t.Name}
		t.Privileges = strip(t.Privileges, k)
		for j := range t.Columns {
			if c := &t.Columns[j]; len(c.Privileges) > 0 || len(c.IdentityPrivileges) > 0 {
				c.Privileges = strip(c.Privileges, k)
				c.IdentityPrivileges = strip(c.IdentityPrivileges, k)
			}
		}
	}
	for i := range out.Views {
		v := &out.Views[i]
		v.Privileges = strip(v.Privileges, ownerKey{"relation", v.Schema, v.Name})
		if v.ColumnPrivileges != nil {
			v.ColumnPrivileges = maps.Clone(v.ColumnPrivileges)
		}
		for c, ps := range v.ColumnPrivileges {
			if ps = strip(ps, ownerKey{"relation", v.Schema, v.Name}); len(ps) > 0 {
				v.ColumnPrivileges[c] = ps
			} else {
				delete(v.ColumnPrivileges, c)
			}
		}
		if len(v.ColumnPrivileges) == 0 {
			v.ColumnPrivileges = nil
		}
	}
	for i := range out.Functions {
		f := &out.Functions[i]
		f.Privileges = strip(f.Privileges, ownerKey{"routine", f.Schema, f.Name})
	}
	out.DefaultPrivileges = resolveDefaultPrivileges(out.DefaultPrivileges, currentUser, noMaintain)
	out.Normalize()
	return out, nil
}

// securityCopy returns a copy of desired that prepareSecurity can change
// without changing desired, copying only what it changes: the slices of
// schemas, types, sequences, tables, views and functions (whose
// privileges and owner revokes it replaces, never changes in place), and
// the columns of the tables where a column has privileges. The rest
// (columns without privileges, constraints, indexes, bodies ...) is
// shared: a deep copy of the whole model (tens of megabytes at thousands
// of tables) was the largest allocation of a plan. Normalize, run on the
// copy, leaves the shared slices as they are: they are sorted already.
func securityCopy(desired state.DatabaseSchema) state.DatabaseSchema {
	out := desired
	out.Schemas = slices.Clone(desired.Schemas)
	out.Types = slices.Clone(desired.Types)
	out.Sequences = slices.Clone(desired.Sequences)
	out.Tables = slices.Clone(desired.Tables)
	out.Views = slices.Clone(desired.Views)
	out.Functions = slices.Clone(desired.Functions)
	out.DefaultPrivileges = slices.Clone(desired.DefaultPrivileges)
	for i := range out.Tables {
		t := &out.Tables[i]
		for _, c := range t.Columns {
			if len(c.Privileges) > 0 || len(c.IdentityPrivileges) > 0 {
				t.Columns = slices.Clone(t.Columns)
				break
			}
		}
	}
	return out
}

// resolveDefaultPrivileges fills in the role of ALTER DEFAULT PRIVILEGES
// without FOR ROLE (and that role's own rows), drops MAINTAIN where the
// server lacks it, and merges the duplicates that can result.
func resolveDefaultPrivileges(ds []state.DefaultPrivilege, currentUser string, noMaintain bool) []state.DefaultPrivilege {
	var out []state.DefaultPrivilege
	idx := map[state.DefaultPrivilege]int{}
	for _, d := range ds {
		if d.Role == "" {
			d.Role = currentUser
		}
		if d.Grantee == "" {
			d.Grantee = currentUser
		}
		if (noMaintain && d.Privilege.Privilege == "MAINTAIN") || state.UnmanagedDefaultPrivilege(d) {
			continue
		}
		k := d
		k.Grantable = false
		if i, dup := idx[k]; dup {
			out[i].Grantable = out[i].Grantable || d.Grantable
			continue
		}
		idx[k] = len(out)
		out = append(out, d)
	}
	return out
}

// rolesUsed lists the roles desired names (PUBLIC and the placeholder ""
// for "the role running the plan" aside), each with where it is used.
func rolesUsed(s state.DatabaseSchema) map[string][]string {
	used := map[string][]string{}
	note := func(role, where string) {
		if role == "" || role == state.Public {
			return
		}
		for _, w := range used[role] {
			if w == where {
				return
			}
		}
		used[role] = append(used[role], where)
	}
	privs := func(ps []state.Privilege, where string) {
		for _, p := range ps {
			note(p.Grantee, where)
		}
	}
	for _, sc := range s.Schemas {
		privs(sc.Privileges, "schema "+sc.Name)
	}
	for _, t := range s.Types {
		privs(t.Privileges, "type "+t.QualName().String())
	}
	for _, sq := range s.Sequences {
		privs(sq.Privileges, "sequence "+sq.QualName().String())
	}
	for _, t := range s.Tables {
		where := "table " + t.QualName().String()
		privs(t.Privileges, where)
		for _, c := range t.Columns {
			privs(c.Privileges, where)
			privs(c.IdentityPrivileges, where)
		}
		for _, p := range t.Policies {
			for _, r := range p.Roles {
				note(r, "policy "+p.Name+" on "+t.QualName().String())
			}
		}
	}
	for _, v := range s.Views {
		privs(v.Privileges, "view "+v.QualName().String())
		for _, c := range sortedColumnNames(v.ColumnPrivileges) {
			privs(v.ColumnPrivileges[c], "view "+v.QualName().String())
		}
	}
	for _, f := range s.Functions {
		privs(f.Privileges, f.Key().String())
	}
	for _, d := range s.DefaultPrivileges {
		note(d.Role, "default privileges")
		note(d.Grantee, "default privileges")
	}
	for _, o := range s.Owners {
		note(o.Role, "owner of "+o.Object.String())
	}
	return used
}

// implicitPublicPrivileges returns the privileges of the public schema
// when no file declares it: the remote's, with those the files GRANT or
// REVOKE taken from the files (see parser.ImplicitPublicPrivilegeKey).
func implicitPublicPrivileges(local *parser.Result, remote, files []state.Privilege) []state.Privilege {
	var out []state.Privilege
	for _, p := range remote {
		if _, touched := local.Locations.Get(parser.ImplicitPublicPrivilegeKey(p.Grantee, p.Privilege, false)); touched {
			continue
		}
		if _, optionOnly := local.Locations.Get(parser.ImplicitPublicPrivilegeKey(p.Grantee, p.Privilege, true)); optionOnly {
			p.Grantable = false
		}
		out = append(out, p)
	}
	return append(out, files...)
}

// sortedColumnNames returns the keys of a per-column map in order.
func sortedColumnNames(m map[string][]state.Privilege) []string {
	out := make([]string, 0, len(m))
	for c := range m {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// checkForRoleBeforeObjects refuses files in which ALTER DEFAULT PRIVILEGES
// FOR ROLE names the role applying them before objects of its type in the
// same file: run as a script by that role, the statement would change
// those objects, but renovate reads the files the same whoever applies
// them (see parser.ForRoleBeforeObjectsKey).
func checkForRoleBeforeObjects(ctx context.Context, conn *pgx.Conn, local *parser.Result) error {
	if !local.Locations.HasKind(state.KindDefaultPrivilege) {
		return nil
	}
	var current string
	if err := conn.QueryRow(ctx, "SELECT current_user::pg_catalog.text").Scan(&current); err != nil {
		return fmt.Errorf("reading the current role: %w", err)
	}
	if loc, ok := local.Locations.Get(parser.ForRoleBeforeObjectsKey(current)); ok {
		return fmt.Errorf("%s: ALTER DEFAULT PRIVILEGES FOR ROLE %s comes before objects it would apply to in the same file, "+
			"and %s is the role applying the files: write it without FOR ROLE to give those objects its privileges, "+
			"or move it after them (files must mean the same whoever applies them)", loc, current, current)
	}
	return nil
}
