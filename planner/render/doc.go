// Package render prints a planner.Plan for people and tools: the text view
// (per-object unified diffs, statements, hazards) and the SQL view (a
// runnable, self-describing plan file). Every view is derived from the same
// Plan; nothing is recomputed here.
//
// render imports planner and state; it never touches a database or disk.
package render
