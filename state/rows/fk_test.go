package rows

import (
	"slices"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

// TestForeignKeys: referenced columns come from REFERENCES' list (quoted
// names kept, commas inside quotes not splitting) or the referenced
// primary key; the ON DELETE action is read after the column list.
func TestForeignKeys(t *testing.T) {
	parent := state.QualName{Schema: "public", Name: "p"}
	tables := map[state.QualName]*state.Table{
		parent: {Schema: "public", Name: "p", Constraints: []state.Constraint{{Kind: state.ConstraintPrimaryKey, Columns: []string{"id"}}}},
	}
	child := &state.Table{Schema: "public", Name: "c", Constraints: []state.Constraint{
		{Name: "a", Kind: state.ConstraintForeignKey, Columns: []string{"x", "y"}, References: &parent,
			Definition: `FOREIGN KEY (x, y) REFERENCES public.p(tenant, "Odd, name") ON UPDATE CASCADE ON DELETE SET NULL`},
		{Name: "b", Kind: state.ConstraintForeignKey, Columns: []string{"z"}, References: &parent,
			Definition: `FOREIGN KEY (z) REFERENCES public.p ON DELETE CASCADE`},
		{Name: "c", Kind: state.ConstraintForeignKey, Columns: []string{"w"}, References: &parent,
			Definition: `FOREIGN KEY (w) REFERENCES public.p(id)`},
	}}
	fks := ForeignKeys(child, tables)
	if len(fks) != 3 {
		t.Fatalf("got %d foreign keys, want 3: %+v", len(fks), fks)
	}
	if !slices.Equal(fks[0].RefColumns, []string{"tenant", "Odd, name"}) || fks[0].OnDelete != "SET NULL" {
		t.Errorf("a: %+v", fks[0])
	}
	if !slices.Equal(fks[1].RefColumns, []string{"id"}) || fks[1].OnDelete != "CASCADE" {
		t.Errorf("b: %+v", fks[1])
	}
	if fks[2].OnDelete != "NO ACTION" {
		t.Errorf("c: %+v", fks[2])
	}
}
