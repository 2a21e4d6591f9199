package planner

import (
	"sort"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// memberPrivileges plans the privileges of extensions' routines
// (state.MemberPrivilege): what the files say differs from what CREATE
// EXTENSION gave is granted or revoked, and a difference the files no
// longer state is undone (a revoked privilege granted back, a granted one
// revoked). The steps run with the other privilege steps, after the
// extensions are created and before any is dropped.
func (d *differ) memberPrivileges() {
	from := map[state.MemberPrivilegeKey]state.MemberPrivilege{}
	for _, m := range d.from.MemberPrivileges {
		from[m.Key()] = m
	}
	to := map[state.MemberPrivilegeKey]state.MemberPrivilege{}
	for _, m := range d.to.MemberPrivileges {
		to[m.Key()] = m
	}
	keys := make([]state.MemberPrivilegeKey, 0, len(from)+len(to))
	for k := range from {
		keys = append(keys, k)
	}
	for k := range to {
		if _, ok := from[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].Less(keys[j]) })
	for _, k := range keys {
		f, inFrom := from[k]
		t, inTo := to[k]
		if inFrom && inTo && f.Revoked == t.Revoked && f.Grantable == t.Grantable {
			continue
		}
		if !inTo {
			// Back to what the extension gave: the opposite of the
			// remote's difference.
			t = f
			t.Revoked = !f.Revoked
			t.Grantable = false
		}
		if !t.Procedure && f.Procedure {
			t.Procedure = true // the database knows the kind; ON ROUTINE does not say
		}
		key := state.ObjectKey{Kind: state.KindFunction, Schema: t.Schema, Name: t.Name, Signature: "(" + t.Arguments + ")"}
		if t.Procedure {
			key.Kind = state.KindProcedure
		}
		var sql string
		var hz []Hazard
		switch {
		case t.Revoked:
			sql = sqlgen.MemberPrivilegeStatement(t)
			hz = append(hz, NewHazard(RevokesPrivileges, sql))
		case inFrom && !f.Revoked && f.Grantable && !t.Grantable:
			sql = sqlgen.Revoke(key.Kind, sqlgen.MemberTarget(t), []string{t.Privilege.Privilege}, t.Grantee, true)
			hz = append(hz, NewHazard(RevokesPrivileges, sql))
		default:
			sql = sqlgen.MemberPrivilegeStatement(t)
		}
		old, nw := "", sqlgen.MemberPrivilegeStatement(t)
		if inFrom {
			old = sqlgen.MemberPrivilegeStatement(f)
		}
		if !inTo {
			nw = ""
		}
		d.change(key, ActionAlter, old, nw)
		d.add(phasePrivileges, key, ActionAlter, sql, hz...)
	}
}
