package sqlgen

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// DefaultExpr returns expr as it can follow DEFAULT in a column or domain
// definition. There PostgreSQL's grammar takes a b_expr, which has no OR,
// AND, NOT, IS [NOT] NULL, LIKE, IN, BETWEEN or COLLATE: a default such as
// `x IS NULL` (which the parser's canonical form prints without the
// parentheses the user wrote) must be parenthesized, or the statement does
// not parse, or worse, `'a' COLLATE "C"` parses as a default plus a column
// collation. Expressions that already read back as exactly one DEFAULT
// (everything pg_get_expr prints) are left as they are, so canonical files
// do not change.
func DefaultExpr(expr string) string {
	if isWholeDefault(expr) {
		return expr
	}
	return "(" + expr + ")"
}

// isWholeDefault reports whether "DEFAULT expr" in a column definition
// parses as a DEFAULT clause of all of expr and nothing else.
func isWholeDefault(expr string) bool {
	tree, err := pg_query.Parse("CREATE TABLE t (c int DEFAULT " + expr + "\n)")
	if err != nil || len(tree.Stmts) != 1 {
		return false
	}
	create := tree.Stmts[0].Stmt.GetCreateStmt()
	if create == nil || len(create.TableElts) != 1 {
		return false
	}
	col := create.TableElts[0].GetColumnDef()
	if col == nil || col.CollClause != nil || len(col.Constraints) != 1 {
		return false
	}
	c := col.Constraints[0].GetConstraint()
	return c != nil && c.Contype == pg_query.ConstrType_CONSTR_DEFAULT
}
