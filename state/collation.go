package state

// Collation is a CREATE COLLATION object.
type Collation struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	// Provider is "libc", "icu" or "builtin".
	Provider      string `json:"provider"`
	Locale        string `json:"locale,omitempty"`
	LcCollate     string `json:"lc_collate,omitempty"`
	LcCtype       string `json:"lc_ctype,omitempty"`
	Deterministic bool   `json:"deterministic"`
	Comment       string `json:"comment,omitempty"`
}

// QualName returns the collation's schema-qualified name.
func (c Collation) QualName() QualName { return QualName{c.Schema, c.Name} }
