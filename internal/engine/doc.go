// Package engine is the pipeline behind the commands: it loads the local
// files and the live database into models through the same parser, plans
// the difference, applies a plan with its records, and rewrites the files.
// Commands in internal/cli parse flags and call it; it never prints to a
// terminal or reads flags itself.
//
// The engine keeps only orchestration: which stages run in which order
// (files -> parser -> model -> normalize -> planner -> sqlgen -> render ->
// apply). It may import every package below the commands (state and its
// subpackages, sqlgen, parser, normalize, planner and render,
// internal/config, internal/filter and internal/vars), never internal/cli.
package engine
