package cli

import (
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
)

// blocksApply reports whether hazard h of step s needs --allow-data-loss
// (or a "yes" at the prompt): every hazard whose kind loses data
// (deletes_data, cascades_data: planner/hazards.go), but with
// --allow-row-deletes not the deletes_data of a step deleting a data
// table's rows that reaches no other table's rows. Steps
// of a saved plan (-p) name no object, so the flag does not cover them:
// their reach was counted when the plan was made, and a hand edit could
// have changed it.
func blocksApply(opts *ApplyOptions, s planner.Step, h planner.Hazard) bool {
	if !h.Kind.LosesData() {
		return false
	}
	// --allow-row-deletes covers deletes_data of a data table's own rows,
	// never cascades_data.
	return !(h.Kind == planner.HazardDeletesData && opts.AllowRowDeletes && s.Object.Kind == state.KindData &&
		s.Action == planner.ActionDelete && !s.HasHazard(planner.HazardCascadesData))
}
