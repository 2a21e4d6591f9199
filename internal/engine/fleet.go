package engine

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state/layout"
)

// Fleets (DESIGN.md §10): an environment of renovate.hcl may name many
// targets, databases that all follow the schema files. Each target is
// planned and applied on its own, exactly as a single database is, over
// its own connection; what this file adds is the orchestration: reading
// the targets (a list, or a query on a registry database), running the
// per-target work with bounded parallelism, a canary first and a stop on
// the first failure, and grouping identical plans. renovate never builds
// a distributed transaction: each target commits or fails on its own, and
// the run's record says which did what.

// ResolveTargets returns the targets of a fleet environment: its urls and
// target blocks, then the rows of its targets_query, read on the registry
// through connect. The query's first two columns are each target's name
// and connection string; every further column sets the variable of its
// name (declared lists the variables renovate.hcl declares). A name that
// is not valid or repeats, or a connection string holding a password, is
// an error naming the target, never the string.
func ResolveTargets(ctx context.Context, env *config.Environment, declared []string, connect func(context.Context, string) (*pgx.Conn, error)) ([]config.Target, error) {
	out := slices.Clone(env.Targets)
	if q := env.TargetsQuery; q != nil {
		conn, err := connect(ctx, q.URL)
		if err != nil {
			return nil, fmt.Errorf("environment %q: connecting to the targets_query registry: %w", env.Name, err)
		}
		defer conn.Close(context.Background())
		got, err := queryTargets(ctx, conn, q.Query, declared)
		if err != nil {
			return nil, fmt.Errorf("environment %q: targets_query: %w", env.Name, err)
		}
		out = append(out, got...)
	}
	seen := map[string]bool{}
	for _, t := range out {
		if seen[t.Name] {
			return nil, fmt.Errorf("environment %q: two targets are named %q", env.Name, t.Name)
		}
		seen[t.Name] = true
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("environment %q has no targets (its targets_query returned no rows)", env.Name)
	}
	return out, nil
}

func queryTargets(ctx context.Context, conn *pgx.Conn, query string, declared []string) ([]config.Target, error) {
	rs, err := conn.Query(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	fields := rs.FieldDescriptions()
	if len(fields) < 2 {
		return nil, fmt.Errorf("the query returns %d column(s); it must return each target's name and connection string, then optionally variables", len(fields))
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Name
		if i >= 2 && !slices.Contains(declared, f.Name) {
			return nil, fmt.Errorf("column %q sets a variable that no variable block declares (declared: %s)", f.Name, strings.Join(declared, ", "))
		}
	}
	var out []config.Target
	for rs.Next() {
		vals := make([]*string, len(fields))
		ptrs := make([]any, len(fields))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			return nil, fmt.Errorf("reading row %d: %w (every column must be text)", len(out)+1, err)
		}
		if vals[0] == nil || !config.ValidTargetName(*vals[0]) {
			name := "NULL"
			if vals[0] != nil {
				name = fmt.Sprintf("%q", *vals[0])
			}
			return nil, fmt.Errorf("row %d: %s is not a valid target name (letters, digits, \"_\", \"-\", \".\")", len(out)+1, name)
		}
		t := config.Target{Name: *vals[0]}
		if vals[1] == nil || strings.TrimSpace(*vals[1]) == "" {
			return nil, fmt.Errorf("target %s: no connection string", t.Name)
		}
		if config.HasPassword(*vals[1]) {
			return nil, fmt.Errorf("target %s: its connection string holds a password; keep passwords out of the registry (PGPASSWORD, ~/.pgpass or PGPASSFILE supply them)", t.Name)
		}
		t.URL = *vals[1]
		for i := 2; i < len(vals); i++ {
			if vals[i] == nil {
				continue
			}
			if t.Vars == nil {
				t.Vars = map[string]string{}
			}
			t.Vars[names[i]] = *vals[i]
		}
		out = append(out, t)
	}
	return out, rs.Err()
}

// FleetOptions say how RunFleet goes through the targets.
type FleetOptions struct {
	// Parallel bounds how many targets are worked on at once (at least 1).
	Parallel int
	// Canary is how many targets (the first ones) run before the rest;
	// the rest start only when every canary succeeded.
	Canary int
	// ContinueOnError keeps starting targets after one failed (the
	// canary still stops the run).
	ContinueOnError bool
}

// FleetFailed is what a target's work returns to say it failed; any
// other error is a failure too. Refused marks failures where nothing ran
// (the target's apply lock was held, say).
type FleetFailed struct {
	Err     error
	Refused bool
}

func (e *FleetFailed) Error() string { return e.Err.Error() }
func (e *FleetFailed) Unwrap() error { return e.Err }

// RunFleet calls work for targets 0..n-1, at most opts.Parallel at once:
// the canary targets first, then the rest, in order. After a failure no
// further target is started unless ContinueOnError (a canary failure
// always stops the run); started ⊆ the targets for which work ran, and
// results[i] is nil for a target that succeeded, its error otherwise.
// reached[i] is false for targets never started.
func RunFleet(ctx context.Context, n int, opts FleetOptions, work func(ctx context.Context, i int) error) (results []error, reached []bool) {
	results = make([]error, n)
	reached = make([]bool, n)
	par := max(opts.Parallel, 1)
	canary := min(max(opts.Canary, 0), n)
	var mu sync.Mutex
	stop := false
	runBatch := func(from, to int, stopOnError bool) {
		sem := make(chan struct{}, par)
		var wg sync.WaitGroup
		for i := from; i < to; i++ {
			mu.Lock()
			halt := stop || ctx.Err() != nil
			mu.Unlock()
			if halt {
				break
			}
			sem <- struct{}{}
			mu.Lock()
			halt = stop || ctx.Err() != nil
			if !halt {
				reached[i] = true
			}
			mu.Unlock()
			if halt {
				<-sem
				break
			}
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				defer func() { <-sem }()
				err := work(ctx, i)
				mu.Lock()
				results[i] = err
				if err != nil && stopOnError {
					stop = true
				}
				mu.Unlock()
			}(i)
		}
		wg.Wait()
	}
	runBatch(0, canary, true)
	if !stop {
		runBatch(canary, n, !opts.ContinueOnError)
	}
	return results, reached
}

// CanaryCount turns --canary (a count "3", a fraction "0.1" or a
// percentage "10%") into a number of targets out of n: at least 1 for a
// non-zero fraction.
func CanaryCount(spec string, n int) (int, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" || spec == "0" {
		return 0, nil
	}
	var frac float64
	switch {
	case strings.HasSuffix(spec, "%"):
		var pct float64
		if _, err := fmt.Sscanf(strings.TrimSuffix(spec, "%"), "%g", &pct); err != nil || pct <= 0 || pct > 100 {
			return 0, fmt.Errorf("--canary %s: a percentage must be between 0 and 100", spec)
		}
		frac = pct / 100
	case strings.Contains(spec, "."):
		if _, err := fmt.Sscanf(spec, "%g", &frac); err != nil || frac <= 0 || frac > 1 {
			return 0, fmt.Errorf("--canary %s: a fraction must be between 0 and 1", spec)
		}
	default:
		var c int
		if _, err := fmt.Sscanf(spec, "%d", &c); err != nil || c < 0 || fmt.Sprint(c) != spec {
			return 0, fmt.Errorf("--canary %s: give a number of targets (3), a fraction (0.1) or a percentage (10%%)", spec)
		}
		return min(c, n), nil
	}
	c := int(frac*float64(n) + 0.999999)
	return min(max(c, 1), n), nil
}

// PlanGroup is a set of targets whose plans are the same statements.
type PlanGroup struct {
	// Label is "A", "B", ...: the largest group first.
	Label string
	// Targets are indexes into the plans given to GroupPlans.
	Targets []int
	// Plan is the first target's plan (the statements are the same).
	Plan *planner.Plan
}

// GroupPlans groups targets by their plans' statements; nil plans
// (targets that could not be planned) are left out.
func GroupPlans(plans []*planner.Plan) []PlanGroup {
	byKey := map[string]int{}
	var groups []PlanGroup
	for i, p := range plans {
		if p == nil {
			continue
		}
		k := planKey(p)
		g, ok := byKey[k]
		if !ok {
			g = len(groups)
			byKey[k] = g
			groups = append(groups, PlanGroup{Plan: p})
		}
		groups[g].Targets = append(groups[g].Targets, i)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if len(groups[i].Targets) != len(groups[j].Targets) {
			return len(groups[i].Targets) > len(groups[j].Targets)
		}
		return groups[i].Targets[0] < groups[j].Targets[0]
	})
	for i := range groups {
		groups[i].Label = groupLabel(i)
	}
	return groups
}

// planKey identifies a plan by its statements and their hazards.
func planKey(p *planner.Plan) string {
	var b strings.Builder
	for _, s := range p.Steps {
		b.WriteString(s.SQL)
		for _, h := range s.Hazards {
			b.WriteString("\x00" + string(h.Kind))
		}
		b.WriteString("\x00\x00")
	}
	return b.String()
}

// groupLabel is A..Z, then AA, AB, ...
func groupLabel(i int) string {
	if i < 26 {
		return string(rune('A' + i))
	}
	return groupLabel(i/26-1) + string(rune('A'+i%26))
}

// Drifted returns the targets whose schema is not the most common one
// among fingerprints ("" entries, targets not read, are left out): the
// targets that moved away from their peers.
func Drifted(fingerprints []string) []int {
	count := map[string]int{}
	best, bestN := "", 0
	for _, fp := range fingerprints {
		if fp == "" {
			continue
		}
		count[fp]++
	}
	for _, fp := range fingerprints { // first-seen order breaks ties
		if fp != "" && count[fp] > bestN {
			best, bestN = fp, count[fp]
		}
	}
	var out []int
	for i, fp := range fingerprints {
		if fp != "" && fp != best {
			out = append(out, i)
		}
	}
	return out
}

// LastAppliedCommit returns the commit of the schema files last applied
// successfully to a target, from the records under dir/_meta/plans: for
// a fleet target (target != ""), its entry in the environment's fleet
// runs (applied, or found with no changes to make: it matched that
// commit's files); otherwise the single-database runs of env on database. "" when
// none is recorded.
func LastAppliedCommit(dir, env, target, database string) (string, error) {
	runs, err := layout.Runs(dir)
	if err != nil {
		return "", err
	}
	for i := len(runs) - 1; i >= 0; i-- {
		rel := runs[i]
		fr, isFleet, err := layout.ReadFleetRun(dir, rel)
		if err != nil {
			return "", err
		}
		if isFleet {
			if target == "" || fr.Environment != env {
				continue
			}
			for _, t := range fr.Targets {
				if t.Name != target {
					continue
				}
				if t.Status == layout.StatusNoChanges && fr.Resumes == "" {
					// It matched the files of the run's commit.
					return fr.GitCommit, nil
				}
				if t.Status != layout.StatusApplied || t.Record == "" {
					continue
				}
				o, err := layout.ReadOutcome(dir, t.Record)
				if err != nil {
					return "", err
				}
				if o.Status == layout.StatusApplied {
					return o.GitCommit, nil
				}
			}
			continue
		}
		if target != "" {
			continue
		}
		o, err := layout.ReadOutcome(dir, rel)
		if err != nil {
			continue // not renovate's record
		}
		if o.Status == layout.StatusApplied && o.Environment == env && o.Database == database {
			return o.GitCommit, nil
		}
	}
	return "", nil
}
