// Package cli holds renovate's commands: one file per command, each an
// Options struct, a NewCmdX constructor and a runX function. Commands parse
// flags, call internal/engine and the packages below it, and print; they
// hold no planning logic. Nothing here is global: the root command is built
// per run from a Factory.
package cli
