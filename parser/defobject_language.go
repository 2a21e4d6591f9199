package parser

import (
	"fmt"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// This file reads procedural languages made outside an extension (CREATE
// [OR REPLACE] [TRUSTED] [PROCEDURAL] LANGUAGE name HANDLER h [INLINE i]
// [VALIDATOR v]) and transforms (CREATE [OR REPLACE] TRANSFORM FOR type
// LANGUAGE lang (FROM SQL WITH FUNCTION f(internal), TO SQL WITH
// FUNCTION g(internal))), with their comments. Both are definition
// objects (state.KindLanguage, state.KindTransform) printed in one
// canonical form: OR REPLACE and PROCEDURAL left out, function names
// schema-qualified.

// builtinLanguages are the languages every database has (plpgsql comes
// with its extension): a routine written in one of them needs no
// language of the files.
var builtinLanguages = map[string]bool{"sql": true, "c": true, "internal": true, "plpgsql": true}

// createLanguage handles CREATE [OR REPLACE] [TRUSTED] [PROCEDURAL]
// LANGUAGE ... HANDLER. Without HANDLER it is CREATE EXTENSION (the
// grammar says so, as PostgreSQL 13 and later do).
func (p *fileParser) createLanguage(s *pg_query.CreatePLangStmt, loc Location) {
	name := s.Plname
	if len(s.Plhandler) == 0 {
		// The grammar makes CREATE LANGUAGE without HANDLER a CREATE
		// EXTENSION; this is a safeguard.
		p.errs.semantic(loc, "CREATE LANGUAGE %s without HANDLER creates the extension of that name: write CREATE EXTENSION %s", name, quoteIdent(name))
		return
	}
	var r refs
	fn := func(what string, names []*pg_query.Node) (string, error) {
		ns, err := stringList(names)
		if err != nil {
			return "", fmt.Errorf("%s: improper function name", what)
		}
		text, q, err := refName(ns, builtinFuncs)
		if err != nil {
			return "", fmt.Errorf("%s: %w", what, err)
		}
		if q.Schema != "" {
			r.add(state.ObjectKey{Kind: state.KindFunction, Schema: q.Schema, Name: q.Name})
		}
		return text, nil
	}
	var b strings.Builder
	b.WriteString("CREATE ")
	if s.Pltrusted {
		b.WriteString("TRUSTED ")
	}
	b.WriteString("LANGUAGE " + quoteIdent(name))
	for _, part := range []struct {
		word  string
		names []*pg_query.Node
	}{{"HANDLER", s.Plhandler}, {"INLINE", s.Plinline}, {"VALIDATOR", s.Plvalidator}} {
		if len(part.names) == 0 {
			continue
		}
		text, err := fn(strings.ToLower(part.word), part.names)
		if err != nil {
			p.errs.semantic(loc, "language %s: %v", name, err)
			return
		}
		b.WriteString(" " + part.word + " " + text)
	}
	b.WriteString(";")
	o := state.DefObject{Kind: state.KindLanguage, Name: name, Definition: b.String(), Refs: r.keys}
	// acldefault('l', owner): PUBLIC may use a new language. An
	// untrusted one keeps that ACL, which means nothing there (only
	// superusers may use it) and which no GRANT can change.
	o.Privileges = state.PublicDefaults(state.KindLanguage)
	p.add(&defObjectDef{loc: loc, obj: o})
}

// transformName is a transform's Name: "type LANGUAGE lang".
func transformName(typ, lang string) string {
	return typ + " LANGUAGE " + quoteIdent(lang)
}

// createTransform handles CREATE [OR REPLACE] TRANSFORM FOR type LANGUAGE
// lang (FROM SQL WITH FUNCTION f(internal), TO SQL WITH FUNCTION
// g(internal)), either function optional.
func (p *fileParser) createTransform(s *pg_query.CreateTransformStmt, loc Location) {
	var r refs
	typ, err := r.typ(s.TypeName)
	if err != nil {
		p.errs.semantic(loc, "CREATE TRANSFORM: %v", err)
		return
	}
	name := transformName(typ, s.Lang)
	if !builtinLanguages[s.Lang] {
		r.add(state.ObjectKey{Kind: state.KindLanguage, Name: s.Lang})
	}
	var parts []string
	for _, f := range []struct {
		word string
		fn   *pg_query.ObjectWithArgs
	}{{"FROM SQL ", s.Fromsql}, {"TO SQL ", s.Tosql}} {
		if f.fn == nil {
			continue
		}
		text, err := r.castFunction(f.fn)
		if err != nil {
			p.errs.semantic(loc, "transform for %s: %v", name, err)
			return
		}
		parts = append(parts, f.word+text)
	}
	if len(parts) == 0 {
		p.errs.semantic(loc, "transform for %s: needs FROM SQL or TO SQL", name)
		return
	}
	o := state.DefObject{Kind: state.KindTransform, Name: name, Refs: r.keys,
		Definition: "CREATE TRANSFORM FOR " + name + " (" + strings.Join(parts, ", ") + ");"}
	p.add(&defObjectDef{loc: loc, obj: o})
}

// languageCommentKey is the key COMMENT ON LANGUAGE names.
func languageCommentKey(s *pg_query.CommentStmt) (state.ObjectKey, bool) {
	n := s.Object.GetString_().GetSval()
	return state.ObjectKey{Kind: state.KindLanguage, Name: n}, n != ""
}

// transformCommentKey is the key COMMENT ON TRANSFORM FOR type LANGUAGE
// lang names.
func transformCommentKey(s *pg_query.CommentStmt) (state.ObjectKey, error) {
	items := s.Object.GetList().GetItems()
	if len(items) != 2 || items[0].GetTypeName() == nil || items[1].GetString_() == nil {
		return state.ObjectKey{}, fmt.Errorf("improper COMMENT ON TRANSFORM")
	}
	var r refs
	typ, err := r.typ(items[0].GetTypeName())
	if err != nil {
		return state.ObjectKey{}, err
	}
	return state.ObjectKey{Kind: state.KindTransform, Name: transformName(typ, items[1].GetString_().GetSval())}, nil
}

// languageTarget finds the language a GRANT or REVOKE ON LANGUAGE names.
// PostgreSQL refuses both on an untrusted language (only superusers may
// use one), and so do the files.
func (r *resolver) languageTarget(d *grantDef, verb, name string) (privTarget, bool) {
	for i := range r.defs {
		o := &r.defs[i]
		if o.Kind != state.KindLanguage || o.Name != name {
			continue
		}
		if !strings.HasPrefix(o.Definition, "CREATE TRUSTED LANGUAGE ") {
			r.errs.semantic(d.loc, "%s: language %s is not trusted: GRANT and REVOKE are not allowed on untrusted languages, because only superusers can use them", verb, name)
			return privTarget{}, false
		}
		return privTarget{kind: state.KindLanguage, what: "language " + name, privs: &o.Privileges}, true
	}
	if builtinLanguages[name] {
		r.errs.semantic(d.loc, "%s ON LANGUAGE %s: the privileges of a built-in or extension language are not managed", verb, name)
		return privTarget{}, false
	}
	r.errs.semantic(d.loc, "%s: language %s is defined nowhere", verb, name)
	return privTarget{}, false
}
