package sqlgen

import (
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// TriggerDefinition prints a trigger's file: CREATE TRIGGER, ALTER TABLE
// ... ENABLE/DISABLE when it is not in the default state, and its comment.
// table is the relation the trigger is on.
func TriggerDefinition(table state.QualName, t state.Trigger) string {
	var b strings.Builder
	b.WriteString(CreateTrigger(t))
	if t.Enabled != "" && t.Enabled != "origin" {
		b.WriteString(EnableTrigger(table, t.Name, t.Enabled))
	}
	writeComment(&b, "TRIGGER", QuoteIdent(t.Name)+" ON "+Qual(table), t.Comment)
	return b.String()
}

// CreateTrigger prints the trigger's definition as a statement.
func CreateTrigger(t state.Trigger) string { return t.Definition + ";\n" }

// DropTrigger prints DROP TRIGGER.
func DropTrigger(table state.QualName, name string) string {
	return "DROP TRIGGER " + QuoteIdent(name) + " ON " + Qual(table) + ";\n"
}

// RenameTrigger prints ALTER TRIGGER ... RENAME TO.
func RenameTrigger(table state.QualName, from, to string) string {
	return "ALTER TRIGGER " + QuoteIdent(from) + " ON " + Qual(table) + " RENAME TO " + QuoteIdent(to) + ";\n"
}

// enableWords maps the model's Enabled values to the words of ALTER TABLE
// and ALTER EVENT TRIGGER.
var enableWords = map[string]string{
	"":         "ENABLE",
	"origin":   "ENABLE",
	"disabled": "DISABLE",
	"replica":  "ENABLE REPLICA",
	"always":   "ENABLE ALWAYS",
}

// EnableTrigger prints ALTER TABLE ... ENABLE/DISABLE [REPLICA|ALWAYS]
// TRIGGER.
func EnableTrigger(table state.QualName, name, enabled string) string {
	return "ALTER TABLE " + Qual(table) + " " + enableWords[enabled] + " TRIGGER " + QuoteIdent(name) + ";\n"
}

// TriggerComment prints COMMENT ON TRIGGER.
func TriggerComment(table state.QualName, name, comment string) string {
	return Comment("TRIGGER", QuoteIdent(name)+" ON "+Qual(table), comment)
}

// EventTriggersFile prints every event trigger, separated by blank lines.
func EventTriggersFile(ets []state.EventTrigger) string {
	parts := make([]string, len(ets))
	for i, e := range ets {
		parts[i] = EventTriggerDefinition(e)
	}
	return strings.Join(parts, "\n")
}

// EventTriggerDefinition prints CREATE EVENT TRIGGER, ALTER EVENT TRIGGER
// when it is not in the default state, and its comment.
func EventTriggerDefinition(e state.EventTrigger) string {
	var b strings.Builder
	b.WriteString(CreateEventTrigger(e))
	if e.Enabled != "" && e.Enabled != "origin" {
		b.WriteString(EnableEventTrigger(e.Name, e.Enabled))
	}
	writeComment(&b, "EVENT TRIGGER", QuoteIdent(e.Name), e.Comment)
	return b.String()
}

// CreateEventTrigger prints CREATE EVENT TRIGGER.
func CreateEventTrigger(e state.EventTrigger) string {
	var b strings.Builder
	b.WriteString("CREATE EVENT TRIGGER " + QuoteIdent(e.Name) + " ON " + QuoteIdent(e.Event) + "\n")
	if len(e.Tags) > 0 {
		q := make([]string, len(e.Tags))
		for i, t := range e.Tags {
			q[i] = QuoteLiteral(t)
		}
		b.WriteString(" WHEN TAG IN (" + strings.Join(q, ", ") + ")\n")
	}
	b.WriteString(" EXECUTE FUNCTION " + functionName(e.Function) + "();\n")
	return b.String()
}

// functionName prints a function's name, unqualified when it is built
// in.
func functionName(q state.QualName) string {
	if q.Schema == "pg_catalog" {
		return QuoteIdent(q.Name)
	}
	return Qual(q)
}

// DropEventTrigger prints DROP EVENT TRIGGER.
func DropEventTrigger(name string) string { return "DROP EVENT TRIGGER " + QuoteIdent(name) + ";\n" }

// EnableEventTrigger prints ALTER EVENT TRIGGER ... ENABLE/DISABLE.
func EnableEventTrigger(name, enabled string) string {
	return "ALTER EVENT TRIGGER " + QuoteIdent(name) + " " + enableWords[enabled] + ";\n"
}

// EventTriggerComment prints COMMENT ON EVENT TRIGGER.
func EventTriggerComment(name, comment string) string {
	return Comment("EVENT TRIGGER", QuoteIdent(name), comment)
}

// dumpFunctions prints every function and procedure, for Dump.
func dumpFunctions(s state.DatabaseSchema) string {
	var b strings.Builder
	for _, f := range s.Functions {
		b.WriteString(FunctionDefinition(f))
	}
	return b.String()
}

// dumpTriggers prints every trigger and event trigger, for Dump.
func dumpTriggers(s state.DatabaseSchema) string {
	var b strings.Builder
	for _, t := range s.Tables {
		for _, tr := range t.Triggers {
			b.WriteString(TriggerDefinition(t.QualName(), tr))
		}
	}
	for _, v := range s.Views {
		for _, tr := range v.Triggers {
			b.WriteString(TriggerDefinition(v.QualName(), tr))
		}
	}
	for _, e := range s.EventTriggers {
		b.WriteString(EventTriggerDefinition(e))
	}
	return b.String()
}
