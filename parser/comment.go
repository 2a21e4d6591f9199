package parser

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// comment handles COMMENT ON. IS NULL and IS ” both mean "no comment".
// COMMENT ON EXTENSION is ignored: an extension's comment comes from its
// control file, and pg_dump emits one for every extension.
func (p *fileParser) comment(s *pg_query.CommentStmt, loc Location) {
	var key state.ObjectKey
	switch s.Objtype {
	case pg_query.ObjectType_OBJECT_EXTENSION:
		return
	case pg_query.ObjectType_OBJECT_AGGREGATE, pg_query.ObjectType_OBJECT_CAST, pg_query.ObjectType_OBJECT_STATISTIC_EXT,
		pg_query.ObjectType_OBJECT_TSCONFIGURATION, pg_query.ObjectType_OBJECT_TSDICTIONARY,
		pg_query.ObjectType_OBJECT_TSPARSER, pg_query.ObjectType_OBJECT_TSTEMPLATE,
		pg_query.ObjectType_OBJECT_OPERATOR, pg_query.ObjectType_OBJECT_RULE,
		pg_query.ObjectType_OBJECT_OPCLASS, pg_query.ObjectType_OBJECT_OPFAMILY,
		pg_query.ObjectType_OBJECT_CONVERSION, pg_query.ObjectType_OBJECT_ACCESS_METHOD,
		pg_query.ObjectType_OBJECT_LANGUAGE, pg_query.ObjectType_OBJECT_TRANSFORM:
		p.defComment(s, loc)
		return
	case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_PROCEDURE, pg_query.ObjectType_OBJECT_ROUTINE,
		pg_query.ObjectType_OBJECT_TRIGGER, pg_query.ObjectType_OBJECT_EVENT_TRIGGER:
		p.routineComment(s, loc)
		return
	case pg_query.ObjectType_OBJECT_POLICY:
		p.commentPolicy(s, loc)
		return
	case pg_query.ObjectType_OBJECT_PUBLICATION:
		p.commentPublication(s, loc)
		return
	case pg_query.ObjectType_OBJECT_FDW, pg_query.ObjectType_OBJECT_FOREIGN_SERVER, pg_query.ObjectType_OBJECT_SUBSCRIPTION:
		p.commentForeign(s, loc)
		return
	case pg_query.ObjectType_OBJECT_SCHEMA:
		key = state.ObjectKey{Kind: state.KindSchema, Name: s.Object.GetString_().GetSval()}
	case pg_query.ObjectType_OBJECT_VIEW, pg_query.ObjectType_OBJECT_MATVIEW:
		q, ok := p.anyName(s.Object.GetList().GetItems(), loc)
		if !ok {
			return
		}
		key = state.ObjectKey{Kind: state.KindView, Schema: q.Schema, Name: q.Name}
		if s.Objtype == pg_query.ObjectType_OBJECT_MATVIEW {
			key.Kind = state.KindMaterializedView
		}
	case pg_query.ObjectType_OBJECT_DOMCONSTRAINT:
		p.commentOnDomainConstraint(s, loc)
		return
	case pg_query.ObjectType_OBJECT_COLLATION:
		q, ok := p.anyName(s.Object.GetList().GetItems(), loc)
		if !ok {
			return
		}
		key = state.ObjectKey{Kind: state.KindCollation, Schema: q.Schema, Name: q.Name}
	case pg_query.ObjectType_OBJECT_TYPE, pg_query.ObjectType_OBJECT_DOMAIN:
		tn := s.Object.GetTypeName()
		if tn == nil {
			p.errs.semantic(loc, "invalid type name")
			return
		}
		q, ok := p.anyName(tn.Names, loc)
		if !ok {
			return
		}
		key = state.ObjectKey{Kind: state.KindType, Schema: q.Schema, Name: q.Name}
	case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_FOREIGN_TABLE, pg_query.ObjectType_OBJECT_SEQUENCE, pg_query.ObjectType_OBJECT_INDEX:
		q, ok := p.anyName(s.Object.GetList().GetItems(), loc)
		if !ok {
			return
		}
		kind := map[pg_query.ObjectType]state.Kind{
			pg_query.ObjectType_OBJECT_TABLE:         state.KindTable,
			pg_query.ObjectType_OBJECT_FOREIGN_TABLE: state.KindTable,
			pg_query.ObjectType_OBJECT_SEQUENCE:      state.KindSequence,
			pg_query.ObjectType_OBJECT_INDEX:         state.KindIndex,
		}[s.Objtype]
		key = state.ObjectKey{Kind: kind, Schema: q.Schema, Name: q.Name}
	case pg_query.ObjectType_OBJECT_COLUMN, pg_query.ObjectType_OBJECT_TABCONSTRAINT:
		names, err := stringList(s.Object.GetList().GetItems())
		if err != nil || len(names) < 2 || len(names) > 3 {
			p.errs.semantic(loc, "improper name in COMMENT ON %s", objectTypeWords(s.Objtype))
			return
		}
		table, ok := p.anyName(stringNodes(names[:len(names)-1]...), loc)
		if !ok {
			return
		}
		kind := state.KindColumn
		if s.Objtype == pg_query.ObjectType_OBJECT_TABCONSTRAINT {
			kind = state.KindConstraint
		}
		key = state.ObjectKey{Kind: kind, Schema: table.Schema, Table: table.Name, Name: names[len(names)-1]}
	default:
		p.errs.unsupported(loc, "COMMENT ON "+objectTypeWords(s.Objtype))
		return
	}
	p.add(&commentDef{loc: loc, key: key, comment: s.Comment})
}
