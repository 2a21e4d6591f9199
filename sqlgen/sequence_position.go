package sqlgen

import (
	"strconv"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// WithSequenceRestart appends RESTART WITH n to an ALTER SEQUENCE
// statement (AlterSequence): the sequence's next value becomes n.
func WithSequenceRestart(alter string, n int64) string {
	return strings.TrimSuffix(alter, ";\n") + " RESTART WITH " + strconv.FormatInt(n, 10) + ";\n"
}

// WithIdentityRestart appends RESTART WITH n to an ALTER TABLE ... ALTER
// COLUMN statement of identity options (AlterIdentity).
func WithIdentityRestart(alter string, n int64) string {
	return WithSequenceRestart(alter, n)
}

// CopySequencePosition prints the statement that moves the sequence
// named by target (an SQL expression of type regclass or text), whose
// options are to, to where sequence from stands: same last value, same
// is_called, so the next value is the one from would have given. A
// position before the start of to's range (a MINVALUE above it, for an
// ascending sequence) moves to that start instead, as if restarted
// there; one past the end of the range makes setval fail, and the plan
// with it.
func CopySequencePosition(target string, from state.QualName, to state.SequenceOptions) string {
	value, called := "GREATEST(last_value, "+strconv.FormatInt(to.MinValue, 10)+")", "is_called AND last_value >= "+strconv.FormatInt(to.MinValue, 10)
	if to.Increment < 0 {
		value, called = "LEAST(last_value, "+strconv.FormatInt(to.MaxValue, 10)+")", "is_called AND last_value <= "+strconv.FormatInt(to.MaxValue, 10)
	}
	return "SELECT pg_catalog.setval(" + target + ", " + value + ", " + called + ") FROM " + Qual(from) + ";\n"
}
