package state

import "strings"

// Definition objects.
//
// Aggregates, casts, text search configurations, dictionaries, parsers and
// templates, statistics objects, operators, operator families and
// classes, rules, procedural languages and transforms are "definition
// objects": each is
// compared by a canonical definition (SQL text the parser prints the same
// way for the files and the live database) and recreated when that
// changes, apart from the few properties PostgreSQL alters in place, which
// are Settings. One model serves them all; what differs between the kinds
// is how they are printed (sqlgen/defobject.go) and which settings
// change in place (planner/defobject.go).

// Kinds of definition objects.
const (
	KindAggregate        Kind = "aggregate"
	KindCast             Kind = "cast"
	KindTSConfiguration  Kind = "text_search_configuration"
	KindTSDictionary     Kind = "text_search_dictionary"
	KindTSParser         Kind = "text_search_parser"
	KindTSTemplate       Kind = "text_search_template"
	KindStatisticsObject Kind = "statistics"
	// KindOperator is CREATE OPERATOR; Name is the operator's symbol and
	// Signature its argument types, "(integer, integer)" or
	// "(NONE, integer)" for a prefix operator, as DROP OPERATOR names it.
	KindOperator Kind = "operator"
	// KindRule is CREATE RULE; Table names the relation the rule is on
	// (Schema is the relation's schema) and Name the rule.
	KindRule Kind = "rule"
	// KindOperatorFamily is CREATE OPERATOR FAMILY; Signature is
	// " USING <method>" (a family is named by its name and index access
	// method, as DROP OPERATOR FAMILY names it). Its Settings are its
	// loose members (ALTER OPERATOR FAMILY ... ADD), changed in place.
	KindOperatorFamily Kind = "operator_family"
	// KindOperatorClass is CREATE OPERATOR CLASS; Signature is
	// " USING <method>" as for families. Its Definition holds the members
	// bound to the class; it refers to its family.
	KindOperatorClass Kind = "operator_class"
	// KindConversion is CREATE CONVERSION: an encoding conversion of a
	// schema, through a C function; Refs name its function.
	KindConversion Kind = "conversion"
	// KindAccessMethod is CREATE ACCESS METHOD (an index or table access
	// method made by hand; those of extensions are the extension's). It
	// belongs to no schema; Refs name its handler function.
	KindAccessMethod Kind = "access_method"
	// KindLanguage is CREATE LANGUAGE made outside an extension (a
	// procedural language with its own handler functions). Schema is
	// empty, as for casts; Definition is the whole CREATE statement,
	// which CREATE OR REPLACE LANGUAGE changes in place. Privileges are
	// USAGE; they are written and planned only for a trusted language
	// (PostgreSQL refuses GRANT on an untrusted one).
	KindLanguage Kind = "language"
	// KindTransform is CREATE TRANSFORM; Schema is empty and Name is
	// "type LANGUAGE lang" (the type in canonical type text, the
	// language quoted where needed), as DROP TRANSFORM FOR names it.
	KindTransform Kind = "transform"
)

// DefKinds are the kinds a DefObject can have, in the order the model
// sorts them.
var DefKinds = []Kind{KindAggregate, KindCast, KindStatisticsObject,
	KindTSConfiguration, KindTSDictionary, KindTSParser, KindTSTemplate,
	KindOperator, KindOperatorFamily, KindOperatorClass, KindRule,
	KindConversion, KindAccessMethod, KindLanguage, KindTransform}

// IsDefKind reports whether k is a kind of DefObject.
func IsDefKind(k Kind) bool {
	for _, d := range DefKinds {
		if d == k {
			return true
		}
	}
	return false
}

// DefObject is one definition object.
//
// Schema is empty for casts and access methods, which belong to no
// schema; their Name is
// "source AS target" in canonical type text. Aggregates carry their
// identity arguments in Signature ("(text, text)", "(ORDER BY integer)",
// "(*)"), like routines.
type DefObject struct {
	Kind   Kind   `json:"kind"`
	Schema string `json:"schema,omitempty"`
	// Table is the relation a rule is on; empty for other kinds.
	Table     string `json:"table,omitempty"`
	Name      string `json:"name"`
	Signature string `json:"signature,omitempty"`
	// Definition is what must be recreated when it changes, as canonical
	// SQL: the whole CREATE statement for aggregates, casts, parsers,
	// templates, statistics objects, operators (without RESTRICT and
	// JOIN) and rules; "TEMPLATE = ..." for a text
	// search dictionary and "PARSER = ..." for a configuration, whose
	// options and mappings are Settings.
	Definition string `json:"definition"`
	// Settings are the properties changed in place: a dictionary's
	// options in the order written (their order is kept by the server),
	// a configuration's mappings by token type (Value is the dictionary
	// list), a statistics object's target ("statistics"), an operator's
	// "restrict" and "join" estimators (ALTER OPERATOR ... SET), a
	// rule's "enabled" state when it is not the default ("disabled",
	// "replica" or "always").
	Settings []DefSetting `json:"settings,omitempty"`
	Comment  string       `json:"comment,omitempty"`
	// Privileges are an aggregate's (EXECUTE) or a language's (USAGE),
	// in the effective form of state.Privilege; other kinds have none.
	Privileges []Privilege `json:"privileges,omitempty"`
	// Refs are the objects the definition names: functions (by name, no
	// signature, as views record them), types, and other definition
	// objects. Sorted.
	Refs []ObjectKey `json:"refs,omitempty"`
}

// DefSetting is one in-place property of a DefObject.
type DefSetting struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Key returns the object's key.
func (o DefObject) Key() ObjectKey {
	return ObjectKey{Kind: o.Kind, Schema: o.Schema, Table: o.Table, Name: o.Name, Signature: o.Signature}
}

// QualName returns the object's schema-qualified name.
func (o DefObject) QualName() QualName { return QualName{o.Schema, o.Name} }

// DefObject returns the definition object with key k.
func (s DatabaseSchema) DefObject(k ObjectKey) (DefObject, bool) {
	for _, o := range s.Objects {
		if o.Key() == k {
			return o, true
		}
	}
	return DefObject{}, false
}

func defKindRank(k Kind) int {
	for i, d := range DefKinds {
		if d == k {
			return i
		}
	}
	return len(DefKinds)
}

// orderDefObjects sorts the definition objects by kind, then key, and
// their references.
func (s *DatabaseSchema) orderDefObjects(o *orderer) {
	orderBy(o, s.Objects, func(a, b *DefObject) bool {
		if a.Kind != b.Kind {
			return defKindRank(a.Kind) < defKindRank(b.Kind)
		}
		return a.Key().Less(b.Key())
	})
	for i := range s.Objects {
		sortKeys(o, s.Objects[i].Refs)
		sortPrivileges(o, s.Objects[i].Privileges)
		switch s.Objects[i].Kind {
		case KindTSConfiguration:
			orderBy(o, s.Objects[i].Settings, func(a, b *DefSetting) bool { return a.Name < b.Name })
		case KindOperatorFamily:
			orderBy(o, s.Objects[i].Settings, func(a, b *DefSetting) bool { return OpFamilyMemberLess(a.Name, b.Name) })
		}
	}
}

// AggregateArgTypes returns the argument types of an aggregate signature
// as GRANT, REVOKE and COMMENT ON name them: "(x ORDER BY y)" and
// "(VARIADIC x)" are "x, y" and "x"; "(*)" is "" (no arguments).
func AggregateArgTypes(sig string) string {
	s := strings.TrimSuffix(strings.TrimPrefix(sig, "("), ")")
	if s == "*" {
		return ""
	}
	if direct, ordered, ok := strings.Cut(s, " ORDER BY "); ok {
		// (..., VARIADIC t ORDER BY VARIADIC t) has the variadic
		// argument once.
		if strings.HasPrefix(ordered, "VARIADIC ") && (direct == ordered || strings.HasSuffix(direct, ", "+ordered)) {
			s = direct
		} else {
			s = direct + ", " + ordered
		}
	}
	s = strings.TrimPrefix(s, "ORDER BY ")
	return strings.ReplaceAll(s, "VARIADIC ", "")
}

// OpFamilyMemberLess orders the members of an operator family, as their
// setting names spell them ("OPERATOR 1 (integer, bigint)", "FUNCTION 2
// (integer, integer)"): operators before functions, then by number, then
// by types.
func OpFamilyMemberLess(a, b string) bool {
	ka, na, ta := splitOpFamilyMember(a)
	kb, nb, tb := splitOpFamilyMember(b)
	if ka != kb {
		return ka == "OPERATOR"
	}
	if na != nb {
		return na < nb
	}
	return ta < tb
}

// splitOpFamilyMember splits "OPERATOR 1 (integer, bigint)" into its
// word, number and types.
func splitOpFamilyMember(s string) (string, int, string) {
	word, rest, _ := strings.Cut(s, " ")
	num, types, _ := strings.Cut(rest, " ")
	n := 0
	for _, c := range num {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return word, n, types
}
