#!/usr/bin/env bash
# demo.sh: build renovate and walk through init -> edit -> plan -> apply
# against a throwaway local PostgreSQL holding examples/hello/schema.sql.
# Set RENOVATE_DEMO_URL to use an existing (empty) database instead.
# Everything happens in a temporary directory, removed at the end unless
# KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

say "building renovate"
mkdir -p bin
go build -o bin/renovate ./cmd/renovate
renovate="$repo/bin/renovate"

work=$(mktemp -d /tmp/renovate-demo.XXXXXX)
chmod 755 "$work"
pgdata=""
cleanup() {
	if [[ -n "$pgdata" ]]; then
		run_pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
	fi
	if [[ "${KEEP:-}" != 1 ]]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT

# run_pg runs a server binary, as the postgres user when we are root.
run_pg() {
	if [[ "$(id -u)" == 0 ]]; then
		local u=postgres
		id postgres >/dev/null 2>&1 || u=nobody
		runuser -u "$u" -- "$@"
	else
		"$@"
	fi
}

if [[ -n "${RENOVATE_DEMO_URL:-}" ]]; then
	url=$RENOVATE_DEMO_URL
else
	pgbin=""
	if [[ -n "${RENOVATE_PG_BIN:-}" ]]; then pgbin=$RENOVATE_PG_BIN
	elif command -v initdb >/dev/null 2>&1; then pgbin=$(dirname "$(readlink -f "$(command -v initdb)")")
	else
		for d in /usr/lib/postgresql/*/bin; do [[ -x "$d/initdb" ]] && pgbin=$d; done
	fi
	if [[ -z "$pgbin" ]]; then
		if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
			say "installing PostgreSQL (apt-get install postgresql)"
			DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
			for d in /usr/lib/postgresql/*/bin; do [[ -x "$d/initdb" ]] && pgbin=$d; done
		else
			echo "no PostgreSQL server binaries found: install postgresql, or set RENOVATE_PG_BIN or RENOVATE_DEMO_URL" >&2
			exit 1
		fi
	fi
	say "starting a throwaway PostgreSQL from $pgbin"
	pgdata="$work/pgdata"
	mkdir -p "$pgdata" && chmod 700 "$pgdata"
	[[ "$(id -u)" == 0 ]] && chown "$(id -u postgres 2>/dev/null || echo nobody)" "$pgdata" "$work"
	run_pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
	port=$((20000 + RANDOM % 20000))
	run_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/log" -w \
		-o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
	psql="$pgbin/psql"
	[[ -x "$psql" ]] || psql=psql
	"$psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE hello"
	url="postgres://postgres@127.0.0.1:$port/hello?sslmode=disable"
	"$psql" -q -h 127.0.0.1 -p "$port" -U postgres -d hello -f examples/hello/schema.sql
fi

cd "$work"
say "renovate init --source $url"
"$renovate" init --source "$url" --dir hello
cd hello
find . -path ./.git -prune -o -type f -print | sort

say "renovate.hcl: manage the rows of countries as reference data; renovate fetch writes them"
printf '\ndata "public.countries" {}\n' >> renovate.hcl
git -c user.name=demo -c user.email=demo@example.com commit -qam "countries are reference data"
"$renovate" fetch
cat public/data/countries.sql
git add -A
git -c user.name=demo -c user.email=demo@example.com commit -qm "countries: data file"

say "edit public/tables/users.sql (add a column) and public/data/countries.sql (add a row), then commit"
sed -i 's/^    email text NOT NULL,/    email text NOT NULL,\n    display_name text,/' public/tables/users.sql
echo "INSERT INTO public.countries (code, name) VALUES ('it', 'Italy');" >> public/data/countries.sql
git -c user.name=demo -c user.email=demo@example.com commit -qam "users: add display_name; countries: Italy"

say "renovate plan"
"$renovate" plan --format text

say "renovate apply --yes"
"$renovate" apply --yes

say "renovate plan (again: nothing left to do)"
"$renovate" plan --format text
git --no-pager log --oneline
