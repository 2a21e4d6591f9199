#!/usr/bin/env bash
# test.sh: the one command that runs every check and test of the project on a
# fresh machine: gofmt, go vet, staticcheck, errcheck and go test (which needs
# PostgreSQL server binaries, see internal/pgtest; they are installed with
# apt-get when none are found and we are root).
#
# Extra arguments are passed to go test, e.g. scripts/test.sh -run TestFoo.
# The test output ends with the list of skipped tests and their reasons.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "test.sh: $*" >&2; }

# have_pg_server mirrors the search of internal/pgtest.Start.
have_pg_server() {
	if [[ -n "${RENOVATE_TEST_DSN:-}" || -n "${RENOVATE_PG_BIN:-}" ]]; then
		return 0 # explicitly chosen; pgtest reports any problem with it
	fi
	if command -v initdb >/dev/null 2>&1 && command -v postgres >/dev/null 2>&1; then
		return 0
	fi
	local d
	for d in /usr/lib/postgresql/*/bin; do
		if [[ -x "$d/initdb" && -x "$d/postgres" ]]; then
			return 0
		fi
	done
	return 1
}

if ! have_pg_server; then
	if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
		log "no PostgreSQL server binaries found; installing the postgresql package"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null
		apt-get install -y -qq postgresql >/dev/null
	else
		log "no PostgreSQL server binaries found (and cannot apt-get install postgresql); the database tests will fail"
	fi
fi

log "gofmt"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	mapfile -t gofiles < <(git ls-files --cached --others --exclude-standard -- '*.go' | grep -v '/testdata/' || true)
else
	mapfile -t gofiles < <(find . -name '*.go' -not -path '*/testdata/*' -not -path './.git/*')
fi
existing=()
for f in "${gofiles[@]}"; do
	[[ -f "$f" ]] && existing+=("$f")
done
if ((${#existing[@]} > 0)); then
	unformatted="$(gofmt -l "${existing[@]}")"
	if [[ -n "$unformatted" ]]; then
		log "these files need gofmt -w:"
		echo "$unformatted" >&2
		exit 1
	fi
fi

log "go vet"
go vet ./...

# Linters at pinned versions: go run fetches them through the Go module
# proxy without adding them to go.mod. staticcheck runs its default checks
# on all code; errcheck checks the code that ships (-ignoretests: a test's
# deferred Close or cleanup cannot mislead a user, and its assertions fail
# on their own), minus the deliberate exclusions listed with their reasons
# in scripts/errcheck_excludes.txt. Both must report nothing.
log "staticcheck"
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
log "errcheck"
go run github.com/kisielk/errcheck@v1.30.0 -ignoretests -exclude scripts/errcheck_excludes.txt ./...

log "go test"
# -json through scripts/testsummary: the output of a plain go test, then
# every skipped test with its reason (a plain go test hides skips).
go build -o "${TMPDIR:-/tmp}/renovate-testsummary.$$" ./scripts/testsummary
trap 'rm -f "${TMPDIR:-/tmp}/renovate-testsummary.$$"' EXIT
go test -count=1 -timeout 60m -json "$@" ./... | "${TMPDIR:-/tmp}/renovate-testsummary.$$"
