// Package pgtest gives tests (and, later, product code that needs a
// throwaway "shadow" database) a real, disposable PostgreSQL server, plus an
// oracle that compares two databases' schemas without using any of
// renovate's own catalog or planning code.
//
// # Getting a server
//
// [Start] finds a server in this order:
//
//  1. RENOVATE_TEST_DSN: the admin connection string of an already running
//     server (PostgreSQL 13 or newer, superuser). Start only connects to it;
//     [Server.Stop] leaves it running.
//  2. RENOVATE_PG_BIN: a directory holding initdb and postgres (for instance
//     the one printed by scripts/install-postgres.sh VERSION).
//  3. initdb and postgres on PATH.
//  4. The newest /usr/lib/postgresql/*/bin (Debian and Ubuntu packages).
//
// For 2–4 it runs initdb into a fresh temporary directory and starts postgres
// on 127.0.0.1 (a free port) and on a unix socket inside that directory, tuned
// for speed over durability (fsync, full_page_writes and synchronous_commit
// off). When the process runs as root, initdb and postgres are run as the
// "postgres" system user (or "nobody"), because PostgreSQL refuses to run as
// root. If those binaries are not reachable by that user (say they live
// under /root), the installation is mirrored with hard links into the
// temporary directory first. [Server.Stop] kills the server and removes the
// directory.
//
// When no server can be found, Start fails with an error that says how to get
// one. Tests never skip for lack of PostgreSQL: they fail.
//
// # Usage in tests
//
// Start one server per test binary in TestMain, and give each test its own
// database:
//
//	var srv *pgtest.Server
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, &srv)) }
//
//	func TestSomething(t *testing.T) {
//		t.Parallel()
//		dsn := srv.NewDatabase(t) // dropped again by t.Cleanup
//		...
//	}
//
// Databases are created from template0 with UTF8 encoding and the C locale,
// so parallel tests can create them concurrently and get identical, empty
// databases. Roles are cluster-wide: create the ones a test needs with
// [EnsureRoles], which is idempotent and safe to call concurrently.
//
// # The schema oracle
//
// [DumpSchema] renders a database's schema as normalized text and
// [CompareSchemas] returns a readable line diff of two databases' schemas ("" when
// they are equal). It uses pg_dump --schema-only (owners, privileges and
// comments included) when a pg_dump at least as new as the server can be found
// (next to the server binaries, in /usr/lib/postgresql/*/bin, or on PATH),
// and otherwise falls back to [DumpSchemaCatalog], an independent rendering
// of the system catalogs built from PostgreSQL's own pg_get_*def functions.
// Set RENOVATE_ORACLE=catalog or RENOVATE_ORACLE=pg_dump to force one method.
//
// In both methods, column order is not compared (renovate can only append
// columns and reports reorderings instead of rebuilding tables), nor is the
// order in which objects were created.
//
// pgtest imports internal/pgserver and nothing else of renovate's: the
// oracle must stay independent of the code it checks.
package pgtest
