package state

// Owner says which role owns an object. Owners are part of the model
// only where the user manages them (renovate.hcl's owners = "manage"):
// the engine adds them to both sides of a plan then, and leaves them out
// otherwise, so a model without Owners means "owners are not compared",
// never "owned by nobody".
//
// Object is the key of a schema, table (foreign tables included), view,
// materialized view, standalone sequence, type (domains included),
// function, procedure, aggregate, operator, operator class or family,
// collation, text search configuration or dictionary, statistics object,
// conversion, procedural language, event trigger, publication, foreign-data
// wrapper or foreign server (the
// kinds of OwnedKinds). Sequences of serial and identity columns go with
// their table, whose owner PostgreSQL gives them; casts, rules and text
// search parsers and templates have no owner.
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
	KindAggregate, KindOperator, KindOperatorClass, KindOperatorFamily, KindCollation, KindTSConfiguration, KindTSDictionary,
	KindStatisticsObject, KindConversion, KindLanguage, KindEventTrigger, KindPublication, KindForeignDataWrapper, KindServer}

// IsOwnedKind reports whether the model can record the owner of an
// object of kind k.
func IsOwnedKind(k Kind) bool {
	for _, o := range OwnedKinds {
		if o == k {
			return true
		}
	}
	return false
}
