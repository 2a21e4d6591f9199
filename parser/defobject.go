package parser

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// This file reads the definition objects (state.DefObject): CREATE
// AGGREGATE, CREATE CAST, CREATE STATISTICS and the text search objects,
// with the ALTER and COMMENT statements that complete them. Each is
// printed in one canonical form, whatever the spelling of the file or of
// the catalog: option names upper-case in a fixed order, defaults left
// out, types as format_type prints them, names schema-qualified (built-in
// functions, dictionaries, parsers and templates of pg_catalog unqualified).

// defObjectDef is one definition object as a file declares it.
type defObjectDef struct {
	loc Location
	obj state.DefObject
	// copyFrom is the configuration a CREATE TEXT SEARCH CONFIGURATION
	// (COPY = ...) copies, resolved once every configuration is known.
	copyFrom *state.QualName
	// statTable and statColumns are a statistics object's table and
	// plain columns, sorted into the table's column order on resolve
	// (the server keeps them by column number); statExprs are its
	// expressions, statKinds its kinds as written.
	statTable   state.QualName
	statColumns []string
	statExprs   []string
	statKinds   []string
	// implicitFamily marks a CREATE OPERATOR CLASS without FAMILY: the
	// family of the class's name is created with it unless declared.
	implicitFamily bool
}

// defAlterDef is a statement changing a declared definition object:
// ALTER TEXT SEARCH CONFIGURATION ... mappings, ALTER TEXT SEARCH
// DICTIONARY (options), ALTER STATISTICS ... SET STATISTICS.
type defAlterDef struct {
	loc   Location
	key   state.ObjectKey
	apply func(o *state.DefObject) error
}

// defCommentDef is COMMENT ON a definition object. argTypes, for an
// aggregate, are its argument types (COMMENT ON AGGREGATE does not say
// which are ordered).
type defCommentDef struct {
	loc      Location
	key      state.ObjectKey
	argTypes []string
	comment  string
}

// isDefineStmtObject reports whether a DefineStmt declares a definition
// object.
func isDefineStmtObject(k pg_query.ObjectType) bool {
	switch k {
	case pg_query.ObjectType_OBJECT_AGGREGATE, pg_query.ObjectType_OBJECT_TSCONFIGURATION,
		pg_query.ObjectType_OBJECT_TSDICTIONARY, pg_query.ObjectType_OBJECT_TSPARSER,
		pg_query.ObjectType_OBJECT_TSTEMPLATE, pg_query.ObjectType_OBJECT_OPERATOR:
		return true
	}
	return false
}

// defineObject handles the DefineStmt kinds of definition objects.
func (p *fileParser) defineObject(s *pg_query.DefineStmt, loc Location) {
	name, ok := p.anyName(s.Defnames, loc)
	if !ok {
		return
	}
	var err error
	switch s.Kind {
	case pg_query.ObjectType_OBJECT_AGGREGATE:
		err = p.createAggregate(s, name, loc)
	case pg_query.ObjectType_OBJECT_OPERATOR:
		err = p.createOperator(s, name, loc)
	case pg_query.ObjectType_OBJECT_TSCONFIGURATION:
		err = p.createTSConfiguration(s, name, loc)
	case pg_query.ObjectType_OBJECT_TSDICTIONARY:
		err = p.createTSDictionary(s, name, loc)
	case pg_query.ObjectType_OBJECT_TSPARSER:
		err = p.createTSFunctions(s, name, loc, state.KindTSParser, "PARSER",
			[]string{"start", "gettoken", "end", "lextypes"}, []string{"headline"})
	case pg_query.ObjectType_OBJECT_TSTEMPLATE:
		err = p.createTSFunctions(s, name, loc, state.KindTSTemplate, "TEMPLATE",
			[]string{"lexize"}, []string{"init"})
	}
	if err != nil {
		p.errs.semantic(loc, "%s: %v", name, err)
	}
}

// refs collects the objects a definition names.
type refs struct{ keys []state.ObjectKey }

func (r *refs) add(k state.ObjectKey) {
	for _, x := range r.keys {
		if x == k {
			return
		}
	}
	r.keys = append(r.keys, k)
}

// typ formats a type as routine signatures print it and records a
// reference to a user type.
func (r *refs) typ(tn *pg_query.TypeName) (string, error) {
	ts, err := routineType(tn)
	if err != nil {
		return "", err
	}
	if ts.pct != nil {
		return "", fmt.Errorf("%%TYPE is not allowed here")
	}
	if ts.name.Schema != "" {
		r.add(state.ObjectKey{Kind: state.KindType, Schema: ts.name.Schema, Name: ts.name.Name})
	}
	return ts.text, nil
}

// refName prints a reference to an object of a kind pg_catalog has
// built-in members of: a name of builtin in pg_catalog, written
// unqualified or qualified with pg_catalog, prints unqualified; any other
// unqualified name is in public. The returned name is empty for built-in
// objects.
func refName(names []string, builtin map[string]bool) (string, state.QualName, error) {
	switch len(names) {
	case 1:
		if builtin[names[0]] {
			return quoteIdent(names[0]), state.QualName{}, nil
		}
		q := state.QualName{Schema: "public", Name: names[0]}
		return quoteQualified(q.Schema, q.Name), q, nil
	case 2:
		if names[0] == "pg_catalog" {
			if builtin[names[1]] {
				return quoteIdent(names[1]), state.QualName{}, nil
			}
			return quoteQualified(names[0], names[1]), state.QualName{}, nil
		}
		q := state.QualName{Schema: names[0], Name: names[1]}
		return quoteQualified(q.Schema, q.Name), q, nil
	}
	return "", state.QualName{}, fmt.Errorf("improper qualified name: %s", strings.Join(names, "."))
}

// defNames returns the name list of an option's value: a TypeName (how
// the grammar reads func_type), a List of names or a String.
func defNames(arg *pg_query.Node) ([]string, error) {
	if arg == nil {
		return nil, fmt.Errorf("missing value")
	}
	switch v := arg.Node.(type) {
	case *pg_query.Node_TypeName:
		if len(v.TypeName.ArrayBounds) > 0 || len(v.TypeName.Typmods) > 0 {
			return nil, fmt.Errorf("improper name")
		}
		return stringList(v.TypeName.Names)
	case *pg_query.Node_List:
		return stringList(v.List.Items)
	case *pg_query.Node_String_:
		return []string{v.String_.Sval}, nil
	}
	return nil, fmt.Errorf("improper name")
}

// funcRef prints an option naming a function.
func (r *refs) funcRef(arg *pg_query.Node) (string, error) {
	names, err := defNames(arg)
	if err != nil {
		return "", err
	}
	text, q, err := refName(names, builtinFuncs)
	if err != nil {
		return "", err
	}
	if q.Schema != "" {
		r.add(state.ObjectKey{Kind: state.KindFunction, Schema: q.Schema, Name: q.Name})
	}
	return text, nil
}

// operatorRef prints an option naming an operator (SORTOP): unqualified
// operators are pg_catalog's.
func operatorRef(arg *pg_query.Node) (string, error) {
	names, err := defNames(arg)
	if err != nil {
		return "", err
	}
	switch {
	case len(names) == 1:
		return names[0], nil
	case len(names) == 2 && names[0] == "pg_catalog":
		return names[1], nil
	case len(names) == 2:
		return "OPERATOR(" + quoteIdent(names[0]) + "." + names[1] + ")", nil
	}
	return "", fmt.Errorf("improper operator name")
}

// defString returns an option's value as a string (identifiers, keywords,
// strings and numbers alike).
func defString(arg *pg_query.Node) (string, error) {
	if arg == nil {
		return "", fmt.Errorf("missing value")
	}
	return relOptionValue(arg)
}

// aggregate option names in the order the canonical form prints them.
var aggregateOptions = []string{
	"sfunc", "stype", "sspace", "finalfunc", "finalfunc_extra", "finalfunc_modify",
	"combinefunc", "serialfunc", "deserialfunc", "initcond",
	"msfunc", "minvfunc", "mstype", "msspace", "mfinalfunc", "mfinalfunc_extra", "mfinalfunc_modify", "minitcond",
	"sortop", "parallel", "hypothetical",
}

// createAggregate handles CREATE [OR REPLACE] AGGREGATE name (args)
// (options), and the old form CREATE AGGREGATE name (BASETYPE = t, ...).
func (p *fileParser) createAggregate(s *pg_query.DefineStmt, name state.QualName, loc Location) error {
	var r refs
	var args, sig []string
	ordered := false
	if s.Oldstyle {
		for _, n := range s.Definition {
			d := n.GetDefElem()
			if d == nil || strings.ToLower(d.Defname) != "basetype" {
				continue
			}
			tn := d.Arg.GetTypeName()
			if tn == nil {
				return fmt.Errorf("basetype: improper type")
			}
			if names, _ := stringList(tn.Names); len(names) == 1 && strings.EqualFold(names[0], "any") {
				args, sig = []string{"*"}, []string{"*"}
				break
			}
			t, err := r.typ(tn)
			if err != nil {
				return fmt.Errorf("basetype: %w", err)
			}
			args, sig = []string{t}, []string{t}
		}
		if args == nil {
			return fmt.Errorf("aggregate input type must be specified")
		}
	} else {
		if len(s.Args) != 2 {
			return fmt.Errorf("improper argument list")
		}
		direct := int(s.Args[1].GetInteger().GetIval())
		items := s.Args[0].GetList().GetItems()
		if len(items) == 0 && direct == -1 {
			args, sig = []string{"*"}, []string{"*"}
		}
		var argText, sigText []string
		for _, n := range items {
			fp := n.GetFunctionParameter()
			if fp == nil {
				return fmt.Errorf("improper argument list")
			}
			pd, err := functionParameter(fp)
			if err != nil {
				return err
			}
			if pd.typ.pct != nil {
				return fmt.Errorf("%%TYPE is not supported in aggregate arguments")
			}
			if pd.typ.name.Schema != "" {
				r.add(state.ObjectKey{Kind: state.KindType, Schema: pd.typ.name.Schema, Name: pd.typ.name.Name})
			}
			a, sg := pd.typ.text, pd.typ.text
			if pd.name != "" {
				a = quoteIdent(pd.name) + " " + a
			}
			switch pd.mode {
			case "variadic":
				a, sg = "VARIADIC "+a, "VARIADIC "+sg
			case "in":
			default:
				return fmt.Errorf("aggregates cannot have %s arguments", strings.ToUpper(pd.mode))
			}
			argText = append(argText, a)
			sigText = append(sigText, sg)
		}
		if direct >= 0 {
			ordered = true
			if direct > len(argText) {
				return fmt.Errorf("improper argument list")
			}
			orderedArgs, orderedSig := argText[direct:], sigText[direct:]
			if direct == len(argText) && direct > 0 && strings.HasPrefix(sigText[direct-1], "VARIADIC ") {
				// (..., VARIADIC t ORDER BY VARIADIC t): the grammar
				// folds the repeated variadic argument into one.
				orderedArgs, orderedSig = argText[direct-1:], sigText[direct-1:]
			}
			args = []string{joinOrdered(argText[:direct], orderedArgs)}
			sig = []string{joinOrdered(sigText[:direct], orderedSig)}
		} else if args == nil {
			args, sig = argText, sigText
		}
	}
	opts := map[string]string{}
	for _, n := range s.Definition {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		key := strings.ToLower(d.Defname)
		if _, dup := opts[key]; dup {
			return fmt.Errorf("conflicting or redundant options (%s)", key)
		}
		var v string
		var err error
		switch key {
		case "basetype":
			if !s.Oldstyle {
				return fmt.Errorf("aggregate attribute %q not recognized", d.Defname)
			}
			continue
		case "sfunc", "sfunc1", "finalfunc", "combinefunc", "serialfunc", "deserialfunc", "msfunc", "minvfunc", "mfinalfunc":
			v, err = r.funcRef(d.Arg)
			if key == "sfunc1" {
				key = "sfunc"
			}
		case "stype", "stype1", "mstype":
			tn := d.Arg.GetTypeName()
			if tn == nil {
				return fmt.Errorf("%s: improper type", key)
			}
			v, err = r.typ(tn)
			if key == "stype1" {
				key = "stype"
			}
		case "sspace", "msspace":
			v, err = defString(d.Arg)
			if err == nil {
				if _, perr := strconv.Atoi(v); perr != nil {
					err = fmt.Errorf("%s requires an integer value", key)
				}
			}
			if v == "0" {
				continue
			}
		case "initcond", "initcond1", "minitcond":
			v, err = defString(d.Arg)
			v = quoteLiteral(v)
			if key == "initcond1" {
				key = "initcond"
			}
		case "finalfunc_extra", "mfinalfunc_extra", "hypothetical":
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
			v = ""
		case "finalfunc_modify", "mfinalfunc_modify":
			v, err = defString(d.Arg)
			v = strings.ToUpper(v)
			switch v {
			case "READ_ONLY", "SHAREABLE", "READ_WRITE":
			default:
				return fmt.Errorf("parameter %q must be READ_ONLY, SHAREABLE, or READ_WRITE", key)
			}
		case "sortop":
			v, err = operatorRef(d.Arg)
		case "parallel":
			v, err = defString(d.Arg)
			v = strings.ToUpper(v)
			switch v {
			case "SAFE", "RESTRICTED", "UNSAFE":
			default:
				return fmt.Errorf("parameter \"parallel\" must be SAFE, RESTRICTED, or UNSAFE")
			}
			if v == "UNSAFE" {
				continue
			}
		default:
			return fmt.Errorf("aggregate attribute %q not recognized", d.Defname)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		opts[key] = v
	}
	if opts["sfunc"] == "" || opts["stype"] == "" {
		return fmt.Errorf("aggregate sfunc and stype must be specified")
	}
	// FINALFUNC_MODIFY defaults to READ_ONLY, or READ_WRITE for ordered-set
	// aggregates; MFINALFUNC_MODIFY to READ_ONLY.
	defModify := "READ_ONLY"
	if ordered {
		defModify = "READ_WRITE"
	}
	if opts["finalfunc_modify"] == defModify {
		delete(opts, "finalfunc_modify")
	}
	if opts["mfinalfunc_modify"] == defModify {
		delete(opts, "mfinalfunc_modify")
	}
	var b strings.Builder
	b.WriteString("CREATE AGGREGATE ")
	b.WriteString(quoteQualified(name.Schema, name.Name))
	b.WriteString("(" + strings.Join(args, ", ") + ") (\n")
	first := true
	for _, k := range aggregateOptions {
		v, ok := opts[k]
		if !ok {
			continue
		}
		if !first {
			b.WriteString(",\n")
		}
		first = false
		b.WriteString("    " + strings.ToUpper(k))
		if v != "" {
			b.WriteString(" = " + v)
		}
	}
	b.WriteString("\n);")
	o := state.DefObject{Kind: state.KindAggregate, Schema: name.Schema, Name: name.Name,
		Signature: "(" + strings.Join(sig, ", ") + ")", Definition: b.String(), Refs: r.keys,
		Privileges: state.PublicDefaults(state.KindAggregate)}
	p.add(&defObjectDef{loc: loc, obj: o})
	return nil
}

func joinOrdered(direct, ordered []string) string {
	if len(direct) == 0 {
		return "ORDER BY " + strings.Join(ordered, ", ")
	}
	return strings.Join(direct, ", ") + " ORDER BY " + strings.Join(ordered, ", ")
}

// createTSConfiguration handles CREATE TEXT SEARCH CONFIGURATION name
// (PARSER = p) and (COPY = c); the mappings come from ALTER statements
// or the copied configuration.
func (p *fileParser) createTSConfiguration(s *pg_query.DefineStmt, name state.QualName, loc Location) error {
	var r refs
	def := &defObjectDef{loc: loc}
	o := state.DefObject{Kind: state.KindTSConfiguration, Schema: name.Schema, Name: name.Name}
	for _, n := range s.Definition {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		names, err := defNames(d.Arg)
		if err != nil {
			return fmt.Errorf("%s: %w", d.Defname, err)
		}
		switch strings.ToLower(d.Defname) {
		case "parser":
			text, q, err := refName(names, builtinTSParsers)
			if err != nil {
				return err
			}
			if q.Schema != "" {
				r.add(state.ObjectKey{Kind: state.KindTSParser, Schema: q.Schema, Name: q.Name})
			}
			o.Definition = "PARSER = " + text
		case "copy":
			_, q, err := refName(names, nil)
			if err != nil {
				return err
			}
			if len(names) == 1 || names[0] == "pg_catalog" {
				// An unqualified name of a built-in configuration is
				// pg_catalog's.
				if bn := names[len(names)-1]; builtinTSConfigs[bn] {
					q = state.QualName{Schema: "pg_catalog", Name: bn}
				}
			}
			def.copyFrom = &q
		default:
			return fmt.Errorf("text search configuration parameter %q not recognized", d.Defname)
		}
	}
	if (o.Definition == "") == (def.copyFrom == nil) {
		return fmt.Errorf("text search configuration needs exactly one of PARSER and COPY")
	}
	o.Refs = r.keys
	def.obj = o
	p.add(def)
	return nil
}

// tsDictName prints a dictionary reference and records it.
func (r *refs) tsDictName(names []string) (string, error) {
	text, q, err := refName(names, builtinTSDicts)
	if err != nil {
		return "", err
	}
	if q.Schema != "" {
		r.add(state.ObjectKey{Kind: state.KindTSDictionary, Schema: q.Schema, Name: q.Name})
	}
	return text, nil
}

// alterTSConfiguration handles ALTER TEXT SEARCH CONFIGURATION name
// ADD / ALTER / DROP MAPPING.
func (p *fileParser) alterTSConfiguration(s *pg_query.AlterTSConfigurationStmt, loc Location) {
	name, ok := p.anyName(s.Cfgname, loc)
	if !ok {
		return
	}
	tokens, err := stringList(s.Tokentype)
	if err != nil {
		p.errs.semantic(loc, "%s: improper token type list", name)
		return
	}
	var r refs
	var dicts []string
	for _, n := range s.Dicts {
		names, err := stringList(n.GetList().GetItems())
		if err == nil {
			var t string
			if t, err = r.tsDictName(names); err == nil {
				dicts = append(dicts, t)
			}
		}
		if err != nil {
			p.errs.semantic(loc, "%s: improper dictionary name", name)
			return
		}
	}
	kind := s.Kind
	missingOK := s.MissingOk
	key := state.ObjectKey{Kind: state.KindTSConfiguration, Schema: name.Schema, Name: name.Name}
	p.add(&defAlterDef{loc: loc, key: key, apply: func(o *state.DefObject) error {
		for _, k := range r.keys {
			addRef(o, k)
		}
		find := func(tok string) int {
			for i, m := range o.Settings {
				if m.Name == tok {
					return i
				}
			}
			return -1
		}
		switch kind {
		case pg_query.AlterTSConfigType_ALTER_TSCONFIG_ADD_MAPPING, pg_query.AlterTSConfigType_ALTER_TSCONFIG_ALTER_MAPPING_FOR_TOKEN:
			for _, tok := range tokens {
				i := find(tok)
				if i < 0 {
					o.Settings = append(o.Settings, state.DefSetting{Name: tok, Value: strings.Join(dicts, ", ")})
				} else {
					// ADD MAPPING to an existing token appends the
					// dictionaries as PostgreSQL does.
					if kind == pg_query.AlterTSConfigType_ALTER_TSCONFIG_ADD_MAPPING {
						o.Settings[i].Value += ", " + strings.Join(dicts, ", ")
					} else {
						o.Settings[i].Value = strings.Join(dicts, ", ")
					}
				}
			}
		case pg_query.AlterTSConfigType_ALTER_TSCONFIG_DROP_MAPPING:
			for _, tok := range tokens {
				i := find(tok)
				if i < 0 {
					if missingOK {
						continue
					}
					return fmt.Errorf("mapping for token type %q does not exist", tok)
				}
				o.Settings = append(o.Settings[:i], o.Settings[i+1:]...)
			}
		case pg_query.AlterTSConfigType_ALTER_TSCONFIG_REPLACE_DICT, pg_query.AlterTSConfigType_ALTER_TSCONFIG_REPLACE_DICT_FOR_TOKEN:
			if len(dicts) != 2 {
				return fmt.Errorf("improper ALTER MAPPING REPLACE")
			}
			for i, m := range o.Settings {
				if kind == pg_query.AlterTSConfigType_ALTER_TSCONFIG_REPLACE_DICT_FOR_TOKEN && !contains(tokens, m.Name) {
					continue
				}
				parts := strings.Split(m.Value, ", ")
				for j := range parts {
					if parts[j] == dicts[0] {
						parts[j] = dicts[1]
					}
				}
				o.Settings[i].Value = strings.Join(parts, ", ")
			}
		default:
			return fmt.Errorf("unsupported ALTER TEXT SEARCH CONFIGURATION")
		}
		return nil
	}})
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func addRef(o *state.DefObject, k state.ObjectKey) {
	for _, x := range o.Refs {
		if x == k {
			return
		}
	}
	o.Refs = append(o.Refs, k)
}

// tsOption prints a dictionary option as the server stores it
// (serialize_deflist): name = 'value', numbers bare.
func tsOption(d *pg_query.DefElem) (state.DefSetting, error) {
	name := strings.ToLower(d.Defname)
	if d.Arg == nil {
		return state.DefSetting{}, fmt.Errorf("option %s needs a value", name)
	}
	switch v := d.Arg.Node.(type) {
	case *pg_query.Node_Integer:
		return state.DefSetting{Name: name, Value: strconv.FormatInt(int64(v.Integer.Ival), 10)}, nil
	case *pg_query.Node_Float:
		return state.DefSetting{Name: name, Value: v.Float.Fval}, nil
	}
	s, err := relOptionValue(d.Arg)
	if err != nil {
		return state.DefSetting{}, fmt.Errorf("option %s: %w", name, err)
	}
	return state.DefSetting{Name: name, Value: quoteLiteral(s)}, nil
}

// createTSDictionary handles CREATE TEXT SEARCH DICTIONARY name
// (TEMPLATE = t, option = value, ...). Options keep their order: the
// server stores them so.
func (p *fileParser) createTSDictionary(s *pg_query.DefineStmt, name state.QualName, loc Location) error {
	var r refs
	o := state.DefObject{Kind: state.KindTSDictionary, Schema: name.Schema, Name: name.Name}
	for _, n := range s.Definition {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		if strings.ToLower(d.Defname) == "template" {
			names, err := defNames(d.Arg)
			if err != nil {
				return fmt.Errorf("template: %w", err)
			}
			text, q, err := refName(names, builtinTSTemplates)
			if err != nil {
				return err
			}
			if q.Schema != "" {
				r.add(state.ObjectKey{Kind: state.KindTSTemplate, Schema: q.Schema, Name: q.Name})
			}
			o.Definition = "TEMPLATE = " + text
			continue
		}
		opt, err := tsOption(d)
		if err != nil {
			return err
		}
		o.Settings = setOption(o.Settings, opt)
	}
	if o.Definition == "" {
		return fmt.Errorf("text search template is required")
	}
	o.Refs = r.keys
	p.add(&defObjectDef{loc: loc, obj: o})
	return nil
}

// setOption sets an option as ALTER TEXT SEARCH DICTIONARY does: the old
// value goes, the new one is appended.
func setOption(opts []state.DefSetting, opt state.DefSetting) []state.DefSetting {
	var out []state.DefSetting
	for _, x := range opts {
		if x.Name != opt.Name {
			out = append(out, x)
		}
	}
	return append(out, opt)
}

// alterTSDictionary handles ALTER TEXT SEARCH DICTIONARY name (option =
// value, option): set or remove options.
func (p *fileParser) alterTSDictionary(s *pg_query.AlterTSDictionaryStmt, loc Location) {
	name, ok := p.anyName(s.Dictname, loc)
	if !ok {
		return
	}
	type change struct {
		opt    state.DefSetting
		remove bool
	}
	var changes []change
	for _, n := range s.Options {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		if d.Arg == nil {
			changes = append(changes, change{opt: state.DefSetting{Name: strings.ToLower(d.Defname)}, remove: true})
			continue
		}
		if strings.ToLower(d.Defname) == "template" {
			p.errs.semantic(loc, "%s: the template of a text search dictionary cannot be changed", name)
			return
		}
		opt, err := tsOption(d)
		if err != nil {
			p.errs.semantic(loc, "%s: %v", name, err)
			return
		}
		changes = append(changes, change{opt: opt})
	}
	key := state.ObjectKey{Kind: state.KindTSDictionary, Schema: name.Schema, Name: name.Name}
	p.add(&defAlterDef{loc: loc, key: key, apply: func(o *state.DefObject) error {
		for _, c := range changes {
			if c.remove {
				var out []state.DefSetting
				for _, x := range o.Settings {
					if x.Name != c.opt.Name {
						out = append(out, x)
					}
				}
				o.Settings = out
				continue
			}
			o.Settings = setOption(o.Settings, c.opt)
		}
		return nil
	}})
}

// createTSFunctions handles CREATE TEXT SEARCH PARSER and TEMPLATE, whose
// options all name functions.
func (p *fileParser) createTSFunctions(s *pg_query.DefineStmt, name state.QualName, loc Location, kind state.Kind, word string, required, optional []string) error {
	var r refs
	opts := map[string]string{}
	for _, n := range s.Definition {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		key := strings.ToLower(d.Defname)
		if !contains(required, key) && !contains(optional, key) {
			return fmt.Errorf("text search %s parameter %q not recognized", strings.ToLower(word), d.Defname)
		}
		v, err := r.funcRef(d.Arg)
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		opts[key] = v
	}
	all := append(append([]string(nil), required...), optional...)
	sort.Strings(all)
	var parts []string
	for _, k := range all {
		if v, ok := opts[k]; ok {
			parts = append(parts, strings.ToUpper(k)+" = "+v)
		} else if contains(required, k) {
			return fmt.Errorf("text search %s %s method is required", strings.ToLower(word), k)
		}
	}
	o := state.DefObject{Kind: kind, Schema: name.Schema, Name: name.Name, Refs: r.keys,
		Definition: "CREATE TEXT SEARCH " + word + " " + quoteQualified(name.Schema, name.Name) + " (" + strings.Join(parts, ", ") + ");"}
	p.add(&defObjectDef{loc: loc, obj: o})
	return nil
}

// createCast handles CREATE CAST (source AS target) WITH FUNCTION f(args)
// | WITHOUT FUNCTION | WITH INOUT [AS ASSIGNMENT | AS IMPLICIT].
func (p *fileParser) createCast(s *pg_query.CreateCastStmt, loc Location) {
	var r refs
	src, err := r.typ(s.Sourcetype)
	if err == nil {
		var tgt string
		tgt, err = r.typ(s.Targettype)
		if err == nil {
			var how string
			switch {
			case s.Func != nil:
				how, err = r.castFunction(s.Func)
			case s.Inout:
				how = "WITH INOUT"
			default:
				how = "WITHOUT FUNCTION"
			}
			if err == nil {
				switch s.Context {
				case pg_query.CoercionContext_COERCION_IMPLICIT:
					how += " AS IMPLICIT"
				case pg_query.CoercionContext_COERCION_ASSIGNMENT:
					how += " AS ASSIGNMENT"
				}
				name := src + " AS " + tgt
				o := state.DefObject{Kind: state.KindCast, Name: name, Refs: r.keys,
					Definition: "CREATE CAST (" + name + ") " + how + ";"}
				p.add(&defObjectDef{loc: loc, obj: o})
				return
			}
		}
	}
	p.errs.semantic(loc, "CREATE CAST: %v", err)
}

// castFunction prints WITH FUNCTION name(argtypes).
func (r *refs) castFunction(o *pg_query.ObjectWithArgs) (string, error) {
	names, err := stringList(o.Objname)
	if err != nil {
		return "", err
	}
	text, q, err := refName(names, builtinFuncs)
	if err != nil {
		return "", err
	}
	if q.Schema != "" {
		r.add(state.ObjectKey{Kind: state.KindFunction, Schema: q.Schema, Name: q.Name})
	}
	var args []string
	for _, n := range o.Objargs {
		t, err := r.typ(n.GetTypeName())
		if err != nil {
			return "", err
		}
		args = append(args, t)
	}
	return "WITH FUNCTION " + text + "(" + strings.Join(args, ", ") + ")", nil
}

// createStatistics handles CREATE STATISTICS [IF NOT EXISTS] name [(kinds)]
// ON columns | expressions FROM table.
func (p *fileParser) createStatistics(s *pg_query.CreateStatsStmt, loc Location) {
	name, ok := p.anyName(s.Defnames, loc)
	if !ok {
		return
	}
	if len(s.Relations) != 1 || s.Relations[0].GetRangeVar() == nil {
		p.errs.semantic(loc, "statistics %s: only a single relation is allowed in CREATE STATISTICS", name)
		return
	}
	rv := s.Relations[0].GetRangeVar()
	table := state.QualName{Schema: rv.Schemaname, Name: rv.Relname}
	if table.Schema == "" {
		table.Schema = "public"
	}
	def := &defObjectDef{loc: loc, statTable: table}
	for _, n := range s.StatTypes {
		def.statKinds = append(def.statKinds, strings.ToLower(n.GetString_().GetSval()))
	}
	for _, n := range s.Exprs {
		e := n.GetStatsElem()
		if e == nil {
			continue
		}
		if e.Name != "" {
			def.statColumns = append(def.statColumns, e.Name)
			continue
		}
		if cr := e.Expr.GetColumnRef(); cr != nil {
			if names, err := stringList(cr.Fields); err == nil && len(names) == 1 {
				def.statColumns = append(def.statColumns, names[0])
				continue
			}
		}
		text, err := canonicalExpr(e.Expr)
		if err != nil {
			p.errs.semantic(loc, "statistics %s: %v", name, err)
			return
		}
		def.statExprs = append(def.statExprs, "("+text+")")
	}
	def.obj = state.DefObject{Kind: state.KindStatisticsObject, Schema: name.Schema, Name: name.Name,
		Refs: []state.ObjectKey{{Kind: state.KindTable, Schema: table.Schema, Name: table.Name}}}
	p.add(def)
}

// alterStatistics handles ALTER STATISTICS name SET STATISTICS n.
func (p *fileParser) alterStatistics(s *pg_query.AlterStatsStmt, loc Location) {
	name, ok := p.anyName(s.Defnames, loc)
	if !ok {
		return
	}
	target := strconv.Itoa(int(s.Stxstattarget))
	key := state.ObjectKey{Kind: state.KindStatisticsObject, Schema: name.Schema, Name: name.Name}
	p.add(&defAlterDef{loc: loc, key: key, apply: func(o *state.DefObject) error {
		o.Settings = nil
		if target != "-1" {
			o.Settings = []state.DefSetting{{Name: "statistics", Value: target}}
		}
		return nil
	}})
}

// defComment handles COMMENT ON AGGREGATE, CAST, STATISTICS and the text
// search kinds.
func (p *fileParser) defComment(s *pg_query.CommentStmt, loc Location) {
	c := &defCommentDef{loc: loc, comment: s.Comment}
	var r refs
	switch s.Objtype {
	case pg_query.ObjectType_OBJECT_AGGREGATE:
		o := s.Object.GetObjectWithArgs()
		if o == nil {
			p.errs.semantic(loc, "improper COMMENT ON AGGREGATE")
			return
		}
		name, ok := p.anyName(o.Objname, loc)
		if !ok {
			return
		}
		c.key = state.ObjectKey{Kind: state.KindAggregate, Schema: name.Schema, Name: name.Name}
		for _, n := range o.Objargs {
			t, err := r.typ(n.GetTypeName())
			if err != nil {
				p.errs.semantic(loc, "COMMENT ON AGGREGATE %s: %v", name, err)
				return
			}
			c.argTypes = append(c.argTypes, t)
		}

	case pg_query.ObjectType_OBJECT_OPERATOR:
		k, _, ok := p.operatorKey(s.Object.GetObjectWithArgs(), loc)
		if !ok {
			return
		}
		c.key = k
	case pg_query.ObjectType_OBJECT_OPCLASS, pg_query.ObjectType_OBJECT_OPFAMILY:
		kind := state.KindOperatorClass
		if s.Objtype == pg_query.ObjectType_OBJECT_OPFAMILY {
			kind = state.KindOperatorFamily
		}
		k, ok := p.opFamilyCommentKey(s, kind, loc)
		if !ok {
			return
		}
		c.key = k
	case pg_query.ObjectType_OBJECT_ACCESS_METHOD:
		name := s.Object.GetString_().GetSval()
		if name == "" {
			p.errs.semantic(loc, "improper COMMENT ON ACCESS METHOD")
			return
		}
		c.key = state.ObjectKey{Kind: state.KindAccessMethod, Name: name}
	case pg_query.ObjectType_OBJECT_LANGUAGE:
		k, ok := languageCommentKey(s)
		if !ok {
			p.errs.semantic(loc, "improper COMMENT ON LANGUAGE")
			return
		}
		c.key = k
	case pg_query.ObjectType_OBJECT_TRANSFORM:
		k, err := transformCommentKey(s)
		if err != nil {
			p.errs.semantic(loc, "COMMENT ON TRANSFORM: %v", err)
			return
		}
		c.key = k
	case pg_query.ObjectType_OBJECT_RULE:
		k, err := p.ruleCommentKey(s, loc)
		if err != nil {
			p.errs.semantic(loc, "COMMENT ON RULE: %v", err)
			return
		}
		c.key = k
	case pg_query.ObjectType_OBJECT_CAST:
		items := s.Object.GetList().GetItems()
		if len(items) != 2 {
			p.errs.semantic(loc, "improper COMMENT ON CAST")
			return
		}
		src, err := r.typ(items[0].GetTypeName())
		if err == nil {
			var tgt string
			if tgt, err = r.typ(items[1].GetTypeName()); err == nil {
				c.key = state.ObjectKey{Kind: state.KindCast, Name: src + " AS " + tgt}
			}
		}
		if err != nil {
			p.errs.semantic(loc, "COMMENT ON CAST: %v", err)
			return
		}
	default:
		kind := map[pg_query.ObjectType]state.Kind{
			pg_query.ObjectType_OBJECT_STATISTIC_EXT:   state.KindStatisticsObject,
			pg_query.ObjectType_OBJECT_TSCONFIGURATION: state.KindTSConfiguration,
			pg_query.ObjectType_OBJECT_TSDICTIONARY:    state.KindTSDictionary,
			pg_query.ObjectType_OBJECT_TSPARSER:        state.KindTSParser,
			pg_query.ObjectType_OBJECT_TSTEMPLATE:      state.KindTSTemplate,
			pg_query.ObjectType_OBJECT_CONVERSION:      state.KindConversion,
		}[s.Objtype]
		name, ok := p.anyName(s.Object.GetList().GetItems(), loc)
		if !ok {
			return
		}
		c.key = state.ObjectKey{Kind: kind, Schema: name.Schema, Name: name.Name}
	}
	p.add(c)
}
