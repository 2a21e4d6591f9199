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
	// Object names what the statement changes ("index public.t.t_a_idx"),
	// for error messages.
	Object string
	// ConcurrentIndex, on a CREATE INDEX CONCURRENTLY, is the index's
	// schema-qualified, quoted name: before a retry an INVALID index of
	// that name left by the failed attempt is dropped (retry.go).
	ConcurrentIndex string
	// Relation is the quoted, schema-qualified table the statement locks,
	// when known: on a lock timeout the sessions holding locks on it are
	// named (retry.go).
	Relation string
	// run is SQL with its secrets resolved (secrets.go): what is sent to
	// the server, and never shown or recorded. Empty means SQL.
	run string
}

// text is what is sent to the server.
func (s Statement) text() string {
	if s.run != "" {
		return s.run
	}
	return s.SQL
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
	// Retry is the policy for lock timeouts (retry.go).
	Retry RetryPolicy
	// Secrets resolves the {{env.NAME}} references of user mappings and
	// subscriptions (secrets.go); nil means the process environment.
	Secrets func(name string) (string, bool)
	// Batch sends the transactional statements in one round trip instead
	// of one each: for scratch databases (verification, the fidelity
	// check), where thousands of statements would otherwise cost
	// thousands of round trips. When the batch fails, the transaction is
	// rolled back and run again statement by statement, so the error
	// still names the statement. OnStatement and OnStatementDone are not
	// called for a batch that succeeds.
	Batch bool
}

// ExecResult says how far Execute got.
type ExecResult struct {
	// Committed is the number of statements whose effects are in the
	// database: all transactional ones or none, plus the non-transactional
	// ones that succeeded.
	Committed int
	// Failed is the index of the statement that failed, -1 when none did.
	Failed int
	// Status says, per statement, what became of it: StatusApplied,
	// StatusRolledBack, StatusFailed or StatusNotRun.
	Status []string
	// Retries are the lock timeouts that were retried, in order.
	Retries []Retry
}

// StatementError is a statement that PostgreSQL rejected.
type StatementError struct {
	// Index is the statement's position in the list given to Execute.
	Index int
	SQL   string
	// Object names what the statement changes, when known.
	Object string
	// RolledBack is true when the failure undid every transactional
	// statement (the database is as it was before the plan's transaction).
	RolledBack bool
	Err        error
	// Blockers describes the sessions that held locks on the statement's
	// table when it gave up waiting (lock timeout only).
	Blockers string
}

func (e *StatementError) Error() string {
	var b strings.Builder
	if e.Object != "" {
		fmt.Fprintf(&b, "statement %d (%s) failed: %s", e.Index+1, e.Object, describePgError(e.Err, e.SQL))
	} else {
		fmt.Fprintf(&b, "statement %d failed: %s", e.Index+1, describePgError(e.Err, e.SQL))
	}
	fmt.Fprintf(&b, "\n  %s", strings.TrimSpace(e.SQL))
	if e.Blockers != "" {
		b.WriteString("\nheld up by " + e.Blockers)
	}
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
// one. A lock timeout is retried under opts.Retry: the whole transaction
// again (nothing of it is kept between attempts, so no lock is held while
// waiting), or the one non-transactional statement. On failure it returns
// a *StatementError and the result says what is in the database.
func Execute(ctx context.Context, conn *pgx.Conn, stmts []Statement, opts ExecOptions) (ExecResult, error) {
	res := ExecResult{Failed: -1, Status: make([]string, len(stmts))}
	for i := range res.Status {
		res.Status[i] = StatusNotRun
	}
	if opts.LockTimeout == 0 {
		opts.LockTimeout = 5 * time.Second
	}
	stmts, err := resolveSecrets(stmts, opts.Secrets)
	if err != nil {
		return res, err
	}
	var tx, notx []int
	for i, s := range stmts {
		if s.Transactional {
			tx = append(tx, i)
		} else {
			notx = append(notx, i)
		}
	}
	if len(tx) > 0 && opts.Batch && runBatch(ctx, conn, stmts, tx, opts) == nil {
		for _, i := range tx {
			res.Status[i] = StatusApplied
		}
		res.Committed = len(tx)
		tx = nil
	}
	if len(tx) > 0 {
		for attempt := 1; ; attempt++ {
			failed, err := runTransaction(ctx, conn, stmts, tx, opts)
			if err == nil {
				break
			}
			if failed >= 0 && isLockTimeout(err) {
				err = withBlockers(ctx, conn, stmts[failed].Relation, err)
			}
			if failed >= 0 && isLockTimeout(err) && attempt <= opts.Retry.Retries && !conn.IsClosed() {
				wait := opts.Retry.backoff(attempt)
				res.Retries = append(res.Retries, Retry{Statement: failed, Attempt: attempt, Wait: wait, Error: retryMessage(err, stmts[failed].SQL)})
				if opts.Retry.OnRetry != nil {
					opts.Retry.OnRetry(res.Retries[len(res.Retries)-1])
				}
				if err := sleep(ctx, wait); err != nil {
					return res, err
				}
				continue
			}
			res.Failed = failed
			for _, i := range tx {
				res.Status[i] = StatusRolledBack
			}
			if failed >= 0 {
				res.Status[failed] = StatusFailed
			}
			return res, err
		}
		for _, i := range tx {
			res.Status[i] = StatusApplied
		}
		res.Committed = len(tx)
	}
	for _, i := range notx {
		if opts.OnStatement != nil {
			opts.OnStatement(i)
		}
		for attempt := 1; ; attempt++ {
			err := runAlone(ctx, conn, i, stmts[i], opts)
			if err == nil {
				break
			}
			if isLockTimeout(err) {
				err = withBlockers(ctx, conn, stmts[i].Relation, err)
			}
			if isLockTimeout(err) && attempt <= opts.Retry.Retries && !conn.IsClosed() {
				wait := opts.Retry.backoff(attempt)
				res.Retries = append(res.Retries, Retry{Statement: i, Attempt: attempt, Wait: wait, Error: retryMessage(err, stmts[i].SQL)})
				if opts.Retry.OnRetry != nil {
					opts.Retry.OnRetry(res.Retries[len(res.Retries)-1])
				}
				if err := sleep(ctx, wait); err != nil {
					return res, err
				}
				if err := dropInvalidIndex(ctx, conn, stmts[i].ConcurrentIndex); err != nil {
					res.Failed = i
					res.Status[i] = StatusFailed
					return res, &StatementError{Index: i, SQL: stmts[i].SQL, Object: stmts[i].Object, Err: err}
				}
				continue
			}
			res.Failed = i
			res.Status[i] = StatusFailed
			var se *StatementError
			if errors.As(err, &se) {
				se.Index = i
			}
			return res, err
		}
		res.Status[i] = StatusApplied
		res.Committed++
	}
	return res, nil
}

// runTransaction runs the statements tx of stmts in one transaction. On
// failure it returns the index of the failing statement (-1 when the
// failure was not a statement's) and the error; the transaction is then
// rolled back.
func runTransaction(ctx context.Context, conn *pgx.Conn, stmts []Statement, tx []int, opts ExecOptions) (int, error) {
	if err := CheckConformingStrings(conn); err != nil {
		return -1, err
	}
	t, err := conn.Begin(ctx)
	if err != nil {
		return -1, fmt.Errorf("beginning transaction: %w", err)
	}
	settings := fmt.Sprintf("SET LOCAL lock_timeout = %d; SET LOCAL statement_timeout = %d; SET LOCAL check_function_bodies = off",
		opts.LockTimeout.Milliseconds(), opts.StatementTimeout.Milliseconds())
	if _, err := t.Exec(ctx, settings); err != nil {
		_ = t.Rollback(ctx)
		return -1, fmt.Errorf("setting timeouts: %w", err)
	}
	for _, i := range tx {
		if opts.OnStatement != nil {
			opts.OnStatement(i)
		}
		// The simple protocol runs the statement text exactly as
		// planned, like psql would.
		start := time.Now()
		_, err := t.Exec(ctx, stmts[i].text(), pgx.QueryExecModeSimpleProtocol)
		if opts.OnStatementDone != nil {
			opts.OnStatementDone(i, time.Since(start), err)
		}
		if err == nil {
			// A statement (or a function it ran) that turned
			// standard_conforming_strings off would change what the
			// literals of every later statement mean.
			err = CheckConformingStrings(conn)
		}
		if err != nil {
			rbErr := t.Rollback(context.Background())
			return i, &StatementError{Index: i, SQL: stmts[i].SQL, Object: stmts[i].Object, RolledBack: rbErr == nil || conn.IsClosed(), Err: err}
		}
	}
	if err := t.Commit(ctx); err != nil {
		return tx[len(tx)-1], fmt.Errorf("committing the plan's transaction (its statements did not take effect): %w", err)
	}
	return -1, nil
}

// runBatch runs the statements tx of stmts in one transaction and one
// round trip (the simple protocol takes several statements in one
// string). Each statement ends on a line of its own, so a trailing "--"
// comment cannot swallow the separator. On error nothing is kept.
func runBatch(ctx context.Context, conn *pgx.Conn, stmts []Statement, tx []int, opts ExecOptions) error {
	var b strings.Builder
	fmt.Fprintf(&b, "BEGIN;\nSET LOCAL lock_timeout = %d; SET LOCAL statement_timeout = %d; SET LOCAL check_function_bodies = off;\n",
		opts.LockTimeout.Milliseconds(), opts.StatementTimeout.Milliseconds())
	for _, i := range tx {
		b.WriteString(stmts[i].text())
		b.WriteString("\n;\n")
	}
	b.WriteString("COMMIT;")
	if _, err := conn.Exec(ctx, b.String(), pgx.QueryExecModeSimpleProtocol); err != nil {
		// A failed multi-statement string leaves the session in the
		// aborted transaction block.
		_, _ = conn.Exec(context.Background(), "ROLLBACK")
		return err
	}
	return nil
}

// runAlone runs one non-transactional statement (stmts[i]) with the session's
// timeouts set for it.
func runAlone(ctx context.Context, conn *pgx.Conn, i int, s Statement, opts ExecOptions) error {
	// check_function_bodies off as in the transaction: a routine created
	// after an enum value was added may name what the plan creates later.
	set := fmt.Sprintf("SET lock_timeout = %d; SET statement_timeout = %d; SET check_function_bodies = off", opts.LockTimeout.Milliseconds(), opts.StatementTimeout.Milliseconds())
	if _, err := conn.Exec(ctx, set); err != nil {
		return fmt.Errorf("setting timeouts: %w", err)
	}
	if err := CheckConformingStrings(conn); err != nil {
		return &StatementError{SQL: s.SQL, Object: s.Object, Err: err}
	}
	start := time.Now()
	_, err := conn.Exec(ctx, s.text(), pgx.QueryExecModeSimpleProtocol)
	if opts.OnStatementDone != nil {
		opts.OnStatementDone(i, time.Since(start), err)
	}
	if err != nil {
		return &StatementError{SQL: s.SQL, Object: s.Object, Err: err}
	}
	return nil
}

// applyLockKey is the advisory lock key renovate holds while applying:
// the first 8 bytes of "renovate" as a big-endian integer.
const applyLockKey int64 = 0x72656e6f76617465

// ErrLocked means another renovate apply holds the database's apply lock.
var ErrLocked = errors.New("another renovate apply is running on this database (it holds the advisory lock renovate uses); try again when it has finished")

// LockForApply takes renovate's session-level advisory lock on the
// database, failing at once with ErrLocked when another session holds it.
// The returned function releases it. The functions are qualified: under a
// search_path that puts public first, a public.pg_try_advisory_lock(bigint)
// returning true would let two applies run at once.
func LockForApply(ctx context.Context, conn *pgx.Conn) (release func(), err error) {
	var ok bool
	if err := conn.QueryRow(ctx, "SELECT pg_catalog.pg_try_advisory_lock($1::pg_catalog.int8)", applyLockKey).Scan(&ok); err != nil {
		return nil, fmt.Errorf("taking the apply lock: %w", err)
	}
	if !ok {
		return nil, ErrLocked
	}
	return func() {
		_, _ = conn.Exec(context.Background(), "SELECT pg_catalog.pg_advisory_unlock($1::pg_catalog.int8)", applyLockKey)
	}, nil
}
