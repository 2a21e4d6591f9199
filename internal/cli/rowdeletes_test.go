package cli

import (
	"testing"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
)

// TestBlocksApply: the hazard kinds declared to lose data block apply;
// --allow-row-deletes lifts only a data table's own row deletes that
// reach no other table.
func TestBlocksApply(t *testing.T) {
	q := state.QualName{Schema: "public", Name: "t"}
	rows := planner.NewHazard(planner.DeletesDataRows, q, 2)
	cascade := planner.NewHazard(planner.CascadesDeletes, q, "deletes 1 row of public.c (ON DELETE CASCADE)")
	dataDelete := planner.Step{Object: state.ObjectKey{Kind: state.KindData, Schema: "public", Name: "t"}, Action: planner.ActionDelete, Hazards: []planner.Hazard{rows}}
	cascading := dataDelete
	cascading.Hazards = []planner.Hazard{rows, cascade}
	dropColumn := planner.Step{Object: state.ObjectKey{Kind: state.KindColumn, Schema: "public", Table: "t", Name: "c"}, Action: planner.ActionDrop}
	tests := []struct {
		name      string
		rowDelete bool
		step      planner.Step
		hazard    planner.Hazard
		want      bool
	}{
		{"dropped column", false, dropColumn, planner.NewHazard(planner.DropsColumn, q, "c"), true},
		{"dropped column, row deletes allowed", true, dropColumn, planner.NewHazard(planner.DropsColumn, q, "c"), true},
		{"data rows", false, dataDelete, rows, true},
		{"data rows, row deletes allowed", true, dataDelete, rows, false},
		{"cascading data rows, row deletes allowed", true, cascading, rows, true},
		{"cascade, row deletes allowed", true, cascading, cascade, true},
		{"table rewrite", false, dropColumn, planner.NewHazard(planner.ChangesLogged, q), false},
		{"security", false, dropColumn, planner.NewHazard(planner.DropsPolicy, "p", q), false},
	}
	for _, tt := range tests {
		opts := &ApplyOptions{AllowRowDeletes: tt.rowDelete}
		if got := blocksApply(opts, tt.step, tt.hazard); got != tt.want {
			t.Errorf("%s: blocksApply = %v, want %v", tt.name, got, tt.want)
		}
	}
	for _, k := range planner.HazardKinds() {
		want := k == planner.HazardDeletesData || k == planner.HazardCascadesData
		if got := blocksApply(&ApplyOptions{}, dropColumn, planner.Hazard{Kind: k}); got != want {
			t.Errorf("kind %s: blocksApply = %v, want %v", k, got, want)
		}
	}
}
