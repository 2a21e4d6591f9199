-- Managed tables: see managedTable in queries.go for which relations
-- qualify (ordinary tables, partitioned tables and partitions). Comments
-- come from comments.sql.
--
-- The partition key is pg_get_partkeydef's text, the bound
-- pg_get_expr(relpartbound)'s. A partition's parent and an inheritance
-- child's parents (in inhseqno order, the order of INHERITS) come as
-- schema and name pairs. reloptions are the table's storage parameters
-- ("fillfactor=70"), the toast table's are returned apart and reported
-- with the "toast." prefix they are written with. The tablespace is named
-- only when it is not the database's default (reltablespace 0).
-- relreplident is d(efault), f(ull), n(othing) or i(ndex), the index then
-- being the one marked indisreplident. The index marked indisclustered is
-- the one ALTER TABLE ... CLUSTER ON named. reloptions come in the order
-- the server keeps them.
SELECT
	c.oid,
	n.nspname::text,
	c.relname::text,
	c.relpersistence = 'u',
	CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) ELSE '' END,
	coalesce(pg_get_expr(c.relpartbound, c.oid), ''),
	coalesce((
		SELECT array_agg(pn.nspname::text ORDER BY i.inhseqno)
		FROM pg_inherits i
		JOIN pg_class pc ON pc.oid = i.inhparent
		JOIN pg_namespace pn ON pn.oid = pc.relnamespace
		WHERE i.inhrelid = c.oid
	), '{}'),
	coalesce((
		SELECT array_agg(pc.relname::text ORDER BY i.inhseqno)
		FROM pg_inherits i
		JOIN pg_class pc ON pc.oid = i.inhparent
		WHERE i.inhrelid = c.oid
	), '{}'),
	coalesce(c.reloptions, '{}'),
	coalesce((SELECT t.reloptions FROM pg_class t WHERE t.oid = c.reltoastrelid), '{}'),
	coalesce((SELECT ts.spcname::text FROM pg_tablespace ts WHERE ts.oid = c.reltablespace), ''),
	-- The table access method when it is not heap (partitioned tables
	-- have none before PostgreSQL 17, foreign tables none at all).
	coalesce((SELECT am.amname::text FROM pg_am am WHERE am.oid = c.relam AND am.amname <> 'heap'), ''),
	c.relreplident::text,
	coalesce((
		SELECT ic.relname::text
		FROM pg_index i
		JOIN pg_class ic ON ic.oid = i.indexrelid
		WHERE i.indrelid = c.oid AND i.indisreplident
	), ''),
	coalesce((
		SELECT ic.relname::text
		FROM pg_index i
		JOIN pg_class ic ON ic.oid = i.indexrelid
		WHERE i.indrelid = c.oid AND i.indisclustered
	), ''),
	-- A foreign table's server and options (NULL for other tables).
	(SELECT s.srvname::text FROM pg_foreign_table ft JOIN pg_foreign_server s ON s.oid = ft.ftserver WHERE ft.ftrelid = c.oid),
	coalesce((SELECT ft.ftoptions FROM pg_foreign_table ft WHERE ft.ftrelid = c.oid), '{}'),
	-- A typed table's composite type (CREATE TABLE ... OF), as schema and
	-- name (NULL for other tables).
	(SELECT tn.nspname::text FROM pg_type ty JOIN pg_namespace tn ON tn.oid = ty.typnamespace WHERE ty.oid = c.reloftype),
	(SELECT ty.typname::text FROM pg_type ty WHERE ty.oid = c.reloftype)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE {{managedTable "c" "n"}}
