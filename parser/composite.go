package parser

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// createComposite handles CREATE TYPE name AS (attribute type [COLLATE c],
// ...), a standalone composite type.
func (p *fileParser) createComposite(s *pg_query.CompositeTypeStmt, loc Location) {
	name, ok := p.relName(s.Typevar, loc)
	if !ok {
		return
	}
	t := state.Type{Schema: name.Schema, Name: name.Name, Kind: state.TypeComposite}
	seen := map[string]bool{}
	for _, n := range s.Coldeflist {
		cd := n.GetColumnDef()
		if cd == nil {
			p.errs.semantic(loc, "type %s: invalid attribute", name)
			return
		}
		aloc := p.locOr(cd.Location, loc)
		if seen[cd.Colname] {
			p.errs.semantic(aloc, "type %s: attribute %s specified more than once", name, cd.Colname)
			return
		}
		seen[cd.Colname] = true
		typ, err := formatType(cd.TypeName)
		if err != nil {
			p.errs.semantic(aloc, "type %s, attribute %s: %v", name, cd.Colname, err)
			return
		}
		a := state.Attribute{Name: cd.Colname, Type: typ}
		if cd.CollClause != nil {
			c, err := collationText(cd.CollClause.Collname)
			if err != nil {
				p.errs.semantic(aloc, "type %s, attribute %s: %v", name, cd.Colname, err)
				return
			}
			a.Collation = c
		}
		t.Attributes = append(t.Attributes, a)
	}
	p.add(&typeDef{loc: loc, typ: t})
}
