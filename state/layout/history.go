package layout

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

// PlansDir is where apply records each run, relative to the schema
// directory: _meta/plans/<UTC timestamp>/.
const PlansDir = MetaDir + "/plans"

// Outcome is what happened when a plan ran. It is stored as outcome.json
// and is public: keep field names stable.
type Outcome struct {
	// Status is "applied" or "failed"; "in_progress" while the run is
	// executing, "interrupted" for a run a later command found left in
	// progress.
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
	// Recovery, on a run left in progress (killed, or its end could not
	// be recorded), says what the command that found it could tell about
	// its effect.
	Recovery string `json:"recovery,omitempty"`
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

// Run statuses recorded in outcome.json.
const (
	StatusApplied = "applied"
	StatusFailed  = "failed"
	// StatusInProgress is written before the first statement runs and
	// replaced when the run ends: a record still saying it was left by a
	// run that was killed or could not finish recording.
	StatusInProgress = "in_progress"
	// StatusInterrupted is what a later command records for a run left
	// in progress (see Outcome.Recovery).
	StatusInterrupted = "interrupted"
)

// OutcomeFile is the name of a run's outcome in its directory.
const OutcomeFile = "outcome.json"

// RecordRun writes run under dir/_meta/plans/<UTC timestamp of
// Outcome.Started>/ (plan.sql, remote_before.sql, outcome.json) and
// returns that directory relative to dir. The directory appears whole or
// not at all: it is written under a temporary name and renamed.
func RecordRun(dir string, run Run) (string, error) {
	outcome, err := json.MarshalIndent(run.Outcome, "", "  ")
	if err != nil {
		return "", fmt.Errorf("recording run: %w", err)
	}
	plans := filepath.Join(dir, filepath.FromSlash(PlansDir))
	tmp, err := writeRunTemp(plans, run, outcome)
	if err != nil {
		return "", err
	}
	stamp := run.Outcome.Started.UTC().Format("20060102T150405Z")
	rel := PlansDir + "/" + stamp
	for i := 2; ; i++ {
		err := os.Rename(tmp, filepath.Join(dir, filepath.FromSlash(rel)))
		if err == nil {
			return rel, nil
		}
		if !errors.Is(err, fs.ErrExist) && !isNotEmpty(err) {
			os.RemoveAll(tmp)
			return "", fmt.Errorf("recording run: %w", err)
		}
		rel = fmt.Sprintf("%s/%s-%d", PlansDir, stamp, i)
	}
}

// RecordRunAt is RecordRun into the directory rel (relative to dir,
// which must not exist yet): one target's record inside a fleet run,
// _meta/plans/<run>/<target>/.
func RecordRunAt(dir, rel string, run Run) error {
	outcome, err := json.MarshalIndent(run.Outcome, "", "  ")
	if err != nil {
		return fmt.Errorf("recording run: %w", err)
	}
	dst := filepath.Join(dir, filepath.FromSlash(rel))
	tmp, err := writeRunTemp(filepath.Dir(dst), run, outcome)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("recording run: %w", err)
	}
	return nil
}

// writeRunTemp writes a run's files into a new temporary directory under
// parent and returns it.
func writeRunTemp(parent string, run Run, outcome []byte) (string, error) {
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("recording run: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, ".run-*")
	if err != nil {
		return "", fmt.Errorf("recording run: %w", err)
	}
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"plan.sql", []byte(run.Plan)},
		{"remote_before.sql", []byte(run.RemoteBefore)},
		{OutcomeFile, append(outcome, '\n')},
	} {
		if err := writeFileAtomic(filepath.Join(tmp, f.name), f.data); err != nil {
			os.RemoveAll(tmp)
			return "", fmt.Errorf("recording run: writing %s: %w", f.name, err)
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return "", fmt.Errorf("recording run: %w", err)
	}
	return tmp, nil
}

// isNotEmpty reports a rename onto a directory that exists (ENOTEMPTY,
// which errors.Is(err, fs.ErrExist) does not match on every system).
func isNotEmpty(err error) bool {
	var le *os.LinkError
	return errors.As(err, &le) && (errors.Is(le.Err, syscall.ENOTEMPTY) || errors.Is(le.Err, syscall.EEXIST))
}

// FinishRun replaces the outcome of the run recorded in rel (relative to
// dir) with o, atomically: outcome.json says either what it said before
// or o, never something half-written.
func FinishRun(dir, rel string, o Outcome) error {
	data, err := json.MarshalIndent(o, "", "  ")
	if err != nil {
		return fmt.Errorf("recording the outcome: %w", err)
	}
	p := filepath.Join(dir, filepath.FromSlash(rel), OutcomeFile)
	if err := writeFileAtomic(p, append(data, '\n')); err != nil {
		return fmt.Errorf("recording the outcome in %s: %w", rel, err)
	}
	return nil
}

// ReadOutcome reads the outcome of the run recorded in rel (relative to
// dir).
func ReadOutcome(dir, rel string) (Outcome, error) {
	var o Outcome
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel), OutcomeFile))
	if err != nil {
		return o, fmt.Errorf("reading the outcome of %s: %w", rel, err)
	}
	if err := json.Unmarshal(b, &o); err != nil {
		return o, fmt.Errorf("reading %s/%s: %w", rel, OutcomeFile, err)
	}
	return o, nil
}

// RunDir returns the run directory (relative to the schema directory) a
// path relative to the schema directory lies in, or "" when it is not
// inside one.
func RunDir(p string) string {
	parts := strings.Split(p, "/")
	if len(parts) < 3 || parts[0] != MetaDir || parts[1] != "plans" || strings.HasPrefix(parts[2], ".") {
		return ""
	}
	return PlansDir + "/" + parts[2]
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
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") { // .run-*: being written
			out = append(out, PlansDir+"/"+e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}
