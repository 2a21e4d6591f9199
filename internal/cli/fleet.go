package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/internal/gitrepo"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/spf13/cobra"
)

// A fleet environment (renovate.hcl: urls, target blocks or a
// targets_query) makes plan, apply and drift work on every target
// (engine's fleet.go); this file resolves the targets and plans them.
// fleetapply.go applies.

// defaultFleetParallel is --parallel's default: how many targets are
// planned or applied at once.
const defaultFleetParallel = 4

// addParallelFlag adds --parallel: how many targets of a fleet are
// worked on (what) at once.
func addParallelFlag(c *cobra.Command, n *int, what string) {
	c.Flags().IntVar(n, "parallel", defaultFleetParallel, "fleet: how many targets are "+what+" at once")
}

// fleet is a resolved fleet environment.
type fleet struct {
	Env     string
	Targets []config.Target
	// Scopes are the targets' scopes: the environment's filters and its
	// variables with the target's own over them.
	Scopes []engine.Scope
}

// fleetOf returns the fleet that t selects, or nil when t selects a
// single database (--url given, or an environment with one url), so that
// single databases go through exactly the path they always did.
func fleetOf(ctx context.Context, f *Factory, t targetFlags) (*fleet, error) {
	if t.URL != "" {
		return nil, nil
	}
	cfg, err := config.Load(filepath.Join(t.Dir, ConfigFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	env, err := cfg.Settings(t.Env)
	if err != nil || !env.IsFleet() {
		return nil, nil // resolve reports the error, or it is one database
	}
	if env, err = cfg.Environment(env.Name); err != nil {
		return nil, err
	}
	declared := make([]string, len(cfg.Variables))
	for i, v := range cfg.Variables {
		declared[i] = v.Name
	}
	targets, err := engine.ResolveTargets(ctx, env, declared, f.Connect)
	if err != nil {
		return nil, err
	}
	fl := &fleet{Env: env.Name, Targets: targets}
	for _, tgt := range targets {
		e := *env
		e.Vars = maps.Clone(env.Vars)
		if e.Vars == nil {
			e.Vars = map[string]string{}
		}
		maps.Copy(e.Vars, tgt.Vars)
		sc, err := scopeOf(cfg, &e)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", cfg.Path, err)
		}
		for _, v := range cfg.Variables {
			if _, ok := sc.Vars[v.Name]; !ok {
				return nil, fmt.Errorf("target %s of environment %s: variable %q has no default and neither the environment nor the target sets it", tgt.Name, env.Name, v.Name)
			}
		}
		fl.Scopes = append(fl.Scopes, sc)
	}
	return fl, nil
}

// targetPlan is one target's plan, or why it has none.
type targetPlan struct {
	Name, Database string
	Plan           *planner.Plan
	// Fingerprint is the target's schema fingerprint as read.
	Fingerprint string
	Conflicts   []engine.DataConflict
	Err         error
}

// localCache loads the schema files once per distinct set of variable
// values: most fleets share one.
type localCache struct {
	mu    sync.Mutex
	dir   string
	repo  *gitrepo.Repo
	byKey map[string]*localEntry
}

type localEntry struct {
	once  sync.Once
	local *engine.Local
	err   error
}

func (c *localCache) load(sc engine.Scope) (*engine.Local, error) {
	keys := make([]string, 0, len(sc.Vars))
	for k, v := range sc.Vars {
		keys = append(keys, k+"="+v)
	}
	slices.Sort(keys)
	key := strings.Join(keys, "\x00")
	c.mu.Lock()
	e := c.byKey[key]
	if e == nil {
		e = &localEntry{}
		c.byKey[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		e.local, e.err = engine.LoadLocalScoped(c.dir, sc)
		if e.err == nil && c.repo != nil {
			if err := checkSources(c.repo, c.dir, e.local.Files, sc); err != nil {
				e.err = refused(err)
			}
		}
	})
	return e.local, e.err
}

// planFleet plans every target of fl, parallel at once, in target order;
// a target that cannot be planned has Err set.
func planFleet(ctx context.Context, f *Factory, dir string, fl *fleet, parallel int, po []engine.PlanOption, only []int) ([]targetPlan, error) {
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
	cache := &localCache{dir: dir, repo: repo, byKey: map[string]*localEntry{}}
	// Bad files are reported before any connection is made.
	if _, err := cache.load(fl.Scopes[0]); err != nil {
		return nil, err
	}
	if only == nil {
		only = make([]int, len(fl.Targets))
		for i := range only {
			only[i] = i
		}
	}
	out := make([]targetPlan, len(fl.Targets))
	for i, t := range fl.Targets {
		out[i] = targetPlan{Name: t.Name, Database: describeDSN(t.URL)}
	}
	prog := newProgress(f.IO)
	defer prog.Done()
	prog.Phase(fmt.Sprintf("Planning %d target(s) of %s", len(only), fl.Env))
	var mu sync.Mutex
	done := 0
	engine.RunFleet(ctx, len(only), engine.FleetOptions{Parallel: parallel, ContinueOnError: true}, func(ctx context.Context, k int) error {
		i := only[k]
		tp := &out[i]
		tp.Plan, tp.Fingerprint, tp.Conflicts, tp.Err = planTarget(ctx, f, dir, repo, cache, fl, i, commit, po)
		mu.Lock()
		done++
		prog.Count(done, len(only), tp.Name)
		mu.Unlock()
		return tp.Err
	})
	return out, nil
}

// planTarget plans target i of fl over its own connection.
func planTarget(ctx context.Context, f *Factory, dir string, repo *gitrepo.Repo, cache *localCache, fl *fleet, i int, commit string, po []engine.PlanOption) (p *planner.Plan, fingerprint string, conflicts []engine.DataConflict, err error) {
	defer recovered(&err)
	sc := fl.Scopes[i]
	t := fl.Targets[i]
	local, err := cache.load(sc)
	if err != nil {
		return nil, "", nil, err
	}
	conn, err := f.Connect(ctx, t.URL)
	if err != nil {
		return nil, "", nil, err
	}
	defer conn.Close(context.Background())
	intro, err := engine.IntrospectCached(ctx, conn)
	if err != nil {
		return nil, "", nil, err
	}
	remote, err := intro.Remote(local, sc)
	if err != nil {
		return nil, "", nil, err
	}
	opts := append([]engine.PlanOption(nil), po...)
	if len(sc.SyncPolicies) > 0 {
		base, err := dataBase(repo, dir, sc, fl.Env, t.Name, "")
		if err != nil {
			return nil, "", nil, err
		}
		opts = append(opts, engine.WithThreeWay(sc.SyncPolicies, base, &conflicts))
	}
	opts = append(opts, engine.WithData(sc.DataTables(), engine.DataSide{Dir: dir}))
	p, err = engine.Plan(ctx, conn, local.Parsed, remote, opts...)
	if err != nil {
		return nil, remote.Fingerprint, conflicts, catalog.ExplainLockTimeout(ctx, conn, err)
	}
	if err := engine.CheckReferences(ctx, conn, local.Parsed, remote); err != nil {
		return nil, remote.Fingerprint, conflicts, err
	}
	intro.StoreCatalog(ctx, conn)
	p.RenovateVersion = f.Version
	p.GitCommit = commit
	return p, remote.Fingerprint, conflicts, nil
}

// fleetSummary describes the plans of a fleet: the groups of identical
// plans, the targets without changes, the drifted ones and the failures.
type fleetSummary struct {
	Groups    []engine.PlanGroup
	NoChanges []int
	Drifted   []int
	Failed    []int
}

func summarizeFleet(plans []targetPlan) fleetSummary {
	var s fleetSummary
	ps := make([]*planner.Plan, len(plans))
	fps := make([]string, len(plans))
	for i, tp := range plans {
		fps[i] = tp.Fingerprint
		switch {
		case tp.Err != nil:
			s.Failed = append(s.Failed, i)
		case tp.Plan == nil:
		case tp.Plan.Empty():
			s.NoChanges = append(s.NoChanges, i)
		default:
			ps[i] = tp.Plan
		}
	}
	s.Groups = engine.GroupPlans(ps)
	s.Drifted = engine.Drifted(fps)
	return s
}

// targetNames lists the named targets, shortened past limit.
func targetNames(plans []targetPlan, idx []int, limit int) string {
	var names []string
	for k, i := range idx {
		if limit > 0 && k == limit {
			names = append(names, fmt.Sprintf("... (%d more)", len(idx)-limit))
			break
		}
		names = append(names, plans[i].Name)
	}
	return strings.Join(names, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// writeFleetSummary prints the grouped plans: "17 targets: plan A (2
// steps): t01, t02, ...".
func writeFleetSummary(b *strings.Builder, env string, plans []targetPlan, s fleetSummary) {
	fmt.Fprintf(b, "Fleet %s: %s.\n", env, plural(len(plans), "target", "targets"))
	for _, g := range s.Groups {
		fmt.Fprintf(b, "  %s: plan %s (%s): %s\n", plural(len(g.Targets), "target", "targets"), g.Label, plural(len(g.Plan.Steps), "step", "steps"), targetNames(plans, g.Targets, 20))
	}
	if len(s.NoChanges) > 0 {
		fmt.Fprintf(b, "  %s: no changes: %s\n", plural(len(s.NoChanges), "target", "targets"), targetNames(plans, s.NoChanges, 20))
	}
	if len(s.Failed) > 0 {
		fmt.Fprintf(b, "  %s could not be planned:\n", plural(len(s.Failed), "target", "targets"))
		for _, i := range s.Failed {
			fmt.Fprintf(b, "    %s: %s\n", plans[i].Name, indentRest(config.Redact(plans[i].Err.Error()), "      "))
		}
	}
	if len(s.Drifted) > 0 {
		fmt.Fprintf(b, "  drifted (schema differs from most targets'): %s\n", targetNames(plans, s.Drifted, 0))
	}
	var conflicts []string
	for _, tp := range plans {
		for _, c := range tp.Conflicts {
			conflicts = append(conflicts, fmt.Sprintf("    %s: %s", tp.Name, c))
		}
	}
	if len(conflicts) > 0 {
		fmt.Fprintf(b, "  data conflicts (changed in the files and in the target since its last apply):\n%s\n", strings.Join(conflicts, "\n"))
	}
}

func indentRest(s, indent string) string {
	return strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n"+indent)
}

// fleetTargetJSON is one target in plan --format json for a fleet.
type fleetTargetJSON struct {
	Name      string                `json:"name"`
	Database  string                `json:"database"`
	Plan      string                `json:"plan,omitempty"`
	Steps     int                   `json:"steps"`
	Drifted   bool                  `json:"drifted"`
	Conflicts []engine.DataConflict `json:"conflicts,omitempty"`
	Error     string                `json:"error,omitempty"`
}
