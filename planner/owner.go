package planner

import (
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// This file plans ALTER ... OWNER TO where owners are managed
// (renovate.hcl's owners = "manage"; state.Owner). An object the desired
// model names an owner for gets it: an existing one whose owner differs,
// and one the plan creates (or recreates) unless the role creating it
// (Options.CreatingRole) is that owner. An owner change is a security
// hazard: the new owner holds every privilege on the object, can grant
// them and drop it, and the old one loses them.
//
// The step runs before the object's GRANT/REVOKE steps. PostgreSQL moves
// the old owner's own privileges to the new owner and merges them with
// what the new owner held as a grantee, so those grants are the owner's
// from then on, and revoking them afterwards would take the owner's own.

// owners plans the owner changes and takes the new owners' grants out of
// the current model's privileges (see above).
func (d *differ) owners() {
	if len(d.to.Owners) == 0 {
		return
	}
	from := map[state.ObjectKey]string{}
	for _, o := range d.from.Owners {
		from[o.Object] = o.Role
	}
	domains := map[state.ObjectKey]bool{}
	for _, t := range d.to.Types {
		domains[state.ObjectKey{Kind: state.KindType, Schema: t.Schema, Name: t.Name}] = t.Kind == state.TypeDomain
	}
	for _, o := range d.to.Owners {
		cur, exists := from[o.Object]
		if !exists || d.recreated(o.Object) {
			// Created by the plan: its owner is the role running it.
			if d.opts.CreatingRole != "" && d.opts.CreatingRole == o.Role {
				continue
			}
			cur = ""
		}
		if cur == o.Role {
			continue
		}
		sql := sqlgen.AlterOwner(o.Object, domains[o.Object], o.Role)
		if exists && cur != "" {
			d.noteChange(o.Object, sqlgen.AlterOwner(o.Object, domains[o.Object], cur), sql)
			d.add(phasePrivileges, o.Object, ActionAlter, sql, SecurityOwnerChange(o.Object.String(), cur, o.Role))
			d.from = withoutGrantee(d.from, o.Object, o.Role)
			continue
		}
		d.add(phasePrivileges, o.Object, ActionAlter, sql)
	}
}

// SecurityOwnerChange is the hazard of ALTER ... OWNER TO on an existing
// object.
func SecurityOwnerChange(object, from, to string) Hazard {
	return NewHazard(ChangesOwner, object, from, to)
}

// withoutGrantee returns s with role's privileges on the object k (and
// its columns) left out: they become the owner's own when role takes
// the object over.
func withoutGrantee(s state.DatabaseSchema, k state.ObjectKey, role string) state.DatabaseSchema {
	drop := func(ps []state.Privilege) []state.Privilege {
		var out []state.Privilege
		for _, p := range ps {
			if p.Grantee != role {
				out = append(out, p)
			}
		}
		return out
	}
	switch k.Kind {
	case state.KindSchema:
		s.Schemas = append([]state.Schema(nil), s.Schemas...)
		for i := range s.Schemas {
			if s.Schemas[i].Name == k.Name {
				s.Schemas[i].Privileges = drop(s.Schemas[i].Privileges)
			}
		}
	case state.KindType:
		s.Types = append([]state.Type(nil), s.Types...)
		for i := range s.Types {
			if s.Types[i].Schema == k.Schema && s.Types[i].Name == k.Name {
				s.Types[i].Privileges = drop(s.Types[i].Privileges)
			}
		}
	case state.KindSequence:
		s.Sequences = append([]state.Sequence(nil), s.Sequences...)
		for i := range s.Sequences {
			if s.Sequences[i].Schema == k.Schema && s.Sequences[i].Name == k.Name {
				s.Sequences[i].Privileges = drop(s.Sequences[i].Privileges)
			}
		}
	case state.KindTable:
		s.Tables = append([]state.Table(nil), s.Tables...)
		for i := range s.Tables {
			t := &s.Tables[i]
			if t.Schema != k.Schema || t.Name != k.Name {
				continue
			}
			t.Privileges = drop(t.Privileges)
			t.Columns = append([]state.Column(nil), t.Columns...)
			for j := range t.Columns {
				t.Columns[j].Privileges = drop(t.Columns[j].Privileges)
				t.Columns[j].IdentityPrivileges = drop(t.Columns[j].IdentityPrivileges)
			}
		}
	case state.KindView, state.KindMaterializedView:
		s.Views = append([]state.View(nil), s.Views...)
		for i := range s.Views {
			v := &s.Views[i]
			if v.Schema != k.Schema || v.Name != k.Name {
				continue
			}
			v.Privileges = drop(v.Privileges)
			cols := map[string][]state.Privilege{}
			for c, ps := range v.ColumnPrivileges {
				if ps = drop(ps); len(ps) > 0 {
					cols[c] = ps
				}
			}
			v.ColumnPrivileges = cols
		}
	case state.KindLanguage:
		s.Objects = append([]state.DefObject(nil), s.Objects...)
		for i := range s.Objects {
			if s.Objects[i].Key() == k {
				s.Objects[i].Privileges = drop(s.Objects[i].Privileges)
			}
		}
	case state.KindFunction, state.KindProcedure:
		s.Functions = append([]state.Function(nil), s.Functions...)
		for i := range s.Functions {
			if s.Functions[i].Key() == k {
				s.Functions[i].Privileges = drop(s.Functions[i].Privileges)
			}
		}
	case state.KindAggregate:
		s.Objects = append([]state.DefObject(nil), s.Objects...)
		for i := range s.Objects {
			if s.Objects[i].Key() == k {
				s.Objects[i].Privileges = drop(s.Objects[i].Privileges)
			}
		}
	case state.KindForeignDataWrapper:
		s.ForeignDataWrappers = append([]state.ForeignDataWrapper(nil), s.ForeignDataWrappers...)
		for i := range s.ForeignDataWrappers {
			if s.ForeignDataWrappers[i].Key() == k {
				s.ForeignDataWrappers[i].Privileges = drop(s.ForeignDataWrappers[i].Privileges)
			}
		}
	case state.KindServer:
		s.Servers = append([]state.ForeignServer(nil), s.Servers...)
		for i := range s.Servers {
			if s.Servers[i].Key() == k {
				s.Servers[i].Privileges = drop(s.Servers[i].Privileges)
			}
		}
	}
	return s
}
