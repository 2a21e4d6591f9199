package catalog

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// This file is the server tier (DESIGN.md §3) for views: a local view
// query whose text differs from the remote's is created as a temporary
// view inside a transaction that is always rolled back, and PostgreSQL
// prints it back with pg_get_viewdef, which qualifies columns and adds
// the casts and parentheses the remote's text has. Materialized views'
// queries are printed the same way (a temporary view has the same rule).

// TempView is one local view query to have PostgreSQL print.
type TempView struct {
	// Name is the temporary view's name (the view's own, in pg_temp).
	Name string
	// Query is the view's SELECT.
	Query string
}

// ServerView is a TempView as PostgreSQL printed it. Err is set, and the
// rest empty, when PostgreSQL refused the query (it may use an object the
// plan has yet to create).
type ServerView struct {
	Name       string
	Err        error
	Definition string
	Columns    []state.ViewColumn
}

// serverViewQuery reads the temporary view named $1 back as views.sql
// reads views.
const serverViewQuery = `
WITH v AS (SELECT to_regclass('pg_temp.' || quote_ident($1))::oid AS oid)
SELECT
	pg_get_viewdef(v.oid),
	coalesce((SELECT array_agg(a.attname::text ORDER BY a.attnum)
		FROM pg_attribute a WHERE a.attrelid = v.oid AND a.attnum > 0 AND NOT a.attisdropped), '{}'),
	coalesce((SELECT array_agg(
			format_type(a.atttypid, a.atttypmod)
			|| CASE WHEN a.attcollation <> t.typcollation THEN (
				SELECT ' COLLATE '
					|| CASE WHEN cn.nspname = 'pg_catalog' THEN '' ELSE quote_ident(cn.nspname) || '.' END
					|| quote_ident(co.collname)
				FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
				WHERE co.oid = a.attcollation) ELSE '' END
			ORDER BY a.attnum)
		FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
		WHERE a.attrelid = v.oid AND a.attnum > 0 AND NOT a.attisdropped), '{}')
FROM v`

// PrintTempViews creates each view in pg_temp (one at a time, each in its
// own savepoint, so one refusal spoils nothing else), reads it back with search_path = pg_catalog and the
// introspection settings, and rolls everything back. searchPath is the
// path local SQL is interpreted under.
func PrintTempViews(ctx context.Context, conn *pgx.Conn, searchPath string, views []TempView) ([]ServerView, error) {
	out := make([]ServerView, len(views))
	if len(views) == 0 {
		return out, nil
	}
	fail := func(err error) ([]ServerView, error) {
		return nil, fmt.Errorf("normalizing view queries: %w", err)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fail(err)
	}
	// Always roll back: this transaction only ever creates temporary
	// objects to read their printed form.
	defer func() { _ = tx.Rollback(context.Background()) }()
	if _, err := tx.Exec(ctx, fmt.Sprintf("SET LOCAL lock_timeout = %d; SET LOCAL statement_timeout = %d",
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
	for i, v := range views {
		out[i].Name = v.Name
		// The savepoint and the path in one round trip: both are fixed
		// text (the path is quoted as a literal).
		if _, err := tx.Exec(ctx, "SAVEPOINT renovate_norm; SELECT set_config('search_path', "+quoteLiteral(searchPath)+", true)",
			pgx.QueryExecModeSimpleProtocol); err != nil {
			return fail(err)
		}
		out[i].Err = printTempView(ctx, tx, v, &out[i])
		if _, err := tx.Exec(ctx, "ROLLBACK TO SAVEPOINT renovate_norm"); err != nil {
			return fail(err)
		}
	}
	return out, nil
}

// printTempView creates one temporary view and reads it into sv. The
// query goes through the extended protocol, which refuses more than one
// statement: a query can never end the transaction that keeps this
// harmless.
func printTempView(ctx context.Context, tx pgx.Tx, v TempView, sv *ServerView) error {
	name := pgx.Identifier{v.Name}.Sanitize()
	// pgx sends a statement without arguments with the simple protocol,
	// whatever the mode asked: go to the extended protocol directly.
	if _, err := tx.Conn().PgConn().ExecParams(ctx, "CREATE TEMP VIEW "+name+" AS "+v.Query, nil, nil, nil, nil).Close(); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "SELECT set_config('search_path', 'pg_catalog', true)"); err != nil {
		return err
	}
	var (
		def          *string
		names, types []string
	)
	if err := tx.QueryRow(ctx, serverViewQuery, v.Name).Scan(&def, &names, &types); err != nil {
		return err
	}
	if def == nil || len(names) != len(types) {
		return errConcurrentDDL
	}
	sv.Definition = strings.TrimRight(*def, " \t\r\n;")
	for i, n := range names {
		sv.Columns = append(sv.Columns, state.ViewColumn{Name: n, Type: types[i]})
	}
	return nil
}

// quoteLiteral quotes s as an SQL string literal.
// An E'...' string is used when s holds a backslash, so the literal means
// the same under any standard_conforming_strings setting.
func quoteLiteral(s string) string {
	if !strings.Contains(s, `\`) {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return "E'" + strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(s) + "'"
}
