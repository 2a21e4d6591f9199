package parser

import (
	"strings"

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

// RegConstantReferences lists the objects of the database's own that a
// definition's text names by a constant of an object identifier type
// ('public.english'::regconfig, 'public.simple_dict'::regdictionary), in
// any statement or fragment: an index definition, a constraint, a
// default. Constants naming pg_catalog's objects are left out.
func RegConstantReferences(text string) []state.ObjectKey {
	var out []state.ObjectKey
	for i := 0; i < len(text); i++ {
		if text[i] != '\'' {
			continue
		}
		// A string literal ('' escapes a quote).
		var b strings.Builder
		j := i + 1
		for j < len(text) {
			if text[j] == '\'' {
				if j+1 < len(text) && text[j+1] == '\'' {
					b.WriteByte('\'')
					j += 2
					continue
				}
				break
			}
			b.WriteByte(text[j])
			j++
		}
		rest := text[min(j+1, len(text)):]
		i = j
		rest = strings.TrimPrefix(rest, "::pg_catalog.")
		rest = strings.TrimPrefix(rest, "::")
		for typ, kind := range regConstantKinds {
			if !strings.HasPrefix(rest, typ) || len(rest) > len(typ) && isIdentByte(rest[len(typ)]) {
				continue
			}
			if parts, ok := splitQualifiedName(b.String()); ok && len(parts) == 2 && parts[0] != "pg_catalog" {
				out = append(out, state.ObjectKey{Kind: kind, Schema: parts[0], Name: parts[1]})
			}
		}
	}
	return out
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
