package engine

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// StalePlanError means the database changed since the plan was made: the
// plan's statements were computed against a schema that is no longer there.
type StalePlanError struct {
	PlanFingerprint, CurrentFingerprint string
}

func (e *StalePlanError) Error() string {
	return fmt.Sprintf("the database changed since this plan was made (its schema, or the rows of its data tables: plan made against %.12s, database is now %.12s); make a new plan, or pass --ignore-drift to apply it anyway",
		e.PlanFingerprint, e.CurrentFingerprint)
}

// MissingFingerprintError means a saved plan has no remote_fingerprint
// line (deleted by hand, say): nothing says which database it was made
// for, so the drift check cannot run.
type MissingFingerprintError struct{}

func (e *MissingFingerprintError) Error() string {
	return "the plan has no \"" + strings.TrimSpace(render.HeaderRemoteFingerprint) + "\" line, so renovate cannot check that the database is still the one the plan was made against; " +
		"make a new plan (renovate plan -o FILE), or pass --ignore-drift to apply it without the check; nothing was changed"
}

// ApplyOptions describe one apply.
type ApplyOptions struct {
	// Dir is the schema directory: the run is recorded under its _meta and
	// its files are rewritten from the database afterwards.
	Dir  string
	Plan *planner.Plan
	// Database names the target without credentials, for the record.
	Database string
	// IgnoreDrift applies even when the database's fingerprint is not the
	// one the plan was made against.
	IgnoreDrift bool
	// Replay marks a plan printed by renovate show from a recorded run:
	// it was made for another database, so it has no fingerprint to
	// check. Any other plan without one is refused unless IgnoreDrift.
	Replay bool
	Exec   catalog.ExecOptions
	Now    func() time.Time
	// GitCommit is the commit of the schema files, for the record.
	GitCommit string
	// Scope is the environment's filter and variables: the fingerprint
	// check and the rewritten files cover the objects in scope only,
	// and rewritten files keep their variable references.
	Scope Scope
	// Environment names the renovate.hcl environment, for the record
	// ("" when the target was given by URL alone).
	Environment string
	// RecordAt, when set, is the directory (relative to Dir) the run is
	// recorded in, instead of a new _meta/plans/<timestamp>/: one
	// target's record inside a fleet run.
	RecordAt string
	// NoRefresh leaves the schema files alone after the apply: a fleet's
	// files are the source for every target, not one target's copy.
	NoRefresh bool
	// beforeFinish, when set (by tests), runs after the statements and
	// before the outcome is recorded, with the run's directory.
	beforeFinish func(recordDir string)
}

// ApplyResult is what an apply did.
type ApplyResult struct {
	Outcome layout.Outcome
	// RecordDir is the run's directory relative to Dir.
	RecordDir string
	// Rewritten are the schema files rewritten from the database.
	Rewritten []string
	// RewriteErr is set when the files could not be rewritten (a
	// directory in a hand-written layout, say); the apply itself stands.
	RewriteErr error
	// FinishErr is set when the run's outcome could not be recorded: the
	// record still says in progress.
	FinishErr error
}

// Apply runs a plan against the database under renovate's advisory lock:
// it checks that the database is still the one the plan was made against,
// executes the statements (transactional ones all or nothing), records the
// run under Dir/_meta/plans (in progress before the first statement, so
// that a directory that cannot be written stops it before anything
// runs; the outcome when it ends), and on success rewrites the schema
// files from the database. A failed run is recorded too; the returned
// error says which statement failed and what took effect.
func Apply(ctx context.Context, conn *pgx.Conn, opts ApplyOptions) (*ApplyResult, error) {
	if err := CheckPlaceholders(opts.Plan); err != nil {
		return nil, err
	}
	if opts.Plan.RemoteFingerprint == "" && !opts.IgnoreDrift && !opts.Replay {
		return nil, &MissingFingerprintError{}
	}
	release, err := catalog.LockForApply(ctx, conn)
	if err != nil {
		return nil, err
	}
	defer release()

	before, err := LoadRemoteScoped(ctx, conn, nil, opts.Scope)
	if err != nil {
		return nil, err
	}
	current, err := PlanFingerprint(ctx, conn, before, opts.Scope)
	if err != nil {
		return nil, err
	}
	if opts.Plan.RemoteFingerprint != "" && opts.Plan.RemoteFingerprint != current && !opts.IgnoreDrift {
		return nil, &StalePlanError{PlanFingerprint: opts.Plan.RemoteFingerprint, CurrentFingerprint: current}
	}
	var planText bytes.Buffer
	if err := render.SQL(&planText, opts.Plan); err != nil {
		return nil, err
	}
	stmts := statementsFor(opts.Plan)
	res := &ApplyResult{Outcome: layout.Outcome{
		Status:            layout.StatusInProgress,
		Started:           opts.Now().UTC(),
		Database:          opts.Database,
		Environment:       opts.Environment,
		GitCommit:         opts.GitCommit,
		FingerprintBefore: before.Fingerprint,
		Steps:             len(stmts),
	}}
	// The run is recorded, in progress, before anything runs: a directory
	// that cannot be written stops the apply with the database untouched,
	// and a run killed from here on leaves a record the next apply or
	// fetch finishes (RecoverRuns).
	run := layout.Run{Plan: planText.String(), RemoteBefore: before.Text(), Outcome: res.Outcome}
	dir := opts.RecordAt
	if dir != "" {
		err = layout.RecordRunAt(opts.Dir, dir, run)
	} else {
		dir, err = layout.RecordRun(opts.Dir, run)
	}
	if err != nil {
		return nil, &RecordError{Err: err}
	}
	res.RecordDir = dir
	execRes, execErr := catalog.Execute(ctx, conn, stmts, opts.Exec)
	res.Outcome.Finished = opts.Now().UTC()
	res.Outcome.StepsCommitted = execRes.Committed
	res.Outcome.Status = layout.StatusApplied
	recordSteps(&res.Outcome, opts.Plan, execRes)
	var after *Remote
	if execErr != nil {
		res.Outcome.Status = layout.StatusFailed
		res.Outcome.Error = execErr.Error()
		if execRes.Failed >= 0 {
			res.Outcome.FailedStep = execRes.Failed + 1
			res.Outcome.FailedStatement = stmts[execRes.Failed].SQL
		}
	}
	// Read the database as it now is (after a failure too: non-transactional
	// steps may have run), unless the connection is gone.
	if !conn.IsClosed() {
		if a, err := LoadRemoteScoped(ctx, conn, nil, opts.Scope); err == nil {
			after = a
			res.Outcome.FingerprintAfter = a.Fingerprint
		}
	}
	if opts.beforeFinish != nil {
		opts.beforeFinish(res.RecordDir)
	}
	if err := layout.FinishRun(opts.Dir, res.RecordDir, res.Outcome); err != nil {
		res.FinishErr = err
		if execErr != nil {
			return res, errors.Join(execErr, fmt.Errorf("recording the failed run: %w (%s still says %s; the next renovate apply or fetch finishes it)", err, res.RecordDir, layout.StatusInProgress))
		}
		return res, fmt.Errorf("the plan was applied, but recording its outcome failed: %w (%s still says %s; the next renovate apply or fetch finishes it)", err, res.RecordDir, layout.StatusInProgress)
	}
	if execErr != nil {
		return res, execErr
	}
	if opts.NoRefresh {
		return res, nil
	}
	if after != nil {
		res.Rewritten, res.RewriteErr = RefreshFiles(ctx, conn, opts.Dir, after.Raw, opts.Scope)
	} else {
		res.RewriteErr = errors.New("could not read the database after applying")
	}
	return res, nil
}

// RecordError means the run could not be recorded before it started:
// nothing was applied.
type RecordError struct{ Err error }

func (e *RecordError) Error() string {
	return fmt.Sprintf("cannot record the run, so nothing was applied: %v", e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }
