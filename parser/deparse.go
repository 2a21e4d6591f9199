package parser

import (
	"fmt"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// This file is the one way renovate prints a parse tree back to SQL. The
// text it writes is compared, stored in files and run on servers, so it
// must parse back to the very tree it was printed from: a printer that
// drops a needed parenthesis turns a BETWEEN b AND (c AND d) into
// (a BETWEEN b AND c) AND d, and a rebuilt check, default, index
// predicate or view then means something else than the original.
//
// pg_query's deparser leaves out the parentheses around some operands:
// the bounds of BETWEEN, the arguments of functions written as SQL syntax
// (AT TIME ZONE, ...), the argument of IS [NOT] NULL / TRUE / ... and of
// COLLATE. Before deparsing, every such operand that is not a plain name,
// constant or parameter is printed on its own and put in parentheses (a
// parenthesized expression parses to the expression itself, so this never
// changes the tree). After deparsing, the text is parsed again and
// compared with the tree; a difference is an error, never a silent change.

// placeholderPrefix names the column references that stand in for
// parenthesized operands while the rest of the tree is deparsed.
const placeholderPrefix = "renovate_parenthesized_operand_"

// checkEveryDeparse makes deparseStmt check every text it prints, not
// only those it had to parenthesize. The check parses the text again and
// about doubles the cost of reading a schema, so it is on in the parser's
// tests (TestMain), which run it over every statement they parse.
var checkEveryDeparse = false

// deparseStmt prints one statement. The text parses back to the same tree:
// always checked where operands were parenthesized, and everywhere in
// tests.
func deparseStmt(stmt *pg_query.Node) (string, error) {
	out, protected, err := deparseProtected(stmt)
	if err != nil {
		return "", err
	}
	if protected || checkEveryDeparse {
		if err := checkSameTree(stmt, out); err != nil {
			return "", err
		}
	}
	return out, nil
}

// hasUnsafeOperand reports whether anything below m is an operand the
// deparser would print without the parentheses it needs.
func hasUnsafeOperand(m proto.Message) bool {
	found := false
	walkMessages(m.ProtoReflect(), func(x proto.Message) {
		if found {
			return
		}
		for _, n := range unsafeOperands(x) {
			if needsParens(n) {
				found = true
			}
		}
	})
	return found
}

// deparseProtected deparses a statement with its unsafe operands
// parenthesized (see the file comment), reporting whether there were any;
// stmt is not changed.
func deparseProtected(stmt *pg_query.Node) (string, bool, error) {
	if !hasUnsafeOperand(stmt) {
		out, err := pg_query.Deparse(&pg_query.ParseResult{Stmts: []*pg_query.RawStmt{{Stmt: stmt}}})
		return out, false, err
	}
	c := proto.Clone(stmt).(*pg_query.Node)
	var subs []string
	var err error
	protect := func(n *pg_query.Node) {
		if err != nil || !needsParens(n) {
			return
		}
		var text string
		text, err = deparseOperand(n)
		if err != nil {
			return
		}
		ph := placeholderPrefix + strconv.Itoa(len(subs))
		subs = append(subs, "("+text+")")
		n.Node = &pg_query.Node_ColumnRef{ColumnRef: &pg_query.ColumnRef{Fields: stringNodes(ph), Location: -1}}
	}
	walkMessages(c.ProtoReflect(), func(m proto.Message) {
		for _, n := range unsafeOperands(m) {
			protect(n)
		}
	})
	if err != nil {
		return "", true, err
	}
	tree := &pg_query.ParseResult{Stmts: []*pg_query.RawStmt{{Stmt: c}}}
	out, err := pg_query.Deparse(tree)
	if err != nil {
		return "", true, err
	}
	for i, sub := range subs {
		ph := placeholderPrefix + strconv.Itoa(i)
		if strings.Count(out, ph) != 1 {
			return "", true, fmt.Errorf("deparsing: operand placeholder %s appears %d times", ph, strings.Count(out, ph))
		}
		out = strings.Replace(out, ph, sub, 1)
	}
	return out, true, nil
}

// deparseOperand prints one expression (as a SELECT list entry).
func deparseOperand(n *pg_query.Node) (string, error) {
	out, _, err := deparseProtected(selectOf(n))
	if err != nil {
		return "", err
	}
	s, ok := strings.CutPrefix(out, "SELECT ")
	if !ok {
		return "", fmt.Errorf("deparsing expression: unexpected output %q", out)
	}
	return s, nil
}

// selectOf wraps an expression as "SELECT <expr>".
func selectOf(n *pg_query.Node) *pg_query.Node {
	sel := &pg_query.SelectStmt{
		TargetList:  []*pg_query.Node{{Node: &pg_query.Node_ResTarget{ResTarget: &pg_query.ResTarget{Val: n, Location: -1}}}},
		LimitOption: pg_query.LimitOption_LIMIT_OPTION_DEFAULT,
		Op:          pg_query.SetOperation_SETOP_NONE,
	}
	return &pg_query.Node{Node: &pg_query.Node_SelectStmt{SelectStmt: sel}}
}

// unsafeOperands returns the operands of m that the deparser prints
// without parentheses even where the grammar needs them.
func unsafeOperands(m proto.Message) []*pg_query.Node {
	switch x := m.(type) {
	case *pg_query.A_Expr:
		switch x.Kind {
		case pg_query.A_Expr_Kind_AEXPR_BETWEEN, pg_query.A_Expr_Kind_AEXPR_NOT_BETWEEN,
			pg_query.A_Expr_Kind_AEXPR_BETWEEN_SYM, pg_query.A_Expr_Kind_AEXPR_NOT_BETWEEN_SYM:
			out := []*pg_query.Node{x.Lexpr}
			if l := x.Rexpr.GetList(); l != nil {
				out = append(out, l.Items...)
			}
			return out
		case pg_query.A_Expr_Kind_AEXPR_SIMILAR:
			// x SIMILAR TO p [ESCAPE e] is x ~ similar_to_escape(p [, e]),
			// printed back as SIMILAR TO with p and e bare.
			if fc := x.Rexpr.GetFuncCall(); fc != nil {
				return fc.Args
			}
		}
	case *pg_query.FuncCall:
		if x.Funcformat == pg_query.CoercionForm_COERCE_SQL_SYNTAX {
			return x.Args
		}
	case *pg_query.TypeCast:
		return []*pg_query.Node{x.Arg}
	case *pg_query.NullTest:
		return []*pg_query.Node{x.Arg}
	case *pg_query.BooleanTest:
		return []*pg_query.Node{x.Arg}
	case *pg_query.CollateClause:
		return []*pg_query.Node{x.Arg}
	}
	return nil
}

// needsParens reports whether an operand is more than a name, constant or
// parameter (those never need parentheses).
func needsParens(n *pg_query.Node) bool {
	if n == nil || n.Node == nil {
		return false
	}
	switch x := n.Node.(type) {
	case *pg_query.Node_ColumnRef, *pg_query.Node_AConst, *pg_query.Node_ParamRef, *pg_query.Node_SubLink:
		return false
	case *pg_query.Node_FuncCall:
		return x.FuncCall.Funcformat == pg_query.CoercionForm_COERCE_SQL_SYNTAX
	case *pg_query.Node_TypeCast:
		// x::t binds tighter than any operator; its own operand is
		// protected on its own.
		return false
	}
	return true
}

// checkSameTree parses text and compares its one statement with want,
// locations ignored.
func checkSameTree(want *pg_query.Node, text string) error {
	tree, err := pg_query.Parse(text)
	if err != nil {
		return fmt.Errorf("deparsing: the printed text does not parse (%v): %s", err, text)
	}
	if len(tree.Stmts) != 1 {
		return fmt.Errorf("deparsing: the printed text is %d statements: %s", len(tree.Stmts), text)
	}
	got := tree.Stmts[0].Stmt
	w := proto.Clone(want).(*pg_query.Node)
	// Names compare in their canonical form: the deparser prints
	// pg_catalog.similar_to_escape(p) as SIMILAR TO p, which parses back
	// qualified.
	for _, n := range []*pg_query.Node{w, got} {
		canonicalizeNames(n)
		foldBooleanCasts(n)
		clearLocations(n)
	}
	if !proto.Equal(w, got) {
		return fmt.Errorf("cannot print this faithfully: the printed text %q parses to a different expression", text)
	}
	return nil
}

// clearLocations sets every location field below m to 0.
func clearLocations(m proto.Message) {
	walkMessages(m.ProtoReflect(), func(x proto.Message) {
		r := x.ProtoReflect()
		if fd := r.Descriptor().Fields().ByName("location"); fd != nil && fd.Kind() == protoreflect.Int32Kind {
			r.Clear(fd)
		}
	})
}

// foldBooleanCasts turns 't'::boolean and 'f'::boolean (as PostgreSQL
// prints boolean constants) into true and false, as the deparser prints
// them: the same constant to the server.
func foldBooleanCasts(m proto.Message) {
	walkMessages(m.ProtoReflect(), func(x proto.Message) {
		n, ok := x.(*pg_query.Node)
		if !ok {
			return
		}
		tc := n.GetTypeCast()
		if tc == nil || tc.TypeName == nil || len(tc.TypeName.Typmods) > 0 || len(tc.TypeName.ArrayBounds) > 0 {
			return
		}
		names, err := stringList(tc.TypeName.Names)
		if err != nil || len(names) != 2 || names[0] != "pg_catalog" || names[1] != "bool" {
			return
		}
		c := tc.Arg.GetAConst()
		if c == nil || c.GetSval() == nil {
			return
		}
		switch c.GetSval().Sval {
		case "t":
			n.Node = &pg_query.Node_AConst{AConst: &pg_query.A_Const{Val: &pg_query.A_Const_Boolval{Boolval: &pg_query.Boolean{Boolval: true}}}}
		case "f":
			n.Node = &pg_query.Node_AConst{AConst: &pg_query.A_Const{Val: &pg_query.A_Const_Boolval{Boolval: &pg_query.Boolean{}}}}
		}
	})
}
