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
// planner imports state, sqlgen and parser, and nothing above them
// (normalize, catalog, layout). It uses the parser for two things, both on
// text the model already holds, never to read files: the references inside
// routine bodies and expressions that the dependency graph needs
// (parser.ExpressionReferences, parser.QuotedBodyReferences in
// stepgraph.go and closure.go), and the rename helper parser.RenameInQuery,
// which prints a remote view's query as the declared renames leave it
// (view.go). The renames themselves are model data (state.RelationRenames),
// worked out by DeclaredRelationRenames; the server tier of normalization
// gets them from the engine, so it never imports the planner.
package planner
