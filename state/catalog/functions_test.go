package catalog

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

const routinesFixtureCommon = `
CREATE SCHEMA "Odd Schema";
CREATE TABLE t (a integer, s text);
CREATE VIEW v AS SELECT a FROM t;
CREATE FUNCTION f(a integer, b text DEFAULT 'x', OUT c numeric) LANGUAGE sql STABLE STRICT COST 0.5
	SET search_path = public, "Odd Schema" AS 'SELECT 1.0';
CREATE FUNCTION "Odd Schema"."Rows"(n integer) RETURNS TABLE(x integer, "Y" text) LANGUAGE sql ROWS 7 AS 'SELECT 1, null';
CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE FUNCTION ef() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN NULL; END$$;
CREATE TRIGGER tr BEFORE UPDATE OF a ON t FOR EACH ROW WHEN (NEW.s <> 'x') EXECUTE FUNCTION tf('arg');
ALTER TABLE t DISABLE TRIGGER tr;
CREATE TRIGGER vt INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION tf();
CREATE EVENT TRIGGER et ON ddl_command_start WHEN TAG IN ('create table') EXECUTE FUNCTION ef();
ALTER EVENT TRIGGER et ENABLE REPLICA;
COMMENT ON FUNCTION f(integer, text) IS 'eff';
COMMENT ON TRIGGER tr ON t IS 'tee arr';
COMMENT ON EVENT TRIGGER et IS 'ee tee';
-- A partitioned table's trigger is cloned onto its partitions; the clones
-- are the parent's, never objects of their own.
CREATE TABLE parted (a integer) PARTITION BY RANGE (a);
CREATE TABLE part1 PARTITION OF parted FOR VALUES FROM (0) TO (10);
CREATE TRIGGER parted_tr AFTER INSERT ON parted FOR EACH ROW EXECUTE FUNCTION tf();
-- Extension members never appear.
CREATE EXTENSION btree_gist;
`

// routinesFixture is the schema TestIntrospectRoutines reads on a server of
// the given major version: SQL-standard function bodies and procedures'
// OUT parameters are PostgreSQL 14+, so 13 gets a procedure with an INOUT
// parameter instead.
func routinesFixture(major int) string {
	if major < 14 {
		return routinesFixtureCommon + `
CREATE PROCEDURE pr(IN a integer, INOUT b integer) LANGUAGE plpgsql SECURITY DEFINER AS $$BEGIN b := a; END$$;
`
	}
	return routinesFixtureCommon + `
CREATE FUNCTION sb(p integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE LEAKPROOF RETURN p + 1;
CREATE PROCEDURE pr(IN a integer, OUT b integer) LANGUAGE plpgsql SECURITY DEFINER AS $$BEGIN b := a; END$$;
`
}

func TestIntrospectRoutines(t *testing.T) {
	t.Parallel()
	_, conn := newDatabase(t, routinesFixture(srv.Version()))
	s := introspect(t, conn)
	want := []state.Function{
		{
			Schema: "Odd Schema", Name: "Rows", IdentityArguments: "n integer", Arguments: "n integer",
			Result: `TABLE(x integer, "Y" text)`, Language: "sql", Body: "SELECT 1, null",
			Volatility: "volatile", Parallel: "unsafe", Cost: 100, Rows: 7,
		},
		{
			Schema: "public", Name: "ef", Result: "event_trigger", Language: "plpgsql", Body: "BEGIN NULL; END",
			Volatility: "volatile", Parallel: "unsafe", Cost: 100,
		},
		{
			Schema: "public", Name: "f", IdentityArguments: "a integer, b text, OUT c numeric",
			Arguments: "a integer, b text DEFAULT 'x'::text, OUT c numeric", Result: "numeric", Language: "sql",
			Body: "SELECT 1.0", Volatility: "stable", Strict: true, Parallel: "unsafe", Cost: 0.5,
			Config: []string{`search_path=public, "Odd Schema"`}, Comment: "eff",
		},
		{
			Schema: "public", Name: "pr", Procedure: true, IdentityArguments: "IN a integer, OUT b integer",
			Arguments: "IN a integer, OUT b integer", Language: "plpgsql", Body: "BEGIN b := a; END",
			Volatility: "volatile", SecurityDefiner: true, Parallel: "unsafe", Cost: 100,
		},
		{
			Schema: "public", Name: "sb", IdentityArguments: "p integer", Arguments: "p integer", Result: "integer",
			Language: "sql", Body: "RETURN (p + 1)", SQLBody: true, Volatility: "immutable", Leakproof: true,
			Parallel: "safe", Cost: 100,
		},
		{
			Schema: "public", Name: "tf", Result: "trigger", Language: "plpgsql", Body: "BEGIN RETURN NEW; END",
			Volatility: "volatile", Parallel: "unsafe", Cost: 100,
		},
	}
	if srv.Version() < 14 {
		// No sb, and pr has an INOUT parameter (see routinesFixture);
		// PostgreSQL 13 leaves a procedure's IN unspelled.
		want = slices.DeleteFunc(want, func(f state.Function) bool { return f.Name == "sb" })
		for i := range want {
			if want[i].Name == "pr" {
				want[i].IdentityArguments = "a integer, INOUT b integer"
				want[i].Arguments = "a integer, INOUT b integer"
			}
		}
	}
	ignore := cmpopts.IgnoreFields(state.Function{}, "Privileges")
	if diff := cmp.Diff(want, s.Functions, ignore); diff != "" {
		t.Errorf("functions (-want +got):\n%s", diff)
	}

	tbl, ok := s.Table(state.QualName{Schema: "public", Name: "t"})
	if !ok {
		t.Fatal("table t missing")
	}
	wantTr := []state.Trigger{{
		Name:       "tr",
		Definition: `CREATE TRIGGER tr BEFORE UPDATE OF a ON public.t FOR EACH ROW WHEN ((new.s <> 'x'::text)) EXECUTE FUNCTION public.tf('arg')`,
		Function:   state.QualName{Schema: "public", Name: "tf"}, Enabled: "disabled", Comment: "tee arr",
	}}
	if diff := cmp.Diff(wantTr, tbl.Triggers); diff != "" {
		t.Errorf("triggers of t (-want +got):\n%s", diff)
	}
	if p, ok := s.Table(state.QualName{Schema: "public", Name: "parted"}); ok && len(p.Triggers) != 1 {
		t.Errorf("parted has %d triggers, want 1", len(p.Triggers))
	}
	for _, tb := range s.Tables {
		if tb.Name == "part1" && len(tb.Triggers) > 0 {
			t.Errorf("the partition's cloned trigger was introspected: %+v", tb.Triggers)
		}
	}
	v, ok := s.View(state.QualName{Schema: "public", Name: "v"})
	if !ok || len(v.Triggers) != 1 || v.Triggers[0].Name != "vt" {
		t.Errorf("view triggers: %+v", v.Triggers)
	}
	wantEt := []state.EventTrigger{{
		Name: "et", Event: "ddl_command_start", Tags: []string{"CREATE TABLE"},
		Function: state.QualName{Schema: "public", Name: "ef"}, Enabled: "replica", Comment: "ee tee",
	}}
	if diff := cmp.Diff(wantEt, s.EventTriggers); diff != "" {
		t.Errorf("event triggers (-want +got):\n%s", diff)
	}

	// The printed definitions read back as the model the fixture's own
	// statements give, once the server's spellings are accounted for.
	res, err := parser.ParseString("dump.sql", sqlgen.Dump(s))
	if err != nil {
		t.Fatalf("reading the dump back: %v\n%s", err, sqlgen.Dump(s))
	}
	if len(res.Schema.Functions) != len(want) || len(res.Schema.EventTriggers) != 1 {
		t.Errorf("read back %d functions and %d event triggers", len(res.Schema.Functions), len(res.Schema.EventTriggers))
	}
}

func TestPrintTempRoutines(t *testing.T) {
	t.Parallel()
	_, conn := newDatabase(t, `CREATE TABLE t (a integer)`)
	ctx := testContext(t)
	out, err := PrintTempRoutines(ctx, conn, "public", []TempRoutine{
		{Name: "f", Statement: `CREATE FUNCTION pg_temp.f(a integer, b text DEFAULT 'x', c integer DEFAULT NULL) RETURNS SETOF t LANGUAGE sql AS 'SELECT * FROM t'`},
		{Name: "g", Statement: `CREATE FUNCTION pg_temp.g(p integer) RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM t WHERE a > p; END`},
		{Name: "h", Statement: `CREATE FUNCTION pg_temp.h() RETURNS missing_type LANGUAGE sql AS 'SELECT 1'`},
	})
	if err != nil {
		t.Fatal(err)
	}
	if out[0].Err != nil || out[0].Arguments != "a integer, b text DEFAULT 'x'::text, c integer DEFAULT NULL::integer" || out[0].Result != "SETOF public.t" {
		t.Errorf("f printed as %+v", out[0])
	}
	switch {
	case srv.Version() < 14:
		// SQL-standard bodies are PostgreSQL 14+: the server refuses g,
		// and its local text stands.
		if out[1].Err == nil {
			t.Errorf("g: want PostgreSQL %d to refuse BEGIN ATOMIC, got %+v", srv.Version(), out[1])
		}
	case out[1].Err != nil || out[1].SQLBody == nil:
		t.Errorf("g printed as %+v", out[1])
	}
	if out[2].Err == nil {
		t.Errorf("h: want an error for an unknown type")
	}
}

func TestPrintTempTriggers(t *testing.T) {
	t.Parallel()
	_, conn := newDatabase(t, `CREATE TABLE t (a integer, s text);
		CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'`)
	ctx := testContext(t)
	out, err := PrintTempTriggers(ctx, conn, "public", []TempTrigger{{
		Table: "public.t", TempTable: "renovate_trg_0", Name: "x",
		Statement: `CREATE TRIGGER x BEFORE UPDATE ON pg_temp.renovate_trg_0 FOR EACH ROW WHEN (NEW.s = 'y') EXECUTE FUNCTION tf()`,
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := `CREATE TRIGGER x BEFORE UPDATE ON public.t FOR EACH ROW WHEN ((new.s = 'y'::text)) EXECUTE FUNCTION public.tf()`
	if out[0].Err != nil || out[0].Definition != want {
		t.Errorf("got %q (%v), want %q", out[0].Definition, out[0].Err, want)
	}
}
