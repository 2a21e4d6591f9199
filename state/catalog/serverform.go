package catalog

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/sqlgen"
)

// This file is the server tier of normalization (DESIGN.md §3): local
// table definitions whose expressions differ from the remote's only in
// spelling are created as temporary tables inside a transaction that is
// always rolled back, and PostgreSQL prints them back with the same
// functions introspection uses. Nothing on the target changes.
//
// The API is six printers, one per kind of temporary object (PrintTemp
// here, PrintTempDomains, PrintTempViews, PrintTempRoutines,
// PrintTempTriggers, and RunProbes for a single printed text), all driven
// by the one loop serverTx. Package normalize decides what to print and
// builds the statements with sqlgen; this package only runs them and
// reads the answers.

// TempTable is one local table to have PostgreSQL print: statements that
// create pg_temp.<Name> and its indexes.
type TempTable struct {
	Name       string
	Statements []string
}

// ServerColumn is a column as PostgreSQL prints it.
type ServerColumn struct {
	Name      string `json:"name"`
	Type      string `json:"type"`
	Collation string `json:"collation"`
	Default   string `json:"default"`
	Generated string `json:"generated"`
}

// ServerDef is a named definition as PostgreSQL prints it
// (pg_get_constraintdef or pg_get_indexdef).
type ServerDef struct {
	Name       string `json:"name"`
	Definition string `json:"definition"`
}

// ServerTable is a TempTable as PostgreSQL printed it. Err is set, and the
// rest empty, when PostgreSQL refused the definition (it may reference an
// object the plan has yet to create): the local text then stands as is.
type ServerTable struct {
	Name        string
	Err         error
	Columns     []ServerColumn `json:"columns"`
	Constraints []ServerDef    `json:"constraints"`
	Indexes     []ServerDef    `json:"indexes"`
	// Policies are the table's policies (serverform_policy.go).
	Policies []ServerPolicy `json:"policies"`
}

const serverFormQuery = `
SELECT json_build_object(
  'columns', (SELECT coalesce(json_agg(json_build_object(
      'name', a.attname,
      'type', format_type(a.atttypid, a.atttypmod),
      'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN
          (SELECT CASE WHEN n.nspname = 'pg_catalog' THEN quote_ident(co.collname)
                       ELSE quote_ident(n.nspname) || '.' || quote_ident(co.collname) END
             FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace
            WHERE co.oid = a.attcollation) END,
      'default', CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,
      'generated', CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END)
      ORDER BY a.attnum), '[]')
    FROM pg_attribute a
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped),
  'constraints', (SELECT coalesce(json_agg(json_build_object('name', conname, 'definition', pg_get_constraintdef(oid)) ORDER BY conname), '[]')
    FROM pg_constraint WHERE conrelid = $1 AND contype IN ('p', 'u', 'c', 'x')),
  'policies', (` + serverPoliciesQuery + `),
  'indexes', (SELECT coalesce(json_agg(json_build_object('name', c.relname, 'definition', pg_get_indexdef(i.indexrelid)) ORDER BY c.relname), '[]')
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
   WHERE i.indrelid = $1
     AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = $1 AND k.contype IN ('p', 'u', 'x'))))`

// serverTx is the one loop of the server tier. Inside a transaction that
// is always rolled back (it only ever creates temporary objects, or
// throwaway copies, to read their printed form), with short timeouts,
// check_function_bodies off and the same printing settings as Introspect,
// it runs for each i < n, in a savepoint of its own (so names never clash
// and one refusal spoils nothing else): create(tx, i) under searchPath,
// the path local SQL is interpreted under, then read(tx, i) with
// search_path = pg_catalog, pg_temp, so the server prints local
// definitions exactly as it prints remote ones. refused[i] is create's or read's error: the
// server refused the local definition (it may use an object the plan has
// yet to create), and its local text stands. err is for a failure of the
// transaction itself; what names the fragments in it.
func serverTx(ctx context.Context, conn *pgx.Conn, what, searchPath string, n int, create, read func(tx pgx.Tx, i int) error) (refused []error, err error) {
	refused = make([]error, n)
	if n == 0 {
		return refused, nil
	}
	fail := func(err error) ([]error, error) { return nil, fmt.Errorf("normalizing %s: %w", what, err) }
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fail(err)
	}
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
	// The savepoint and the path in one round trip: both are fixed text
	// (the path is quoted as a literal).
	begin := "SAVEPOINT renovate_norm; SELECT set_config('search_path', " + sqlgen.QuoteLiteral(searchPath) + ", true)"
	for i := 0; i < n; i++ {
		if _, err := tx.Exec(ctx, begin, pgx.QueryExecModeSimpleProtocol); err != nil {
			return fail(err)
		}
		refused[i] = create(tx, i)
		if refused[i] == nil {
			// pg_temp last: a path without it searches pg_temp first
			// for tables and types, where the copy of a table named
			// pg_constraint or text would stand in for the catalog or
			// the type in the read.
			if _, err := tx.Exec(ctx, "SELECT set_config('search_path', 'pg_catalog, pg_temp', true)"); err != nil {
				refused[i] = err
			} else {
				refused[i] = read(tx, i)
			}
		}
		if _, err := tx.Exec(ctx, "ROLLBACK TO SAVEPOINT renovate_norm"); err != nil {
			return fail(err)
		}
	}
	return refused, nil
}

// execAll runs statements one by one with the simple protocol.
func execAll(ctx context.Context, tx pgx.Tx, statements []string) error {
	for _, s := range statements {
		if _, err := tx.Exec(ctx, s, pgx.QueryExecModeSimpleProtocol); err != nil {
			return err
		}
	}
	return nil
}

// PrintTemp creates each table in pg_temp and reads it back (serverTx).
// searchPath is the path local SQL is interpreted under ("public").
func PrintTemp(ctx context.Context, conn *pgx.Conn, searchPath string, tables []TempTable) ([]ServerTable, error) {
	out := make([]ServerTable, len(tables))
	refused, err := serverTx(ctx, conn, "expressions", searchPath, len(tables),
		func(tx pgx.Tx, i int) error {
			out[i].Name = tables[i].Name
			return execAll(ctx, tx, tables[i].Statements)
		},
		func(tx pgx.Tx, i int) error {
			var raw []byte
			var oid uint32
			if err := tx.QueryRow(ctx, "SELECT to_regclass('pg_temp.' || quote_ident($1))::oid", tables[i].Name).Scan(&oid); err != nil {
				return err
			}
			if err := tx.QueryRow(ctx, serverFormQuery, oid).Scan(&raw); err != nil {
				return err
			}
			return json.Unmarshal(raw, &out[i])
		})
	if err != nil {
		return nil, err
	}
	for i := range out {
		if refused[i] != nil {
			// A refused table reports nothing printed.
			out[i] = ServerTable{Name: tables[i].Name, Err: refused[i]}
		}
	}
	return out, nil
}
