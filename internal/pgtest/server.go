package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/renovate-pg/renovate/internal/pgserver"
)

// Environment variables that choose where the test server comes from.
const (
	// EnvDSN names the variable holding the admin connection string of an
	// existing server to use instead of starting one.
	EnvDSN = "RENOVATE_TEST_DSN"
	// EnvBin names the variable holding a directory with the initdb and
	// postgres binaries to start.
	EnvBin = pgserver.EnvBin
)

// howToGetServer is appended to errors when no server can be had.
const howToGetServer = "to get a PostgreSQL server for the tests, either " +
	"install one (`apt-get install postgresql` on Debian/Ubuntu), " +
	"or run `scripts/install-postgres.sh VERSION` (e.g. 18) and set " + EnvBin + " to the directory it prints, " +
	"or set " + EnvBin + " to a directory holding initdb and postgres, " +
	"or set " + EnvDSN + " to the admin connection string of a running server (PostgreSQL 13 or newer)"

// Server is a PostgreSQL server for tests: either one started by [Start] in a
// temporary directory, or an existing one named by RENOVATE_TEST_DSN. Its
// methods are safe for concurrent use.
type Server struct {
	adminDSN string
	version  int
	token    string // distinguishes this Server's databases from others'
	counter  atomic.Uint64

	// Only for servers started here.
	binDir string           // where the binaries came from
	local  *pgserver.Server // the cluster, nil for RENOVATE_TEST_DSN

	stopOnce sync.Once
	stopErr  error

	dumpOnce sync.Once
	dumpPath string // chosen pg_dump, "" for the catalog oracle
	dumpErr  error
}

// Start gives a running PostgreSQL server, from RENOVATE_TEST_DSN,
// RENOVATE_PG_BIN, PATH or /usr/lib/postgresql/*/bin in that order (see the
// package documentation). The caller must call [Server.Stop].
func Start(ctx context.Context) (*Server, error) {
	token, err := randomToken()
	if err != nil {
		return nil, fmt.Errorf("starting postgres: %w", err)
	}
	if dsn := os.Getenv(EnvDSN); dsn != "" {
		s := &Server{adminDSN: dsn, token: token}
		v, err := pgserver.ServerVersion(ctx, dsn)
		if err != nil {
			return nil, fmt.Errorf("connecting to %s server %s: %w", EnvDSN, redactDSN(dsn), err)
		}
		if v < 13 {
			return nil, fmt.Errorf("%s server %s is PostgreSQL %d; the tests need 13 or newer", EnvDSN, redactDSN(dsn), v)
		}
		s.version = v
		return s, nil
	}
	binDir, fromEnv, err := pgserver.FindBinDir()
	if err != nil {
		return nil, fmt.Errorf("starting postgres: %w; %s", err, howToGetServer)
	}
	local, err := pgserver.StartFrom(ctx, binDir, fromEnv, logicalReplicationSettings()...)
	if err != nil {
		return nil, err
	}
	return &Server{adminDSN: local.AdminDSN(), version: local.Version(), token: token, binDir: binDir, local: local}, nil
}

// logicalReplicationSettings are the settings of the test cluster that let
// tests use logical replication (publications with subscriptions between
// two databases of the cluster): wal_level = logical, with room for the
// slots, WAL senders and apply workers of a few subscriptions at once.
// They cost the other tests nothing measurable (fsync is off anyway).
func logicalReplicationSettings() []string {
	return []string{"wal_level=logical", "max_replication_slots=20", "max_wal_senders=20",
		"max_worker_processes=32", "max_logical_replication_workers=16"}
}

// AdminDSN returns a postgres:// connection string for the superuser and the
// "postgres" database of the server.
func (s *Server) AdminDSN() string { return s.adminDSN }

// Version returns the server's major version, e.g. 15.
func (s *Server) Version() int { return s.version }

// BinDir returns the directory the server binaries came from, or "" for a
// server named by RENOVATE_TEST_DSN.
func (s *Server) BinDir() string { return s.binDir }

// Stop shuts down a server started by [Start] and removes its temporary
// directory. It does nothing for a server named by RENOVATE_TEST_DSN. Calling
// it again returns the first call's result.
func (s *Server) Stop() error {
	s.stopOnce.Do(func() {
		if s.local != nil {
			s.stopErr = s.local.Stop()
		}
	})
	return s.stopErr
}

func randomToken() (string, error) {
	var b [3]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("reading random bytes: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// connect opens a connection to the server's admin database.
func (s *Server) connect(ctx context.Context) (*pgx.Conn, error) {
	conn, err := pgx.Connect(ctx, s.adminDSN)
	if err != nil {
		return nil, fmt.Errorf("connecting to %s: %w", redactDSN(s.adminDSN), err)
	}
	return conn, nil
}

// CreateDatabase creates an empty database (from template0, UTF8, C locale)
// and returns a connection string for it. It is safe to call concurrently.
func (s *Server) CreateDatabase(ctx context.Context, name string) (string, error) {
	if name == "" || len(name) > 63 {
		return "", fmt.Errorf("creating database %q: name must be 1 to 63 bytes", name)
	}
	conn, err := s.connect(ctx)
	if err != nil {
		return "", fmt.Errorf("creating database %s: %w", name, err)
	}
	defer conn.Close(context.Background())
	sql := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize() +
		" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
	if s.version >= 15 {
		sql += " LOCALE_PROVIDER libc"
	}
	if _, err := conn.Exec(ctx, sql); err != nil {
		return "", fmt.Errorf("creating database %s: %w", name, err)
	}
	dsn, err := withDatabase(s.adminDSN, name)
	if err != nil {
		return "", fmt.Errorf("creating database %s: %w", name, err)
	}
	return dsn, nil
}

// DropDatabase drops a database if it exists, disconnecting its sessions.
func (s *Server) DropDatabase(ctx context.Context, name string) error {
	conn, err := s.connect(ctx)
	if err != nil {
		return fmt.Errorf("dropping database %s: %w", name, err)
	}
	defer conn.Close(context.Background())
	drop := "DROP DATABASE IF EXISTS " + pgx.Identifier{name}.Sanitize() + " WITH (FORCE)"
	_, err = conn.Exec(ctx, drop)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "55006" && strings.Contains(pgErr.Message, "subscription") {
		// A database with subscriptions cannot be dropped: drop them
		// first, keeping any replication slot (the publisher may be
		// unreachable or gone).
		if err := s.dropSubscriptions(ctx, name); err != nil {
			return fmt.Errorf("dropping database %s: %w", name, err)
		}
		_, err = conn.Exec(ctx, drop)
	}
	if err != nil {
		return fmt.Errorf("dropping database %s: %w", name, err)
	}
	return nil
}

// dropSubscriptions drops the subscriptions of database name, detached
// from their replication slots.
func (s *Server) dropSubscriptions(ctx context.Context, name string) error {
	dsn, err := withDatabase(s.adminDSN, name)
	if err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return fmt.Errorf("connecting to %s: %w", name, err)
	}
	defer conn.Close(context.Background())
	rows, err := conn.Query(ctx, "SELECT subname FROM pg_subscription WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())")
	if err != nil {
		return err
	}
	subs, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	for _, sub := range subs {
		id := pgx.Identifier{sub}.Sanitize()
		for _, sql := range []string{"ALTER SUBSCRIPTION " + id + " DISABLE", "ALTER SUBSCRIPTION " + id + " SET (slot_name = NONE)", "DROP SUBSCRIPTION " + id} {
			if _, err := conn.Exec(ctx, sql); err != nil {
				return fmt.Errorf("%s: %w", sql, err)
			}
		}
	}
	return nil
}

// NewDatabase creates a fresh, uniquely named database for the test, drops
// it again when the test ends, and returns its connection string. It fails
// the test if the database cannot be created.
func (s *Server) NewDatabase(t testing.TB) string {
	t.Helper()
	name := s.databaseName(t.Name())
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dsn, err := s.CreateDatabase(ctx, name)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := s.DropDatabase(ctx, name); err != nil {
			t.Errorf("pgtest: %v", err)
		}
	})
	return dsn
}

// databaseName turns a test name into a unique database name of at most 63
// bytes of [a-z0-9_].
func (s *Server) databaseName(testName string) string {
	suffix := fmt.Sprintf("_%s_%d", s.token, s.counter.Add(1))
	var b strings.Builder
	underscore := true // drop leading underscores
	for _, r := range strings.ToLower(testName) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			underscore = false
		case !underscore:
			b.WriteByte('_')
			underscore = true
		}
	}
	base := strings.TrimRight(b.String(), "_")
	if base == "" || base[0] >= '0' && base[0] <= '9' {
		base = "t_" + base
	}
	if limit := 63 - len(suffix); len(base) > limit {
		base = strings.TrimRight(base[:limit], "_")
	}
	return base + suffix
}

// withDatabase returns dsn with its database replaced by name.
func withDatabase(dsn, name string) (string, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return "", fmt.Errorf("parsing connection URL: %w", err)
		}
		u.Path = "/" + name
		u.RawPath = ""
		return u.String(), nil
	}
	// Keyword/value form: a later keyword overrides an earlier one.
	return dsn + " dbname='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(name) + "'", nil
}

// redactDSN returns dsn with any password removed, for error messages.
func redactDSN(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.Scheme != "" {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
		q := u.Query()
		if q.Has("password") {
			q.Set("password", "xxxxx")
			u.RawQuery = q.Encode()
		}
		return u.String()
	}
	fields := strings.Fields(dsn)
	for i, f := range fields {
		if strings.HasPrefix(f, "password=") {
			fields[i] = "password=xxxxx"
		}
	}
	return strings.Join(fields, " ")
}

// databaseOf returns the database a connection string names.
func databaseOf(dsn string) string {
	cfg, err := pgconn.ParseConfig(dsn)
	if err != nil {
		return ""
	}
	return cfg.Database
}

// EnsureRoles creates the given cluster roles (NOLOGIN) unless they exist.
// It is idempotent and safe to call concurrently. An entry "name
// SUPERUSER" makes a superuser role (the owner of an event trigger or a
// foreign-data wrapper must be one).
func EnsureRoles(ctx context.Context, adminDSN string, roles []string) error {
	if len(roles) == 0 {
		return nil
	}
	conn, err := pgx.Connect(ctx, adminDSN)
	if err != nil {
		return fmt.Errorf("ensuring roles: connecting to %s: %w", redactDSN(adminDSN), err)
	}
	defer conn.Close(context.Background())
	for _, role := range roles {
		options := ""
		if name, ok := strings.CutSuffix(role, " SUPERUSER"); ok {
			role, options = strings.TrimSpace(name), " SUPERUSER"
		}
		var exists bool
		if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1)", role).Scan(&exists); err != nil {
			return fmt.Errorf("ensuring role %s: %w", role, err)
		}
		if exists {
			continue
		}
		if _, err := conn.Exec(ctx, "CREATE ROLE "+pgx.Identifier{role}.Sanitize()+options); err != nil {
			var pgErr *pgconn.PgError
			// Created concurrently by someone else: fine.
			if errors.As(err, &pgErr) && (pgErr.Code == "42710" || pgErr.Code == "23505") {
				continue
			}
			return fmt.Errorf("ensuring role %s: %w", role, err)
		}
	}
	return nil
}

// Main is for TestMain: it starts a server, stores it in *dst, runs the
// tests, stops the server and returns the exit code for os.Exit. If no server
// can be started it prints why (and how to get one) and returns 1, so that
// the tests fail loudly instead of being skipped.
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, &srv)) }
func Main(m *testing.M, dst **Server) int {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	s, err := Start(ctx)
	cancel()
	if err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
		return 1
	}
	*dst = s
	code := m.Run()
	if err := s.Stop(); err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0
}
