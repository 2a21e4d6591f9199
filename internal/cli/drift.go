package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/spf13/cobra"
)

// DriftOptions are the inputs of renovate drift.
type DriftOptions struct {
	F *Factory
	targetFlags
	// Strict makes objects renovate does not manage an error.
	Strict bool
	// Parallel bounds how many targets of a fleet are checked at once.
	Parallel int
}

// NewCmdDrift builds `renovate drift`.
func NewCmdDrift(f *Factory, runF func(*DriftOptions) error) *cobra.Command {
	opts := &DriftOptions{F: f}
	c := &cobra.Command{
		Use:   "drift",
		Short: "Check that the database still matches the files (for CI and cron)",
		Long: `Compares the live database with the schema files, the way plan does, and
exits 0 when they match and 2 when they do not, after printing which objects
differ and how (a diff per object: - the database, + the files). Errors exit 1.
Nothing is changed: use plan and apply to bring the database back to the
files, or fetch to take the database's version into the files.

For a fleet environment, every target is checked (--parallel at once) and
the targets that differ are named, with one report per group of identical
differences.

--env A,B checks each environment in turn (each a database or a fleet, a
publisher and its subscribers for instance), prints each one's report under
its name, and ends with the environments that drifted: exit 2 when any did,
1 when any could not be checked.`,
		Example: `  renovate drift
  renovate drift --env production
  renovate drift --env source,replica
  renovate drift --url postgres://app@db/hello --dir ./schema || alert "schema drift"`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runDrift(c.Context(), opts)
		},
	}
	addTargetFlags(c, &opts.targetFlags)
	c.Flags().BoolVar(&opts.Strict, "strict", false, "fail (exit 1) when the database holds objects of kinds renovate does not manage")
	addParallelFlag(c, &opts.Parallel, "checked")
	return c
}

func runDrift(ctx context.Context, opts *DriftOptions) error {
	f := opts.F
	if names, err := envList(opts.targetFlags); err != nil || names != nil {
		if err != nil {
			return err
		}
		return runDriftEach(ctx, opts, names)
	}
	if fl, err := fleetOf(ctx, f, opts.targetFlags); err != nil || fl != nil {
		if err != nil {
			return err
		}
		return runFleetDrift(ctx, opts, fl)
	}
	p, remote, conn, dsn, err := makePlan(ctx, f, opts.targetFlags, nil)
	if err != nil {
		return err
	}
	conn.Close(context.Background())
	if err := reportUnmanaged(f, remote, opts.Strict); err != nil {
		return err
	}
	if p.Empty() && len(p.Changes) == 0 {
		fmt.Fprintf(f.IO.Out, "No drift: %s matches the schema files.\n", describeDSN(dsn))
		return nil
	}
	if err := writeDrift(f, p, describeDSN(dsn)); err != nil {
		return err
	}
	return withCode(ExitChanges)
}

// writeDrift prints the drift report: per object what differs, as a
// unified diff from the database's definition to the files'.
func writeDrift(f *Factory, p *planner.Plan, db string) error {
	color := f.IO.OutTTY && f.Getenv("NO_COLOR") == ""
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + "\x1b[0m"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Drift: %s differs from the schema files in %d object(s) (- database, + files):\n\n", db, len(p.Changes))
	for _, c := range p.Changes {
		var what string
		switch c.Action {
		case planner.ActionCreate:
			what = "is in the files but missing from the database"
		case planner.ActionDrop:
			what = "is in the database but in no file"
		case planner.ActionRename:
			what = "is renamed in the files"
		default:
			what = "differs"
		}
		b.WriteString(paint("\x1b[1m", fmt.Sprintf("%s %s %s:", c.Object.Kind.Title(), c.Object.QualifiedName(), what)) + "\n")
		for _, l := range render.UnifiedDiff(c.Old, c.New, 3) {
			switch {
			case strings.HasPrefix(l, "-"):
				b.WriteString(paint("\x1b[31m", l) + "\n")
			case strings.HasPrefix(l, "+"):
				b.WriteString(paint("\x1b[32m", l) + "\n")
			default:
				b.WriteString(l + "\n")
			}
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%d statement(s) would bring the database back to the files: see renovate plan; or take the database's version with renovate fetch.\n", len(p.Steps))
	_, err := fmt.Fprint(f.IO.Out, b.String())
	return err
}

// runDriftEach is renovate drift --env A,B: each environment is checked
// as drift --env NAME checks it, under a heading, and the last line names
// the environments that drifted and those that could not be checked.
func runDriftEach(ctx context.Context, opts *DriftOptions, names []string) error {
	f := opts.F
	var drifted, failed []string
	for i, n := range names {
		if i > 0 {
			fmt.Fprintln(f.IO.Out)
		}
		fmt.Fprintf(f.IO.Out, "== environment %s ==\n", n)
		one := *opts
		one.Env = n
		err := runDrift(ctx, &one)
		switch ExitCode(err) {
		case 0:
		case ExitChanges:
			drifted = append(drifted, n)
		default:
			failed = append(failed, n)
			fmt.Fprintf(f.IO.ErrOut, "environment %s: %s\n", n, Message(err))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%d of %d environments drifted", len(drifted), len(names))
	if len(drifted) > 0 {
		fmt.Fprintf(&b, ": %s", strings.Join(drifted, ", "))
	}
	if len(failed) > 0 {
		fmt.Fprintf(&b, "; %d could not be checked: %s", len(failed), strings.Join(failed, ", "))
	}
	b.WriteString(".\n")
	fmt.Fprint(f.IO.Out, b.String())
	switch {
	case len(failed) > 0:
		return fmt.Errorf("drift --env %s: %s could not be checked", strings.Join(names, ","), plural(len(failed), "environment", "environments"))
	case len(drifted) > 0:
		return withCode(ExitChanges)
	}
	return nil
}
