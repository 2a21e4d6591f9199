package planner

import (
	"regexp"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// userFunctionCall matches a schema-qualified name followed by "(": a
// call of a user function in canonical expression text (built-in functions
// are never qualified there, and casts to user types are preceded by "::").
var userFunctionCall = regexp.MustCompile(`(?:^|[^A-Za-z0-9_$".:])(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\.(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\(`)

// checkPhase is when a domain check (or default) can be added: with the
// type, unless it calls a user function, which is created after types
// (routine signatures use types); then once routines exist.
func checkPhase(expr string) phase {
	if userFunctionCall.MatchString(withoutLiterals(expr)) {
		return phaseAddConstraint
	}
	return phaseType
}

// withoutLiterals blanks the contents of the string constants of an
// expression ('...', with ” inside), so names in data are not taken for
// calls.
func withoutLiterals(expr string) string {
	var b strings.Builder
	in := false
	for i := 0; i < len(expr); i++ {
		c := expr[i]
		if c == '\'' {
			in = !in
			b.WriteByte(c)
			continue
		}
		if in {
			b.WriteByte(' ')
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// createType plans CREATE for t, its NOT VALID domain checks and its
// comments. A domain's default and checks that call user functions are
// added once the functions exist.
func (d *differ) createType(t state.Type) {
	q := t.QualName()
	early := t
	early.Default = ""
	early.Checks = nil
	if checkPhase(t.Default) == phaseType {
		early.Default = t.Default
	}
	for _, c := range t.Checks {
		if !c.NotValid && checkPhase(c.Definition) == phaseType {
			early.Checks = append(early.Checks, c)
		}
	}
	d.add(d.createTypePhase(t), t.Key(), ActionCreate, sqlgen.CreateType(early))
	if early.Default != t.Default {
		d.add(phaseAddConstraint, t.Key(), ActionAlter, sqlgen.AlterDomainDefault(q, t.Default))
	}
	for _, c := range t.Checks {
		if c.NotValid || checkPhase(c.Definition) != phaseType {
			d.add(checkPhase(c.Definition), t.Key(), ActionAlter, sqlgen.AddDomainConstraint(q, c))
		}
	}
	if t.Comment != "" {
		d.add(phaseComment, t.Key(), ActionAlter, sqlgen.CommentOnType(t))
	}
	for _, c := range t.Checks {
		if c.Comment != "" {
			d.add(phaseComment, t.Key(), ActionAlter, sqlgen.CommentOnDomainConstraint(q, c))
		}
	}
	for _, a := range t.Attributes {
		if a.Comment != "" {
			d.add(phaseComment, t.Key(), ActionAlter, sqlgen.CommentOnAttribute(q, a))
		}
	}
}

// alterType plans the ALTER statements turning old into t (same kind,
// changes ALTER can make).
func (d *differ) alterType(old, t state.Type) {
	q := t.QualName()
	switch t.Kind {
	case state.TypeEnum:
		d.addEnumValues(t, old.Labels, t.Labels)
	case state.TypeDomain:
		d.alterDomain(old, t)
	case state.TypeComposite:
		d.alterComposite(old, t)
	}
	if old.Comment != t.Comment {
		d.add(phaseComment, t.Key(), ActionAlter, sqlgen.CommentOnType(t))
	}
	for _, a := range t.Attributes {
		oa, _ := typeAttribute(old, a.Name)
		if oa.Comment != a.Comment {
			d.add(phaseComment, t.Key(), ActionAlter, sqlgen.CommentOnAttribute(q, a))
		}
	}
}

// addEnumValues adds the values of to missing from from, each placed next
// to a neighbour that already exists.
func (d *differ) addEnumValues(t state.Type, from, to []string) {
	q := t.QualName()
	have := map[string]bool{}
	for _, l := range from {
		have[l] = true
	}
	for i, l := range to {
		if have[l] {
			continue
		}
		after, before := "", ""
		if i > 0 {
			after = to[i-1]
		} else if len(from) > 0 {
			before = from[0]
		}
		d.add(phaseType, t.Key(), ActionAlter, sqlgen.AddEnumValue(q, l, before, after))
		d.typePlan.newLabels = append(d.typePlan.newLabels, newEnumLabel{typ: q, label: l})
		have[l] = true
	}
}

// alterDomain plans ALTER DOMAIN for a domain whose base type and
// collation stay.
func (d *differ) alterDomain(old, t state.Type) {
	q := t.QualName()
	key := t.Key()
	if old.Default != t.Default {
		d.add(checkPhase(t.Default), key, ActionAlter, sqlgen.AlterDomainDefault(q, t.Default))
	}
	if old.NotNull != t.NotNull {
		if t.NotNull {
			d.add(phaseType, key, ActionAlter, sqlgen.AlterDomainNotNull(q, true),
				NewHazard(SetsDomainNotNull, q))
		} else {
			d.add(phaseType, key, ActionAlter, sqlgen.AlterDomainNotNull(q, false))
		}
	}
	oldChecks := map[string]state.Constraint{}
	for _, c := range old.Checks {
		oldChecks[c.Name] = c
	}
	newChecks := map[string]bool{}
	var adds []state.Constraint
	for _, c := range t.Checks {
		newChecks[c.Name] = true
		oc, ok := oldChecks[c.Name]
		switch {
		case !ok:
			adds = append(adds, c)
		case oc.Definition != c.Definition || (c.NotValid && !oc.NotValid):
			d.add(phaseType, key, ActionDrop, sqlgen.DropDomainConstraint(q, c.Name))
			adds = append(adds, c)
		case oc.NotValid && !c.NotValid:
			d.add(phaseType, key, ActionAlter, sqlgen.ValidateDomainConstraint(q, c.Name),
				NewHazard(ValidatesDomainConstraint, c.Name, q))
		}
		if ok && oc.Comment != c.Comment || !ok && c.Comment != "" {
			d.add(phaseComment, key, ActionAlter, sqlgen.CommentOnDomainConstraint(q, c))
		}
	}
	for _, c := range old.Checks {
		if !newChecks[c.Name] {
			d.add(phaseType, key, ActionDrop, sqlgen.DropDomainConstraint(q, c.Name))
		}
	}
	for _, c := range adds {
		var hz []Hazard
		if !c.NotValid {
			hz = append(hz, NewHazard(AddsDomainConstraint, c.Name, q))
		}
		d.add(checkPhase(c.Definition), key, ActionCreate, sqlgen.AddDomainConstraint(q, c), hz...)
	}
}

// alterComposite plans DROP, ALTER and ADD ATTRIBUTE, with CASCADE where
// tables of the type exist: they change with it (typed.go).
func (d *differ) alterComposite(old, t state.Type) {
	q := t.QualName()
	key := t.Key()
	typed := d.typedTablesOf(q)
	stmt := func(sql string) string {
		if d.hasTypedTables(q) {
			return sqlgen.TypeCascade(sql)
		}
		return sql
	}
	for _, a := range old.Attributes {
		if _, ok := typeAttribute(t, a.Name); !ok {
			var hz []Hazard
			users := append(d.columnsOfType(q), typedColumns(typed, a.Name)...)
			if len(users) > 0 {
				hz = append(hz, NewHazard(DropsAttribute, a.Name, q, strings.Join(users, ", ")))
			}
			d.add(phaseType, key, ActionAlter, stmt(sqlgen.DropAttribute(q, a.Name)), hz...)
		}
	}
	for _, a := range t.Attributes {
		oa, ok := typeAttribute(old, a.Name)
		switch {
		case !ok:
			d.add(phaseType, key, ActionAlter, stmt(sqlgen.AddAttribute(q, a)))
		case oa.Type != a.Type || oa.Collation != a.Collation:
			var hz []Hazard
			for _, tq := range typed {
				hz = append(hz, NewHazard(RewritesForTypeChange, tq, a.Name))
			}
			d.add(phaseType, key, ActionAlter, stmt(sqlgen.AlterAttributeType(q, a)), hz...)
		}
	}
	d.cascadeToTypedTables(old, t, typed)
}
