package catalog

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// This file is the server tier of normalization (DESIGN.md §3): local
// table definitions whose expressions differ from the remote's only in
// spelling are created as temporary tables inside a transaction that is
// always rolled back, and PostgreSQL prints them back with the same
// functions introspection uses. Nothing on the target changes.

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

// PrintTemp creates each table in pg_temp (one at a time, each in its own
// savepoint, so names never clash and one refusal spoils nothing else),
// reads it back with search_path = pg_catalog, and rolls everything back.
// searchPath is the path local SQL is interpreted under ("public").
func PrintTemp(ctx context.Context, conn *pgx.Conn, searchPath string, tables []TempTable) ([]ServerTable, error) {
	out := make([]ServerTable, len(tables))
	if len(tables) == 0 {
		return out, nil
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("normalizing expressions: %w", err)
	}
	// Always roll back: this transaction only ever creates temporary
	// objects to read their printed form.
	defer func() { _ = tx.Rollback(context.Background()) }()
	if _, err := tx.Exec(ctx, fmt.Sprintf("SET LOCAL lock_timeout = %d; SET LOCAL statement_timeout = %d; SET LOCAL check_function_bodies = off",
		(2*time.Second).Milliseconds(), (30*time.Second).Milliseconds())); err != nil {
		return nil, fmt.Errorf("normalizing expressions: %w", err)
	}
	// The same printing settings as Introspect, so the server prints local
	// definitions exactly as it prints remote ones.
	settings, err := renderQuery("settings.sql", queryData{})
	if err != nil {
		return nil, err
	}
	if _, err := tx.Exec(ctx, settings); err != nil {
		return nil, fmt.Errorf("normalizing expressions: %w", err)
	}
	for i, t := range tables {
		out[i].Name = t.Name
		if _, err := tx.Exec(ctx, "SAVEPOINT renovate_norm"); err != nil {
			return nil, fmt.Errorf("normalizing expressions: %w", err)
		}
		if _, err := tx.Exec(ctx, "SELECT set_config('search_path', $1, true)", searchPath); err != nil {
			return nil, fmt.Errorf("normalizing expressions: %w", err)
		}
		var createErr error
		for _, s := range t.Statements {
			if _, err := tx.Exec(ctx, s, pgx.QueryExecModeSimpleProtocol); err != nil {
				createErr = err
				break
			}
		}
		if createErr == nil {
			var raw []byte
			var oid uint32
			if _, err := tx.Exec(ctx, "SELECT set_config('search_path', 'pg_catalog', true)"); err != nil {
				createErr = err
			} else if err := tx.QueryRow(ctx, "SELECT to_regclass('pg_temp.' || quote_ident($1))::oid", t.Name).Scan(&oid); err != nil {
				createErr = err
			} else if err := tx.QueryRow(ctx, serverFormQuery, oid).Scan(&raw); err != nil {
				createErr = err
			} else if err := json.Unmarshal(raw, &out[i]); err != nil {
				createErr = err
			}
		}
		out[i].Err = createErr
		if _, err := tx.Exec(ctx, "ROLLBACK TO SAVEPOINT renovate_norm"); err != nil {
			return nil, fmt.Errorf("normalizing expressions: %w", err)
		}
	}
	return out, nil
}
