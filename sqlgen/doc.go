// Package sqlgen writes SQL text from the state model: the canonical
// definition of each object (what renovate writes into the user's files and
// what the remote side is printed as before parsing), and the DDL statements
// the planner uses for each change.
//
// Every identifier goes through QuoteIdent or QualifiedName; nothing here
// builds SQL by formatting raw names. Fragments the model already stores as
// SQL (types, defaults, constraint and index definitions) are embedded
// verbatim.
//
// sqlgen imports only state, pg_query_go (to tell whether a default
// expression needs parentheses) and the standard library; every package that
// prints SQL (catalog, layout, rows, normalize, planner) imports it, so it
// never imports them. The temporary objects of the server tier of
// normalization are printed here too (temp.go), for their purpose.
package sqlgen
