package parser

import (
	"fmt"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// Interval typmod encoding (PostgreSQL's datetime.h / timestamp.h).
const (
	intervalFullRange     = 0x7FFF
	intervalFullPrecision = 0xFFFF
	maxTimePrecision      = 6
)

// intervalFields maps an interval typmod's field mask to the words
// intervaltypmodout prints.
var intervalFields = map[int64]string{
	1 << 2:                       " year",
	1 << 1:                       " month",
	1 << 3:                       " day",
	1 << 10:                      " hour",
	1 << 11:                      " minute",
	1 << 12:                      " second",
	1<<2 | 1<<1:                  " year to month",
	1<<3 | 1<<10:                 " day to hour",
	1<<3 | 1<<10 | 1<<11:         " day to minute",
	1<<3 | 1<<10 | 1<<11 | 1<<12: " day to second",
	1<<10 | 1<<11:                " hour to minute",
	1<<10 | 1<<11 | 1<<12:        " hour to second",
	1<<11 | 1<<12:                " minute to second",
	intervalFullRange:            "",
}

// grammarTypes are the pg_catalog types PostgreSQL's grammar produces from
// SQL-standard spellings (integer, character varying, ...). In an expression
// they must stay qualified as pg_catalog.x for the deparser to print them in
// the SQL-standard spelling.
var grammarTypes = map[string]bool{
	"bool": true, "int2": true, "int4": true, "int8": true, "float4": true,
	"float8": true, "numeric": true, "bit": true, "varbit": true,
	"bpchar": true, "varchar": true, "time": true, "timetz": true,
	"timestamp": true, "timestamptz": true, "interval": true,
}

// typeRef is a type name split into its parts.
type typeRef struct {
	schema  string // "" for a built-in type
	name    string
	typmods []string // as written, in SQL text
	mods    []int64  // numeric typmods, when all of them are integers
	array   bool
}

// resolveTypeName splits a TypeName, qualifies it (unqualified non-built-in
// names are in public) and reads its modifiers.
func resolveTypeName(tn *pg_query.TypeName) (typeRef, error) {
	if tn == nil {
		return typeRef{}, fmt.Errorf("missing type")
	}
	if tn.Setof {
		return typeRef{}, fmt.Errorf("SETOF is not a column type")
	}
	if tn.PctType {
		return typeRef{}, fmt.Errorf("%%TYPE references are not supported in schema files")
	}
	names, err := stringList(tn.Names)
	if err != nil {
		return typeRef{}, err
	}
	var r typeRef
	switch len(names) {
	case 1:
		r.name = names[0]
	case 2:
		r.schema, r.name = names[0], names[1]
	default:
		return typeRef{}, fmt.Errorf("improper qualified type name %q", strings.Join(names, "."))
	}
	if _, serial := serialTypes[r.name]; serial && (r.schema == "" || r.schema == "pg_catalog") {
		return typeRef{}, fmt.Errorf("type %s is only valid as a plain column type", r.name)
	}
	if r.schema == "pg_catalog" || r.schema == "" && builtinTypes[r.name] {
		if !builtinTypes[r.name] {
			return typeRef{}, fmt.Errorf("type pg_catalog.%s does not exist", r.name)
		}
		r.schema = ""
	} else if r.schema == "" {
		r.schema = "public"
	}
	allInts := true
	for _, m := range tn.Typmods {
		text, iv, isInt, err := typmodText(m)
		if err != nil {
			return typeRef{}, err
		}
		r.typmods = append(r.typmods, text)
		if isInt {
			r.mods = append(r.mods, iv)
		} else {
			allInts = false
		}
	}
	if !allInts {
		r.mods = nil
	}
	r.array = len(tn.ArrayBounds) > 0
	// A built-in array type written by its internal name (_int4).
	if r.schema == "" && strings.HasPrefix(r.name, "_") && builtinTypes[r.name[1:]] {
		r.name = r.name[1:]
		r.array = true
	}
	return r, nil
}

// typmodText renders one type modifier as SQL text.
func typmodText(n *pg_query.Node) (text string, iv int64, isInt bool, err error) {
	switch v := n.Node.(type) {
	case *pg_query.Node_AConst:
		switch c := v.AConst.Val.(type) {
		case *pg_query.A_Const_Ival:
			return strconv.FormatInt(int64(c.Ival.Ival), 10), int64(c.Ival.Ival), true, nil
		case *pg_query.A_Const_Fval:
			return c.Fval.Fval, 0, false, nil
		case *pg_query.A_Const_Sval:
			return quoteLiteral(c.Sval.Sval), 0, false, nil
		}
	case *pg_query.Node_ColumnRef:
		names, err := stringList(v.ColumnRef.Fields)
		if err == nil && len(names) == 1 {
			return names[0], 0, false, nil
		}
	}
	return "", 0, false, fmt.Errorf("unsupported type modifier")
}

// formatType renders a type as format_type prints it with search_path =
// pg_catalog.
func formatType(tn *pg_query.TypeName) (string, error) {
	r, err := resolveTypeName(tn)
	if err != nil {
		return "", err
	}
	base, err := r.base()
	if err != nil {
		return "", err
	}
	if r.array {
		base += "[]"
	}
	return base, nil
}

// base renders the type without array brackets.
func (r typeRef) base() (string, error) {
	if r.schema != "" {
		return quoteQualified(r.schema, r.name) + r.modsText(), nil
	}
	switch r.name {
	case "bool":
		return "boolean", r.noMods()
	case "int2":
		return "smallint", r.noMods()
	case "int4":
		return "integer", r.noMods()
	case "int8":
		return "bigint", r.noMods()
	case "float4":
		return "real", r.noMods()
	case "float8":
		return "double precision", r.noMods()
	case "bpchar":
		if len(r.typmods) == 0 {
			return "bpchar", nil
		}
		return "character" + r.modsText(), nil
	case "varchar":
		return "character varying" + r.modsText(), nil
	case "bit":
		if len(r.typmods) == 0 {
			return `"bit"`, nil
		}
		return "bit" + r.modsText(), nil
	case "varbit":
		return "bit varying" + r.modsText(), nil
	case "numeric":
		if len(r.mods) == 1 {
			return fmt.Sprintf("numeric(%d,0)", r.mods[0]), nil
		}
		return "numeric" + r.modsText(), nil
	case "time", "timetz", "timestamp", "timestamptz":
		return r.timeType()
	case "interval":
		return r.intervalType()
	}
	return quoteIdent(r.name) + r.modsText(), nil
}

// noMods rejects modifiers on a type that takes none.
func (r typeRef) noMods() error {
	if len(r.typmods) > 0 {
		return fmt.Errorf("type modifier is not allowed for type %s", r.name)
	}
	return nil
}

// modsText renders the modifiers as format_type does: "(a,b)".
func (r typeRef) modsText() string {
	if len(r.typmods) == 0 {
		return ""
	}
	return "(" + strings.Join(r.typmods, ",") + ")"
}

// timeType renders time[tz] and timestamp[tz], clamping the precision to 6
// as PostgreSQL does.
func (r typeRef) timeType() (string, error) {
	word, zone := "time", " without time zone"
	switch r.name {
	case "timetz":
		zone = " with time zone"
	case "timestamp":
		word = "timestamp"
	case "timestamptz":
		word, zone = "timestamp", " with time zone"
	}
	switch {
	case len(r.typmods) == 0:
		return word + zone, nil
	case len(r.mods) == 1:
		p := r.mods[0]
		if p < 0 {
			return "", fmt.Errorf("%s precision must not be negative", word)
		}
		return fmt.Sprintf("%s(%d)%s", word, min(p, maxTimePrecision), zone), nil
	}
	return "", fmt.Errorf("invalid type modifier for %s", word)
}

// intervalType renders interval with its fields and precision as
// intervaltypmodout does.
func (r typeRef) intervalType() (string, error) {
	if len(r.typmods) == 0 {
		return "interval", nil
	}
	if len(r.mods) != len(r.typmods) || len(r.mods) > 2 {
		return "", fmt.Errorf("invalid type modifier for interval")
	}
	fields, ok := intervalFields[r.mods[0]]
	if !ok {
		return "", fmt.Errorf("invalid interval fields")
	}
	s := "interval" + fields
	if len(r.mods) == 2 && r.mods[1] != intervalFullPrecision {
		p := r.mods[1]
		if p < 0 {
			return "", fmt.Errorf("interval precision must not be negative")
		}
		s += fmt.Sprintf("(%d)", min(p, maxTimePrecision))
	}
	return s, nil
}

// sequenceTypeName maps a column or AS type to a sequence data type,
// "" if it is not one of smallint, integer, bigint.
func sequenceTypeName(canonical string) string {
	switch canonical {
	case "smallint", "integer", "bigint":
		return canonical
	}
	return ""
}

// serialTypes maps the serial pseudo-types to the column type they expand
// to.
var serialTypes = map[string]string{
	"smallserial": "smallint", "serial2": "smallint",
	"serial": "integer", "serial4": "integer",
	"bigserial": "bigint", "serial8": "bigint",
}

// serialType reports whether tn is one of the serial pseudo-types (written
// unqualified or as pg_catalog.serial) and the integer type it stands for.
func serialType(tn *pg_query.TypeName) (string, bool) {
	if tn == nil || len(tn.Typmods) > 0 || len(tn.ArrayBounds) > 0 {
		return "", false
	}
	names, err := stringList(tn.Names)
	if err != nil {
		return "", false
	}
	switch {
	case len(names) == 1:
	case len(names) == 2 && names[0] == "pg_catalog":
		names = names[1:]
	default:
		return "", false
	}
	t, ok := serialTypes[names[0]]
	return t, ok
}

// stringList reads a list of String nodes (a qualified name).
func stringList(nodes []*pg_query.Node) ([]string, error) {
	out := make([]string, 0, len(nodes))
	for _, n := range nodes {
		s, ok := n.Node.(*pg_query.Node_String_)
		if !ok {
			return nil, fmt.Errorf("unexpected %T in a name", n.Node)
		}
		out = append(out, s.String_.Sval)
	}
	return out, nil
}
