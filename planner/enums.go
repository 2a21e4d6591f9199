package planner

// Actions returns every Action a step or an object change can have, in a
// fixed order (checked against the constants like HazardKinds).
func Actions() []Action {
	return []Action{ActionCreate, ActionAlter, ActionDrop, ActionRename, ActionInsert, ActionUpdate, ActionDelete}
}
