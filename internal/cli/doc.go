// Package cli holds renovate's commands: one file per command, each an
// Options struct, a NewCmdX constructor and a runX function. Commands parse
// flags, call internal/engine and the packages below it, and print; they
// hold no planning logic. Nothing here is global: the root command is built
// per run from a Factory.
//
// What every command shares lives in its own file: global.go (-q, -v, the
// RENOVATE_* variables, unknown commands as usage errors, the exit-code and
// environment sections of --help), exit.go (exit codes, the one list of
// them), progress.go (the status line on a terminal's stderr), completion.go
// and version.go. docgen.go renders docs/cli/*.md and docs/exit-codes.md
// from the commands; regenerate them with go run ./internal/cli/gendocs.
//
// cli may import every package of renovate but cmd/renovate and
// internal/cli/gendocs (which import it).
package cli
