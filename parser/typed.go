package parser

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// Typed tables: CREATE TABLE name OF composite_type [(c WITH OPTIONS
// DEFAULT ... NOT NULL, constraints)]. The columns are the type's
// attributes (name, type and collation, in order), filled in once every
// file is read (typedTableColumns); an entry of the element list sets the
// default and NOT NULL of one of them, as for a partition.

// typedTableType reads the OF clause of CREATE TABLE.
func (p *fileParser) typedTableType(s *pg_query.CreateStmt, name state.QualName, loc Location) (*state.QualName, bool) {
	tn := s.OfTypename
	if len(s.InhRelations) > 0 {
		p.errs.semantic(loc, "table %s: a typed table cannot inherit or be a partition", name)
		return nil, false
	}
	if len(tn.ArrayBounds) > 0 || len(tn.Typmods) > 0 || tn.Setof || tn.PctType {
		p.errs.semantic(p.locOr(tn.Location, loc), "table %s: OF takes a composite type name", name)
		return nil, false
	}
	q, ok := p.anyName(tn.Names, p.locOr(tn.Location, loc))
	if !ok {
		return nil, false
	}
	return &q, true
}

// typedTableColumns gives every typed table the attributes of its type as
// columns. It runs after defineObjects (which defines every type and
// table of the files), before anything reads or changes columns.
func (r *resolver) typedTableColumns(items []any) {
	for _, it := range items {
		d, ok := it.(*tableDef)
		if !ok || d.ofType == nil {
			continue
		}
		te := r.tables[d.name]
		if te == nil || r.locs[te.t.Key()] != d.loc {
			continue
		}
		typ, ok := r.types[*d.ofType]
		if !ok {
			r.errs.semantic(d.loc, "table %s: type %s of the typed table is defined nowhere (it must be a composite type of the files)", d.name, *d.ofType)
			continue
		}
		if typ.Kind != state.TypeComposite {
			r.errs.semantic(d.loc, "table %s: type %s is not a composite type (CREATE TABLE ... OF takes one)", d.name, *d.ofType)
			continue
		}
		q := *d.ofType
		te.t.OfType = &q
		for _, a := range typ.Attributes {
			c := &columnDef{loc: d.loc, col: &state.Column{Name: a.Name, Type: a.Type, Collation: a.Collation}}
			r.addColumn(te, c, false)
		}
	}
}
