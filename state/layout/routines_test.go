package layout

import (
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

func TestRoutineFiles(t *testing.T) {
	s := state.DatabaseSchema{
		Schemas: []state.Schema{{Name: "public"}},
		Tables: []state.Table{{Schema: "public", Name: "My.Table", Triggers: []state.Trigger{{
			Name: "trg.x", Definition: `CREATE TRIGGER "trg.x" AFTER INSERT ON public."My.Table" FOR EACH STATEMENT EXECUTE FUNCTION public.f()`,
			Enabled: "disabled",
		}}}},
		Functions: []state.Function{
			{Schema: "public", Name: "f", IdentityArguments: "", Arguments: "", Result: "trigger", Language: "plpgsql", Body: "begin end"},
			{Schema: "public", Name: "g", IdentityArguments: "a integer", Arguments: "a integer", Result: "integer", Language: "sql", Body: "select a"},
			{Schema: "public", Name: "g", IdentityArguments: "a text", Arguments: "a text", Result: "integer", Language: "sql", Body: "select 1"},
			{Schema: "public", Name: "g", Procedure: true, IdentityArguments: "", Arguments: "", Language: "sql", Body: "select 1"},
		},
		EventTriggers: []state.EventTrigger{{Name: "e", Event: "sql_drop", Function: state.QualName{Schema: "public", Name: "f"}}},
	}
	files := Files(s)
	for _, p := range []string{
		"public/functions/f.sql", "public/functions/g.sql", "public/procedures/g.sql",
		"public/triggers/%4Dy%2E%54able.trg%2Ex.sql", "event_triggers.sql",
	} {
		if _, ok := files[p]; !ok {
			t.Errorf("missing %s (have %v)", p, routineFileKeys(files))
		}
		if !isLayoutPath(p) {
			t.Errorf("%s is not recognized as a layout path", p)
		}
	}
	if g := files["public/functions/g.sql"]; strings.Count(g, "CREATE OR REPLACE FUNCTION") != 2 {
		t.Errorf("both overloads of g belong in one file:\n%s", g)
	}
	if tr := files["public/triggers/%4Dy%2E%54able.trg%2Ex.sql"]; !strings.Contains(tr, `DISABLE TRIGGER "trg.x"`) {
		t.Errorf("trigger file lacks its state:\n%s", tr)
	}
	for _, p := range []string{"public/triggers/t.sql", "public/functions/x.txt"} {
		if isLayoutPath(p) {
			t.Errorf("%s should not be a layout path", p)
		}
	}
}

func routineFileKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
