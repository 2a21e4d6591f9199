// Package catalog is renovate's side of the live database. It owns
// everything that talks to a running PostgreSQL server: connecting
// (Connect), reading the system catalogs into a state.DatabaseSchema
// (Introspect, RemoteFingerprint) and, later, executing plan steps and taking
// locks.
//
// Introspection reads the catalog with a fixed set of bulk queries (one per
// kind of object, never one per object), sent as a single pipelined batch
// inside one READ ONLY REPEATABLE READ transaction: the result is one
// consistent snapshot, and it takes two round trips (the batch, the commit)
// however large the schema. The queries live in queries/*.sql and are
// embedded into the binary.
//
// The text the model holds (types, defaults, constraint and index
// definitions) is exactly what PostgreSQL's own deparsers print with only
// pg_catalog on the search path; see queries/settings.sql.
//
// This package may import only state, state/rows, sqlgen, pgx and the
// standard library.
package catalog
