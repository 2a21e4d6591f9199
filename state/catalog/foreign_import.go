package catalog

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// ForeignImportRequest is one IMPORT FOREIGN SCHEMA to expand: the
// statement, printed for a given target schema, and the objects of the
// desired model it needs (created in the expansion's transaction when
// the database lacks them).
type ForeignImportRequest struct {
	// Into prints the IMPORT FOREIGN SCHEMA statement importing into
	// schema.
	Into func(schema string) (string, error)
	// Extensions are the desired model's extensions: one providing the
	// wrapper (postgres_fdw) is created when missing.
	Extensions []state.Extension
	// Wrapper is the desired server's wrapper, when the files declare
	// it; Server is the desired server with its user mappings.
	Wrapper *state.ForeignDataWrapper
	Server  state.ForeignServer
}

// ImportForeignTables runs each request's IMPORT FOREIGN SCHEMA into a
// scratch schema inside one transaction that is always rolled back, and
// returns the foreign tables each created, as models named by their own
// name (Schema empty), sorted by name. What a request needs and the
// database lacks (the wrapper's extension, the wrapper, the server, the
// user mappings) is created first from the desired model; user-mapping
// passwords ({{env.NAME}} references) are resolved from the environment,
// in memory only. Nothing on the database changes.
func ImportForeignTables(ctx context.Context, conn *pgx.Conn, reqs []ForeignImportRequest) ([][]state.Table, error) {
	if len(reqs) == 0 {
		return nil, nil
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("expanding IMPORT FOREIGN SCHEMA: %w", err)
	}
	defer func() { _ = tx.Rollback(context.Background()) }()
	if _, err := tx.Exec(ctx, fmt.Sprintf("SET LOCAL lock_timeout = %d; SET LOCAL statement_timeout = %d",
		(2*time.Second).Milliseconds(), (60*time.Second).Milliseconds())); err != nil {
		return nil, fmt.Errorf("expanding IMPORT FOREIGN SCHEMA: %w", err)
	}
	settings, err := renderQuery("settings.sql", queryData{})
	if err != nil {
		return nil, err
	}
	if _, err := tx.Exec(ctx, settings); err != nil {
		return nil, fmt.Errorf("expanding IMPORT FOREIGN SCHEMA: %w", err)
	}
	out := make([][]state.Table, len(reqs))
	for i, r := range reqs {
		if err := importSetup(ctx, tx, r); err != nil {
			return nil, err
		}
		scratch := fmt.Sprintf("renovate_import_%d", i)
		if _, err := tx.Exec(ctx, "CREATE SCHEMA "+sqlgen.QuoteIdent(scratch)); err != nil {
			return nil, fmt.Errorf("expanding IMPORT FOREIGN SCHEMA: creating the scratch schema: %w", err)
		}
		stmt, err := r.Into(scratch)
		if err != nil {
			return nil, err
		}
		if _, err := tx.Exec(ctx, stmt, pgx.QueryExecModeSimpleProtocol); err != nil {
			return nil, fmt.Errorf("running IMPORT FOREIGN SCHEMA (on the target, in a transaction rolled back): %w", err)
		}
		if out[i], err = readImported(ctx, tx, scratch); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// importSetup creates what request r needs and the database lacks.
func importSetup(ctx context.Context, tx pgx.Tx, r ForeignImportRequest) error {
	s := r.Server
	var hasServer, hasWrapper bool
	if err := tx.QueryRow(ctx, "SELECT EXISTS (SELECT FROM pg_foreign_server WHERE srvname = $1), EXISTS (SELECT FROM pg_foreign_data_wrapper WHERE fdwname = $2)",
		s.Name, s.Wrapper).Scan(&hasServer, &hasWrapper); err != nil {
		return fmt.Errorf("expanding IMPORT FOREIGN SCHEMA: %w", err)
	}
	var stmts []string
	if !hasServer && !hasWrapper {
		switch {
		case r.Wrapper != nil:
			stmts = append(stmts, sqlgen.CreateWrapper(*r.Wrapper))
		default:
			for _, e := range r.Extensions {
				if ext, ok := extensionOfWrapper[s.Wrapper]; ok && ext == e.Name {
					stmts = append(stmts, "CREATE EXTENSION IF NOT EXISTS "+sqlgen.QuoteIdent(e.Name)+";\n")
				}
			}
		}
	}
	if !hasServer {
		stmts = append(stmts, sqlgen.CreateServer(s))
	}
	for _, m := range s.UserMappings {
		var has bool
		if err := tx.QueryRow(ctx, "SELECT EXISTS (SELECT FROM pg_user_mappings WHERE srvname = $1 AND usename = $2)", s.Name, m.User).Scan(&has); err != nil {
			return fmt.Errorf("expanding IMPORT FOREIGN SCHEMA: %w", err)
		}
		if !has {
			stmts = append(stmts, sqlgen.CreateUserMapping(s.Name, m))
		}
	}
	for _, st := range stmts {
		run, err := resolveImportSecrets(st)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, run, pgx.QueryExecModeSimpleProtocol); err != nil {
			// The statement may hold a resolved password: it is named
			// by the object, never printed.
			return fmt.Errorf("expanding IMPORT FOREIGN SCHEMA: creating server %s (or its wrapper or user mappings) from the files in the rolled-back transaction: %w", s.Name, err)
		}
	}
	return nil
}

// extensionOfWrapper names the contrib extensions that create a wrapper.
var extensionOfWrapper = map[string]string{"postgres_fdw": "postgres_fdw", "file_fdw": "file_fdw", "dblink_fdw": "dblink"}

// resolveImportSecrets resolves the {{env.NAME}} references of a user
// mapping statement from the environment.
func resolveImportSecrets(sql string) (string, error) {
	stmts, err := resolveSecrets([]Statement{{SQL: sql}}, os.LookupEnv)
	if err != nil {
		var missing *MissingSecretError
		if errors.As(err, &missing) {
			return "", fmt.Errorf("expanding IMPORT FOREIGN SCHEMA needs a user mapping the database lacks, whose password is in the environment variable(s) %v; set them, or create the user mapping first", missing.Names)
		}
		return "", err
	}
	if stmts[0].run != "" {
		return stmts[0].run, nil
	}
	return sql, nil
}

// readImported reads back the foreign tables of schema.
func readImported(ctx context.Context, tx pgx.Tx, schema string) ([]state.Table, error) {
	rows, err := tx.Query(ctx, `
SELECT c.relname::text, s.srvname::text, coalesce(ft.ftoptions, '{}'),
	a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull,
	CASE WHEN a.attcollation <> t.typcollation THEN (
		SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN '' ELSE quote_ident(cn.nspname) || '.' END || quote_ident(co.collname)
		FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation
	) ELSE '' END,
	coalesce(pg_get_expr(ad.adbin, ad.adrelid), ''),
	coalesce(a.attfdwoptions, '{}')
FROM pg_class c
JOIN pg_foreign_table ft ON ft.ftrelid = c.oid
JOIN pg_foreign_server s ON s.oid = ft.ftserver
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = $1)
ORDER BY c.relname, a.attnum`, schema)
	if err != nil {
		return nil, fmt.Errorf("reading the imported foreign tables: %w", err)
	}
	defer rows.Close()
	byName := map[string]*state.Table{}
	var names []string
	for rows.Next() {
		var (
			name, server    string
			opts, colOpts   []string
			c               state.Column
			collation, dflt string
		)
		if err := rows.Scan(&name, &server, &opts, &c.Name, &c.Type, &c.NotNull, &collation, &dflt, &colOpts); err != nil {
			return nil, fmt.Errorf("reading the imported foreign tables: %w", err)
		}
		t := byName[name]
		if t == nil {
			t = &state.Table{Name: name, Foreign: &state.ForeignTable{Server: server, Options: parseOptions(opts)}}
			byName[name] = t
			names = append(names, name)
		}
		c.Collation, c.Default, c.FDWOptions = collation, dflt, parseOptions(colOpts)
		t.Columns = append(t.Columns, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading the imported foreign tables: %w", err)
	}
	sort.Strings(names)
	out := make([]state.Table, len(names))
	for i, n := range names {
		out[i] = *byName[n]
	}
	return out, nil
}
