// Package normalize is the server tier of normalization (DESIGN.md §3):
// the expression-bearing fragments of the desired model whose text still
// differs from the remote's after the parser's canonical forms (defaults,
// CHECK and index definitions, partition keys and bounds, publication row
// filters, policies, view queries and view column defaults, routine
// signatures and bodies, trigger conditions, domains) are printed by
// PostgreSQL itself, and that printing, read back through the parser,
// replaces the local text. Then a default written 'x' matches the server's
// 'x'::text, and what is left different differs for real.
//
// Each kind of fragment is a Pass; Run drives the list Passes returns in
// one loop, the way catalog.Introspect drives its table of queries. A
// pass finds the fragments that differ, has sqlgen print their temporary
// form (CREATE TEMP TABLE, CREATE TEMP VIEW, a routine in pg_temp, an
// index or trigger on a temporary copy of its table), hands them to one
// of package catalog's printers, and merges the answers. Only catalog
// talks to the server: it creates the temporary objects inside a
// transaction that is always rolled back, so nothing on the target
// changes.
//
// This package imports state, sqlgen, parser and state/catalog (and pgx,
// for the connection it passes to catalog); it never imports planner,
// which runs after it.
package normalize
