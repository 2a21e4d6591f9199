package engine

import (
	"fmt"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/planfile"
	"github.com/renovate-pg/renovate/state"
)

// checkReadBack saves p as a plan file and reads it back as apply -p
// does: every statement renovate writes must be attributed to a known
// step, never be HazardUnclassified (which apply refuses without
// --allow-unclassified).
func checkReadBack(p *planner.Plan, dataTables []state.QualName) error {
	got, err := planfile.ReadWithOptions("plan.sql", planSQL(p), planfile.Options{DataTables: dataTables})
	if err != nil {
		return fmt.Errorf("reading the saved plan back: %w", err)
	}
	for _, s := range got.Steps {
		if s.HasHazard(planner.HazardUnclassified) {
			return fmt.Errorf("step %d of the saved plan reads back as unclassified:\n%s", s.ID, s.SQL)
		}
	}
	return nil
}
