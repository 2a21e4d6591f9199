// Package layering holds no code: its test checks that every package of
// renovate imports only what the layering allows (the rules table in
// layering_test.go, which the package docs state in words). The pipeline
// reads off the folders: files -> parser -> model (state) -> normalize ->
// planner -> sqlgen -> render -> apply, with sqlgen below every package
// that prints SQL so that no arrow runs upward.
package layering
