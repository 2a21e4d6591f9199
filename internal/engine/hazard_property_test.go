package engine

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// propertyTypes are the column types the property test draws from (each
// has samples in conversionSamples).
var propertyTypes = []string{"smallint", "integer", "bigint", "numeric", "numeric(10,2)", "numeric(6,2)",
	"real", "double precision", "text", "character varying(5)", "character varying(10)", "character(5)",
	"boolean", "date", "timestamp without time zone", "timestamp with time zone", "time without time zone",
	"interval", "json", "jsonb", "uuid"}

// TestDataLossIsGated is a property test: for random pairs of schemas
// (one to three tables of typed columns holding random rows, and the
// same tables with columns kept, changed to another type, made NOT NULL
// or dropped, columns added, tables dropped, and an enum type whose
// labels are kept, extended or cut), the whole plan is applied as
// --allow-data-loss would, and every value or row lost is then
// attributed to the change that lost it: each must come from a step the
// apply gate stops (a deletes_data hazard, or a placeholder the user
// must fill in) on that column, its table or its type. A gate on one
// change does not excuse another change of the same plan. Fixed seeds,
// so it stays reproducible (RENOVATE_PROPERTY_SEEDS runs more).
func TestDataLossIsGated(t *testing.T) {
	t.Parallel()
	seeds := int64(16)
	if n, err := strconv.ParseInt(os.Getenv("RENOVATE_PROPERTY_SEEDS"), 10, 64); err == nil && n > 0 {
		seeds = n
	}
	for seed := int64(1); seed <= seeds; seed++ {
		seed := seed
		t.Run(fmt.Sprint("seed_", seed), func(t *testing.T) {
			t.Parallel()
			checkDataLossGated(t, rand.New(rand.NewSource(seed)))
		})
	}
}

type propColumn struct{ name, typ string }

// propTable is one table of a property case: its columns before and
// after, and whether the target drops it.
type propTable struct {
	name     string
	from, to []propColumn
	notNull  map[string]bool // columns the target makes NOT NULL
	dropped  bool
}

// feelingLabels are the labels of the enum type public.feeling the
// property cases change.
var feelingLabels = []string{"meh", "fine", "great"}

func checkDataLossGated(t *testing.T, rng *rand.Rand) {
	ctx := context.Background()
	pick := func(xs []string) string { return xs[rng.Intn(len(xs))] }
	colTypes := append(append([]string{}, propertyTypes...), "public.posint", "public.code5", "public.mood",
		"integer[]", "text[]", "public.feeling")
	samples := func(typ string) []string {
		if typ == "public.feeling" {
			return feelingLabels
		}
		return conversionSamples[typ]
	}
	// The enum the target changes: kept, a label added, or a label cut.
	toFeeling := feelingLabels
	var changes []string
	switch rng.Intn(3) {
	case 1:
		toFeeling = append(append([]string{}, feelingLabels...), "ecstatic")
		changes = append(changes, "feeling gains a label")
	case 2:
		cut := rng.Intn(len(feelingLabels))
		toFeeling = append(append([]string{}, feelingLabels[:cut]...), feelingLabels[cut+1:]...)
		changes = append(changes, "feeling loses "+feelingLabels[cut])
	}
	enum := func(labels []string) string {
		var q []string
		for _, l := range labels {
			q = append(q, sqlgen.QuoteLiteral(l))
		}
		return "CREATE TYPE public.feeling AS ENUM (" + strings.Join(q, ", ") + ");\n"
	}

	var tables []*propTable
	var data strings.Builder
	nrows := map[string]int{}
	for ti := 0; ti < 1+rng.Intn(3); ti++ {
		tb := &propTable{name: fmt.Sprintf("t%d", ti), notNull: map[string]bool{}}
		for i := 0; i < 2+rng.Intn(3); i++ {
			tb.from = append(tb.from, propColumn{fmt.Sprintf("c%d", i), pick(colTypes)})
		}
		if ti > 0 && rng.Intn(4) == 0 {
			tb.dropped = true
			changes = append(changes, "drop table "+tb.name)
		}
		for _, c := range tb.from {
			switch r := rng.Intn(12); {
			case tb.dropped:
			case r < 5:
				tb.to = append(tb.to, c)
			case r < 9:
				nc := propColumn{c.name, pick(colTypes)}
				tb.to = append(tb.to, nc)
				changes = append(changes, fmt.Sprintf("%s.%s %s -> %s", tb.name, c.name, c.typ, nc.typ))
			case r < 10:
				tb.to = append(tb.to, c)
				tb.notNull[c.name] = true
				changes = append(changes, fmt.Sprintf("%s.%s NOT NULL", tb.name, c.name))
			default:
				changes = append(changes, fmt.Sprintf("drop %s.%s", tb.name, c.name))
			}
		}
		if !tb.dropped && rng.Intn(3) == 0 {
			nc := propColumn{"added", pick(colTypes)}
			tb.to = append(tb.to, nc)
			changes = append(changes, fmt.Sprintf("add %s.added %s", tb.name, nc.typ))
		}
		n := 1 + rng.Intn(5)
		nrows[tb.name] = n
		var rows []string
		for r := 1; r <= n; r++ {
			vals := []string{fmt.Sprint(r)}
			for _, c := range tb.from {
				v := "NULL"
				if rng.Intn(6) > 0 {
					v = sqlgen.QuoteLiteral(pick(samples(c.typ))) + "::" + c.typ
				}
				vals = append(vals, v)
			}
			rows = append(rows, "("+strings.Join(vals, ", ")+")")
		}
		fmt.Fprintf(&data, "INSERT INTO public.%s VALUES %s;\n", tb.name, strings.Join(rows, ", "))
		tables = append(tables, tb)
	}
	table := func(name string, cs []propColumn, notNull map[string]bool) string {
		defs := []string{"id integer PRIMARY KEY"}
		for _, c := range cs {
			d := c.name + " " + c.typ
			if notNull[c.name] {
				d += " NOT NULL"
			}
			defs = append(defs, d)
		}
		return "CREATE TABLE public." + name + " (" + strings.Join(defs, ", ") + ");\n"
	}
	helper := conversionSetup[strings.Index(conversionSetup, "-- The value v"):]
	setup := conversionSetup[:strings.Index(conversionSetup, "-- The value v")]
	from, to := setup+enum(feelingLabels)+helper, setup+enum(toFeeling)+helper
	for _, tb := range tables {
		from += table(tb.name, tb.from, nil)
		if !tb.dropped {
			to += table(tb.name, tb.to, tb.notNull)
		}
	}
	t.Logf("changes: %s", strings.Join(changes, "; "))

	fc := newFaultCase(t, from, data.String(), to)
	conn := mustConnect(t, fc.dsn)
	before := map[string]string{}
	for _, tb := range tables {
		for _, c := range tb.from {
			q := fmt.Sprintf("SELECT id, %s::text FROM public.%s", c.name, tb.name)
			if err := readColumn(ctx, fc.dsn, t, q, tb.name+"."+c.name, before); err != nil {
				t.Fatal(err)
			}
		}
	}
	p := fc.plan(t)
	gated := func(tb, col, typ string) bool {
		for _, s := range p.Steps {
			if !s.HasHazard(planner.HazardDeletesData) && !s.Placeholder {
				continue
			}
			o := s.Object
			switch {
			case o.Schema != "public":
			case o.Kind == state.KindTable && o.Name == tb,
				o.Table == tb && (o.Name == col || col == ""),
				typ != "" && o.Kind == state.KindType && "public."+o.Name == typ:
				return true
			}
		}
		return false
	}
	// A step the user must write (a placeholder) is refused by apply, and
	// counts as gated above; the others run.
	run := *p
	run.Steps = slices.DeleteFunc(slices.Clone(p.Steps), func(s planner.Step) bool { return s.Placeholder })
	stmts := statementsFor(&run)
	_, execErr := catalog.Execute(ctx, conn, stmts, catalog.ExecOptions{})
	t.Logf("applied every step (as --allow-data-loss); error: %v", execErr)

	var lost []string
	for _, tb := range tables {
		var count int
		err := conn.QueryRow(ctx, "SELECT count(*) FROM public."+tb.name).Scan(&count)
		if err != nil && execErr == nil && !tb.dropped {
			t.Fatalf("count %s: %v", tb.name, err)
		}
		if count != nrows[tb.name] && !gated(tb.name, "", "") {
			lost = append(lost, fmt.Sprintf("table %s had %d rows and has %d", tb.name, nrows[tb.name], count))
		}
		if err != nil {
			continue // the table is gone: its rows' loss was checked above
		}
		now := map[string]string{}
		rows, err := conn.Query(ctx, `SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute
			WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`, "public."+tb.name)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var n, typ string
			if err := rows.Scan(&n, &typ); err != nil {
				t.Fatal(err)
			}
			now[n] = typ
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		after := map[string]string{}
		for _, c := range tb.from {
			typ, ok := now[c.name]
			if !ok {
				continue // dropped: every value of it lost (below)
			}
			q := fmt.Sprintf("SELECT id, public.rv_back(%s::text, %s, %s) FROM public.%s", c.name,
				sqlgen.QuoteLiteral(typ), sqlgen.QuoteLiteral(c.typ), tb.name)
			if err := readColumn(ctx, fc.dsn, t, q, tb.name+"."+c.name, after); err != nil {
				t.Fatal(err)
			}
		}
		for _, c := range tb.from {
			toTyp := c.typ
			for _, tc := range tb.to {
				if tc.name == c.name {
					toTyp = tc.typ
				}
			}
			for id := 1; id <= nrows[tb.name]; id++ {
				k := fmt.Sprintf("row %d %s.%s", id, tb.name, c.name)
				b, a := before[k], after[k]
				if _, kept := now[c.name]; kept && a == b {
					continue
				}
				if _, there := after[k]; !there && count < nrows[tb.name] {
					continue // the row is gone: counted above
				}
				if gated(tb.name, c.name, c.typ) || gated(tb.name, c.name, toTyp) {
					continue
				}
				lost = append(lost, fmt.Sprintf("%s: %q became %q", k, b, a))
			}
		}
	}
	if len(lost) > 0 {
		sort.Strings(lost)
		t.Errorf("data lost by changes without a data-loss gate (apply error: %v):\n%s\nplan:\n%s", execErr, strings.Join(lost, "\n"), planSQL(p))
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
