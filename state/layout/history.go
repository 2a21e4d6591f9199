package layout

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// PlansDir is where apply records each run, relative to the schema
// directory: _meta/plans/<UTC timestamp>/.
const PlansDir = MetaDir + "/plans"

// Outcome is what happened when a plan ran. It is stored as outcome.json
// and is public: keep field names stable.
type Outcome struct {
	// Status is "applied" or "failed".
	Status   string    `json:"status"`
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished"`
	// Database names the target without credentials ("host:port/db").
	Database string `json:"database"`
	// Environment is the renovate.hcl environment the run targeted, empty
	// when the database was given by URL alone. renovate show uses it to
	// put variable references back into the recorded SQL.
	Environment string `json:"environment,omitempty"`
	// GitCommit is the commit of the schema files the plan came from.
	GitCommit string `json:"git_commit,omitempty"`
	// FingerprintBefore and FingerprintAfter are the remote schema's
	// fingerprints around the run.
	FingerprintBefore string `json:"fingerprint_before"`
	FingerprintAfter  string `json:"fingerprint_after,omitempty"`
	// Steps is the number of statements in the plan; StepsCommitted how
	// many of them are in the database now.
	Steps          int `json:"steps"`
	StepsCommitted int `json:"steps_committed"`
	// FailedStep is the 1-based step that failed, 0 when none did.
	FailedStep      int    `json:"failed_step,omitempty"`
	FailedStatement string `json:"failed_statement,omitempty"`
	Error           string `json:"error,omitempty"`
	// StepResults say, step by step, what became of each: "applied",
	// "rolled_back", "failed" or "not_run", and whether it ran in the
	// plan's transaction. After a failure they tell which
	// non-transactional steps ran and which did not.
	StepResults []StepResult `json:"step_results,omitempty"`
	// Retries are the lock timeouts apply retried.
	Retries []RetryRecord `json:"retries,omitempty"`
}

// StepResult is what became of one step of an applied plan.
type StepResult struct {
	Step          int    `json:"step"`
	Object        string `json:"object,omitempty"`
	Transactional bool   `json:"transactional"`
	Status        string `json:"status"`
}

// RetryRecord is one lock timeout that apply retried after a pause.
type RetryRecord struct {
	Step    int    `json:"step"`
	Attempt int    `json:"attempt"`
	WaitMS  int64  `json:"wait_ms"`
	Error   string `json:"error"`
}

// Run is one recorded apply.
type Run struct {
	// Plan is the plan as executed (its SQL file text).
	Plan string
	// RemoteBefore is the canonical SQL of the remote schema before the
	// run.
	RemoteBefore string
	Outcome      Outcome
}

// RecordRun writes run under dir/_meta/plans/<UTC timestamp of
// Outcome.Started>/ (plan.sql, remote_before.sql, outcome.json) and
// returns that directory relative to dir.
func RecordRun(dir string, run Run) (string, error) {
	stamp := run.Outcome.Started.UTC().Format("20060102T150405Z")
	rel := PlansDir + "/" + stamp
	for i := 2; ; i++ {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel))); os.IsNotExist(err) {
			break
		}
		rel = fmt.Sprintf("%s/%s-%d", PlansDir, stamp, i)
	}
	full := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(full, 0o755); err != nil {
		return "", fmt.Errorf("recording run: %w", err)
	}
	outcome, err := json.MarshalIndent(run.Outcome, "", "  ")
	if err != nil {
		return "", fmt.Errorf("recording run: %w", err)
	}
	for name, data := range map[string][]byte{
		"plan.sql":          []byte(run.Plan),
		"remote_before.sql": []byte(run.RemoteBefore),
		"outcome.json":      append(outcome, '\n'),
	} {
		if err := writeFileAtomic(filepath.Join(full, name), data); err != nil {
			return "", fmt.Errorf("recording run: writing %s: %w", name, err)
		}
	}
	return rel, nil
}

// Runs lists the recorded runs' directories relative to dir, oldest first.
func Runs(dir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(PlansDir)))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("listing runs: %w", err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, PlansDir+"/"+e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}
