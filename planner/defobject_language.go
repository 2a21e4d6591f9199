package planner

import (
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// Languages and transforms (state.KindLanguage, state.KindTransform).
//
// Both change in place: CREATE OR REPLACE LANGUAGE sets a language's
// handler, inline and validator functions and its TRUSTED flag, keeping
// its owner, privileges and the routines written in it; CREATE OR
// REPLACE TRANSFORM sets a transform's functions, keeping the routines
// using it. Neither is ever recreated for a definition change, which
// would need every routine written in the language (or using the
// transform) dropped first.
//
// Ordering comes from the step graph: a language is created after its
// handler, inline and validator functions (its Refs) and before the
// routines written in it (routineLanguageRefs); a transform after its
// type, language and functions and before the routines naming it in
// TRANSFORM FOR TYPE. Drops run the other way: the routines written in a
// language go before it, the language before its handler.

// replacedInPlace reports whether old becomes o by CREATE OR REPLACE: a
// language or transform whose definition changed.
func replacedInPlace(old, o state.DefObject) bool {
	return (o.Kind == state.KindLanguage || o.Kind == state.KindTransform) && old.Definition != o.Definition
}

// replaceDefObject plans CREATE OR REPLACE of a language or transform,
// and its comment.
func (d *differ) replaceDefObject(old, o state.DefObject) {
	k := o.Key()
	d.change(k, ActionAlter, sqlgen.DefObjectDefinition(old), sqlgen.DefObjectDefinition(o))
	d.add(phaseDefObject, k, ActionAlter, sqlgen.ReplaceDefObject(o))
	if old.Comment != o.Comment {
		d.add(phaseComment, k, ActionAlter, sqlgen.DefObjectComment(o, o.Comment))
	}
}

// builtinLanguages are the languages a routine can be written in without
// a language of the files: the built-in ones, and plpgsql (its
// extension's).
var builtinLanguages = map[string]bool{"sql": true, "c": true, "internal": true, "plpgsql": true}

// routineLanguageRefs are the nodes of the language a routine is written
// in, when it may be the files' own, and of the transforms it depends on:
// PostgreSQL records a dependency on the transform of every type of the
// routine's signature in its language, whether TRANSFORM FOR TYPE names
// it or not (ProcedureCreate), and those TRANSFORM FOR TYPE names.
func routineLanguageRefs(f state.Function) []depNode {
	var out []depNode
	if !builtinLanguages[f.Language] {
		out = append(out, depNode{string(state.KindLanguage), "", f.Language})
	}
	for _, t := range routineTransformTypes(f) {
		out = append(out, depNode{string(state.KindTransform), "", t + " LANGUAGE " + sqlgen.QuoteIdent(f.Language)})
	}
	return out
}

// routineTransformTypes lists the types whose transforms in f's language
// f depends on: its TRANSFORM FOR TYPE types and the types of its
// signature (parameters of every mode and the result).
func routineTransformTypes(f state.Function) []string {
	seen := map[string]bool{}
	var out []string
	add := func(t string) {
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, t := range f.Transforms {
		add(t)
	}
	for _, a := range f.Args {
		add(a.Type)
	}
	if !strings.HasPrefix(f.Result, "TABLE(") {
		add(strings.TrimPrefix(f.Result, "SETOF "))
	}
	return out
}

// droppedTransforms returns the transforms the plan drops.
func (d *differ) droppedTransforms() map[state.ObjectKey]bool {
	out := map[state.ObjectKey]bool{}
	for _, o := range d.from.Objects {
		if o.Kind == state.KindTransform {
			out[o.Key()] = true
		}
	}
	for _, o := range d.to.Objects {
		delete(out, o.Key())
	}
	return out
}

// usesTransform reports whether routine f depends on one of the
// transforms: PostgreSQL refuses DROP TRANSFORM while such a routine
// exists, and CREATE OR REPLACE FUNCTION keeps the dependency, so the
// routine is dropped and created again around a transform's drop.
func usesTransform(f state.Function, transforms map[state.ObjectKey]bool) bool {
	if len(transforms) == 0 {
		return false
	}
	for _, t := range routineTransformTypes(f) {
		if transforms[state.ObjectKey{Kind: state.KindTransform, Name: t + " LANGUAGE " + sqlgen.QuoteIdent(f.Language)}] {
			return true
		}
	}
	return false
}

// languagePrivileges plans the USAGE grants of the trusted languages. It
// runs after owners (owner.go): a new owner's grants become its own.
func (d *differ) languagePrivileges() {
	for _, o := range d.to.Objects {
		if o.Kind != state.KindLanguage || !sqlgen.LanguageTrusted(o) {
			continue
		}
		old, ok := d.from.DefObject(o.Key())
		d.objectPrivileges(o.Key(), d.existingPrivileges(o.Key(), ok, old.Privileges), o.Privileges)
	}
}
