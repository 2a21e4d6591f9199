package planner

import (
	"fmt"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

// chainSchema is n tables, each with a foreign key to the one before and
// an index: a plan from an empty database creates all of them.
func chainSchema(n int) state.DatabaseSchema {
	s := state.DatabaseSchema{Schemas: []state.Schema{{Name: "public"}}}
	for i := 0; i < n; i++ {
		t := state.Table{Schema: "public", Name: fmt.Sprintf("t%05d", i),
			Columns:     []state.Column{{Name: "id", Type: "integer", NotNull: true}, {Name: "prev", Type: "integer"}},
			Constraints: []state.Constraint{{Name: fmt.Sprintf("t%05d_pkey", i), Kind: state.ConstraintPrimaryKey, Definition: "PRIMARY KEY (id)", Columns: []string{"id"}}},
			Indexes:     []state.Index{{Name: fmt.Sprintf("t%05d_prev_idx", i), Definition: fmt.Sprintf("CREATE INDEX t%05d_prev_idx ON public.t%05d USING btree (prev)", i, i)}},
		}
		if i > 0 {
			ref := state.QualName{Schema: "public", Name: fmt.Sprintf("t%05d", i-1)}
			t.Constraints = append(t.Constraints, state.Constraint{Name: fmt.Sprintf("t%05d_prev_fkey", i), Kind: state.ConstraintForeignKey,
				Definition: fmt.Sprintf("FOREIGN KEY (prev) REFERENCES public.t%05d(id)", i-1), Columns: []string{"prev"}, References: &ref})
		}
		s.Tables = append(s.Tables, t)
	}
	s.Normalize()
	return s
}

// BenchmarkDependencies measures computing DependsOn for the steps of a
// 5,000-table plan (creating every table, and dropping every table).
func BenchmarkDependencies(b *testing.B) {
	empty := state.DatabaseSchema{Schemas: []state.Schema{{Name: "public"}}}
	big := chainSchema(5000)
	for _, c := range []struct {
		name     string
		from, to state.DatabaseSchema
	}{{"create", empty, big}, {"drop", big, empty}} {
		b.Run(c.name, func(b *testing.B) {
			p, err := Diff(c.from, c.to)
			if err != nil {
				b.Fatal(err)
			}
			d := &differ{from: c.from, to: c.to, steps: p.Steps}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				d.dependencies()
			}
			b.ReportMetric(float64(len(p.Steps)), "steps")
		})
	}
}
