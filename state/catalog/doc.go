// Package catalog is renovate's side of the live database. It owns
// everything that talks to a running PostgreSQL server: connecting
// (Connect), reading the system catalogs into a state.DatabaseSchema
// (Introspect, RemoteFingerprint) and, later, executing plan steps and taking
// locks.
//
// Introspection reads the whole catalog in a constant number of bulk queries,
// sent together in one round trip inside a single READ ONLY REPEATABLE READ
// transaction, so the result is one consistent snapshot and the cost does not
// grow with the number of round trips per object. The queries live in
// queries/*.sql and are embedded into the binary.
//
// The text the model holds (types, defaults, constraint and index
// definitions) is exactly what PostgreSQL's own deparsers print with only
// pg_catalog on the search path; see queries/settings.sql.
//
// This package may import only state, pgx and the standard library.
package catalog
