package parser

import (
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// defObjects resolves the definition objects (defobject.go): in statement
// order, so an ALTER or a COPY sees the objects declared before it; then
// the statistics objects' columns, in their table's order, and comments.
// It returns them sorted.
func (r *resolver) defObjects(items []any) []state.DefObject {
	objs := map[state.ObjectKey]*state.DefObject{}
	var order []state.ObjectKey
	var stats []*defObjectDef
	var comments []*defCommentDef
	// Families a CREATE OPERATOR CLASS without FAMILY made, which an
	// explicit CREATE OPERATOR FAMILY of the same name replaces (files
	// have no order between them); the ALTER OPERATOR FAMILY statements
	// run once every family is known.
	implicit := map[state.ObjectKey]bool{}
	var familyAlters []*defAlterDef
	for _, it := range items {
		switch d := it.(type) {
		case *defObjectDef:
			o := d.obj
			k := o.Key()
			if implicit[k] {
				delete(implicit, k)
				r.locs[k] = d.loc
				continue
			}
			if !r.define(k, d.loc) {
				continue
			}
			if d.implicitFamily {
				fk := opFamilyKey(o.QualName(), strings.TrimPrefix(o.Signature, " USING "))
				if _, ok := objs[fk]; !ok {
					if _, declared := r.locs[fk]; !declared {
						f := opFamilyObject(o.QualName(), strings.TrimPrefix(o.Signature, " USING "))
						objs[fk] = &f
						order = append(order, fk)
						implicit[fk] = true
					}
				}
			}
			if o.Schema != "" {
				if _, ok := r.schemas[o.Schema]; !ok {
					r.errs.semantic(d.loc, "%s: schema %s is defined nowhere (add CREATE SCHEMA %s)", k, o.Schema, quoteIdent(o.Schema))
				}
			}
			if d.copyFrom != nil {
				if !r.copyTSConfiguration(&o, *d.copyFrom, objs, d.loc) {
					continue
				}
			}
			if o.Kind == state.KindStatisticsObject {
				stats = append(stats, d)
			}
			objs[k] = &o
			order = append(order, k)
		case *defAlterDef:
			if d.key.Kind == state.KindOperatorFamily {
				familyAlters = append(familyAlters, d)
				continue
			}
			o, ok := objs[d.key]
			if !ok {
				r.errs.semantic(d.loc, "%s is defined nowhere before this ALTER", d.key)
				continue
			}
			if err := d.apply(o); err != nil {
				r.errs.semantic(d.loc, "%s: %v", d.key, err)
			}
		case *defCommentDef:
			comments = append(comments, d)
		}
	}
	for _, d := range familyAlters {
		o, ok := objs[d.key]
		if !ok {
			r.errs.semantic(d.loc, "%s is defined nowhere", d.key)
			continue
		}
		if err := d.apply(o); err != nil {
			r.errs.semantic(d.loc, "%s: %v", d.key, err)
		}
	}
	for _, d := range stats {
		o := objs[d.obj.Key()]
		target := o.Settings
		*o = r.statisticsObject(d)
		o.Settings = target
	}
	for _, c := range comments {
		o := r.defCommentTarget(c, objs)
		if o == nil {
			r.errs.semantic(c.loc, "COMMENT ON %s: %s is defined nowhere", strings.ReplaceAll(string(c.key.Kind), "_", " "), c.key.QualifiedName())
			continue
		}
		o.Comment = c.comment
	}
	out := make([]state.DefObject, 0, len(order))
	for _, k := range order {
		out = append(out, *objs[k])
	}
	return out
}

// copyTSConfiguration fills in a configuration made with COPY = src from
// a built-in configuration or one declared before it.
func (r *resolver) copyTSConfiguration(o *state.DefObject, src state.QualName, objs map[state.ObjectKey]*state.DefObject, loc Location) bool {
	if src.Schema == "pg_catalog" {
		m, ok := builtinTSConfigMappings(src.Name)
		if !ok {
			r.errs.semantic(loc, "%s: text search configuration %s does not exist", o.Key(), src)
			return false
		}
		o.Definition = "PARSER = " + quoteIdent("default")
		o.Settings = m
		return true
	}
	s, ok := objs[state.ObjectKey{Kind: state.KindTSConfiguration, Schema: src.Schema, Name: src.Name}]
	if !ok {
		r.errs.semantic(loc, "%s: text search configuration %s to copy is defined nowhere before it", o.Key(), src)
		return false
	}
	o.Definition = s.Definition
	o.Settings = append([]state.DefSetting(nil), s.Settings...)
	o.Refs = append([]state.ObjectKey(nil), s.Refs...)
	return true
}

// statisticsObject prints CREATE STATISTICS in the canonical form: kinds
// left out when all are built (and for a single expression), plain
// columns in their table's order (the server keeps them by column
// number), then expressions.
func (r *resolver) statisticsObject(d *defObjectDef) state.DefObject {
	o := d.obj
	cols := append([]string(nil), d.statColumns...)
	if te, ok := r.tables[d.statTable]; ok {
		pos := map[string]int{}
		for i, c := range te.t.Columns {
			pos[c.Name] = i
		}
		sort.SliceStable(cols, func(i, j int) bool { return pos[cols[i]] < pos[cols[j]] })
	}
	kinds := map[string]bool{}
	for _, k := range d.statKinds {
		kinds[k] = true
	}
	var b strings.Builder
	b.WriteString("CREATE STATISTICS " + quoteQualified(o.Schema, o.Name))
	all := len(kinds) == 0 || kinds["ndistinct"] && kinds["dependencies"] && kinds["mcv"]
	if !all && len(cols)+len(d.statExprs) > 1 {
		var ks []string
		for _, k := range []string{"ndistinct", "dependencies", "mcv"} {
			if kinds[k] {
				ks = append(ks, k)
			}
		}
		b.WriteString(" (" + strings.Join(ks, ", ") + ")")
	}
	var on []string
	for _, c := range cols {
		on = append(on, quoteIdent(c))
	}
	on = append(on, d.statExprs...)
	b.WriteString(" ON " + strings.Join(on, ", "))
	b.WriteString(" FROM " + quoteQualified(d.statTable.Schema, d.statTable.Name) + ";")
	o.Definition = b.String()
	return o
}

// defCommentTarget finds the object a COMMENT ON names. An aggregate is
// found by its argument types, which COMMENT ON AGGREGATE gives without
// saying which are ordered.
func (r *resolver) defCommentTarget(c *defCommentDef, objs map[state.ObjectKey]*state.DefObject) *state.DefObject {
	if c.key.Kind != state.KindAggregate {
		return objs[c.key]
	}
	want := strings.Join(c.argTypes, ", ")
	for k, o := range objs {
		if k.Kind == state.KindAggregate && k.Schema == c.key.Schema && k.Name == c.key.Name && state.AggregateArgTypes(k.Signature) == want {
			return o
		}
	}
	return nil
}

// findAggregates finds the aggregates a GRANT or REVOKE ON FUNCTION names:
// by name and argument types, or by name alone when it gives none and
// the name is unique.
func (r *resolver) findAggregates(ref routineRef) []privTarget {
	var out []privTarget
	for i := range r.defs {
		o := &r.defs[i]
		if o.Kind != state.KindAggregate || o.Schema != ref.name.Schema || o.Name != ref.name.Name {
			continue
		}
		if !ref.unspecified && state.AggregateArgTypes(o.Signature) != strings.Join(ref.inputs, ", ") {
			continue
		}
		out = append(out, privTarget{kind: state.KindAggregate, what: o.Key().String(), privs: &o.Privileges})
	}
	if ref.unspecified && len(out) > 1 {
		return nil
	}
	return out
}
