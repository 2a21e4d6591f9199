package sqlgen

import (
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// This file prints the temporary objects of the server tier of
// normalization (package normalize): copies of local definitions that
// PostgreSQL creates in pg_temp, inside a transaction that is always
// rolled back, so that it prints them its own way. They are printed for
// that purpose here, never patched from the real objects' statements.
// (CreateTempView is in view.go.)

// CreateTempTable prints CREATE TEMP TABLE: t, with constraints inline,
// as the temporary table t.Name (t.Schema and t.Unlogged do not apply).
// t must be able to stand alone in pg_temp: no storage parameters,
// tablespace or permanent parent.
func CreateTempTable(t state.Table, constraints []state.Constraint) string {
	return createTable(t, constraints, true)
}

// IndexDefinitionOn prints ix's definition, which has the shape
// pg_get_indexdef prints ("CREATE [UNIQUE] INDEX name ON table USING
// ..."), on the table target instead of table. ok is false when the
// definition is not on table itself: an index ON ONLY a partitioned table
// has no meaning on a temporary copy, which is never partitioned.
func IndexDefinitionOn(ix state.Index, table, target state.QualName) (def string, ok bool) {
	on := " ON " + Qual(table) + " "
	for _, head := range []string{"CREATE INDEX ", "CREATE UNIQUE INDEX "} {
		head += QuoteIdent(ix.Name) + on
		if strings.HasPrefix(ix.Definition, head) {
			return strings.TrimSuffix(head, on) + " ON " + Qual(target) + " " + ix.Definition[len(head):], true
		}
	}
	return "", false
}

// TriggerDefinitionOn prints tr's definition, which has the shape
// pg_get_triggerdef prints ("CREATE [CONSTRAINT] TRIGGER name timing
// events ON table ..."), on the table target instead of table. ok is
// false when the definition does not have that shape.
func TriggerDefinitionOn(tr state.Trigger, table, target state.QualName) (def string, ok bool) {
	var rest string
	for _, head := range []string{"CREATE TRIGGER ", "CREATE CONSTRAINT TRIGGER "} {
		head += QuoteIdent(tr.Name) + " "
		if strings.HasPrefix(tr.Definition, head) {
			rest = tr.Definition[len(head):]
			break
		}
	}
	// The timing and events are keywords and quoted column names, so
	// the first " ON table " ends them.
	on := " ON " + Qual(table) + " "
	i := strings.Index(rest, on)
	if i < 0 {
		return "", false
	}
	head := tr.Definition[:len(tr.Definition)-len(rest)]
	return head + rest[:i] + " ON " + Qual(target) + " " + rest[i+len(on):], true
}
