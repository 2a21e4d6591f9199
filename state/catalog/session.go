package catalog

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Session defaults. Each applies unless the user chose a value of their own
// (in the connection string, PGOPTIONS or the PG* environment variables),
// except standard_conforming_strings, which is always on.
const (
	// DefaultConnectTimeout bounds how long connecting may take: a server
	// that accepts the connection but never answers would otherwise hang
	// every command. libpq's connect_timeout (in the connection string, or
	// PGCONNECT_TIMEOUT) overrides it; as in libpq, it applies per host
	// and per attempt.
	DefaultConnectTimeout = 10 * time.Second
	// DefaultLockTimeout bounds how long a renovate session waits for a
	// lock outside apply's own statements (which set theirs, --lock-timeout):
	// reading the catalog or a data table's rows behind another session's
	// ACCESS EXCLUSIVE lock would otherwise wait for ever.
	DefaultLockTimeout = 10 * time.Second
	// ConnectionCheckInterval is client_connection_check_interval on
	// PostgreSQL 14 and later: while a statement runs, the server checks
	// this often that renovate is still connected, so a killed renovate
	// does not leave a backend holding its locks until the statement ends.
	ConnectionCheckInterval = 5 * time.Second
)

// ConnConfig parses dsn into the configuration Connect uses: libpq's
// conventions as pgx implements them, plus renovate's session settings.
//
// standard_conforming_strings is sent as a startup parameter, always "on":
// parameters of the startup packet take precedence over the database's and
// the role's settings and over PGOPTIONS (the server applies the options
// string first), so a backslash in a literal renovate writes can never end
// it early. The connection string cannot turn it off either.
func ConnConfig(dsn string) (*pgx.ConnConfig, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, parseError(err)
	}
	if _, ok := cfg.RuntimeParams["application_name"]; !ok {
		cfg.RuntimeParams["application_name"] = applicationName
	}
	cfg.RuntimeParams["standard_conforming_strings"] = "on"
	if cfg.ConnectTimeout == 0 && !connectTimeoutGiven(dsn) {
		cfg.ConnectTimeout = DefaultConnectTimeout
	}
	if !userSets(cfg, "lock_timeout") {
		cfg.RuntimeParams["lock_timeout"] = fmt.Sprint(DefaultLockTimeout.Milliseconds())
	}
	return cfg, nil
}

// connectTimeoutGiven reports whether the user chose a connect timeout,
// including connect_timeout=0 (wait for ever, as in libpq).
func connectTimeoutGiven(dsn string) bool {
	return os.Getenv("PGCONNECT_TIMEOUT") != "" || strings.Contains(dsn, "connect_timeout")
}

// userSets reports whether the connection string or PGOPTIONS sets the
// server parameter name.
func userSets(cfg *pgx.ConnConfig, name string) bool {
	if _, ok := cfg.RuntimeParams[name]; ok {
		return true
	}
	return strings.Contains(strings.ReplaceAll(cfg.RuntimeParams["options"], "-", "_"), name)
}

// ErrNonConformingStrings means renovate's session has
// standard_conforming_strings off despite the startup parameter that asks
// for on: a statement of the plan or a function it called turned it off, or
// a connection pooler dropped the parameter. renovate refuses to run SQL
// there: a backslash would change the meaning of string literals.
var ErrNonConformingStrings = errors.New("standard_conforming_strings is off in renovate's session " +
	"(turned off by a statement or a function it called, or dropped by a connection pooler); " +
	"renovate refuses to run SQL where a backslash in a string literal could end it early")

// prepareSession checks and completes a new session: it must have
// standard_conforming_strings on, and on PostgreSQL 14 and later gets
// client_connection_check_interval unless the user set one.
func prepareSession(ctx context.Context, conn *pgx.Conn, cfg *pgx.ConnConfig) error {
	if err := CheckConformingStrings(conn); err != nil {
		return err
	}
	v, err := serverVersion(conn)
	if err != nil || v < 140000 || userSets(cfg, "client_connection_check_interval") {
		return nil // an unknown version is reported by Introspect
	}
	if _, err := conn.Exec(ctx, fmt.Sprintf("SET client_connection_check_interval = %d", ConnectionCheckInterval.Milliseconds())); err != nil {
		return fmt.Errorf("setting client_connection_check_interval: %w", err)
	}
	return nil
}

// CheckConformingStrings returns ErrNonConformingStrings unless the session
// has standard_conforming_strings on. The server reports the setting with
// every change (it is a GUC_REPORT parameter), so this costs no round trip
// and sees a SET (or set_config in a function) as soon as it ran.
func CheckConformingStrings(conn *pgx.Conn) error {
	if conn.PgConn().ParameterStatus("standard_conforming_strings") != "on" {
		return ErrNonConformingStrings
	}
	return nil
}

// LockTimeoutError means renovate gave up waiting for a lock that another
// session holds while it read the database (lock_timeout, DefaultLockTimeout
// unless the user set one). Holders names the tables other sessions hold
// ACCESS EXCLUSIVE locks on, and those sessions, when they could be read.
type LockTimeoutError struct {
	Timeout string
	Holders []string
	Err     error
}

func (e *LockTimeoutError) Error() string {
	msg := "gave up waiting for a lock after " + e.Timeout + " (lock_timeout)"
	if len(e.Holders) > 0 {
		msg += ": " + strings.Join(e.Holders, "; ")
	} else {
		msg += ": another session holds a lock on a table renovate reads"
	}
	return msg + "; try again when that transaction has ended, or wait longer with PGOPTIONS='-c lock_timeout=60s'"
}

func (e *LockTimeoutError) Unwrap() error { return e.Err }

// ExplainLockTimeout returns err as a *LockTimeoutError naming who holds
// the locks when err is a lock timeout and conn can still be asked (it is
// not inside a transaction); otherwise err unchanged. The sessions' query
// texts are left out: they may hold secrets.
func ExplainLockTimeout(ctx context.Context, conn *pgx.Conn, err error) error {
	var lt *LockTimeoutError
	if !isLockTimeout(err) || errors.As(err, &lt) || conn == nil || conn.IsClosed() || conn.PgConn().TxStatus() != 'I' {
		return err
	}
	e := &LockTimeoutError{Timeout: "the lock timeout", Err: err}
	// current_setting is read in the report's own transaction, which
	// sets no lock_timeout: the session's is the one that fired.
	_ = ReadSettledRow(ctx, conn, "SELECT current_setting('lock_timeout')", nil, &e.Timeout)
	type holder struct {
		rel, user, app, state string
		pid, secs             int64
	}
	holders, qerr := collectSettled(ctx, conn, `
SELECT format('%I.%I', n.nspname, c.relname), a.pid, coalesce(a.usename::text, ''), coalesce(a.application_name, ''),
	coalesce(a.state, ''), coalesce(extract(epoch FROM now() - a.xact_start)::bigint, 0)
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
JOIN pg_class c ON c.oid = l.relation
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE l.locktype = 'relation' AND l.granted AND l.mode = 'AccessExclusiveLock'
	AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
	AND l.pid <> pg_backend_pid()
ORDER BY 1, 2
LIMIT 10`, nil, func(row pgx.CollectableRow) (holder, error) {
		var h holder
		err := row.Scan(&h.rel, &h.pid, &h.user, &h.app, &h.state, &h.secs)
		return h, err
	})
	if qerr != nil {
		return e
	}
	for _, h := range holders {
		e.Holders = append(e.Holders, fmt.Sprintf("%s is locked (ACCESS EXCLUSIVE) by pid %d (user %s, application %q, %s, transaction open for %ds)", h.rel, h.pid, h.user, h.app, h.state, h.secs))
	}
	return e
}
