package sqlgen

import (
	"strconv"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// listQuoteSettings are the settings whose values are lists of
// identifiers (GUC_LIST_QUOTE): pg_get_functiondef prints each element of
// such a SET clause as its own literal.
var listQuoteSettings = map[string]bool{
	"search_path": true, "temp_tablespaces": true, "session_preload_libraries": true,
	"shared_preload_libraries": true, "local_preload_libraries": true,
}

// RoutineWord is FUNCTION or PROCEDURE.
func RoutineWord(f state.Function) string {
	if f.Procedure {
		return "PROCEDURE"
	}
	return "FUNCTION"
}

// FunctionSignature prints schema.name(identity arguments), the way DROP,
// ALTER and COMMENT ON name one overload.
func FunctionSignature(f state.Function) string {
	return QualifiedName(f.Schema, f.Name) + "(" + f.IdentityArguments + ")"
}

// FunctionsFile prints the overloads of one name (all functions or all
// procedures), each with its comment, separated by blank lines.
func FunctionsFile(fs []state.Function) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = FunctionDefinition(f)
	}
	return strings.Join(parts, "\n")
}

// FunctionDefinition prints CREATE OR REPLACE FUNCTION (or PROCEDURE) and
// the routine's comment.
func FunctionDefinition(f state.Function) string {
	var b strings.Builder
	b.WriteString(CreateFunction(f))
	writeComment(&b, RoutineWord(f), FunctionSignature(f), f.Comment)
	b.WriteString(OwnerPrivilegesDefinition(f.Key(), f.OwnerRevoked))
	b.WriteString(PrivilegesDefinition(f.Key(), f.Privileges))
	return b.String()
}

// CreateFunction prints CREATE OR REPLACE FUNCTION / PROCEDURE laid out
// as pg_get_functiondef does: RETURNS, LANGUAGE, the attributes that
// differ from PostgreSQL's defaults, SET clauses, then the body, a string
// body dollar-quoted with a delimiter that does not occur in it.
func CreateFunction(f state.Function) string {
	var b strings.Builder
	b.WriteString("CREATE OR REPLACE " + RoutineWord(f) + " " + QualifiedName(f.Schema, f.Name) + "(" + f.Arguments + ")\n")
	if !f.Procedure {
		b.WriteString(" RETURNS " + f.Result + "\n")
	}
	b.WriteString(" LANGUAGE " + QuoteIdent(f.Language) + "\n")
	if len(f.Transforms) > 0 {
		// As pg_get_functiondef prints it.
		b.WriteString(" TRANSFORM FOR TYPE " + strings.Join(f.Transforms, ", FOR TYPE ") + "\n")
	}
	if attrs := functionAttributes(f); attrs != "" {
		b.WriteString(" " + attrs + "\n")
	}
	for _, c := range f.Config {
		b.WriteString(" " + setClause(c) + "\n")
	}
	switch {
	case f.SQLBody:
		b.WriteString(f.Body)
	case f.ObjectFile != "":
		b.WriteString("AS " + QuoteLiteral(f.ObjectFile) + ", " + QuoteLiteral(f.Body))
	default:
		tag := "$function$"
		if f.Procedure {
			tag = "$procedure$"
		}
		b.WriteString("AS " + DollarQuote(f.Body, tag))
	}
	b.WriteString(";\n")
	return b.String()
}

// functionAttributes prints the attributes that differ from PostgreSQL's
// defaults, in pg_get_functiondef's order.
func functionAttributes(f state.Function) string {
	var parts []string
	if f.Window {
		parts = append(parts, "WINDOW")
	}
	switch f.Volatility {
	case "immutable":
		parts = append(parts, "IMMUTABLE")
	case "stable":
		parts = append(parts, "STABLE")
	}
	switch f.Parallel {
	case "safe":
		parts = append(parts, "PARALLEL SAFE")
	case "restricted":
		parts = append(parts, "PARALLEL RESTRICTED")
	}
	if f.Strict {
		parts = append(parts, "STRICT")
	}
	if f.SecurityDefiner {
		parts = append(parts, "SECURITY DEFINER")
	}
	if f.Leakproof {
		parts = append(parts, "LEAKPROOF")
	}
	defCost := 100.0
	if f.Language == "c" || f.Language == "internal" {
		defCost = 1
	}
	if f.Cost != defCost && f.Cost != 0 {
		parts = append(parts, "COST "+formatFloat(f.Cost))
	}
	if f.Rows > 0 && f.Rows != 1000 {
		parts = append(parts, "ROWS "+formatFloat(f.Rows))
	}
	return strings.Join(parts, " ")
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// setClause prints one proconfig entry ("search_path=public, pg_temp") as
// pg_get_functiondef does: SET name TO 'value', list settings element by
// element.
func setClause(entry string) string {
	name, value, _ := strings.Cut(entry, "=")
	s := "SET " + QuoteIdent(name) + " TO "
	if !listQuoteSettings[name] {
		return s + QuoteLiteral(value)
	}
	elems := splitGUCList(value)
	q := make([]string, len(elems))
	for i, e := range elems {
		q[i] = QuoteLiteral(e)
	}
	return s + strings.Join(q, ", ")
}

// splitGUCList splits a list setting's value as SplitGUCList does:
// elements separated by commas, double-quoted elements unquoted ("" is a
// quote), unquoted ones trimmed. Unquoted elements are not case folded:
// PostgreSQL stored them already folded.
func splitGUCList(v string) []string {
	var out []string
	i := 0
	for {
		for i < len(v) && v[i] == ' ' {
			i++
		}
		if i >= len(v) {
			return out
		}
		var e strings.Builder
		if v[i] == '"' {
			i++
			for i < len(v) {
				if v[i] == '"' {
					if i+1 < len(v) && v[i+1] == '"' {
						e.WriteByte('"')
						i += 2
						continue
					}
					i++
					break
				}
				e.WriteByte(v[i])
				i++
			}
			for i < len(v) && v[i] != ',' {
				i++
			}
		} else {
			start := i
			for i < len(v) && v[i] != ',' {
				i++
			}
			e.WriteString(strings.TrimSpace(v[start:i]))
		}
		out = append(out, e.String())
		if i >= len(v) {
			return out
		}
		i++ // the comma
	}
}

// DollarQuote quotes body between dollar-quote delimiters: tag (such as
// "$function$") unless the body would end the quote early, else tag with a
// number added.
func DollarQuote(body, tag string) string {
	d := tag
	for n := 1; strings.Index(body+d, d) != len(body); n++ {
		d = tag[:len(tag)-1] + "_" + strconv.Itoa(n) + "$"
	}
	return d + body + d
}

// DropFunction prints DROP FUNCTION / PROCEDURE for one overload.
func DropFunction(f state.Function) string {
	return "DROP " + RoutineWord(f) + " " + FunctionSignature(f) + ";\n"
}

// RenameFunction prints ALTER FUNCTION / PROCEDURE ... RENAME TO, naming
// the overload by old's signature.
func RenameFunction(old state.Function, newName string) string {
	return "ALTER " + RoutineWord(old) + " " + FunctionSignature(old) + " RENAME TO " + QuoteIdent(newName) + ";\n"
}

// FunctionComment prints COMMENT ON FUNCTION / PROCEDURE.
func FunctionComment(f state.Function) string {
	return Comment(RoutineWord(f), FunctionSignature(f), f.Comment)
}
