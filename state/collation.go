package state

// Collation is a CREATE COLLATION object.
//
// The fields are canonical: a libc collation whose LC_COLLATE and LC_CTYPE
// are the same has only Locale set; one where they differ has LcCollate
// and LcCtype and no Locale. ICU and builtin collations have only Locale.
type Collation struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	// Provider is "libc", "icu" or "builtin".
	Provider      string `json:"provider"`
	Locale        string `json:"locale,omitempty"`
	LcCollate     string `json:"lc_collate,omitempty"`
	LcCtype       string `json:"lc_ctype,omitempty"`
	Deterministic bool   `json:"deterministic"`
	// Rules are ICU tailoring rules (PostgreSQL 16+).
	Rules string `json:"rules,omitempty"`
	// AnyEncoding marks a libc collation usable with any database
	// encoding (collencoding -1), which only a copy of the built-in "C"
	// or "POSIX" collation (CREATE COLLATION ... FROM) is; one created
	// with a locale belongs to the database's encoding.
	AnyEncoding bool   `json:"any_encoding,omitempty"`
	Comment     string `json:"comment,omitempty"`
}

// QualName returns the collation's schema-qualified name.
func (c Collation) QualName() QualName { return QualName{c.Schema, c.Name} }

// Key returns the collation's ObjectKey.
func (c Collation) Key() ObjectKey {
	return ObjectKey{Kind: KindCollation, Schema: c.Schema, Name: c.Name}
}
