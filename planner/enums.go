package planner

// HazardKinds returns every hazard kind the planner can attach to a step,
// in a fixed order. The CLI validates --fail-on-hazard against it and the
// JSON schema (docs/plan.schema.json) enumerates the same kinds; a test
// checks that every HazardKind constant of this package is listed.
func HazardKinds() []HazardKind {
	return []HazardKind{
		HazardDeletesData,
		HazardCascadesData,
		HazardTableRewrite,
		HazardCastMayFail,
		HazardIndexBuild,
		HazardValidation,
		HazardNotTransactional,
		HazardAccessExclusiveLock,
		HazardDataMigration,
		HazardInvalidIndex,
		HazardSecurity,
		HazardUnclassified,
		HazardReplication,
	}
}

// Actions returns every Action a step or an object change can have, in a
// fixed order (checked against the constants like HazardKinds).
func Actions() []Action {
	return []Action{ActionCreate, ActionAlter, ActionDrop, ActionRename, ActionInsert, ActionUpdate, ActionDelete}
}
