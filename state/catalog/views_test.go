package catalog

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/state"
)

const viewsFixture = `
CREATE SCHEMA "Odd Schema";
CREATE TABLE t (id integer PRIMARY KEY, name text COLLATE "C", n numeric(10,2));
CREATE VIEW v WITH (security_barrier) AS SELECT id, name, n * 2 AS twice FROM t WITH LOCAL CHECK OPTION;
CREATE VIEW "Odd Schema"."V 2" AS SELECT v.id FROM v WHERE v.twice > 1;
CREATE MATERIALIZED VIEW mv WITH (fillfactor = 70) AS SELECT name, count(*) AS c FROM t GROUP BY name;
CREATE VIEW counted AS SELECT count(*) AS n FROM t;
CREATE VIEW grouped AS SELECT id, name FROM t GROUP BY id;
CREATE UNIQUE INDEX mv_name ON mv (name);
COMMENT ON VIEW v IS 'a view';
COMMENT ON COLUMN v.twice IS 'doubled';
COMMENT ON MATERIALIZED VIEW mv IS 'a matview';
COMMENT ON INDEX mv_name IS 'by name';
-- pg_buffercache's view belongs to the extension: never part of the model.
CREATE EXTENSION pg_buffercache;
`

func TestIntrospectViews(t *testing.T) {
	t.Parallel()
	_, conn := newDatabase(t, viewsFixture)
	s := introspect(t, conn)
	for i := range s.Views {
		// pg_get_viewdef's layout is the server's; its canonical form is
		// what must hold.
		canon, err := parser.CanonicalQuery(s.Views[i].Definition)
		if err != nil {
			t.Fatalf("%s: %v\n%s", s.Views[i].QualName(), err, s.Views[i].Definition)
		}
		s.Views[i].Definition = canon
	}
	tcol := func(c string) state.ObjectKey {
		return state.ObjectKey{Kind: state.KindColumn, Schema: "public", Table: "t", Name: c}
	}
	want := []state.View{
		{
			Schema: "Odd Schema", Name: "V 2",
			Definition: "SELECT v.id FROM public.v WHERE v.twice > 1::numeric",
			Columns:    []state.ViewColumn{{Name: "id", Type: "integer"}},
			// A relation shows up only when none of its columns do:
			// PostgreSQL drops the redundant whole-relation dependency.
			ReadsFromCatalog: []state.ObjectKey{{Kind: state.KindColumn, Schema: "public", Table: "v", Name: "id"}, {Kind: state.KindColumn, Schema: "public", Table: "v", Name: "twice"}},
		},
		{
			Schema: "public", Name: "counted",
			Definition:       "SELECT count(*) AS n FROM public.t",
			Columns:          []state.ViewColumn{{Name: "n", Type: "bigint"}},
			ReadsFromCatalog: []state.ObjectKey{{Kind: state.KindTable, Schema: "public", Name: "t"}},
		},
		{
			Schema: "public", Name: "grouped",
			Definition: "SELECT t.id, t.name FROM public.t GROUP BY t.id",
			Columns:    []state.ViewColumn{{Name: "id", Type: "integer"}, {Name: "name", Type: `text COLLATE "C"`}},
			// name may be left out of GROUP BY because of the primary key.
			ReadsFromCatalog: []state.ObjectKey{tcol("id"), tcol("name"), {Kind: state.KindConstraint, Schema: "public", Table: "t", Name: "t_pkey"}},
		},
		{
			Schema: "public", Name: "mv", Materialized: true,
			Definition: "SELECT t.name, count(*) AS c FROM public.t GROUP BY t.name",
			Columns:    []state.ViewColumn{{Name: "name", Type: `text COLLATE "C"`}, {Name: "c", Type: "bigint"}},
			Options:    []string{"fillfactor=70"},
			Indexes: []state.Index{{
				Name: "mv_name", Unique: true, Comment: "by name",
				Definition: "CREATE UNIQUE INDEX mv_name ON public.mv USING btree (name)",
			}},
			Comment:          "a matview",
			ReadsFromCatalog: []state.ObjectKey{tcol("name")},
		},
		{
			Schema: "public", Name: "v",
			Definition:       "SELECT t.id, t.name, t.n * 2::numeric AS twice FROM public.t",
			Columns:          []state.ViewColumn{{Name: "id", Type: "integer"}, {Name: "name", Type: `text COLLATE "C"`}, {Name: "twice", Type: "numeric"}},
			Options:          []string{"check_option=local", "security_barrier=true"},
			Comment:          "a view",
			ColumnComments:   map[string]string{"twice": "doubled"},
			ReadsFromCatalog: []state.ObjectKey{tcol("id"), tcol("n"), tcol("name")},
		},
	}
	if srv.Version() >= 16 {
		// PostgreSQL 16 stopped qualifying columns in queries over one
		// relation.
		for i := range want {
			for _, q := range []string{"t.", "v."} {
				want[i].Definition = strings.ReplaceAll(want[i].Definition, " "+q, " ")
				want[i].Definition = strings.ReplaceAll(want[i].Definition, "("+q, "(")
			}
		}
	}
	if diff := cmp.Diff(want, s.Views); diff != "" {
		t.Errorf("views (-want +got):\n%s", diff)
	}
}

func TestPrintTempViews(t *testing.T) {
	t.Parallel()
	_, conn := newDatabase(t, viewsFixture)
	ctx := testContext(t)
	remote := introspect(t, conn)
	got, err := PrintTempViews(ctx, conn, "public", []TempView{
		{Name: "v", Query: "SELECT id, name, n * 2 AS twice FROM t"},
		{Name: "broken", Query: "SELECT missing FROM t"},
		// One statement only: nothing can end the rolled-back transaction.
		{Name: "sneaky", Query: "SELECT 1; COMMIT; DROP TABLE t"},
		{Name: "V 2", Query: "SELECT id FROM v WHERE twice > 1"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || got[1].Err == nil || got[2].Err == nil {
		t.Fatalf("want the second and third views refused, got %+v", got)
	}
	got = append(got[:1], got[3])
	var tables int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM pg_class WHERE oid = 'public.t'::regclass").Scan(&tables); err != nil || tables != 1 {
		t.Fatalf("table t is gone: %v", err)
	}
	for _, i := range []int{0, 1} {
		if got[i].Err != nil {
			t.Fatalf("%s: %v", got[i].Name, got[i].Err)
		}
	}
	byName := map[string]state.View{}
	for _, v := range remote.Views {
		byName[v.Name] = v
	}
	for _, i := range []int{0, 1} {
		r := byName[got[i].Name]
		if got[i].Definition != r.Definition {
			t.Errorf("%s: printed\n%s\nremote\n%s", got[i].Name, got[i].Definition, r.Definition)
		}
		if diff := cmp.Diff(r.Columns, got[i].Columns); diff != "" {
			t.Errorf("%s columns (-remote +printed):\n%s", got[i].Name, diff)
		}
	}
	// Nothing was left behind.
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM pg_class WHERE relpersistence = 't'").Scan(&n); err != nil || n != 0 {
		t.Errorf("temporary relations left: %d (%v)", n, err)
	}
}
