package catalog

import (
	"context"
	"errors"
	"fmt"
	"strings"
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
	err := ReadSettledRow(ctx, conn, `SELECT NOT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass($1)`, []any{qualified}, &invalid)
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

// withBlockers names, on a StatementError that is a lock timeout, the
// other sessions holding locks on the statement's table (PITFALLS: report
// the blocking session when lock_timeout fires). The statement has given
// up by now, so these are the sessions that held the lock it waited for
// (or queued before it), read as soon as it failed.
func withBlockers(ctx context.Context, conn *pgx.Conn, relation string, err error) error {
	var se *StatementError
	if relation == "" || conn.IsClosed() || !errors.As(err, &se) {
		return err
	}
	// The session's query text is left out: it may hold secrets, and
	// the message is recorded and committed.
	parts, qerr := collectSettled(ctx, conn, `
SELECT a.pid, coalesce(a.usename::text, ''), coalesce(a.application_name, ''), coalesce(a.state, ''),
	coalesce(extract(epoch FROM now() - a.xact_start)::bigint, 0),
	string_agg(DISTINCT l.mode, ', ' ORDER BY l.mode)
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.relation = to_regclass($1) AND l.granted AND l.pid <> pg_backend_pid()
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1`, []any{relation}, func(row pgx.CollectableRow) (string, error) {
		var pid, secs int64
		var user, app, state, modes string
		err := row.Scan(&pid, &user, &app, &state, &secs, &modes)
		return fmt.Sprintf("pid %d (user %s, application %q, %s, transaction open for %ds, holding %s)", pid, user, app, state, secs, modes), err
	})
	if qerr != nil || len(parts) == 0 {
		return err
	}
	se.Blockers = relation + " locked by " + strings.Join(parts, "; ")
	return err
}

// retryMessage is what a retry records: PostgreSQL's error and who held
// the lock.
func retryMessage(err error, sql string) string {
	msg := describePgError(err, sql)
	var se *StatementError
	if errors.As(err, &se) && se.Blockers != "" {
		msg += "; held up by " + se.Blockers
	}
	return msg
}
