// Package planner turns two models of a database, the current (remote) one
// and the desired (local) one, into a Plan: the ordered steps of SQL that
// make the first like the second, each with the object it touches, its
// hazards and whether it can run in a transaction.
//
// The planner prefers ALTER over drop-and-create, never guesses renames
// (they come from RenamedFrom annotations), never uses CASCADE, and orders
// steps by a dependency graph over the steps whose edges come from what
// each object references (stepgraph.go), so that dependencies exist before
// what uses them and are dropped after it; fixed phases (phase.go) only
// rank steps no edge orders. Output is deterministic.
//
// Subpackages: render prints plans for people and tools. The SQL printer,
// sqlgen, sits below every package that prints SQL.
// planner imports state, sqlgen and parser (for the references inside
// routine bodies and expressions the dependency graph needs).
package planner
