// Package parser turns renovate's SQL schema files into a
// state.DatabaseSchema.
//
// It owns the canonical forms of the model: the same parser reads the
// user's files and the SQL text the catalog side prints from the live
// database (format_type, pg_get_expr, pg_get_constraintdef,
// pg_get_indexdef, all with search_path = pg_catalog), so both sides of a
// plan end up in one spelling and nothing that did not change shows up as a
// diff. The canonical forms are:
//
//   - Names are stored as PostgreSQL stores them (unquoted identifiers case
//     folded, quoted ones verbatim). An unqualified object name means schema
//     public, PostgreSQL's default search_path; files written by renovate are
//     always qualified. SET search_path to anything but the default (or the
//     empty path pg_dump uses) is rejected rather than guessed at.
//   - Column types are spelled as format_type prints them (see types.go).
//   - Expressions (defaults, generated columns, CHECK, index expressions and
//     predicates) are pg_query's deparse of the parsed expression, after
//     type names, function names, operator names and regclass literals have
//     been qualified the way PostgreSQL prints them (see expr.go). Casts are
//     never added or removed: 'a' and 'a'::text stay different here.
//   - Constraints get PostgreSQL's default names when unnamed (names.go) and a
//     Definition shaped like pg_get_constraintdef's output (constraint.go).
//   - Indexes get PostgreSQL's default names when unnamed and a Definition
//     that is the deparsed, normalized CREATE INDEX statement (index.go).
//
// Files are parsed in parallel; everything that crosses statements or files
// (comments, ALTER TABLE, indexes, foreign keys without a column list, default
// names and their clashes) is resolved afterwards in one deterministic pass
// over the statements ordered by file path and position.
//
// The package imports only state and pg_query (plus the standard library and
// pg_query's protobuf runtime); it does no I/O.
package parser
