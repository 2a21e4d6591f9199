package cli

import (
	"errors"
	"fmt"
)

// Exit codes. They are API: scripts rely on them. ExitCodes documents them
// for renovate --help and docs/exit-codes.md, the one place they are listed.
const (
	ExitOK      = 0
	ExitError   = 1
	ExitChanges = 2  // plan --detailed-exitcode: changes present
	ExitRefused = 3  // dirty repository, stale plan, unallowed hazard, no confirmation
	ExitUsage   = 64 // bad flags or arguments
)

// ExitCodeDoc documents one exit code.
type ExitCodeDoc struct {
	Code int
	// Meaning is one line for renovate --help.
	Meaning string
	// When lists the situations that produce the code, for the docs.
	When []string
}

// ExitCodes lists every exit code renovate uses, in order.
func ExitCodes() []ExitCodeDoc {
	return []ExitCodeDoc{
		{ExitOK, "success; with --detailed-exitcode: no changes", []string{
			"the command did what was asked",
			"`plan --detailed-exitcode`: the database already matches the files",
			"`apply`: nothing to apply",
		}},
		{ExitError, "error", []string{
			"a file does not parse (the message names file:line:col)",
			"the database cannot be reached, or a statement failed during apply",
			"`--strict` and the database holds objects renovate does not manage",
			"`plan --verify`: the plan failed verification on the scratch database",
		}},
		{ExitChanges, "plan/diff --detailed-exitcode: changes present; drift: the database differs", []string{
			"`plan --detailed-exitcode` found changes to make (the plan is printed as usual)",
			"`diff --detailed-exitcode`: the two sources differ",
			"`drift`: the database differs from the files (the report is printed)",
		}},
		{ExitRefused, "refused (dirty repository, stale plan, unallowed hazard, no confirmation); nothing changed", []string{
			"the repository has uncommitted changes (`apply`, `fetch`), or the branch is behind its upstream (`fetch`)",
			"the database changed since a saved plan was made (stale plan; `--ignore-drift` overrides)",
			"the plan holds a hazard that was not allowed (data loss without `--allow-data-loss`)",
			"no confirmation: `n` at the prompt, Ctrl-C, or no terminal to ask on and no `--yes`",
			"another apply holds the database's apply lock",
			"`plan --fail-on-hazard`: a step has one of the listed hazards (the plan is printed first)",
			"the plan holds an unfilled `-- renovate: fill in` placeholder",
			"plan verification failed before apply, or was required (`--verify=always`, `plan --verify`) and not possible",
		}},
		{ExitUsage, "usage: unknown command or flag, bad arguments", []string{
			"an unknown command or flag, a missing or malformed argument",
			"an invalid `RENOVATE_*` environment variable, or `-q` with `-v`",
			"no database given (no `--url` and no renovate.hcl)",
		}},
	}
}

// ExitError carries an exit code other than 1 out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

// refused wraps err as a refusal (exit 3).
func refused(err error) error { return &exitError{code: ExitRefused, err: err} }

// withCode returns an error that only sets the exit code (nothing printed).
func withCode(code int) error { return &exitError{code: code} }

// usageError is a bad flag or argument (exit 64).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// ExitCode maps an error returned by a command to the process exit code.
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	var ue *usageError
	if errors.As(err, &ue) {
		return ExitUsage
	}
	return ExitError
}

// Message returns what to print for err ("" when nothing should be).
func Message(err error) string {
	if err == nil {
		return ""
	}
	var ee *exitError
	if errors.As(err, &ee) && ee.err == nil {
		return ""
	}
	return err.Error()
}
