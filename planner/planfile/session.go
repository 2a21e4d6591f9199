package planfile

import (
	"fmt"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/render"
)

// headerKind says what a statement of a plan file is besides a step: one
// of render.SessionSettings, or the BEGIN or COMMIT enclosing the plan's
// transaction.
type headerKind int

const (
	notHeader headerKind = iota
	headerSetting
	headerBegin
	headerCommit
)

// sessionSetting is one SET of render.SessionSettings: its name and its
// value as written.
type sessionSetting struct{ name, value string }

// sessionSettings parses render.SessionSettings, the only SET statements
// the reader takes as the header.
func sessionSettings() []sessionSetting {
	var out []sessionSetting
	for _, s := range render.SessionSettings {
		if name, value, ok := setValue(s); ok {
			out = append(out, sessionSetting{name, value})
		}
	}
	return out
}

// setValue returns the name and the value of a plain session-level
// "SET name = value" (not SET LOCAL, not a list, not DEFAULT).
func setValue(sql string) (name, value string, ok bool) {
	tree, err := pg_query.Parse(sql)
	if err != nil || len(tree.Stmts) != 1 {
		return "", "", false
	}
	set := tree.Stmts[0].Stmt.GetVariableSetStmt()
	if set == nil || set.IsLocal || set.Kind != pg_query.VariableSetKind_VAR_SET_VALUE || len(set.Args) != 1 {
		return "", "", false
	}
	return strings.ToLower(set.Name), canonicalSettingValue(constText(set.Args[0])), true
}

// canonicalSettingValue spells the ways of saying a boolean one way, and
// compares other values case-insensitively ('utf8' is 'UTF8').
func canonicalSettingValue(v string) string {
	switch v = strings.ToLower(v); v {
	case "on", "true", "yes", "1":
		return "on"
	case "off", "false", "no", "0":
		return "off"
	}
	return v
}

// header classifies sql as the header statement it is, if any. A SET of
// one of render.SessionSettings to another value is no header statement:
// the reader classifies it as a step (or refuses it, errClientEncoding).
func header(sql string, settings []sessionSetting) headerKind {
	tree, err := pg_query.Parse(sql)
	if err != nil || len(tree.Stmts) != 1 {
		return notHeader
	}
	n := tree.Stmts[0].Stmt
	if ts := n.GetTransactionStmt(); ts != nil && len(ts.Options) == 0 {
		switch ts.Kind {
		case pg_query.TransactionStmtKind_TRANS_STMT_BEGIN, pg_query.TransactionStmtKind_TRANS_STMT_START:
			return headerBegin
		case pg_query.TransactionStmtKind_TRANS_STMT_COMMIT:
			if !ts.Chain {
				return headerCommit
			}
		}
		return notHeader
	}
	name, value, ok := setValue(sql)
	if !ok {
		return notHeader
	}
	for _, s := range settings {
		if s.name == name && s.value == value {
			return headerSetting
		}
	}
	return notHeader
}

// checkClientEncoding refuses a SET client_encoding to anything but UTF8:
// a plan file is UTF-8, and so is apply's connection, so another encoding
// would garble every name and literal after it.
func checkClientEncoding(sql string) error {
	if name, value, ok := setValue(sql); ok && name == "client_encoding" && value != "utf8" && value != "unicode" {
		return fmt.Errorf("the plan sets client_encoding to %q: a plan file is UTF-8 and is run with client_encoding UTF8; remove the statement", value)
	}
	return nil
}

// transactionBlock follows the BEGIN and COMMIT of a plan file
// (render.BeginTransaction, render.CommitTransaction): a plan written by
// renovate encloses the steps of its transaction in them, so psql runs
// the file as apply does, and writes the steps that cannot run in a
// transaction block after COMMIT. A plan without them (written by hand, or
// by an older renovate) is read by its markers alone.
type transactionBlock struct {
	begun, committed bool
}

// statement takes a BEGIN or COMMIT at its place in the file: BEGIN
// before the first step, once; COMMIT after BEGIN, once.
func (b *transactionBlock) statement(kind headerKind, steps int) error {
	switch {
	case kind == headerBegin && (b.begun || steps > 0):
		return fmt.Errorf("BEGIN is allowed once, before the first step: apply runs the plan's steps in one transaction and the ones marked %s after it", render.NoTransactionMarker)
	case kind == headerBegin:
		b.begun = true
	case kind == headerCommit && (!b.begun || b.committed):
		return fmt.Errorf("COMMIT is allowed once, after the BEGIN before the first step")
	case kind == headerCommit:
		b.committed = true
	}
	return nil
}

// step sets where a step runs: a step after COMMIT runs outside the
// transaction, as psql would run it; a step marked to run outside it
// cannot stand between BEGIN and COMMIT, where psql would run it inside.
func (b *transactionBlock) step(s *planner.Step) error {
	switch {
	case b.committed && s.Transactional:
		s.Transactional = false
		s.Hazards = addHazard(s.Hazards, planner.NewHazard(planner.RunsOutsideTransaction, "it follows its COMMIT"))
	case b.begun && !b.committed && !s.Transactional:
		return fmt.Errorf("a statement marked %s stands between BEGIN and COMMIT, where psql would run it inside the transaction: move it after COMMIT", render.NoTransactionMarker)
	}
	return nil
}

// end checks the block was closed.
func (b *transactionBlock) end() error {
	if b.begun && !b.committed {
		return fmt.Errorf("BEGIN without COMMIT: psql would roll the plan back when the file ends")
	}
	return nil
}
