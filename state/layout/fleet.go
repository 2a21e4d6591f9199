package layout

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// FleetFile is the name of a fleet run's summary in its directory,
// _meta/plans/<run>/fleet.json; each target's own record (plan.sql,
// remote_before.sql, outcome.json) is in _meta/plans/<run>/<target>/.
const FleetFile = "fleet.json"

// Fleet target statuses recorded in fleet.json, besides StatusApplied
// and StatusFailed.
const (
	// StatusNoChanges: the target already matched the files.
	StatusNoChanges = "no_changes"
	// StatusNotReached: the run stopped (a failure, the canary) before
	// the target was started.
	StatusNotReached = "not_reached"
	// StatusRefused: the target refused the apply before anything ran
	// (another apply held its lock, its schema changed since the plan).
	StatusRefused = "refused"
)

// FleetRun is one apply across the targets of a fleet environment. It is
// stored as fleet.json and is public: keep field names stable.
type FleetRun struct {
	Environment string    `json:"environment"`
	GitCommit   string    `json:"git_commit,omitempty"`
	Started     time.Time `json:"started"`
	Finished    time.Time `json:"finished"`
	// Resumes names the run (relative to the schema directory) whose
	// failed and unreached targets this run retried; its applied targets
	// are carried over with their Record there.
	Resumes string        `json:"resumes,omitempty"`
	Targets []FleetTarget `json:"targets"`
}

// FleetTarget is one target's state in a fleet run.
type FleetTarget struct {
	Name string `json:"name"`
	// Database names the target without credentials ("host:port/db").
	Database string `json:"database"`
	Status   string `json:"status"`
	// Canary is set for the targets applied first, as the canary.
	Canary bool `json:"canary,omitempty"`
	// Record is the target's record directory relative to the schema
	// directory ("" when nothing was recorded: no changes, not reached).
	Record string `json:"record,omitempty"`
	Steps  int    `json:"steps,omitempty"`
	Error  string `json:"error,omitempty"`
}

// Done reports whether the target needs nothing more from a re-run.
func (t FleetTarget) Done() bool {
	return t.Status == StatusApplied || t.Status == StatusNoChanges
}

// NewFleetRunDir creates an empty run directory for a fleet run started
// at started and returns it relative to dir.
func NewFleetRunDir(dir string, started time.Time) (string, error) {
	plans := filepath.Join(dir, filepath.FromSlash(PlansDir))
	if err := os.MkdirAll(plans, 0o755); err != nil {
		return "", fmt.Errorf("recording the fleet run: %w", err)
	}
	stamp := started.UTC().Format("20060102T150405Z")
	rel := PlansDir + "/" + stamp
	for i := 2; ; i++ {
		err := os.Mkdir(filepath.Join(dir, filepath.FromSlash(rel)), 0o755)
		if err == nil {
			return rel, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("recording the fleet run: %w", err)
		}
		rel = fmt.Sprintf("%s/%s-%d", PlansDir, stamp, i)
	}
}

// WriteFleetRun writes fr as rel/fleet.json (rel relative to dir),
// atomically.
func WriteFleetRun(dir, rel string, fr FleetRun) error {
	data, err := json.MarshalIndent(fr, "", "  ")
	if err != nil {
		return fmt.Errorf("recording the fleet run: %w", err)
	}
	if err := writeFileAtomic(filepath.Join(dir, filepath.FromSlash(rel), FleetFile), append(data, '\n')); err != nil {
		return fmt.Errorf("recording the fleet run in %s: %w", rel, err)
	}
	return nil
}

// ReadFleetRun reads rel/fleet.json; ok is false when rel is not a fleet
// run.
func ReadFleetRun(dir, rel string) (fr FleetRun, ok bool, err error) {
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel), FleetFile))
	if errors.Is(err, fs.ErrNotExist) {
		return fr, false, nil
	}
	if err != nil {
		return fr, false, fmt.Errorf("reading %s/%s: %w", rel, FleetFile, err)
	}
	if err := json.Unmarshal(b, &fr); err != nil {
		return fr, false, fmt.Errorf("reading %s/%s: %w", rel, FleetFile, err)
	}
	return fr, true, nil
}

// FleetRuns lists the fleet runs of environment env under dir, newest
// first, with their directories.
func FleetRuns(dir, env string) ([]string, []FleetRun, error) {
	runs, err := Runs(dir)
	if err != nil {
		return nil, nil, err
	}
	sort.Sort(sort.Reverse(sort.StringSlice(runs)))
	var rels []string
	var out []FleetRun
	for _, rel := range runs {
		fr, ok, err := ReadFleetRun(dir, rel)
		if err != nil {
			return nil, nil, err
		}
		if ok && fr.Environment == env {
			rels = append(rels, rel)
			out = append(out, fr)
		}
	}
	return rels, out, nil
}
