package planner

import (
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// This file plans what owners revoke from themselves (OwnerRevoked, see
// state.Privilege): REVOKE from the owner what the desired model says it
// lacks and the object has, GRANT back to the owner what it lacks and
// should hold. The statements name the owner as the models read it: the
// desired model's (the role the files name and the engine found to be the
// owner at plan time: the database's owner, the files' when owners are
// managed, the role running the plan for an object it creates), else the
// current one's. They run in the privilege phase, after ALTER ... OWNER
// TO (owner.go), which carries the old owner's revokes over to the new
// owner.

// ownerPrivileges plans the owners' revoked privileges of every object
// that exists after the plan.
func (d *differ) ownerPrivileges() {
	fromSchemas := map[string]state.Schema{}
	for _, s := range d.from.Schemas {
		fromSchemas[s.Name] = s
	}
	for _, s := range d.to.Schemas {
		old, ok := fromSchemas[s.Name]
		if !ok && s.RenamedFrom != "" {
			old, ok = fromSchemas[s.RenamedFrom]
		}
		d.ownerRevokes(state.ObjectKey{Kind: state.KindSchema, Name: s.Name}, ok, old.OwnerRevoked, s.OwnerRevoked)
	}
	fromTypes := map[state.QualName]state.Type{}
	for _, t := range d.from.Types {
		fromTypes[t.QualName()] = t
	}
	for _, t := range d.to.Types {
		old, ok := fromTypes[t.QualName()]
		if !ok && t.RenamedFrom != "" {
			old, ok = fromTypes[state.QualName{Schema: t.Schema, Name: t.RenamedFrom}]
		}
		d.ownerRevokes(state.ObjectKey{Kind: state.KindType, Schema: t.Schema, Name: t.Name}, ok, old.OwnerRevoked, t.OwnerRevoked)
	}
	fromSeqs := map[state.QualName]state.Sequence{}
	for _, s := range d.from.Sequences {
		fromSeqs[s.QualName()] = s
	}
	for _, s := range d.to.Sequences {
		old, ok := fromSeqs[s.QualName()]
		d.ownerRevokes(sqlgen.SequenceKey(s), ok, old.OwnerRevoked, s.OwnerRevoked)
	}
	for _, t := range d.to.Tables {
		old, ok := d.from.Table(t.QualName())
		if !ok && t.RenamedFrom != "" {
			old, ok = d.from.Table(state.QualName{Schema: t.Schema, Name: t.RenamedFrom})
		}
		d.ownerRevokes(tableKey(t.QualName()), ok, old.OwnerRevoked, t.OwnerRevoked)
	}
	fromViews := map[state.QualName]state.View{}
	for _, v := range d.from.Views {
		fromViews[v.QualName()] = v
	}
	for _, v := range d.to.Views {
		old, ok := fromViews[v.QualName()]
		if !ok && v.RenamedFrom != "" {
			old, ok = fromViews[state.QualName{Schema: v.Schema, Name: v.RenamedFrom}]
		}
		ok = ok && old.Materialized == v.Materialized
		d.ownerRevokes(viewKey(v), ok, old.OwnerRevoked, v.OwnerRevoked)
	}
	fromFuncs := map[state.ObjectKey]state.Function{}
	for _, f := range d.from.Functions {
		fromFuncs[f.Key()] = f
	}
	for _, f := range d.to.Functions {
		key := f.Key()
		old, ok := fromFuncs[key]
		if !ok && f.RenamedFrom != "" {
			renamed := key
			renamed.Name = f.RenamedFrom
			old, ok = fromFuncs[renamed]
		}
		d.ownerRevokes(key, ok, old.OwnerRevoked, f.OwnerRevoked)
	}
}

// ownerRevokes plans the owner's own privileges of the object key: from
// are the current object's revoked ones (when it exists), to the desired.
func (d *differ) ownerRevokes(key state.ObjectKey, exists bool, from, to []state.Privilege) {
	start := from
	if !exists || d.recreated(key) {
		start = d.initialOwnerRevoked(key, to)
	}
	revoke := revokedNamesMissing(to, start)
	grant := revokedNamesMissing(start, to)
	if len(revoke) == 0 && len(grant) == 0 {
		return
	}
	owner := ""
	switch {
	case len(to) > 0:
		owner = to[0].Grantee
	case len(start) > 0:
		owner = start[0].Grantee
	}
	if owner == "" {
		return
	}
	if exists {
		d.noteChange(key, sqlgen.OwnerPrivilegesDefinition(key, start), sqlgen.OwnerPrivilegesDefinition(key, to))
	}
	target := sqlgen.GrantTarget(key)
	if len(revoke) > 0 {
		d.add(phasePrivileges, key, ActionAlter, sqlgen.Revoke(key.Kind, target, revoke, owner, false))
	}
	if len(grant) > 0 {
		d.add(phasePrivileges, key, ActionAlter, sqlgen.Grant(key.Kind, target, grant, owner, false))
	}
}

// revokedNamesMissing returns the privilege keywords of a that b lacks,
// in print order.
func revokedNamesMissing(a, b []state.Privilege) []string {
	var out []string
	for _, p := range a {
		found := false
		for _, q := range b {
			found = found || q.Privilege == p.Privilege
		}
		if !found {
			out = append(out, p.Privilege)
		}
	}
	state.SortPrivilegeNames(out)
	return out
}

// initialOwnerRevoked returns the privileges the owner of a new object of
// key's kind lacks when it is created: those its global default
// privileges entry (ALTER DEFAULT PRIVILEGES ... REVOKE ... FROM itself)
// leaves out, for the role creating it (Options.CreatingRole). When that
// role is not known, every privilege that some role's global entry
// leaves out is taken as possibly lacking, and granted back where the
// desired model (to) wants it held: granting an owner what it holds does
// nothing.
func (d *differ) initialOwnerRevoked(key state.ObjectKey, to []state.Privilege) []state.Privilege {
	objType := defaultObjectType(key.Kind)
	if objType == "" {
		return nil
	}
	role := d.opts.CreatingRole
	defaults := d.to.DefaultPrivileges
	if key.Kind == state.KindSchema {
		defaults = d.from.DefaultPrivileges
	}
	order, groups := sqlgen.GroupDefaultPrivileges(defaults)
	lacking := map[string]bool{}
	owner := role
	for _, g := range order {
		if g.Schema != "" || g.ObjectType != objType || (role != "" && g.Role != role) {
			continue
		}
		if owner == "" && len(to) > 0 {
			owner = to[0].Grantee
		}
		for _, p := range state.AllPrivileges(key.Kind) {
			if p == "MAINTAIN" {
				continue
			}
			if held, _ := state.HasPrivilege(groups[g], g.Role, p); !held {
				lacking[p] = true
			}
		}
	}
	if owner == "" {
		return nil
	}
	var out []state.Privilege
	for _, p := range state.AllPrivileges(key.Kind) {
		if lacking[p] {
			out = append(out, state.Privilege{Grantee: owner, Privilege: p})
		}
	}
	return out
}
