package state

// Trigger is a trigger on a table or view.
type Trigger struct {
	Name string `json:"name"`
	// Definition is the canonical CREATE [CONSTRAINT] TRIGGER statement,
	// shaped like pg_get_triggerdef's output (without a semicolon).
	Definition string `json:"definition"`
	// Function is the trigger function.
	Function QualName `json:"function"`
	// Enabled is "origin" (the default), "disabled", "replica" or
	// "always".
	Enabled string `json:"enabled,omitempty"`
	Comment string `json:"comment,omitempty"`
	// RenamedFrom is a user-declared previous name on the same relation
	// (local side only).
	RenamedFrom string `json:"renamed_from,omitempty"`
}

// TriggerKey returns the ObjectKey of trigger name on relation t.
func TriggerKey(t QualName, name string) ObjectKey {
	return ObjectKey{Kind: KindTrigger, Schema: t.Schema, Table: t.Name, Name: name}
}

// EventTrigger is a CREATE EVENT TRIGGER object.
type EventTrigger struct {
	Name string `json:"name"`
	// Event is ddl_command_start, ddl_command_end, sql_drop,
	// table_rewrite or login.
	Event string `json:"event"`
	// Tags are the WHEN TAG IN filter values, upper case, in the order
	// written.
	Tags     []string `json:"tags,omitempty"`
	Function QualName `json:"function"`
	// Enabled is "origin", "disabled", "replica" or "always", as for
	// triggers.
	Enabled string `json:"enabled,omitempty"`
	Comment string `json:"comment,omitempty"`
}

// Key returns the event trigger's ObjectKey.
func (e EventTrigger) Key() ObjectKey { return ObjectKey{Kind: KindEventTrigger, Name: e.Name} }
