package catalog

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Statuses of a statement after Execute (ExecResult.Status).
const (
	// StatusApplied: the statement's effect is in the database.
	StatusApplied = "applied"
	// StatusRolledBack: it ran in the plan's transaction, which was
	// rolled back; its effect is not in the database.
	StatusRolledBack = "rolled_back"
	// StatusFailed: PostgreSQL rejected it (or the connection was lost
	// while it ran); its effect is not in the database.
	StatusFailed = "failed"
	// StatusNotRun: it never ran.
	StatusNotRun = "not_run"
)

// RetryPolicy says how Execute retries a statement that gave up waiting
// for a lock (lock_timeout, SQLSTATE 55P03): the blocking session
// usually finishes soon, and a retry after a pause succeeds without
// having queued every other query of the table behind a long wait.
type RetryPolicy struct {
	// Retries is how many times a lock timeout is retried; 0 means none.
	Retries int
	// Backoff is the pause before the first retry, doubled for each
	// further one up to MaxBackoff; zero means 1 second.
	Backoff, MaxBackoff time.Duration
	// OnRetry is called before each pause, to report it.
	OnRetry func(Retry)
}

// Retry is one lock timeout that was retried.
type Retry struct {
	// Statement is the index of the statement that timed out.
	Statement int `json:"statement"`
	// Attempt is the attempt that timed out (1 for the first).
	Attempt int           `json:"attempt"`
	Wait    time.Duration `json:"wait_ns"`
	Error   string        `json:"error"`
}

func (p RetryPolicy) backoff(attempt int) time.Duration {
	d := p.Backoff
	if d <= 0 {
		d = time.Second
	}
	for i := 1; i < attempt; i++ {
		d *= 2
		if p.MaxBackoff > 0 && d > p.MaxBackoff {
			return p.MaxBackoff
		}
	}
	return d
}

// isLockTimeout reports whether err is PostgreSQL's lock_not_available
// (what lock_timeout raises).
func isLockTimeout(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "55P03"
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// dropInvalidIndex drops the index named qualified (quoted schema.name)
// when it exists and is INVALID: what a CREATE INDEX CONCURRENTLY that
// timed out after creating its catalog entry leaves behind, and which
// would make the retry fail with "already exists".
func dropInvalidIndex(ctx context.Context, conn *pgx.Conn, qualified string) error {
	if qualified == "" {
		return nil
	}
	var invalid bool
	err := conn.QueryRow(ctx, `SELECT NOT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass($1)`, qualified).Scan(&invalid)
	if errors.Is(err, pgx.ErrNoRows) || (err == nil && !invalid) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("looking for an invalid index %s before retrying: %w", qualified, err)
	}
	if _, err := conn.Exec(ctx, "DROP INDEX CONCURRENTLY IF EXISTS "+qualified); err != nil {
		return fmt.Errorf("dropping the invalid index %s left by the failed attempt: %w", qualified, err)
	}
	return nil
}
