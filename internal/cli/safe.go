package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/planner/planfile"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
	"github.com/spf13/cobra"
)

// safeFlags are the safe-apply flags of plan and apply.
type safeFlags struct {
	// Online plans online DDL (also `online = true` in renovate.hcl).
	Online bool
	// LockRetries, LockRetryBackoff: how apply retries a statement that
	// hit lock_timeout. StatementTimeout bounds every statement.
	LockRetries      int
	LockRetryBackoff time.Duration
	StatementTimeout time.Duration
}

func addOnlineFlag(c *cobra.Command, s *safeFlags) {
	c.Flags().BoolVar(&s.Online, "online", false, "plan online DDL: CREATE/DROP INDEX CONCURRENTLY outside the transaction, constraints added NOT VALID then validated, SET NOT NULL through a validated CHECK (or online = true in renovate.hcl)")
}

func addExecFlags(c *cobra.Command, s *safeFlags) {
	c.Flags().IntVar(&s.LockRetries, "lock-retries", 3, "retry a statement that hit the lock timeout this many times (the plan's transaction is retried from its start)")
	c.Flags().DurationVar(&s.LockRetryBackoff, "lock-retry-backoff", time.Second, "pause before the first lock-timeout retry, doubled for each further one")
	c.Flags().DurationVar(&s.StatementTimeout, "statement-timeout", 0, "cancel any statement running longer than this (0: no limit)")
}

// planOptions are the engine options the flags and renovate.hcl ask for.
func (s safeFlags) planOptions(t targetFlags) ([]engine.PlanOption, error) {
	online := s.Online
	if !online {
		cfg, err := config.Load(filepath.Join(t.Dir, ConfigFile))
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, err
		default:
			online = cfg.Online
		}
	}
	return []engine.PlanOption{engine.WithOnline(online)}, nil
}

// execOptions are the executor options of apply.
func (s safeFlags) execOptions(f *Factory, lockTimeout time.Duration) catalog.ExecOptions {
	return catalog.ExecOptions{
		// Secrets of user mappings and subscriptions ({{env.NAME}})
		// come from the environment apply runs in; an empty variable
		// counts as unset.
		Secrets: func(name string) (string, bool) {
			v := f.Getenv(name)
			return v, v != ""
		},
		LockTimeout:      lockTimeout,
		StatementTimeout: s.StatementTimeout,
		Retry: catalog.RetryPolicy{
			Retries: s.LockRetries,
			Backoff: s.LockRetryBackoff,
			OnRetry: func(r catalog.Retry) {
				fmt.Fprintf(f.IO.ErrOut, "Step %d timed out waiting for a lock (attempt %d): %s; retrying in %s.\n", r.Statement+1, r.Attempt, r.Error, r.Wait)
			},
		},
	}
}

// refusedSafe turns the safe-apply refusals into exit code 3.
func refusedSafe(err error) error {
	var ph *engine.PlaceholderError
	var fph *planfile.PlaceholderError
	if errors.As(err, &ph) || errors.As(err, &fph) {
		return refused(err)
	}
	return err
}

// reportSteps prints, after a failed apply, what ran and what did not.
func reportSteps(f *Factory, o layout.Outcome) {
	if len(o.StepResults) == 0 {
		return
	}
	by := map[string][]string{}
	for _, r := range o.StepResults {
		by[r.Status] = append(by[r.Status], fmt.Sprint(r.Step))
	}
	for _, st := range []string{catalog.StatusApplied, catalog.StatusFailed, catalog.StatusRolledBack, catalog.StatusNotRun} {
		if len(by[st]) > 0 {
			fmt.Fprintf(f.IO.ErrOut, "  %s: step %s\n", strings.ReplaceAll(st, "_", " "), strings.Join(by[st], ", "))
		}
	}
	if len(by[catalog.StatusApplied]) > 0 && (len(by[catalog.StatusNotRun]) > 0 || len(by[catalog.StatusFailed]) > 0) {
		fmt.Fprintln(f.IO.ErrOut, "The database is partly migrated: run renovate plan again; it plans from the database as it now is.")
	}
}
