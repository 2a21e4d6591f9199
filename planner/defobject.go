package planner

import (
	"fmt"
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// This file plans the definition objects (state.DefObject).
//
// What changes in place:
//   - comments, for every kind (COMMENT ON);
//   - a text search configuration's mappings (ALTER TEXT SEARCH
//     CONFIGURATION ... ADD / ALTER / DROP MAPPING);
//   - a text search dictionary's options (ALTER TEXT SEARCH DICTIONARY
//     ... (option = value, removed_option));
//   - a statistics object's target (ALTER STATISTICS ... SET STATISTICS);
//   - an aggregate whose arguments, state type, final function and kind
//     stay the same (CREATE OR REPLACE AGGREGATE: PostgreSQL refuses to
//     change the result type or kind that way).
//
//   - an operator family's loose members (ALTER OPERATOR FAMILY ... ADD
//     and DROP; a member whose operator or function changes is dropped
//     and added again);
//
//   - an operator's RESTRICT and JOIN estimators (ALTER OPERATOR ... SET;
//     PostgreSQL 17 can also set COMMUTATOR, NEGATOR, HASHES and MERGES
//     there, but only from unset, so those recreate the operator on
//     every version).
//
// Rules are planned by rule.go; languages and transforms, changed in place
// by CREATE OR REPLACE, by defobject_language.go.
//
// Everything else is recreated, dropped and created again: PostgreSQL has
// no ALTER for a cast, an operator's function or argument types, a text search parser or template, a dictionary's
// template, a configuration's parser or a statistics object's columns.
// An object is also recreated when an object it references (a function,
// a type, a table, another definition object) is dropped by the plan.
// Views calling a recreated aggregate are recreated around it (view.go
// treats aggregate drops as function drops), and so are views using a
// recreated operator (view.go, depKey). Operator classes are recreated
// whenever their definition changes (PostgreSQL has no ALTER for a
// class's members), with the indexes and constraints using them
// (dropOpClassDependents); a family is recreated only when an operator or
// function a loose member uses is, which drops its classes too.
// Conversions and access methods have no ALTER but RENAME and OWNER:
// they are recreated when their definition changes. A recreated access
// method takes its operator classes and families along (they refer to
// it), and the indexes and exclusion constraints using it
// (dropAccessMethodDependents); a table stored with a recreated table
// access method cannot be (its data would go), so that is refused.
//
// Creates: casts and text search objects before tables (phaseDefObject),
// whose defaults, generated columns and indexes use them; aggregates and
// statistics objects once tables, columns and functions exist, before
// views (phaseDefObjectLate). Drops run after the views, indexes, columns
// and constraints using them are dropped and before the functions and
// types they use (phaseDropDefObject); statistics objects go before the
// columns and tables they are on, whose drop would take them along
// (phaseDropStatistics).

// defObjects plans every definition object. It runs after functions,
// types and tables have been diffed (it reads their drop steps) and
// before views (which read its drops).
func (d *differ) defObjects() {
	from := map[state.ObjectKey]state.DefObject{}
	for _, o := range d.from.Objects {
		from[o.Key()] = o
	}
	dropped := d.droppedRefs()
	desired := map[state.ObjectKey]bool{}
	// Drops of recreated objects run in reverse dependency order: a
	// configuration before its dictionaries, a dictionary before its
	// template.
	var drops []state.DefObject
	for _, o := range defCreateOrder(d.to.Objects) {
		if o.Kind == state.KindRule {
			continue // rule.go
		}
		k := o.Key()
		desired[k] = true
		old, ok := from[k]
		switch {
		case !ok:
			d.change(k, ActionCreate, "", sqlgen.DefObjectDefinition(o))
			d.createDefObject(o)
		case o.Kind == state.KindTSConfiguration && old.Definition == o.Definition && refsDropped(old, dropped) && onlyDictsDropped(old, dropped):
			// A dictionary it maps to is recreated: the mappings using it
			// leave before the dictionary is dropped and come back once
			// it is created again, so the configuration (and the indexes
			// and columns using it) stay.
			old = d.remapDictionaries(old, o, dropped)
			d.alterDefObject(old, o)
		case replacedInPlace(old, o):
			d.replaceDefObject(old, o)
		case old.Definition != o.Definition || refsDropped(old, dropped):
			if o.Kind == state.KindAggregate && old.Definition != o.Definition && !refsDropped(old, dropped) && aggregateReplaceable(old, o) {
				d.change(k, ActionAlter, sqlgen.DefObjectDefinition(old), sqlgen.DefObjectDefinition(o))
				d.add(phaseDefObjectLate, k, ActionAlter, strings.Replace(sqlgen.CreateDefObject(o), "CREATE AGGREGATE ", "CREATE OR REPLACE AGGREGATE ", 1))
				if old.Comment != o.Comment {
					d.add(phaseComment, k, ActionAlter, sqlgen.DefObjectComment(o, o.Comment))
				}
				continue
			}
			d.change(k, ActionAlter, sqlgen.DefObjectDefinition(old), sqlgen.DefObjectDefinition(o))
			drops = append(drops, old)
			d.createDefObject(o)
			// The references of the recreated object are dropped with
			// it, so an object using this one is recreated too.
			dropped[defNode(k)] = true
		default:
			d.alterDefObject(old, o)
		}
	}
	for _, o := range defCreateOrder(d.from.Objects) {
		if !desired[o.Key()] && o.Kind != state.KindRule {
			d.change(o.Key(), ActionDrop, sqlgen.DefObjectDefinition(o), "")
			drops = append(drops, o)
		}
	}
	d.defObjectDrops(drops)
	d.dropOperatorDependents(drops)
	d.dropOpClassDependents(drops)
	d.dropAccessMethodDependents(drops)
}

// defObjectPrivileges grants and revokes EXECUTE on aggregates, once the
// steps above say which are recreated and the owner changes are planned
// (owner.go: a new owner's grants become its own).
func (d *differ) defObjectPrivileges() {
	from := map[state.ObjectKey]state.DefObject{}
	for _, o := range d.from.Objects {
		from[o.Key()] = o
	}
	for _, o := range d.to.Objects {
		if o.Kind != state.KindAggregate {
			continue
		}
		old, ok := from[o.Key()]
		d.objectPrivileges(o.Key(), d.existingPrivileges(o.Key(), ok, old.Privileges), o.Privileges)
	}
}

// defObjectDrops adds the drop steps of drops, in reverse order.
func (d *differ) defObjectDrops(drops []state.DefObject) {
	for i := len(drops) - 1; i >= 0; i-- {
		ph := phaseDropDefObject
		if drops[i].Kind == state.KindStatisticsObject {
			ph = phaseDropStatistics
		}
		d.add(ph, drops[i].Key(), ActionDrop, sqlgen.DropDefObject(drops[i]))
	}
}

// createDefObject adds the steps creating o, with its comment.
func (d *differ) createDefObject(o state.DefObject) {
	ph := phaseDefObject
	if o.Kind == state.KindAggregate || o.Kind == state.KindStatisticsObject {
		ph = phaseDefObjectLate
	}
	d.add(ph, o.Key(), ActionCreate, sqlgen.CreateDefObject(o))
	if o.Comment != "" {
		d.add(phaseComment, o.Key(), ActionAlter, sqlgen.DefObjectComment(o, o.Comment))
	}
}

// alterDefObject changes o's settings and comment in place.
func (d *differ) alterDefObject(old, o state.DefObject) {
	k := o.Key()
	var sql, dropSQL []string
	switch o.Kind {
	case state.KindTSConfiguration:
		oldMaps := settingMap(old.Settings)
		for _, m := range o.Settings {
			switch v, ok := oldMaps[m.Name]; {
			case !ok:
				sql = append(sql, sqlgen.TSMapping(o, "ADD", m))
			case v != m.Value:
				sql = append(sql, sqlgen.TSMapping(o, "ALTER", m))
			}
		}
		newMaps := settingMap(o.Settings)
		for _, m := range old.Settings {
			if _, ok := newMaps[m.Name]; !ok {
				sql = append(sql, sqlgen.DropTSMapping(o, m.Name))
			}
		}
	case state.KindTSDictionary:
		// Options compare as a set: ALTER appends what it sets, so the
		// server's order may differ from the file's without meaning
		// anything.
		oldOpts := settingMap(old.Settings)
		var set []state.DefSetting
		for _, m := range o.Settings {
			if v, ok := oldOpts[m.Name]; !ok || v != m.Value {
				set = append(set, m)
			}
		}
		newOpts := settingMap(o.Settings)
		var unset []string
		for _, m := range old.Settings {
			if _, ok := newOpts[m.Name]; !ok {
				unset = append(unset, m.Name)
			}
		}
		if len(set) > 0 || len(unset) > 0 {
			sql = append(sql, sqlgen.AlterTSDictionary(o, set, unset))
		}
	case state.KindOperator:
		// RESTRICT and JOIN (ALTER OPERATOR ... SET); the rest of an
		// operator is its Definition.
		oldEst, newEst := settingMap(old.Settings), settingMap(o.Settings)
		var set []state.DefSetting
		var reset []string
		for _, name := range []string{"restrict", "join"} {
			ov, nv := oldEst[name], newEst[name]
			switch {
			case ov == nv:
			case nv == "":
				reset = append(reset, name)
			default:
				set = append(set, state.DefSetting{Name: name, Value: nv})
			}
		}
		if len(set) > 0 || len(reset) > 0 {
			sql = append(sql, sqlgen.AlterOperatorEstimators(o, set, reset))
		}
	case state.KindOperatorFamily:
		drop, add := opFamilyMemberChanges(old, o)
		if len(drop) > 0 {
			// Before the operators and functions they use may be
			// dropped (a teardown phase).
			dropSQL = append(dropSQL, sqlgen.DropOpFamilyMembers(o, drop))
		}
		if len(add) > 0 {
			sql = append(sql, sqlgen.AddOpFamilyMembers(o, add))
		}
	case state.KindStatisticsObject:
		ot, nt := settingMap(old.Settings)["statistics"], settingMap(o.Settings)["statistics"]
		if ot != nt {
			if nt == "" {
				nt = "-1"
			}
			sql = append(sql, sqlgen.StatisticsTarget(o, nt))
		}
	}
	if len(sql) == 0 && len(dropSQL) == 0 && old.Comment == o.Comment {
		return
	}
	d.change(k, ActionAlter, sqlgen.DefObjectDefinition(old), sqlgen.DefObjectDefinition(o))
	for _, s := range dropSQL {
		d.add(phaseDropDefObject, k, ActionAlter, s)
	}
	ph := phaseDefObject
	if o.Kind == state.KindStatisticsObject {
		ph = phaseDefObjectLate
	}
	for _, s := range sql {
		d.add(ph, k, ActionAlter, s)
	}
	if old.Comment != o.Comment {
		d.add(phaseComment, k, ActionAlter, sqlgen.DefObjectComment(o, o.Comment))
	}
}

func settingMap(ss []state.DefSetting) map[string]string {
	m := map[string]string{}
	for _, s := range ss {
		m[s.Name] = s.Value
	}
	return m
}

// aggregateReplaceable reports whether CREATE OR REPLACE AGGREGATE can
// turn old into nw: the same arguments (names included), state type,
// final function and kind, so the result type and kind stay.
func aggregateReplaceable(old, nw state.DefObject) bool {
	keep := func(def string) string {
		lines := strings.Split(def, "\n")
		var out []string
		for i, l := range lines {
			t := strings.TrimSpace(l)
			if i == 0 || strings.HasPrefix(t, "STYPE =") || strings.HasPrefix(t, "FINALFUNC =") ||
				strings.HasPrefix(t, "FINALFUNC_EXTRA") || strings.HasPrefix(t, "HYPOTHETICAL") {
				out = append(out, strings.TrimSuffix(t, ","))
			}
		}
		return strings.Join(out, "\n")
	}
	return keep(old.Definition) == keep(nw.Definition)
}

// defNode is the node a definition object is known by in droppedRefs.
func defNode(k state.ObjectKey) state.ObjectKey {
	switch k.Kind {
	case state.KindFunction, state.KindProcedure, state.KindAggregate:
		return state.ObjectKey{Kind: state.KindFunction, Schema: k.Schema, Name: k.Name}
	case state.KindTable, state.KindView, state.KindMaterializedView:
		return state.ObjectKey{Kind: state.KindTable, Schema: k.Schema, Name: k.Name}
	}
	return state.ObjectKey{Kind: k.Kind, Schema: k.Schema, Name: k.Name, Signature: k.Signature}
}

// droppedRefs returns the objects the plan so far drops as a whole
// (functions and procedures by name, types, tables), as defNode keys.
func (d *differ) droppedRefs() map[state.ObjectKey]bool {
	out := map[state.ObjectKey]bool{}
	for _, s := range d.steps {
		if s.Action != ActionDrop || s.Object.Table != "" {
			continue
		}
		switch s.Object.Kind {
		case state.KindFunction, state.KindProcedure, state.KindType, state.KindTable:
			out[defNode(s.Object)] = true
		}
	}
	return out
}

// refsDropped reports whether an object o references is dropped.
func refsDropped(o state.DefObject, dropped map[state.ObjectKey]bool) bool {
	for _, r := range o.Refs {
		if dropped[defNode(r)] {
			return true
		}
	}
	return false
}

// defCreateOrder returns objs in the order they can be created in:
// templates and parsers, dictionaries, configurations, access methods,
// operators, operator families, operator classes, casts, conversions,
// aggregates, statistics objects; by key within a kind.
func defCreateOrder(objs []state.DefObject) []state.DefObject {
	rank := map[state.Kind]int{
		state.KindTSTemplate: 0, state.KindTSParser: 1, state.KindTSDictionary: 2, state.KindTSConfiguration: 3,
		state.KindAccessMethod: 4, state.KindOperator: 5, state.KindOperatorFamily: 6, state.KindOperatorClass: 7,
		state.KindCast: 8, state.KindConversion: 9, state.KindAggregate: 10, state.KindStatisticsObject: 11, state.KindRule: 12,
		state.KindLanguage: 13, state.KindTransform: 14,
	}
	out := append([]state.DefObject(nil), objs...)
	sort.SliceStable(out, func(i, j int) bool {
		if rank[out[i].Kind] != rank[out[j].Kind] {
			return rank[out[i].Kind] < rank[out[j].Kind]
		}
		return out[i].Key().Less(out[j].Key())
	})
	return out
}

// defObjectIndex maps the definition objects of m by key, for refIndex.
func defObjectIndex(m state.DatabaseSchema) map[state.ObjectKey]state.DefObject {
	out := make(map[state.ObjectKey]state.DefObject, len(m.Objects))
	for _, o := range m.Objects {
		out[o.Key()] = o
	}
	return out
}

// onlyDictsDropped reports whether the dropped references of a
// configuration are all dictionaries.
func onlyDictsDropped(o state.DefObject, dropped map[state.ObjectKey]bool) bool {
	for _, r := range o.Refs {
		if dropped[defNode(r)] && r.Kind != state.KindTSDictionary {
			return false
		}
	}
	return true
}

// remapDictionaries drops the mappings of the remote configuration old
// that use a dictionary the plan drops (before the drop), and returns old
// without them, so alterDefObject adds them back as nw has them.
func (d *differ) remapDictionaries(old, nw state.DefObject, dropped map[state.ObjectKey]bool) state.DefObject {
	gone := map[string]bool{}
	for _, r := range old.Refs {
		if r.Kind == state.KindTSDictionary && dropped[defNode(r)] {
			gone[sqlgen.QualifiedName(r.Schema, r.Name)] = true
		}
	}
	kept := old
	kept.Settings = nil
	for _, m := range old.Settings {
		uses := false
		for _, dict := range strings.Split(m.Value, ", ") {
			if gone[dict] {
				uses = true
			}
		}
		if !uses {
			kept.Settings = append(kept.Settings, m)
			continue
		}
		d.add(phaseDropDefObject, old.Key(), ActionAlter, sqlgen.DropTSMapping(old, m.Name))
	}
	d.change(old.Key(), ActionAlter, sqlgen.DefObjectDefinition(old), sqlgen.DefObjectDefinition(nw))
	return kept
}

// dropOperatorDependents plans, for the operators in drops (dropped or
// recreated), the column defaults, generated columns, CHECK and exclusion
// constraints and indexes using them: dropped before and created again
// after, as for routines (function_deps.go). Expressions in canonical
// form name an operator of the database's own as OPERATOR(schema.op).
func (d *differ) dropOperatorDependents(drops []state.DefObject) {
	var needles []string
	for _, o := range drops {
		if o.Kind == state.KindOperator {
			needles = append(needles, "OPERATOR("+sqlgen.OperatorName(o.Schema, o.Name)+")")
		}
	}
	if len(needles) == 0 {
		return
	}
	d.dropExpressionDependents(func(_ state.ObjectKey, expr string) bool {
		for _, n := range needles {
			if strings.Contains(expr, n) {
				return true
			}
		}
		return false
	})
}

// opFamilyMemberChanges compares the loose members of two versions of a
// family: the members to drop (by name) and to add.
func opFamilyMemberChanges(old, nw state.DefObject) (drop []string, add []state.DefSetting) {
	oldM, newM := settingMap(old.Settings), settingMap(nw.Settings)
	for _, m := range old.Settings {
		if v, ok := newM[m.Name]; !ok || v != m.Value {
			drop = append(drop, m.Name)
		}
	}
	for _, m := range nw.Settings {
		if v, ok := oldM[m.Name]; !ok || v != m.Value {
			add = append(add, m)
		}
	}
	return drop, add
}

// dropOpClassDependents plans, for the operator classes in drops (dropped
// or recreated), the indexes and exclusion constraints using them:
// dropped before and created again after, as for operators.
func (d *differ) dropOpClassDependents(drops []state.DefObject) {
	var classes []state.DefObject
	for _, o := range drops {
		if o.Kind == state.KindOperatorClass {
			classes = append(classes, o)
		}
	}
	if len(classes) == 0 {
		return
	}
	d.dropExpressionDependents(func(_ state.ObjectKey, expr string) bool {
		for _, c := range classes {
			if usesOpClass(expr, c) {
				return true
			}
		}
		return false
	})
}

// usesOpClass reports whether an index or constraint definition in
// canonical form names operator class c: "USING method (... col
// schema.class ...)", the class qualified as pg_get_indexdef prints a
// class that is not pg_catalog's.
func usesOpClass(def string, c state.DefObject) bool {
	if !strings.Contains(def, "USING "+sqlgen.OpFamilyMethod(c)+" ") {
		return false
	}
	needle := " " + sqlgen.QualifiedName(c.Schema, c.Name)
	for rest := def; ; {
		i := strings.Index(rest, needle)
		if i < 0 {
			return false
		}
		rest = rest[i+len(needle):]
		if rest == "" || strings.ContainsRune("), (", rune(rest[0])) {
			return true
		}
	}
}

// dropAccessMethodDependents plans, for the access methods in drops
// (dropped or recreated), the indexes and exclusion constraints built
// with them: dropped before and created again after. A table kept with a
// table access method that is recreated would lose its rows (DROP ACCESS
// METHOD needs the table gone first): that is refused, naming the table.
// A table moving to another access method is changed by ALTER TABLE ...
// SET ACCESS METHOD before the method is dropped (the step graph).
func (d *differ) dropAccessMethodDependents(drops []state.DefObject) {
	var needles []string
	for _, o := range drops {
		if o.Kind != state.KindAccessMethod {
			continue
		}
		needles = append(needles, "USING "+sqlgen.QuoteIdent(o.Name)+" (")
		for _, old := range d.from.Tables {
			if old.AccessMethod != o.Name {
				continue
			}
			nw, kept := d.desiredTable(old.QualName())
			if !kept || nw.AccessMethod != o.Name {
				continue
			}
			d.errs = append(d.errs, &UnsupportedChangeError{Object: o.Key(), Reason: fmt.Sprintf(
				"table %s is stored with access method %s, which this plan would recreate (PostgreSQL has no ALTER ACCESS METHOD); "+
					"that drops the table and its rows first. Move the table to another access method (ALTER TABLE ... SET ACCESS METHOD) in one plan, then change the access method",
				sqlgen.Qual(old.QualName()), sqlgen.QuoteIdent(o.Name))})
		}
	}
	if len(needles) == 0 {
		return
	}
	d.dropExpressionDependents(func(_ state.ObjectKey, expr string) bool {
		for _, n := range needles {
			if strings.Contains(expr, n) {
				return true
			}
		}
		return false
	})
}
