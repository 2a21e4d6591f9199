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
// named by target (an SQL expression of type regclass or text) to where
// sequence from stands: same last value, same is_called, so the next
// value is the one from would have given.
func CopySequencePosition(target string, from state.QualName) string {
	return "SELECT pg_catalog.setval(" + target + ", last_value, is_called) FROM " + Qual(from) + ";\n"
}
