package parser

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
)

// schemaElements handles the elements of CREATE SCHEMA s CREATE TABLE ...
// CREATE VIEW ... CREATE INDEX ... CREATE SEQUENCE ... CREATE TRIGGER ...
// GRANT ..., as PostgreSQL does (transformCreateSchemaStmt): each element
// is a statement of its own whose object is created in s (naming another
// schema is an error), and unqualified names inside the elements that
// name another element's relation mean that relation in s (PostgreSQL
// puts s first on the search path while it creates them).
func (p *fileParser) schemaElements(schema string, elts []*pg_query.Node, loc Location) {
	own := map[string]bool{}
	for _, e := range elts {
		if rv := elementRelation(e); rv != nil && (rv.Schemaname == "" || rv.Schemaname == schema) {
			if _, isIndex := e.Node.(*pg_query.Node_IndexStmt); !isIndex {
				own[rv.Relname] = true
			}
		}
	}
	for _, e := range elts {
		e = proto.Clone(e).(*pg_query.Node)
		if rv := elementRelation(e); rv != nil {
			if rv.Schemaname != "" && rv.Schemaname != schema {
				p.errs.semantic(p.locOr(rv.Location, loc), "CREATE specifies a schema (%s) different from the one being created (%s)", rv.Schemaname, schema)
				continue
			}
			rv.Schemaname = schema
		}
		walkMessages(e.ProtoReflect(), func(m proto.Message) {
			if rv, ok := m.(*pg_query.RangeVar); ok && rv.Schemaname == "" && own[rv.Relname] {
				rv.Schemaname = schema
			}
		})
		switch s := e.Node.(type) {
		case *pg_query.Node_CreateStmt:
			p.createTable(s.CreateStmt, loc)
		case *pg_query.Node_ViewStmt:
			p.createView(s.ViewStmt, loc)
		case *pg_query.Node_IndexStmt:
			p.createIndex(s.IndexStmt, loc)
		case *pg_query.Node_CreateSeqStmt:
			p.createSequence(s.CreateSeqStmt, loc)
		case *pg_query.Node_CreateTrigStmt:
			p.createTrigger(s.CreateTrigStmt, loc)
		case *pg_query.Node_GrantStmt:
			p.grantStmt(s.GrantStmt, loc)
		default:
			what, reason := statementName(e)
			p.errs.add(&UnsupportedError{Loc: loc, Statement: "CREATE SCHEMA ... " + what, Reason: reason})
		}
	}
}

// elementRelation is the relation a schema element creates or, for an
// index or trigger, is on; nil for GRANT.
func elementRelation(e *pg_query.Node) *pg_query.RangeVar {
	switch s := e.Node.(type) {
	case *pg_query.Node_CreateStmt:
		return s.CreateStmt.Relation
	case *pg_query.Node_ViewStmt:
		return s.ViewStmt.View
	case *pg_query.Node_IndexStmt:
		return s.IndexStmt.Relation
	case *pg_query.Node_CreateSeqStmt:
		return s.CreateSeqStmt.Sequence
	case *pg_query.Node_CreateTrigStmt:
		return s.CreateTrigStmt.Relation
	}
	return nil
}
