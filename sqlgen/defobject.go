package sqlgen

import (
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// This file prints the definition objects (state.DefObject): aggregates,
// casts, statistics objects, text search objects, operators, operator
// families and classes, rules, conversions, access methods, languages and
// transforms.

// defWords are the words naming each kind in COMMENT ON, DROP and ALTER.
var defWords = map[state.Kind]string{
	state.KindAggregate:        "AGGREGATE",
	state.KindCast:             "CAST",
	state.KindStatisticsObject: "STATISTICS",
	state.KindTSConfiguration:  "TEXT SEARCH CONFIGURATION",
	state.KindTSDictionary:     "TEXT SEARCH DICTIONARY",
	state.KindTSParser:         "TEXT SEARCH PARSER",
	state.KindTSTemplate:       "TEXT SEARCH TEMPLATE",
	state.KindOperator:         "OPERATOR",
	state.KindRule:             "RULE",
	state.KindOperatorFamily:   "OPERATOR FAMILY",
	state.KindOperatorClass:    "OPERATOR CLASS",
	state.KindConversion:       "CONVERSION",
	state.KindAccessMethod:     "ACCESS METHOD",
	state.KindLanguage:         "LANGUAGE",
	state.KindTransform:        "TRANSFORM",
}

// OperatorName prints an operator's qualified name: the schema quoted,
// the symbol as it is ("public.===").
func OperatorName(schema, name string) string {
	return QuoteIdent(schema) + "." + name
}

// DefObjectTarget prints the object as COMMENT ON and DROP name it:
// "AGGREGATE public.agg(text)", "CAST (integer AS public.t)".
func DefObjectTarget(o state.DefObject) string {
	w := defWords[o.Kind]
	switch o.Kind {
	case state.KindCast:
		return w + " (" + o.Name + ")"
	case state.KindAggregate:
		if o.Signature == "()" {
			// An aggregate of no arguments is named agg(*): agg() is
			// a syntax error in COMMENT ON, DROP and ALTER.
			return w + " " + QualifiedName(o.Schema, o.Name) + "(*)"
		}
		return w + " " + QualifiedName(o.Schema, o.Name) + o.Signature
	case state.KindOperator:
		return w + " " + OperatorName(o.Schema, o.Name) + " " + o.Signature
	case state.KindRule:
		return w + " " + QuoteIdent(o.Name) + " ON " + QualifiedName(o.Schema, o.Table)
	case state.KindLanguage:
		return w + " " + QuoteIdent(o.Name)
	case state.KindTransform:
		// Name is "type LANGUAGE lang".
		return w + " FOR " + o.Name
	case state.KindOperatorFamily, state.KindOperatorClass:
		// Signature is " USING method".
		return w + " " + QualifiedName(o.Schema, o.Name) + " USING " + QuoteIdent(OpFamilyMethod(o))
	}
	return w + " " + QualifiedName(o.Schema, o.Name)
}

// CreateDefObject prints the statements creating o, without its comment.
func CreateDefObject(o state.DefObject) string {
	var b strings.Builder
	switch o.Kind {
	case state.KindTSDictionary:
		b.WriteString("CREATE TEXT SEARCH DICTIONARY " + QualifiedName(o.Schema, o.Name) + " (\n    " + o.Definition)
		for _, s := range o.Settings {
			b.WriteString(",\n    " + s.Name + " = " + s.Value)
		}
		b.WriteString("\n);\n")
	case state.KindTSConfiguration:
		b.WriteString("CREATE TEXT SEARCH CONFIGURATION " + QualifiedName(o.Schema, o.Name) + " (" + o.Definition + ");\n")
		for _, s := range o.Settings {
			b.WriteString(TSMapping(o, "ADD", s))
		}
	case state.KindOperator:
		def := o.Definition
		if len(o.Settings) > 0 {
			// RESTRICT and JOIN are written inside CREATE OPERATOR.
			def = strings.TrimSuffix(def, "\n);")
			for _, s := range o.Settings {
				def += ",\n    " + strings.ToUpper(s.Name) + " = " + s.Value
			}
			def += "\n);"
		}
		b.WriteString(def + "\n")
	case state.KindOperatorFamily:
		b.WriteString(o.Definition + "\n")
		if len(o.Settings) > 0 {
			b.WriteString(AddOpFamilyMembers(o, o.Settings))
		}
	case state.KindRule:
		b.WriteString(o.Definition + "\n")
		for _, s := range o.Settings {
			if s.Name == "enabled" {
				b.WriteString(RuleEnabled(o, s.Value))
			}
		}
	default:
		b.WriteString(o.Definition + "\n")
		for _, s := range o.Settings {
			if o.Kind == state.KindStatisticsObject && s.Name == "statistics" {
				b.WriteString(StatisticsTarget(o, s.Value))
			}
		}
	}
	return b.String()
}

// DefObjectDefinition prints o with its comment, as its file holds it.
func DefObjectDefinition(o state.DefObject) string {
	s := CreateDefObject(o)
	if o.Comment != "" {
		s += DefObjectComment(o, o.Comment)
	}
	if o.Kind == state.KindAggregate || o.Kind == state.KindLanguage && LanguageTrusted(o) {
		s += PrivilegesDefinition(o.Key(), o.Privileges)
	}
	return s
}

// DefObjectsFile prints several objects, separated by blank lines.
func DefObjectsFile(objs []state.DefObject) string {
	parts := make([]string, len(objs))
	for i, o := range objs {
		parts[i] = DefObjectDefinition(o)
	}
	return strings.Join(parts, "\n")
}

// DefObjectComment prints COMMENT ON the object.
func DefObjectComment(o state.DefObject, comment string) string {
	t := DefObjectTarget(o)
	w := defWords[o.Kind]
	return Comment(w, strings.TrimPrefix(t, w+" "), comment)
}

// DropDefObject prints DROP of the object.
func DropDefObject(o state.DefObject) string {
	return "DROP " + DefObjectTarget(o) + ";\n"
}

// TSMapping prints ALTER TEXT SEARCH CONFIGURATION ... ADD or ALTER
// MAPPING FOR a token type.
func TSMapping(o state.DefObject, verb string, m state.DefSetting) string {
	return "ALTER TEXT SEARCH CONFIGURATION " + QualifiedName(o.Schema, o.Name) + " " + verb + " MAPPING FOR " +
		QuoteIdent(m.Name) + " WITH " + m.Value + ";\n"
}

// DropTSMapping prints ALTER TEXT SEARCH CONFIGURATION ... DROP MAPPING.
func DropTSMapping(o state.DefObject, token string) string {
	return "ALTER TEXT SEARCH CONFIGURATION " + QualifiedName(o.Schema, o.Name) + " DROP MAPPING FOR " + QuoteIdent(token) + ";\n"
}

// AlterTSDictionary prints ALTER TEXT SEARCH DICTIONARY ... (options):
// set sets those options, unset removes the ones named.
func AlterTSDictionary(o state.DefObject, set []state.DefSetting, unset []string) string {
	var parts []string
	for _, s := range set {
		parts = append(parts, s.Name+" = "+s.Value)
	}
	parts = append(parts, unset...)
	return "ALTER TEXT SEARCH DICTIONARY " + QualifiedName(o.Schema, o.Name) + " (" + strings.Join(parts, ", ") + ");\n"
}

// AlterOperatorEstimators prints ALTER OPERATOR ... SET (RESTRICT = ...,
// JOIN = ...): an estimator left out of set is reset to NONE when reset
// names it.
func AlterOperatorEstimators(o state.DefObject, set []state.DefSetting, reset []string) string {
	var parts []string
	for _, s := range set {
		parts = append(parts, strings.ToUpper(s.Name)+" = "+s.Value)
	}
	for _, r := range reset {
		parts = append(parts, strings.ToUpper(r)+" = NONE")
	}
	return "ALTER " + DefObjectTarget(o) + " SET (" + strings.Join(parts, ", ") + ");\n"
}

// OpFamilyMethod returns the index access method of an operator class or
// family, from its Signature (" USING btree").
func OpFamilyMethod(o state.DefObject) string {
	return strings.TrimPrefix(o.Signature, " USING ")
}

// AddOpFamilyMembers prints ALTER OPERATOR FAMILY ... ADD of members (the
// family's settings: "OPERATOR 1 (integer, bigint)" valued
// "public.<<<(integer, bigint)", "FUNCTION 1 (integer, bigint)" valued
// "public.cmp(integer, bigint)").
func AddOpFamilyMembers(o state.DefObject, ms []state.DefSetting) string {
	var parts []string
	for _, m := range ms {
		if strings.HasPrefix(m.Name, "OPERATOR ") {
			word, rest, _ := strings.Cut(m.Name, " ")
			num, _, _ := strings.Cut(rest, " ")
			parts = append(parts, word+" "+num+" "+m.Value)
			continue
		}
		parts = append(parts, m.Name+" "+m.Value)
	}
	return "ALTER " + DefObjectTarget(o) + " ADD\n    " + strings.Join(parts, ",\n    ") + ";\n"
}

// DropOpFamilyMembers prints ALTER OPERATOR FAMILY ... DROP of members,
// named as their settings are ("OPERATOR 1 (integer, bigint)").
func DropOpFamilyMembers(o state.DefObject, names []string) string {
	return "ALTER " + DefObjectTarget(o) + " DROP\n    " + strings.Join(names, ",\n    ") + ";\n"
}

// RuleEnabled prints ALTER TABLE ... ENABLE / DISABLE [REPLICA | ALWAYS]
// RULE for a rule's "enabled" setting ("" or "origin" is the default).
func RuleEnabled(o state.DefObject, enabled string) string {
	verb := map[string]string{"disabled": "DISABLE", "replica": "ENABLE REPLICA", "always": "ENABLE ALWAYS"}[enabled]
	if verb == "" {
		verb = "ENABLE"
	}
	return "ALTER TABLE " + QualifiedName(o.Schema, o.Table) + " " + verb + " RULE " + QuoteIdent(o.Name) + ";\n"
}

// StatisticsTarget prints ALTER STATISTICS ... SET STATISTICS.
func StatisticsTarget(o state.DefObject, target string) string {
	return "ALTER STATISTICS " + QualifiedName(o.Schema, o.Name) + " SET STATISTICS " + target + ";\n"
}

// dumpDefObjects prints the definition objects for Dump: the casts,
// operators and text search objects tables may use (late false), or the
// aggregates and statistics objects, which come after tables (late true).
// Rules come after views (dumpRules).
func dumpDefObjects(s state.DatabaseSchema, late bool) string {
	var b strings.Builder
	for _, o := range s.Objects {
		if o.Kind == state.KindRule {
			continue
		}
		if (o.Kind == state.KindAggregate || o.Kind == state.KindStatisticsObject) == late {
			b.WriteString(DefObjectDefinition(o))
		}
	}
	return b.String()
}

// dumpRules prints the rules for Dump, once tables and views exist.
func dumpRules(s state.DatabaseSchema) string {
	var b strings.Builder
	for _, o := range s.Objects {
		if o.Kind == state.KindRule {
			b.WriteString(DefObjectDefinition(o))
		}
	}
	return b.String()
}

// LanguageTrusted reports whether a language's canonical definition says
// TRUSTED: only a trusted language has privileges (PostgreSQL refuses
// GRANT on an untrusted one).
func LanguageTrusted(o state.DefObject) bool {
	return strings.HasPrefix(o.Definition, "CREATE TRUSTED LANGUAGE ")
}

// ReplaceDefObject prints CREATE OR REPLACE of a language or transform,
// which changes its definition in place (a language keeps its owner,
// privileges and routines; a transform the routines using it).
func ReplaceDefObject(o state.DefObject) string {
	return strings.Replace(CreateDefObject(o), "CREATE ", "CREATE OR REPLACE ", 1)
}
