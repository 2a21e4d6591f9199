package planner

import "github.com/renovate-pg/renovate/state"

// FormatVersion is the version of the plan structure as saved in plan files
// and JSON. It changes when a field's meaning changes.
const FormatVersion = 1

// Action is what a step or object change does.
type Action string

// Actions.
const (
	ActionCreate Action = "create"
	ActionAlter  Action = "alter"
	ActionDrop   Action = "drop"
	ActionRename Action = "rename"
	// Row changes of data tables (data.go).
	ActionInsert Action = "insert"
	ActionUpdate Action = "update"
	ActionDelete Action = "delete"
)

// HazardKind classifies what can go wrong when a step runs.
type HazardKind string

// The hazard kinds and every hazard message are declared in hazards.go.

// Hazard is one risk of a step, with a message for people.
type Hazard struct {
	Kind    HazardKind `json:"kind"`
	Message string     `json:"message"`
}

// Step is one statement of a plan.
type Step struct {
	// ID is the step's 1-based position in the plan.
	ID int `json:"id"`
	// Object is the object the step changes. For table members (columns,
	// constraints, indexes) Table names the table.
	Object state.ObjectKey `json:"object"`
	Action Action          `json:"action"`
	// SQL is one statement, ending in ";\n".
	SQL string `json:"sql"`
	// Transactional is false for statements PostgreSQL refuses to run in a
	// transaction block; apply runs those one by one, after the rest.
	Transactional bool     `json:"transactional"`
	Hazards       []Hazard `json:"hazards,omitempty"`
	// DependsOn are the IDs of the steps this one must run after,
	// ascending: steps on the same object or table, on the objects it
	// references, and, for a drop, those dropping or changing what used
	// the object (depends.go). They all run before it: a smaller ID in the
	// same group (transactional or not), or any transactional step for a
	// step that runs outside the transaction.
	DependsOn []int `json:"depends_on,omitempty"`
	// Relation is the existing table the step's hazards are about (the
	// table rewritten, scanned, locked or indexed), and Size its size in
	// the live database when the plan was made (hazard_size.go). Both are
	// nil when no hazard concerns an existing table's size. They live on
	// the step, not on each Hazard, so Hazard stays a two-field value.
	Relation *state.QualName `json:"relation,omitempty"`
	Size     *RelationSize   `json:"size,omitempty"`
	// Placeholder is set on a step whose SQL the user must write (a data
	// migration, see migration.go); apply refuses a plan with one left.
	Placeholder bool `json:"placeholder,omitempty"`

	phase phase
}

// HasHazard reports whether the step carries a hazard of kind k.
func (s Step) HasHazard(k HazardKind) bool {
	for _, h := range s.Hazards {
		if h.Kind == k {
			return true
		}
	}
	return false
}

// ObjectChange is the per-object view of a plan that people read first:
// the object's canonical definition before and after.
type ObjectChange struct {
	Object state.ObjectKey `json:"object"`
	Action Action          `json:"action"`
	// Old and New are the object's canonical SQL definitions; Old is empty
	// for a created object and New for a dropped one.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
}

// Plan is the reviewed artefact: what changes and the statements that
// change it.
type Plan struct {
	FormatVersion int `json:"format_version"`
	// RenovateVersion is the version of renovate that made the plan,
	// recorded so a saved plan says what wrote it.
	RenovateVersion string `json:"renovate_version,omitempty"`
	// RemoteFingerprint is the fingerprint of the remote schema the plan
	// was made against; apply refuses to run when the database moved.
	RemoteFingerprint string `json:"remote_fingerprint,omitempty"`
	// GitCommit is the commit of the local files, when they are in git.
	GitCommit string         `json:"git_commit,omitempty"`
	Changes   []ObjectChange `json:"changes"`
	Steps     []Step         `json:"steps"`
}

// Empty reports whether the plan changes nothing.
func (p *Plan) Empty() bool { return len(p.Steps) == 0 }

// Hazards returns every hazard of the plan's steps, in step order.
func (p *Plan) Hazards() []StepHazard {
	var out []StepHazard
	for _, s := range p.Steps {
		for _, h := range s.Hazards {
			out = append(out, StepHazard{Step: s.ID, Object: s.Object, Hazard: h})
		}
	}
	return out
}

// StepHazard is a hazard together with the step it belongs to.
type StepHazard struct {
	Step   int             `json:"step"`
	Object state.ObjectKey `json:"object"`
	Hazard
}
