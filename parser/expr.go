package parser

import (
	"fmt"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// canonicalExpr returns the canonical SQL text of an expression: the node
// is copied, its names are qualified the way PostgreSQL prints them with
// search_path = pg_catalog (see canonicalizeNames) and the result is
// pg_query's deparse of "SELECT <expr>" without the "SELECT ". Redundant
// parentheses disappear that way, and text PostgreSQL printed comes back
// unchanged when parsed again.
func canonicalExpr(n *pg_query.Node) (string, error) {
	if n == nil {
		return "", fmt.Errorf("missing expression")
	}
	c := proto.Clone(n).(*pg_query.Node)
	canonicalizeNames(c)
	return deparseExpr(c)
}

// deparseExpr deparses an expression as it stands; the text parses back
// to the same tree (deparse.go).
func deparseExpr(n *pg_query.Node) (string, error) {
	out, err := deparseStmt(selectOf(n))
	if err != nil {
		return "", fmt.Errorf("deparsing expression: %w", err)
	}
	s, ok := strings.CutPrefix(out, "SELECT ")
	if !ok {
		return "", fmt.Errorf("deparsing expression: unexpected output %q", out)
	}
	return s, nil
}

// canonicalizeNames rewrites, in place, every name inside an expression
// tree to the form PostgreSQL prints with search_path = pg_catalog:
//
//   - type names as in canonicalizeTypeName;
//   - function names: pg_catalog.f() becomes f(), an unqualified function
//     that is not built in becomes public.f();
//   - operators: OPERATOR(pg_catalog.+) becomes +;
//   - regclass literals: 't_seq'::regclass becomes 'public.t_seq'::regclass,
//     and nextval/currval/setval('t_seq') get the ::regclass cast the
//     function's argument type implies.
func canonicalizeNames(root proto.Message) {
	walkMessages(root.ProtoReflect(), func(m proto.Message) {
		switch x := m.(type) {
		case *pg_query.TypeName:
			canonicalizeTypeName(x)
		case *pg_query.FuncCall:
			canonicalizeFuncCall(x)
		case *pg_query.A_Expr:
			x.Name = stripCatalog(x.Name)
		case *pg_query.TypeCast:
			canonicalizeRegclass(x)
		}
	})
}

// walkMessages calls fn for every message below m, parents before
// children.
func walkMessages(m protoreflect.Message, fn func(proto.Message)) {
	fn(m.Interface())
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		switch {
		case fd.IsList() && fd.Message() != nil:
			l := v.List()
			for i := 0; i < l.Len(); i++ {
				walkMessages(l.Get(i).Message(), fn)
			}
		case fd.Message() != nil && !fd.IsMap():
			walkMessages(v.Message(), fn)
		}
		return true
	})
}

// canonicalizeTypeName qualifies a type name inside an expression: built-in
// types the grammar spells specially become pg_catalog.x (the deparser
// prints them as "integer", "character varying" and so on), other built-in
// types lose any pg_catalog qualification, unqualified non-built-in types
// are in public, and any number of array dimensions become one.
func canonicalizeTypeName(tn *pg_query.TypeName) {
	names, err := stringList(tn.Names)
	if err != nil || len(names) == 0 || len(names) > 2 {
		return
	}
	schema, name := "", names[len(names)-1]
	if len(names) == 2 {
		schema = names[0]
	}
	switch {
	case (schema == "" || schema == "pg_catalog") && builtinTypes[name]:
		if grammarTypes[name] {
			tn.Names = stringNodes("pg_catalog", name)
		} else {
			tn.Names = stringNodes(name)
		}
	case schema == "":
		if _, serial := serialTypes[name]; !serial {
			tn.Names = stringNodes("public", name)
		}
	}
	if len(tn.ArrayBounds) > 0 {
		tn.ArrayBounds = []*pg_query.Node{pg_query.MakeIntNode(-1)}
	}
}

// canonicalizeFuncCall qualifies a function name the way ruleutils prints
// it, and adds the implied regclass cast to sequence functions.
func canonicalizeFuncCall(fc *pg_query.FuncCall) {
	if fc.Funcformat != pg_query.CoercionForm_COERCE_EXPLICIT_CALL {
		return
	}
	names, err := stringList(fc.Funcname)
	if err != nil {
		return
	}
	switch {
	case len(names) == 2 && names[0] == "pg_catalog":
		fc.Funcname = stringNodes(names[1])
	case len(names) == 1 && !builtinFuncs[names[0]]:
		fc.Funcname = stringNodes("public", names[0])
	}
	names, _ = stringList(fc.Funcname)
	if len(names) != 1 || len(fc.Args) == 0 {
		return
	}
	switch names[0] {
	case "nextval", "currval", "setval":
		if c, ok := fc.Args[0].Node.(*pg_query.Node_AConst); ok {
			if _, isStr := c.AConst.Val.(*pg_query.A_Const_Sval); isStr {
				fc.Args[0] = &pg_query.Node{Node: &pg_query.Node_TypeCast{TypeCast: &pg_query.TypeCast{
					Arg:      fc.Args[0],
					TypeName: &pg_query.TypeName{Names: stringNodes("regclass"), Typemod: -1},
				}}}
			}
		}
	}
}

// canonicalizeRegclass rewrites 'name'::regclass to the qualified, quoted
// name regclassout prints with search_path = pg_catalog.
func canonicalizeRegclass(tc *pg_query.TypeCast) {
	if tc.TypeName == nil || len(tc.TypeName.ArrayBounds) > 0 {
		return
	}
	names, err := stringList(tc.TypeName.Names)
	if err != nil || len(names) == 0 || names[len(names)-1] != "regclass" || len(names) > 2 || len(names) == 2 && names[0] != "pg_catalog" {
		return
	}
	c, ok := tc.Arg.Node.(*pg_query.Node_AConst)
	if !ok {
		return
	}
	sv, ok := c.AConst.Val.(*pg_query.A_Const_Sval)
	if !ok {
		return
	}
	parts, ok := splitQualifiedName(sv.Sval.Sval)
	if !ok {
		return
	}
	switch {
	case len(parts) == 1:
		parts = []string{"public", parts[0]}
	case len(parts) == 2 && parts[0] == "pg_catalog":
		parts = parts[1:]
	}
	q := make([]string, len(parts))
	for i, p := range parts {
		q[i] = quoteIdent(p)
	}
	sv.Sval.Sval = strings.Join(q, ".")
}

// splitQualifiedName parses a possibly qualified, possibly quoted name the
// way PostgreSQL reads a regclass literal: unquoted parts are folded to lower
// case, quoted parts keep their case and "" stands for ".
func splitQualifiedName(s string) ([]string, bool) {
	var parts []string
	s = strings.TrimSpace(s)
	for {
		var part string
		if strings.HasPrefix(s, `"`) {
			var b strings.Builder
			i := 1
			for {
				if i >= len(s) {
					return nil, false
				}
				if s[i] == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						b.WriteByte('"')
						i += 2
						continue
					}
					break
				}
				b.WriteByte(s[i])
				i++
			}
			part, s = b.String(), s[i+1:]
		} else {
			end := strings.IndexAny(s, ".")
			if end < 0 {
				end = len(s)
			}
			part, s = strings.ToLower(strings.TrimSpace(s[:end])), s[end:]
			if part == "" {
				return nil, false
			}
		}
		parts = append(parts, truncateIdent(part))
		s = strings.TrimSpace(s)
		if s == "" {
			return parts, len(parts) <= 3
		}
		if s[0] != '.' {
			return nil, false
		}
		s = strings.TrimSpace(s[1:])
	}
}

// stripCatalog drops a pg_catalog qualification from an operator name.
func stripCatalog(name []*pg_query.Node) []*pg_query.Node {
	if len(name) == 2 {
		if s, ok := name[0].Node.(*pg_query.Node_String_); ok && s.String_.Sval == "pg_catalog" {
			return name[1:]
		}
	}
	return name
}

// stringNodes builds a name list.
func stringNodes(parts ...string) []*pg_query.Node {
	out := make([]*pg_query.Node, len(parts))
	for i, p := range parts {
		out[i] = pg_query.MakeStrNode(p)
	}
	return out
}

// referencedColumns lists the distinct columns an expression references,
// in order of first appearance (the last field of each column reference).
func referencedColumns(n *pg_query.Node) []string {
	var cols []string
	seen := map[string]bool{}
	walkMessages(n.ProtoReflect(), func(m proto.Message) {
		cr, ok := m.(*pg_query.ColumnRef)
		if !ok || len(cr.Fields) == 0 {
			return
		}
		s, ok := cr.Fields[len(cr.Fields)-1].Node.(*pg_query.Node_String_)
		if !ok || seen[s.String_.Sval] {
			return
		}
		seen[s.String_.Sval] = true
		cols = append(cols, s.String_.Sval)
	})
	return cols
}
