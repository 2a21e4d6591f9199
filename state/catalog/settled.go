package catalog

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// readSettled runs the query queries/file on conn with the session settings
// every catalog read has (queries/settings.sql), passing its rows to scan.
// The templates see what Introspect's do (newQueryData).
// Without them the query would run under the role's own settings:
//   - its search_path, under which the names the server prints (argument
//     types in pg_get_function_identity_arguments, format_type) are
//     qualified otherwise than Introspect's, so keys built from them miss
//     the model's objects, and under which 'pg_class'::regclass could mean
//     a table of the user's;
//   - jit and parallel workers, under which the owners query took 2.5 to
//     3.6 s instead of 0.44 s on a 20,000-table database, most of it
//     compiling.
//
// The query runs in a READ ONLY transaction of its own, which is rolled
// back. On a connection inside a transaction it runs in a savepoint
// instead, and the caller's transaction and settings are as they were
// when it returns (settings made in a savepoint end with it).
func readSettled(ctx context.Context, conn *pgx.Conn, file string, scan func(pgx.Rows) error) error {
	version, err := serverVersion(conn)
	if err != nil {
		return err
	}
	data := newQueryData(conn, version)
	settings, err := renderQuery("settings.sql", data)
	if err != nil {
		return err
	}
	sql, err := renderQuery(file, data)
	if err != nil {
		return err
	}
	switch conn.PgConn().TxStatus() {
	case 'I':
		tx, err := conn.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
		if err != nil {
			return err
		}
		defer func() { _ = tx.Rollback(context.Background()) }()
		return querySettled(ctx, tx.Exec, tx.Query, settings, sql, scan)
	case 'T':
		if _, err := conn.Exec(ctx, "SAVEPOINT renovate_catalog_read"); err != nil {
			return err
		}
		err := querySettled(ctx, conn.Exec, conn.Query, settings, sql, scan)
		if _, rbErr := conn.Exec(ctx, "ROLLBACK TO SAVEPOINT renovate_catalog_read; RELEASE SAVEPOINT renovate_catalog_read"); rbErr != nil {
			err = errors.Join(err, fmt.Errorf("leaving the catalog read's savepoint: %w", rbErr))
		}
		return err
	default:
		return errors.New("the connection is in a failed transaction")
	}
}

// querySettled is readSettled's work, through exec and query of a
// transaction or a connection.
func querySettled(ctx context.Context,
	exec func(context.Context, string, ...any) (pgconn.CommandTag, error),
	query func(context.Context, string, ...any) (pgx.Rows, error),
	settings, sql string, scan func(pgx.Rows) error) error {
	if _, err := exec(ctx, settings); err != nil {
		return err
	}
	rows, err := query(ctx, sql)
	if err != nil {
		return err
	}
	defer rows.Close()
	if err := scan(rows); err != nil {
		return err
	}
	return rows.Err()
}
