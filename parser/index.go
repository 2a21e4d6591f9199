package parser

import (
	"fmt"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"

	"github.com/renovate-pg/renovate/state"
)

// createIndex handles CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS]
// [name] ON [ONLY] table .... The statement is normalized towards what
// pg_get_indexdef prints: qualified table, explicit access method, no
// CONCURRENTLY / IF NOT EXISTS / ONLY (on a partitioned table ONLY creates
// an invalid index waiting for its partitions' indexes to be attached, as
// pg_dump does; the files declare the finished index, which a plain
// CREATE INDEX builds), default orderings dropped, names inside
// expressions canonicalized and WITH values stored as text. The name and the
// per-column collations are finished during resolution.
func (p *fileParser) createIndex(s *pg_query.IndexStmt, loc Location) {
	table, ok := p.relName(s.Relation, loc)
	if !ok {
		return
	}
	st := proto.Clone(s).(*pg_query.IndexStmt)
	st.TableSpace = canonicalTablespace(st.TableSpace)
	st.Idxname = ""
	st.Concurrent = false
	st.IfNotExists = false
	st.Relation = &pg_query.RangeVar{Schemaname: table.Schema, Relname: table.Name, Inh: true, Relpersistence: "p", Location: -1}
	if st.AccessMethod == "" {
		st.AccessMethod = "btree"
	}
	var names []string
	for i, n := range st.IndexParams {
		ie := n.GetIndexElem()
		if ie == nil {
			p.errs.semantic(loc, "invalid index element")
			return
		}
		ie, err := normalizeIndexElem(ie)
		if err != nil {
			p.errs.semantic(loc, "index on %s: %v", table, err)
			return
		}
		st.IndexParams[i] = &pg_query.Node{Node: &pg_query.Node_IndexElem{IndexElem: ie}}
		names = append(names, indexElemName(ie))
	}
	for _, n := range st.IndexIncludingParams {
		if ie := n.GetIndexElem(); ie != nil {
			names = append(names, indexElemName(ie))
		}
	}
	if st.WhereClause != nil {
		canonicalizeNames(st.WhereClause)
	}
	if err := textOptions(st.Options); err != nil {
		p.errs.semantic(loc, "index on %s: %v", table, err)
		return
	}
	p.add(&indexDef{loc: loc, table: table, name: s.Idxname, stmt: st, nameCols: uniqueColumnNames(names)})
}

// normalizeIndexElem returns a canonical copy of an index element: a
// parenthesized plain column becomes the column, ASC and the default NULLS
// ordering (LAST for ascending, FIRST for descending) are dropped, names
// are canonicalized and operator-class options are stored as text (an
// option whose value is not a constant is an error).
func normalizeIndexElem(ie *pg_query.IndexElem) (*pg_query.IndexElem, error) {
	e := proto.Clone(ie).(*pg_query.IndexElem)
	if e.Expr != nil {
		if cr := e.Expr.GetColumnRef(); cr != nil && len(cr.Fields) == 1 {
			if s := cr.Fields[0].GetString_(); s != nil {
				e.Name, e.Expr = s.Sval, nil
			}
		}
	}
	if e.Expr != nil {
		canonicalizeNames(e.Expr)
	}
	e.Indexcolname = ""
	desc := e.Ordering == pg_query.SortByDir_SORTBY_DESC
	if e.Ordering == pg_query.SortByDir_SORTBY_ASC {
		e.Ordering = pg_query.SortByDir_SORTBY_DEFAULT
	}
	if desc && e.NullsOrdering == pg_query.SortByNulls_SORTBY_NULLS_FIRST ||
		!desc && e.NullsOrdering == pg_query.SortByNulls_SORTBY_NULLS_LAST {
		e.NullsOrdering = pg_query.SortByNulls_SORTBY_NULLS_DEFAULT
	}
	e.Collation = canonicalCollationName(e.Collation)
	e.Opclass = canonicalOpclass(e.Opclass)
	if err := textOptions(e.Opclassopts); err != nil {
		return nil, fmt.Errorf("operator class options: %w", err)
	}
	return e, nil
}

// canonicalOpclass qualifies an operator class name as get_opclass_name
// prints it: built-in classes bare, others schema-qualified (unqualified
// means public).
func canonicalOpclass(name []*pg_query.Node) []*pg_query.Node {
	names, err := stringList(name)
	if err != nil || len(names) == 0 {
		return name
	}
	switch {
	case len(names) == 2 && names[0] == "pg_catalog":
		return stringNodes(names[1])
	case len(names) == 1 && !builtinOpclasses[names[0]]:
		return stringNodes("public", names[0])
	}
	return name
}

// canonicalCollationName drops a pg_catalog qualification and the
// "default" collation.
func canonicalCollationName(name []*pg_query.Node) []*pg_query.Node {
	names, err := stringList(name)
	if err != nil || len(names) == 0 {
		return name
	}
	if len(names) == 2 && names[0] == "pg_catalog" {
		names = names[1:]
	}
	if len(names) == 1 && names[0] == "default" {
		return nil
	}
	return stringNodes(names...)
}

// collationText renders a collation name as SQL text: quoted as
// quote_ident would, qualified unless it is unqualified or in pg_catalog,
// "" for "default".
func collationText(name []*pg_query.Node) (string, error) {
	names, err := stringList(canonicalCollationName(name))
	if err != nil {
		return "", err
	}
	switch len(names) {
	case 0:
		return "", nil
	case 1:
		return quoteIdent(names[0]), nil
	case 2:
		return quoteQualified(names[0], names[1]), nil
	}
	return "", fmt.Errorf("improper qualified collation name")
}

// textOptions replaces each DefElem argument by its text, as PostgreSQL
// stores reloptions, so WITH (fillfactor = 70) and WITH (fillfactor='70')
// deparse alike.
func textOptions(opts []*pg_query.Node) error {
	for _, n := range opts {
		d := n.GetDefElem()
		if d == nil {
			return fmt.Errorf("invalid option")
		}
		v, err := relOptionValue(d.Arg)
		if err != nil {
			return fmt.Errorf("option %s: %w", d.Defname, err)
		}
		d.Arg = pg_query.MakeStrNode(v)
		d.Location = -1
	}
	return nil
}

// formatIndexElem renders a normalized index element as pg_get_indexdef
// does: a column, a function-like expression bare, any other expression in
// parentheses, then COLLATE, operator class and ordering.
func formatIndexElem(e *pg_query.IndexElem) (string, error) {
	var b strings.Builder
	if e.Name != "" {
		b.WriteString(quoteIdent(e.Name))
	} else {
		expr, err := deparseExpr(e.Expr)
		if err != nil {
			return "", err
		}
		if functionLike(e.Expr) {
			b.WriteString(expr)
		} else {
			b.WriteString("(" + expr + ")")
		}
	}
	if len(e.Collation) > 0 {
		c, err := collationText(e.Collation)
		if err != nil {
			return "", err
		}
		b.WriteString(" COLLATE " + c)
	}
	if len(e.Opclass) > 0 {
		names, err := stringList(e.Opclass)
		if err != nil {
			return "", err
		}
		for i := range names {
			names[i] = quoteIdent(names[i])
		}
		b.WriteString(" " + strings.Join(names, "."))
		if len(e.Opclassopts) > 0 {
			o, err := formatRelOptions(e.Opclassopts)
			if err != nil {
				return "", err
			}
			b.WriteString(" (" + o + ")")
		}
	}
	if e.Ordering == pg_query.SortByDir_SORTBY_DESC {
		b.WriteString(" DESC")
	}
	switch e.NullsOrdering {
	case pg_query.SortByNulls_SORTBY_NULLS_FIRST:
		b.WriteString(" NULLS FIRST")
	case pg_query.SortByNulls_SORTBY_NULLS_LAST:
		b.WriteString(" NULLS LAST")
	}
	return b.String(), nil
}

// functionLike reports whether an index expression can be written without
// parentheses (func_expr_windowless in the grammar).
func functionLike(n *pg_query.Node) bool {
	switch n.Node.(type) {
	case *pg_query.Node_FuncCall, *pg_query.Node_SqlvalueFunction, *pg_query.Node_CoalesceExpr,
		*pg_query.Node_MinMaxExpr, *pg_query.Node_XmlExpr, *pg_query.Node_XmlSerialize:
		return true
	}
	return false
}

// indexElemName is the name PostgreSQL gives an index column when it
// builds a default index name: the column, or FigureIndexColname's guess
// for an expression, or "expr".
func indexElemName(e *pg_query.IndexElem) string {
	if e.Name != "" {
		return e.Name
	}
	if name, strength := figureColname(e.Expr); strength > 0 {
		return name
	}
	return "expr"
}

// figureColname is FigureColnameInternal (parse_target.c): the column
// name PostgreSQL derives from an expression, with a strength (0: none, 1:
// a type or CASE guess, 2: a real name).
func figureColname(n *pg_query.Node) (string, int) {
	if n == nil {
		return "", 0
	}
	switch v := n.Node.(type) {
	case *pg_query.Node_ColumnRef:
		if f := v.ColumnRef.Fields; len(f) > 0 {
			if s := f[len(f)-1].GetString_(); s != nil {
				return s.Sval, 2
			}
		}
	case *pg_query.Node_AIndirection:
		ind := v.AIndirection.Indirection
		for i := len(ind) - 1; i >= 0; i-- {
			if s := ind[i].GetString_(); s != nil {
				return s.Sval, 2
			}
		}
		return figureColname(v.AIndirection.Arg)
	case *pg_query.Node_FuncCall:
		if f := v.FuncCall.Funcname; len(f) > 0 {
			if s := f[len(f)-1].GetString_(); s != nil {
				return s.Sval, 2
			}
		}
	case *pg_query.Node_AExpr:
		if v.AExpr.Kind == pg_query.A_Expr_Kind_AEXPR_NULLIF {
			return "nullif", 2
		}
	case *pg_query.Node_TypeCast:
		if name, strength := figureColname(v.TypeCast.Arg); strength > 1 {
			return name, strength
		}
		if tn := v.TypeCast.TypeName; tn != nil && len(tn.Names) > 0 {
			if s := tn.Names[len(tn.Names)-1].GetString_(); s != nil {
				return s.Sval, 1
			}
		}
	case *pg_query.Node_CollateClause:
		return figureColname(v.CollateClause.Arg)
	case *pg_query.Node_GroupingFunc:
		return "grouping", 2
	case *pg_query.Node_SubLink:
		switch v.SubLink.SubLinkType {
		case pg_query.SubLinkType_EXISTS_SUBLINK:
			return "exists", 2
		case pg_query.SubLinkType_ARRAY_SUBLINK:
			return "array", 2
		}
	case *pg_query.Node_CaseExpr:
		if name, strength := figureColname(v.CaseExpr.Defresult); strength > 1 {
			return name, strength
		}
		return "case", 1
	case *pg_query.Node_AArrayExpr:
		return "array", 2
	case *pg_query.Node_RowExpr:
		return "row", 2
	case *pg_query.Node_CoalesceExpr:
		return "coalesce", 2
	case *pg_query.Node_MinMaxExpr:
		if v.MinMaxExpr.Op == pg_query.MinMaxOp_IS_GREATEST {
			return "greatest", 2
		}
		return "least", 2
	case *pg_query.Node_SqlvalueFunction:
		return sqlValueFunctionName(v.SqlvalueFunction.Op), 2
	case *pg_query.Node_XmlSerialize:
		return "xmlserialize", 2
	}
	return "", 0
}

// sqlValueFunctionName names a SQLValueFunction as FigureColname does.
func sqlValueFunctionName(op pg_query.SQLValueFunctionOp) string {
	name := strings.ToLower(strings.TrimPrefix(op.String(), "SVFOP_"))
	switch name {
	case "current_time_n":
		return "current_time"
	case "current_timestamp_n":
		return "current_timestamp"
	case "localtime_n":
		return "localtime"
	case "localtimestamp_n":
		return "localtimestamp"
	}
	return name
}

// indexDefinition finishes an index: its name and the collations that only
// repeat the column's own are set, and the statement is deparsed.
func indexDefinition(st *pg_query.IndexStmt, name string, table *state.Table) (string, error) {
	st = proto.Clone(st).(*pg_query.IndexStmt)
	st.Idxname = name
	for _, n := range st.IndexParams {
		ie := n.GetIndexElem()
		if ie == nil || ie.Name == "" || len(ie.Collation) == 0 || table == nil {
			continue
		}
		coll, err := collationText(ie.Collation)
		if err != nil {
			return "", err
		}
		if col, ok := table.Column(ie.Name); ok && col.Collation == coll {
			ie.Collation = nil
		}
	}
	out, err := deparseStmt(&pg_query.Node{Node: &pg_query.Node_IndexStmt{IndexStmt: st}})
	if err != nil {
		return "", fmt.Errorf("deparsing index: %w", err)
	}
	return out, nil
}
