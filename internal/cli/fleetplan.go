package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/planner/render"
)

// fleetPlanJSON is plan --format json for a fleet. It is public: keep
// field names stable.
type fleetPlanJSON struct {
	FormatVersion int               `json:"format_version"`
	Environment   string            `json:"environment"`
	Targets       []fleetTargetJSON `json:"targets"`
	Groups        []fleetGroupJSON  `json:"groups"`
	NoChanges     []string          `json:"no_changes"`
	Drifted       []string          `json:"drifted"`
	Failed        []string          `json:"failed"`
}

type fleetGroupJSON struct {
	Label   string          `json:"label"`
	Targets []string        `json:"targets"`
	Steps   int             `json:"steps"`
	Plan    json.RawMessage `json:"plan"`
}

func names(plans []targetPlan, idx []int) []string {
	out := []string{}
	for _, i := range idx {
		out = append(out, plans[i].Name)
	}
	return out
}

// runFleetPlan is renovate plan for a fleet environment.
func runFleetPlan(ctx context.Context, opts *PlanOptions, fl *fleet) error {
	f := opts.F
	if opts.Out != "" {
		return usageErrorf("-o saves one database's plan; environment %s is a fleet of %d targets: plan a target with --url, or use --format json", fl.Env, len(fl.Targets))
	}
	po, err := opts.planOptions(opts.targetFlags)
	if err != nil {
		return err
	}
	plans, err := planFleet(ctx, f, opts.Dir, fl, opts.Parallel, po, nil)
	if err != nil {
		return err
	}
	s := summarizeFleet(plans)
	format := opts.Format
	if format == "" {
		format = formatSQL
		if f.IO.OutTTY {
			format = formatText
		}
	}
	switch format {
	case formatJSON:
		if err := writeFleetJSON(f, fl, plans, s); err != nil {
			return err
		}
	default:
		var b strings.Builder
		writeFleetSummary(&b, fl.Env, plans, s)
		if format == formatSQL {
			// The summary is for people: on stderr, the plans' SQL on
			// stdout, one commented section per group.
			fmt.Fprint(f.IO.ErrOut, b.String())
			b.Reset()
		} else {
			fmt.Fprint(f.IO.Out, b.String())
			b.Reset()
		}
		for _, g := range s.Groups {
			fmt.Fprintf(&b, "\n-- Plan %s, for %s: %s\n", g.Label, plural(len(g.Targets), "target", "targets"), targetNames(plans, g.Targets, 0))
			var buf bytes.Buffer
			switch format {
			case formatText:
				err = render.Text(&buf, g.Plan, render.TextOptions{Color: useColor(opts.Color, f.IO.OutTTY, f.Getenv)})
			case formatMarkdown:
				err = render.Markdown(&buf, g.Plan)
			default:
				err = render.SQL(&buf, g.Plan)
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
	for _, g := range s.Groups {
		if err := failOnHazard(g.Plan, opts.FailOnHazard); err != nil {
			return err
		}
	}
	if len(s.Failed) > 0 {
		return fmt.Errorf("%s of environment %s could not be planned: %s", plural(len(s.Failed), "target", "targets"), fl.Env, targetNames(plans, s.Failed, 0))
	}
	if opts.DetailedExitcode && len(s.Groups) > 0 {
		return withCode(ExitChanges)
	}
	return nil
}

func writeFleetJSON(f *Factory, fl *fleet, plans []targetPlan, s fleetSummary) error {
	out := fleetPlanJSON{FormatVersion: 1, Environment: fl.Env, NoChanges: names(plans, s.NoChanges), Drifted: names(plans, s.Drifted), Failed: names(plans, s.Failed)}
	label := map[int]string{}
	for _, g := range s.Groups {
		var buf bytes.Buffer
		if err := render.JSON(&buf, g.Plan); err != nil {
			return err
		}
		out.Groups = append(out.Groups, fleetGroupJSON{Label: g.Label, Targets: names(plans, g.Targets), Steps: len(g.Plan.Steps), Plan: json.RawMessage(bytes.TrimSpace(buf.Bytes()))})
		for _, i := range g.Targets {
			label[i] = g.Label
		}
	}
	if out.Groups == nil {
		out.Groups = []fleetGroupJSON{}
	}
	for i, tp := range plans {
		t := fleetTargetJSON{Name: tp.Name, Database: tp.Database, Plan: label[i], Drifted: slices.Contains(s.Drifted, i), Conflicts: tp.Conflicts}
		if tp.Plan != nil {
			t.Steps = len(tp.Plan.Steps)
		}
		if tp.Err != nil {
			t.Error = config.Redact(tp.Err.Error())
		}
		out.Targets = append(out.Targets, t)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(f.IO.Out, string(b))
	return err
}

// runFleetDrift is renovate drift for a fleet: the targets that differ
// from the files are named, with their groups' reports.
func runFleetDrift(ctx context.Context, opts *DriftOptions, fl *fleet) error {
	f := opts.F
	plans, err := planFleet(ctx, f, opts.Dir, fl, opts.Parallel, nil, nil)
	if err != nil {
		return err
	}
	s := summarizeFleet(plans)
	var differ []int
	for _, g := range s.Groups {
		differ = append(differ, g.Targets...)
	}
	slices.Sort(differ)
	if len(s.Failed) > 0 {
		var b strings.Builder
		writeFleetSummary(&b, fl.Env, plans, s)
		fmt.Fprint(f.IO.Out, b.String())
		return fmt.Errorf("%s of environment %s could not be checked: %s", plural(len(s.Failed), "target", "targets"), fl.Env, targetNames(plans, s.Failed, 0))
	}
	if len(differ) == 0 {
		fmt.Fprintf(f.IO.Out, "No drift: all %s of %s match the schema files.\n", plural(len(plans), "target", "targets"), fl.Env)
		return nil
	}
	fmt.Fprintf(f.IO.Out, "Drift: %s of %d in %s differ from the schema files: %s\n\n", plural(len(differ), "target", "targets"), len(plans), fl.Env, targetNames(plans, differ, 0))
	for _, g := range s.Groups {
		fmt.Fprintf(f.IO.Out, "Targets %s:\n", targetNames(plans, g.Targets, 0))
		if err := writeDrift(f, g.Plan, plural(len(g.Targets), "target", "targets")); err != nil {
			return err
		}
		fmt.Fprintln(f.IO.Out)
	}
	return withCode(ExitChanges)
}
