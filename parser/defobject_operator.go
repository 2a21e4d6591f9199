package parser

import (
	"fmt"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// This file reads CREATE OPERATOR, ALTER OPERATOR ... SET and COMMENT ON
// OPERATOR into definition objects (state.DefObject of KindOperator).
//
// The canonical form:
//
//	CREATE OPERATOR public.=== (
//	    FUNCTION = public.f,
//	    LEFTARG = integer,
//	    RIGHTARG = integer,
//	    COMMUTATOR = OPERATOR(public.===),
//	    NEGATOR = OPERATOR(public.!==),
//	    HASHES,
//	    MERGES
//	);
//
// RESTRICT and JOIN, which ALTER OPERATOR changes in place, are the
// object's settings "restrict" and "join" (sqlgen prints them inside the
// CREATE). An unqualified commutator or negator is in the schema the
// files create objects in (public), as PostgreSQL takes it from the
// creation schema.

// operatorSignature prints an operator's argument types as DROP OPERATOR
// names them: "(integer, integer)", "(NONE, integer)".
func operatorSignature(left, right string) string {
	if left == "" {
		left = "NONE"
	}
	if right == "" {
		right = "NONE"
	}
	return "(" + left + ", " + right + ")"
}

// operatorRefName prints a COMMUTATOR or NEGATOR: OPERATOR(schema.op).
func operatorRefName(arg *pg_query.Node) (string, error) {
	names, err := defNames(arg)
	if err != nil {
		return "", err
	}
	switch len(names) {
	case 1:
		return "OPERATOR(public." + names[0] + ")", nil
	case 2:
		return "OPERATOR(" + quoteIdent(names[0]) + "." + names[1] + ")", nil
	}
	return "", fmt.Errorf("improper operator name")
}

// createOperator handles CREATE OPERATOR name (options).
func (p *fileParser) createOperator(s *pg_query.DefineStmt, name state.QualName, loc Location) error {
	var r refs
	opts := map[string]string{}
	var settings []state.DefSetting
	for _, n := range s.Definition {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		key := strings.ToLower(d.Defname)
		if key == "procedure" {
			key = "function"
		}
		if _, dup := opts[key]; dup {
			return fmt.Errorf("conflicting or redundant options (%s)", key)
		}
		var v string
		var err error
		switch key {
		case "function":
			v, err = r.funcRef(d.Arg)
		case "leftarg", "rightarg":
			tn := d.Arg.GetTypeName()
			if tn == nil {
				return fmt.Errorf("%s: improper type", key)
			}
			v, err = r.typ(tn)
		case "commutator", "negator":
			v, err = operatorRefName(d.Arg)
		case "restrict", "join":
			v, err = r.funcRef(d.Arg)
			if err == nil {
				settings = append(settings, state.DefSetting{Name: key, Value: v})
			}
		case "hashes", "merges":
			b := true
			if d.Arg != nil {
				sv, serr := defString(d.Arg)
				var ok bool
				if b, ok = parseBool(sv); serr != nil || !ok {
					return fmt.Errorf("%s requires a Boolean value", key)
				}
			}
			if !b {
				continue
			}
		case "sort1", "sort2", "ltcmp", "gtcmp":
			return fmt.Errorf("operator attribute %q is obsolete: declare MERGES", d.Defname)
		default:
			return fmt.Errorf("operator attribute %q not recognized", d.Defname)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		opts[key] = v
	}
	if opts["function"] == "" {
		return fmt.Errorf("operator function must be specified")
	}
	if opts["rightarg"] == "" {
		if opts["leftarg"] != "" {
			return fmt.Errorf("operator right argument type must be specified (postfix operators are not supported)")
		}
		return fmt.Errorf("operator argument types must be specified")
	}
	var lines []string
	for _, k := range []string{"function", "leftarg", "rightarg", "commutator", "negator", "hashes", "merges"} {
		v, ok := opts[k]
		switch {
		case !ok:
		case k == "hashes" || k == "merges":
			lines = append(lines, strings.ToUpper(k))
		default:
			lines = append(lines, strings.ToUpper(k)+" = "+v)
		}
	}
	def := "CREATE OPERATOR " + quoteIdent(name.Schema) + "." + name.Name + " (\n    " + strings.Join(lines, ",\n    ") + "\n);"
	o := state.DefObject{Kind: state.KindOperator, Schema: name.Schema, Name: name.Name,
		Signature: operatorSignature(opts["leftarg"], opts["rightarg"]), Definition: def,
		Settings: sortedEstimators(settings), Refs: r.keys}
	p.add(&defObjectDef{loc: loc, obj: o})
	return nil
}

// sortedEstimators puts RESTRICT before JOIN.
func sortedEstimators(ss []state.DefSetting) []state.DefSetting {
	var out []state.DefSetting
	for _, k := range []string{"restrict", "join"} {
		for _, s := range ss {
			if s.Name == k {
				out = append(out, s)
			}
		}
	}
	return out
}

// operatorKey reads the name and argument types of an operator as ALTER
// and COMMENT ON OPERATOR give them (NONE is an empty node).
func (p *fileParser) operatorKey(o *pg_query.ObjectWithArgs, loc Location) (state.ObjectKey, refs, bool) {
	var r refs
	if o == nil {
		p.errs.semantic(loc, "improper operator name")
		return state.ObjectKey{}, r, false
	}
	name, ok := p.anyName(o.Objname, loc)
	if !ok {
		return state.ObjectKey{}, r, false
	}
	if len(o.Objargs) != 2 {
		p.errs.semantic(loc, "operator %s: argument types must be two", name.Name)
		return state.ObjectKey{}, r, false
	}
	var args [2]string
	for i, n := range o.Objargs {
		tn := n.GetTypeName()
		if tn == nil {
			continue
		}
		t, err := r.typ(tn)
		if err != nil {
			p.errs.semantic(loc, "operator %s: %v", name.Name, err)
			return state.ObjectKey{}, r, false
		}
		args[i] = t
	}
	return state.ObjectKey{Kind: state.KindOperator, Schema: name.Schema, Name: name.Name,
		Signature: operatorSignature(args[0], args[1])}, r, true
}

// alterOperator handles ALTER OPERATOR ... SET (RESTRICT = ..., JOIN =
// ...); NONE (or no value) removes an estimator.
func (p *fileParser) alterOperator(s *pg_query.AlterOperatorStmt, loc Location) {
	key, _, ok := p.operatorKey(s.Opername, loc)
	if !ok {
		return
	}
	var r refs
	type change struct {
		name, value string
	}
	var changes []change
	for _, n := range s.Options {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		k := strings.ToLower(d.Defname)
		if k != "restrict" && k != "join" {
			p.errs.add(&UnsupportedError{Loc: loc, Statement: "ALTER OPERATOR ... SET (" + strings.ToUpper(k) + ")",
				Reason: "is not supported in schema files: write it in CREATE OPERATOR"})
			return
		}
		v := ""
		if d.Arg != nil {
			if names, err := defNames(d.Arg); err == nil && len(names) == 1 && strings.EqualFold(names[0], "none") {
				v = ""
			} else if v, err = r.funcRef(d.Arg); err != nil {
				p.errs.semantic(loc, "%s: %s: %v", key, k, err)
				return
			}
		}
		changes = append(changes, change{k, v})
	}
	p.add(&defAlterDef{loc: loc, key: key, apply: func(o *state.DefObject) error {
		for _, k := range r.keys {
			addRef(o, k)
		}
		for _, c := range changes {
			var out []state.DefSetting
			for _, x := range o.Settings {
				if x.Name != c.name {
					out = append(out, x)
				}
			}
			if c.value != "" {
				out = append(out, state.DefSetting{Name: c.name, Value: c.value})
			}
			o.Settings = sortedEstimators(out)
		}
		return nil
	}})
}
