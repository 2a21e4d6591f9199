package state

// Trigger is a trigger on a table or view.
type Trigger struct {
	Name string `json:"name"`
	// Definition is the canonical CREATE [CONSTRAINT] TRIGGER statement.
	Definition string `json:"definition"`
	// Function is the trigger function.
	Function QualName `json:"function"`
	// Enabled is "origin" (the default), "disabled", "replica" or
	// "always".
	Enabled string `json:"enabled,omitempty"`
	Comment string `json:"comment,omitempty"`
}

// EventTrigger is a CREATE EVENT TRIGGER object.
type EventTrigger struct {
	Name     string   `json:"name"`
	Event    string   `json:"event"`
	Tags     []string `json:"tags,omitempty"`
	Function QualName `json:"function"`
	Enabled  string   `json:"enabled,omitempty"`
	Comment  string   `json:"comment,omitempty"`
}
