#!/usr/bin/env bash
# bench.sh N [N...]: renovate against pg_dump --schema-only, side by side in
# one run, on a generated schema of N tables in a throwaway PostgreSQL.
#
# For each N it prints the wall time and peak resident set (/usr/bin/time) of
#   pg_dump --schema-only          the floor every schema tool reads through
#   renovate plan, no-op           files written by init, same database
#   renovate plan, 1% changed      same files against gen_schema --mutate 1
# each twice: "catalog read" with the catalog cache off (every plan reads
# the catalog), and "again" right after one untimed plan of the same files
# and database, with the catalog cache on (README, "Catalog cache": a no-op
# plan then does not read the catalog again; a plan whose files needed the
# server's normalization ended transactions of its own, so the next one
# reads it)
#   renovate plan after editing one file   against the 1%-changed database,
#                                  right after a column was added to one
#                                  more table file (the parse cache misses
#                                  and parses that file alone)
#   renovate init --verify=never   read the catalog, write, commit
#   renovate init                  the same plus its default verification
# and the ratio of each time to pg_dump's. BENCH_VIEWS=V (default 1600) adds
# a view-heavy variant: the 1,000-table schema plus V views (views over
# tables and views over views). BENCH_DATA=1 (the default) also runs BenchmarkData1M
# (internal/engine), which compares the 1,000,000-row data diff with COPY
# (SELECT ... ORDER BY key) TO STDOUT of the same rows.
#
# Environment:
#   GEN_SCHEMA    the schema generator (default ../shared/tools/gen_schema
#                 relative to the repository)
#   BENCH_RUNS    runs of each timed command; the fastest is reported (default 1)
#   BENCH_VIEWS   views of the view-heavy variant, 0 to skip (default 1600)
#   BENCH_DATA    0 to skip the 1M-row data benchmark (default 1)
#   BENCH_INIT_VERIFY  0 to skip "init (default verify)", which builds the
#                 schema twice in a scratch cluster (slow at 20,000 tables)
#   BENCH_VERIFY  1 to also run BenchmarkVerify2Steps1000 (verification of a
#                 2-statement plan, the first building and keeping the
#                 scratch copy, the next ones cloning it) (default 0)
#   RENOVATE_PG_BIN  PostgreSQL binaries (as for the tests)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
gen=${GEN_SCHEMA:-$root/../shared/tools/gen_schema}
runs=${BENCH_RUNS:-1}
views=${BENCH_VIEWS:-1600}

if [ $# -eq 0 ]; then
	echo "usage: scripts/bench.sh N [N...]" >&2
	exit 64
fi
if [ ! -x "$gen" ]; then
	echo "bench.sh: no schema generator at $gen (set GEN_SCHEMA to its path)" >&2
	exit 1
fi
if [ ! -x /usr/bin/time ]; then
	echo "bench.sh: /usr/bin/time is needed for the peak resident set (apt-get install time)" >&2
	exit 1
fi

work=$(mktemp -d /tmp/renovate-bench-XXXXXX)
cleanup() {
	if [ -n "${pgpid:-}" ]; then
		exec 3>&-
		wait "$pgpid" || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

echo "building renovate and the server starter..." >&2
(cd "$root" && go build -o "$work/renovate" ./cmd/renovate && go build -o "$work/benchpg" ./scripts/benchpg)
renovate=$work/renovate

# The throwaway cluster lives as long as file descriptor 3 stays open.
mkfifo "$work/pgin"
"$work/benchpg" <"$work/pgin" >"$work/pgout" &
pgpid=$!
exec 3>"$work/pgin"
for _ in $(seq 1 300); do
	[ "$(wc -l <"$work/pgout")" -ge 2 ] && break
	kill -0 "$pgpid" 2>/dev/null || { echo "bench.sh: the PostgreSQL cluster did not start" >&2; exit 1; }
	sleep 0.1
done
admin=$(sed -n 1p "$work/pgout")
bin=$(sed -n 2p "$work/pgout")
base=${admin%/postgres?*}
opts=${admin#*\?}
dsn() { echo "$base/$1?$opts"; }
psqlq() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 "$@" >/dev/null; }
version=$("$bin/psql" -X -At "$admin" -c 'SHOW server_version')

export RENOVATE_VERIFY=never NO_COLOR=1
# A parse and catalog cache of the bench's own, empty at the start.
export RENOVATE_PARSE_CACHE=$work/cache
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@localhost GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@localhost

# timed LABEL CMD...: runs CMD BENCH_RUNS times (output discarded unless it
# fails), keeping the fastest wall time (s) and the largest peak RSS (MB).
# When before_each names a function, it runs, untimed, before each run.
declare -A secs rss
timed() {
	local label=$1 best="" peak=0 i t m rc
	shift
	for i in $(seq 1 "$runs"); do
		[ -z "${before_each:-}" ] || "$before_each"
		rc=0
		/usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>&1 || rc=$?
		if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then
			echo "bench.sh: $label failed (exit $rc): $*" >&2
			tail -20 "$work/out" >&2
			exit 1
		fi
		lastrc=$rc
		read -r t m < <(tail -1 "$work/time")
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$t; fi
		[ "$m" -gt "$peak" ] && peak=$m
	done
	secs[$label]=$best
	rss[$label]=$((peak / 1024))
}

# report N: one table of the figures of size N.
report() {
	local n=$1 label
	shift
	printf '\n### N = %s (PostgreSQL %s, %s)\n\n' "$n" "$version" "$(nproc) cores"
	printf '| %-44s | %9s | %8s | %12s |\n' "command" "time (s)" "peak RSS" "× pg_dump"
	printf '|%s|%s|%s|%s|\n' "----------------------------------------------" "-----------:" "---------:" "-------------:"
	for label in "$@"; do
		[ -n "${secs[$label]:-}" ] || continue
		printf '| %-44s | %9.2f | %5s MB | %12s |\n' "$label" "${secs[$label]}" "${rss[$label]}" \
			"$(awk -v a="${secs[$label]}" -v b="${secs[$n/pg_dump]}" 'BEGIN{printf "%.2f", a/b}')"
	done
}

# fresh_dir removes $init_dir, untimed, and lets the file system settle:
# removing thousands of files inside the timed command (as bench.sh did
# before) slowed the next init's file creation by up to a second and a
# half on ext4, while the kernel caught up with the deletion.
fresh_dir() {
	rm -rf "$init_dir"
	sync
	sleep 1
}

# edit_one adds a column to one more table file of $work/repo and commits
# it (plan reads what git holds).
edit_one() {
	local f
	edited=$((edited + 1))
	f=$(cd "$work/repo" && find . -path './*/tables/*.sql' | sort | sed -n "${edited}p")
	[ -n "$f" ] || { echo "bench.sh: no table file left to edit" >&2; exit 1; }
	sed -i '0,/^CREATE TABLE .* ($/s//&\n    bench_edit integer,/' "$work/repo/$f"
	grep -q '^    bench_edit integer,$' "$work/repo/$f" || { echo "bench.sh: could not edit $f" >&2; exit 1; }
	git -C "$work/repo" commit -q -a -m "bench: edit $f"
}

for n in "$@"; do
	echo "N=$n: generating and loading..." >&2
	db=bench_$n
	psqlq "$admin" -c "DROP DATABASE IF EXISTS $db" -c "DROP DATABASE IF EXISTS ${db}_mut" -c "CREATE DATABASE $db" -c "CREATE DATABASE ${db}_mut"
	"$gen" "$n" >"$work/schema.sql"
	"$gen" --mutate 1 "$n" >"$work/mutated.sql" 2>"$work/mutations"
	psqlq "$(dsn "$db")" -f "$work/schema.sql"
	psqlq "$(dsn "${db}_mut")" -f "$work/mutated.sql"
	psqlq "$(dsn "$db")" -c "VACUUM ANALYZE"
	psqlq "$(dsn "${db}_mut")" -c "VACUUM ANALYZE"

	echo "N=$n: timing..." >&2
	timed "$n/pg_dump" "$bin/pg_dump" --schema-only -f "$work/dump.sql" "$(dsn "$db")"
	before_each=fresh_dir init_dir=$work/repo
	timed "$n/init --verify=never" "$renovate" init --quiet --verify=never --source "$(dsn "$db")" --dir "$work/repo"
	init_dir=$work/repo2
	[ "${BENCH_INIT_VERIFY:-1}" = 0 ] || timed "$n/init (default verify)" "$renovate" init --quiet --source "$(dsn "$db")" --dir "$work/repo2"
	before_each=
	rm -rf "$work/repo2"
	plan=("$renovate" plan --quiet --verify=never --detailed-exitcode --format sql --dir "$work/repo")
	RENOVATE_CATALOG_CACHE=off timed "$n/plan no-op, catalog read" "${plan[@]}" --url "$(dsn "$db")"
	if [ "$lastrc" -ne 0 ]; then
		echo "bench.sh: the no-op plan is not empty:" >&2
		head -20 "$work/out" >&2
		exit 1
	fi
	RENOVATE_CATALOG_CACHE=off timed "$n/plan 1% changed, catalog read" "${plan[@]}" --url "$(dsn "${db}_mut")"
	"${plan[@]}" --url "$(dsn "$db")" >/dev/null 2>&1 || true
	timed "$n/plan no-op, again" "${plan[@]}" --url "$(dsn "$db")"
	"${plan[@]}" --url "$(dsn "${db}_mut")" >/dev/null 2>&1 || true
	timed "$n/plan 1% changed, again" "${plan[@]}" --url "$(dsn "${db}_mut")"
	steps=$(grep -c ';$' "$work/out" || true)
	# The first plan after editing a file (a column added to one more
	# table, committed, before each run): the edited set misses the parse
	# cache and only the edited file is parsed again.
	edited=0
	before_each=edit_one
	timed "$n/plan after editing one file" "${plan[@]}" --url "$(dsn "${db}_mut")"
	before_each=
	report "$n" "$n/pg_dump" "$n/plan no-op, catalog read" "$n/plan 1% changed, catalog read" \
		"$n/plan no-op, again" "$n/plan 1% changed, again" "$n/plan after editing one file" \
		"$n/init --verify=never" "$n/init (default verify)"
	echo "(1% changed: $steps statements planned)"
	psqlq "$admin" -c "DROP DATABASE $db" -c "DROP DATABASE ${db}_mut"
done

if [ "$views" -gt 0 ]; then
	n=1000
	db=bench_views
	echo "view-heavy: 1000 tables + $views views..." >&2
	psqlq "$admin" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
	"$gen" "$n" >"$work/schema.sql"
	psqlq "$(dsn "$db")" -f "$work/schema.sql"
	# Views over the generated tables (a filter, a join to the table it
	# references, an aggregate), then views over those views.
	"$bin/psql" -X -At "$(dsn "$db")" -c "
		SELECT format('%I.%I', n.nspname, c.relname)
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
		ORDER BY 1" >"$work/tables"
	awk -v want="$views" '
		{ t[NR] = $0 }
		END {
			k = 0
			for (i = 1; k < want && i <= NR; i++) {
				printf "CREATE VIEW public.v_%d AS SELECT * FROM %s WHERE id IS NOT NULL;\n", k, t[i]; k++
				if (k < want) { printf "CREATE VIEW public.v_%d AS SELECT count(*) AS n, min(id::text) AS first FROM %s;\n", k, t[i]; k++ }
			}
			base = k
			for (j = 0; k < want; j++) {
				printf "CREATE VIEW public.v_%d AS SELECT a.n + b.n AS total, a.first FROM public.v_%d a CROSS JOIN public.v_%d b;\n", k, 2*(j % (base/2))+1, 2*((j+1) % (base/2))+1; k++
			}
		}' "$work/tables" >"$work/views.sql"
	psqlq "$(dsn "$db")" -f "$work/views.sql"
	psqlq "$(dsn "$db")" -c "VACUUM ANALYZE"
	nviews=$("$bin/psql" -X -At "$(dsn "$db")" -c "SELECT count(*) FROM pg_views WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
	timed "views/pg_dump" "$bin/pg_dump" --schema-only -f "$work/dump.sql" "$(dsn "$db")"
	before_each=fresh_dir init_dir=$work/repo
	timed "views/init --verify=never" "$renovate" init --quiet --verify=never --source "$(dsn "$db")" --dir "$work/repo"
	before_each=
	plan=("$renovate" plan --quiet --verify=never --detailed-exitcode --format sql --dir "$work/repo" --url "$(dsn "$db")")
	RENOVATE_CATALOG_CACHE=off timed "views/plan no-op, catalog read" "${plan[@]}"
	"${plan[@]}" >/dev/null 2>&1 || true
	timed "views/plan no-op, again" "${plan[@]}"
	if [ "$lastrc" -ne 0 ]; then
		echo "bench.sh: the no-op plan of the view-heavy schema is not empty:" >&2
		head -20 "$work/out" >&2
		exit 1
	fi
	before_each=fresh_dir init_dir=$work/repo2
	timed "views/init (default verify)" "$renovate" init --quiet --source "$(dsn "$db")" --dir "$work/repo2"
	before_each=
	report views "views/pg_dump" "views/plan no-op, catalog read" "views/plan no-op, again" "views/init --verify=never" "views/init (default verify)"
	echo "(view-heavy: $n tables, $nviews views)"
	psqlq "$admin" -c "DROP DATABASE $db"
fi

if [ "${BENCH_DATA:-1}" = 1 ]; then
	echo "data: BenchmarkData1M..." >&2
	(cd "$root/internal/engine" && go test -c -o "$work/engine.test" . )
	(cd "$root/internal/engine" && "$work/engine.test" -test.run '^$' -test.bench '^BenchmarkData1M$' -test.benchtime 1x -test.timeout 0) | grep -E '^Benchmark|^ok|FAIL'
fi

if [ "${BENCH_VERIFY:-0}" = 1 ]; then
	echo "verify: BenchmarkVerify2Steps1000..." >&2
	[ -x "$work/engine.test" ] || (cd "$root/internal/engine" && go test -c -o "$work/engine.test" . )
	(cd "$root/internal/engine" && "$work/engine.test" -test.run '^$' -test.bench '^BenchmarkVerify2Steps1000$' -test.benchtime 4x -test.timeout 0) | grep -E '^Benchmark|^ok|FAIL'
fi
