package parser

import (
	"fmt"
	"sort"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"

	"github.com/renovate-pg/renovate/state"
)

// viewDef is CREATE VIEW or CREATE MATERIALIZED VIEW with its query in
// canonical form.
type viewDef struct {
	loc  Location
	view state.View
	// replace is CREATE OR REPLACE VIEW, which may redefine a view defined
	// earlier (pg_dump does so to break dependency loops).
	replace bool
	refs    queryRefs
	// columns are the output column names when the parser can tell them
	// (no SELECT *), for checking COMMENT ON COLUMN; nil otherwise.
	columns []string
}

// createView handles CREATE [OR REPLACE] [RECURSIVE] VIEW name [(columns)]
// [WITH (options)] AS query [WITH [CASCADED | LOCAL] CHECK OPTION].
// RECURSIVE is rewritten by the grammar itself into WITH RECURSIVE, which
// is what PostgreSQL stores and prints. The column list is folded into the
// query's select list, as DefineView does; the check option is the
// check_option reloption.
func (p *fileParser) createView(s *pg_query.ViewStmt, loc Location) {
	if s.View != nil && s.View.Relpersistence == "t" {
		p.errs.add(&UnsupportedError{Loc: loc, Statement: "CREATE TEMPORARY VIEW", Reason: "is not supported in schema files: temporary views live only as long as a session"})
		return
	}
	name, ok := p.relName(s.View, loc)
	if !ok {
		return
	}
	opts, err := viewOptions(s.Options)
	if err != nil {
		p.errs.semantic(loc, "view %s: %v", name, err)
		return
	}
	switch s.WithCheckOption {
	case pg_query.ViewCheckOption_LOCAL_CHECK_OPTION:
		opts = setViewOption(opts, "check_option", "local")
	case pg_query.ViewCheckOption_CASCADED_CHECK_OPTION:
		opts = setViewOption(opts, "check_option", "cascaded")
	}
	p.addView(name, false, s.Replace, s.Query, s.Aliases, opts, loc)
}

// createTableAs handles CREATE MATERIALIZED VIEW [IF NOT EXISTS] name
// [(columns)] [WITH (options)] AS query [WITH [NO] DATA]. WITH NO DATA is
// accepted and ignored: whether a materialized view is populated is a
// matter of its data (REFRESH), not of the schema, and renovate creates
// materialized views populated. CREATE TABLE AS and SELECT INTO are not
// declarations and are rejected.
func (p *fileParser) createTableAs(s *pg_query.CreateTableAsStmt, loc Location) {
	if s.Objtype != pg_query.ObjectType_OBJECT_MATVIEW || s.Into == nil {
		what, reason := statementName(&pg_query.Node{Node: &pg_query.Node_CreateTableAsStmt{CreateTableAsStmt: s}})
		if s.IsSelectInto {
			what, reason = "SELECT INTO", notInSchemaFiles
		}
		p.errs.add(&UnsupportedError{Loc: loc, Statement: what, Reason: reason})
		return
	}
	into := s.Into
	if into.AccessMethod != "" && into.AccessMethod != "heap" {
		p.errs.unsupported(loc, "CREATE MATERIALIZED VIEW ... USING "+into.AccessMethod)
		return
	}
	name, ok := p.relName(into.Rel, loc)
	if !ok {
		return
	}
	opts, err := viewOptions(into.Options)
	if err != nil {
		p.errs.semantic(loc, "materialized view %s: %v", name, err)
		return
	}
	before := len(p.items)
	p.addView(name, true, false, s.Query, into.ColNames, opts, loc)
	if ts := canonicalTablespace(into.TableSpaceName); ts != "" && len(p.items) > before {
		if vd, ok := p.items[len(p.items)-1].(*viewDef); ok {
			vd.view.Tablespace = ts
		}
	}
}

// addView canonicalizes a view's query and records the view.
func (p *fileParser) addView(name state.QualName, materialized, replace bool, query *pg_query.Node, aliases []*pg_query.Node, opts []string, loc Location) {
	what := "view"
	if materialized {
		what = "materialized view"
	}
	if query == nil || query.GetSelectStmt() == nil {
		p.errs.semantic(loc, "%s %s: the query must be a SELECT", what, name)
		return
	}
	cols, err := stringList(aliases)
	if err != nil {
		p.errs.semantic(loc, "%s %s: invalid column list", what, name)
		return
	}
	q, err := canonicalQuery(query, cols)
	if err != nil {
		p.errs.semantic(loc, "%s %s: %v", what, name, err)
		return
	}
	p.add(&viewDef{
		loc: loc,
		view: state.View{Schema: name.Schema, Name: name.Name, Materialized: materialized, Definition: q.sql, Options: opts,
			RenamedFrom: p.renamedFrom(loc)},
		replace: replace,
		refs:    q.refs,
		columns: q.columns,
	})
}

// viewOptions turns WITH (...) options into sorted "name=value" strings as
// PostgreSQL stores reloptions: the value as written, true for a bare name.
func viewOptions(nodes []*pg_query.Node) ([]string, error) {
	var out []string
	for _, n := range nodes {
		d := n.GetDefElem()
		if d == nil {
			return nil, fmt.Errorf("invalid option")
		}
		if d.Defnamespace != "" {
			return nil, fmt.Errorf("option %s.%s: namespaced options do not apply to views", d.Defnamespace, d.Defname)
		}
		v, err := relOptionValue(d.Arg)
		if err != nil {
			return nil, fmt.Errorf("option %s: %w", d.Defname, err)
		}
		out = setViewOption(out, d.Defname, v)
	}
	return out, nil
}

// setViewOption sets name=value in a sorted option list, replacing an earlier
// value (as the last WITH CHECK OPTION or option wins).
func setViewOption(opts []string, name, value string) []string {
	out := opts[:0:0]
	for _, o := range opts {
		if n, _, _ := strings.Cut(o, "="); n != name {
			out = append(out, o)
		}
	}
	out = append(out, name+"="+value)
	sort.Strings(out)
	return out
}

// canonicalQueryResult is a view query in canonical form.
type canonicalQueryResult struct {
	sql     string
	refs    queryRefs
	columns []string
}

// queryRefs are the objects a query names.
type queryRefs struct {
	relations []state.QualName
	functions []state.QualName
	types     []state.QualName
	operators []state.QualName
}

// canonicalQuery returns the canonical text of a view query: the column
// list folded into the select list, relation names qualified (unqualified
// means public, except references to the query's own WITH queries), other
// names canonicalized as in expressions, "x AS x" written "x", deparsed by
// pg_query. Text printed by pg_get_viewdef comes back the same way, so a
// view read from the database and the same view written by hand differ
// only where PostgreSQL adds qualifications and casts; the server tier
// settles those.
func canonicalQuery(n *pg_query.Node, aliases []string) (canonicalQueryResult, error) {
	q := proto.Clone(n).(*pg_query.Node)
	sel := q.GetSelectStmt()
	if len(aliases) > 0 {
		if err := foldAliases(sel, aliases); err != nil {
			return canonicalQueryResult{}, err
		}
	}
	var res canonicalQueryResult
	ctes := map[string]bool{}
	walkMessages(q.ProtoReflect(), func(m proto.Message) {
		if c, ok := m.(*pg_query.CommonTableExpr); ok {
			ctes[c.Ctename] = true
		}
	})
	var err error
	walkMessages(q.ProtoReflect(), func(m proto.Message) {
		switch x := m.(type) {
		case *pg_query.RangeVar:
			if x.Catalogname != "" {
				err = fmt.Errorf("cross-database references are not implemented: %s.%s.%s", x.Catalogname, x.Schemaname, x.Relname)
				return
			}
			if x.Schemaname == "" {
				if ctes[x.Relname] {
					return
				}
				x.Schemaname = "public"
			}
			x.Location = -1
			res.refs.relations = append(res.refs.relations, state.QualName{Schema: x.Schemaname, Name: x.Relname})
		case *pg_query.SelectStmt:
			for _, t := range x.TargetList {
				dropRedundantAlias(t.GetResTarget())
			}
		}
	})
	if err != nil {
		return canonicalQueryResult{}, err
	}
	canonicalizeNames(q)
	walkMessages(q.ProtoReflect(), func(m proto.Message) {
		switch x := m.(type) {
		case *pg_query.FuncCall:
			if names, err := stringList(x.Funcname); err == nil && len(names) == 2 && names[0] != "pg_catalog" {
				res.refs.functions = append(res.refs.functions, state.QualName{Schema: names[0], Name: names[1]})
			}
		case *pg_query.TypeName:
			if names, err := stringList(x.Names); err == nil && len(names) == 2 && names[0] != "pg_catalog" {
				res.refs.types = append(res.refs.types, state.QualName{Schema: names[0], Name: names[1]})
			}
		case *pg_query.A_Expr:
			if k, ok := operatorUse(x); ok {
				res.refs.operators = append(res.refs.operators, state.QualName{Schema: k.Schema, Name: k.Name})
			}
		}
	})
	out, err := deparseStmt(q)
	if err != nil {
		return canonicalQueryResult{}, fmt.Errorf("deparsing the query: %w", err)
	}
	res.sql = out
	res.columns = outputColumns(sel)
	return res, nil
}

// dropRedundantAlias removes "AS x" from a select-list entry that is a
// column reference to x: the output column is called x either way, and
// pg_get_viewdef prints no alias there.
func dropRedundantAlias(rt *pg_query.ResTarget) {
	if rt == nil || rt.Name == "" || rt.Val == nil {
		return
	}
	cr := rt.Val.GetColumnRef()
	if cr == nil || len(cr.Fields) == 0 {
		return
	}
	if s := cr.Fields[len(cr.Fields)-1].GetString_(); s != nil && s.Sval == rt.Name {
		rt.Name = ""
	}
}

// leftmostSelect returns the SELECT that names a query's output columns:
// the first branch of a UNION / INTERSECT / EXCEPT.
func leftmostSelect(sel *pg_query.SelectStmt) *pg_query.SelectStmt {
	for sel.Op != pg_query.SetOperation_SETOP_NONE && sel.Larg != nil {
		sel = sel.Larg
	}
	return sel
}

// foldAliases applies a view's column list to its query, as DefineView
// does: the i-th name renames the i-th output column; fewer names than
// columns leave the rest alone.
func foldAliases(sel *pg_query.SelectStmt, aliases []string) error {
	first := leftmostSelect(sel)
	if len(first.ValuesLists) > 0 {
		return fmt.Errorf("a column list over VALUES is not supported: write SELECT ... FROM (VALUES ...) AS v(%s)", quoteIdentList(aliases))
	}
	if len(aliases) > len(first.TargetList) {
		return fmt.Errorf("CREATE VIEW specifies more column names than columns")
	}
	for i, name := range aliases {
		rt := first.TargetList[i].GetResTarget()
		if rt == nil || isStarTarget(rt.Val) {
			return fmt.Errorf("a column list over SELECT * is not supported: name the columns in the select list")
		}
		rt.Name = name
	}
	return nil
}

// isStarTarget reports whether a select-list value is * or x.*.
func isStarTarget(n *pg_query.Node) bool {
	cr := n.GetColumnRef()
	if cr == nil || len(cr.Fields) == 0 {
		return false
	}
	return cr.Fields[len(cr.Fields)-1].GetAStar() != nil
}

// outputColumns returns a query's output column names as PostgreSQL names
// them, or nil when a * hides them.
func outputColumns(sel *pg_query.SelectStmt) []string {
	first := leftmostSelect(sel)
	if len(first.ValuesLists) > 0 {
		items := first.ValuesLists[0].GetList().GetItems()
		out := make([]string, len(items))
		for i := range items {
			out[i] = fmt.Sprintf("column%d", i+1)
		}
		return out
	}
	var out []string
	for _, t := range first.TargetList {
		rt := t.GetResTarget()
		if rt == nil || isStarTarget(rt.Val) {
			return nil
		}
		name := rt.Name
		if name == "" {
			var strength int
			if name, strength = figureColname(rt.Val); strength == 0 {
				name = "?column?"
			}
		}
		out = append(out, name)
	}
	return out
}

// QueryUsesStar reports whether a view definition's select lists use * or
// x.* anywhere. Such a view's columns are fixed when it is created, so it
// has to be created again to see columns added underneath it.
func QueryUsesStar(definition string) bool {
	tree, err := pg_query.Parse(definition)
	if err != nil {
		return false
	}
	found := false
	for _, st := range tree.Stmts {
		walkMessages(st.ProtoReflect(), func(m proto.Message) {
			if rt, ok := m.(*pg_query.ResTarget); ok && rt.Val != nil && isStarTarget(rt.Val) {
				found = true
			}
		})
	}
	return found
}

// CanonicalQuery returns the canonical form of a view query given as SQL
// text, such as pg_get_viewdef prints it: the text a View's Definition
// holds after parsing.
func CanonicalQuery(sql string) (string, error) {
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return "", err
	}
	if len(tree.Stmts) != 1 || tree.Stmts[0].Stmt.GetSelectStmt() == nil {
		return "", fmt.Errorf("expected one SELECT")
	}
	q, err := canonicalQuery(tree.Stmts[0].Stmt, nil)
	if err != nil {
		return "", err
	}
	return q.sql, nil
}
