package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/renovate-pg/renovate/internal/gitrepo"
	"github.com/renovate-pg/renovate/state/layout"
)

// recoverFleetRuns finishes the fleet runs an earlier apply left
// uncommitted (it was killed, or committing failed), so that they do not
// block this apply as a dirty repository: each target's state is taken
// from its own record (a record still in progress is marked interrupted:
// its effect is unknown, and the re-run plans that target from the
// database as it now is), fleet.json is rewritten and the run committed.
func recoverFleetRuns(f *Factory, repo *gitrepo.Repo, dir string) error {
	plans := filepath.Join(dir, filepath.FromSlash(layout.PlansDir))
	if _, err := os.Stat(plans); err != nil {
		return nil
	}
	base, err := repo.Rel(dir)
	if err != nil {
		return err
	}
	changes, err := repo.Status(plans)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, c := range changes {
		p := c.Path
		if base != "" {
			p = strings.TrimPrefix(p, base+"/")
		}
		run := layout.RunDir(p)
		if run == "" || seen[run] {
			continue
		}
		seen[run] = true
		fr, ok, err := layout.ReadFleetRun(dir, run)
		if err != nil || !ok {
			continue // not a fleet run: the dirty check names it
		}
		for i, t := range fr.Targets {
			rec := run + "/" + t.Name
			o, err := layout.ReadOutcome(dir, rec)
			if err != nil {
				continue // never started
			}
			fr.Targets[i].Record = rec
			switch o.Status {
			case layout.StatusApplied:
				fr.Targets[i].Status = layout.StatusApplied
			case layout.StatusInProgress:
				o.Status = layout.StatusInterrupted
				o.Finished = f.Now().UTC()
				o.Recovery = "the fleet run ended before this target's outcome was recorded: its effect is unknown; the next apply plans the target from the database as it now is"
				if err := layout.FinishRun(dir, rec, o); err != nil {
					return err
				}
				fr.Targets[i].Status, fr.Targets[i].Error = layout.StatusFailed, "interrupted: "+o.Recovery
			default:
				fr.Targets[i].Status, fr.Targets[i].Error = layout.StatusFailed, o.Error
			}
		}
		if err := layout.WriteFleetRun(dir, run, fr); err != nil {
			return err
		}
		hash, _, err := repo.CommitPaths([]string{filepath.Join(dir, filepath.FromSlash(run))}, "renovate: record of an earlier fleet apply that was not committed\n\nRecorded in "+run+".\n", f.Now())
		if err != nil {
			return refused(fmt.Errorf("an earlier fleet apply's record (%s) is not committed, and committing it failed: %w", run, err))
		}
		fmt.Fprintf(f.IO.ErrOut, "Found the record of a fleet apply that was not committed: %s; committed it as %.7s.\n", run, hash)
	}
	return nil
}
