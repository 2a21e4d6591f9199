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

// Statement is one statement of a plan to execute.
type Statement struct {
	SQL string
	// Transactional statements run together in one transaction; the others
	// (CREATE INDEX CONCURRENTLY, ...) run one by one after it commits.
	Transactional bool
}

// ExecOptions tune Execute.
type ExecOptions struct {
	// LockTimeout bounds how long any statement waits for a lock, so a
	// blocked ALTER does not queue every other query behind it. Zero means
	// 5 seconds.
	LockTimeout time.Duration
	// StatementTimeout bounds each statement; zero means no limit.
	StatementTimeout time.Duration
	// OnStatement is called before each statement runs (index into the
	// statements given to Execute), for progress output.
	OnStatement func(i int)
	// OnStatementDone is called after each statement ran, with how long the
	// server took and its error (nil on success), for timings (-v).
	OnStatementDone func(i int, elapsed time.Duration, err error)
}

// ExecResult says how far Execute got.
type ExecResult struct {
	// Committed is the number of statements whose effects are in the
	// database: all transactional ones or none, plus the non-transactional
	// ones that succeeded.
	Committed int
	// Failed is the index of the statement that failed, -1 when none did.
	Failed int
}

// StatementError is a statement that PostgreSQL rejected.
type StatementError struct {
	// Index is the statement's position in the list given to Execute.
	Index int
	SQL   string
	// RolledBack is true when the failure undid every transactional
	// statement (the database is as it was before the plan's transaction).
	RolledBack bool
	Err        error
}

func (e *StatementError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "statement %d failed: %s", e.Index+1, describePgError(e.Err, e.SQL))
	fmt.Fprintf(&b, "\n  %s", strings.TrimSpace(e.SQL))
	if e.RolledBack {
		b.WriteString("\nthe transaction was rolled back: no statement of the plan's transaction took effect")
	}
	return b.String()
}

func (e *StatementError) Unwrap() error { return e.Err }

// describePgError renders a PostgreSQL error with its code, detail, hint
// and the position in the statement when the server gives one.
func describePgError(err error, sql string) string {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return err.Error()
	}
	s := fmt.Sprintf("%s (SQLSTATE %s)", pe.Message, pe.Code)
	if pe.Position > 0 && int(pe.Position) <= len(sql) {
		line := 1 + strings.Count(sql[:pe.Position-1], "\n")
		s += fmt.Sprintf(" at line %d of the statement, near %q", line, snippet(sql, int(pe.Position)-1))
	}
	if pe.Detail != "" {
		s += "; " + pe.Detail
	}
	if pe.Hint != "" {
		s += "; hint: " + pe.Hint
	}
	return s
}

func snippet(sql string, pos int) string {
	end := pos + 20
	if end > len(sql) {
		end = len(sql)
	}
	return strings.TrimSpace(sql[pos:end])
}

// Execute runs the statements: first every transactional one inside a
// single transaction (all or nothing), with lock_timeout and
// statement_timeout set locally, then the non-transactional ones one by
// one. On failure it returns a *StatementError and the result says what is
// in the database.
func Execute(ctx context.Context, conn *pgx.Conn, stmts []Statement, opts ExecOptions) (ExecResult, error) {
	res := ExecResult{Failed: -1}
	if opts.LockTimeout == 0 {
		opts.LockTimeout = 5 * time.Second
	}
	var tx, notx []int
	for i, s := range stmts {
		if s.Transactional {
			tx = append(tx, i)
		} else {
			notx = append(notx, i)
		}
	}
	if len(tx) > 0 {
		t, err := conn.Begin(ctx)
		if err != nil {
			return res, fmt.Errorf("beginning transaction: %w", err)
		}
		settings := fmt.Sprintf("SET LOCAL lock_timeout = %d; SET LOCAL statement_timeout = %d; SET LOCAL check_function_bodies = off",
			opts.LockTimeout.Milliseconds(), opts.StatementTimeout.Milliseconds())
		if _, err := t.Exec(ctx, settings); err != nil {
			_ = t.Rollback(ctx)
			return res, fmt.Errorf("setting timeouts: %w", err)
		}
		for _, i := range tx {
			if opts.OnStatement != nil {
				opts.OnStatement(i)
			}
			// The simple protocol runs the statement text exactly as
			// planned, like psql would.
			start := time.Now()
			_, err := t.Exec(ctx, stmts[i].SQL, pgx.QueryExecModeSimpleProtocol)
			if opts.OnStatementDone != nil {
				opts.OnStatementDone(i, time.Since(start), err)
			}
			if err != nil {
				rbErr := t.Rollback(context.Background())
				res.Failed = i
				return res, &StatementError{Index: i, SQL: stmts[i].SQL, RolledBack: rbErr == nil || conn.IsClosed(), Err: err}
			}
		}
		if err := t.Commit(ctx); err != nil {
			res.Failed = tx[len(tx)-1]
			return res, fmt.Errorf("committing the plan's transaction (its statements did not take effect): %w", err)
		}
		res.Committed = len(tx)
	}
	for _, i := range notx {
		if opts.OnStatement != nil {
			opts.OnStatement(i)
		}
		set := fmt.Sprintf("SET lock_timeout = %d; SET statement_timeout = %d", opts.LockTimeout.Milliseconds(), opts.StatementTimeout.Milliseconds())
		if _, err := conn.Exec(ctx, set); err != nil {
			return res, fmt.Errorf("setting timeouts: %w", err)
		}
		start := time.Now()
		_, err := conn.Exec(ctx, stmts[i].SQL, pgx.QueryExecModeSimpleProtocol)
		if opts.OnStatementDone != nil {
			opts.OnStatementDone(i, time.Since(start), err)
		}
		if err != nil {
			res.Failed = i
			return res, &StatementError{Index: i, SQL: stmts[i].SQL, Err: err}
		}
		res.Committed++
	}
	return res, nil
}

// applyLockKey is the advisory lock key renovate holds while applying:
// the first 8 bytes of "renovate" as a big-endian integer.
const applyLockKey int64 = 0x72656e6f76617465

// ErrLocked means another renovate apply holds the database's apply lock.
var ErrLocked = errors.New("another renovate apply is running on this database (it holds the advisory lock renovate uses); try again when it has finished")

// LockForApply takes renovate's session-level advisory lock on the
// database, failing at once with ErrLocked when another session holds it.
// The returned function releases it.
func LockForApply(ctx context.Context, conn *pgx.Conn) (release func(), err error) {
	var ok bool
	if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", applyLockKey).Scan(&ok); err != nil {
		return nil, fmt.Errorf("taking the apply lock: %w", err)
	}
	if !ok {
		return nil, ErrLocked
	}
	return func() {
		_, _ = conn.Exec(context.Background(), "SELECT pg_advisory_unlock($1)", applyLockKey)
	}, nil
}
