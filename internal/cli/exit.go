package cli

import (
	"errors"
	"fmt"
)

// Exit codes, documented in the README. They are API: scripts rely on them.
const (
	ExitOK      = 0
	ExitError   = 1
	ExitChanges = 2  // plan --detailed-exitcode: changes present
	ExitRefused = 3  // dirty repository, stale plan, unallowed hazard, no confirmation
	ExitUsage   = 64 // bad flags or arguments
)

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
