package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/internal/gitrepo"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// plan and apply given --env A,B: environments linked by subscribes_to
// (renovate.hcl) are planned each on its own database, and their plans
// shown and applied as one, in the order engine.OrderReplication gives
// (additive changes on subscribers, the publisher, the subscribers'
// removals, their subscriptions refreshed).

// replEnv is one database of a replication group.
type replEnv struct {
	Name, URL string
	Scope     engine.Scope
	// Publisher is set for the environments others of the group
	// subscribe to.
	Publisher bool
	// Depth is 0 for an environment that subscribes to none of the
	// others, else one more than the deepest one it subscribes to (see
	// engine.OrderReplication).
	Depth int
}

func (e replEnv) role() string {
	switch {
	case e.Depth == 0:
		return "publisher"
	case e.Publisher:
		return "subscriber and publisher"
	}
	return "subscriber"
}

// replGroup is the environments --env names.
type replGroup struct {
	List string
	Envs []replEnv
}

// replicationOf returns the group a comma list in --env names, or nil
// when --env names one environment (or none).
func replicationOf(t targetFlags) (*replGroup, error) {
	names, err := envList(t)
	if err != nil || names == nil {
		return nil, err
	}
	cfg, err := config.Load(filepath.Join(t.Dir, ConfigFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, usageErrorf("--env %s: no %s in %s", t.Env, ConfigFile, t.Dir)
	}
	if err != nil {
		return nil, err
	}
	g := &replGroup{List: strings.Join(names, ",")}
	envs := map[string]*config.Environment{}
	for _, n := range names {
		e, err := cfg.Environment(n)
		if err != nil {
			return nil, err
		}
		if e.IsFleet() {
			return nil, usageErrorf("--env %s: environment %s is a fleet; replication-aware ordering works on environments of one database each", t.Env, n)
		}
		envs[n] = e
	}
	// upstream[n] are the environments of the list n subscribes to.
	upstream := map[string][]string{}
	for _, n := range names {
		for _, p := range envs[n].SubscribesTo {
			if envs[p] != nil && p != n {
				upstream[n] = append(upstream[n], p)
			}
		}
	}
	depth, err := replicationDepths(names, upstream)
	if err != nil {
		return nil, usageErrorf("--env %s: %v", t.Env, err)
	}
	for _, n := range names {
		e := envs[n]
		publishes := false
		for _, m := range names {
			if slices.Contains(upstream[m], n) {
				publishes = true
			}
		}
		if len(upstream[n]) == 0 && !publishes {
			return nil, usageErrorf("--env %s: environment %s neither subscribes to nor publishes to the others (declare it in %s with subscribes_to = [...] in the subscriber's environment block)", t.Env, n, ConfigFile)
		}
		sc, err := scopeOf(cfg, e)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", cfg.Path, err)
		}
		g.Envs = append(g.Envs, replEnv{Name: n, URL: e.URL, Scope: sc, Publisher: publishes, Depth: depth[n]})
	}
	return g, nil
}

// replicationDepths gives each environment its depth: 0 when it
// subscribes to none of the others, else one more than the deepest one it
// subscribes to. A cycle (A subscribes to B, B to A, directly or through
// others) has no order that keeps replication working, and is refused.
func replicationDepths(names []string, upstream map[string][]string) (map[string]int, error) {
	depth := map[string]int{}
	const visiting = -1
	var visit func(n string, path []string) error
	visit = func(n string, path []string) error {
		switch d, seen := depth[n]; {
		case seen && d == visiting:
			cycle := append(path[slices.Index(path, n):], n)
			return fmt.Errorf("environments %s subscribe to each other in a cycle; renovate orders DDL down a chain of replication, not around a cycle: plan each database on its own (--env NAME)", strings.Join(cycle, " -> "))
		case seen:
			return nil
		}
		depth[n] = visiting
		d := 0
		for _, p := range upstream[n] {
			if err := visit(p, append(path, n)); err != nil {
				return err
			}
			d = max(d, depth[p]+1)
		}
		depth[n] = d
		return nil
	}
	for _, n := range names {
		if err := visit(n, nil); err != nil {
			return nil, err
		}
	}
	return depth, nil
}

// replPhase is one phase of a replication plan, on one environment.
type replPhase struct {
	engine.ReplicationStep
	Env replEnv
}

func (p replPhase) label(i, n int) string {
	what := map[string]string{
		engine.PhaseAdditive:  "additive changes",
		engine.PhasePublisher: "the publisher's plan",
		engine.PhaseRemovals:  "removals",
		engine.PhaseRefresh:   "subscriptions and their refresh",
	}[p.Phase]
	return fmt.Sprintf("Phase %d of %d: %s, database %s (environment %s, %s)", i+1, n, what, describeDSN(p.Env.URL), p.Env.Name, p.Env.role())
}

// recordName is the phase's record directory inside the run:
// <env>/<n>-<phase>.
func (p replPhase) recordName(i int) string {
	return fmt.Sprintf("%s/%d-%s", p.Env.Name, i+1, p.Phase)
}

// planReplication plans every database of g and orders the plans.
func planReplication(ctx context.Context, f *Factory, dir string, g *replGroup, po []engine.PlanOption) ([]replPhase, error) {
	repo, err := gitrepo.Open(dir)
	if err != nil && !errors.Is(err, gitrepo.ErrNotRepo) {
		return nil, err
	}
	commit := ""
	if repo != nil {
		if commit, err = planCommit(repo, dir); err != nil {
			return nil, err
		}
	}
	var dbs []engine.ReplicationDB
	byName := map[string]replEnv{}
	for _, e := range g.Envs {
		// A cache per environment: it keys the files by variable
		// values only, and the environments' filters differ.
		cache := &localCache{dir: dir, repo: repo, byKey: map[string]*localEntry{}}
		byName[e.Name] = e
		fl := &fleet{Env: e.Name, Targets: []config.Target{{Name: e.Name, URL: e.URL}}, Scopes: []engine.Scope{e.Scope}}
		p, _, _, err := planTarget(ctx, f, dir, repo, cache, fl, 0, commit, po)
		if err != nil {
			return nil, fmt.Errorf("planning environment %s (%s): %w", e.Name, describeDSN(e.URL), err)
		}
		db := engine.ReplicationDB{Env: e.Name, Plan: p, Depth: e.Depth}
		if e.Depth > 0 {
			local, err := cache.load(e.Scope)
			if err != nil {
				return nil, err
			}
			db.Subscriptions = local.Parsed.Schema.Subscriptions
		}
		dbs = append(dbs, db)
	}
	var out []replPhase
	for _, rs := range engine.OrderReplication(dbs) {
		out = append(out, replPhase{ReplicationStep: rs, Env: byName[rs.Env]})
	}
	return out, nil
}

func replSteps(phases []replPhase) int {
	n := 0
	for _, p := range phases {
		n += len(p.Plan.Steps)
	}
	return n
}

// writeReplicationSummary names the databases and lists the phases.
func writeReplicationSummary(b *strings.Builder, g *replGroup, phases []replPhase) {
	var roles []string
	for _, e := range g.Envs {
		roles = append(roles, fmt.Sprintf("%s (%s, %s)", e.Name, e.role(), describeDSN(e.URL)))
	}
	fmt.Fprintf(b, "Replication plan for %s.\n", strings.Join(roles, ", "))
	if len(phases) == 0 {
		b.WriteString("No changes. Every database matches the schema files.\n")
		return
	}
	fmt.Fprintf(b, "%s in %s, run in this order:\n", plural(replSteps(phases), "step", "steps"), plural(len(phases), "phase", "phases"))
	for i, p := range phases {
		fmt.Fprintf(b, "  %s: %s\n", p.label(i, len(phases)), plural(len(p.Plan.Steps), "step", "steps"))
	}
}

// replicationPlanJSON is plan --format json for --env A,B. It is public:
// keep field names stable.
type replicationPlanJSON struct {
	FormatVersion int                  `json:"format_version"`
	Environments  []replicationEnvJSON `json:"environments"`
	Phases        []replicationPhaseJS `json:"phases"`
}

type replicationEnvJSON struct {
	Name     string `json:"name"`
	Role     string `json:"role"`
	Database string `json:"database"`
}

type replicationPhaseJS struct {
	Phase       string          `json:"phase"`
	Environment string          `json:"environment"`
	Plan        json.RawMessage `json:"plan"`
}

// runReplicationPlan is renovate plan --env A,B.
func runReplicationPlan(ctx context.Context, opts *PlanOptions, g *replGroup) error {
	f := opts.F
	if opts.Out != "" {
		return usageErrorf("-o saves one database's plan; --env %s names %d databases: plan each with --env NAME -o FILE, or use --format json", g.List, len(g.Envs))
	}
	po, err := opts.planOptions(opts.targetFlags)
	if err != nil {
		return err
	}
	phases, err := planReplication(ctx, f, opts.Dir, g, po)
	if err != nil {
		return err
	}
	format := opts.Format
	if format == "" {
		format = formatSQL
		if f.IO.OutTTY {
			format = formatText
		}
	}
	if format == formatJSON {
		out := replicationPlanJSON{FormatVersion: 1, Environments: []replicationEnvJSON{}, Phases: []replicationPhaseJS{}}
		for _, e := range g.Envs {
			out.Environments = append(out.Environments, replicationEnvJSON{Name: e.Name, Role: e.role(), Database: describeDSN(e.URL)})
		}
		for _, p := range phases {
			var buf bytes.Buffer
			if err := render.JSON(&buf, p.Plan); err != nil {
				return err
			}
			out.Phases = append(out.Phases, replicationPhaseJS{Phase: p.Phase, Environment: p.Env.Name, Plan: json.RawMessage(bytes.TrimSpace(buf.Bytes()))})
		}
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintln(f.IO.Out, string(b)); err != nil {
			return err
		}
	} else {
		var b strings.Builder
		writeReplicationSummary(&b, g, phases)
		if format == formatSQL {
			// The summary is for people: on stderr, the SQL on stdout.
			fmt.Fprint(f.IO.ErrOut, b.String())
			b.Reset()
		}
		for i, p := range phases {
			fmt.Fprintf(&b, "\n-- %s\n", p.label(i, len(phases)))
			var buf bytes.Buffer
			switch format {
			case formatText:
				err = render.Text(&buf, p.Plan, render.TextOptions{Color: useColor(opts.Color, f.IO.OutTTY, f.Getenv)})
			case formatMarkdown:
				err = render.Markdown(&buf, p.Plan)
			default:
				err = render.SQL(&buf, p.Plan)
			}
			if err != nil {
				return err
			}
			b.Write(buf.Bytes())
		}
		if _, err := fmt.Fprint(f.IO.Out, b.String()); err != nil {
			return err
		}
	}
	for _, p := range phases {
		if err := failOnHazard(p.Plan, opts.FailOnHazard); err != nil {
			return err
		}
	}
	if opts.DetailedExitcode && len(phases) > 0 {
		return withCode(ExitChanges)
	}
	return nil
}

// runReplicationApply is renovate apply --env A,B: the phases run in
// order, one database at a time, each phase as one apply on its
// database (its transactional steps in one transaction), recorded in
// _meta/plans/<run>/<env>/<n>-<phase>/; the first failure stops the run.
// The whole run is one commit. The schema files are not rewritten: they
// are the source of every database.
func runReplicationApply(ctx context.Context, opts *ApplyOptions, g *replGroup) error {
	f := opts.F
	if opts.PlanFile != "" {
		return usageErrorf("-p applies one saved plan to one database; --env %s names %d databases: apply them without -p", g.List, len(g.Envs))
	}
	repo, head, err := openForRunApply(f, opts)
	if err != nil {
		return err
	}
	po, err := opts.planOptions(opts.targetFlags)
	if err != nil {
		return err
	}
	phases, err := planReplication(ctx, f, opts.Dir, g, po)
	if err != nil {
		return err
	}
	var b strings.Builder
	writeReplicationSummary(&b, g, phases)
	for i, p := range phases {
		fmt.Fprintf(&b, "\n-- %s\n", p.label(i, len(phases)))
		if err := render.SQL(&b, p.Plan); err != nil {
			return err
		}
	}
	fmt.Fprint(f.IO.Out, b.String())
	if len(phases) == 0 {
		return nil
	}
	if err := replicationGate(ctx, f, opts, phases); err != nil {
		return err
	}
	if err := repo.CheckWritable(); err != nil {
		return refused(fmt.Errorf("%w; nothing was applied", err))
	}

	started := f.Now().UTC()
	runDir, err := layout.NewFleetRunDir(opts.Dir, started)
	if err != nil {
		return refused(fmt.Errorf("%w; nothing was applied", err))
	}
	fr := layout.FleetRun{Environment: g.List, GitCommit: head, Started: started}
	for i, p := range phases {
		fr.Targets = append(fr.Targets, layout.FleetTarget{Name: p.recordName(i), Database: describeDSN(p.Env.URL), Status: layout.StatusNotReached})
	}
	record := func() error {
		cp := fr
		cp.Targets = slices.Clone(fr.Targets)
		cp.Finished = f.Now().UTC()
		return layout.WriteFleetRun(opts.Dir, runDir, cp)
	}
	if err := record(); err != nil {
		return refused(fmt.Errorf("%w; nothing was applied", err))
	}
	conns := map[string]*pgx.Conn{}
	defer func() {
		for _, c := range conns {
			c.Close(context.Background())
		}
	}()
	// after is the schema fingerprint a database was left with by its
	// previous phase: a later phase on it runs only on that schema.
	after := map[string]string{}
	exec := opts.execOptions(f, opts.LockTimeout)
	exec.OnStatement, exec.OnStatementDone = nil, nil
	failed := -1
	for i := range phases {
		p := phases[i]
		st := &fr.Targets[i]
		st.Status = layout.StatusFailed
		fmt.Fprintf(f.IO.ErrOut, "%s: applying %s...\n", p.label(i, len(phases)), plural(len(p.Plan.Steps), "step", "steps"))
		refusedHere, err := applyReplPhase(ctx, f, opts, conns, after, p, runDir+"/"+p.recordName(i), head, exec, st)
		if err != nil {
			st.Error = config.Redact(err.Error())
			if refusedHere {
				st.Status = layout.StatusRefused
			}
			failed = i
			break
		}
		st.Status = layout.StatusApplied
	}
	finishErr := record()
	msg := fmt.Sprintf("renovate apply --env %s: %s", g.List, replicationOutcome(fr.Targets))
	hash, _, commitErr := repo.CommitPaths([]string{filepath.Join(opts.Dir, filepath.FromSlash(runDir))}, msg+"\n\nRecorded in "+runDir+".\n", f.Now())
	return replicationReport(f, g, phases, fr.Targets, failed, runDir, hash, errors.Join(finishErr, commitErr))
}

// applyReplPhase applies one phase on its database. It reports whether
// a failure is a refusal (nothing ran: the database changed, renovate's
// lock was held, the record could not be written).
func applyReplPhase(ctx context.Context, f *Factory, opts *ApplyOptions, conns map[string]*pgx.Conn, after map[string]string, p replPhase, rec, head string, exec catalog.ExecOptions, st *layout.FleetTarget) (bool, error) {
	conn := conns[p.Env.Name]
	if conn == nil {
		c, err := f.Connect(ctx, p.Env.URL)
		if err != nil {
			return false, err
		}
		conns[p.Env.Name], conn = c, c
	}
	plan := *p.Plan
	if prev, ok := after[p.Env.Name]; ok {
		// An earlier phase changed this database: its plan was made
		// before that, so it runs on the schema that phase left, and on
		// no other.
		now, err := engine.LoadRemoteScoped(ctx, conn, nil, p.Env.Scope)
		if err != nil {
			return false, err
		}
		if now.Fingerprint != prev {
			return true, fmt.Errorf("the database changed since the previous phase on it ended (schema fingerprint %.12s, then %.12s): make a new plan", prev, now.Fingerprint)
		}
		fp, err := engine.PlanFingerprint(ctx, conn, now, p.Env.Scope)
		if err != nil {
			return false, err
		}
		plan.RemoteFingerprint = fp
	}
	res, err := engine.Apply(ctx, conn, engine.ApplyOptions{
		Scope:       p.Env.Scope,
		Environment: p.Env.Name,
		Dir:         opts.Dir,
		Plan:        &plan,
		Database:    describeDSN(p.Env.URL),
		Exec:        exec,
		Now:         f.Now,
		GitCommit:   head,
		RecordAt:    rec,
		NoRefresh:   true,
	})
	if res != nil {
		st.Record = res.RecordDir
		st.Steps = res.Outcome.Steps
		after[p.Env.Name] = res.Outcome.FingerprintAfter
	}
	var stale *engine.StalePlanError
	var recErr *engine.RecordError
	return errors.As(err, &stale) || errors.Is(err, catalog.ErrLocked) || errors.As(err, &recErr), err
}

// replicationGate refuses what apply refuses for one plan (statements
// renovate cannot classify, placeholders, data loss not allowed), then
// asks once for every phase.
func replicationGate(ctx context.Context, f *Factory, opts *ApplyOptions, phases []replPhase) error {
	var loss []string
	for i, p := range phases {
		if err := checkUnclassified(opts, p.Plan); err != nil {
			return err
		}
		if err := engine.CheckPlaceholders(p.Plan); err != nil {
			return refused(err)
		}
		for _, s := range p.Plan.Steps {
			for _, h := range s.Hazards {
				if blocksApply(opts, s, h) {
					loss = append(loss, fmt.Sprintf("  phase %d (%s), step %d: %s", i+1, p.Env.Name, s.ID, h.Message))
				}
			}
		}
	}
	if len(loss) > 0 && !opts.AllowDataLoss {
		return refused(fmt.Errorf("the plan deletes data and --allow-data-loss was not given:\n%s\nnothing was applied", strings.Join(loss, "\n")))
	}
	if opts.Yes {
		return nil
	}
	if !f.IO.InTTY {
		return refused(errors.New("refusing to apply without confirmation: stdin is not a terminal; pass --yes"))
	}
	fmt.Fprintf(f.IO.Out, "\nApply %s to %s (y/n)? ", plural(len(phases), "phase", "phases"), plural(len(distinctEnvs(phases)), "database", "databases"))
	answer, err := readLine(ctx, bufio.NewReader(f.IO.In))
	if err != nil {
		return err
	}
	if answer != "y" && answer != "yes" {
		return refused(errors.New("apply cancelled; nothing was changed"))
	}
	return nil
}

func distinctEnvs(phases []replPhase) []string {
	var out []string
	for _, p := range phases {
		if !slices.Contains(out, p.Env.Name) {
			out = append(out, p.Env.Name)
		}
	}
	return out
}

// replicationOutcome says in a line which phases ran: "4 phases applied"
// or "phase 2 (source) failed after 1 of 4 phases".
func replicationOutcome(states []layout.FleetTarget) string {
	done := 0
	for i, s := range states {
		switch s.Status {
		case layout.StatusApplied:
			done++
		case layout.StatusFailed, layout.StatusRefused:
			return fmt.Sprintf("phase %d (%s) %s after %d of %d phases applied", i+1, s.Name, s.Status, done, len(states))
		}
	}
	return fmt.Sprintf("%s applied", plural(done, "phase", "phases"))
}

// replicationReport prints which phases ran on which database and
// returns the run's error: exit 1 when a phase failed, 3 when it was
// refused before anything ran on it.
func replicationReport(f *Factory, g *replGroup, phases []replPhase, states []layout.FleetTarget, failed int, runDir, hash string, recordErr error) error {
	var b strings.Builder
	fmt.Fprintf(&b, "\nReplication apply %s: %s. Recorded in %s.\n", g.List, replicationOutcome(states), runDir)
	for i, s := range states {
		line := fmt.Sprintf("  %s: %s", phases[i].label(i, len(phases)), strings.ReplaceAll(s.Status, "_", " "))
		if s.Status == layout.StatusApplied {
			line += fmt.Sprintf(" (%s)", plural(s.Steps, "statement", "statements"))
		}
		if s.Error != "" {
			line += ":\n    " + indentRest(s.Error, "    ")
		}
		b.WriteString(line + "\n")
	}
	if hash != "" {
		fmt.Fprintf(&b, "Committed %.7s.\n", hash)
	}
	fmt.Fprint(f.IO.Out, b.String())
	if recordErr != nil {
		return fmt.Errorf("recording or committing the run %s failed: %w", runDir, recordErr)
	}
	if failed < 0 {
		return nil
	}
	var ran []string
	for i := 0; i < failed; i++ {
		ran = append(ran, fmt.Sprintf("%d (%s on %s)", i+1, phases[i].Phase, phases[i].Env.Name))
	}
	ranText := "no phase ran"
	if len(ran) > 0 {
		ranText = "phases " + strings.Join(ran, ", ") + " ran"
	}
	err := fmt.Errorf("phase %d of %d (%s on %s) %s; %s; phases %d to %d did not run",
		failed+1, len(phases), phases[failed].Phase, phases[failed].Env.Name, states[failed].Status, ranText, failed+2, len(phases))
	if failed+1 == len(phases) {
		err = fmt.Errorf("phase %d of %d (%s on %s) %s; %s", failed+1, len(phases), phases[failed].Phase, phases[failed].Env.Name, states[failed].Status, ranText)
	}
	if states[failed].Status == layout.StatusRefused {
		return refused(err)
	}
	return err
}
