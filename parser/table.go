package parser

import (
	"fmt"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// createTable handles CREATE [UNLOGGED] TABLE [IF NOT EXISTS]. Clauses the
// model cannot hold are rejected by name rather than dropped.
func (p *fileParser) createTable(s *pg_query.CreateStmt, loc Location) {
	rv := s.Relation
	switch {
	case rv.GetRelpersistence() == "t":
		p.errs.unsupported(loc, "CREATE TEMPORARY TABLE")
		return
	case s.Oncommit != pg_query.OnCommitAction_ONCOMMIT_NOOP && s.Oncommit != pg_query.OnCommitAction_ON_COMMIT_ACTION_UNDEFINED:
		p.errs.unsupported(loc, "CREATE TABLE ... ON COMMIT")
		return
	}
	name, ok := p.relName(rv, loc)
	if !ok {
		return
	}
	ext, ok := p.createTableExt(s, name, loc)
	if !ok {
		return
	}
	t := &tableDef{loc: loc, name: name, unlogged: rv.GetRelpersistence() == "u", ext: ext}
	if s.OfTypename != nil {
		if t.ofType, ok = p.typedTableType(s, name, loc); !ok {
			return
		}
	}
	for _, elt := range s.TableElts {
		switch e := elt.Node.(type) {
		case *pg_query.Node_ColumnDef:
			if ext.partOf != nil || t.ofType != nil {
				// A partition's columns are its parent's, a typed
				// table's its type's; an entry only sets options of
				// one of them.
				o, cons, good := p.partitionColumnOption(e.ColumnDef, name, loc)
				if !good {
					ok = false
					continue
				}
				t.ext.overrides = append(t.ext.overrides, o)
				t.cons = append(t.cons, cons...)
				continue
			}
			col, cons, good := p.columnDefinition(e.ColumnDef, name, loc)
			if !good {
				ok = false
				continue
			}
			t.columns = append(t.columns, col)
			t.cons = append(t.cons, cons...)
		case *pg_query.Node_Constraint:
			c, good := p.buildConstraint(e.Constraint, name, "", loc)
			if !good {
				ok = false
				continue
			}
			// NOT VALID means nothing for a new, empty table:
			// PostgreSQL creates the constraint validated.
			c.notValid = false
			t.cons = append(t.cons, c)
		case *pg_query.Node_TableLikeClause:
			p.errs.unsupported(p.locOr(e.TableLikeClause.GetRelation().GetLocation(), loc), "CREATE TABLE ... LIKE")
			ok = false
		default:
			p.errs.unsupported(loc, "CREATE TABLE element "+stmtTypeWords(elt))
			ok = false
		}
	}
	for _, c := range t.cons {
		c.notValid = false
	}
	t.cons = dedupeIndexConstraints(t.cons)
	if ok {
		p.add(t)
	}
}

// dedupeIndexConstraints drops a PRIMARY KEY or UNIQUE constraint of a
// CREATE TABLE whose index would repeat an earlier one (same columns,
// INCLUDE, NULLS NOT DISTINCT and deferrability), as
// transformIndexConstraints does: "id int PRIMARY KEY UNIQUE" creates only
// the primary key. The primary key counts as first; a dropped constraint's
// name goes to the kept one if that is unnamed.
func dedupeIndexConstraints(cons []*conDef) []*conDef {
	var kept []*conDef
	for _, c := range cons {
		if c.kind == state.ConstraintPrimaryKey {
			kept = append(kept, c)
		}
	}
	dropped := map[*conDef]bool{}
	for _, c := range cons {
		if c.kind != state.ConstraintUnique {
			continue
		}
		var dup *conDef
		for _, k := range kept {
			if k.indexSig == c.indexSig && k.deferral == c.deferral {
				dup = k
				break
			}
		}
		if dup == nil {
			kept = append(kept, c)
			continue
		}
		if dup.name == "" {
			dup.name = c.name
		}
		dropped[c] = true
	}
	out := cons[:0]
	for _, c := range cons {
		if !dropped[c] {
			out = append(out, c)
		}
	}
	return out
}

// columnDefinition reads a column definition (CREATE TABLE or ALTER TABLE
// ADD COLUMN) and the table constraints written inside it.
func (p *fileParser) columnDefinition(cd *pg_query.ColumnDef, table state.QualName, stmtLoc Location) (*columnDef, []*conDef, bool) {
	loc := p.locOr(cd.Location, stmtLoc)
	col := &columnDef{loc: loc, col: &state.Column{Name: cd.Colname}}
	fail := func(format string, args ...any) (*columnDef, []*conDef, bool) {
		p.errs.semantic(loc, "column %s of %s: "+format, append([]any{cd.Colname, table}, args...)...)
		return nil, nil, false
	}
	if len(cd.Fdwoptions) > 0 {
		// A foreign table column's options (foreign.go checks that the
		// table is one).
		opts, ok := p.genericOptions(cd.Fdwoptions, loc, "column "+cd.Colname+" of "+table.String())
		if !ok {
			return nil, nil, false
		}
		col.col.FDWOptions = opts
	}
	if serial, ok := serialType(cd.TypeName); ok {
		col.serial = serial
		col.col.Type = serial
		col.col.NotNull = true
	} else {
		t, err := formatType(cd.TypeName)
		if err != nil {
			return fail("%v", err)
		}
		col.col.Type = t
	}
	col.col.Compression = canonicalCompression(cd.Compression)
	if cd.StorageName != "" {
		col.col.Storage = canonicalStorage(col.col.Type, cd.StorageName)
	}
	if cd.CollClause != nil {
		c, err := collationText(cd.CollClause.Collname)
		if err != nil {
			return fail("%v", err)
		}
		col.col.Collation = c
	}
	var (
		cons                    []*conDef
		last                    *conDef
		nullSeen, notNullSeen   bool
		defaultSeen             bool
		identityOpts            *seqOptions
		identitySeen, generSeen bool
		constraintsOK           = true
	)
	for _, n := range cd.Constraints {
		c := n.GetConstraint()
		if c == nil {
			continue
		}
		cloc := p.locOr(c.Location, loc)
		switch c.Contype {
		case pg_query.ConstrType_CONSTR_NULL:
			if notNullSeen {
				return fail("conflicting NULL/NOT NULL declarations")
			}
			nullSeen = true
		case pg_query.ConstrType_CONSTR_NOTNULL:
			if nullSeen {
				return fail("conflicting NULL/NOT NULL declarations")
			}
			notNullSeen = true
			col.col.NotNull = true
		case pg_query.ConstrType_CONSTR_DEFAULT:
			if defaultSeen {
				return fail("multiple default values specified")
			}
			defaultSeen = true
			// DEFAULT NULL is kept as written; nullDefaults drops the
			// ones PostgreSQL stores no default for.
			expr, err := canonicalExpr(c.RawExpr)
			if err != nil {
				return fail("%v", err)
			}
			col.col.Default = expr
		case pg_query.ConstrType_CONSTR_IDENTITY:
			if identitySeen {
				return fail("multiple identity specifications")
			}
			identitySeen = true
			col.col.Identity = identityKind(c.GeneratedWhen)
			o, ok := p.parseSeqOptions(c.Options, seqIdentity, cloc)
			if !ok {
				return nil, nil, false
			}
			identityOpts = &o
		case pg_query.ConstrType_CONSTR_GENERATED:
			if generSeen {
				return fail("multiple generation clauses specified")
			}
			generSeen = true
			expr, err := canonicalExpr(c.RawExpr)
			if err != nil {
				return fail("%v", err)
			}
			col.col.Generated = expr
		case pg_query.ConstrType_CONSTR_CHECK, pg_query.ConstrType_CONSTR_PRIMARY,
			pg_query.ConstrType_CONSTR_UNIQUE, pg_query.ConstrType_CONSTR_FOREIGN:
			d, ok := p.buildConstraint(c, table, cd.Colname, loc)
			if !ok {
				constraintsOK = false
				continue
			}
			cons = append(cons, d)
			last = d
		case pg_query.ConstrType_CONSTR_ATTR_DEFERRABLE, pg_query.ConstrType_CONSTR_ATTR_NOT_DEFERRABLE,
			pg_query.ConstrType_CONSTR_ATTR_DEFERRED, pg_query.ConstrType_CONSTR_ATTR_IMMEDIATE:
			if err := applyConstraintAttrs(last, c.Contype); err != nil {
				return fail("%v", err)
			}
		default:
			p.errs.unsupported(cloc, "column constraint "+c.Contype.String())
			return nil, nil, false
		}
	}
	if !constraintsOK {
		return nil, nil, false
	}
	switch {
	case col.serial != "" && (defaultSeen && col.col.Default != "" || identitySeen || generSeen):
		return fail("a serial column cannot have a default, identity or generation expression")
	case identitySeen && col.col.Default != "":
		return fail("both default and identity specified")
	case generSeen && col.col.Default != "":
		return fail("both default and generation expression specified")
	case generSeen && identitySeen:
		return fail("both identity and generation expression specified")
	case col.serial != "" && nullSeen:
		return fail("conflicting NULL/NOT NULL declarations (serial columns are NOT NULL)")
	}
	if identitySeen {
		if nullSeen {
			return fail("conflicting NULL/NOT NULL declarations (identity columns are NOT NULL)")
		}
		opts, err := identityOptions(col.col.Type, *identityOpts)
		if err != nil {
			return fail("%v", err)
		}
		col.col.IdentityOptions = opts
		col.col.NotNull = true
	}
	return col, cons, true
}

// identityKind maps GENERATED ALWAYS ('a') / BY DEFAULT ('d').
func identityKind(when string) state.Identity {
	if when == "d" {
		return state.IdentityByDefault
	}
	return state.IdentityAlways
}

// identityOptions fills an identity column's sequence options; its type is
// the column's, which must be smallint, integer or bigint.
func identityOptions(colType string, o seqOptions) (*state.SequenceOptions, error) {
	t := sequenceTypeName(colType)
	if t == "" {
		return nil, fmt.Errorf("identity column type must be smallint, integer, or bigint, not %s", colType)
	}
	opts, err := o.fill(t)
	if err != nil {
		return nil, err
	}
	return &opts, nil
}
