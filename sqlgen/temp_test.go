package sqlgen

import (
	"testing"

	"github.com/renovate-pg/renovate/state"
)

func TestCreateTempTable(t *testing.T) {
	tbl := state.Table{Schema: "app", Name: "Users", Unlogged: true, Columns: []state.Column{{Name: "id", Type: "integer", Default: "1"}}}
	want := "CREATE TEMP TABLE \"Users\" (\n    id integer DEFAULT 1\n);\n"
	if got := CreateTempTable(tbl, nil); got != want {
		t.Errorf("CreateTempTable = %q, want %q", got, want)
	}
	child := state.Table{Name: "c", PartitionOf: &state.QualName{Schema: "pg_temp", Name: "p"}, PartitionBound: "FOR VALUES IN (1)"}
	if got, want := CreateTempTable(child, nil), "CREATE TEMP TABLE c PARTITION OF pg_temp.p FOR VALUES IN (1);\n"; got != want {
		t.Errorf("CreateTempTable(partition) = %q, want %q", got, want)
	}
	// The real table is untouched by the temporary form.
	if got := CreateTable(tbl, nil); got[:len("CREATE UNLOGGED TABLE app.\"Users\"")] != "CREATE UNLOGGED TABLE app.\"Users\"" {
		t.Errorf("CreateTable = %q", got)
	}
}

func TestIndexDefinitionOn(t *testing.T) {
	tbl := state.QualName{Schema: "app", Name: "t"}
	temp := state.QualName{Schema: "pg_temp", Name: "t"}
	for _, tc := range []struct {
		ix   state.Index
		want string
		ok   bool
	}{
		{state.Index{Name: "i", Definition: "CREATE INDEX i ON app.t USING btree (a) WHERE (b ~~ ' ON app.t '::text)"},
			"CREATE INDEX i ON pg_temp.t USING btree (a) WHERE (b ~~ ' ON app.t '::text)", true},
		{state.Index{Name: "U", Unique: true, Definition: `CREATE UNIQUE INDEX "U" ON app.t USING btree (a)`},
			`CREATE UNIQUE INDEX "U" ON pg_temp.t USING btree (a)`, true},
		// ON ONLY a partitioned table has no temporary form.
		{state.Index{Name: "i", Definition: "CREATE INDEX i ON ONLY app.t USING btree (a)"}, "", false},
		{state.Index{Name: "i", Definition: "CREATE INDEX i ON app.other USING btree (a)"}, "", false},
	} {
		got, ok := IndexDefinitionOn(tc.ix, tbl, temp)
		if got != tc.want || ok != tc.ok {
			t.Errorf("IndexDefinitionOn(%q) = %q, %v; want %q, %v", tc.ix.Definition, got, ok, tc.want, tc.ok)
		}
	}
}

func TestTriggerDefinitionOn(t *testing.T) {
	tbl := state.QualName{Schema: "app", Name: "t"}
	temp := state.QualName{Schema: "pg_temp", Name: "renovate_trg_0"}
	for _, tc := range []struct {
		tr   state.Trigger
		want string
		ok   bool
	}{
		{state.Trigger{Name: "x", Definition: "CREATE TRIGGER x BEFORE UPDATE OF a ON app.t FOR EACH ROW WHEN ((new.a <> ' ON app.t '::text)) EXECUTE FUNCTION app.f()"},
			"CREATE TRIGGER x BEFORE UPDATE OF a ON pg_temp.renovate_trg_0 FOR EACH ROW WHEN ((new.a <> ' ON app.t '::text)) EXECUTE FUNCTION app.f()", true},
		{state.Trigger{Name: "c", Definition: "CREATE CONSTRAINT TRIGGER c AFTER INSERT ON app.t NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW WHEN ((new.a > 0)) EXECUTE FUNCTION app.f()"},
			"CREATE CONSTRAINT TRIGGER c AFTER INSERT ON pg_temp.renovate_trg_0 NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW WHEN ((new.a > 0)) EXECUTE FUNCTION app.f()", true},
		{state.Trigger{Name: "x", Definition: "CREATE TRIGGER x BEFORE UPDATE ON app.other FOR EACH ROW EXECUTE FUNCTION app.f()"}, "", false},
	} {
		got, ok := TriggerDefinitionOn(tc.tr, tbl, temp)
		if got != tc.want || ok != tc.ok {
			t.Errorf("TriggerDefinitionOn(%q) = %q, %v; want %q, %v", tc.tr.Definition, got, ok, tc.want, tc.ok)
		}
	}
}
