package state

// Attribute is an attribute of a composite type.
type Attribute struct {
	Name      string `json:"name"`
	Type      string `json:"type"`
	Collation string `json:"collation,omitempty"`
}

// Type kinds beyond enums.
const (
	TypeDomain    TypeKind = "domain"
	TypeComposite TypeKind = "composite"
	TypeRange     TypeKind = "range"
)

// TypeDetails hold the fields of the non-enum kinds of Type; only those of
// the type's Kind are set.
type TypeDetails struct {
	// Domain: base type (canonical SQL), default, NOT NULL, collation and
	// named CHECK constraints (Definition "CHECK (VALUE > 0)").
	BaseType string       `json:"base_type,omitempty"`
	Default  string       `json:"default,omitempty"`
	NotNull  bool         `json:"not_null,omitempty"`
	Checks   []Constraint `json:"checks,omitempty"`
	// Composite.
	Attributes []Attribute `json:"attributes,omitempty"`
	// Range.
	Subtype        string `json:"subtype,omitempty"`
	SubtypeOpClass string `json:"subtype_opclass,omitempty"`
	Canonical      string `json:"canonical,omitempty"`
	SubtypeDiff    string `json:"subtype_diff,omitempty"`
	MultirangeName string `json:"multirange_name,omitempty"`
	// Collation is a domain's or range's collation.
	Collation string `json:"collation,omitempty"`
}
