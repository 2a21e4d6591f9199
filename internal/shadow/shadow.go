// Package shadow provides the scratch database plan verification runs a
// plan on: a fresh database on the server of a configured shadow URL
// (created for the run and dropped after), or, by default, a database in a
// throwaway PostgreSQL cluster started from the server binaries on the
// machine (internal/pgserver) and removed after. The throwaway cluster is
// a copy of a template cluster kept in the user's cache directory (see
// pgserver.StartWarm), and [Prepare] starts it while the caller does
// something else.
//
// shadow imports internal/pgserver and state/catalog (to connect).
package shadow

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/internal/pgserver"
	"github.com/renovate-pg/renovate/state/catalog"
)

// ErrUnavailable means no shadow database can be had: none is configured
// and no PostgreSQL server binaries were found to start one.
var ErrUnavailable = errors.New("no shadow database: no shadow URL in renovate.hcl (or --shadow) and no PostgreSQL server binaries (initdb, postgres) on this machine to start a throwaway one")

// DB is the pair of scratch databases of one verification: the shadow,
// where the plan runs on a copy of the target, and the reference, where
// the files alone are built to compare with. Close drops both.
type DB struct {
	// DSN connects to the shadow; ReferenceDSN to the reference.
	DSN, ReferenceDSN string
	// Where names the shadow for people, without credentials.
	Where string
	// Template says how a throwaway cluster's data directory was made
	// (copied from the template cluster, or by initdb); TemplateNone for
	// a shadow server.
	Template pgserver.TemplateUse

	drop func(ctx context.Context) error
	keep *keeper // kept scratch databases (keep.go); nil when none
}

// Connect opens connections to the shadow and to the reference.
func (d *DB) Connect(ctx context.Context) (shadow, reference *pgx.Conn, err error) {
	if shadow, err = catalog.Connect(ctx, d.DSN); err != nil {
		return nil, nil, err
	}
	if reference, err = catalog.Connect(ctx, d.ReferenceDSN); err != nil {
		shadow.Close(context.Background())
		return nil, nil, err
	}
	return shadow, reference, nil
}

// Close drops the scratch database (and stops the throwaway cluster, if
// one was started). Call it once, with a context that is still live.
func (d *DB) Close(ctx context.Context) error {
	if d.drop == nil {
		return nil
	}
	err := d.drop(ctx)
	d.drop = nil
	return err
}

// Open gives a fresh scratch database: on the server of serverURL (a
// database is created there, so the role needs CREATEDB) when it is not
// empty, else in a throwaway local cluster. It wraps ErrUnavailable when
// serverURL is empty and no server binaries are found.
func Open(ctx context.Context, serverURL string) (*DB, error) {
	if serverURL != "" {
		return openOn(ctx, serverURL)
	}
	return openThrowaway(ctx, startKept)
}

// openThrowaway starts a throwaway cluster with start and makes the
// scratch databases in it.
func openThrowaway(ctx context.Context, start func(context.Context) (*pgserver.Server, error)) (*DB, error) {
	srv, err := start(ctx)
	if errors.Is(err, pgserver.ErrNoBinaries) {
		return nil, fmt.Errorf("%w", ErrUnavailable)
	}
	if err != nil {
		return nil, fmt.Errorf("starting a throwaway PostgreSQL for the shadow database: %w", err)
	}
	db, err := openOn(ctx, srv.AdminDSN())
	if err != nil {
		_ = srv.Stop()
		return nil, err
	}
	db.Where = fmt.Sprintf("a throwaway PostgreSQL %d cluster from %s", srv.Version(), srv.BinDir())
	db.Template = srv.Template()
	// The whole cluster goes: dropping the database first is moot.
	db.drop = func(context.Context) error { return srv.Stop() }
	if srv.CanKeep() {
		k, err := newKeeper(ctx, srv)
		if err != nil {
			_ = srv.Stop()
			return nil, err
		}
		db.keep = k
		db.drop = k.close
	}
	return db, nil
}

// openOn creates two uniquely named databases on the server of serverURL.
func openOn(ctx context.Context, serverURL string) (*DB, error) {
	name, err := scratchName()
	if err != nil {
		return nil, err
	}
	names := []string{name, name + "_ref"}
	admin, err := catalog.Connect(ctx, serverURL)
	if err != nil {
		return nil, fmt.Errorf("connecting to the shadow server: %w", err)
	}
	defer admin.Close(context.Background())
	drop := func(ctx context.Context, names []string) error {
		conn, err := catalog.Connect(ctx, serverURL)
		if err != nil {
			return fmt.Errorf("dropping the shadow databases %s: %w", strings.Join(names, ", "), err)
		}
		defer conn.Close(context.Background())
		var errs []error
		for _, n := range names {
			// FORCE (PostgreSQL 13+) ends sessions a failed run left.
			if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{n}.Sanitize()+" WITH (FORCE)"); err != nil {
				errs = append(errs, fmt.Errorf("dropping the shadow database %s: %w", n, err))
			}
		}
		return errors.Join(errs...)
	}
	var dsns []string
	for i, n := range names {
		// template0: a copy of template1 could bring objects the scratch
		// database must not have.
		if _, err := admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{n}.Sanitize()+" TEMPLATE template0"); err != nil {
			_ = drop(ctx, names[:i])
			return nil, fmt.Errorf("creating the shadow database %s: %w", n, err)
		}
		dsn, err := withDatabase(serverURL, n)
		if err != nil {
			_ = drop(ctx, names[:i+1])
			return nil, err
		}
		dsns = append(dsns, dsn)
	}
	db := &DB{DSN: dsns[0], ReferenceDSN: dsns[1], Where: describe(serverURL, name)}
	db.drop = func(ctx context.Context) error { return drop(ctx, names) }
	return db, nil
}

func scratchName() (string, error) {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("naming the shadow database: %w", err)
	}
	return "renovate_shadow_" + hex.EncodeToString(b[:]), nil
}

// withDatabase returns dsn (URL or keyword/value form) connecting to
// database name instead.
func withDatabase(dsn, name string) (string, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			// A *url.Error quotes the whole URL, password included;
			// only its reason is kept.
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err
			}
			return "", fmt.Errorf("parsing the shadow URL: %v", err)
		}
		u.Path = "/" + name
		u.RawPath = ""
		q := u.Query()
		if q.Has("dbname") {
			q.Set("dbname", name)
			u.RawQuery = q.Encode()
		}
		return u.String(), nil
	}
	// Keyword/value form: a later keyword overrides an earlier one.
	return dsn + " dbname='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(name) + "'", nil
}

// describe names the scratch database without credentials.
func describe(serverURL, name string) string {
	cfg, err := pgx.ParseConfig(serverURL)
	if err != nil {
		return name
	}
	return fmt.Sprintf("database %s on %s:%d", name, cfg.Host, cfg.Port)
}
