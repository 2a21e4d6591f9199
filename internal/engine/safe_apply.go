package engine

import (
	"fmt"
	"strings"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// PlaceholderError means the plan still holds SQL the user must write (a
// "-- renovate: fill in" placeholder of a data migration).
type PlaceholderError struct {
	// Steps are the 1-based steps with a placeholder.
	Steps []int
}

func (e *PlaceholderError) Error() string {
	ids := make([]string, len(e.Steps))
	for i, s := range e.Steps {
		ids[i] = fmt.Sprint(s)
	}
	return fmt.Sprintf("the plan needs SQL only you can write (step %s: %q placeholder); save it with renovate plan -o FILE, fill in or remove the placeholder, and apply it with renovate apply -p FILE; nothing was changed",
		strings.Join(ids, ", "), planner.PlaceholderMarker)
}

// CheckPlaceholders refuses a plan with a step the user must write; Apply
// calls it, and the CLI before asking for confirmation.
func CheckPlaceholders(p *planner.Plan) error {
	var steps []int
	for _, s := range p.Steps {
		if s.Placeholder || strings.Contains(s.SQL, planner.PlaceholderMarker) {
			steps = append(steps, s.ID)
		}
	}
	if len(steps) > 0 {
		return &PlaceholderError{Steps: steps}
	}
	return nil
}

// statementsFor turns the plan's steps into statements to execute, with
// what error messages and retries need to know.
func statementsFor(p *planner.Plan) []catalog.Statement {
	stmts := make([]catalog.Statement, len(p.Steps))
	for i, s := range p.Steps {
		st := catalog.Statement{SQL: s.SQL, Transactional: s.Transactional, Object: objectName(s)}
		if s.Object.Kind != "" && strings.Contains(s.SQL, " INDEX CONCURRENTLY ") && strings.HasPrefix(s.SQL, "CREATE ") {
			st.ConcurrentIndex = sqlgen.QualifiedName(s.Object.Schema, s.Object.Name)
		}
		switch {
		case s.Object.Table != "":
			st.Relation = sqlgen.QualifiedName(s.Object.Schema, s.Object.Table)
		case s.Object.Kind == state.KindTable:
			st.Relation = sqlgen.QualifiedName(s.Object.Schema, s.Object.Name)
		}
		stmts[i] = st
	}
	return stmts
}

// recordSteps puts what became of each step, and the retries, into the
// run's outcome.
func recordSteps(o *layout.Outcome, p *planner.Plan, r catalog.ExecResult) {
	for i, s := range p.Steps {
		status := catalog.StatusNotRun
		if i < len(r.Status) {
			status = r.Status[i]
		}
		o.StepResults = append(o.StepResults, layout.StepResult{Step: i + 1, Object: objectName(s), Transactional: s.Transactional, Status: status})
	}
	for _, rt := range r.Retries {
		o.Retries = append(o.Retries, layout.RetryRecord{Step: rt.Statement + 1, Attempt: rt.Attempt, WaitMS: rt.Wait.Milliseconds(), Error: rt.Error})
	}
}

// objectName names a step's object for people; steps read from a plan
// file have none.
func objectName(s planner.Step) string {
	if s.Object.Kind == "" {
		return ""
	}
	return s.Object.String()
}
