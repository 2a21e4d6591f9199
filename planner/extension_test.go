package planner

import (
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

// TestExtensionMove: a relocatable extension moves with ALTER EXTENSION
// ... SET SCHEMA; one that is not (named by Options.FixedExtensions, or
// one of the core ones when no database was asked) is dropped and created
// again, with a deletes_data hazard on the drop.
func TestExtensionMove(t *testing.T) {
	from := state.DatabaseSchema{Extensions: []state.Extension{{Name: "xml2", Schema: "public"}, {Name: "citext", Schema: "public"}}}
	to := state.DatabaseSchema{Extensions: []state.Extension{{Name: "xml2", Schema: "other"}, {Name: "citext", Schema: "other"}}}
	for _, tc := range []struct {
		name  string
		fixed map[string]bool
		want  []string
	}{
		{"builtin list", nil, []string{"DROP EXTENSION xml2;", "ALTER EXTENSION citext SET SCHEMA other;", "CREATE EXTENSION xml2 WITH SCHEMA other;"}},
		{"from the database", map[string]bool{"citext": true}, []string{"DROP EXTENSION citext;", "CREATE EXTENSION citext WITH SCHEMA other;", "ALTER EXTENSION xml2 SET SCHEMA other;"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := DiffWithOptions(from, to, Options{FixedExtensions: tc.fixed})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range p.Steps {
				got = append(got, strings.TrimSpace(s.SQL))
				if strings.HasPrefix(s.SQL, "DROP EXTENSION") && !s.HasHazard(HazardDeletesData) {
					t.Errorf("%q has no deletes_data hazard", s.SQL)
				}
			}
			for _, w := range tc.want {
				found := false
				for _, g := range got {
					found = found || g == w
				}
				if !found {
					t.Errorf("plan lacks %q:\n%s", w, strings.Join(got, "\n"))
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("plan has %d steps, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			drop, create := -1, -1
			for i, g := range got {
				if strings.HasPrefix(g, "DROP EXTENSION") {
					drop = i
				}
				if strings.HasPrefix(g, "CREATE EXTENSION") {
					create = i
				}
			}
			if drop < 0 || create < 0 || drop > create {
				t.Errorf("the drop must come before the create:\n%s", strings.Join(got, "\n"))
			}
		})
	}
}
