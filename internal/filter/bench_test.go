package filter

import (
	"fmt"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

// BenchmarkApply filters a 5,000-table schema with a few patterns.
func BenchmarkApply(b *testing.B) {
	var s state.DatabaseSchema
	s.Schemas = []state.Schema{{Name: "archive"}, {Name: "public"}}
	for i := 0; i < 5000; i++ {
		schema := "public"
		if i%10 == 0 {
			schema = "archive"
		}
		s.Tables = append(s.Tables, state.Table{Schema: schema, Name: fmt.Sprintf("t%d", i), Indexes: []state.Index{{Name: fmt.Sprintf("t%d_tmp", i)}}})
	}
	f, err := New(nil, []string{"public.audit_*", "schema:archive", "kind:index:*_tmp"})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		if got := f.Apply(s); len(got.Tables) != 4500 {
			b.Fatalf("kept %d tables", len(got.Tables))
		}
	}
}
