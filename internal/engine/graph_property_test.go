package engine

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/planner"
)

// TestGraphProperty is the step graph's property test: for pairs of
// schemas drawn by a small seeded generator (tables with foreign keys,
// routines called by defaults, CHECKs, index expressions and views,
// routines whose bodies read tables, views on views, a materialized view,
// sequences), the plan from one to the other converges (the convergence
// property of TestConvergence, fidelity included), and every edge of the
// plan's step graph (planner.GraphEdges) runs in order.
//
// The default suite runs a few fixed seeds; RENOVATE_GRAPH_PAIRS=N runs N
// pairs (seeds 1..N), and -short runs two.
func TestGraphProperty(t *testing.T) {
	pairs := 6
	if testing.Short() {
		pairs = 2
	}
	if v := os.Getenv("RENOVATE_GRAPH_PAIRS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("RENOVATE_GRAPH_PAIRS=%q: want a positive number", v)
		}
		pairs = n
	}
	for seed := int64(1); seed <= int64(pairs); seed++ {
		seed := seed
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			t.Parallel()
			r := rand.New(rand.NewSource(seed))
			sqlBody := srv.Version() >= 14
			from := genGraphSchema(r, sqlBody)
			to := genGraphSchema(r, sqlBody)
			checkGraphOrder(t, from, to)
			if err := convergence(t, from, to, nil); err != nil {
				t.Fatalf("seed %d: %v\nfrom.sql:\n%s\nto.sql:\n%s", seed, err, from, to)
			}
		})
	}
}

// checkGraphOrder plans from -> to and checks that the plan runs every
// edge of its step graph in order.
func checkGraphOrder(t *testing.T, from, to string) {
	t.Helper()
	ctx := context.Background()
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, from); err != nil {
		t.Fatalf("loading from.sql: %v\n%s", err, from)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "to.sql"), []byte(to), 0o644); err != nil {
		t.Fatal(err)
	}
	local, err := LoadLocal(dir)
	if err != nil {
		t.Fatalf("loading to.sql: %v\n%s", err, to)
	}
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	remote, err := LoadRemote(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Plan(ctx, conn, local, remote)
	if err != nil {
		t.Fatalf("planning: %v\nfrom.sql:\n%s\nto.sql:\n%s", err, from, to)
	}
	pos := map[int]int{}
	for i, s := range runOrderOf(p) {
		pos[s] = i
	}
	for _, e := range planner.GraphEdges(remote.Schema, local.Schema, p) {
		if pos[e[0]] > pos[e[1]] {
			t.Errorf("step %d runs before step %d, which the graph puts first:\n%s", e[1], e[0], planSQL(p))
		}
	}
}

// runOrderOf lists step IDs in the order apply runs them: the
// transactional steps, then the others.
func runOrderOf(p *planner.Plan) []int {
	var tx, notx []int
	for _, s := range p.Steps {
		if s.Transactional {
			tx = append(tx, s.ID)
		} else {
			notx = append(notx, s.ID)
		}
	}
	return append(tx, notx...)
}

// genSchema draws one schema from a fixed universe of names, so two draws
// share objects that stay, change (column and result types, bodies) or
// go. The SQL is written in an order PostgreSQL accepts.
func genGraphSchema(r *rand.Rand, sqlBody bool) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	pick := func(p float64) bool { return r.Float64() < p }
	intType := func() string {
		if pick(0.5) {
			return "integer"
		}
		return "bigint"
	}

	// Routines of plain expressions: f0..f2 (bigint) -> int or bigint.
	// (They take bigint so a call needs no cast whatever the column's
	// type: the server tier drops a cast that is a no-op on the remote,
	// and the column's type may change.)
	var funcs []string
	for i := 0; i < 3; i++ {
		if !pick(0.7) {
			continue
		}
		name := fmt.Sprintf("f%d", i)
		funcs = append(funcs, name)
		res := intType()
		param := "v"
		if pick(0.3) {
			param = "w"
		}
		body := fmt.Sprintf("AS $$ SELECT (%s + %d)::%s $$", param, r.Intn(3), res)
		if sqlBody && pick(0.5) {
			body = fmt.Sprintf("RETURN (%s + %d)::%s", param, r.Intn(3), res)
		}
		w("CREATE FUNCTION %s(%s bigint) RETURNS %s LANGUAGE sql IMMUTABLE %s;", name, param, res, body)
	}
	call := func(arg string) string {
		if len(funcs) == 0 {
			return arg
		}
		return fmt.Sprintf("%s(%s)", funcs[r.Intn(len(funcs))], arg)
	}
	if pick(0.5) {
		w("CREATE SEQUENCE s0 START %d;", 1+r.Intn(5))
	}
	seq := strings.Contains(b.String(), "CREATE SEQUENCE s0")

	// Tables t0..t3.
	type table struct {
		name string
		fk   string
	}
	var tables []table
	for i := 0; i < 4; i++ {
		if !pick(0.75) {
			continue
		}
		tables = append(tables, table{name: fmt.Sprintf("t%d", i)})
	}
	for i := range tables {
		t := &tables[i]
		cols := []string{"id integer PRIMARY KEY", "a " + intType()}
		switch {
		case pick(0.4):
			cols = append(cols, "b bigint DEFAULT "+call("1"))
		case seq && pick(0.5):
			cols = append(cols, "b bigint DEFAULT nextval('s0')")
		default:
			cols = append(cols, "b bigint")
		}
		if pick(0.4) {
			cols = append(cols, fmt.Sprintf("CONSTRAINT %s_a_check CHECK (%s IS NOT NULL OR a IS NULL)", t.name, call("a")))
		}
		if len(tables) > 1 && pick(0.5) {
			other := tables[r.Intn(len(tables))].name
			cols = append(cols, "ref integer")
			t.fk = other
		}
		w("CREATE TABLE %s (\n  %s\n);", t.name, strings.Join(cols, ",\n  "))
		if pick(0.4) {
			w("CREATE INDEX %s_expr ON %s ((%s));", t.name, t.name, call("a"))
		}
		if pick(0.3) {
			w("CREATE INDEX %s_b ON %s (b);", t.name, t.name)
		}
	}
	// Routines reading tables (g*), called by views and defaults.
	var readers []string
	for i, t := range tables {
		if i > 1 || !pick(0.6) {
			continue
		}
		name := fmt.Sprintf("g%d", i)
		readers = append(readers, name)
		body := fmt.Sprintf("AS $$ SELECT count(*) FROM public.%s $$", t.name)
		if sqlBody && pick(0.5) {
			body = fmt.Sprintf("BEGIN ATOMIC SELECT count(*) FROM %s; END", t.name)
		}
		w("CREATE FUNCTION %s() RETURNS bigint LANGUAGE sql STABLE %s;", name, body)
	}
	for _, t := range tables {
		if t.fk != "" {
			w("ALTER TABLE %s ADD CONSTRAINT %s_ref_fkey FOREIGN KEY (ref) REFERENCES %s (id);", t.name, t.name, t.fk)
		}
	}
	// Views: v0 on a table, v1 on v0 or a table, a materialized view.
	var views []string
	if len(tables) > 0 && pick(0.8) {
		t := tables[r.Intn(len(tables))].name
		w("CREATE VIEW v0 AS SELECT id, a, %s AS fa FROM %s;", call("a"), t)
		views = append(views, "v0")
	}
	if len(views) > 0 && pick(0.6) {
		extra := ""
		if len(readers) > 0 && pick(0.5) {
			extra = fmt.Sprintf(", %s() AS n", readers[r.Intn(len(readers))])
		}
		w("CREATE VIEW v1 AS SELECT id, fa%s FROM v0 WHERE a > %d;", extra, r.Intn(3))
	}
	if len(tables) > 0 && pick(0.5) {
		t := tables[r.Intn(len(tables))].name
		extra := ""
		if len(readers) > 0 && pick(0.5) {
			extra = fmt.Sprintf(", %s() AS n", readers[r.Intn(len(readers))])
		}
		w("CREATE MATERIALIZED VIEW m0 AS SELECT count(*) AS c%s FROM %s;", extra, t)
	}
	if len(readers) > 0 && len(tables) > 2 && pick(0.5) {
		w("ALTER TABLE %s ADD COLUMN n bigint DEFAULT %s();", tables[len(tables)-1].name, readers[0])
	}
	return b.String()
}
