package engine

import (
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

// TestCopyDifferenceNamesOwners: a copy that differs from the database
// only in an owner (the copy of owners = "manage" before it carried
// them) is reported with what differs, never with an empty list.
func TestCopyDifferenceNamesOwners(t *testing.T) {
	table := state.Table{Schema: "public", Name: "t", Columns: []state.Column{{Name: "a", Type: "integer"}}}
	copied := state.DatabaseSchema{Schemas: []state.Schema{{Name: "public"}}, Tables: []state.Table{table}}
	database := copied
	database.Owners = []state.Owner{{Object: table.Key(), Role: "own_a"}}
	got := copyDifference(database, copied)
	if !strings.Contains(got, "ALTER TABLE public.t OWNER TO own_a") {
		t.Errorf("copyDifference does not name the owner: %q", got)
	}
	// Both sides carry owners, and they differ: the object is named.
	copied.Owners = []state.Owner{{Object: table.Key(), Role: "own_b"}}
	got = copyDifference(database, copied)
	if !strings.Contains(got, "table public.t") {
		t.Errorf("copyDifference does not name the table: %q", got)
	}
}
