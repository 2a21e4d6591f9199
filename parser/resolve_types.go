package parser

import (
	"github.com/renovate-pg/renovate/state"
)

// This file resolves what domains, composite and range types and
// collations need from other statements: collations are defined (and
// CREATE COLLATION ... FROM copied), ALTER DOMAIN ... ADD CONSTRAINT is
// applied, unnamed domain checks get PostgreSQL's default names, and
// unqualified references to collations declared in public are qualified
// the way PostgreSQL prints them.

// resolveTypes runs after every table and column is known and before
// table constraints are named: domain constraints share the schema's
// constraint name space with table constraints, and domains are normally
// created first.
func (r *resolver) resolveTypes(items []any) {
	if r.collations == nil {
		r.collations = map[state.QualName]*state.Collation{}
	}
	var colls []*collationDef
	for _, it := range items {
		if d, ok := it.(*collationDef); ok {
			q := d.coll.QualName()
			if r.define(d.coll.Key(), d.loc) {
				c := d.coll
				r.collations[q] = &c
				colls = append(colls, d)
			}
		}
	}
	r.copyCollations(colls)
	r.domainConstraints(items)
	r.qualifyCollations(items)
}

// copyCollations resolves CREATE COLLATION ... FROM. A collation copied
// from another declared one may itself be a copy, so this repeats until
// nothing changes.
func (r *resolver) copyCollations(defs []*collationDef) {
	done := map[*collationDef]bool{}
	for progress := true; progress; {
		progress = false
		for _, d := range defs {
			if d.from == nil || done[d] {
				continue
			}
			src, ok, wait := r.collationSource(d, done, defs)
			if wait {
				continue
			}
			done[d] = true
			progress = true
			if !ok {
				continue
			}
			c := r.collations[d.coll.QualName()]
			c.Provider, c.Locale, c.LcCollate, c.LcCtype, c.Deterministic, c.Rules, c.AnyEncoding =
				src.Provider, src.Locale, src.LcCollate, src.LcCtype, src.Deterministic, src.Rules, src.AnyEncoding
		}
	}
	for _, d := range defs {
		if d.from != nil && !done[d] {
			r.errs.semantic(d.loc, "collation %s: CREATE COLLATION ... FROM forms a cycle", d.coll.QualName())
		}
	}
}

// collationSource finds what CREATE COLLATION ... FROM copies: a
// collation of the files (wait is set while that one is itself an
// unresolved copy), or one of the system collations whose properties are
// known offline.
func (r *resolver) collationSource(d *collationDef, done map[*collationDef]bool, defs []*collationDef) (src state.Collation, ok, wait bool) {
	names := d.from
	if len(names) == 1 || names[0] == "pg_catalog" {
		name := names[len(names)-1]
		if c, ok := systemCollation(name); ok {
			return c, true, false
		}
		if len(names) == 2 || builtinCollations[name] {
			r.errs.semantic(d.loc, "collation %s: cannot copy system collation %q offline; write its PROVIDER and LOCALE instead of FROM", d.coll.QualName(), name)
			return src, false, false
		}
		names = []string{"public", name}
	}
	q := state.QualName{Schema: names[0], Name: names[1]}
	c, declared := r.collations[q]
	if !declared {
		r.errs.semantic(d.loc, "collation %s: collation %s to copy from is defined nowhere", d.coll.QualName(), q)
		return src, false, false
	}
	for _, o := range defs {
		if o.coll.QualName() == q && o.from != nil && !done[o] {
			return src, false, true
		}
	}
	return *c, true, false
}

// domainConstraints applies ALTER DOMAIN ... ADD CONSTRAINT and names
// unnamed domain checks <domain>_check (ChooseConstraintName, unique among
// the schema's constraints), in statement order, after reserving every
// explicit name.
func (r *resolver) domainConstraints(items []any) {
	for _, it := range items {
		switch d := it.(type) {
		case *typeDef:
			for _, c := range d.typ.Checks {
				if c.Name != "" {
					r.ns(d.typ.Schema).constraints[c.Name] = true
				}
			}
		case *alterDomainDef:
			if d.check.Name != "" {
				r.ns(d.domain.Schema).constraints[d.check.Name] = true
			}
		}
	}
	for _, it := range items {
		switch d := it.(type) {
		case *typeDef:
			t := r.types[d.typ.QualName()]
			if t == nil || r.locs[t.Key()] != d.loc || t.Kind != state.TypeDomain {
				continue
			}
			for i := range t.Checks {
				r.nameDomainCheck(t, &t.Checks[i], i, d.loc)
			}
		case *alterDomainDef:
			t := r.types[d.domain]
			if t == nil || t.Kind != state.TypeDomain {
				r.errs.semantic(d.loc, "ALTER DOMAIN: domain %s is defined nowhere", d.domain)
				continue
			}
			t.Checks = append(t.Checks, d.check)
			r.nameDomainCheck(t, &t.Checks[len(t.Checks)-1], len(t.Checks)-1, d.loc)
		}
	}
}

// nameDomainCheck gives checks[i] of domain t its default name if it has
// none, and reports a name used twice in the domain.
func (r *resolver) nameDomainCheck(t *state.Type, c *state.Constraint, i int, loc Location) {
	if c.Name == "" {
		c.Name = r.ns(t.Schema).chooseConstraintName(t.Name, "", "check")
	}
	for j := 0; j < i; j++ {
		if t.Checks[j].Name == c.Name {
			r.errs.semantic(loc, "constraint %q for domain %s already exists", c.Name, t.QualName())
			return
		}
	}
}

// qualifyCollations qualifies unqualified references to collations the
// files declare in public: with search_path = public, COLLATE mycoll means
// public.mycoll, which PostgreSQL prints qualified. Collations every
// database has in pg_catalog come first on the search path and stay bare.
func (r *resolver) qualifyCollations(items []any) {
	for _, te := range r.tables {
		for i := range te.t.Columns {
			te.t.Columns[i].Collation = r.qualifiedCollation(te.t.Columns[i].Collation)
		}
	}
	for _, t := range r.types {
		t.Collation = r.qualifiedCollation(t.Collation)
		for i := range t.Attributes {
			t.Attributes[i].Collation = r.qualifiedCollation(t.Attributes[i].Collation)
		}
	}
	for _, it := range items {
		d, ok := it.(*indexDef)
		if !ok {
			continue
		}
		for _, n := range d.stmt.IndexParams {
			ie := n.GetIndexElem()
			if ie == nil || len(ie.Collation) != 1 {
				continue
			}
			names, err := stringList(ie.Collation)
			if err != nil {
				continue
			}
			if r.declaredInPublic(names[0]) {
				ie.Collation = stringNodes("public", names[0])
			}
		}
	}
}

// qualifiedCollation returns the collation text c (as collationText
// renders it) qualified with public when it names a collation the files
// declare there.
func (r *resolver) qualifiedCollation(c string) string {
	if c == "" {
		return c
	}
	parts, ok := splitQualifiedName(c)
	if !ok || len(parts) != 1 || !r.declaredInPublic(parts[0]) {
		return c
	}
	return "public." + c
}

// declaredInPublic reports whether an unqualified collation name means a
// collation the files declare in public.
func (r *resolver) declaredInPublic(name string) bool {
	if builtinCollations[name] {
		return false
	}
	_, ok := r.collations[state.QualName{Schema: "public", Name: name}]
	return ok
}

// finishTypes is the pass after comments: comments on domain constraints,
// rename annotations, and the schemas of collations.
func (r *resolver) finishTypes(items []any) {
	seen := map[domainConstraintKey]Location{}
	for _, it := range items {
		d, ok := it.(*domainCommentDef)
		if !ok {
			continue
		}
		t := r.types[d.domain]
		if t == nil || t.Kind != state.TypeDomain {
			r.errs.semantic(d.loc, "COMMENT ON CONSTRAINT ... ON DOMAIN: domain %s is defined nowhere", d.domain)
			continue
		}
		k := domainConstraintKey{d.domain, d.constraint}
		if first, dup := seen[k]; dup {
			r.errs.semantic(d.loc, "second comment on constraint %s of domain %s (first at %s)", d.constraint, d.domain, first)
			continue
		}
		seen[k] = d.loc
		found := false
		for i := range t.Checks {
			if t.Checks[i].Name == d.constraint {
				t.Checks[i].Comment = d.comment
				found = true
			}
		}
		if !found {
			r.errs.semantic(d.loc, "COMMENT ON CONSTRAINT: constraint %s of domain %s does not exist", d.constraint, d.domain)
		}
	}
	r.applyRenames(items)
	for q := range r.collations {
		if _, ok := r.schemas[q.Schema]; !ok {
			r.errs.semantic(r.locs[state.ObjectKey{Kind: state.KindCollation, Schema: q.Schema, Name: q.Name}],
				"collation %s: schema %s is defined nowhere (add CREATE SCHEMA %s)", q, q.Schema, quoteIdent(q.Schema))
		}
	}
}

type domainConstraintKey struct {
	domain state.QualName
	name   string
}

// typeCommentTarget finds the Comment field of a collation or of a
// composite type's attribute (COMMENT ON COLUMN type.attribute); ok is
// false for every other object.
func (r *resolver) typeCommentTarget(d *commentDef) (*string, bool) {
	k := d.key
	switch k.Kind {
	case state.KindCollation:
		if c := r.collations[state.QualName{Schema: k.Schema, Name: k.Name}]; c != nil {
			return &c.Comment, true
		}
		r.errs.semantic(d.loc, "COMMENT ON COLLATION: %s is defined nowhere", k.QualifiedName())
		return nil, true
	case state.KindColumn:
		q := state.QualName{Schema: k.Schema, Name: k.Table}
		if _, isTable := r.tables[q]; isTable {
			return nil, false
		}
		t := r.types[q]
		if t == nil || t.Kind != state.TypeComposite {
			return nil, false
		}
		for i := range t.Attributes {
			if t.Attributes[i].Name == k.Name {
				return &t.Attributes[i].Comment, true
			}
		}
		r.errs.semantic(d.loc, "COMMENT ON COLUMN: attribute %s of type %s does not exist", k.Name, q)
		return nil, true
	}
	return nil, false
}

// collationResults returns the declared collations.
func (r *resolver) collationResults() []state.Collation {
	var out []state.Collation
	for _, c := range r.collations {
		out = append(out, *c)
	}
	return out
}
