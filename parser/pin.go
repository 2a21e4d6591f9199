package parser

import (
	"sort"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
)

// PinArrayCoercions returns SQL that PostgreSQL printed (pg_get_expr,
// pg_get_constraintdef, pg_get_viewdef ...) with each coerced array
// pinned, so that running the text rebuilds the tree PostgreSQL stored.
//
// PostgreSQL stores x IN ('a', 'b') on a varchar column as an
// ArrayCoerceExpr over an array of varchar and prints it
// (ARRAY['a'::character varying, 'b'::character varying])::text[]. Run
// again, that text casts each element instead (a cast applied to an
// ARRAY[] constructor is pushed into its elements), so a database rebuilt
// from it differs from the original, as a restore of pg_dump's output
// does. Where every element of a cast ARRAY[] carries a cast to one type E
// other than the target's element type, the text gets a cast to E[] first:
// (ARRAY['a'::character varying])::character varying[]::text[] runs as the
// ArrayCoerceExpr, and PostgreSQL prints it back unchanged.
//
// Only text PostgreSQL printed is pinned: written by hand, ARRAY[...]::T[]
// means the element casts, and the files keep what was written. Text that
// does not parse, or holds no such array, comes back as it is.
func PinArrayCoercions(sql string) string {
	if !strings.Contains(sql, "]::") && !strings.Contains(sql, "])::") {
		return sql // the printed form always has one; most text has neither
	}
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return sql
	}
	type insert struct {
		at   int
		text string
	}
	var inserts []insert
	for _, st := range tree.Stmts {
		walkMessages(st.ProtoReflect(), func(m proto.Message) {
			tc, ok := m.(*pg_query.TypeCast)
			if !ok {
				return
			}
			elem, ok := coercedArrayElement(tc)
			if !ok {
				return
			}
			at := int(tc.Location)
			if at <= 0 || at >= len(sql) || !strings.HasPrefix(sql[at:], "::") {
				return
			}
			name, err := typeNameText(elem)
			if err != nil {
				return
			}
			inserts = append(inserts, insert{at, "::" + name + "[]"})
		})
	}
	if len(inserts) == 0 {
		return sql
	}
	sort.Slice(inserts, func(i, j int) bool { return inserts[i].at > inserts[j].at })
	for _, in := range inserts {
		sql = sql[:in.at] + in.text + sql[in.at:]
	}
	return sql
}

// coercedArrayElement returns E when tc is ARRAY[x::E, ...]::T[] with every
// element cast to the same type E, E not T.
func coercedArrayElement(tc *pg_query.TypeCast) (*pg_query.TypeName, bool) {
	arr := tc.GetArg().GetAArrayExpr()
	if arr == nil || tc.TypeName == nil || len(tc.TypeName.ArrayBounds) == 0 || len(arr.Elements) == 0 {
		return nil, false
	}
	var elem *pg_query.TypeName
	for _, e := range arr.Elements {
		c := e.GetTypeCast()
		if c == nil || c.TypeName == nil || len(c.TypeName.ArrayBounds) > 0 {
			return nil, false
		}
		if elem == nil {
			elem = c.TypeName
		} else if !sameTypeName(elem, c.TypeName) {
			return nil, false
		}
	}
	target := proto.Clone(tc.TypeName).(*pg_query.TypeName)
	target.ArrayBounds = nil
	if sameTypeName(elem, target) {
		return nil, false
	}
	return elem, true
}

// typeNameText prints a type name as the deparser does.
func typeNameText(tn *pg_query.TypeName) (string, error) {
	c := proto.Clone(tn).(*pg_query.TypeName)
	c.Location = -1
	cast := &pg_query.Node{Node: &pg_query.Node_TypeCast{TypeCast: &pg_query.TypeCast{
		Arg: pg_query.MakeAConstStrNode("", -1), TypeName: c, Location: -1}}}
	s, err := deparseExpr(cast)
	if err != nil {
		return "", err
	}
	return strings.TrimPrefix(s, "''::"), nil
}

// sameTypeName reports whether two type names name the same type with the
// same modifiers, wherever they are written.
func sameTypeName(a, b *pg_query.TypeName) bool {
	a, b = proto.Clone(a).(*pg_query.TypeName), proto.Clone(b).(*pg_query.TypeName)
	a.Location, b.Location = 0, 0
	for _, t := range []*pg_query.TypeName{a, b} {
		walkMessages(t.ProtoReflect(), func(m proto.Message) {
			if c, ok := m.(*pg_query.A_Const); ok {
				c.Location = 0
			}
		})
	}
	return proto.Equal(a, b)
}
