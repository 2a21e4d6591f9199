// Package engine is the pipeline behind the commands: it loads the local
// files and the live database into models through the same parser, plans
// the difference, applies a plan with its records, and rewrites the files.
// Commands in internal/cli parse flags and call it; it never prints to a
// terminal or reads flags itself.
package engine
