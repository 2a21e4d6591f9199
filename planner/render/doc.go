// Package render prints a planner.Plan for people and tools. Every view is
// derived from the same Plan; nothing is recomputed here:
//
//   - Text: the summary line (Counts), per changed object a unified diff of
//     its definition (sergi/go-diff), then the steps with their hazards;
//     ANSI colours only when asked (the CLI decides: terminal, --color,
//     NO_COLOR).
//   - SQL: a runnable, self-describing plan file (header comments with the
//     format version, renovate version, remote fingerprint and git commit;
//     hazards and non-transactional steps marked) that planner/planfile
//     reads back.
//   - JSON: the Plan's own JSON plus the summary, versioned by
//     format_version and described by docs/plan.schema.json.
//   - Markdown: a pull-request comment (summary table, hazards first,
//     collapsible per-object diffs, statements).
//
// Golden files: testdata/golden/<case>/{from.sql,to.sql} are planned on a
// real PostgreSQL and rendered as plan.txt, plan.color.txt, plan.sql,
// plan.json and plan.md (with pg<N>/ variants of the files that differ on
// PostgreSQL N and later); regenerate them with
//
//	go test ./planner/render -run TestGolden -update
//
// render imports planner and state; it never touches a database or disk.
package render
