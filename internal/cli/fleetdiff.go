package cli

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/render"
)

// runFleetDiff is renovate diff --to env:FLEET: every target is compared
// with --from (defaultFleetParallel at once, each over its own
// connections), and the targets that differ are named, grouped by
// identical plans.
func runFleetDiff(ctx context.Context, opts *DiffOptions, cfg *config.Config, from, to diffSource) error {
	f := opts.F
	declared := make([]string, len(cfg.Variables))
	for i, v := range cfg.Variables {
		declared[i] = v.Name
	}
	targets, err := engine.ResolveTargets(ctx, to.env, declared, f.Connect)
	if err != nil {
		return err
	}
	scopes := make([]engine.Scope, len(targets))
	for i, t := range targets {
		e := *to.env
		e.Vars = maps.Clone(to.env.Vars)
		if e.Vars == nil {
			e.Vars = map[string]string{}
		}
		maps.Copy(e.Vars, t.Vars)
		if scopes[i], err = scopeOf(cfg, &e); err != nil {
			return fmt.Errorf("%s: %w", cfg.Path, err)
		}
	}
	plans := make([]targetPlan, len(targets))
	engine.RunFleet(ctx, len(targets), engine.FleetOptions{Parallel: defaultFleetParallel, ContinueOnError: true}, func(ctx context.Context, i int) error {
		plans[i] = targetPlan{Name: targets[i].Name, Database: describeDSN(targets[i].URL)}
		plans[i].Plan, plans[i].Err = diffTarget(ctx, f, from, targets[i].URL, scopes[i])
		return plans[i].Err
	})
	s := summarizeFleet(plans)
	var differ []int
	for _, g := range s.Groups {
		differ = append(differ, g.Targets...)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s of %d in %s differ from %s", plural(len(differ), "target", "targets"), len(plans), to.label, from.label)
	if len(differ) > 0 {
		fmt.Fprintf(&b, ": %s", targetNames(plans, slices.Sorted(slices.Values(differ)), 0))
	}
	b.WriteString(".\n")
	for _, i := range s.Failed {
		fmt.Fprintf(&b, "  %s could not be compared: %s\n", plans[i].Name, indentRest(config.Redact(plans[i].Err.Error()), "    "))
	}
	fmt.Fprint(f.IO.ErrOut, b.String())
	for _, g := range s.Groups {
		fmt.Fprintf(f.IO.Out, "\n-- Changes that would make %s like %s:\n", targetNames(plans, g.Targets, 0), from.label)
		if f.IO.OutTTY {
			err = render.Text(f.IO.Out, g.Plan, render.TextOptions{Color: f.Getenv("NO_COLOR") == ""})
		} else {
			err = render.SQL(f.IO.Out, g.Plan)
		}
		if err != nil {
			return err
		}
	}
	if len(s.Failed) > 0 {
		return fmt.Errorf("%s of %s could not be compared", plural(len(s.Failed), "target", "targets"), to.label)
	}
	if opts.DetailedExitcode && len(differ) > 0 {
		return withCode(ExitChanges)
	}
	return nil
}

// diffTarget plans what would make the target at dsn like from.
func diffTarget(ctx context.Context, f *Factory, from diffSource, dsn string, sc engine.Scope) (p *planner.Plan, err error) {
	defer recovered(&err)
	var conns []*pgx.Conn
	defer func() {
		for _, c := range conns {
			c.Close(context.Background())
		}
	}()
	fromSrc := engine.Source{Dir: from.dir}
	if from.dsn != "" {
		c, err := f.Connect(ctx, from.dsn)
		if err != nil {
			return nil, err
		}
		conns = append(conns, c)
		fromSrc = engine.Source{Conn: c}
	}
	c, err := f.Connect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	conns = append(conns, c)
	return engine.DiffSources(ctx, fromSrc, engine.Source{Conn: c}, sc)
}
