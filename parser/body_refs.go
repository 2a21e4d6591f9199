package parser

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// QuotedBodyReferences lists the relations (as table keys), routines
// (without signature) and types a LANGUAGE sql routine's quoted body
// names ('...' or $$...$$), with names canonicalized as in expressions
// (an unqualified name is taken to be in public). PostgreSQL records no
// dependency on them, but whatever runs the routine while the plan is
// applied (a materialized view, a CHECK or a generated column filled on
// existing rows, an index build) needs them to exist. Other languages,
// SQL-standard bodies (whose references DependsOn holds) and bodies that
// do not parse give nil.
func QuotedBodyReferences(f state.Function) []state.ObjectKey {
	if f.SQLBody || f.Language != "sql" || f.Body == "" {
		return nil
	}
	tree, err := pg_query.Parse(f.Body)
	if err != nil {
		return nil
	}
	var out []state.ObjectKey
	seen := map[state.ObjectKey]bool{}
	for _, st := range tree.Stmts {
		if st.Stmt == nil {
			continue
		}
		canonicalizeNames(st.Stmt)
		for _, k := range sqlBodyDependencies(st.Stmt) {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}

// ExpressionReferences lists the relations (as table keys), routines and
// types a canonical expression names, subqueries included (a policy's
// USING reading another table). An expression that does not parse gives
// nil.
func ExpressionReferences(expr string) []state.ObjectKey {
	if expr == "" {
		return nil
	}
	tree, err := pg_query.Parse("SELECT " + expr)
	if err != nil || len(tree.Stmts) != 1 || tree.Stmts[0].Stmt == nil {
		return nil
	}
	return sqlBodyDependencies(tree.Stmts[0].Stmt)
}
