// Package state is renovate's model of a PostgreSQL database: the
// DatabaseSchema that both the local SQL files and the live database are
// turned into, so the planner compares like with like.
//
// The model is plain data: value types in slices sorted by key, no
// back-pointers, comparable with go-cmp and encodable as JSON. Normalize is
// the one place that fixes ordering; Fingerprint hashes the normalized form.
//
// This package does no I/O and generates no SQL. It must not import any other
// renovate package, pgx or pg_query.
package state
