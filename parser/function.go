package parser

import (
	"fmt"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"

	"github.com/renovate-pg/renovate/state"
)

// routineDef is CREATE FUNCTION or CREATE PROCEDURE. Its argument and
// result strings are built in the resolver (resolve_function.go), once
// %TYPE references to table columns can be looked up.
type routineDef struct {
	loc    Location
	fn     state.Function
	params []paramDef
	// ret is the RETURNS clause; nil for procedures and for functions
	// whose result comes from OUT parameters alone.
	ret *typeSpec
	// setReturning is RETURNS SETOF or RETURNS TABLE.
	setReturning bool
	// rowsGiven is an explicit ROWS clause.
	rowsGiven bool
	// bodyGiven is an AS clause (whose string may be empty).
	bodyGiven bool
	// replace is CREATE OR REPLACE: a later one replaces an earlier
	// definition of the same signature, as it does when the file runs.
	replace bool
	// deps are the objects an SQL-standard body uses.
	deps []state.ObjectKey
}

// paramDef is one parameter as written.
type paramDef struct {
	mode string // state.FunctionArg modes
	name string
	typ  typeSpec
	def  string // canonical DEFAULT expression
}

// typeSpec is a parameter or result type: either already formatted, or a
// table.column%TYPE reference to resolve.
type typeSpec struct {
	text  string
	setof bool
	// pct is the column a %TYPE reference names: [table, column] or
	// [schema, table, column].
	pct []string
	// array is %TYPE[]: an array of the column's type.
	array bool
	// name is the type's qualified name, for dependencies; empty for a
	// built-in type.
	name state.QualName
}

// listQuoteSettings are the settings whose values are lists of
// identifiers (GUC_LIST_QUOTE): PostgreSQL stores each element of a SET
// clause quoted as an identifier where needed.
var listQuoteSettings = map[string]bool{
	"search_path": true, "temp_tablespaces": true, "session_preload_libraries": true,
	"shared_preload_libraries": true, "local_preload_libraries": true,
}

// settingNames are the settings whose canonical names are not lower case;
// PostgreSQL stores a function's SET clause under the canonical name.
var settingNames = map[string]string{
	"datestyle": "DateStyle", "intervalstyle": "IntervalStyle", "timezone": "TimeZone",
}

// createFunction handles CREATE [OR REPLACE] FUNCTION and PROCEDURE.
func (p *fileParser) createFunction(s *pg_query.CreateFunctionStmt, loc Location) {
	what := "function"
	if s.IsProcedure {
		what = "procedure"
	}
	name, ok := p.anyName(s.Funcname, loc)
	if !ok {
		return
	}
	d := &routineDef{loc: loc, fn: state.Function{Schema: name.Schema, Name: name.Name, Procedure: s.IsProcedure,
		RenamedFrom: p.renamedFrom(loc)}, replace: s.Replace}
	fail := func(format string, args ...any) {
		p.errs.semantic(loc, "%s %s: %s", what, name, fmt.Sprintf(format, args...))
	}
	hasDefault := false
	for _, n := range s.Parameters {
		fp := n.GetFunctionParameter()
		if fp == nil {
			fail("invalid parameter")
			return
		}
		pd, err := functionParameter(fp)
		if err != nil {
			fail("%v", err)
			return
		}
		if s.IsProcedure && pd.mode == "table" {
			fail("procedures cannot have TABLE parameters")
			return
		}
		if pd.def != "" {
			if pd.mode != "in" && pd.mode != "inout" && pd.mode != "variadic" {
				fail("only input parameters can have default values")
				return
			}
			hasDefault = true
		} else if hasDefault && (pd.mode == "in" || pd.mode == "inout") {
			fail("input parameters after one with a default value must also have defaults")
			return
		}
		d.params = append(d.params, pd)
	}
	if s.ReturnType != nil {
		if s.IsProcedure {
			fail("procedures cannot have a RETURNS clause")
			return
		}
		ts, err := routineType(s.ReturnType)
		if err != nil {
			fail("%v", err)
			return
		}
		d.ret = &ts
		d.setReturning = ts.setof
	} else if !s.IsProcedure && !hasOutput(d.params) {
		fail("function result type must be specified")
		return
	}
	for _, pd := range d.params {
		if pd.mode == "table" {
			d.setReturning = true
		}
	}
	if !p.routineOptions(s, d, fail) {
		return
	}
	if s.SqlBody != nil {
		if d.bodyGiven {
			fail("duplicate function body specified")
			return
		}
		if d.fn.Language != "sql" {
			fail("inline SQL function body only valid for language SQL")
			return
		}
		body, deps, err := canonicalSQLBody(s.SqlBody)
		if err != nil {
			fail("%v", err)
			return
		}
		d.fn.Body, d.fn.SQLBody, d.deps = body, true, deps
	} else if !d.bodyGiven {
		fail("no function body specified")
		return
	}
	p.add(d)
}

// hasOutput reports whether any parameter is part of the result.
func hasOutput(params []paramDef) bool {
	for _, pd := range params {
		if pd.mode == "out" || pd.mode == "inout" || pd.mode == "table" {
			return true
		}
	}
	return false
}

// functionParameter reads one parameter.
func functionParameter(fp *pg_query.FunctionParameter) (paramDef, error) {
	var pd paramDef
	switch fp.Mode {
	case pg_query.FunctionParameterMode_FUNC_PARAM_IN, pg_query.FunctionParameterMode_FUNC_PARAM_DEFAULT:
		pd.mode = "in"
	case pg_query.FunctionParameterMode_FUNC_PARAM_OUT:
		pd.mode = "out"
	case pg_query.FunctionParameterMode_FUNC_PARAM_INOUT:
		pd.mode = "inout"
	case pg_query.FunctionParameterMode_FUNC_PARAM_VARIADIC:
		pd.mode = "variadic"
	case pg_query.FunctionParameterMode_FUNC_PARAM_TABLE:
		pd.mode = "table"
	default:
		return pd, fmt.Errorf("unknown parameter mode %s", fp.Mode)
	}
	pd.name = fp.Name
	ts, err := routineType(fp.ArgType)
	if err != nil {
		return pd, err
	}
	if ts.setof {
		return pd, fmt.Errorf("parameter %s: SETOF is only valid in RETURNS", fp.Name)
	}
	pd.typ = ts
	if fp.Defexpr != nil {
		def, err := canonicalExpr(fp.Defexpr)
		if err != nil {
			return pd, fmt.Errorf("default of parameter %s: %w", fp.Name, err)
		}
		pd.def = def
	}
	return pd, nil
}

// routineType formats a parameter or result type the way
// pg_get_function_arguments and pg_get_function_result print it:
// format_type without modifiers, which PostgreSQL does not keep for
// routine signatures (varchar(10) is character varying, char(3) is
// character).
func routineType(tn *pg_query.TypeName) (typeSpec, error) {
	if tn == nil {
		return typeSpec{}, fmt.Errorf("missing type")
	}
	c := proto.Clone(tn).(*pg_query.TypeName)
	ts := typeSpec{setof: c.Setof}
	c.Setof = false
	if c.PctType {
		names, err := stringList(c.Names)
		if err != nil || len(names) < 2 || len(names) > 3 {
			return ts, fmt.Errorf("improper %%TYPE reference (too many or too few dotted names)")
		}
		ts.pct, ts.array = names, len(c.ArrayBounds) > 0
		return ts, nil
	}
	c.Typmods = nil
	r, err := resolveTypeName(c)
	if err != nil {
		return ts, err
	}
	ts.text, err = argTypeText(r)
	if r.schema != "" {
		ts.name = state.QualName{Schema: r.schema, Name: r.name}
	}
	return ts, err
}

// argTypeText renders a resolved type without modifiers, as format_type
// does when given no type modifier.
func argTypeText(r typeRef) (string, error) {
	r.typmods, r.mods = nil, nil
	var base string
	switch {
	case r.schema == "" && r.name == "bpchar":
		base = "character"
	case r.schema == "" && r.name == "bit":
		base = "bit"
	default:
		b, err := r.base()
		if err != nil {
			return "", err
		}
		base = b
	}
	if r.array {
		base += "[]"
	}
	return base, nil
}

// routineOptions reads the options of CREATE FUNCTION / PROCEDURE into d,
// filling PostgreSQL's defaults for those not given.
func (p *fileParser) routineOptions(s *pg_query.CreateFunctionStmt, d *routineDef, fail func(string, ...any)) bool {
	f := &d.fn
	f.Volatility, f.Parallel = "volatile", "unsafe"
	seen := map[string]bool{}
	var cost *float64
	for _, n := range s.Options {
		de := n.GetDefElem()
		if de == nil {
			continue
		}
		if de.Defname != "set" && seen[de.Defname] {
			fail("conflicting or redundant options (%s)", upperWords(de.Defname))
			return false
		}
		seen[de.Defname] = true
		if s.IsProcedure {
			switch de.Defname {
			case "as", "language", "security", "set", "transform":
			default:
				fail("invalid attribute in procedure definition (%s)", upperWords(de.Defname))
				return false
			}
		}
		switch de.Defname {
		case "as":
			parts, err := stringList(de.Arg.GetList().GetItems())
			if err != nil || len(parts) == 0 || len(parts) > 2 {
				fail("invalid AS clause")
				return false
			}
			if len(parts) == 2 {
				f.ObjectFile, f.Body = parts[0], parts[1]
			} else {
				f.Body = parts[0]
			}
			d.bodyGiven = true
		case "language":
			// The built-in languages in any case (LANGUAGE 'SQL' is
			// old spelling); a language of the files' own, possibly a
			// quoted name, as written.
			f.Language = de.Arg.GetString_().GetSval()
			if l := strings.ToLower(f.Language); builtinLanguages[l] {
				f.Language = l
			}
		case "volatility":
			f.Volatility = de.Arg.GetString_().GetSval()
		case "strict":
			f.Strict = de.Arg.GetBoolean().GetBoolval()
		case "security":
			f.SecurityDefiner = de.Arg.GetBoolean().GetBoolval()
		case "leakproof":
			f.Leakproof = de.Arg.GetBoolean().GetBoolval()
		case "window":
			f.Window = de.Arg.GetBoolean().GetBoolval()
		case "parallel":
			v := strings.ToLower(de.Arg.GetString_().GetSval())
			if v != "safe" && v != "restricted" && v != "unsafe" {
				fail("parameter \"parallel\" must be SAFE, RESTRICTED, or UNSAFE")
				return false
			}
			f.Parallel = v
		case "cost", "rows":
			v, ok := numericArg(de.Arg)
			if !ok || v <= 0 {
				fail("%s must be positive", strings.ToUpper(de.Defname))
				return false
			}
			if de.Defname == "cost" {
				cost = &v
			} else {
				f.Rows, d.rowsGiven = v, true
			}
		case "transform":
			f.Transforms = nil
			for _, n := range de.Arg.GetList().GetItems() {
				ts, err := routineType(n.GetTypeName())
				if err != nil || ts.pct != nil || ts.setof {
					fail("TRANSFORM FOR TYPE: improper type")
					return false
				}
				f.Transforms = append(f.Transforms, ts.text)
			}
		case "set":
			vs := de.Arg.GetVariableSetStmt()
			if vs == nil {
				fail("invalid SET clause")
				return false
			}
			entry, ok := p.routineSetting(vs, fail)
			if !ok {
				return false
			}
			f.Config = setConfig(f.Config, entry)
		default:
			fail("%s is not supported in schema files", upperWords(de.Defname))
			return false
		}
	}
	if f.Language == "" {
		if s.SqlBody == nil {
			fail("no language specified")
			return false
		}
		f.Language = "sql"
	}
	if cost != nil {
		f.Cost = *cost
	} else if f.Language == "c" || f.Language == "internal" {
		f.Cost = 1
	} else {
		f.Cost = 100
	}
	switch {
	case d.rowsGiven && !d.setReturning:
		fail("ROWS is not applicable when function does not return a set")
		return false
	case !d.rowsGiven && d.setReturning:
		f.Rows = 1000
	}
	if f.Language == "c" && f.ObjectFile == "" && f.Body != "" {
		// AS 'file' alone: the link symbol is the function's name.
		f.ObjectFile, f.Body = f.Body, f.Name
	}
	return true
}

// setConfig adds or replaces name=value in a proconfig list, as
// GUCArrayAdd does; an entry without "=" (SET x TO DEFAULT) removes the
// setting.
func setConfig(config []string, entry string) []string {
	name, _, hasValue := strings.Cut(entry, "=")
	out := config[:0:0]
	replaced := false
	for _, c := range config {
		if n, _, _ := strings.Cut(c, "="); n == name {
			if hasValue && !replaced {
				out = append(out, entry)
				replaced = true
			}
			continue
		}
		out = append(out, c)
	}
	if hasValue && !replaced {
		out = append(out, entry)
	}
	return out
}

// routineSetting renders a SET clause as proconfig stores it:
// "name=value", the value flattened as flatten_set_variable_args does.
func (p *fileParser) routineSetting(vs *pg_query.VariableSetStmt, fail func(string, ...any)) (string, bool) {
	name := strings.ToLower(vs.Name)
	if canon, ok := settingNames[name]; ok {
		name = canon
	}
	switch vs.Kind {
	case pg_query.VariableSetKind_VAR_SET_DEFAULT, pg_query.VariableSetKind_VAR_RESET:
		return name, true
	case pg_query.VariableSetKind_VAR_SET_VALUE:
	default:
		fail("SET %s FROM CURRENT is not supported in schema files: its value depends on the session that runs it; give the value", vs.Name)
		return "", false
	}
	var parts []string
	for _, a := range vs.Args {
		c := a.GetAConst()
		if c == nil {
			fail("SET %s: only constant values are supported", vs.Name)
			return "", false
		}
		switch v := c.Val.(type) {
		case *pg_query.A_Const_Ival:
			parts = append(parts, strconv.Itoa(int(v.Ival.Ival)))
		case *pg_query.A_Const_Fval:
			parts = append(parts, v.Fval.Fval)
		case *pg_query.A_Const_Sval:
			if listQuoteSettings[name] {
				parts = append(parts, quoteIdent(v.Sval.Sval))
			} else {
				parts = append(parts, v.Sval.Sval)
			}
		case *pg_query.A_Const_Boolval:
			parts = append(parts, strconv.FormatBool(v.Boolval.Boolval))
		default:
			fail("SET %s: unsupported value", vs.Name)
			return "", false
		}
	}
	return name + "=" + strings.Join(parts, ", "), true
}

// numericArg reads a COST or ROWS value.
func numericArg(n *pg_query.Node) (float64, bool) {
	switch v := n.GetNode().(type) {
	case *pg_query.Node_Integer:
		return float64(v.Integer.Ival), true
	case *pg_query.Node_Float:
		f, err := strconv.ParseFloat(v.Float.Fval, 64)
		return f, err == nil
	}
	return 0, false
}

// canonicalSQLBody returns the canonical text of an SQL-standard body
// (RETURN expr, or BEGIN ATOMIC ... END) and the relations and functions
// it names. Names are canonicalized as in expressions; PostgreSQL's own
// printing (pg_get_function_sqlbody) qualifies more, which the server tier
// reconciles.
func canonicalSQLBody(body *pg_query.Node) (string, []state.ObjectKey, error) {
	c := proto.Clone(body).(*pg_query.Node)
	canonicalizeNames(c)
	deps := sqlBodyDependencies(c)
	const head = "CREATE PROCEDURE x() LANGUAGE sql "
	stmt := &pg_query.CreateFunctionStmt{
		IsProcedure: true,
		Funcname:    stringNodes("x"),
		Options: []*pg_query.Node{{Node: &pg_query.Node_DefElem{DefElem: &pg_query.DefElem{
			Defname: "language", Arg: pg_query.MakeStrNode("sql"), Defaction: pg_query.DefElemAction_DEFELEM_UNSPEC}}}},
		SqlBody: c,
	}
	out, err := deparseStmt(&pg_query.Node{Node: &pg_query.Node_CreateFunctionStmt{CreateFunctionStmt: stmt}})
	if err != nil {
		return "", nil, fmt.Errorf("deparsing the function body: %w", err)
	}
	text, ok := strings.CutPrefix(out, head)
	if !ok {
		return "", nil, fmt.Errorf("deparsing the function body: unexpected output %q", out)
	}
	return text, deps, nil
}

// sqlBodyDependencies lists the relations (as table keys, unqualified
// meaning public), functions (without signature) and types that are not
// built in an SQL body names.
func sqlBodyDependencies(n *pg_query.Node) []state.ObjectKey {
	var deps []state.ObjectKey
	seen := map[state.ObjectKey]bool{}
	addKey := func(k state.ObjectKey) {
		if !seen[k] {
			seen[k] = true
			deps = append(deps, k)
		}
	}
	walkMessages(n.ProtoReflect(), func(m proto.Message) {
		switch x := m.(type) {
		case *pg_query.RangeVar:
			schema := x.Schemaname
			if schema == "" {
				schema = "public"
			}
			addKey(state.ObjectKey{Kind: state.KindTable, Schema: schema, Name: x.Relname})
		case *pg_query.FuncCall:
			names, err := stringList(x.Funcname)
			if err == nil && len(names) == 2 && names[0] != "pg_catalog" {
				addKey(state.ObjectKey{Kind: state.KindFunction, Schema: names[0], Name: names[1]})
			}
		case *pg_query.TypeName:
			// Canonical type names are qualified unless built in.
			names, err := stringList(x.Names)
			if err == nil && len(names) == 2 && names[0] != "pg_catalog" {
				addKey(state.ObjectKey{Kind: state.KindType, Schema: names[0], Name: names[1]})
			}
		case *pg_query.A_Expr:
			// OPERATOR(schema.op): an operator of the database's own.
			if k, ok := operatorUse(x); ok {
				addKey(k)
			}
		case *pg_query.TypeCast:
			if k, ok := regConstantUse(x); ok {
				addKey(k)
			}
		}
	})
	return deps
}

// regConstantKinds are the object identifier types whose constants name
// an object of the database's own by text ('public.english'::regconfig),
// with the kind of object they name.
var regConstantKinds = map[string]state.Kind{
	"regconfig":     state.KindTSConfiguration,
	"regdictionary": state.KindTSDictionary,
}

// regConstantUse returns the object a constant of an object identifier
// type names, qualified as the server prints it ('public.cfg'::regconfig),
// if it is not pg_catalog's.
func regConstantUse(tc *pg_query.TypeCast) (state.ObjectKey, bool) {
	if tc.TypeName == nil || len(tc.TypeName.ArrayBounds) > 0 || tc.Arg == nil {
		return state.ObjectKey{}, false
	}
	names, err := stringList(tc.TypeName.Names)
	if err != nil || len(names) == 0 || len(names) == 2 && names[0] != "pg_catalog" || len(names) > 2 {
		return state.ObjectKey{}, false
	}
	kind, ok := regConstantKinds[names[len(names)-1]]
	if !ok {
		return state.ObjectKey{}, false
	}
	c, ok := tc.Arg.Node.(*pg_query.Node_AConst)
	if !ok {
		return state.ObjectKey{}, false
	}
	sv, ok := c.AConst.Val.(*pg_query.A_Const_Sval)
	if !ok {
		return state.ObjectKey{}, false
	}
	parts, ok := splitQualifiedName(sv.Sval.Sval)
	if !ok || len(parts) != 2 || parts[0] == "pg_catalog" {
		return state.ObjectKey{}, false
	}
	return state.ObjectKey{Kind: kind, Schema: parts[0], Name: parts[1]}, true
}

// operatorUse returns the operator a schema-qualified OPERATOR(schema.op)
// expression uses (no signature: overloads are one dependency node), if
// it is not pg_catalog's.
func operatorUse(x *pg_query.A_Expr) (state.ObjectKey, bool) {
	names, err := stringList(x.Name)
	if err != nil || len(names) != 2 || names[0] == "pg_catalog" {
		return state.ObjectKey{}, false
	}
	return state.ObjectKey{Kind: state.KindOperator, Schema: names[0], Name: names[1]}, true
}
