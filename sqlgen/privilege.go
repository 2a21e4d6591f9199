package sqlgen

import (
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// This file prints privileges: the canonical GRANT text of an object's
// file, ALTER DEFAULT PRIVILEGES, and the GRANT/REVOKE statements of plans.
// Privileges print in a fixed order (state.PrivilegeLess), one statement
// per grantee and grant option.

// GrantTarget names an object in GRANT/REVOKE syntax: "TABLE public.t",
// "SEQUENCE public.s", "SCHEMA app", "TYPE public.mood",
// "FUNCTION public.f(a integer)", "PROCEDURE public.p()". Views and
// materialized views are TABLEs there.
func GrantTarget(k state.ObjectKey) string {
	switch k.Kind {
	case state.KindSchema:
		return "SCHEMA " + QuoteIdent(k.Name)
	case state.KindTable, state.KindView, state.KindMaterializedView:
		return "TABLE " + QualifiedName(k.Schema, k.Name)
	case state.KindSequence:
		return "SEQUENCE " + QualifiedName(k.Schema, k.Name)
	case state.KindType:
		return "TYPE " + QualifiedName(k.Schema, k.Name)
	case state.KindFunction:
		return "FUNCTION " + QualifiedName(k.Schema, k.Name) + k.Signature
	case state.KindProcedure:
		return "PROCEDURE " + QualifiedName(k.Schema, k.Name) + k.Signature
	case state.KindAggregate:
		return "FUNCTION " + QualifiedName(k.Schema, k.Name) + "(" + state.AggregateArgTypes(k.Signature) + ")"
	case state.KindForeignDataWrapper:
		return "FOREIGN DATA WRAPPER " + QuoteIdent(k.Name)
	case state.KindServer:
		return "FOREIGN SERVER " + QuoteIdent(k.Name)
	case state.KindLanguage:
		return "LANGUAGE " + QuoteIdent(k.Name)
	}
	return strings.ToUpper(string(k.Kind)) + " " + QualifiedName(k.Schema, k.Name)
}

// granteeSQL prints a grantee: PUBLIC as the keyword, roles quoted.
func granteeSQL(g string) string {
	if g == state.Public {
		return "PUBLIC"
	}
	return QuoteIdent(g)
}

// privilegeList prints privilege keywords in print order, or ALL when
// they are every privilege of a kind that has several.
func privilegeList(kind state.Kind, names []string) string {
	names = append([]string(nil), names...)
	state.SortPrivilegeNames(names)
	if all := state.AllPrivileges(kind); len(all) > 1 && len(all) == len(names) {
		same := true
		for i := range names {
			// Both are in print order and free of duplicates.
			same = same && names[i] == all[i]
		}
		if same {
			return "ALL"
		}
	}
	return strings.Join(names, ", ")
}

// grantGroup is the privileges of one grantee with or without grant
// option.
type grantGroup struct {
	grantee   string
	grantable bool
	privs     []string
}

// groupPrivileges groups privileges by grantee and grant option, PUBLIC
// first, then roles by name, plain grants before grantable ones.
func groupPrivileges(ps []state.Privilege) []grantGroup {
	idx := map[[2]string]int{}
	var out []grantGroup
	for _, p := range ps {
		k := [2]string{p.Grantee, boolKey(p.Grantable)}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, grantGroup{grantee: p.Grantee, grantable: p.Grantable})
		}
		out[i].privs = append(out[i].privs, p.Privilege)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.grantee != b.grantee {
			if a.grantee == state.Public || b.grantee == state.Public {
				return a.grantee == state.Public
			}
			return a.grantee < b.grantee
		}
		return !a.grantable && b.grantable
	})
	return out
}

func boolKey(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// PrivilegesDefinition prints the GRANT statements that give the object k
// the privileges ps, starting from what PostgreSQL gives a new object:
// PUBLIC's default privileges (state.PublicDefaults) that ps lacks are
// revoked first, and are not granted again when present.
func PrivilegesDefinition(k state.ObjectKey, ps []state.Privilege) string {
	var b strings.Builder
	target := GrantTarget(k)
	var rest []state.Privilege
	for _, d := range state.PublicDefaults(k.Kind) {
		if held, _ := state.HasPrivilege(ps, d.Grantee, d.Privilege); !held {
			b.WriteString(Revoke(k.Kind, target, []string{d.Privilege}, d.Grantee, false))
		}
	}
	for _, p := range ps {
		if isPublicDefault(k.Kind, p) {
			continue
		}
		rest = append(rest, p)
	}
	for _, g := range groupPrivileges(rest) {
		b.WriteString(Grant(k.Kind, target, g.privs, g.grantee, g.grantable))
	}
	return b.String()
}

// isPublicDefault reports whether p is one of PUBLIC's default privileges
// on objects of kind k (granted without grant option).
func isPublicDefault(k state.Kind, p state.Privilege) bool {
	for _, d := range state.PublicDefaults(k) {
		if d == p {
			return true
		}
	}
	return false
}

// ColumnPrivilegesDefinition prints the column GRANTs of table t: one
// statement per grantee and grant option, privileges in print order, each
// with its columns in the table's order.
func ColumnPrivilegesDefinition(t state.Table) string {
	names := make([]string, len(t.Columns))
	privs := make(map[string][]state.Privilege, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
		privs[c.Name] = c.Privileges
	}
	return columnGrants(GrantTarget(t.Key()), names, privs)
}

// ViewColumnPrivilegesDefinition prints the column GRANTs of view v, as
// ColumnPrivilegesDefinition does for tables, columns by name.
func ViewColumnPrivilegesDefinition(v state.View) string {
	return columnGrants(GrantTarget(v.Key()), sortedKeys(v.ColumnPrivileges), v.ColumnPrivileges)
}

// IdentityPrivilegesDefinition prints the GRANTs on the sequences of
// table t's identity columns (see state.Column.IdentityPrivileges).
func IdentityPrivilegesDefinition(t state.Table) string {
	var b strings.Builder
	for _, c := range t.Columns {
		if c.Identity != "" {
			b.WriteString(PrivilegesDefinition(IdentitySequenceKey(t.Schema, t.Name, c.Name), c.IdentityPrivileges))
		}
	}
	return b.String()
}

// IdentitySequenceKey is the key of the sequence of identity column
// column of table schema.table.
func IdentitySequenceKey(schema, table, column string) state.ObjectKey {
	return state.ObjectKey{Kind: state.KindSequence, Schema: schema, Name: state.IdentitySequenceName(table, column)}
}

// columnGrants prints the GRANTs of column privileges on target, columns
// in the order of names.
func columnGrants(target string, names []string, privs map[string][]state.Privilege) string {
	type key struct {
		grantee   string
		grantable bool
	}
	cols := map[key]map[string][]string{}
	var keys []key
	for _, c := range names {
		for _, p := range privs[c] {
			k := key{p.Grantee, p.Grantable}
			if cols[k] == nil {
				cols[k] = map[string][]string{}
				keys = append(keys, k)
			}
			cols[k][p.Privilege] = append(cols[k][p.Privilege], c)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.grantee != b.grantee {
			if a.grantee == state.Public || b.grantee == state.Public {
				return a.grantee == state.Public
			}
			return a.grantee < b.grantee
		}
		return !a.grantable && b.grantable
	})
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(GrantColumns(target, cols[k], k.grantee, k.grantable))
	}
	return b.String()
}

// columnPrivilegeList prints "SELECT (a, b), UPDATE (b)".
func columnPrivilegeList(cols map[string][]string) string {
	names := make([]string, 0, len(cols))
	for n := range cols {
		names = append(names, n)
	}
	state.SortPrivilegeNames(names)
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = n + " (" + quoteIdents(cols[n]) + ")"
	}
	return strings.Join(parts, ", ")
}

// Grant prints GRANT privs ON target TO grantee [WITH GRANT OPTION].
func Grant(kind state.Kind, target string, privs []string, grantee string, grantable bool) string {
	s := "GRANT " + privilegeList(kind, privs) + " ON " + target + " TO " + granteeSQL(grantee)
	if grantable {
		s += " WITH GRANT OPTION"
	}
	return s + ";\n"
}

// Revoke prints REVOKE privs ON target FROM grantee, or REVOKE GRANT
// OPTION FOR when only the grant option goes. It never cascades: a
// privilege the grantee passed on must be revoked by the files too.
func Revoke(kind state.Kind, target string, privs []string, grantee string, grantOptionOnly bool) string {
	s := "REVOKE "
	if grantOptionOnly {
		s += "GRANT OPTION FOR "
	}
	return s + privilegeList(kind, privs) + " ON " + target + " FROM " + granteeSQL(grantee) + ";\n"
}

// GrantColumns prints GRANT SELECT (a, b), ... ON target TO grantee;
// cols maps each privilege to its columns.
func GrantColumns(target string, cols map[string][]string, grantee string, grantable bool) string {
	s := "GRANT " + columnPrivilegeList(cols) + " ON " + target + " TO " + granteeSQL(grantee)
	if grantable {
		s += " WITH GRANT OPTION"
	}
	return s + ";\n"
}

// RevokeColumns prints REVOKE [GRANT OPTION FOR] SELECT (a, b), ... ON
// target FROM grantee.
func RevokeColumns(target string, cols map[string][]string, grantee string, grantOptionOnly bool) string {
	s := "REVOKE "
	if grantOptionOnly {
		s += "GRANT OPTION FOR "
	}
	return s + columnPrivilegeList(cols) + " ON " + target + " FROM " + granteeSQL(grantee) + ";\n"
}

// DefaultPrivilegeGroup identifies one ALTER DEFAULT PRIVILEGES entry: the
// role whose new objects it covers, the schema ("" for all) and the object
// type.
type DefaultPrivilegeGroup struct {
	Role, Schema, ObjectType string
}

// GroupDefaultPrivileges splits default privileges by entry, in the
// model's order.
func GroupDefaultPrivileges(ds []state.DefaultPrivilege) ([]DefaultPrivilegeGroup, map[DefaultPrivilegeGroup][]state.Privilege) {
	m := map[DefaultPrivilegeGroup][]state.Privilege{}
	var order []DefaultPrivilegeGroup
	for _, d := range ds {
		g := DefaultPrivilegeGroup{d.Role, d.Schema, d.ObjectType}
		if _, ok := m[g]; !ok {
			order = append(order, g)
		}
		m[g] = append(m[g], d.Privilege)
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.Role != b.Role {
			return a.Role < b.Role
		}
		if a.Schema != b.Schema {
			return a.Schema < b.Schema
		}
		return a.ObjectType < b.ObjectType
	})
	return order, m
}

// DefaultPrivilegesBase returns what an entry's privileges mean when the
// entry does not exist: PostgreSQL's built-in default for a global entry,
// nothing for a per-schema one.
func DefaultPrivilegesBase(g DefaultPrivilegeGroup) []state.Privilege {
	if g.Schema != "" {
		return nil
	}
	var out []state.Privilege
	for _, d := range state.BuiltinDefaultPrivileges(g.Role, g.ObjectType) {
		out = append(out, d.Privilege)
	}
	return out
}

// DefaultPrivilegesDefinition prints the ALTER DEFAULT PRIVILEGES
// statements that produce ds from PostgreSQL's defaults: the file
// default_privileges.sql.
func DefaultPrivilegesDefinition(ds []state.DefaultPrivilege) string {
	order, groups := GroupDefaultPrivileges(ds)
	var b strings.Builder
	for _, g := range order {
		b.WriteString(DefaultPrivilegesChange(g, DefaultPrivilegesBase(g), groups[g]))
	}
	return b.String()
}

// DefaultPrivilegesChange prints the ALTER DEFAULT PRIVILEGES statements
// that turn entry g's privileges from into to.
func DefaultPrivilegesChange(g DefaultPrivilegeGroup, from, to []state.Privilege) string {
	return strings.Join(DefaultPrivilegesStatements(g, from, to), "")
}

// DefaultPrivilegesStatements returns the ALTER DEFAULT PRIVILEGES
// statements that turn entry g's privileges from into to: revocations
// first (whole privileges, then grant options), then grants.
func DefaultPrivilegesStatements(g DefaultPrivilegeGroup, from, to []state.Privilege) []string {
	kind := state.DefaultObjectKind(g.ObjectType)
	prefix := "ALTER DEFAULT PRIVILEGES"
	if g.Role != "" {
		prefix += " FOR ROLE " + QuoteIdent(g.Role)
	}
	if g.Schema != "" {
		prefix += " IN SCHEMA " + QuoteIdent(g.Schema)
	}
	on := " ON " + strings.ToUpper(g.ObjectType)
	var out []string
	ch := DiffPrivileges(from, to)
	for _, r := range ch.Revoke {
		out = append(out, prefix+" REVOKE "+privilegeList(kind, r.privs)+on+" FROM "+granteeSQL(r.grantee)+";\n")
	}
	for _, r := range ch.RevokeGrantOption {
		out = append(out, prefix+" REVOKE GRANT OPTION FOR "+privilegeList(kind, r.privs)+on+" FROM "+granteeSQL(r.grantee)+";\n")
	}
	for _, gr := range ch.Grant {
		s := prefix + " GRANT " + privilegeList(kind, gr.privs) + on + " TO " + granteeSQL(gr.grantee)
		if gr.grantable {
			s += " WITH GRANT OPTION"
		}
		out = append(out, s+";\n")
	}
	return out
}

// PrivilegeChanges is the difference between two privilege sets, grouped
// into statements.
type PrivilegeChanges struct {
	// Revoke takes privileges away; RevokeGrantOption takes only the grant
	// option of privileges that stay.
	Revoke, RevokeGrantOption []grantGroup
	// Grant adds privileges, or the grant option to held ones.
	Grant []grantGroup
}

// Empty reports whether nothing changes.
func (c PrivilegeChanges) Empty() bool {
	return len(c.Revoke) == 0 && len(c.RevokeGrantOption) == 0 && len(c.Grant) == 0
}

// DiffPrivileges computes the statements that turn privileges from into
// to.
func DiffPrivileges(from, to []state.Privilege) PrivilegeChanges {
	var revoke, revokeOpt, grant []state.Privilege
	for _, f := range from {
		held, grantable := state.HasPrivilege(to, f.Grantee, f.Privilege)
		switch {
		case !held:
			revoke = append(revoke, state.Privilege{Grantee: f.Grantee, Privilege: f.Privilege})
		case f.Grantable && !grantable:
			revokeOpt = append(revokeOpt, state.Privilege{Grantee: f.Grantee, Privilege: f.Privilege})
		}
	}
	for _, t := range to {
		held, grantable := state.HasPrivilege(from, t.Grantee, t.Privilege)
		if !held || (t.Grantable && !grantable) {
			grant = append(grant, t)
		}
	}
	return PrivilegeChanges{Revoke: groupPrivileges(revoke), RevokeGrantOption: groupPrivileges(revokeOpt), Grant: groupPrivileges(grant)}
}

// PrivilegeChangeStatements prints the GRANT and REVOKE statements of c on
// the object k.
func PrivilegeChangeStatements(k state.ObjectKey, c PrivilegeChanges) []string {
	target := GrantTarget(k)
	var out []string
	for _, r := range c.Revoke {
		out = append(out, Revoke(k.Kind, target, r.privs, r.grantee, false))
	}
	for _, r := range c.RevokeGrantOption {
		out = append(out, Revoke(k.Kind, target, r.privs, r.grantee, true))
	}
	for _, g := range c.Grant {
		out = append(out, Grant(k.Kind, target, g.privs, g.grantee, g.grantable))
	}
	return out
}

// flatten lists the privileges of groups one by one.
func flatten(groups []grantGroup) []state.Privilege {
	var out []state.Privilege
	for _, g := range groups {
		for _, p := range g.privs {
			out = append(out, state.Privilege{Grantee: g.grantee, Privilege: p, Grantable: g.grantable})
		}
	}
	return out
}

// RevokedPrivileges lists the privileges c revokes.
func (c PrivilegeChanges) RevokedPrivileges() []state.Privilege { return flatten(c.Revoke) }

// RevokedGrantOptions lists the privileges whose grant option c revokes.
func (c PrivilegeChanges) RevokedGrantOptions() []state.Privilege {
	return flatten(c.RevokeGrantOption)
}

// GrantedPrivileges lists the privileges (or grant options) c grants.
func (c PrivilegeChanges) GrantedPrivileges() []state.Privilege { return flatten(c.Grant) }
