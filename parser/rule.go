package parser

import (
	"fmt"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"

	"github.com/renovate-pg/renovate/state"
)

// This file reads CREATE RULE, ALTER TABLE ... ENABLE / DISABLE RULE and
// COMMENT ON RULE into definition objects (state.DefObject of KindRule).
//
// A rule's canonical form is its statement deparsed by pg_query after the
// names in it are canonicalized as in view queries: relations
// schema-qualified (unqualified means public, except WITH queries'
// names), routines, types and operators as PostgreSQL prints them with
// search_path = pg_catalog. pg_get_ruledef's text reads back the same
// way, so a rule read from the database and written by init compares
// equal. A rule written by hand differs where PostgreSQL adds column
// lists or casts; the server tier of normalization (normalize/rule.go)
// replaces its text with the server's printing before it is compared.

// createRule handles CREATE [OR REPLACE] RULE name AS ON event TO table
// [WHERE ...] DO [ALSO | INSTEAD] actions.
func (p *fileParser) createRule(s *pg_query.RuleStmt, loc Location) {
	if s.Relation == nil {
		p.errs.semantic(loc, "rule %s: missing relation", s.Rulename)
		return
	}
	st := proto.Clone(s).(*pg_query.RuleStmt)
	st.Replace = false
	rv := st.Relation
	if rv.Schemaname == "" {
		rv.Schemaname = "public"
	}
	rv.Location = -1
	table := state.QualName{Schema: rv.Schemaname, Name: rv.Relname}
	var r refs
	r.add(state.ObjectKey{Kind: state.KindTable, Schema: table.Schema, Name: table.Name})
	node := &pg_query.Node{Node: &pg_query.Node_RuleStmt{RuleStmt: st}}
	ctes := map[string]bool{}
	walkMessages(node.ProtoReflect(), func(m proto.Message) {
		if c, ok := m.(*pg_query.CommonTableExpr); ok {
			ctes[c.Ctename] = true
		}
	})
	walkMessages(node.ProtoReflect(), func(m proto.Message) {
		x, ok := m.(*pg_query.RangeVar)
		if !ok || x == rv {
			return
		}
		if x.Schemaname == "" {
			if ctes[x.Relname] {
				return
			}
			x.Schemaname = "public"
		}
		x.Location = -1
		r.add(state.ObjectKey{Kind: state.KindTable, Schema: x.Schemaname, Name: x.Relname})
	})
	canonicalizeNames(node)
	for _, k := range sqlBodyDependencies(node) {
		if k.Kind != state.KindTable {
			r.add(k)
		}
	}
	def, err := deparseStmt(node)
	if err != nil {
		p.errs.semantic(loc, "rule %s: deparsing: %v", s.Rulename, err)
		return
	}
	o := state.DefObject{Kind: state.KindRule, Schema: table.Schema, Table: table.Name, Name: s.Rulename,
		Definition: def + ";", Refs: r.keys}
	p.add(&defObjectDef{loc: loc, obj: o})
}

// ruleEnable handles ALTER TABLE ... ENABLE / DISABLE [REPLICA | ALWAYS]
// RULE name.
func (p *fileParser) ruleEnable(cmd *pg_query.AlterTableCmd, table state.QualName, loc Location) {
	enabled := map[pg_query.AlterTableType]string{
		pg_query.AlterTableType_AT_EnableRule:        "",
		pg_query.AlterTableType_AT_DisableRule:       "disabled",
		pg_query.AlterTableType_AT_EnableReplicaRule: "replica",
		pg_query.AlterTableType_AT_EnableAlwaysRule:  "always",
	}[cmd.Subtype]
	key := state.ObjectKey{Kind: state.KindRule, Schema: table.Schema, Table: table.Name, Name: cmd.Name}
	p.add(&defAlterDef{loc: loc, key: key, apply: func(o *state.DefObject) error {
		o.Settings = nil
		if enabled != "" {
			o.Settings = []state.DefSetting{{Name: "enabled", Value: enabled}}
		}
		return nil
	}})
}

// ruleCommentKey reads the rule COMMENT ON RULE name ON table names.
func (p *fileParser) ruleCommentKey(s *pg_query.CommentStmt, loc Location) (state.ObjectKey, error) {
	names, err := stringList(s.Object.GetList().GetItems())
	if err != nil || len(names) < 2 || len(names) > 3 {
		return state.ObjectKey{}, fmt.Errorf("improper COMMENT ON RULE")
	}
	rule := names[len(names)-1]
	table, ok := p.anyName(s.Object.GetList().GetItems()[:len(names)-1], loc)
	if !ok {
		return state.ObjectKey{}, fmt.Errorf("improper table name")
	}
	return state.ObjectKey{Kind: state.KindRule, Schema: table.Schema, Table: table.Name, Name: rule}, nil
}
