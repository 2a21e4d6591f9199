package catalog

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// This file is the server tier of normalization for domains: a local
// domain whose default or CHECK expressions differ from the remote's only
// in spelling (VALUE IN ('a', 'b') against VALUE = ANY (ARRAY['a'::text,
// 'b'::text])) is created under a temporary name inside a transaction
// that is always rolled back, and PostgreSQL prints its default and
// constraints back. Domains cannot be temporary, so the copy lives in the
// domain's own schema for the moment of the transaction; nothing on the
// target changes.

// TempDomain is one local domain to have PostgreSQL print: the statement
// creating it under the qualified, quoted name Name.
type TempDomain struct {
	Name      string
	Statement string
}

// ServerDomain is a TempDomain as PostgreSQL printed it. Err is set, and
// the rest empty, when PostgreSQL refused the definition (it may use an
// object the plan has yet to create): the local text then stands as is.
type ServerDomain struct {
	Err         error
	Default     string      `json:"default"`
	Constraints []ServerDef `json:"constraints"`
}

const serverDomainQuery = `
SELECT json_build_object(
  'default', coalesce(pg_get_expr(t.typdefaultbin, 0), t.typdefault, ''),
  'constraints', (SELECT coalesce(json_agg(json_build_object('name', c.conname, 'definition', pg_get_constraintdef(c.oid)) ORDER BY c.conname), '[]')
    FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'))
FROM pg_type t WHERE t.oid = to_regtype($1)`

// PrintTempDomains creates each domain (one at a time, each in its own
// savepoint, so one refusal spoils nothing else), reads it back with
// search_path = pg_catalog, and rolls everything back. searchPath is the
// path local SQL is interpreted under ("public").
func PrintTempDomains(ctx context.Context, conn *pgx.Conn, searchPath string, domains []TempDomain) ([]ServerDomain, error) {
	out := make([]ServerDomain, len(domains))
	if len(domains) == 0 {
		return out, nil
	}
	fail := func(err error) ([]ServerDomain, error) {
		return nil, fmt.Errorf("normalizing domains: %w", err)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fail(err)
	}
	// Always roll back: this transaction only ever creates throwaway
	// copies to read their printed form.
	defer func() { _ = tx.Rollback(context.Background()) }()
	if _, err := tx.Exec(ctx, fmt.Sprintf("SET LOCAL lock_timeout = %d; SET LOCAL statement_timeout = %d; SET LOCAL check_function_bodies = off",
		(2*time.Second).Milliseconds(), (30*time.Second).Milliseconds())); err != nil {
		return fail(err)
	}
	settings, err := renderQuery("settings.sql", queryData{})
	if err != nil {
		return nil, err
	}
	if _, err := tx.Exec(ctx, settings); err != nil {
		return fail(err)
	}
	for i, d := range domains {
		if _, err := tx.Exec(ctx, "SAVEPOINT renovate_norm"); err != nil {
			return fail(err)
		}
		if _, err := tx.Exec(ctx, "SELECT set_config('search_path', $1, true)", searchPath); err != nil {
			return fail(err)
		}
		var createErr error
		if _, err := tx.Exec(ctx, d.Statement, pgx.QueryExecModeSimpleProtocol); err != nil {
			createErr = err
		} else {
			var raw []byte
			if _, err := tx.Exec(ctx, "SELECT set_config('search_path', 'pg_catalog', true)"); err != nil {
				createErr = err
			} else if err := tx.QueryRow(ctx, serverDomainQuery, d.Name).Scan(&raw); err != nil {
				createErr = err
			} else if err := json.Unmarshal(raw, &out[i]); err != nil {
				createErr = err
			}
		}
		out[i].Err = createErr
		if _, err := tx.Exec(ctx, "ROLLBACK TO SAVEPOINT renovate_norm"); err != nil {
			return fail(err)
		}
	}
	return out, nil
}

// ServerVersion returns the version of the server conn is connected to,
// in server_version_num form (150004 for 15.4).
func ServerVersion(conn *pgx.Conn) (int, error) { return serverVersion(conn) }
