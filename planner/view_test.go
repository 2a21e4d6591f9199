package planner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

// viewSchema builds a normalized schema with the public schema, the
// tables and the views.
func viewSchema(tables []state.Table, views ...state.View) state.DatabaseSchema {
	s := state.DatabaseSchema{Schemas: []state.Schema{{Name: "public"}}, Tables: tables, Views: views}
	s.Normalize()
	return s
}

func pubView(name, def string, deps ...string) state.View {
	v := state.View{Schema: "public", Name: name, Definition: def}
	for _, d := range deps {
		kind := state.KindTable
		if strings.HasPrefix(d, "v:") {
			kind, d = state.KindView, d[2:]
		}
		v.DependsOn = append(v.DependsOn, state.ObjectKey{Kind: kind, Schema: "public", Name: d})
	}
	return v
}

func cols(nameTypes ...string) []state.ViewColumn {
	var out []state.ViewColumn
	for i := 0; i+1 < len(nameTypes); i += 2 {
		out = append(out, state.ViewColumn{Name: nameTypes[i], Type: nameTypes[i+1]})
	}
	return out
}

func planSQLs(t *testing.T, from, to state.DatabaseSchema) []string {
	t.Helper()
	p, err := Diff(from, to)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range p.Steps {
		out = append(out, strings.TrimSpace(strings.SplitN(s.SQL, "\n", 2)[0]))
	}
	return out
}

func TestViewReplaceOrRebuild(t *testing.T) {
	table := []state.Table{{Schema: "public", Name: "t", Columns: []state.Column{{Name: "a", Type: "integer"}, {Name: "b", Type: "text"}}}}
	old := pubView("v", "SELECT a FROM public.t", "t")
	old.Columns = cols("a", "integer")
	dependent := pubView("w", "SELECT a FROM public.v", "v:v")
	dependent.Columns = cols("a", "integer")

	tests := []struct {
		name string
		nw   state.View
		want []string
	}{
		{
			name: "appended column: replace in place, dependent kept",
			nw: func() state.View {
				v := pubView("v", "SELECT a, b FROM public.t", "t")
				v.Columns = cols("a", "integer", "b", "text")
				return v
			}(),
			want: []string{"CREATE OR REPLACE VIEW public.v AS"},
		},
		{
			name: "column type changes: rebuild with the dependent",
			nw: func() state.View {
				v := pubView("v", "SELECT a::bigint AS a FROM public.t", "t")
				v.Columns = cols("a", "bigint")
				return v
			}(),
			want: []string{"DROP VIEW public.w;", "DROP VIEW public.v;", "CREATE VIEW public.v AS", "CREATE VIEW public.w AS"},
		},
		{
			name: "unknown new columns: rebuild",
			nw:   pubView("v", "SELECT a, b FROM public.t", "t"),
			want: []string{"DROP VIEW public.w;", "DROP VIEW public.v;", "CREATE VIEW public.v AS", "CREATE VIEW public.w AS"},
		},
		{
			name: "options only",
			nw: func() state.View {
				v := pubView("v", "SELECT a FROM public.t", "t")
				v.Options = []string{"security_barrier=true"}
				return v
			}(),
			want: []string{"ALTER VIEW public.v SET (security_barrier='true');"},
		},
		{
			name: "becomes materialized: rebuild",
			nw: func() state.View {
				v := pubView("v", "SELECT a FROM public.t", "t")
				v.Materialized = true
				return v
			}(),
			want: []string{"DROP VIEW public.w;", "DROP VIEW public.v;", "CREATE MATERIALIZED VIEW public.v AS", "CREATE VIEW public.w AS"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nwDep := dependent
			if tt.nw.Materialized {
				nwDep.DependsOn = []state.ObjectKey{{Kind: state.KindMaterializedView, Schema: "public", Name: "v"}}
			}
			got := planSQLs(t, viewSchema(table, old, dependent), viewSchema(table, tt.nw, nwDep))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("steps (-want +got):\n%s", diff)
			}
		})
	}
}

func TestViewsAroundColumnChanges(t *testing.T) {
	oldT := state.Table{Schema: "public", Name: "t", Columns: []state.Column{{Name: "a", Type: "integer"}, {Name: "b", Type: "text"}, {Name: "c", Type: "text"}}}
	newT := state.Table{Schema: "public", Name: "t", Columns: []state.Column{{Name: "a", Type: "bigint"}, {Name: "b", Type: "text"}}}
	readsA := pubView("reads_a", "SELECT a FROM public.t", "t")
	readsA.ReadsFromCatalog = []state.ObjectKey{{Kind: state.KindColumn, Schema: "public", Table: "t", Name: "a"}, {Kind: state.KindTable, Schema: "public", Name: "t"}}
	readsB := pubView("reads_b", "SELECT b FROM public.t", "t")
	readsB.ReadsFromCatalog = []state.ObjectKey{{Kind: state.KindColumn, Schema: "public", Table: "t", Name: "b"}, {Kind: state.KindTable, Schema: "public", Name: "t"}}
	readsC := pubView("reads_c", "SELECT c FROM public.t", "t")
	readsC.ReadsFromCatalog = []state.ObjectKey{{Kind: state.KindColumn, Schema: "public", Table: "t", Name: "c"}, {Kind: state.KindTable, Schema: "public", Name: "t"}}
	// Without catalog facts every changed column of t counts.
	unknown := pubView("unknown", "SELECT b FROM public.t", "t")
	onTop := pubView("on_top", "SELECT a FROM public.reads_a", "v:reads_a")

	from := viewSchema([]state.Table{oldT}, readsA, readsB, readsC, unknown, onTop)
	newC := readsC
	newC.Definition = "SELECT b AS c FROM public.t"
	to := viewSchema([]state.Table{newT}, readsA, readsB, newC, unknown, onTop)
	got := planSQLs(t, from, to)
	want := []string{
		"DROP VIEW public.unknown;",
		"DROP VIEW public.reads_c;",
		"DROP VIEW public.on_top;",
		"DROP VIEW public.reads_a;",
		"ALTER TABLE public.t DROP COLUMN c;",
		"ALTER TABLE public.t ALTER COLUMN a TYPE bigint USING a::bigint;",
		"CREATE VIEW public.reads_a AS",
		"CREATE VIEW public.on_top AS",
		"CREATE VIEW public.reads_c AS",
		"CREATE VIEW public.unknown AS",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("steps (-want +got):\n%s", diff)
	}
}

func TestViewDroppedWithTable(t *testing.T) {
	tbl := state.Table{Schema: "public", Name: "t", Columns: []state.Column{{Name: "a", Type: "integer"}}}
	base := pubView("base", "SELECT a FROM public.t", "t")
	top := pubView("top", "SELECT a FROM public.base", "v:base")
	mv := pubView("mv", "SELECT a FROM public.top", "v:top")
	mv.Materialized = true
	mv.Indexes = []state.Index{{Name: "mv_a_idx", Definition: "CREATE INDEX mv_a_idx ON public.mv USING btree (a)"}}
	got := planSQLs(t, viewSchema([]state.Table{tbl}, base, top, mv), viewSchema(nil))
	want := []string{
		"DROP MATERIALIZED VIEW public.mv;",
		"DROP VIEW public.top;",
		"DROP VIEW public.base;",
		"DROP TABLE public.t;",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("steps (-want +got):\n%s", diff)
	}
}

func TestViewRenamed(t *testing.T) {
	tbl := []state.Table{{Schema: "public", Name: "t", Columns: []state.Column{{Name: "a", Type: "integer"}}}}
	old := pubView("old_name", "SELECT a FROM public.t", "t")
	nw := pubView("new_name", "SELECT a FROM public.t", "t")
	nw.RenamedFrom = "old_name"
	nw.Comment = "renamed"
	got := planSQLs(t, viewSchema(tbl, old), viewSchema(tbl, nw))
	want := []string{
		"ALTER VIEW public.old_name RENAME TO new_name;",
		"COMMENT ON VIEW public.new_name IS 'renamed';",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("steps (-want +got):\n%s", diff)
	}
}

func TestViewCycle(t *testing.T) {
	a := pubView("a", "SELECT 1 FROM public.b", "v:b")
	b := pubView("b", "SELECT 1 FROM public.a", "v:a")
	if _, err := Diff(viewSchema(nil), viewSchema(nil, a, b)); err == nil || !strings.Contains(err.Error(), "dependency cycle") {
		t.Errorf("got %v, want a dependency cycle", err)
	}
}

func TestOptionChanges(t *testing.T) {
	set, reset := viewOptionChanges([]string{"check_option=local", "security_barrier=true"}, []string{"check_option=cascaded", "security_invoker=true"})
	if diff := cmp.Diff([]string{"check_option=cascaded", "security_invoker=true"}, set); diff != "" {
		t.Errorf("set (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"security_barrier"}, reset); diff != "" {
		t.Errorf("reset (-want +got):\n%s", diff)
	}
}
