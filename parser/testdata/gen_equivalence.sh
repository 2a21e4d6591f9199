#!/usr/bin/env bash
# gen_equivalence.sh regenerates the server-printed halves of the
# equivalence test data: for every equivalence/NAME.sql (hand-written) it
# creates a scratch database on a PostgreSQL 15 server, applies the file and
# writes
#   equivalence/NAME.catalog.sql  what catalog_dump.sql prints (format_type,
#                                 pg_get_expr, pg_get_constraintdef,
#                                 pg_get_indexdef with search_path=pg_catalog)
#   equivalence/NAME.pgdump.sql   pg_dump --schema-only, psql meta-commands
#                                 (\restrict) removed
# The tests only read the files; they need no server. Usage, from the
# repository root, with a PostgreSQL 15 server reachable via PSQL / PG_DUMP:
#
#   PGHOST=/tmp/pg15 PGPORT=54315 PGUSER=postgres parser/testdata/gen_equivalence.sh
set -euo pipefail
dir=parser/testdata/equivalence
psql=(psql -X -q -v ON_ERROR_STOP=1)
for f in "$dir"/*.sql; do
	case "$f" in *.catalog.sql | *.pgdump.sql) continue ;; esac
	name=$(basename "$f" .sql)
	db="renovate_eq_$name"
	"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE template0"
	"${psql[@]}" -d "$db" -f "$f"
	"${psql[@]}" -At -d "$db" -f parser/testdata/catalog_dump.sql | grep -v '^SET$' >"$dir/$name.catalog.sql"
	pg_dump --schema-only -d "$db" | grep -v '^\\\(un\)\?restrict ' >"$dir/$name.pgdump.sql"
	"${psql[@]}" -d postgres -c "DROP DATABASE $db"
done
