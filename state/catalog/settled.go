package catalog

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
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
func readSettled(ctx context.Context, conn *pgx.Conn, file string, scan func(pgx.Rows) error) error {
	version, err := serverVersion(conn)
	if err != nil {
		return err
	}
	sql, err := renderQuery(file, newQueryData(conn, version))
	if err != nil {
		return err
	}
	return ReadSettled(ctx, conn, sql, nil, scan)
}

// ReadSettled runs sql with args on conn under the catalog reads' session
// settings (queries/settings.sql), passing its rows to scan. Every query
// renovate writes itself to read the database goes through it (or
// through Introspect, which sets the same settings), so that:
//   - the names in it (pg_class, format, to_regclass, pg_relation_size,
//     the operators, the types of its casts) mean pg_catalog's whatever
//     the role's search_path. Under the default path a function of public
//     that matches the arguments better than pg_catalog's is the one the
//     server calls (CVE-2018-1058): public.pg_relation_size(oid) would
//     run, with renovate's privileges, in place of
//     pg_catalog.pg_relation_size(regclass). On PostgreSQL 13 and 14 any
//     role may create it;
//   - the names the server prints come out as Introspect's;
//   - no JIT compiles a catalog query.
//
// sql must not need the user's search_path: names from the files that
// PostgreSQL should resolve as the files' statements do are looked up
// under the session's own settings instead, with every function
// qualified (see the engine's missingInCatalog).
//
// The query runs in a READ ONLY transaction of its own, which is rolled
// back. On a connection inside a transaction it runs in a savepoint
// instead, and the caller's transaction and settings are as they were
// when it returns (settings made in a savepoint end with it). A
// connection in a failed transaction is refused.
func ReadSettled(ctx context.Context, conn *pgx.Conn, sql string, args []any, scan func(pgx.Rows) error) error {
	// settings.sql depends on no server version, as the server tier's and
	// the foreign import's renderings of it say.
	settings, err := renderQuery("settings.sql", queryData{})
	if err != nil {
		return err
	}
	// The transaction (or savepoint) and the settings go in one round
	// trip, then the query, then the end: three in all.
	var begin, end string
	switch conn.PgConn().TxStatus() {
	case 'I':
		begin, end = "BEGIN READ ONLY", "ROLLBACK"
	case 'T':
		begin, end = "SAVEPOINT renovate_catalog_read", "ROLLBACK TO SAVEPOINT renovate_catalog_read; RELEASE SAVEPOINT renovate_catalog_read"
	default:
		return errors.New("the connection is in a failed transaction")
	}
	_, err = conn.Exec(ctx, begin+";\n"+settings, pgx.QueryExecModeSimpleProtocol)
	if err == nil {
		err = querySettled(ctx, conn, sql, args, scan)
	}
	// Ended whatever happened (a failure leaves the transaction or the
	// savepoint open and failed); not under ctx, which may be what
	// failed.
	if _, endErr := conn.Exec(context.Background(), end, pgx.QueryExecModeSimpleProtocol); endErr != nil && !conn.IsClosed() {
		err = errors.Join(err, fmt.Errorf("ending the catalog read: %w", endErr))
	}
	return err
}

// ReadSettledRow is ReadSettled for a query of one row, scanned into
// dest; pgx.ErrNoRows when it returns none.
func ReadSettledRow(ctx context.Context, conn *pgx.Conn, sql string, args []any, dest ...any) error {
	return ReadSettled(ctx, conn, sql, args, func(rows pgx.Rows) error {
		if !rows.Next() {
			if err := rows.Err(); err != nil {
				return err
			}
			return pgx.ErrNoRows
		}
		return rows.Scan(dest...)
	})
}

// querySettled runs sql with args on conn, passing its rows to scan.
func querySettled(ctx context.Context, conn *pgx.Conn, sql string, args []any, scan func(pgx.Rows) error) error {
	rows, err := conn.Query(ctx, sql, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if err := scan(rows); err != nil {
		return err
	}
	rows.Close()
	return rows.Err()
}

// collectSettled is ReadSettled collecting each row with to.
func collectSettled[T any](ctx context.Context, conn *pgx.Conn, sql string, args []any, to pgx.RowToFunc[T]) ([]T, error) {
	var out []T
	err := ReadSettled(ctx, conn, sql, args, func(rows pgx.Rows) error {
		var err error
		out, err = pgx.CollectRows(rows, to)
		return err
	})
	return out, err
}
