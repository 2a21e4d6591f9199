package planfile

import (
	"fmt"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
)

// PlaceholderError means a plan file still holds "-- renovate: fill in"
// lines: SQL of a data migration that only the user can write (planner
// migration.go). Apply refuses the file until they are filled in or
// removed.
type PlaceholderError struct {
	Path string
	// Lines are the 1-based lines holding the marker.
	Lines []int
	// First is the text of the first such line.
	First string
}

func (e *PlaceholderError) Error() string {
	return fmt.Sprintf("%s:%d: the plan still has %d %q line(s), the first: %s\nwrite the SQL they ask for (or decide none is needed), delete the marker lines, and apply again; nothing was changed",
		e.Path, e.Lines[0], len(e.Lines), planner.PlaceholderMarker, strings.TrimSpace(e.First))
}

// checkPlaceholders finds marker lines anywhere in the file, also after
// the last statement where no step would carry them.
func checkPlaceholders(path, text string) error {
	var e *PlaceholderError
	for i, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), planner.PlaceholderMarker) {
			continue
		}
		if e == nil {
			e = &PlaceholderError{Path: path, First: line}
		}
		e.Lines = append(e.Lines, i+1)
	}
	if e != nil {
		return e
	}
	return nil
}

// concurrent reports whether a statement is CREATE INDEX CONCURRENTLY or
// DROP INDEX CONCURRENTLY, which PostgreSQL refuses in a transaction
// block: a hand-edited plan need not mark them. For a CREATE it also
// returns the index's key, so apply can clean up an INVALID index before
// retrying the build.
func concurrent(sql string) (bool, state.ObjectKey) {
	tree, err := pg_query.Parse(sql)
	if err != nil || len(tree.Stmts) != 1 {
		return false, state.ObjectKey{}
	}
	n := tree.Stmts[0].Stmt
	if ix := n.GetIndexStmt(); ix != nil && ix.Concurrent {
		k := state.ObjectKey{Kind: state.KindIndex, Name: ix.Idxname}
		if ix.Relation != nil {
			k.Schema, k.Table = ix.Relation.Schemaname, ix.Relation.Relname
		}
		if k.Name == "" || k.Schema == "" {
			return true, state.ObjectKey{}
		}
		return true, k
	}
	return n.GetDropStmt() != nil && n.GetDropStmt().Concurrent, state.ObjectKey{}
}
