package parser

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// This file reads ALTER ... OWNER TO. Owners are recorded beside the
// model (Result.Owners), not in it: whether they are managed is the
// user's choice (renovate.hcl's owners), which the engine applies. An
// OWNER TO naming an object the files do not define, or one whose owner
// the model cannot record (a serial column's sequence, which follows its
// table), or a special role (CURRENT_USER), is read and left out, as
// pg_dump's output must be readable whatever it owns.

// ownerDef is one ALTER ... OWNER TO.
type ownerDef struct {
	loc  Location
	role string
	// kind is the object's kind, or "" for a relation named by ALTER
	// TABLE/VIEW/SEQUENCE/...: which kind it is comes from the model.
	kind state.Kind
	// name is a relation's, type's or schema's name (a schema's in Name).
	name state.QualName
	// routine names a function or procedure (kind KindFunction).
	routine *routineRef
	// key names an object of another kind exactly (owner_kinds.go); for
	// an aggregate, whose key's Signature the statement does not spell,
	// aggArgs are its argument types instead.
	key     *state.ObjectKey
	aggArgs []string
}

// alterOwner reads ALTER SCHEMA/TYPE/DOMAIN/FUNCTION/PROCEDURE/ROUTINE/
// LANGUAGE ... OWNER TO, and that of the other kinds whose owner the
// model records (owner_kinds.go); other kinds' are read and ignored.
func (p *fileParser) alterOwner(s *pg_query.AlterOwnerStmt, loc Location) {
	role, ok := ownerRole(s.Newowner)
	if !ok {
		return
	}
	d := &ownerDef{loc: loc, role: role}
	switch s.ObjectType {
	case pg_query.ObjectType_OBJECT_SCHEMA:
		d.kind = state.KindSchema
		d.name = state.QualName{Name: s.Object.GetString_().GetSval()}
		if d.name.Name == "" {
			return
		}
	case pg_query.ObjectType_OBJECT_TYPE, pg_query.ObjectType_OBJECT_DOMAIN:
		l := s.Object.GetList()
		if l == nil {
			return
		}
		q, ok := p.anyName(l.Items, loc)
		if !ok {
			return
		}
		d.kind, d.name = state.KindType, q
	case pg_query.ObjectType_OBJECT_LANGUAGE:
		// ALTER [PROCEDURAL] LANGUAGE name OWNER TO.
		d.kind = state.KindLanguage
		d.name = state.QualName{Name: s.Object.GetString_().GetSval()}
		if d.name.Name == "" {
			return
		}
	case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_PROCEDURE, pg_query.ObjectType_OBJECT_ROUTINE:
		o := s.Object.GetObjectWithArgs()
		if o == nil {
			return
		}
		kind := state.KindFunction
		switch s.ObjectType {
		case pg_query.ObjectType_OBJECT_PROCEDURE:
			kind = state.KindProcedure
		case pg_query.ObjectType_OBJECT_ROUTINE:
			kind = ""
		}
		ref, ok := p.routineRefOf(o, kind, loc)
		if !ok {
			return
		}
		d.kind, d.routine = state.KindFunction, &ref
	default:
		k, aggArgs, ok := p.ownedObjectKey(s, loc)
		if !ok {
			return
		}
		d.key, d.aggArgs = &k, aggArgs
	}
	p.add(d)
}

// relationOwner records ALTER TABLE/VIEW/MATERIALIZED VIEW/SEQUENCE/
// FOREIGN TABLE ... OWNER TO (an AT_ChangeOwner sub-command) on q.
func (p *fileParser) relationOwner(q state.QualName, cmd *pg_query.AlterTableCmd, loc Location) {
	if role, ok := ownerRole(cmd.Newowner); ok {
		p.add(&ownerDef{loc: loc, role: role, name: q})
	}
}

// ownerRole is the role OWNER TO names; false for CURRENT_USER and the
// like, whose meaning depends on who applies the files.
func ownerRole(rs *pg_query.RoleSpec) (string, bool) {
	if rs == nil || rs.Roletype != pg_query.RoleSpecType_ROLESPEC_CSTRING {
		return "", false
	}
	return rs.Rolename, true
}

// ownerDefs resolves the routines of the OWNER TO statements (after the
// routines are known); the rest is resolved against the result's model
// (ownersOf).
func (r *resolver) ownerDefs(items []any) []*ownerDef {
	var out []*ownerDef
	for _, it := range items {
		d, ok := it.(*ownerDef)
		if !ok {
			continue
		}
		out = append(out, d)
	}
	return out
}

// ownersOf turns the OWNER TO statements into the owners of the objects
// of s they name, the last statement winning, sorted by object.
func (r *resolver) ownersOf(s state.DatabaseSchema, defs []*ownerDef) []state.Owner {
	if len(defs) == 0 {
		return nil
	}
	rels := map[state.QualName]state.ObjectKey{}
	for _, t := range s.Tables {
		rels[t.QualName()] = t.Key()
	}
	for _, v := range s.Views {
		rels[v.QualName()] = v.Key()
	}
	for _, sq := range s.Sequences {
		if sq.OwnedBy == nil {
			rels[sq.QualName()] = state.ObjectKey{Kind: state.KindSequence, Schema: sq.Schema, Name: sq.Name}
		}
	}
	types := map[state.QualName]bool{}
	for _, t := range s.Types {
		types[t.QualName()] = true
	}
	schemas := map[string]bool{}
	for _, sc := range s.Schemas {
		schemas[sc.Name] = true
	}
	owners := map[state.ObjectKey]string{}
	var order []state.ObjectKey
	set := func(k state.ObjectKey, role string) {
		if _, seen := owners[k]; !seen {
			order = append(order, k)
		}
		owners[k] = role
	}
	others := ownedObjects(s)
	for _, d := range defs {
		switch {
		case d.key != nil:
			if k, ok := others.find(*d.key, d.aggArgs); ok {
				set(k, d.role)
			}
		case d.routine != nil:
			fs, err := r.findRoutines(*d.routine)
			if err != nil {
				continue
			}
			for _, f := range fs {
				set(f.Key(), d.role)
			}
		case d.kind == state.KindSchema:
			if schemas[d.name.Name] {
				set(state.ObjectKey{Kind: state.KindSchema, Name: d.name.Name}, d.role)
			}
		case d.kind == state.KindLanguage:
			k := state.ObjectKey{Kind: state.KindLanguage, Name: d.name.Name}
			if _, ok := s.DefObject(k); ok {
				set(k, d.role)
			}
		case d.kind == state.KindType:
			if types[d.name] {
				set(state.ObjectKey{Kind: state.KindType, Schema: d.name.Schema, Name: d.name.Name}, d.role)
			}
		default:
			if k, ok := rels[d.name]; ok {
				set(k, d.role)
			}
		}
	}
	out := make([]state.Owner, 0, len(order))
	for _, k := range order {
		out = append(out, state.Owner{Object: k, Role: owners[k]})
	}
	ns := state.DatabaseSchema{Owners: out}
	ns.Normalize()
	return ns.Owners
}
