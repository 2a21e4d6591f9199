package parser

import (
	"fmt"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"

	"github.com/renovate-pg/renovate/state"
)

// partKey is a PARTITION BY clause, normalized except for collations
// (which need the table's columns).
type partKey struct {
	strategy string // RANGE, LIST or HASH
	elems    []*pg_query.IndexElem
}

// partitionKey reads PARTITION BY strategy (elements).
func (p *fileParser) partitionKey(ps *pg_query.PartitionSpec, loc Location) (*partKey, bool) {
	k := &partKey{}
	switch ps.Strategy {
	case pg_query.PartitionStrategy_PARTITION_STRATEGY_RANGE:
		k.strategy = "RANGE"
	case pg_query.PartitionStrategy_PARTITION_STRATEGY_LIST:
		k.strategy = "LIST"
	case pg_query.PartitionStrategy_PARTITION_STRATEGY_HASH:
		k.strategy = "HASH"
	default:
		p.errs.semantic(loc, "unrecognized partitioning strategy")
		return nil, false
	}
	if len(ps.PartParams) == 0 {
		p.errs.semantic(loc, "PARTITION BY needs at least one column or expression")
		return nil, false
	}
	if k.strategy == "LIST" && len(ps.PartParams) > 1 {
		p.errs.semantic(loc, `cannot use "list" partition strategy with more than one column`)
		return nil, false
	}
	for _, n := range ps.PartParams {
		pe := n.GetPartitionElem()
		if pe == nil {
			p.errs.semantic(loc, "invalid PARTITION BY element")
			return nil, false
		}
		// A partition key element is an index element without ordering:
		// pg_get_partkeydef prints both the same way.
		ie, err := normalizeIndexElem(&pg_query.IndexElem{Name: pe.Name, Expr: pe.Expr, Collation: pe.Collation, Opclass: pe.Opclass})
		if err != nil {
			p.errs.semantic(loc, "PARTITION BY: %v", err)
			return nil, false
		}
		k.elems = append(k.elems, ie)
	}
	return k, true
}

// columns lists the key's column per element, "" for an expression.
func (k *partKey) columns() []string {
	out := make([]string, len(k.elems))
	for i, e := range k.elems {
		out[i] = e.Name
	}
	return out
}

// text prints the key as pg_get_partkeydef does: "RANGE (a, (a + b))",
// a collation only where it is not the column's own.
func (k *partKey) text(t *state.Table) (string, error) {
	parts := make([]string, len(k.elems))
	for i, e := range k.elems {
		if e.Name != "" && len(e.Collation) > 0 && t != nil {
			coll, err := collationText(e.Collation)
			if err != nil {
				return "", err
			}
			if col, ok := t.Column(e.Name); ok && col.Collation == coll {
				c := proto.Clone(e).(*pg_query.IndexElem)
				c.Collation = nil
				e = c
			}
		}
		s, err := formatIndexElem(e)
		if err != nil {
			return "", err
		}
		parts[i] = s
	}
	return k.strategy + " (" + strings.Join(parts, ", ") + ")", nil
}

// partBound is FOR VALUES ... or DEFAULT, kept as values until the
// parent's key column types are known.
type partBound struct {
	isDefault          bool
	strategy           string // "r", "l" or "h"
	modulus, remainder int32
	list, lower, upper []boundValue
}

// boundValue is one value of a partition bound.
type boundValue struct {
	kind string // "MINVALUE", "MAXVALUE", "NULL", "string", "number", "bool" or "expr"
	text string // the string, number, "true"/"false", or the canonical expression
}

// partitionBound reads a partition bound specification.
func (p *fileParser) partitionBound(b *pg_query.PartitionBoundSpec, loc Location) (*partBound, bool) {
	pb := &partBound{isDefault: b.IsDefault, strategy: b.Strategy, modulus: b.Modulus, remainder: b.Remainder}
	if b.IsDefault {
		return pb, true
	}
	read := func(nodes []*pg_query.Node) ([]boundValue, bool) {
		var out []boundValue
		for _, n := range nodes {
			v, err := boundValueOf(n)
			if err != nil {
				p.errs.semantic(loc, "partition bound: %v", err)
				return nil, false
			}
			out = append(out, v)
		}
		return out, true
	}
	var ok bool
	switch b.Strategy {
	case "l":
		if pb.list, ok = read(b.Listdatums); !ok {
			return nil, false
		}
	case "r":
		if pb.lower, ok = read(b.Lowerdatums); !ok {
			return nil, false
		}
		if pb.upper, ok = read(b.Upperdatums); !ok {
			return nil, false
		}
		if len(pb.lower) != len(pb.upper) {
			p.errs.semantic(loc, "partition bound: FROM and TO must list as many values")
			return nil, false
		}
	case "h":
		if pb.modulus <= 0 || pb.remainder < 0 || pb.remainder >= pb.modulus {
			p.errs.semantic(loc, "partition bound: invalid modulus %d or remainder %d", pb.modulus, pb.remainder)
			return nil, false
		}
	default:
		p.errs.semantic(loc, "partition bound: unrecognized strategy %q", b.Strategy)
		return nil, false
	}
	return pb, true
}

// boundValueOf reads one bound value. Casts are dropped: PostgreSQL
// coerces the value to the key column's type and prints the result.
func boundValueOf(n *pg_query.Node) (boundValue, error) {
	for {
		tc := n.GetTypeCast()
		if tc == nil {
			break
		}
		n = tc.Arg
	}
	if cr := n.GetColumnRef(); cr != nil && len(cr.Fields) == 1 {
		switch s := cr.Fields[0].GetString_().GetSval(); strings.ToLower(s) {
		case "minvalue", "maxvalue":
			return boundValue{kind: strings.ToUpper(s)}, nil
		}
	}
	if c := n.GetAConst(); c != nil {
		switch v := c.Val.(type) {
		case nil:
			if c.Isnull {
				return boundValue{kind: "NULL"}, nil
			}
		case *pg_query.A_Const_Sval:
			return boundValue{kind: "string", text: v.Sval.Sval}, nil
		case *pg_query.A_Const_Ival:
			return boundValue{kind: "number", text: strconv.FormatInt(int64(v.Ival.Ival), 10)}, nil
		case *pg_query.A_Const_Fval:
			return boundValue{kind: "number", text: v.Fval.Fval}, nil
		case *pg_query.A_Const_Boolval:
			return boundValue{kind: "bool", text: strconv.FormatBool(v.Boolval.Boolval)}, nil
		case *pg_query.A_Const_Bsval:
			return boundValue{kind: "string", text: v.Bsval.Bsval}, nil
		}
		if c.Isnull {
			return boundValue{kind: "NULL"}, nil
		}
	}
	expr, err := canonicalExpr(n)
	if err != nil {
		return boundValue{}, err
	}
	return boundValue{kind: "expr", text: expr}, nil
}

// text prints the bound as pg_get_expr(relpartbound) does, given the types
// of the parent's key columns ("" where unknown, e.g. an expression).
func (b *partBound) text(keyTypes []string) string {
	if b.isDefault {
		return "DEFAULT"
	}
	list := func(vals []boundValue) string {
		parts := make([]string, len(vals))
		for i, v := range vals {
			typ := ""
			if b.strategy != "l" && i < len(keyTypes) {
				typ = keyTypes[i]
			} else if b.strategy == "l" && len(keyTypes) > 0 {
				typ = keyTypes[0]
			}
			parts[i] = v.format(typ)
		}
		return "(" + strings.Join(parts, ", ") + ")"
	}
	switch b.strategy {
	case "l":
		return "FOR VALUES IN " + list(b.list)
	case "r":
		return "FOR VALUES FROM " + list(b.lower) + " TO " + list(b.upper)
	}
	return fmt.Sprintf("FOR VALUES WITH (modulus %d, remainder %d)", b.modulus, b.remainder)
}

// format prints a value the way get_const_expr does without a type label:
// integers bare unless negative, numeric and float values bare only when
// they hold a decimal point or exponent and no sign, booleans as true or
// false, everything else as a quoted literal of the value. typ is the key
// column's canonical type ("" when unknown); values whose printing needs
// the type's output function (dates, timestamps) keep the text written and
// are compared by the server tier.
func (v boundValue) format(typ string) string {
	switch v.kind {
	case "MINVALUE", "MAXVALUE", "NULL":
		return v.kind
	case "expr":
		return v.text
	}
	base := baseTypeName(typ)
	switch base {
	case "smallint", "integer", "bigint":
		if n, err := strconv.ParseInt(strings.TrimSpace(v.text), 10, 64); err == nil {
			if n < 0 {
				return quoteLiteral(strconv.FormatInt(n, 10))
			}
			return strconv.FormatInt(n, 10)
		}
	case "numeric", "real", "double precision":
		t := strings.TrimSpace(v.text)
		if t != "" && t[0] >= '0' && t[0] <= '9' && strings.ContainsAny(t, ".eE") {
			return t
		}
		return quoteLiteral(t)
	case "boolean":
		switch strings.ToLower(strings.TrimSpace(v.text)) {
		case "t", "true", "y", "yes", "on", "1":
			return "true"
		case "f", "false", "n", "no", "off", "0":
			return "false"
		}
	case "":
		switch v.kind {
		case "number":
			if strings.HasPrefix(v.text, "-") {
				return quoteLiteral(v.text)
			}
			return v.text
		case "bool":
			return v.text
		}
	}
	return quoteLiteral(v.text)
}

// baseTypeName strips modifiers from a canonical type: "numeric(10,2)" ->
// "numeric". Arrays and user types come back unchanged.
func baseTypeName(t string) string {
	if i := strings.IndexByte(t, '('); i >= 0 && !strings.HasSuffix(t, "[]") {
		return strings.TrimSpace(t[:i])
	}
	return t
}
