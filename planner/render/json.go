package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/renovate-pg/renovate/planner"
)

// jsonPlan is the JSON view: the Plan exactly as its JSON tags say, plus
// the summary counts. Embedding the Plan keeps the two in step: a field
// added to planner.Plan appears in the JSON (and the schema test in this
// package fails until docs/plan.schema.json describes it).
type jsonPlan struct {
	*planner.Plan
	Summary Counts `json:"summary"`
}

// JSON writes p as the documented, versioned JSON plan
// (docs/plan.schema.json): format_version, renovate_version,
// remote_fingerprint, git_commit, the per-object changes, the steps (id,
// object, action, sql, transactional, hazards, depends_on) and a summary.
// Output is indented and ends in a newline; key order is fixed.
func JSON(w io.Writer, p *planner.Plan) error {
	cp := *p
	if cp.Changes == nil {
		cp.Changes = []planner.ObjectChange{}
	}
	if cp.Steps == nil {
		cp.Steps = []planner.Step{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	// SQL is full of <, > and &: keep it readable.
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(jsonPlan{Plan: &cp, Summary: Count(p)}); err != nil {
		return fmt.Errorf("encoding the plan as JSON: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err
}
