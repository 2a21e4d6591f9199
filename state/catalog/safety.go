package catalog

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// RelationSize is a table's size as the catalog estimates it.
type RelationSize struct {
	// EstimatedRows is pg_class.reltuples, -1 when the table was never
	// vacuumed or analyzed, on every server version (see RelationSizes).
	EstimatedRows int64
	// Bytes is pg_relation_size, TotalBytes pg_total_relation_size.
	Bytes, TotalBytes int64
}

// RelationSizes returns the size of each named table that exists, in one
// query whatever the number of tables.
//
// PostgreSQL 14 made reltuples -1 until the first VACUUM or ANALYZE;
// before, a new table had reltuples 0 and relpages 0, which read as "~0
// rows" however much the table held. On those servers 0 and 0 count as
// never analyzed (as their planner also assumes), so the row count
// reads as unknown next to the table's real size rather than as zero.
func RelationSizes(ctx context.Context, conn *pgx.Conn, tables []state.QualName) (map[state.QualName]RelationSize, error) {
	out := map[state.QualName]RelationSize{}
	if len(tables) == 0 {
		return out, nil
	}
	version, err := serverVersion(conn)
	if err != nil {
		return nil, err
	}
	schemas, names := splitQualNames(tables)
	type sized struct {
		q state.QualName
		s RelationSize
	}
	got, err := collectSettled(ctx, conn, `
SELECT n.nspname::text, c.relname::text,
	CASE WHEN $3 AND c.reltuples = 0 AND c.relpages = 0 THEN -1 ELSE c.reltuples::bigint END,
	pg_relation_size(c.oid), pg_total_relation_size(c.oid)
FROM unnest($1::text[], $2::text[]) AS u(s, r)
JOIN pg_namespace n ON n.nspname = u.s
JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = u.r`, []any{schemas, names, version < 140000}, func(row pgx.CollectableRow) (sized, error) {
		var r sized
		err := row.Scan(&r.q.Schema, &r.q.Name, &r.s.EstimatedRows, &r.s.Bytes, &r.s.TotalBytes)
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("reading table sizes: %w", err)
	}
	for _, r := range got {
		out[r.q] = r.s
	}
	return out, nil
}

// NonEmptyTables returns which of the named tables hold at least one row,
// in one query (an EXISTS probe per table, each reading at most one row).
// Tables that do not exist are left out.
func NonEmptyTables(ctx context.Context, conn *pgx.Conn, tables []state.QualName) (map[state.QualName]bool, error) {
	out := map[state.QualName]bool{}
	if len(tables) == 0 {
		return out, nil
	}
	var b strings.Builder
	for i, t := range tables {
		if i > 0 {
			b.WriteString(" UNION ALL ")
		}
		fmt.Fprintf(&b, "SELECT %d WHERE EXISTS (SELECT 1 FROM %s)", i, sqlgen.Qual(t))
	}
	got, err := collectSettled(ctx, conn, b.String(), nil, pgx.RowTo[int])
	if err != nil {
		return nil, fmt.Errorf("checking which tables hold rows: %w", err)
	}
	for _, i := range got {
		out[tables[i]] = true
	}
	return out, nil
}

// NoAssignmentCasts returns the type pairs (source, target; canonical type
// names without modifiers) that PostgreSQL cannot convert in ALTER COLUMN
// ... TYPE without a USING expression: no implicit or assignment cast, no
// binary coercion, and the target is not a string type (to which I/O
// conversion is an assignment cast); arrays are looked at element by
// element, as PostgreSQL converts them. Pairs naming a type the server
// does not know are left out.
func NoAssignmentCasts(ctx context.Context, conn *pgx.Conn, pairs [][2]string) (map[[2]string]bool, error) {
	out := map[[2]string]bool{}
	if len(pairs) == 0 {
		return out, nil
	}
	src := make([]string, len(pairs))
	dst := make([]string, len(pairs))
	for i, p := range pairs {
		src[i], dst[i] = p[0], p[1]
	}
	got, err := collectSettled(ctx, conn, `
SELECT u.s, u.t
FROM unnest($1::text[], $2::text[]) AS u(s, t)
CROSS JOIN LATERAL (SELECT to_regtype(u.s)::oid AS s0, to_regtype(u.t)::oid AS t0) AS r0
-- An array converts to an array element by element (there is no pg_cast
-- row for the array types themselves).
CROSS JOIN LATERAL (
	SELECT CASE WHEN ps.typcategory = 'A' AND pt.typcategory = 'A' THEN ps.typelem ELSE r0.s0 END AS s,
		CASE WHEN ps.typcategory = 'A' AND pt.typcategory = 'A' THEN pt.typelem ELSE r0.t0 END AS t
	FROM pg_type ps, pg_type pt WHERE ps.oid = r0.s0 AND pt.oid = r0.t0) AS r
-- Domains convert like their base types.
CROSS JOIN LATERAL (
	SELECT coalesce(nullif((SELECT typbasetype FROM pg_type WHERE oid = r.s), 0), r.s) AS s,
		coalesce(nullif((SELECT typbasetype FROM pg_type WHERE oid = r.t), 0), r.t) AS t) AS b
WHERE r.s IS NOT NULL AND r.t IS NOT NULL AND b.s <> b.t
	AND b.t NOT IN ('text'::regtype, 'character varying'::regtype, 'character'::regtype, 'name'::regtype)
	AND NOT EXISTS (SELECT 1 FROM pg_cast c
		WHERE c.castsource = b.s AND c.casttarget = b.t AND c.castcontext IN ('a', 'i'))`, []any{src, dst}, func(row pgx.CollectableRow) ([2]string, error) {
		var p [2]string
		err := row.Scan(&p[0], &p[1])
		return p, err
	})
	if err != nil {
		return nil, fmt.Errorf("looking up casts: %w", err)
	}
	for _, p := range got {
		out[p] = true
	}
	return out, nil
}

// VolatileFunctionNames returns the names of every volatile function of
// the database (built-in and user-defined), lower case.
func VolatileFunctionNames(ctx context.Context, conn *pgx.Conn) (map[string]bool, error) {
	names, err := collectSettled(ctx, conn, `SELECT DISTINCT proname::text FROM pg_proc WHERE provolatile = 'v'`, nil, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("reading volatile functions: %w", err)
	}
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[strings.ToLower(n)] = true
	}
	return out, nil
}

// InvalidIndexes returns the INVALID indexes of ordinary tables: what a
// failed CREATE INDEX CONCURRENTLY leaves behind (an index being built
// concurrently right now is invalid too until it finishes). Keys are
// index keys: Kind index, Schema, Table, Name.
func InvalidIndexes(ctx context.Context, conn *pgx.Conn) ([]state.ObjectKey, error) {
	out, err := collectSettled(ctx, conn, `
SELECT n.nspname::text, c.relname::text, ic.relname::text
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT i.indisvalid AND c.relkind = 'r'
	AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
ORDER BY 1, 2, 3`, nil, func(row pgx.CollectableRow) (state.ObjectKey, error) {
		k := state.ObjectKey{Kind: state.KindIndex}
		err := row.Scan(&k.Schema, &k.Table, &k.Name)
		return k, err
	})
	if err != nil {
		return nil, fmt.Errorf("looking for invalid indexes: %w", err)
	}
	return out, nil
}

func splitQualNames(tables []state.QualName) (schemas, names []string) {
	schemas = make([]string, len(tables))
	names = make([]string, len(tables))
	for i, t := range tables {
		schemas[i], names[i] = t.Schema, t.Name
	}
	return schemas, names
}

// IndexBuild is an INVALID index that another session is working on
// right now: a CREATE INDEX CONCURRENTLY (or REINDEX CONCURRENTLY, or
// DROP INDEX CONCURRENTLY) still running.
type IndexBuild struct {
	Index state.ObjectKey
	// PID is the backend working on it.
	PID int
	// How is what says so: the server's index build progress, or the
	// lock that session holds on the index or its table.
	How string
}

// IndexBuildsInProgress returns the INVALID indexes another session is
// building: the server reports the build (pg_stat_progress_create_index)
// or another session holds a lock on the index, or a SHARE UPDATE
// EXCLUSIVE lock on its table (what a concurrent build holds while it
// waits; a VACUUM holds it too, and then the index is reported anyway,
// the safe side). Such an index is not a leftover of a failed build: a
// plan must not drop it.
func IndexBuildsInProgress(ctx context.Context, conn *pgx.Conn) ([]IndexBuild, error) {
	out, err := collectSettled(ctx, conn, `
SELECT n.nspname::text, c.relname::text, ic.relname::text, b.pid, b.how
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN LATERAL (
	SELECT p.pid, 'index build in progress' AS how FROM pg_stat_progress_create_index p
	WHERE p.pid <> pg_backend_pid() AND (p.index_relid = i.indexrelid OR p.relid = i.indrelid)
	UNION ALL
	SELECT l.pid, 'lock ' || l.mode || ' on the index' FROM pg_locks l
	WHERE l.pid <> pg_backend_pid() AND l.locktype = 'relation' AND l.relation = i.indexrelid
		AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
	UNION ALL
	SELECT l.pid, 'lock ' || l.mode || ' on the table' FROM pg_locks l
	WHERE l.pid <> pg_backend_pid() AND l.locktype = 'relation' AND l.relation = i.indrelid
		AND l.mode = 'ShareUpdateExclusiveLock'
		AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
	ORDER BY 1 LIMIT 1
) b ON true
WHERE NOT i.indisvalid AND c.relkind IN ('r', 'p')
	AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
ORDER BY 1, 2, 3`, nil, func(row pgx.CollectableRow) (IndexBuild, error) {
		b := IndexBuild{Index: state.ObjectKey{Kind: state.KindIndex}}
		var pid int32
		err := row.Scan(&b.Index.Schema, &b.Index.Table, &b.Index.Name, &pid, &b.How)
		b.PID = int(pid)
		return b, err
	})
	if err != nil {
		return nil, fmt.Errorf("looking for index builds in progress: %w", err)
	}
	return out, nil
}
