package planfile

import (
	"errors"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// errConformingStringsOff refuses a plan that turns
// standard_conforming_strings off: its literals were written for on, and
// with it off a backslash in a value ends the literal early.
var errConformingStringsOff = errors.New("the plan sets standard_conforming_strings to something other than on: " +
	"renovate writes its literals for standard_conforming_strings on and refuses a plan that changes it; remove the statement")

// conformingStrings reports whether sql is the plan header's
// "SET standard_conforming_strings = on" (render.ConformingStrings), which
// is not a step: apply's sessions have the setting on already. A statement
// that sets it to anything else is an error.
func conformingStrings(sql string) (header bool, err error) {
	tree, perr := pg_query.Parse(sql)
	if perr != nil || len(tree.Stmts) != 1 {
		return false, nil // Classify reports it
	}
	set := tree.Stmts[0].Stmt.GetVariableSetStmt()
	if set == nil || !strings.EqualFold(set.Name, "standard_conforming_strings") {
		return false, nil
	}
	if set.Kind != pg_query.VariableSetKind_VAR_SET_VALUE || len(set.Args) != 1 {
		// SET ... TO DEFAULT, RESET: back to the session's value, which
		// renovate's connection made on.
		return false, nil
	}
	switch strings.ToLower(constText(set.Args[0])) {
	case "on", "true", "yes", "1":
		return !set.IsLocal, nil
	}
	return false, errConformingStringsOff
}

// constText is the text of a SET value: a string, a keyword or a number.
func constText(n *pg_query.Node) string {
	c := n.GetAConst()
	if c == nil {
		return ""
	}
	switch {
	case c.GetSval() != nil:
		return c.GetSval().Sval
	case c.GetIval() != nil:
		if c.GetIval().Ival == 1 {
			return "1"
		}
		return "0"
	case c.GetBoolval() != nil:
		if c.GetBoolval().Boolval {
			return "true"
		}
		return "false"
	}
	return ""
}
