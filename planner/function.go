package planner

import (
	"reflect"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// This file plans functions and procedures.
//
// Overloads are matched by schema, name and input types (what makes an
// overload distinct in pg_proc), or by a renamed-from annotation. A change
// is CREATE OR REPLACE where PostgreSQL allows it; it refuses to change the
// result type (including the row an OUT or TABLE parameter list defines),
// an input parameter's name, to remove parameter defaults, or to turn a
// function into a procedure or window function. Those changes drop the
// routine and create it again, and everything that depends on it is
// dropped before and recreated after in the same plan: triggers and event
// triggers (trigger.go), column defaults, CHECK constraints and indexes
// whose expressions call it (function_deps.go), SQL-standard bodies
// calling it (which PostgreSQL tracks too), and views (view.go reads the
// drop steps).
//
// Routines are ordered by the step graph (stepgraph.go): created after
// what their signature and SQL-standard body use, and before whatever
// calls them; apply sets check_function_bodies = off, so quoted bodies
// may reference tables created later.

// routineSig identifies an overload: what pg_proc keeps unique.
type routineSig struct {
	schema, name, inputs string
}

func sigOf(f state.Function) routineSig { return routineSig{f.Schema, f.Name, f.InputTypes()} }

// routinePair is a routine on both sides.
type routinePair struct {
	old, nw state.Function
}

// functions plans every function and procedure change. It runs after
// tables (it looks at their steps to avoid dropping a constraint twice)
// and before views, which look at its drop steps.
func (d *differ) functions() {
	from := map[routineSig]state.Function{}
	for _, f := range d.from.Functions {
		from[sigOf(f)] = f
	}
	desired := map[routineSig]bool{}
	for _, f := range d.to.Functions {
		desired[sigOf(f)] = true
	}
	matched := map[routineSig]bool{}
	var pairs []routinePair
	var created []state.Function
	for _, f := range d.to.Functions {
		old, ok := from[sigOf(f)]
		if ok && matched[sigOf(old)] {
			ok = false
		}
		remoteSig := sigOf(old)
		if !ok && f.RenamedFrom != "" {
			prev := f
			prev.Name = f.RenamedFrom
			if o, found := from[sigOf(prev)]; found && !desired[sigOf(prev)] && !matched[sigOf(prev)] {
				old, ok, remoteSig = o, true, sigOf(o)
				d.add(phaseRename, f.Key(), ActionRename, sqlgen.RenameFunction(o, f.Name))
				// From here on the remote routine has its new name.
				old.Name = f.Name
			}
		}
		if !ok {
			created = append(created, f)
			continue
		}
		matched[remoteSig] = true
		pairs = append(pairs, routinePair{old: old, nw: f})
	}

	// Which remote routines go away: dropped, or dropped to be created
	// again (including those whose SQL-standard body reads something
	// that is dropped or rebuilt).
	rebuild := map[routineSig]bool{}
	droppedTransforms := d.droppedTransforms()
	for _, p := range pairs {
		if !routinesEqual(p.old, p.nw) && !replaceable(p.old, p.nw) {
			rebuild[sigOf(p.old)] = true
		}
		if d.bodyReadsChangedRelation(p.old) {
			rebuild[sigOf(p.old)] = true
		}
		if usesTransform(p.old, droppedTransforms) {
			rebuild[sigOf(p.old)] = true
		}
	}
	var dropped []state.Function
	for _, f := range d.from.Functions {
		if !matched[sigOf(f)] {
			dropped = append(dropped, f)
		}
	}
	d.propagateRebuilds(pairs, dropped, rebuild)

	// Drops, dependents first.
	var dropSet []state.Function
	dropSet = append(dropSet, dropped...)
	for _, p := range pairs {
		if rebuild[sigOf(p.old)] {
			dropSet = append(dropSet, p.old)
		}
	}
	d.dropFunctionDependents(dropSet)
	for _, f := range dropSet {
		d.detachRoutineBody(f)
	}
	for _, f := range orderRoutines(dropSet, true) {
		d.add(d.dropRoutinePhase(f), f.Key(), ActionDrop, sqlgen.DropFunction(f))
	}
	for _, f := range dropped {
		d.change(f.Key(), ActionDrop, sqlgen.FunctionDefinition(f), "")
	}

	// Creates and replacements in dependency order.
	byKey := map[state.ObjectKey]routinePair{}
	for _, p := range pairs {
		byKey[p.nw.Key()] = p
	}
	isNew := map[state.ObjectKey]bool{}
	for _, f := range created {
		isNew[f.Key()] = true
	}
	for _, f := range orderRoutines(d.to.Functions, false) {
		key := f.Key()
		p, paired := byKey[key]
		switch {
		case isNew[key]:
			d.change(key, ActionCreate, "", sqlgen.FunctionDefinition(f))
			d.createRoutine(f, ActionCreate)
			if f.Comment != "" {
				d.add(phaseComment, key, ActionAlter, sqlgen.FunctionComment(f))
			}
		case paired && rebuild[sigOf(p.old)]:
			d.change(key, ActionAlter, sqlgen.FunctionDefinition(p.old), sqlgen.FunctionDefinition(f))
			d.createRoutine(f, ActionCreate)
			if f.Comment != "" {
				d.add(phaseComment, key, ActionAlter, sqlgen.FunctionComment(f))
			}
		case paired:
			if routinesEqual(p.old, f) && p.old.Comment == f.Comment {
				continue
			}
			d.change(key, ActionAlter, sqlgen.FunctionDefinition(p.old), sqlgen.FunctionDefinition(f))
			if !routinesEqual(p.old, f) {
				d.createRoutine(f, ActionAlter)
			}
			if p.old.Comment != f.Comment {
				d.add(phaseComment, key, ActionAlter, sqlgen.FunctionComment(f))
			}
		}
	}
}

// routinesEqual compares what CREATE OR REPLACE sets: everything but the
// comment, privileges and local annotations.
func routinesEqual(a, b state.Function) bool {
	a.Comment, b.Comment = "", ""
	a.Privileges, b.Privileges = nil, nil
	a.OwnerRevoked, b.OwnerRevoked = nil, nil
	a.RenamedFrom, b.RenamedFrom = "", ""
	a.DependsOn, b.DependsOn = nil, nil
	return reflect.DeepEqual(a, b)
}

// replaceable reports whether CREATE OR REPLACE can turn old into nw (see
// ProcedureCreate): same kind, same result (the OUT/TABLE parameters
// included), input parameters keep their names, and no default goes away.
func replaceable(old, nw state.Function) bool {
	if old.Procedure != nw.Procedure || old.Window != nw.Window || old.Result != nw.Result {
		return false
	}
	if !reflect.DeepEqual(outputArgs(old), outputArgs(nw)) {
		return false
	}
	if len(old.Args) != len(nw.Args) {
		return false
	}
	defaults := 0
	for i, a := range old.Args {
		n := nw.Args[i]
		if a.Mode != n.Mode || a.Type != n.Type {
			return false
		}
		if a.IsInput() && a.Name != "" && a.Name != n.Name {
			return false
		}
		if a.Default != "" {
			defaults++
		}
		if n.Default != "" {
			defaults--
		}
	}
	return defaults <= 0
}

// outputArgs lists the parameters that make up a routine's result row.
func outputArgs(f state.Function) []state.FunctionArg {
	var out []state.FunctionArg
	for _, a := range f.Args {
		if a.IsOutput() {
			a.Default = ""
			out = append(out, a)
		}
	}
	return out
}

// propagateRebuilds marks the routines whose SQL-standard body calls a
// routine that goes away, transitively: PostgreSQL refuses to drop a
// routine such a body uses.
func (d *differ) propagateRebuilds(pairs []routinePair, dropped []state.Function, rebuild map[routineSig]bool) {
	gone := map[state.QualName]bool{}
	for _, f := range dropped {
		gone[f.QualName()] = true
	}
	for changed := true; changed; {
		changed = false
		for _, p := range pairs {
			if rebuild[sigOf(p.old)] {
				gone[p.old.QualName()] = true
			}
		}
		for _, p := range pairs {
			if rebuild[sigOf(p.old)] || !p.old.SQLBody {
				continue
			}
			for _, k := range p.old.DependsOn {
				if (k.Kind == state.KindFunction || k.Kind == state.KindProcedure) && gone[state.QualName{Schema: k.Schema, Name: k.Name}] {
					rebuild[sigOf(p.old)] = true
					changed = true
					break
				}
			}
		}
	}
}

// bodyReadsChangedRelation reports whether f's SQL-standard body reads a
// relation that is dropped or reshaped in this plan: PostgreSQL records
// those dependencies and refuses the change while the routine exists.
func (d *differ) bodyReadsChangedRelation(f state.Function) bool {
	if !f.SQLBody {
		return false
	}
	for _, k := range f.DependsOn {
		if k.Kind != state.KindTable {
			continue
		}
		q := state.QualName{Schema: k.Schema, Name: k.Name}
		if old, ok := d.from.Table(q); ok {
			nw, kept := d.desiredTable(q)
			if !kept || d.columnsReshaped(old, nw) || d.recreated(tableKey(nw.QualName())) {
				return true
			}
		}
	}
	return false
}

// createRoutinePhase is the phase a desired routine is created in. It is
// only the routine's priority: the step graph (stepgraph.go) puts the
// creation after the types, tables, views and routines its signature and
// SQL-standard body use, and before the domains, defaults, checks,
// indexes, views and policies calling it.
func (d *differ) createRoutinePhase(state.Function) phase { return phaseFunction }

// dropRoutinePhase is the phase a remote routine is dropped in; the step
// graph puts the drop after whatever used it is gone and before the
// relations its SQL-standard body reads are dropped.
func (d *differ) dropRoutinePhase(state.Function) phase { return phaseDropFunction }

// orderRoutines orders routines so that each comes after the routines its
// SQL-standard body calls (or before, for drops). String bodies are not
// checked at creation, so mutually recursive functions need no order.
func orderRoutines(fs []state.Function, forDrop bool) []state.Function {
	byKey := map[state.ObjectKey]state.Function{}
	byName := map[state.QualName][]state.ObjectKey{}
	keys := make([]state.ObjectKey, 0, len(fs))
	for _, f := range fs {
		k := f.Key()
		byKey[k] = f
		keys = append(keys, k)
		byName[f.QualName()] = append(byName[f.QualName()], k)
	}
	deps := map[state.ObjectKey][]state.ObjectKey{}
	for _, f := range fs {
		if !f.SQLBody {
			continue
		}
		for _, k := range f.DependsOn {
			if k.Kind == state.KindFunction {
				deps[f.Key()] = append(deps[f.Key()], byName[state.QualName{Schema: k.Schema, Name: k.Name}]...)
			}
		}
	}
	ordered, err := topoOrder(keys, deps)
	if err != nil {
		// PostgreSQL cannot create such a cycle of SQL-standard bodies;
		// keep the model's order and let the server report it.
		ordered = keys
	}
	out := make([]state.Function, len(ordered))
	for i, k := range ordered {
		out[i] = byKey[k]
	}
	if forDrop {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out
}

// columnsReshaped reports whether a column of the remote table old is
// dropped or changes type or collation in the desired table nw: what
// PostgreSQL refuses under an SQL-standard body that reads the column.
func (d *differ) columnsReshaped(old, nw state.Table) bool {
	for _, c := range old.Columns {
		nc, ok := nw.Column(d.desiredColumnName(nw, c.Name))
		if !ok || nc.Type != c.Type || nc.Collation != c.Collation {
			return true
		}
	}
	return false
}
