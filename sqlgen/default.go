package sqlgen

import (
	"strings"

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
	if plainDefault(expr) || isWholeDefault(expr) {
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

// multiWordTypes are the type names of more than one word that a cast in
// a default may name.
var multiWordTypes = []string{
	"character varying", "bit varying", "double precision",
	"timestamp with time zone", "timestamp without time zone",
	"time with time zone", "time without time zone",
}

// plainDefault is a fast check, without the parser, for the common
// defaults (literals, casts, function calls, operators between them):
// true when expr has no keyword at its top level, so it is a b_expr as a
// whole. False means "not sure": isWholeDefault decides.
func plainDefault(expr string) bool {
	if t := strings.TrimSpace(expr); t == "" || t[0] == '*' {
		return false
	}
	i := 0
	n := len(expr)
	for i < n {
		c := expr[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			i++
		case c == '\'':
			j := skipQuoted(expr, i, '\'')
			if j < 0 {
				return false
			}
			i = j
		case c == '"':
			j := skipQuoted(expr, i, '"')
			if j < 0 {
				return false
			}
			i = j
		case c == '(' || c == '[':
			j := skipGroup(expr, i)
			if j < 0 {
				return false
			}
			i = j
		case c == ':' && i+1 < n && expr[i+1] == ':':
			j := skipTypeName(expr, i+2)
			if j < 0 {
				return false
			}
			i = j
		case c >= '0' && c <= '9' || c == '.':
			i++
			for i < n && (expr[i] >= '0' && expr[i] <= '9' || expr[i] == '.' || expr[i] == 'e' || expr[i] == 'E') {
				i++
			}
		case isWordStart(c):
			j := i
			for j < n && isWordChar(expr[j]) {
				j++
			}
			word := strings.ToLower(expr[i:j])
			switch {
			case j < n && expr[j] == '(' && word != "array" && word != "row" &&
				word != "any" && word != "all" && word != "some":
				// a function call: the group follows (= ANY(...) is
				// not one: an a_expr, which needs the parentheses)
			case j+1 < n && expr[j] == '.' && (isWordStart(expr[j+1]) || expr[j+1] == '"'):
				// a qualified function name
				j++
			case word == "true" || word == "false" || word == "null":
			default:
				return false
			}
			i = j
		case strings.IndexByte("+-*/<>=~!@#%^&|`?", c) >= 0:
			i++
		default:
			return false
		}
	}
	return true
}

func isWordStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isWordChar(c byte) bool  { return isWordStart(c) || c >= '0' && c <= '9' || c == '$' }

// skipQuoted returns the index after the quoted text starting at i (with
// doubled quotes inside), or -1.
func skipQuoted(s string, i int, q byte) int {
	for j := i + 1; j < len(s); j++ {
		if s[j] == q {
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return -1
}

// skipGroup returns the index after the balanced (...) or [...] starting
// at i, or -1.
func skipGroup(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
			if depth == 0 {
				return j + 1
			}
		case '\'', '"':
			k := skipQuoted(s, j, s[j])
			if k < 0 {
				return -1
			}
			j = k - 1
		}
	}
	return -1
}

// skipTypeName returns the index after the type name of a cast starting
// at i, or -1 when it is not a plain one.
func skipTypeName(s string, i int) int {
	for _, m := range multiWordTypes {
		if len(s)-i >= len(m) && strings.EqualFold(s[i:i+len(m)], m) && (i+len(m) == len(s) || !isWordChar(s[i+len(m)])) {
			i += len(m)
			return skipTypeSuffix(s, i)
		}
	}
	for {
		switch {
		case i < len(s) && s[i] == '"':
			if i = skipQuoted(s, i, '"'); i < 0 {
				return -1
			}
		case i < len(s) && isWordStart(s[i]):
			for i < len(s) && isWordChar(s[i]) {
				i++
			}
		default:
			return -1
		}
		if i < len(s) && s[i] == '.' {
			i++
			continue
		}
		return skipTypeSuffix(s, i)
	}
}

// skipTypeSuffix skips a type's modifiers and array brackets.
func skipTypeSuffix(s string, i int) int {
	for i < len(s) && (s[i] == '(' || s[i] == '[') {
		if i = skipGroup(s, i); i < 0 {
			return -1
		}
	}
	return i
}
