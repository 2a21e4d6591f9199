package cli

import (
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
)

// blocksApply reports whether hazard h of step s needs --allow-data-loss
// (or a "yes" at the prompt): every deletes_data and cascades_data
// hazard, but with --allow-row-deletes not the deletes_data of a step
// deleting a data table's rows that reaches no other table's rows. Steps
// of a saved plan (-p) name no object, so the flag does not cover them:
// their reach was counted when the plan was made, and a hand edit could
// have changed it.
func blocksApply(opts *ApplyOptions, s planner.Step, h planner.Hazard) bool {
	switch h.Kind {
	case planner.HazardCascadesData:
		return true
	case planner.HazardDeletesData:
		if opts.AllowRowDeletes && s.Object.Kind == state.KindData && s.Action == planner.ActionDelete && !s.HasHazard(planner.HazardCascadesData) {
			return false
		}
		return true
	}
	return false
}
