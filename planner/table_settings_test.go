package planner

import (
	"reflect"
	"testing"
)

func TestStorageOptionChanges(t *testing.T) {
	tests := []struct {
		name       string
		old, nw    []string
		reset, set []string
	}{
		{name: "same order", old: []string{"a=1", "b=2"}, nw: []string{"a=1", "b=2"}},
		{name: "order alone is no change", old: []string{"a=1", "b=2"}, nw: []string{"b=2", "a=1"}},
		{name: "appended", old: []string{"a=1"}, nw: []string{"a=1", "b=2"}, set: []string{"b=2"}},
		{name: "new one first sets the rest again", old: []string{"a=1", "b=2"}, nw: []string{"c=3", "a=1", "b=2"},
			set: []string{"c=3", "a=1", "b=2"}},
		{name: "changed in the middle", old: []string{"a=1", "b=2", "c=3"}, nw: []string{"a=1", "b=5", "c=3"},
			set: []string{"b=5", "c=3"}},
		{name: "removed", old: []string{"a=1", "b=2", "c=3"}, nw: []string{"a=1", "c=3"}, reset: []string{"b"}},
		{name: "toast options are kept apart", old: []string{"a=1", "toast.a=1"}, nw: []string{"b=2", "a=1", "toast.a=1", "toast.b=2"},
			set: []string{"b=2", "a=1", "toast.b=2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reset, set := optionChanges(tc.old, tc.nw)
			if !reflect.DeepEqual(reset, tc.reset) || !reflect.DeepEqual(set, tc.set) {
				t.Errorf("optionChanges(%q, %q) = reset %q, set %q; want reset %q, set %q", tc.old, tc.nw, reset, set, tc.reset, tc.set)
			}
		})
	}
}

// TestSettingsOrderNoChange checks that storage parameters and attribute
// options written in another order than the server keeps them plan
// nothing: the order means nothing to PostgreSQL.
func TestSettingsOrderNoChange(t *testing.T) {
	from := `CREATE TABLE t (a int, b numeric) WITH (fillfactor = 70, autovacuum_enabled = false);
ALTER TABLE t ALTER COLUMN b SET (n_distinct = 5, n_distinct_inherited = 3);`
	to := `CREATE TABLE t (a int, b numeric) WITH (autovacuum_enabled = false, fillfactor = 70);
ALTER TABLE t ALTER COLUMN b SET (n_distinct_inherited = 3, n_distinct = 5);`
	if p := diffSQL(t, from, to); len(p.Steps) != 0 {
		t.Errorf("a new order alone planned steps:\n%q", stepSQL(p))
	}
}

// TestClusterOnPlans checks the steps of the cluster mark: moved, removed
// and set again on an index that is recreated.
func TestClusterOnPlans(t *testing.T) {
	from := `CREATE TABLE t (a int, b int);
CREATE INDEX t_a ON t (a);
CREATE INDEX t_b ON t (b);
ALTER TABLE t CLUSTER ON t_a;
CREATE TABLE u (a int);
CREATE INDEX u_a ON u (a);
ALTER TABLE u CLUSTER ON u_a;
CREATE TABLE w (a int);
CREATE INDEX w_a ON w (a);
ALTER TABLE w CLUSTER ON w_a;`
	to := `CREATE TABLE t (a int, b int);
CREATE INDEX t_a ON t (a);
CREATE INDEX t_b ON t (b);
ALTER TABLE t CLUSTER ON t_b;
CREATE TABLE u (a int);
CREATE INDEX u_a ON u (a);
CREATE TABLE w (a int);
CREATE INDEX w_a ON w (a DESC);
ALTER TABLE w CLUSTER ON w_a;`
	got := stepSQL(diffSQL(t, from, to))
	want := []string{
		"DROP INDEX public.w_a;",
		"CREATE INDEX w_a ON public.w USING btree (a DESC);",
		"ALTER TABLE public.t CLUSTER ON t_b;",
		"ALTER TABLE public.u SET WITHOUT CLUSTER;",
		"ALTER TABLE public.w CLUSTER ON w_a;",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("steps:\n%q\nwant:\n%q", got, want)
	}
}
