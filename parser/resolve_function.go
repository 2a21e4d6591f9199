package parser

import (
	"fmt"
	"sort"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// routineState holds the resolved functions and procedures, in definition
// order, and the definitions of triggers and event triggers, which attach
// to relations once every relation is known (see addRoutines).
type routineState struct {
	funcs []*state.Function
	// bySig finds a routine by schema, name and input types (state.Function
	// InputTypes): what makes an overload distinct.
	bySig map[routineSig]*state.Function
	items []any
}

type routineSig struct {
	schema, name, inputs string
}

// routineRef names routines in COMMENT ON, GRANT and the like:
// name(argtypes), or name alone (args unspecified).
type routineRef struct {
	loc  Location
	name state.QualName
	// kind is KindFunction, KindProcedure or "" for ROUTINE (either).
	kind state.Kind
	// inputs are the formatted input types; with procedures, outs adds the
	// OUT parameters' types in their positions.
	inputs, withOut []string
	unspecified     bool
}

// routineRefOf reads an ObjectWithArgs. kind is "" for ROUTINE.
func (p *fileParser) routineRefOf(o *pg_query.ObjectWithArgs, kind state.Kind, loc Location) (routineRef, bool) {
	ref := routineRef{loc: loc, kind: kind, unspecified: o.ArgsUnspecified}
	name, ok := p.anyName(o.Objname, loc)
	if !ok {
		return ref, false
	}
	ref.name = name
	if o.ArgsUnspecified {
		return ref, true
	}
	if len(o.Objfuncargs) > 0 {
		for _, n := range o.Objfuncargs {
			fp := n.GetFunctionParameter()
			if fp == nil {
				continue
			}
			pd, err := functionParameter(fp)
			if err != nil || pd.typ.pct != nil {
				p.errs.semantic(loc, "%s: unsupported argument type", name)
				return ref, false
			}
			if pd.mode != "out" && pd.mode != "table" {
				ref.inputs = append(ref.inputs, pd.typ.text)
			}
			if pd.mode != "table" {
				ref.withOut = append(ref.withOut, pd.typ.text)
			}
		}
		return ref, true
	}
	for _, n := range o.Objargs {
		ts, err := routineType(n.GetTypeName())
		if err != nil || ts.pct != nil {
			p.errs.semantic(loc, "%s: unsupported argument type", name)
			return ref, false
		}
		ref.inputs = append(ref.inputs, ts.text)
	}
	ref.withOut = ref.inputs
	return ref, true
}

// String renders the reference for messages.
func (ref routineRef) String() string {
	if ref.unspecified {
		return ref.name.String()
	}
	return ref.name.String() + "(" + strings.Join(ref.inputs, ", ") + ")"
}

// findRoutines returns the routines ref names, or an error saying why
// none (or, for a name without arguments, more than one) match.
func (r *resolver) findRoutines(ref routineRef) ([]*state.Function, error) {
	rs := r.routineState()
	kindOK := func(f *state.Function) bool {
		switch ref.kind {
		case state.KindFunction:
			return !f.Procedure
		case state.KindProcedure:
			return f.Procedure
		}
		return true
	}
	what := "function"
	switch ref.kind {
	case state.KindProcedure:
		what = "procedure"
	case "":
		what = "routine"
	}
	if ref.unspecified {
		var out []*state.Function
		for _, f := range rs.funcs {
			if f.Schema == ref.name.Schema && f.Name == ref.name.Name && kindOK(f) {
				out = append(out, f)
			}
		}
		switch len(out) {
		case 0:
			return nil, fmt.Errorf("%s %s is defined nowhere", what, ref)
		case 1:
			return out, nil
		}
		return nil, fmt.Errorf("%s name %s is not unique; give the argument types", what, ref)
	}
	if f := rs.bySig[routineSig{ref.name.Schema, ref.name.Name, strings.Join(ref.inputs, ", ")}]; f != nil && kindOK(f) {
		return []*state.Function{f}, nil
	}
	// A procedure may be named by all its parameters' types, OUT ones
	// included, without modes (PostgreSQL 14+).
	withOut := strings.Join(ref.withOut, ", ")
	for _, f := range rs.funcs {
		if f.Procedure && kindOK(f) && f.Schema == ref.name.Schema && f.Name == ref.name.Name && allArgTypes(*f) == withOut {
			return []*state.Function{f}, nil
		}
	}
	return nil, fmt.Errorf("%s %s is defined nowhere", what, ref)
}

// routinesIn returns the routines of the given kind ("" for both) in the
// given schemas, in a deterministic order.
func (r *resolver) routinesIn(schemas map[string]bool, kind state.Kind) []*state.Function {
	var out []*state.Function
	for _, f := range r.routineState().funcs {
		if !schemas[f.Schema] || kind == state.KindFunction && f.Procedure || kind == state.KindProcedure && !f.Procedure {
			continue
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key().Less(out[j].Key()) })
	return out
}

// allArgTypes lists the types of a routine's parameters but RETURNS TABLE
// columns.
func allArgTypes(f state.Function) string {
	var ts []string
	for _, a := range f.Args {
		if a.Mode != "table" {
			ts = append(ts, a.Type)
		}
	}
	return strings.Join(ts, ", ")
}

func (r *resolver) routineState() *routineState {
	if r.routines == nil {
		r.routines = &routineState{bySig: map[routineSig]*state.Function{}}
	}
	return r.routines
}

// functions is the pass that resolves CREATE FUNCTION / PROCEDURE (their
// %TYPE references need the tables' columns) and COMMENT ON them. It runs
// before privileges, which apply to routines too. Triggers and event
// triggers are kept for addRoutines.
func (r *resolver) functions(items []any) {
	rs := r.routineState()
	for _, it := range items {
		switch d := it.(type) {
		case *routineDef:
			r.defineRoutine(d)
		case *triggerDef, *triggerEnableDef, *eventTriggerDef, *eventTriggerEnableDef, *triggerCommentDef:
			rs.items = append(rs.items, it)
		}
	}
	seen := map[*state.Function]Location{}
	for _, it := range items {
		d, ok := it.(*routineCommentDef)
		if !ok {
			continue
		}
		fs, err := r.findRoutines(d.ref)
		if err != nil {
			r.errs.semantic(d.ref.loc, "COMMENT ON: %v", err)
			continue
		}
		f := fs[0]
		if first, dup := seen[f]; dup {
			r.errs.semantic(d.ref.loc, "second comment on %s (first at %s)", f.Key(), first)
			continue
		}
		seen[f] = d.ref.loc
		f.Comment = d.comment
	}
}

// defineRoutine finishes one function or procedure and records it.
func (r *resolver) defineRoutine(d *routineDef) {
	f := d.fn
	what := "function"
	if f.Procedure {
		what = "procedure"
	}
	fail := func(format string, args ...any) {
		r.errs.semantic(d.loc, "%s %s: %s", what, f.QualName(), fmt.Sprintf(format, args...))
	}
	if r.schemas[f.Schema] == nil {
		fail("schema %s is defined nowhere (add CREATE SCHEMA %s)", f.Schema, quoteIdent(f.Schema))
		return
	}
	var deps []state.ObjectKey
	typeDep := func(ts typeSpec) {
		if ts.name.Name != "" {
			deps = append(deps, state.ObjectKey{Kind: state.KindType, Schema: ts.name.Schema, Name: ts.name.Name})
		}
	}
	for _, pd := range d.params {
		ts, err := r.resolvePctType(pd.typ)
		if err != nil {
			fail("parameter %s: %v", pd.name, err)
			return
		}
		typeDep(ts)
		f.Args = append(f.Args, state.FunctionArg{Mode: pd.mode, Name: pd.name, Type: ts.text, Default: pd.def})
	}
	var ret typeSpec
	if d.ret != nil {
		var err error
		if ret, err = r.resolvePctType(*d.ret); err != nil {
			fail("result: %v", err)
			return
		}
		typeDep(ret)
	}
	f.IdentityArguments = routineArguments(f, false)
	f.Arguments = routineArguments(f, true)
	f.Result = routineResult(f, d.ret != nil, ret)
	// Each dependency once: f(a t, b t), or an OUT parameter whose type is
	// also the result (which renovate's own files spell out as RETURNS),
	// name a type twice.
	f.DependsOn = uniqueKeys(append(deps, d.deps...))
	rs := r.routineState()
	sig := routineSig{f.Schema, f.Name, f.InputTypes()}
	if prev := rs.bySig[sig]; prev != nil {
		if d.replace && prev.Procedure == f.Procedure && r.locs[prev.Key()].File == d.loc.File {
			// CREATE OR REPLACE later in the same file: the last
			// definition wins, as when the file runs. Across files
			// (which have no order) it stays a duplicate.
			*prev = f
			return
		}
		r.errs.add(&DuplicateError{Key: f.Key(), First: r.locs[prev.Key()], Second: d.loc})
		return
	}
	if !r.define(f.Key(), d.loc) {
		return
	}
	fp := &f
	rs.bySig[sig] = fp
	rs.funcs = append(rs.funcs, fp)
}

// resolvePctType resolves a table.column%TYPE reference to the column's
// type, without modifiers.
func (r *resolver) resolvePctType(ts typeSpec) (typeSpec, error) {
	if ts.pct == nil {
		return ts, nil
	}
	q := state.QualName{Schema: "public", Name: ts.pct[0]}
	col := ts.pct[1]
	if len(ts.pct) == 3 {
		q, col = state.QualName{Schema: ts.pct[0], Name: ts.pct[1]}, ts.pct[2]
	}
	te := r.tables[q]
	if te == nil {
		return ts, fmt.Errorf("%%TYPE: table %s is defined nowhere", q)
	}
	c, ok := te.t.Column(col)
	if !ok {
		return ts, fmt.Errorf("%%TYPE: column %s of table %s does not exist", col, q)
	}
	typ := c.Type
	if ts.array {
		typ += "[]"
	}
	tree, err := pg_query.Parse("SELECT NULL::" + typ)
	if err != nil {
		return ts, fmt.Errorf("%%TYPE: %w", err)
	}
	tc := tree.Stmts[0].GetStmt().GetSelectStmt().GetTargetList()[0].GetResTarget().GetVal().GetTypeCast()
	if tc == nil {
		return ts, fmt.Errorf("%%TYPE: cannot read type %s", typ)
	}
	out, err := routineType(tc.TypeName)
	out.setof = ts.setof
	return out, err
}

// routineArguments prints the parameter list as pg_get_function_arguments
// (withDefaults) or pg_get_function_identity_arguments prints it: every
// parameter but RETURNS TABLE columns, with its mode unless IN (procedures
// spell IN out, so DROP PROCEDURE can tell them from OUT).
func routineArguments(f state.Function, withDefaults bool) string {
	var parts []string
	for _, a := range f.Args {
		if a.Mode == "table" {
			continue
		}
		var b strings.Builder
		switch a.Mode {
		case "in":
			if f.Procedure {
				b.WriteString("IN ")
			}
		default:
			b.WriteString(strings.ToUpper(a.Mode) + " ")
		}
		if a.Name != "" {
			b.WriteString(quoteIdent(a.Name) + " ")
		}
		b.WriteString(a.Type)
		if withDefaults && a.Default != "" {
			b.WriteString(" DEFAULT " + a.Default)
		}
		parts = append(parts, b.String())
	}
	return strings.Join(parts, ", ")
}

// routineResult prints the result as pg_get_function_result does: nothing
// for a procedure, TABLE(...) for RETURNS TABLE, otherwise the declared
// type, or the type the OUT parameters imply (the single one's type,
// record for several), with SETOF for set-returning functions.
func routineResult(f state.Function, declared bool, ret typeSpec) string {
	if f.Procedure {
		return ""
	}
	var cols, outs []string
	for _, a := range f.Args {
		switch a.Mode {
		case "table":
			col := a.Type
			if a.Name != "" {
				col = quoteIdent(a.Name) + " " + a.Type
			}
			cols = append(cols, col)
		case "out", "inout":
			outs = append(outs, a.Type)
		}
	}
	if len(cols) > 0 {
		return "TABLE(" + strings.Join(cols, ", ") + ")"
	}
	typ := ret.text
	if !declared {
		typ = "record"
		if len(outs) == 1 {
			typ = outs[0]
		}
	}
	if ret.setof {
		return "SETOF " + typ
	}
	return typ
}

// routineResults returns the resolved routines for the result model.
func (r *resolver) routineResults() []state.Function {
	var out []state.Function
	for _, f := range r.routineState().funcs {
		out = append(out, *f)
	}
	return out
}

// uniqueKeys drops repeated keys, keeping the first of each.
func uniqueKeys(keys []state.ObjectKey) []state.ObjectKey {
	seen := make(map[state.ObjectKey]bool, len(keys))
	out := keys[:0]
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}
