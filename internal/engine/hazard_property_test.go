package engine

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state/catalog"
)

// propertyTypes are the column types the property test draws from (each
// has samples in conversionSamples).
var propertyTypes = []string{"smallint", "integer", "bigint", "numeric", "numeric(10,2)", "numeric(6,2)",
	"real", "double precision", "text", "character varying(5)", "character varying(10)", "character(5)",
	"boolean", "date", "timestamp without time zone", "timestamp with time zone", "time without time zone",
	"interval", "json", "jsonb", "uuid"}

// TestDataLossIsGated is a property test: for random pairs of schemas
// (a table of a few typed columns holding random rows, and the same
// table with some columns dropped, changed to another type or added,
// maybe a second table dropped), a plan that apply would run with only
// the non-data-loss hazards allowed (no deletes_data, no placeholder)
// must keep every row and every value: after the apply (or its failure,
// which rolls back), each row is there and each kept column's value
// converts back to what it was. A handful of fixed seeds, so it stays
// fast and reproducible.
func TestDataLossIsGated(t *testing.T) {
	t.Parallel()
	for seed := int64(1); seed <= 8; seed++ {
		seed := seed
		t.Run(fmt.Sprint("seed_", seed), func(t *testing.T) {
			t.Parallel()
			checkDataLossGated(t, rand.New(rand.NewSource(seed)))
		})
	}
}

type propColumn struct{ name, typ string }

func checkDataLossGated(t *testing.T, rng *rand.Rand) {
	ctx := context.Background()
	pick := func(xs []string) string { return xs[rng.Intn(len(xs))] }
	var cols []propColumn
	for i := 0; i < 2+rng.Intn(3); i++ {
		cols = append(cols, propColumn{fmt.Sprintf("c%d", i), pick(propertyTypes)})
	}
	nrows := 1 + rng.Intn(5)
	var rows []string
	for r := 1; r <= nrows; r++ {
		vals := []string{fmt.Sprint(r)}
		for _, c := range cols {
			vals = append(vals, sqlgen.QuoteLiteral(pick(conversionSamples[c.typ]))+"::"+c.typ)
		}
		rows = append(rows, "("+strings.Join(vals, ", ")+")")
	}
	table := func(cs []propColumn) string {
		defs := []string{"id integer PRIMARY KEY"}
		for _, c := range cs {
			defs = append(defs, c.name+" "+c.typ)
		}
		return "CREATE TABLE public.t (" + strings.Join(defs, ", ") + ");\n"
	}
	// The target: each column kept, changed or dropped; maybe one added.
	var target []propColumn
	var changes []string
	for _, c := range cols {
		switch r := rng.Intn(10); {
		case r < 5:
			target = append(target, c)
		case r < 9:
			nc := propColumn{c.name, pick(propertyTypes)}
			target = append(target, nc)
			changes = append(changes, fmt.Sprintf("%s %s -> %s", c.name, c.typ, nc.typ))
		default:
			changes = append(changes, "drop "+c.name)
		}
	}
	if rng.Intn(3) == 0 {
		nc := propColumn{"added", pick(propertyTypes)}
		target = append(target, nc)
		changes = append(changes, "add "+nc.typ)
	}
	other := ""
	dropOther := rng.Intn(4) == 0
	if dropOther {
		other = "CREATE TABLE public.u (id integer);\nINSERT INTO public.u VALUES (1);\n"
		changes = append(changes, "drop table u")
	}
	helper := conversionSetup[strings.Index(conversionSetup, "-- The value v"):]
	from := table(cols) + helper + other
	data := "INSERT INTO public.t VALUES " + strings.Join(rows, ", ") + ";\n"
	to := table(target) + helper
	t.Logf("columns %v, %d rows; changes: %s", cols, nrows, strings.Join(changes, "; "))

	fc := newFaultCase(t, from, data, to)
	conn := mustConnect(t, fc.dsn)
	before := map[string]string{}
	for _, c := range cols {
		if err := readColumn(ctx, fc.dsn, t, "SELECT id, "+c.name+"::text FROM public.t", c.name, before); err != nil {
			t.Fatal(err)
		}
	}
	p := fc.plan(t)
	gated := false
	for _, s := range p.Steps {
		if s.HasHazard(planner.HazardDeletesData) || s.Placeholder {
			gated = true
		}
	}
	if gated {
		t.Log("gated: apply refuses it without --allow-data-loss (or the user's SQL)")
		return
	}
	// Allowed with only non-data-loss hazards: it must not lose a thing.
	// A conversion that fails rolls everything back, which loses nothing.
	_, execErr := catalog.Execute(ctx, conn, statementsFor(p), catalog.ExecOptions{})
	t.Logf("applied without --allow-data-loss; error: %v", execErr)
	after := map[string]string{}
	var count int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM public.t").Scan(&count); err != nil {
		t.Fatal(err)
	}
	if count != nrows {
		t.Fatalf("the table had %d rows and has %d after a plan without a data-loss hazard:\n%s", nrows, count, planSQL(p))
	}
	var lost []string
	for _, c := range cols {
		now := c.typ
		for _, tc := range target {
			if tc.name == c.name && execErr == nil {
				now = tc.typ
			}
		}
		q := fmt.Sprintf("SELECT id, public.rv_back(%s::text, %s, %s) FROM public.t", c.name, sqlgen.QuoteLiteral(now), sqlgen.QuoteLiteral(c.typ))
		if err := readColumn(ctx, fc.dsn, t, q, c.name, after); err != nil {
			t.Fatal(err)
		}
	}
	keys := make([]string, 0, len(before))
	for k := range before {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if after[k] != before[k] {
			lost = append(lost, fmt.Sprintf("%s: %q became %q", k, before[k], after[k]))
		}
	}
	if len(lost) > 0 {
		t.Errorf("values changed by a plan without a data-loss hazard (apply error: %v):\n%s\nplan:\n%s", execErr, strings.Join(lost, "\n"), planSQL(p))
	}
}

// readColumn runs q (rows of id and a text) and stores each row's text
// under "row <id> <col>".
func readColumn(ctx context.Context, dsn string, t *testing.T, q, col string, into map[string]string) error {
	conn := mustConnect(t, dsn)
	rows, err := conn.Query(ctx, q)
	if err != nil {
		return fmt.Errorf("%s: %w", q, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		var v *string
		if err := rows.Scan(&id, &v); err != nil {
			return err
		}
		into[fmt.Sprintf("row %d %s", id, col)] = deref(v)
	}
	return rows.Err()
}
