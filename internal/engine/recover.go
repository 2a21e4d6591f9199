package engine

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// Recovered is a run left in progress that RecoverRuns finished recording.
type Recovered struct {
	// RecordDir is the run's directory, relative to the schema directory.
	RecordDir string
	// Outcome is the outcome now recorded.
	Outcome layout.Outcome
}

// RecoverOptions describe where RecoverRuns looks.
type RecoverOptions struct {
	// Dir is the schema directory.
	Dir string
	// Database names the target the connection is open on, as the
	// record's Database does.
	Database string
	Scope    Scope
	Now      func() time.Time
}

// RecoverRuns finishes the records of runs left in progress (runs are
// directories relative to Dir; those not in progress are left alone): a
// run killed mid-apply, or one whose outcome could not be written. Under
// the apply lock (so a run still going on is never taken for a dead
// one) it compares the database with the fingerprint the run recorded
// before it started: unchanged means nothing took effect; changed means
// the plan may have taken effect, in whole or in part. Each record is
// then marked interrupted, saying which.
func RecoverRuns(ctx context.Context, conn *pgx.Conn, runs []string, opts RecoverOptions) ([]Recovered, error) {
	var pending []string
	outcomes := map[string]layout.Outcome{}
	for _, rel := range runs {
		o, err := layout.ReadOutcome(opts.Dir, rel)
		if err != nil {
			return nil, err
		}
		if o.Status == layout.StatusInProgress {
			pending = append(pending, rel)
			outcomes[rel] = o
		}
	}
	if len(pending) == 0 {
		return nil, nil
	}
	release, err := catalog.LockForApply(ctx, conn)
	if err != nil {
		return nil, fmt.Errorf("finishing the record of an interrupted run: %w", err)
	}
	defer release()
	current := ""
	var out []Recovered
	for _, rel := range pending {
		o := outcomes[rel]
		o.Status = layout.StatusInterrupted
		o.Finished = opts.Now().UTC()
		if o.Error == "" {
			o.Error = "the run ended before its outcome was recorded (renovate was killed, or the record could not be written)"
		}
		switch {
		case o.Database != opts.Database:
			o.Recovery = fmt.Sprintf("found by a command run against %s, not %s: its effect is unknown; run renovate plan against %s to see where it stands", opts.Database, o.Database, o.Database)
		default:
			if current == "" {
				r, err := LoadRemoteScoped(ctx, conn, nil, opts.Scope)
				if err != nil {
					return out, fmt.Errorf("finishing the record of an interrupted run: %w", err)
				}
				current = r.Fingerprint
			}
			o.FingerprintAfter = current
			if current == o.FingerprintBefore {
				o.StepsCommitted = 0
				o.Recovery = "the database's schema is as it was before the run: none of its statements took effect"
			} else {
				o.Recovery = "the database's schema changed since the run began: the plan may have taken effect in whole or in part; renovate plan shows what remains"
			}
		}
		if err := layout.FinishRun(opts.Dir, rel, o); err != nil {
			return out, err
		}
		out = append(out, Recovered{RecordDir: rel, Outcome: o})
	}
	return out, nil
}
