package state

// Owner says which role owns an object. Owners are part of the model
// only where the user manages them (renovate.hcl's owners = "manage"):
// the engine adds them to both sides of a plan then, and leaves them out
// otherwise, so a model without Owners means "owners are not compared",
// never "owned by nobody".
//
// Object is the key of a schema, table (foreign tables included), view,
// materialized view, standalone sequence, type (domains included),
// function or procedure, or procedural language. Sequences of serial and identity columns go with
// their table, whose owner PostgreSQL gives them.
type Owner struct {
	Object ObjectKey `json:"object"`
	// Role is the owning role's name.
	Role string `json:"role"`
}

// OwnerOf returns the owner the model records for k, if any.
func (s DatabaseSchema) OwnerOf(k ObjectKey) (string, bool) {
	for _, o := range s.Owners {
		if o.Object == k {
			return o.Role, true
		}
	}
	return "", false
}

// OwnedKinds are the kinds whose owners the model can record.
var OwnedKinds = []Kind{KindSchema, KindTable, KindView, KindMaterializedView, KindSequence, KindType, KindFunction, KindProcedure,
	KindLanguage}
