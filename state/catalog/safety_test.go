package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

func TestSafetyQueries(t *testing.T) {
	_, conn := newDatabase(t, `
CREATE TABLE public.full_t (id int PRIMARY KEY, v text);
INSERT INTO public.full_t SELECT g, repeat('x', 100) FROM generate_series(1, 5000) g;
ANALYZE public.full_t;
CREATE TABLE public.empty_t (id int);
CREATE TABLE "Odd ""Name""" (id int);
INSERT INTO "Odd ""Name""" VALUES (1);
CREATE DOMAIN public.posint AS integer CHECK (VALUE > 0);
CREATE FUNCTION public.my_volatile() RETURNS int LANGUAGE sql VOLATILE AS 'SELECT 1';
CREATE FUNCTION public.my_stable() RETURNS int LANGUAGE sql STABLE AS 'SELECT 1';`)
	ctx := testContext(t)
	full := state.QualName{Schema: "public", Name: "full_t"}
	empty := state.QualName{Schema: "public", Name: "empty_t"}
	odd := state.QualName{Schema: "public", Name: `Odd "Name"`}
	missing := state.QualName{Schema: "public", Name: "nope"}

	t.Run("sizes", func(t *testing.T) {
		sizes, err := RelationSizes(ctx, conn, []state.QualName{full, empty, missing})
		if err != nil {
			t.Fatal(err)
		}
		if len(sizes) != 2 {
			t.Fatalf("want 2 sizes, got %v", sizes)
		}
		f := sizes[full]
		if f.EstimatedRows != 5000 || f.Bytes < 500_000 || f.TotalBytes <= f.Bytes {
			t.Errorf("full_t size: %+v", f)
		}
		// Never analyzed: unknown on every server version.
		if e := sizes[empty]; e.Bytes != 0 || e.EstimatedRows != -1 {
			t.Errorf("empty_t size: %+v", e)
		}
	})

	t.Run("non-empty", func(t *testing.T) {
		got, err := NonEmptyTables(ctx, conn, []state.QualName{full, empty, odd})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[state.QualName]bool{full: true, odd: true}, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})

	t.Run("casts", func(t *testing.T) {
		pairs := [][2]string{
			{"text", "integer"},          // I/O conversion only: explicit
			{"integer", "boolean"},       // explicit cast only
			{"integer", "bigint"},        // implicit
			{"bigint", "integer"},        // assignment
			{"integer", "text"},          // to a string type: assignment
			{"integer", "public.posint"}, // a domain over the same base
			{"text", "public.nosuch"},    // unknown type: left out
		}
		got, err := NoAssignmentCasts(ctx, conn, pairs)
		if err != nil {
			t.Fatal(err)
		}
		want := map[[2]string]bool{{"text", "integer"}: true, {"integer", "boolean"}: true}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})

	t.Run("volatile", func(t *testing.T) {
		got, err := VolatileFunctionNames(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		for name, want := range map[string]bool{"my_volatile": true, "random": true, "clock_timestamp": true, "my_stable": false, "now": false} {
			if got[name] != want {
				t.Errorf("%s volatile = %v, want %v", name, got[name], want)
			}
		}
	})

	t.Run("invalid indexes", func(t *testing.T) {
		if _, err := conn.Exec(ctx, `INSERT INTO public.full_t VALUES (5001, 'dup'), (5002, 'dup')`); err != nil {
			t.Fatal(err)
		}
		// A unique build that fails leaves the index INVALID.
		if _, err := conn.Exec(ctx, `CREATE UNIQUE INDEX CONCURRENTLY full_t_v_key ON public.full_t (v)`); err == nil {
			t.Fatal("the unique build succeeded on duplicates")
		}
		got, err := InvalidIndexes(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		want := []state.ObjectKey{{Kind: state.KindIndex, Schema: "public", Table: "full_t", Name: "full_t_v_key"}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}
