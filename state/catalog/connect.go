package catalog

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// applicationName is what renovate's sessions show in pg_stat_activity
// unless the user chose another name.
const applicationName = "renovate"

// Connect opens a connection to the database dsn names.
//
// dsn follows libpq's conventions, as implemented by pgx.ParseConfig: a
// postgres:// URL or key=value pairs, with PG* environment variables,
// ~/.pgpass, service files and sslmode honoured. application_name is set to
// "renovate" unless the DSN or PGAPPNAME chooses one.
//
// Every renovate session is made safe the same way here, the one place
// connections are opened (sessionConfig): standard_conforming_strings is
// forced on, a connect timeout and a lock timeout apply unless the user
// chose their own, and on PostgreSQL 14 and later the server checks that
// renovate is still there while a statement runs.
//
// Errors are a single line naming host, port, database and user with the
// server's reason:
//
//	connecting to postgres at 127.0.0.1:5432 database "hello" as "app": password authentication failed for user "app" (SQLSTATE 28P01)
//
// They never contain the password: pgx's own errors can quote the
// connection string, so the message is built from the parsed configuration.
func Connect(ctx context.Context, dsn string) (*pgx.Conn, error) {
	cfg, err := ConnConfig(dsn)
	if err != nil {
		return nil, err
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		if ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("the server did not answer within %s (connect_timeout; set connect_timeout in the connection string or PGCONNECT_TIMEOUT to wait longer)", cfg.ConnectTimeout)
		}
		return nil, connectError(&cfg.Config, err)
	}
	if err := prepareSession(ctx, conn, cfg); err != nil {
		conn.Close(context.Background())
		return nil, connectError(&cfg.Config, err)
	}
	return conn, nil
}

// connectError turns a failed connection attempt into renovate's one-line
// message.
func connectError(cfg *pgconn.Config, err error) error {
	msg := fmt.Sprintf("connecting to postgres at %s database %q as %q: %s",
		address(cfg.Host, cfg.Port), cfg.Database, cfg.User, connectReason(err))
	return errors.New(scrub(msg, cfg.Password))
}

// address renders host and port as people expect: host:port for TCP, the
// socket file for a Unix-domain socket directory.
func address(host string, port uint16) string {
	if strings.HasPrefix(host, "/") {
		return strings.TrimSuffix(host, "/") + "/.s.PGSQL." + strconv.Itoa(int(port))
	}
	return net.JoinHostPort(host, strconv.Itoa(int(port)))
}

// connectReason extracts why a connection failed, without pgx's prefix
// (which repeats user and database) and on one line.
//
// pgx tries every host and, for sslmode=prefer, TLS and then plain text, and
// joins the failures. The server's own error, when there is one, is the
// useful reason (a TLS refusal before a password failure is noise);
// otherwise the last attempt's error is.
func connectReason(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Message + " (SQLSTATE " + pgErr.Code + ")"
	}
	// Unwrap the ConnectError, then the errors.Join of per-attempt errors,
	// then each attempt's "address (host): " prefix.
	if u := errors.Unwrap(err); u != nil {
		err = u
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		if errs := joined.Unwrap(); len(errs) > 0 {
			err = errs[len(errs)-1]
		}
	}
	if u := errors.Unwrap(err); u != nil {
		err = u
	}
	return oneLine(err.Error())
}

// parseError reports an unusable connection string. pgx's ParseConfigError
// quotes the connection string (with a best-effort redaction of the
// password), so only its reason is kept.
func parseError(err error) error {
	var pce *pgconn.ParseConfigError
	if !errors.As(err, &pce) {
		return fmt.Errorf("parsing connection string: %s", oneLine(err.Error()))
	}
	// The message is "cannot parse `<conn string>`: <reason>[ (<cause>)]";
	// keep what follows the last "`: ".
	full := pce.Error()
	reason := full
	if cause := pce.Unwrap(); cause != nil {
		reason = strings.TrimSuffix(reason, " ("+cause.Error()+")")
	}
	if i := strings.LastIndex(reason, "`: "); i >= 0 {
		reason = reason[i+len("`: "):]
	}
	if cause := pce.Unwrap(); cause != nil {
		// A url.Error quotes the whole URL, password included; its inner
		// error says what is wrong with it.
		var urlErr *url.Error
		if errors.As(cause, &urlErr) {
			cause = urlErr.Err
		}
		reason += ": " + cause.Error()
	}
	return fmt.Errorf("parsing connection string: %s", oneLine(reason))
}

// scrub removes secret from msg as a last line of defence. Only secrets of
// a few characters or more are replaced, so a password "a" does not mangle
// the message.
func scrub(msg, secret string) string {
	if len(secret) < 4 {
		return msg
	}
	return strings.ReplaceAll(msg, secret, "********")
}

// oneLine joins a multi-line error message into one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "; ")), " ")
}
