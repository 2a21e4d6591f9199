package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/internal/vars"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state/layout"
	"github.com/spf13/cobra"
)

// referencesMarker is the comment renovate show puts in a plan whose
// {{var.NAME}} references apply -p substitutes. Other plans (renovate plan
// -o) hold SQL as it runs and are never substituted.
const referencesMarker = "-- renovate:variables substituted by apply -p --env NAME"

// ShowOptions are the inputs of renovate show.
type ShowOptions struct {
	F   *Factory
	Dir string
	// Run is a run directory's name or a unique prefix of it; "" is the
	// latest run.
	Run string
	// Raw prints the SQL exactly as it ran, values not replaced by
	// variable references.
	Raw bool
}

// NewCmdShow builds `renovate show`.
func NewCmdShow(f *Factory, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{F: f}
	c := &cobra.Command{
		Use:   "show [RUN]",
		Short: "Print the SQL of a recorded apply",
		Long: `Prints the plan a past apply ran, from _meta/plans/<RUN>/ (the latest run
by default; RUN is the directory name, e.g. 20261122T100001Z, or a unique
prefix of it). Role names and string literals equal to a variable's value in
the environment that ran it are shown as {{var.NAME}} again, so the SQL reads
the same for every environment: save it and apply it elsewhere with
renovate apply -p FILE --env OTHER, which substitutes that environment's values.

The recorded remote fingerprint is kept as a comment only, since it belongs to
the database the run was made on.`,
		Example: `  renovate show
  renovate show 20261122T1000 > replay.sql
  renovate apply -p replay.sql --env production`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("%s takes at most one run, got %q", c.CommandPath(), strings.Join(args, " "))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Run = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runShow(opts)
		},
	}
	c.Flags().StringVar(&opts.Dir, "dir", ".", "schema directory")
	c.Flags().BoolVar(&opts.Raw, "raw", false, "print the SQL exactly as it ran, without variable references")
	return c
}

func runShow(opts *ShowOptions) error {
	f := opts.F
	// A fleet run holds one record per target: RUN/TARGET.
	run, target, _ := strings.Cut(opts.Run, "/")
	rel, err := findRun(opts.Dir, run)
	if err != nil {
		return err
	}
	if fr, isFleet, err := layout.ReadFleetRun(opts.Dir, rel); err != nil {
		return err
	} else if isFleet {
		if target == "" {
			var recorded []string
			for _, t := range fr.Targets {
				if t.Record == rel+"/"+t.Name {
					recorded = append(recorded, t.Name)
				}
			}
			return usageErrorf("%s is a fleet run of environment %s, with a record per target: renovate show %s/TARGET (recorded: %s)", rel, fr.Environment, path.Base(rel), strings.Join(recorded, ", "))
		}
		rel += "/" + target
	} else if target != "" {
		return usageErrorf("%s is not a fleet run: it has no per-target records", rel)
	}
	full := filepath.Join(opts.Dir, filepath.FromSlash(rel))
	planText, err := os.ReadFile(filepath.Join(full, "plan.sql"))
	if err != nil {
		return fmt.Errorf("reading the recorded plan: %w", err)
	}
	var outcome layout.Outcome
	if b, err := os.ReadFile(filepath.Join(full, "outcome.json")); err != nil {
		return fmt.Errorf("reading the recorded outcome: %w", err)
	} else if err := json.Unmarshal(b, &outcome); err != nil {
		return fmt.Errorf("reading %s/outcome.json: %w", rel, err)
	}
	sql := string(planText)
	if !opts.Raw && outcome.Environment != "" {
		values, err := environmentValues(opts.Dir, outcome.Environment)
		if err != nil {
			return err
		}
		if values == nil {
			fmt.Fprintf(f.IO.ErrOut, "Note: environment %q is no longer in %s; showing the SQL as it ran.\n", outcome.Environment, ConfigFile)
		}
		sql = vars.Reverse(sql, values)
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(sql, "\n") {
		// The fingerprint is the recorded database's: kept for reading,
		// not as a header apply would check against another database.
		if strings.HasPrefix(line, render.HeaderRemoteFingerprint) {
			b.WriteString("-- recorded " + strings.TrimPrefix(line, "-- "))
			continue
		}
		b.WriteString(line)
		if line == render.HeaderTitle+"\n" {
			fmt.Fprintf(&b, "%s%s, %s on %s", render.HeaderRecordedRun, path.Base(rel), outcome.Status, outcome.Database)
			if outcome.Environment != "" {
				fmt.Fprintf(&b, " (environment %s)", outcome.Environment)
			}
			b.WriteString("\n")
			if !opts.Raw {
				b.WriteString(referencesMarker + "\n")
			}
			if outcome.FailedStep > 0 {
				fmt.Fprintf(&b, "-- failed at statement %d: %s\n", outcome.FailedStep, strings.ReplaceAll(outcome.Error, "\n", " "))
			}
		}
	}
	_, err = fmt.Fprint(f.IO.Out, b.String())
	return err
}

// findRun resolves RUN to a run directory relative to dir.
func findRun(dir, run string) (string, error) {
	runs, err := layout.Runs(dir)
	if err != nil {
		return "", err
	}
	if len(runs) == 0 {
		return "", fmt.Errorf("no recorded runs in %s (renovate apply records them)", filepath.Join(dir, filepath.FromSlash(layout.PlansDir)))
	}
	if run == "" {
		return runs[len(runs)-1], nil
	}
	var matches []string
	for _, r := range runs {
		name := path.Base(r)
		if name == run {
			return r, nil
		}
		if strings.HasPrefix(name, run) {
			matches = append(matches, name)
		}
	}
	switch len(matches) {
	case 0:
		return "", usageErrorf("no recorded run %q in %s (latest: %s)", run, layout.PlansDir, path.Base(runs[len(runs)-1]))
	case 1:
		return layout.PlansDir + "/" + matches[0], nil
	}
	return "", usageErrorf("run %q is ambiguous: %s", run, strings.Join(matches, ", "))
}

// environmentValues returns the variable values of environment name in
// dir's renovate.hcl, nil when the file or the environment is gone.
func environmentValues(dir, name string) (map[string]string, error) {
	cfg, err := config.Load(filepath.Join(dir, ConfigFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	env, err := cfg.Environment(name)
	if err != nil {
		return nil, nil
	}
	return cfg.Values(env), nil
}

// hasReferencesMarker reports whether a plan file came from renovate show
// with variable references.
func hasReferencesMarker(plan string) bool {
	for _, line := range strings.Split(plan, "\n") {
		if strings.TrimRight(line, "\r") == referencesMarker {
			return true
		}
		if !strings.HasPrefix(line, "--") {
			return false // the header is over
		}
	}
	return false
}
