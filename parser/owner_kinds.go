package parser

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// This file reads ALTER ... OWNER TO of the kinds beyond relations, types,
// schemas and routines: aggregates, operators, operator classes and
// families, collations, statistics objects, text search configurations
// and dictionaries, event triggers, publications, foreign-data wrappers
// and foreign servers, as pg_dump writes them.

// ownedObjectKey is the key an ALTER <kind> ... OWNER TO of those kinds
// names; for an aggregate, its argument types too (the key's Signature
// says which are ordered, the statement does not). false for another
// kind (read and ignored) or a malformed name (an error is recorded).
func (p *fileParser) ownedObjectKey(s *pg_query.AlterOwnerStmt, loc Location) (state.ObjectKey, []string, bool) {
	switch s.ObjectType {
	case pg_query.ObjectType_OBJECT_AGGREGATE:
		o := s.Object.GetObjectWithArgs()
		if o == nil {
			p.errs.semantic(loc, "improper ALTER AGGREGATE")
			return state.ObjectKey{}, nil, false
		}
		name, ok := p.anyName(o.Objname, loc)
		if !ok {
			return state.ObjectKey{}, nil, false
		}
		var r refs
		args := []string{}
		for _, n := range o.Objargs {
			t, err := r.typ(n.GetTypeName())
			if err != nil {
				p.errs.semantic(loc, "ALTER AGGREGATE %s: %v", name, err)
				return state.ObjectKey{}, nil, false
			}
			args = append(args, t)
		}
		return state.ObjectKey{Kind: state.KindAggregate, Schema: name.Schema, Name: name.Name}, args, true
	case pg_query.ObjectType_OBJECT_OPERATOR:
		k, _, ok := p.operatorKey(s.Object.GetObjectWithArgs(), loc)
		return k, nil, ok
	case pg_query.ObjectType_OBJECT_OPCLASS, pg_query.ObjectType_OBJECT_OPFAMILY:
		kind := state.KindOperatorClass
		if s.ObjectType == pg_query.ObjectType_OBJECT_OPFAMILY {
			kind = state.KindOperatorFamily
		}
		items := s.Object.GetList().GetItems()
		if len(items) < 2 {
			p.errs.semantic(loc, "improper ALTER %s", strings.ToUpper(strings.ReplaceAll(string(kind), "_", " ")))
			return state.ObjectKey{}, nil, false
		}
		method := strings.ToLower(items[0].GetString_().GetSval())
		name, ok := p.anyName(items[1:], loc)
		if !ok {
			return state.ObjectKey{}, nil, false
		}
		return state.ObjectKey{Kind: kind, Schema: name.Schema, Name: name.Name, Signature: opFamilySignature(method)}, nil, true
	case pg_query.ObjectType_OBJECT_COLLATION, pg_query.ObjectType_OBJECT_STATISTIC_EXT,
		pg_query.ObjectType_OBJECT_TSCONFIGURATION, pg_query.ObjectType_OBJECT_TSDICTIONARY,
		pg_query.ObjectType_OBJECT_CONVERSION:
		kind := map[pg_query.ObjectType]state.Kind{
			pg_query.ObjectType_OBJECT_CONVERSION:      state.KindConversion,
			pg_query.ObjectType_OBJECT_COLLATION:       state.KindCollation,
			pg_query.ObjectType_OBJECT_STATISTIC_EXT:   state.KindStatisticsObject,
			pg_query.ObjectType_OBJECT_TSCONFIGURATION: state.KindTSConfiguration,
			pg_query.ObjectType_OBJECT_TSDICTIONARY:    state.KindTSDictionary,
		}[s.ObjectType]
		name, ok := p.anyName(s.Object.GetList().GetItems(), loc)
		if !ok {
			return state.ObjectKey{}, nil, false
		}
		return state.ObjectKey{Kind: kind, Schema: name.Schema, Name: name.Name}, nil, true
	case pg_query.ObjectType_OBJECT_EVENT_TRIGGER, pg_query.ObjectType_OBJECT_PUBLICATION,
		pg_query.ObjectType_OBJECT_FDW, pg_query.ObjectType_OBJECT_FOREIGN_SERVER:
		kind := map[pg_query.ObjectType]state.Kind{
			pg_query.ObjectType_OBJECT_EVENT_TRIGGER:  state.KindEventTrigger,
			pg_query.ObjectType_OBJECT_PUBLICATION:    state.KindPublication,
			pg_query.ObjectType_OBJECT_FDW:            state.KindForeignDataWrapper,
			pg_query.ObjectType_OBJECT_FOREIGN_SERVER: state.KindServer,
		}[s.ObjectType]
		name := s.Object.GetString_().GetSval()
		if name == "" {
			return state.ObjectKey{}, nil, false
		}
		return state.ObjectKey{Kind: kind, Name: name}, nil, true
	}
	return state.ObjectKey{}, nil, false
}

// ownedSet is the objects of those kinds a model defines.
type ownedSet map[state.ObjectKey]bool

// ownedObjects lists the objects of s of those kinds (casts, rules and
// text search parsers and templates have no owner).
func ownedObjects(s state.DatabaseSchema) ownedSet {
	out := ownedSet{}
	for _, o := range s.Objects {
		if state.IsOwnedKind(o.Kind) {
			out[o.Key()] = true
		}
	}
	for _, c := range s.Collations {
		out[c.Key()] = true
	}
	for _, e := range s.EventTriggers {
		out[e.Key()] = true
	}
	for _, p := range s.Publications {
		out[p.Key()] = true
	}
	for _, w := range s.ForeignDataWrappers {
		out[w.Key()] = true
	}
	for _, sv := range s.Servers {
		out[sv.Key()] = true
	}
	return out
}

// find returns the key of the object k names: k itself, or for an
// aggregate the one of its name whose argument types are aggArgs.
func (o ownedSet) find(k state.ObjectKey, aggArgs []string) (state.ObjectKey, bool) {
	if k.Kind != state.KindAggregate {
		return k, o[k]
	}
	want := strings.Join(aggArgs, ", ")
	var found []state.ObjectKey
	for c := range o {
		if c.Kind == state.KindAggregate && c.Schema == k.Schema && c.Name == k.Name && state.AggregateArgTypes(c.Signature) == want {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		return state.ObjectKey{}, false
	}
	return found[0], true
}
