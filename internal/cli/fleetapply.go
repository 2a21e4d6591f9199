package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/internal/gitrepo"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// openForRunApply opens the repository of an apply to several databases
// (a fleet, or a publisher and its subscribers): it finishes the record
// of an earlier run left unrecorded, refuses a dirty repository (unless
// --allow-dirty), and returns the commit the run applies.
func openForRunApply(f *Factory, opts *ApplyOptions) (*gitrepo.Repo, string, error) {
	repo, err := gitrepo.Open(opts.Dir)
	if err != nil {
		return nil, "", refused(err)
	}
	if err := recoverFleetRuns(f, repo, opts.Dir); err != nil {
		return nil, "", err
	}
	if err := checkClean(f, repo, opts); err != nil {
		if !opts.AllowDirty || !errors.Is(err, gitrepo.ErrDirty) {
			return nil, "", refused(err)
		}
		fmt.Fprintln(f.IO.ErrOut, "Warning: applying from a dirty repository (--allow-dirty); the record will not match a commit.")
	}
	head, err := repo.HeadCommit()
	if err != nil {
		return nil, "", fmt.Errorf("%w; nothing was applied", err)
	}
	return repo, head, nil
}

// runFleetApply is renovate apply for a fleet environment:
//
//  1. the targets left to do: all of them, or, when the environment's
//     last fleet run did not finish every target and the schema files
//     did not change since, only its failed and unreached targets (a
//     re-run);
//  2. plan them (--parallel at once) and show the groups of identical
//     plans; refuse data loss unless allowed; ask once (or --yes);
//  3. apply: the canary targets first, then the rest, --parallel at
//     once, stopping at the first failure unless --continue-on-error;
//     each target recorded in _meta/plans/<run>/<target>/, the run's
//     per-target state in _meta/plans/<run>/fleet.json;
//  4. commit the whole run at once and print the summary.
//
// The schema files are not rewritten from any target: they are the
// source every target follows.
func runFleetApply(ctx context.Context, opts *ApplyOptions, fl *fleet) error {
	f := opts.F
	if opts.PlanFile != "" {
		return usageErrorf("-p applies one saved plan to one database; environment %s is a fleet of %d targets: apply it with --url, or plan and apply the fleet without -p", fl.Env, len(fl.Targets))
	}
	repo, head, err := openForRunApply(f, opts)
	if err != nil {
		return err
	}

	// 1. What is left to do.
	todo, carried, resumes, err := fleetTodo(repo, opts.Dir, fl, head)
	if err != nil {
		return err
	}
	if resumes != "" {
		fmt.Fprintf(f.IO.ErrOut, "Resuming %s: %s left (failed or not reached), %d already done.\n", resumes, plural(len(todo), "target", "targets"), len(carried))
	}

	// 2. Plan, show, gate.
	po, err := opts.planOptions(opts.targetFlags)
	if err != nil {
		return err
	}
	plans, err := planFleet(ctx, f, opts.Dir, fl, opts.Parallel, po, todo)
	if err != nil {
		return err
	}
	sub := make([]targetPlan, len(todo))
	for k, i := range todo {
		sub[k] = plans[i]
	}
	s := summarizeFleet(sub)
	var b strings.Builder
	writeFleetSummary(&b, fl.Env, sub, s)
	for _, g := range s.Groups {
		fmt.Fprintf(&b, "\nPlan %s (%s):\n", g.Label, targetNames(sub, g.Targets, 10))
		var buf strings.Builder
		if err := render.SQL(&buf, g.Plan); err != nil {
			return err
		}
		b.WriteString(buf.String())
	}
	fmt.Fprint(f.IO.Out, b.String())
	var conflicted []string
	for _, tp := range sub {
		var ce *engine.ConflictError
		if errors.As(tp.Err, &ce) {
			conflicted = append(conflicted, tp.Name)
		}
	}
	if len(s.Failed) > 0 && !opts.ContinueOnError {
		err := fmt.Errorf("%s could not be planned (%s); nothing was applied (--continue-on-error applies to the others)", plural(len(s.Failed), "target", "targets"), targetNames(sub, s.Failed, 0))
		if len(conflicted) == len(s.Failed) {
			return refused(err)
		}
		return err
	}
	if len(s.Groups) == 0 && len(s.Failed) == 0 {
		f.IO.Infof("No changes. Every target matches the schema files.\n")
		return nil
	}
	if err := fleetGate(ctx, f, opts, s, len(todo)-len(s.NoChanges)-len(s.Failed)); err != nil {
		return err
	}
	if err := repo.CheckWritable(); err != nil {
		return refused(fmt.Errorf("%w; nothing was applied", err))
	}

	// 3. Apply.
	started := f.Now().UTC()
	runDir, err := layout.NewFleetRunDir(opts.Dir, started)
	if err != nil {
		return refused(fmt.Errorf("%w; nothing was applied", err))
	}
	fr := layout.FleetRun{Environment: fl.Env, GitCommit: head, Started: started, Resumes: resumes}
	fr.Targets = append(fr.Targets, carried...)
	states := make([]layout.FleetTarget, len(todo))
	for k, i := range todo {
		states[k] = layout.FleetTarget{Name: fl.Targets[i].Name, Database: describeDSN(fl.Targets[i].URL), Status: layout.StatusNotReached}
	}
	canary, err := engine.CanaryCount(opts.Canary, len(todo))
	if err != nil {
		return usageErrorf("%v", err)
	}
	for k := 0; k < canary; k++ {
		states[k].Canary = true
	}
	record := func() error {
		all := append(slices.Clone(fr.Targets), states...)
		cp := fr
		cp.Targets = all
		cp.Finished = f.Now().UTC()
		return layout.WriteFleetRun(opts.Dir, runDir, cp)
	}
	if err := record(); err != nil {
		return refused(fmt.Errorf("%w; nothing was applied", err))
	}
	status := newFleetStatus(f, len(todo))
	exec := opts.execOptions(f, opts.LockTimeout)
	// The targets' applies read the clock concurrently.
	var clockMu sync.Mutex
	now := func() time.Time {
		clockMu.Lock()
		defer clockMu.Unlock()
		return f.Now()
	}
	var mu sync.Mutex
	engine.RunFleet(ctx, len(todo), engine.FleetOptions{Parallel: opts.Parallel, Canary: canary, ContinueOnError: opts.ContinueOnError}, func(ctx context.Context, k int) error {
		i := todo[k]
		tp := plans[i]
		st := applyTarget(ctx, f, opts, fl, i, tp, runDir, head, exec, now)
		st.Canary = states[k].Canary
		mu.Lock()
		states[k] = st
		mu.Unlock()
		status.finished(st)
		if st.Done() {
			return nil
		}
		return errors.New(st.Error)
	})
	status.done()
	finishErr := record()

	// 4. One commit for the whole run, and the summary.
	hash, _, commitErr := repo.CommitPaths([]string{filepath.Join(opts.Dir, filepath.FromSlash(runDir))},
		fleetCommitMessage(fl.Env, states)+"\n\nRecorded in "+runDir+".\n", f.Now())
	return fleetReport(f, fl.Env, runDir, states, hash, errors.Join(finishErr, commitErr))
}

// fleetTodo returns the indexes of the targets to apply, the finished
// targets carried over from the run being resumed, and that run ("" when
// this is a new run).
func fleetTodo(repo *gitrepo.Repo, dir string, fl *fleet, head string) ([]int, []layout.FleetTarget, string, error) {
	all := make([]int, len(fl.Targets))
	for i := range all {
		all[i] = i
	}
	rels, runs, err := layout.FleetRuns(dir, fl.Env)
	if err != nil || len(runs) == 0 {
		return all, nil, "", err
	}
	last := runs[0]
	done := map[string]layout.FleetTarget{}
	for _, t := range last.Targets {
		if t.Done() {
			done[t.Name] = t
		}
	}
	if len(done) == len(last.Targets) {
		return all, nil, "", nil // it finished: a new run
	}
	// A re-run resumes only when the schema files are those it applied.
	changed, err := repo.ChangedSince(last.GitCommit, dir, func(rel string) bool {
		return rel == layout.MetaDir || strings.HasPrefix(rel, layout.MetaDir+"/")
	})
	if errors.Is(err, gitrepo.ErrUnknownCommit) || (err == nil && len(changed) > 0) {
		return all, nil, "", nil
	}
	if err != nil {
		return nil, nil, "", err
	}
	var todo []int
	var carried []layout.FleetTarget
	for i, t := range fl.Targets {
		if d, ok := done[t.Name]; ok {
			carried = append(carried, d)
			continue
		}
		todo = append(todo, i)
	}
	return todo, carried, rels[0], nil
}

// fleetGate refuses data loss that was not allowed, then asks once for
// the whole fleet.
func fleetGate(ctx context.Context, f *Factory, opts *ApplyOptions, s fleetSummary, n int) error {
	var loss []string
	for _, g := range s.Groups {
		if err := checkUnclassified(opts, g.Plan); err != nil {
			return err
		}
		if err := engine.CheckPlaceholders(g.Plan); err != nil {
			return refused(err)
		}
		for _, st := range g.Plan.Steps {
			for _, h := range st.Hazards {
				if blocksApply(opts, st, h) {
					loss = append(loss, fmt.Sprintf("  plan %s, step %d: %s", g.Label, st.ID, h.Message))
				}
			}
		}
	}
	if len(loss) > 0 && !opts.AllowDataLoss {
		return refused(fmt.Errorf("the plans delete data and --allow-data-loss was not given:\n%s\nnothing was applied", strings.Join(loss, "\n")))
	}
	if opts.Yes {
		return nil
	}
	if !f.IO.InTTY {
		return refused(errors.New("refusing to apply without confirmation: stdin is not a terminal; pass --yes"))
	}
	fmt.Fprintf(f.IO.Out, "\nApply to %s (y/n)? ", plural(n, "target", "targets"))
	answer, err := readLine(ctx, bufio.NewReader(f.IO.In))
	if err != nil {
		return err
	}
	if answer != "y" && answer != "yes" {
		return refused(errors.New("apply cancelled; nothing was changed"))
	}
	return nil
}

// applyTarget applies target i's plan over its own connection and says
// what became of it.
func applyTarget(ctx context.Context, f *Factory, opts *ApplyOptions, fl *fleet, i int, tp targetPlan, runDir, head string, exec catalog.ExecOptions, now func() time.Time) (st layout.FleetTarget) {
	t := fl.Targets[i]
	st = layout.FleetTarget{Name: t.Name, Database: describeDSN(t.URL), Status: layout.StatusFailed}
	defer func() {
		if r := recover(); r != nil {
			st.Status, st.Error = layout.StatusFailed, fmt.Sprintf("internal error: %v", r)
		}
	}()
	if tp.Err != nil {
		st.Error = config.Redact(tp.Err.Error())
		return st
	}
	if tp.Plan.Empty() {
		st.Status = layout.StatusNoChanges
		return st
	}
	conn, err := f.Connect(ctx, t.URL)
	if err != nil {
		st.Error = config.Redact(err.Error())
		return st
	}
	defer conn.Close(context.Background())
	rec := runDir + "/" + t.Name
	exec.OnStatement, exec.OnStatementDone = nil, nil
	res, err := engine.Apply(ctx, conn, engine.ApplyOptions{
		Scope:       fl.Scopes[i],
		Environment: fl.Env,
		Dir:         opts.Dir,
		Plan:        tp.Plan,
		Database:    st.Database,
		Exec:        exec,
		Now:         now,
		GitCommit:   head,
		RecordAt:    rec,
		NoRefresh:   true,
	})
	if res != nil {
		st.Record = res.RecordDir
		st.Steps = res.Outcome.Steps
	}
	var stale *engine.StalePlanError
	var recErr *engine.RecordError
	switch {
	case err == nil:
		st.Status = layout.StatusApplied
	case errors.As(err, &stale) || errors.Is(err, catalog.ErrLocked) || errors.As(err, &recErr):
		st.Status = layout.StatusRefused
		st.Error = config.Redact(err.Error())
	default:
		st.Error = config.Redact(err.Error())
	}
	return st
}

func fleetCommitMessage(env string, states []layout.FleetTarget) string {
	var applied, failed int
	for _, s := range states {
		switch s.Status {
		case layout.StatusApplied:
			applied++
		case layout.StatusFailed, layout.StatusRefused:
			failed++
		}
	}
	if failed > 0 {
		return fmt.Sprintf("renovate apply --env %s: applied to %d target(s), %d failed", env, applied, failed)
	}
	return fmt.Sprintf("renovate apply --env %s: applied to %d target(s)", env, applied)
}

// fleetReport prints the summary and returns the run's error: exit 1
// when a target failed, 3 when targets only refused.
func fleetReport(f *Factory, env, runDir string, states []layout.FleetTarget, hash string, recordErr error) error {
	count := map[string][]string{}
	for _, s := range states {
		count[s.Status] = append(count[s.Status], s.Name)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\nFleet %s: %d applied, %d no changes, %d failed, %d refused, %d not reached (of %d). Recorded in %s.\n",
		env, len(count[layout.StatusApplied]), len(count[layout.StatusNoChanges]), len(count[layout.StatusFailed]),
		len(count[layout.StatusRefused]), len(count[layout.StatusNotReached]), len(states), runDir)
	for _, s := range states {
		if s.Status == layout.StatusFailed || s.Status == layout.StatusRefused {
			fmt.Fprintf(&b, "  %s %s: %s\n", s.Name, s.Status, indentRest(s.Error, "    "))
		}
	}
	if len(count[layout.StatusNotReached]) > 0 {
		fmt.Fprintf(&b, "  not reached: %s\n", strings.Join(count[layout.StatusNotReached], ", "))
	}
	if n := len(count[layout.StatusFailed]) + len(count[layout.StatusRefused]) + len(count[layout.StatusNotReached]); n > 0 {
		fmt.Fprintf(&b, "Run renovate apply --env %s again to retry only the %s left.\n", env, plural(n, "target", "targets"))
	}
	if hash != "" {
		fmt.Fprintf(&b, "Committed %.7s.\n", hash)
	}
	fmt.Fprint(f.IO.Out, b.String())
	if recordErr != nil {
		return fmt.Errorf("recording or committing the fleet run %s failed: %w", runDir, recordErr)
	}
	switch {
	case len(count[layout.StatusFailed]) > 0:
		return fmt.Errorf("the apply failed on %s: %s", plural(len(count[layout.StatusFailed]), "target", "targets"), strings.Join(count[layout.StatusFailed], ", "))
	case len(count[layout.StatusRefused]) > 0:
		return refused(fmt.Errorf("%s refused the apply (nothing ran there): %s", plural(len(count[layout.StatusRefused]), "target", "targets"), strings.Join(count[layout.StatusRefused], ", ")))
	case len(count[layout.StatusNotReached]) > 0:
		return fmt.Errorf("%s not reached", plural(len(count[layout.StatusNotReached]), "target", "targets"))
	}
	return nil
}

// fleetStatus shows the apply's progress: on a terminal a status line
// with the counts, redrawn in place; a line per finished target in both
// cases (plain lines when stderr is not a terminal).
type fleetStatus struct {
	mu    sync.Mutex
	prog  *progress
	f     *Factory
	n     int
	count map[string]int
	start time.Time
}

func newFleetStatus(f *Factory, n int) *fleetStatus {
	s := &fleetStatus{prog: newProgress(f.IO), f: f, n: n, count: map[string]int{}, start: time.Now()}
	s.prog.Phase(fmt.Sprintf("Applying to %d target(s)", n))
	return s
}

func (s *fleetStatus) finished(st layout.FleetTarget) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.count[st.Status]++
	done := 0
	for _, c := range s.count {
		done += c
	}
	line := fmt.Sprintf("%-20s %s", st.Name, strings.ReplaceAll(st.Status, "_", " "))
	if st.Steps > 0 && st.Status == layout.StatusApplied {
		line += fmt.Sprintf(" (%d statement(s))", st.Steps)
	}
	if st.Error != "" {
		line += ": " + firstStatementLine(st.Error)
	}
	if !s.f.IO.Quiet {
		s.prog.Println(line)
	}
	s.prog.Count(done, s.n, fmt.Sprintf("applied %d, failed %d", s.count[layout.StatusApplied], s.count[layout.StatusFailed]+s.count[layout.StatusRefused]))
}

func (s *fleetStatus) done() { s.prog.Done() }
