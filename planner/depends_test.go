package planner_test

import (
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
)

func parseSchema(t *testing.T, sql string) *parser.Result {
	t.Helper()
	res, err := parser.ParseFiles([]parser.File{{Path: "schema.sql", SQL: sql}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// stepFor returns the first step whose SQL starts with prefix.
func stepFor(t *testing.T, p *planner.Plan, prefix string) planner.Step {
	t.Helper()
	for _, s := range p.Steps {
		if strings.HasPrefix(s.SQL, prefix) {
			return s
		}
	}
	var all []string
	for _, s := range p.Steps {
		all = append(all, s.SQL)
	}
	t.Fatalf("no step starts with %q in:\n%s", prefix, strings.Join(all, ""))
	return planner.Step{}
}

func TestDependsOn(t *testing.T) {
	from := parseSchema(t, `
CREATE TYPE public.mood AS ENUM ('a', 'b');
CREATE TABLE public.orders (id integer PRIMARY KEY, total integer, mood public.mood);
CREATE VIEW public.big_orders AS SELECT id, total FROM public.orders WHERE total > 100;
`).Schema
	to := parseSchema(t, `
CREATE SCHEMA app;
CREATE TABLE app.customers (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.orders (id integer PRIMARY KEY, total bigint, customer_id integer REFERENCES app.customers (id));
CREATE INDEX orders_customer_id_idx ON public.orders (customer_id);
CREATE VIEW public.big_orders AS SELECT id, total FROM public.orders WHERE total > 100;
`).Schema
	p, err := planner.Diff(from, to)
	if err != nil {
		t.Fatal(err)
	}
	// after reports whether step id depends on step dep, directly or
	// through other steps: DependsOn lists the latest step on each object,
	// whose own dependencies cover the earlier ones.
	byID := map[int]planner.Step{}
	for _, s := range p.Steps {
		byID[s.ID] = s
	}
	var after func(id, dep int) bool
	after = func(id, dep int) bool {
		for _, d := range byID[id].DependsOn {
			if d == dep || after(d, dep) {
				return true
			}
		}
		return false
	}
	checkRunsBefore(t, p)
	schema := stepFor(t, p, "CREATE SCHEMA app")
	customers := stepFor(t, p, "CREATE TABLE app.customers")
	dropView := stepFor(t, p, "DROP VIEW public.big_orders")
	alterType := stepFor(t, p, "ALTER TABLE public.orders ALTER COLUMN total TYPE bigint")
	dropMood := stepFor(t, p, "ALTER TABLE public.orders DROP COLUMN mood")
	dropType := stepFor(t, p, "DROP TYPE public.mood")
	addColumn := stepFor(t, p, "ALTER TABLE public.orders ADD COLUMN customer_id")
	fk := stepFor(t, p, "ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey")
	index := stepFor(t, p, "CREATE INDEX orders_customer_id_idx")
	createView := stepFor(t, p, "CREATE VIEW public.big_orders")

	tests := []struct {
		name      string
		step      planner.Step
		dependsOn planner.Step
	}{
		{"table in a new schema needs the schema", customers, schema},
		{"type change runs after the view reading the column is dropped", alterType, dropView},
		{"dropping a type waits for the column using it to go", dropType, dropMood},
		{"foreign key needs the referenced table", fk, customers},
		{"foreign key needs the column", fk, addColumn},
		{"foreign key after the table's earlier steps", fk, index},
		{"view recreated after its own drop", createView, dropView},
		{"view recreated after the table changed", createView, index},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.dependsOn.ID >= tt.step.ID {
				t.Fatalf("step %d (%s) comes after step %d (%s) in the plan", tt.dependsOn.ID, tt.dependsOn.SQL, tt.step.ID, tt.step.SQL)
			}
			if !after(tt.step.ID, tt.dependsOn.ID) {
				t.Errorf("step %d %q depends on %v, want it to lead to %d %q", tt.step.ID, tt.step.SQL, tt.step.DependsOn, tt.dependsOn.ID, tt.dependsOn.SQL)
			}
		})
	}
	if len(schema.DependsOn) != 0 {
		t.Errorf("creating a schema depends on nothing, got %v", schema.DependsOn)
	}
}

// checkRunsBefore fails when a step depends on one that apply runs after
// it: transactional steps run first, in ID order, then the others.
func checkRunsBefore(t *testing.T, p *planner.Plan) {
	t.Helper()
	pos := map[int]int{}
	n := 0
	for _, tx := range []bool{true, false} {
		for _, s := range p.Steps {
			if s.Transactional == tx {
				pos[s.ID] = n
				n++
			}
		}
	}
	for _, s := range p.Steps {
		for _, id := range s.DependsOn {
			if _, ok := pos[id]; !ok || pos[id] >= pos[s.ID] {
				t.Errorf("step %d depends on step %d, which does not run before it", s.ID, id)
			}
		}
	}
}

// TestDependsOnOutsideTransaction: a step that runs outside the
// transaction may depend on a transactional step with a larger ID, and no
// transactional step depends on one outside.
func TestDependsOnOutsideTransaction(t *testing.T) {
	from := parseSchema(t, `
CREATE TYPE public.st AS ENUM ('open', 'paid');
CREATE TABLE public.inv (id integer PRIMARY KEY, status public.st NOT NULL DEFAULT 'open');
`).Schema
	to := parseSchema(t, `
CREATE TYPE public.st AS ENUM ('draft', 'open', 'paid');
CREATE TABLE public.inv (id integer PRIMARY KEY, status public.st NOT NULL DEFAULT 'draft');
`).Schema
	p, err := planner.Diff(from, to)
	if err != nil {
		t.Fatal(err)
	}
	checkRunsBefore(t, p)
	add := stepFor(t, p, "ALTER TYPE public.st ADD VALUE 'draft'")
	set := stepFor(t, p, "ALTER TABLE public.inv ALTER COLUMN status SET DEFAULT 'draft'")
	if add.Transactional || set.Transactional {
		t.Fatalf("want both outside the transaction: %+v %+v", add, set)
	}
	found := false
	for _, id := range set.DependsOn {
		found = found || id == add.ID
	}
	if !found {
		t.Errorf("the default using the new value depends on %v, want it to include the ADD VALUE step %d", set.DependsOn, add.ID)
	}
}

// TestGraphOrdersRoutineCalls: a routine whose SQL-standard body reads a
// table is created after that table and before the table whose CHECK
// calls it, whatever the phases say; a materialized view calling a
// routine whose quoted body reads a view comes after that view.
func TestGraphOrdersRoutineCalls(t *testing.T) {
	to := parseSchema(t, `
CREATE TABLE public.codes (code text PRIMARY KEY);
CREATE FUNCTION public.valid_code(c text) RETURNS boolean LANGUAGE sql STABLE
BEGIN ATOMIC SELECT EXISTS (SELECT 1 FROM public.codes WHERE code = c); END;
CREATE TABLE public.items (code text CONSTRAINT items_code_valid CHECK (public.valid_code(code)));
CREATE VIEW public.z_totals AS SELECT count(*) AS total FROM public.codes;
CREATE FUNCTION public.grand_total() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT total FROM public.z_totals $$;
CREATE MATERIALIZED VIEW public.a_report AS SELECT public.grand_total() AS total;
`).Schema
	p, err := planner.Diff(state.DatabaseSchema{}, to)
	if err != nil {
		t.Fatal(err)
	}
	codes := stepFor(t, p, "CREATE TABLE public.codes").ID
	fn := stepFor(t, p, "CREATE OR REPLACE FUNCTION public.valid_code").ID
	items := stepFor(t, p, "CREATE TABLE public.items").ID
	if !(codes < fn && fn < items) {
		t.Errorf("codes %d, valid_code %d, items %d: want that order", codes, fn, items)
	}
	view := stepFor(t, p, "CREATE VIEW public.z_totals").ID
	mv := stepFor(t, p, "CREATE MATERIALIZED VIEW public.a_report").ID
	if view > mv {
		t.Errorf("z_totals %d after a_report %d", view, mv)
	}
	for _, e := range planner.GraphEdges(state.DatabaseSchema{}, to, p) {
		if e[0] > e[1] {
			t.Errorf("edge %v runs backwards", e)
		}
	}
}
