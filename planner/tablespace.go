package planner

import (
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// This file plans moving an index, or the index of a primary key, unique
// or exclusion constraint, to another tablespace: ALTER INDEX ... SET
// TABLESPACE, which copies the index under an ACCESS EXCLUSIVE lock,
// instead of dropping and building it again. (Tables and materialized
// views move with ALTER TABLE / ALTER MATERIALIZED VIEW ... SET
// TABLESPACE: table_partitioning_storage.go, view.go.)

// The markers of the tablespace clause in an index's definition and in a
// constraint's, and the clauses that come after it.
const (
	indexTablespaceMarker      = " TABLESPACE "
	constraintTablespaceMarker = " USING INDEX TABLESPACE "
)

var (
	indexTablespaceTails      = []string{" WHERE "}
	constraintTablespaceTails = []string{" DEFERRABLE", " NOT DEFERRABLE", " INITIALLY ", " WHERE ("}
)

// tablespaceClause splits def into its tablespace clause (marker and name)
// and the rest.
func tablespaceClause(def, marker string, tails []string) (clause, rest string) {
	i := strings.Index(def, marker)
	if i < 0 {
		return "", def
	}
	end := len(def)
	tail := def[i+len(marker):]
	for _, t := range tails {
		if j := strings.Index(tail, t); j >= 0 && i+len(marker)+j < end {
			end = i + len(marker) + j
		}
	}
	return def[i:end], def[:i] + def[end:]
}

// tablespaceMove reports whether two definitions differ only in their
// tablespace clause, and the new tablespace ("" for the default).
func tablespaceMove(old, nw, marker string, tails []string) (string, bool) {
	oc, orest := tablespaceClause(old, marker, tails)
	nc, nrest := tablespaceClause(nw, marker, tails)
	if oc == nc || orest != nrest {
		return "", false
	}
	ts := strings.TrimPrefix(nc, marker)
	return ts, true
}

// moveIndex plans ALTER INDEX ... SET TABLESPACE; ts is the new
// tablespace as the definition spells it (quoted where needed), "" for
// the default.
func (d *differ) moveIndex(key state.ObjectKey, q state.QualName, index, ts string) {
	if ts == "" {
		ts = "pg_default"
	}
	d.add(phaseTableProps, key, ActionAlter,
		"ALTER INDEX "+sqlgen.QualifiedName(q.Schema, index)+" SET TABLESPACE "+ts+";\n",
		NewHazard(MovesTablespace, state.QualName{Schema: q.Schema, Name: index}))
}
