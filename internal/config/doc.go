// Package config owns renovate.hcl, the per-repository configuration file:
// its format, loading and validation (with file:line:col diagnostics),
// rendering a fresh file for renovate init, and the helpers that keep
// passwords out of it and out of logs (StripPassword, Redact, HasPassword
// for libpq connection strings in URL and keyword/value form).
//
// The format, kept small so that later features can add attributes and
// blocks (anything unknown is an error today):
//
//	default_environment = "dev"   # optional
//
//	environment "dev" {
//	  url     = "postgres://app@localhost:5432/hello?sslmode=disable"
//	  # url   = env("DEV_DATABASE_URL")
//	  exclude = ["public.audit_*"]  # optional object patterns
//	  include = []                  # optional object patterns
//	}
//
//	exclude = ["schema:archive"]  # optional, all environments
//	include = []
//
// The only function available in expressions is env(NAME). Passwords
// written in renovate.hcl are rejected; they belong in PGPASSWORD or
// ~/.pgpass (a password that comes from env() is accepted, as it is not
// in the file). Include and exclude patterns are stored as written; this
// package does not interpret them.
//
// The package only parses and validates: it must not connect to databases,
// touch git, or import renovate packages other than internal/filter (which
// checks that include and exclude patterns parse), database drivers or CLI
// packages.
package config
