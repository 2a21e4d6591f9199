// Package vars substitutes renovate.hcl variables in SQL files, and puts
// the references back when files are written from a database.
//
// A reference is {{var.NAME}} (spaces are allowed inside the braces):
//
//	GRANT SELECT ON TABLE public.users TO {{var.app_role}};
//
// The form cannot be mistaken for SQL renovate would otherwise read:
// PostgreSQL has no "{{" token, dollar-quote tags cannot contain braces, and
// psql variables are written :name. Only "{{" followed by "var." is a
// reference; other text with braces (array literals such as '{{1,2}}') is
// left alone. To write the text {{var.NAME}} itself, add a "!" after the
// braces: {{!var.NAME}} stands for {{var.NAME}}, {{!!var.NAME}} for
// {{!var.NAME}}, and so on.
//
// Values are inserted as written, without quoting: put a reference inside
// quotes ('{{var.x}}', "{{var.x}}") where the value must be quoted.
//
// It imports pg_query (to find role names and string literals for Reverse)
// and nothing of renovate's.
package vars
