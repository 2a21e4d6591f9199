package parser

import (
	"errors"
	"fmt"
	"sort"

	"github.com/renovate-pg/renovate/state"
)

// Location is a position in a schema file. Line and Col are 1-based; Col
// counts characters (not bytes) from the start of the line.
type Location struct {
	File string
	Line int
	Col  int
}

// String renders the location as "path:line:col".
func (l Location) String() string {
	return fmt.Sprintf("%s:%d:%d", l.File, l.Line, l.Col)
}

// less orders locations by file, line and column.
func (l Location) less(o Location) bool {
	if l.File != o.File {
		return l.File < o.File
	}
	if l.Line != o.Line {
		return l.Line < o.Line
	}
	return l.Col < o.Col
}

// SyntaxError is a statement PostgreSQL's grammar rejects.
type SyntaxError struct {
	Loc Location
	// Msg is pg_query's message, e.g. `syntax error at or near "foo"`.
	Msg string
}

func (e *SyntaxError) Error() string { return e.Loc.String() + ": " + e.Msg }

// UnsupportedError is valid SQL that renovate does not handle in schema
// files: a statement kind (CREATE VIEW, INSERT, BEGIN), a clause of a
// supported statement (CREATE TABLE ... PARTITION BY) or an ALTER TABLE
// sub-command.
type UnsupportedError struct {
	Loc Location
	// Statement names what was found in SQL words: "CREATE VIEW",
	// "CREATE TABLE ... PARTITION BY", "ALTER TABLE ... DISABLE TRIGGER",
	// `psql meta-command \i`.
	Statement string
	// Reason completes the sentence; empty means
	// "is not managed by renovate yet".
	Reason string
}

func (e *UnsupportedError) Error() string {
	reason := e.Reason
	if reason == "" {
		reason = "is not managed by renovate yet"
	}
	return e.Loc.String() + ": " + e.Statement + " " + reason
}

// DuplicateError is an object defined more than once.
type DuplicateError struct {
	Key    state.ObjectKey
	First  Location
	Second Location
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("%s: %s is defined twice (first at %s)", e.Second, e.Key, e.First)
}

// SemanticError is a statement that parses but does not make sense with the
// rest of the files: a comment on an unknown table, a foreign key to a table
// without a primary key, conflicting column options, ...
type SemanticError struct {
	Loc Location
	Msg string
}

func (e *SemanticError) Error() string { return e.Loc.String() + ": " + e.Msg }

// maxErrors bounds how many errors ParseFiles reports at once.
const maxErrors = 20

// errorList collects errors up to maxErrors.
type errorList struct {
	errs []error
}

func (l *errorList) add(err error) {
	if err == nil {
		return
	}
	l.errs = append(l.errs, err)
}

func (l *errorList) semantic(loc Location, format string, args ...any) {
	l.add(&SemanticError{Loc: loc, Msg: fmt.Sprintf(format, args...)})
}

func (l *errorList) unsupported(loc Location, what string) {
	l.add(&UnsupportedError{Loc: loc, Statement: what})
}

// err returns the collected errors sorted by location (so the output does
// not depend on goroutine scheduling), cut at maxErrors, joined.
func (l *errorList) err() error {
	if len(l.errs) == 0 {
		return nil
	}
	errs := append([]error(nil), l.errs...)
	sort.SliceStable(errs, func(i, j int) bool { return errorLoc(errs[i]).less(errorLoc(errs[j])) })
	extra := 0
	if len(errs) > maxErrors {
		extra = len(errs) - maxErrors
		errs = errs[:maxErrors]
	}
	if extra > 0 {
		errs = append(errs, fmt.Errorf("%d more errors not shown", extra))
	}
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}

// errorLoc is the location an error is sorted by.
func errorLoc(err error) Location {
	switch e := err.(type) {
	case *SyntaxError:
		return e.Loc
	case *UnsupportedError:
		return e.Loc
	case *DuplicateError:
		return e.Second
	case *SemanticError:
		return e.Loc
	}
	return Location{}
}
