package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/internal/gitrepo"
	"github.com/renovate-pg/renovate/internal/vars"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/planfile"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
	"github.com/spf13/cobra"
)

// ApplyOptions are the inputs of renovate apply.
type ApplyOptions struct {
	F *Factory
	targetFlags
	PlanFile      string
	Yes           bool
	AllowDataLoss bool
	// AllowUnclassified runs statements of a saved plan that renovate
	// cannot classify (planner.HazardUnclassified).
	AllowUnclassified bool
	IgnoreDrift       bool
	AllowDirty        bool
	LockTimeout       time.Duration
	// Color is --color for the plan shown before the prompt (color.go).
	Color string
	safeFlags
	// Verify is plan verification (verify.go).
	Verify verifyFlags

	// Parallel, Canary and ContinueOnError drive an apply to a fleet
	// (fleetapply.go).
	Parallel        int
	Canary          string
	ContinueOnError bool

	// AllowRowDeletes allows the deletes of data tables' rows that their
	// files no longer hold, not what they reach through ON DELETE
	// actions (cascades_data) nor any other data loss (rowdeletes.go).
	AllowRowDeletes bool
}

// NewCmdApply builds `renovate apply`.
func NewCmdApply(f *Factory, runF func(*ApplyOptions) error) *cobra.Command {
	opts := &ApplyOptions{F: f}
	c := &cobra.Command{
		Use:   "apply [-p PLAN]",
		Short: "Apply the plan to the database, record it, refresh the files and commit",
		Long: `Plans (or reads a saved plan with -p), shows the statements and asks
"Continue (y/n)?". The statements run in one transaction under an advisory
lock with a lock_timeout: all of them take effect or none. The run is recorded
under _meta/plans/<UTC timestamp>/, the files are rewritten from the database,
and everything is committed, so git diff HEAD~1 shows the change.

Refuses to run from a repository with uncommitted changes, when a saved plan
was made from other schema files than HEAD's, when the database
changed since a saved plan was made, when the plan deletes data without
--allow-data-loss (or a "yes" at the prompt), and without a terminal to ask on
unless --yes is given. --allow-row-deletes allows only the deletes of data
tables' rows that their files no longer hold, when they reach no row of another
table through ON DELETE CASCADE, SET NULL or SET DEFAULT (cascades_data).

For a fleet environment (urls, target blocks or a targets_query), every
target is planned and the grouped plans are shown; after one confirmation the
targets are applied --parallel at once: the --canary targets first, the rest
only when they all succeeded; the run stops at the first failure unless
--continue-on-error. Each target is recorded in _meta/plans/<run>/<target>/,
the run's per-target state in _meta/plans/<run>/fleet.json, and the whole run
is one commit; the schema files are not rewritten from any target. Run it
again to retry only the targets that failed or were not reached.

--env A,B applies the replication plan of a publisher and its subscribers (or a chain)
(see plan) phase by phase, one database at a time, each phase in a
transaction where its steps allow; the first failure stops the run and the
summary says which phases ran on which database. Each phase is recorded in
_meta/plans/<run>/<env>/<n>-<phase>/ and the run is one commit.`,
		Example: `  renovate apply
  renovate apply -p .renovate/plan.sql --yes
  renovate apply --url postgres://app@localhost/hello --allow-data-loss
  renovate apply --env tenants --canary 1 --parallel 8 --yes
  renovate apply --env source,replica`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkColor(opts.Color); err != nil {
				return err
			}
			if err := opts.Verify.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runApply(c.Context(), opts)
		},
	}
	addTargetFlags(c, &opts.targetFlags)
	c.Flags().StringVarP(&opts.PlanFile, "plan", "p", "", "apply this saved (possibly hand-edited) plan instead of planning now")
	c.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "do not ask for confirmation")
	c.Flags().BoolVar(&opts.AllowDataLoss, "allow-data-loss", false, "allow steps that delete data (drop table, drop column, ...)")
	c.Flags().BoolVar(&opts.AllowRowDeletes, "allow-row-deletes", false, "allow deleting the rows of data tables that their data files no longer hold, but not rows of other tables reached through ON DELETE CASCADE, SET NULL or SET DEFAULT, nor other data loss")
	c.Flags().BoolVar(&opts.AllowUnclassified, "allow-unclassified", false, "run statements of a hand-edited plan that renovate cannot classify (DO blocks, CALL, UPDATE of a table that is not a data table, ...)")
	c.Flags().BoolVar(&opts.IgnoreDrift, "ignore-drift", false, "apply a saved plan even if the database changed since it was made")
	c.Flags().BoolVar(&opts.AllowDirty, "allow-dirty", false, "apply even with uncommitted changes (not recommended: the record will not match a commit)")
	c.Flags().DurationVar(&opts.LockTimeout, "lock-timeout", 5*time.Second, "give up when a statement waits longer than this for a lock")
	addColorFlag(c, &opts.Color)
	addOnlineFlag(c, &opts.safeFlags)
	addExecFlags(c, &opts.safeFlags)
	addVerifyFlags(c, &opts.Verify, verifyAuto)
	addParallelFlag(c, &opts.Parallel, "applied")
	c.Flags().StringVar(&opts.Canary, "canary", "", "fleet: apply to these first targets first (a number, a fraction such as 0.1, or 10%), and to the rest only when all of them succeeded")
	c.Flags().BoolVar(&opts.ContinueOnError, "continue-on-error", false, "fleet: keep applying to the other targets after one failed (a failed canary still stops the run)")
	return c
}

func runApply(ctx context.Context, opts *ApplyOptions) error {
	f := opts.F
	if g, err := replicationOf(opts.targetFlags); err != nil || g != nil {
		if err != nil {
			return err
		}
		return runReplicationApply(ctx, opts, g)
	}
	if fl, err := fleetOf(ctx, f, opts.targetFlags); err != nil || fl != nil {
		if err != nil {
			return err
		}
		return runFleetApply(ctx, opts, fl)
	}
	// An invalid renovate.hcl stops the command before anything else.
	tg, err := opts.resolve()
	if err != nil {
		return err
	}
	repo, err := gitrepo.Open(opts.Dir)
	if err != nil {
		return refused(err)
	}
	// An earlier apply that was killed, or could not record or commit,
	// left its record uncommitted: finish it rather than refuse it as
	// dirt (reposafety.go).
	if err := recoverRuns(ctx, f, repo, opts.Dir, tg); err != nil {
		return err
	}
	if err := checkClean(f, repo, opts); err != nil {
		if !opts.AllowDirty || !errors.Is(err, gitrepo.ErrDirty) {
			return refused(err)
		}
		fmt.Fprintln(f.IO.ErrOut, "Warning: applying from a dirty repository (--allow-dirty); the record will not match a commit.")
	}

	// The scratch database of verification starts while the plan is
	// computed (a throwaway cluster takes a while).
	opts.Verify.prepare(ctx, opts.targetFlags)
	defer opts.Verify.discard()
	var (
		p      *planner.Plan
		conn   *pgx.Conn
		dsn    string
		remote *engine.Remote
		replay bool
	)
	if opts.PlanFile != "" {
		text, err := os.ReadFile(opts.PlanFile)
		if err != nil {
			return fmt.Errorf("reading the plan: %w", err)
		}
		// A plan from renovate show holds {{var.NAME}} references:
		// this environment's values replace them.
		expanded := string(text)
		if hasReferencesMarker(expanded) {
			if expanded, err = vars.Expand(opts.PlanFile, expanded, tg.Scope.Vars); err != nil {
				return err
			}
		}
		var ro planfile.Options
		for _, d := range tg.Scope.Data {
			ro.DataTables = append(ro.DataTables, d.Table)
		}
		if p, err = planfile.ReadWithOptions(opts.PlanFile, expanded, ro); err != nil {
			return refusedSafe(err)
		}
		// A plan whose remote_fingerprint line is gone cannot be checked
		// for drift: refused before anything else, unless it is a replay
		// of a recorded run (renovate show) or --ignore-drift says so.
		replay = planfile.IsReplay(expanded)
		if p.RemoteFingerprint == "" && !replay && !opts.IgnoreDrift {
			return refused(&engine.MissingFingerprintError{})
		}
		if err := checkPlanCommit(f, repo, opts.Dir, opts.PlanFile, p); err != nil {
			return err
		}
		dsn = tg.DSN
		if conn, err = f.Connect(ctx, dsn); err != nil {
			return err
		}
	} else {
		po, err := opts.planOptions(opts.targetFlags)
		if err != nil {
			return err
		}
		if p, remote, conn, dsn, err = makePlan(ctx, f, opts.targetFlags, &opts.Verify, po...); err != nil {
			return err
		}
	}
	defer conn.Close(context.Background())
	if p.Empty() {
		f.IO.Infof("No changes. The database matches the schema files.\n")
		return nil
	}
	if err := render.Text(f.IO.Out, p, render.TextOptions{Color: useColor(opts.Color, f.IO.OutTTY, f.Getenv)}); err != nil {
		return err
	}
	if err := engine.CheckPlaceholders(p); err != nil {
		return refused(err)
	}
	if err := checkUnclassified(opts, p); err != nil {
		return err
	}
	opts.Verify.ignoreDrift = opts.IgnoreDrift
	if err := verifyPlan(ctx, f, opts.Verify, opts.targetFlags, f.IO.Out, conn, remote, p, true); err != nil {
		return err
	}
	if err := confirm(ctx, f, opts, p); err != nil {
		return err
	}

	commit, err := repo.HeadCommit()
	if err != nil {
		return fmt.Errorf("%w; nothing was applied", err)
	}
	// The run is recorded and committed afterwards: prove that git can
	// take the commit before the database changes (the record directory
	// is proved by engine.Apply, which records the run before it runs).
	if err := repo.CheckWritable(); err != nil {
		return refused(fmt.Errorf("%w; nothing was applied", err))
	}
	prog := newProgress(f.IO) // progress.go: a status line on a terminal's stderr
	prog.Phase("Applying")
	res, applyErr := engine.Apply(ctx, conn, engine.ApplyOptions{
		Scope:       tg.Scope,
		Environment: tg.Env,
		Dir:         opts.Dir,
		Plan:        p,
		Database:    describeDSN(dsn),
		IgnoreDrift: opts.IgnoreDrift,
		Replay:      replay,
		Exec:        applyExecOptions(f, prog, p, opts.execOptions(f, opts.LockTimeout)),
		Now:         f.Now,
		GitCommit:   commit,
	})
	prog.Done()
	var stale *engine.StalePlanError
	var recErr *engine.RecordError
	var unpinned *engine.MissingFingerprintError
	if errors.As(applyErr, &stale) || errors.As(applyErr, &unpinned) || errors.Is(applyErr, catalog.ErrLocked) || errors.As(applyErr, &recErr) {
		return refused(applyErr)
	}
	if res == nil {
		return refusedSafe(applyErr)
	}
	msg := fmt.Sprintf("renovate apply: %d statement(s) on %s", res.Outcome.Steps, res.Outcome.Database)
	if applyErr != nil {
		msg = fmt.Sprintf("renovate apply failed at statement %d on %s", res.Outcome.FailedStep, res.Outcome.Database)
	}
	if res.FinishErr != nil {
		// The record says in progress: left for the next apply or fetch
		// to finish (recoverRuns), which also commits it.
		fmt.Fprintf(f.IO.ErrOut, "The outcome could not be recorded; %s still says %s, and the next renovate apply or fetch will finish it.\n", res.RecordDir, layout.StatusInProgress)
		if res.Outcome.Status == layout.StatusFailed {
			reportSteps(f, res.Outcome)
		}
		return applyErr
	}
	// Only what this run wrote is committed: its record and the files
	// rewritten from the database; nothing else in the directory (an
	// untracked file, the plan file, a .env) is.
	paths := []string{filepath.Join(opts.Dir, filepath.FromSlash(res.RecordDir))}
	for _, p := range res.Rewritten {
		paths = append(paths, filepath.Join(opts.Dir, filepath.FromSlash(p)))
	}
	hash, _, commitErr := repo.CommitPaths(paths, msg+"\n\nRecorded in "+res.RecordDir+".\n", f.Now())
	if applyErr != nil {
		fmt.Fprintf(f.IO.ErrOut, "The apply failed; %d of %d statement(s) took effect. Recorded in %s.\n", res.Outcome.StepsCommitted, res.Outcome.Steps, res.RecordDir)
		reportSteps(f, res.Outcome)
		if commitErr != nil {
			commitErr = fmt.Errorf("committing the record failed (the next renovate apply or fetch commits it): %w", commitErr)
		}
		return errors.Join(applyErr, commitErr)
	}
	f.IO.Infof("\nApplied %d statement(s) to %s. Recorded in %s.\n", res.Outcome.Steps, res.Outcome.Database, res.RecordDir)
	if res.RewriteErr != nil {
		fmt.Fprintf(f.IO.ErrOut, "Note: the schema files were not rewritten: %v\n", res.RewriteErr)
	} else if len(res.Rewritten) > 0 {
		f.IO.Infof("Rewrote %d file(s) from the database.\n", len(res.Rewritten))
	}
	if commitErr != nil {
		return fmt.Errorf("the plan was applied and recorded in %s, but committing failed (the next renovate apply or fetch commits the record): %w", res.RecordDir, commitErr)
	}
	if hash != "" {
		f.IO.Infof("Committed %.7s.\n", hash)
	}
	warnSecrets(f, repo, opts.Dir)
	return nil
}

// checkClean refuses uncommitted changes under the schema directory. The
// plan file being applied may itself be uncommitted (renovate plan -o
// plan.sql; renovate apply -p plan.sql), and so may any other saved plan
// (renovate plan > plan.sql): plans are not schema, are never read as
// schema, and are never committed.
func checkClean(f *Factory, repo *gitrepo.Repo, opts *ApplyOptions) error {
	changes, err := repo.Status(opts.Dir)
	if err != nil {
		return err
	}
	var rest []gitrepo.Change
	var plans []string
	for _, c := range changes {
		if opts.PlanFile != "" && sameFile(filepath.Join(repo.Root(), c.Path), opts.PlanFile) {
			continue
		}
		if c.Kind == gitrepo.Untracked && isPlanFile(repo, c.Path) {
			plans = append(plans, c.Path)
			continue
		}
		rest = append(rest, c)
	}
	if len(plans) > 0 {
		fmt.Fprintf(f.IO.ErrOut, "Note: not counting saved plans as uncommitted changes (renovate never commits them; keep them in %s/): %s\n", PlanDir, strings.Join(plans, ", "))
	}
	if len(rest) > 0 {
		return gitrepo.NewDirtyError(rest)
	}
	return nil
}

func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// checkUnclassified refuses a plan holding statements renovate cannot
// classify (planner.HazardUnclassified) unless --allow-unclassified is
// given. It runs before verification, which would execute them on a
// scratch copy, and no prompt stands in for the flag: what the statements
// do is unknown, so the person must say so on the command line.
func checkUnclassified(opts *ApplyOptions, p *planner.Plan) error {
	var unclassified []string
	for _, s := range p.Steps {
		if s.HasHazard(planner.HazardUnclassified) {
			unclassified = append(unclassified, fmt.Sprintf("  step %d: %s", s.ID, firstStatementLine(s.SQL)))
		}
	}
	if len(unclassified) > 0 && !opts.AllowUnclassified {
		return refused(fmt.Errorf("the plan has statements renovate did not write and cannot classify, and --allow-unclassified was not given:\n%s\nnothing was changed", strings.Join(unclassified, "\n")))
	}
	return nil
}

// confirm enforces the data-loss gate and asks for confirmation.
func confirm(ctx context.Context, f *Factory, opts *ApplyOptions, p *planner.Plan) error {
	var loss []string
	for _, s := range p.Steps {
		for _, h := range s.Hazards {
			if blocksApply(opts, s, h) {
				loss = append(loss, fmt.Sprintf("  step %d: %s", s.ID, h.Message))
			}
		}
	}
	interactive := f.IO.InTTY
	in := bufio.NewReader(f.IO.In)
	askedLoss := false
	if len(loss) > 0 && !opts.AllowDataLoss {
		if !interactive {
			if opts.AllowRowDeletes {
				return refused(fmt.Errorf("the plan deletes data that --allow-row-deletes does not cover (rows reached through foreign keys, or other data loss), and --allow-data-loss was not given:\n%s", strings.Join(loss, "\n")))
			}
			return refused(fmt.Errorf("the plan deletes data and --allow-data-loss was not given:\n%s", strings.Join(loss, "\n")))
		}
		fmt.Fprintf(f.IO.Out, "\nThis plan deletes data:\n%s\nType yes to apply it anyway: ", strings.Join(loss, "\n"))
		answer, err := readLine(ctx, in)
		if err != nil {
			return err
		}
		if answer != "yes" {
			return refused(errors.New("apply cancelled: data loss not accepted; nothing was changed"))
		}
		askedLoss = true
	}
	if opts.Yes || askedLoss {
		return nil
	}
	if !interactive {
		return refused(errors.New("refusing to apply without confirmation: stdin is not a terminal; pass --yes"))
	}
	fmt.Fprint(f.IO.Out, "\nContinue (y/n)? ")
	answer, err := readLine(ctx, in)
	if err != nil {
		return err
	}
	if answer != "y" && answer != "yes" {
		return refused(errors.New("apply cancelled; nothing was changed"))
	}
	return nil
}

// firstStatementLine is a statement's first line, for a list of steps.
func firstStatementLine(sql string) string {
	sql = strings.TrimSpace(sql)
	if i := strings.IndexByte(sql, '\n'); i >= 0 {
		return sql[:i] + " ..."
	}
	return sql
}

// readLine reads one answer, giving up when ctx is cancelled (Ctrl-C).
func readLine(ctx context.Context, in *bufio.Reader) (string, error) {
	type result struct {
		s   string
		err error
	}
	ch := make(chan result, 1)
	go func() {
		s, err := in.ReadString('\n')
		ch <- result{strings.TrimSpace(strings.ToLower(s)), err}
	}()
	select {
	case <-ctx.Done():
		return "", refused(errors.New("apply cancelled; nothing was changed"))
	case r := <-ch:
		if r.err != nil && r.s == "" {
			return "", refused(errors.New("apply cancelled (no answer); nothing was changed"))
		}
		return r.s, nil
	}
}
