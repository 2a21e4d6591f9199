package planner_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/planner"
)

// TestTableAccessMethodRecreateRefused: a table access method has no
// ALTER, and a table stored with it would have to go (with its rows)
// before it could be dropped and created again. The plan refuses that,
// naming the table; moving the table to another method in the same plan
// is fine.
func TestTableAccessMethodRecreateRefused(t *testing.T) {
	from := parseSchema(t, `CREATE FUNCTION public.h(internal) RETURNS table_am_handler LANGUAGE internal AS 'heap_tableam_handler';
CREATE ACCESS METHOD tam TYPE TABLE HANDLER heap_tableam_handler;
CREATE TABLE public.t (a integer) USING tam;
`)
	to := parseSchema(t, `CREATE FUNCTION public.h(internal) RETURNS table_am_handler LANGUAGE internal AS 'heap_tableam_handler';
CREATE ACCESS METHOD tam TYPE TABLE HANDLER public.h;
CREATE TABLE public.t (a integer) USING tam;
`)
	_, err := planner.Diff(from.Schema, to.Schema)
	var uce *planner.UnsupportedChangeError
	if !errors.As(err, &uce) {
		t.Fatalf("want an UnsupportedChangeError, got %v", err)
	}
	for _, want := range []string{"table public.t", "access method tam", "rows"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}

	// The table moves back to heap: the method is recreated after.
	moved := parseSchema(t, `CREATE FUNCTION public.h(internal) RETURNS table_am_handler LANGUAGE internal AS 'heap_tableam_handler';
CREATE ACCESS METHOD tam TYPE TABLE HANDLER public.h;
CREATE TABLE public.t (a integer);
`)
	p, err := planner.Diff(from.Schema, moved.Schema)
	if err != nil {
		t.Fatal(err)
	}
	set := stepFor(t, p, "ALTER TABLE public.t SET ACCESS METHOD heap;")
	drop := stepFor(t, p, "DROP ACCESS METHOD tam;")
	create := stepFor(t, p, "CREATE ACCESS METHOD tam TYPE TABLE HANDLER public.h;")
	if !(set.ID < drop.ID && drop.ID < create.ID) {
		t.Errorf("want SET ACCESS METHOD (%d) before DROP (%d) before CREATE (%d)", set.ID, drop.ID, create.ID)
	}
}
