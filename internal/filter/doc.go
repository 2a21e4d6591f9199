// Package filter decides which database objects renovate manages in an
// environment: the include and exclude object patterns of renovate.hcl.
//
// The engine applies one Filter to both sides of a plan (the local files'
// model and the live database's) before diffing, and init, fetch and apply
// apply it before writing files, so an excluded object is neither dumped,
// diffed nor touched. Objects that live inside a table (columns,
// constraints, indexes, triggers, policies, privileges) go with their
// table; a sequence owned by a table column goes with the table; a
// partition goes with its parent.
//
// It imports state only.
package filter
