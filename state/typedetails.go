package state

// Attribute is an attribute of a composite type.
type Attribute struct {
	Name string `json:"name"`
	// Type is canonical SQL, as Column.Type.
	Type string `json:"type"`
	// Collation is an explicit collation as SQL text, as Column.Collation.
	Collation string `json:"collation,omitempty"`
	Comment   string `json:"comment,omitempty"`
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
	// named CHECK constraints (Definition "CHECK (VALUE > 0)", NotValid
	// for one added NOT VALID and not validated since).
	BaseType string       `json:"base_type,omitempty"`
	Default  string       `json:"default,omitempty"`
	NotNull  bool         `json:"not_null,omitempty"`
	Checks   []Constraint `json:"checks,omitempty"`
	// Composite: the attributes in order.
	Attributes []Attribute `json:"attributes,omitempty"`
	// Range: the subtype (canonical SQL), its operator class (empty for
	// the subtype's default btree class), the canonical and subtype_diff
	// functions as regproc prints them with search_path = pg_catalog
	// ("float8mi", "public.f"), and the multirange type's quoted qualified
	// name (always set, PostgreSQL's default filled in).
	Subtype        string `json:"subtype,omitempty"`
	SubtypeOpClass string `json:"subtype_opclass,omitempty"`
	Canonical      string `json:"canonical,omitempty"`
	SubtypeDiff    string `json:"subtype_diff,omitempty"`
	MultirangeName string `json:"multirange_name,omitempty"`
	// Collation is a domain's or range's explicit collation as SQL text
	// (`"C"`, `public.mycoll`), empty for the base type's default.
	Collation string `json:"collation,omitempty"`
}

// Key returns the type's ObjectKey.
func (t Type) Key() ObjectKey { return ObjectKey{Kind: KindType, Schema: t.Schema, Name: t.Name} }

// TypeRefs returns the types t is built from, as the canonical SQL type
// texts they are written with (array brackets included): a domain's base
// type, a composite's attribute types, a range's subtype.
func (t Type) TypeRefs() []string {
	switch t.Kind {
	case TypeDomain:
		return []string{t.BaseType}
	case TypeRange:
		return []string{t.Subtype}
	case TypeComposite:
		out := make([]string, len(t.Attributes))
		for i, a := range t.Attributes {
			out[i] = a.Type
		}
		return out
	}
	return nil
}
