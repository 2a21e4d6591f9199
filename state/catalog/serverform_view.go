package catalog

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/sqlgen"
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

// PrintTempViews creates each view in pg_temp and reads it back
// (serverTx). searchPath is the path local SQL is interpreted under.
func PrintTempViews(ctx context.Context, conn *pgx.Conn, searchPath string, views []TempView) ([]ServerView, error) {
	out := make([]ServerView, len(views))
	refused, err := serverTx(ctx, conn, "view queries", searchPath, len(views),
		func(tx pgx.Tx, i int) error {
			out[i].Name = views[i].Name
			return createTempView(ctx, tx, views[i])
		},
		func(tx pgx.Tx, i int) error { return readTempView(ctx, tx, views[i], &out[i]) })
	if err != nil {
		return nil, err
	}
	for i := range out {
		if refused[i] != nil {
			out[i] = ServerView{Name: views[i].Name, Err: refused[i]}
		}
	}
	return out, nil
}

// createTempView creates one temporary view. The query goes through the
// extended protocol, which refuses more than one statement: a query can
// never end the transaction that keeps this harmless.
func createTempView(ctx context.Context, tx pgx.Tx, v TempView) error {
	// pgx sends a statement without arguments with the simple protocol,
	// whatever the mode asked: go to the extended protocol directly.
	_, err := tx.Conn().PgConn().ExecParams(ctx, sqlgen.CreateTempView(v.Name, v.Query), nil, nil, nil, nil).Close()
	return err
}

// readTempView reads the temporary view v into sv.
func readTempView(ctx context.Context, tx pgx.Tx, v TempView, sv *ServerView) error {
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
