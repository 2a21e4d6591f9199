package parser

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// createRange handles CREATE TYPE name AS RANGE (SUBTYPE = t [,
// SUBTYPE_OPCLASS = o] [, COLLATION = c] [, CANONICAL = f] [, SUBTYPE_DIFF
// = f] [, MULTIRANGE_TYPE_NAME = m]).
//
// The multirange type name is always filled in (PostgreSQL's default is the
// range's name with "range" replaced by "multirange", or "_multirange"
// appended, in the range's schema), and a subtype operator class that is
// the subtype's usual default (int4_ops for integer) is dropped, as the
// catalog reports no operator class when it is the default one.
func (p *fileParser) createRange(s *pg_query.CreateRangeStmt, loc Location) {
	name, ok := p.anyName(s.TypeName, loc)
	if !ok {
		return
	}
	t := state.Type{Schema: name.Schema, Name: name.Name, Kind: state.TypeRange}
	var subtype *pg_query.TypeName
	seen := map[string]bool{}
	for _, n := range s.Params {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		dloc := p.locOr(d.Location, loc)
		if seen[d.Defname] {
			p.errs.semantic(dloc, "type %s: conflicting or redundant options (%s)", name, d.Defname)
			return
		}
		seen[d.Defname] = true
		tn := d.Arg.GetTypeName()
		if tn == nil {
			p.errs.semantic(dloc, "type %s: %s requires a name", name, d.Defname)
			return
		}
		names, err := stringList(tn.Names)
		if err != nil || len(names) == 0 || len(names) > 2 {
			p.errs.semantic(dloc, "type %s: improper name for %s", name, d.Defname)
			return
		}
		switch d.Defname {
		case "subtype":
			st, err := formatType(tn)
			if err != nil {
				p.errs.semantic(dloc, "type %s: subtype: %v", name, err)
				return
			}
			t.Subtype, subtype = st, tn
		case "subtype_opclass":
			t.SubtypeOpClass = qualifiedText(canonicalOpclassNames(names))
		case "collation":
			c, err := collationText(tn.Names)
			if err != nil {
				p.errs.semantic(dloc, "type %s: %v", name, err)
				return
			}
			t.Collation = c
		case "canonical":
			t.Canonical = functionNameText(names)
		case "subtype_diff":
			t.SubtypeDiff = functionNameText(names)
		case "multirange_type_name":
			// An unqualified name is created in the first schema of the
			// search path (public), not necessarily the range's.
			if len(names) == 1 {
				names = []string{"public", names[0]}
			}
			t.MultirangeName = quoteQualified(names[0], truncateIdent(names[1]))
		default:
			p.errs.semantic(dloc, "type %s: type attribute %q not recognized", name, d.Defname)
			return
		}
	}
	if subtype == nil {
		p.errs.semantic(loc, "type %s: type attribute \"subtype\" is required", name)
		return
	}
	if t.SubtypeOpClass != "" && t.SubtypeOpClass == defaultOpclass(subtype) {
		t.SubtypeOpClass = ""
	}
	if t.MultirangeName == "" {
		t.MultirangeName = quoteQualified(t.Schema, DefaultMultirangeName(t.Name))
	}
	p.add(&typeDef{loc: loc, typ: t})
}

// DefaultMultirangeName is makeMultirangeTypeName: the name PostgreSQL
// gives the multirange type of range type rangeName when
// MULTIRANGE_TYPE_NAME is not given.
func DefaultMultirangeName(rangeName string) string {
	var s string
	if i := strings.Index(rangeName, "range"); i >= 0 {
		s = rangeName[:i] + "multi" + rangeName[i:]
	} else {
		s = clipBytes(rangeName, maxIdentLen+1-12) + "_multirange"
	}
	return clipBytes(s, maxIdentLen)
}

// canonicalOpclassNames drops pg_catalog from a built-in operator class
// and qualifies an unqualified other one with public.
func canonicalOpclassNames(names []string) []string {
	out, _ := stringList(canonicalOpclass(stringNodes(names...)))
	return out
}

// defaultOpclass is the name of the usual default btree operator class of
// a built-in type ("int4_ops" for integer), "" when there is no rule.
func defaultOpclass(tn *pg_query.TypeName) string {
	r, err := resolveTypeName(tn)
	if err != nil || r.schema != "" || r.array {
		return ""
	}
	switch r.name {
	case "varchar":
		return "text_ops"
	case "timestamptz", "timestamp", "date", "int2", "int4", "int8", "float4", "float8", "numeric", "text",
		"time", "timetz", "interval", "oid", "bool", "bpchar", "bytea", "inet", "uuid", "bit", "varbit", "char", "name":
		return r.name + "_ops"
	}
	return ""
}

// functionNameText renders a function name as regprocout does with
// search_path = pg_catalog: built-in functions bare, others qualified
// (unqualified means public).
func functionNameText(names []string) string {
	switch {
	case len(names) == 2 && names[0] == "pg_catalog":
		names = names[1:]
	case len(names) == 1 && !builtinFuncs[names[0]]:
		names = []string{"public", names[0]}
	}
	return qualifiedText(names)
}

// qualifiedText quotes and dot-joins name parts.
func qualifiedText(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quoteIdent(n)
	}
	return strings.Join(q, ".")
}
