package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/internal/gitrepo"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// fleetBenchTables is the number of tables in each tenant database.
const fleetBenchTables = 50

// fleetBenchResult is what benchFleet measured at one fleet size.
type fleetBenchResult struct {
	n                 int
	plan, apply, loop time.Duration
	loopRan           bool
	// The floors: what reading every target costs any tool, as many at
	// once as the fleet commands (see measureFloors).
	connect, dump time.Duration
}

// BenchmarkFleet measures a fleet of tenant databases on the test server
// (issue 14, item 5): each has 50 tables (an index each) and a 100-row
// reference table synced as data; the change is one added column and one
// changed reference row. It measures, with the default --parallel:
//
//   - fleet plan: renovate plan --env tenants --format json;
//   - fleet apply: renovate apply --env tenants --yes (its own plan of
//     every target included, as a user runs it);
//   - the loop of single applies: renovate apply --url <target> --yes,
//     one target after the other, as a user without fleets does it (the
//     same kind of change: one more column and reference row);
//
// each with the peak Go heap (runtime.ReadMemStats sampled every 10ms
// while the command runs) and the process's peak resident set so far
// (getrusage ru_maxrss: the whole test process since it started, so it
// never goes down; the PostgreSQL server is a separate process and not
// counted). Every command runs in-process, as the other CLI tests do.
// Plan verification on a shadow database is off in the loop (--verify
// never): fleets do not verify either, and a throwaway cluster per apply
// would measure the shadow, not the apply. The results are checked: every
// target planned in one group, applied, and holding the new column and
// row.
//
// The sizes come from RENOVATE_FLEET_SIZES (comma-separated, default 10);
// RENOVATE_FLEET_LOOP_MAX bounds the sizes the loop of single applies is
// measured at (default: all); RENOVATE_FLEET_PARALLEL passes --parallel N
// (default: the flag's default). After the last size it prints the time
// ratios of the largest fleet to the smallest. It is a benchmark, so the
// default suite (go test without -bench) never runs it:
//
//	RENOVATE_FLEET_SIZES=10,200 go test ./internal/cli -run '^$' -bench BenchmarkFleet -benchtime 1x -timeout 0
func BenchmarkFleet(b *testing.B) {
	sizes := []int{10}
	if v := os.Getenv("RENOVATE_FLEET_SIZES"); v != "" {
		sizes = nil
		for _, s := range strings.Split(v, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || n < 1 {
				b.Fatalf("RENOVATE_FLEET_SIZES=%q: want numbers such as 10,200", v)
			}
			sizes = append(sizes, n)
		}
	}
	loopMax := 1 << 30
	if v := os.Getenv("RENOVATE_FLEET_LOOP_MAX"); v != "" {
		var err error
		if loopMax, err = strconv.Atoi(v); err != nil {
			b.Fatalf("RENOVATE_FLEET_LOOP_MAX=%q: want a number", v)
		}
	}
	var parallel []string
	width := defaultFleetParallel
	if v := os.Getenv("RENOVATE_FLEET_PARALLEL"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.Fatalf("RENOVATE_FLEET_PARALLEL=%q: want a positive number", v)
		}
		parallel, width = []string{"--parallel", v}, n
	}
	var results []fleetBenchResult
	for _, n := range sizes {
		b.Run(fmt.Sprintf("targets=%d", n), func(b *testing.B) {
			for range b.N {
				results = append(results, benchFleet(b, n, n <= loopMax, parallel, width))
			}
		})
	}
	if len(results) < 2 {
		return
	}
	small, large := results[0], results[0]
	for _, r := range results {
		if r.n < small.n {
			small = r
		}
		if r.n > large.n {
			large = r
		}
	}
	if small.n == large.n {
		return
	}
	ratio := func(a, b time.Duration) string { return fmt.Sprintf("%.1fx", a.Seconds()/b.Seconds()) }
	line := fmt.Sprintf("%d targets vs %d: fleet plan %s, fleet apply %s, plan and apply %s",
		large.n, small.n, ratio(large.plan, small.plan), ratio(large.apply, small.apply), ratio(large.plan+large.apply, small.plan+small.apply))
	if large.loopRan && small.loopRan {
		line += ", loop of single applies " + ratio(large.loop, small.loop)
	}
	line += fmt.Sprintf("; floors: a new connection to each target %s, pg_dump --schema-only of each %s", ratio(large.connect, small.connect), ratio(large.dump, small.dump))
	// A parent benchmark's b.Log is not printed once it has run
	// sub-benchmarks: print the ratios as a line of the output.
	fmt.Println("BenchmarkFleet: " + line)
}

func benchFleet(b *testing.B, n int, loop bool, parallel []string, width int) fleetBenchResult {
	b.StopTimer()
	res := fleetBenchResult{n: n}
	setup := time.Now()
	dsns := createDatabases(b, n)
	var ddl strings.Builder
	for i := 1; i <= fleetBenchTables; i++ {
		fmt.Fprintf(&ddl, "CREATE TABLE t%02d (id bigint PRIMARY KEY, name text NOT NULL, amount numeric(12,2), created timestamptz NOT NULL DEFAULT now());\n", i)
		fmt.Fprintf(&ddl, "CREATE INDEX t%02d_name_idx ON t%02d (name);\n", i, i)
	}
	ddl.WriteString("CREATE TABLE ref (code text PRIMARY KEY, label text NOT NULL, rate integer NOT NULL);\n")
	ddl.WriteString("INSERT INTO ref SELECT 'r' || i, 'Rate ' || i, i FROM generate_series(1, 100) AS i;\n")
	onEach(b, dsns, func(dsn string) error { return execDBErr(dsn, ddl.String()) })
	dir := filepath.Join(b.TempDir(), "fleet")
	if out, errOut, code := runIn(b, session{}, "init", "--source", dsns[0], "--dir", dir); code != 0 {
		b.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	quoted := make([]string, n)
	for i, d := range dsns {
		quoted[i] = hclString(d)
	}
	writeFile(b, filepath.Join(dir, ConfigFile), "data \"public.ref\" {\n  key = [\"code\"]\n}\nenvironment \"tenants\" {\n  urls = ["+strings.Join(quoted, ", ")+"]\n}\n")
	gitCommitB(b, dir, "fleet")
	if out, errOut, code := runIn(b, session{}, "fetch", "--dir", dir, "--url", dsns[0]); code != 0 {
		b.Fatalf("fetch: exit %d\n%s%s", code, out, errOut)
	}
	gitCommitB(b, dir, "fleet")
	// change adds column col to t01 and renames reference row code, and
	// commits; applied reports whether a target has both.
	change := func(col, code, label string) (applied string) {
		p := filepath.Join(dir, "public", "tables", "t01.sql")
		sql := readFile(b, p)
		edited := strings.Replace(sql, "    name text NOT NULL,", "    name text NOT NULL,\n    "+col+" text,", 1)
		if edited == sql {
			b.Fatalf("cannot add a column to t01.sql:\n%s", sql)
		}
		writeFile(b, p, edited)
		dp := filepath.Join(dir, "public", "data", "ref.sql")
		data := readFile(b, dp)
		num := strings.TrimPrefix(code, "r")
		oldRow := "'Rate " + num + "', " + num + ")"
		if !strings.Contains(data, oldRow) {
			b.Fatalf("ref.sql has no %q:\n%.2000s", oldRow, data)
		}
		writeFile(b, dp, strings.Replace(data, oldRow, "'"+label+"', "+num+")", 1))
		gitCommitB(b, dir, "t01."+col+", ref row "+code)
		return fmt.Sprintf("SELECT EXISTS (SELECT FROM information_schema.columns WHERE table_name = 't01' AND column_name = '%s') AND EXISTS (SELECT FROM ref WHERE code = '%s' AND label = '%s')", col, code, label)
	}
	check := func(what, query string) {
		var missing atomic.Int64
		onEach(b, dsns, func(dsn string) error {
			ok, err := queryBoolErr(dsn, query)
			if err == nil && !ok {
				missing.Add(1)
			}
			return err
		})
		if m := missing.Load(); m > 0 {
			b.Fatalf("after the %s, %d of %d targets lack the new column or row", what, m, n)
		}
	}
	applied := change("extra", "r7", "Rate seven")
	b.Logf("targets=%d: setup (databases, %d tables each, init) %s", n, fleetBenchTables, time.Since(setup).Round(time.Millisecond))

	measure := func(what string, args ...string) (time.Duration, string) {
		peak := watchHeap()
		start := time.Now()
		out, errOut, code := runIn(b, session{}, args...)
		d := time.Since(start)
		if code != 0 {
			b.Fatalf("%s: exit %d\n%.4000s\n%.4000s", what, code, out, errOut)
		}
		b.Logf("targets=%d: %-24s %9s  peak Go heap %6.1f MB, max RSS so far %s", n, what, d.Round(time.Millisecond), float64(peak())/(1<<20), maxRSS())
		return d, out
	}
	res.connect, res.dump = measureFloors(b, dsns, width)
	b.Logf("targets=%d: floors, %d at a time: a new connection and SELECT 1 on each %s, pg_dump --schema-only of each %s", n, width, res.connect.Round(time.Millisecond), res.dump.Round(time.Millisecond))
	b.StartTimer()
	var out string
	res.plan, out = measure("fleet plan", append([]string{"plan", "--dir", dir, "--env", "tenants", "--format", "json"}, parallel...)...)
	b.StopTimer()
	var pj fleetPlanJSON
	if err := json.Unmarshal([]byte(out), &pj); err != nil {
		b.Fatalf("plan --format json: %v\n%.2000s", err, out)
	}
	if len(pj.Targets) != n || len(pj.Groups) != 1 || len(pj.Groups[0].Targets) != n || pj.Groups[0].Steps == 0 {
		b.Fatalf("want %d targets in one group of identical plans, got %d targets, groups %+v", n, len(pj.Targets), pj.Groups)
	}
	b.StartTimer()
	res.apply, _ = measure("fleet apply", append([]string{"apply", "--dir", dir, "--env", "tenants", "--yes"}, parallel...)...)
	b.StopTimer()
	rels, runs, err := layout.FleetRuns(dir, "tenants")
	if err != nil || len(runs) == 0 {
		b.Fatalf("no fleet run recorded (err %v)", err)
	}
	for _, t := range runs[0].Targets {
		if t.Status != layout.StatusApplied {
			b.Fatalf("%s: target %s is %s: %s", rels[0], t.Name, t.Status, t.Error)
		}
	}
	if len(runs[0].Targets) != n {
		b.Fatalf("%s: %d targets recorded, want %d", rels[0], len(runs[0].Targets), n)
	}
	check("fleet apply", applied)
	b.ReportMetric(res.plan.Seconds(), "plan-s")
	b.ReportMetric(res.apply.Seconds(), "apply-s")
	if !loop {
		return res
	}
	// The same kind of change, one database after the other.
	applied = change("extra2", "r8", "Rate eight")
	peak := watchHeap()
	start := time.Now()
	for i, d := range dsns {
		out, errOut, code := runIn(b, session{}, "apply", "--dir", dir, "--url", d, "--yes", "--verify=never")
		if code != 0 {
			b.Fatalf("single apply %d: exit %d\n%.4000s\n%.4000s", i, code, out, errOut)
		}
	}
	res.loop, res.loopRan = time.Since(start), true
	b.Logf("targets=%d: %-24s %9s  peak Go heap %6.1f MB, max RSS so far %s", n, "loop of single applies", res.loop.Round(time.Millisecond), float64(peak())/(1<<20), maxRSS())
	check("loop of single applies", applied)
	b.ReportMetric(res.loop.Seconds(), "loop-s")
	return res
}

// measureFloors times what no fleet tool can do without, on every target
// and width at a time (the fleet commands' --parallel): opening a new
// connection and running SELECT 1 (each target is its own database, so
// its own backend), and pg_dump --schema-only, the catalog read every
// schema tool's is measured against. They set the bound on how the fleet
// commands can scale with the number of targets on one server.
func measureFloors(b *testing.B, dsns []string, width int) (connect, dump time.Duration) {
	b.Helper()
	start := time.Now()
	onEachN(b, dsns, width, func(dsn string) error {
		_, err := queryBoolErr(dsn, "SELECT true")
		return err
	})
	connect = time.Since(start)
	pgDump, err := srv.OracleMethod(context.Background())
	if err != nil || pgDump == "catalog" {
		b.Fatalf("the pg_dump floor needs a pg_dump at least as new as the server (got %q, %v)", pgDump, err)
	}
	start = time.Now()
	onEachN(b, dsns, width, func(dsn string) error {
		cmd := exec.Command(pgDump, "--schema-only", "--no-password", "--file", os.DevNull, "--dbname", dsn)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("pg_dump: %w: %s", err, out)
		}
		return nil
	})
	return connect, time.Since(start)
}

// onEach runs fn on every database, four at a time.
func onEach(tb testing.TB, dsns []string, fn func(dsn string) error) {
	tb.Helper()
	onEachN(tb, dsns, 4, fn)
}

// onEachN runs fn on every database, width at a time.
func onEachN(tb testing.TB, dsns []string, width int, fn func(dsn string) error) {
	tb.Helper()
	var wg sync.WaitGroup
	errs := make([]error, len(dsns))
	sem := make(chan struct{}, width)
	for i := range dsns {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = fn(dsns[i])
		}(i)
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		tb.Fatal(err)
	}
}

func queryBoolErr(dsn, sql string) (bool, error) {
	conn, err := catalog.Connect(context.Background(), dsn)
	if err != nil {
		return false, err
	}
	defer conn.Close(context.Background())
	var ok bool
	if err := conn.QueryRow(context.Background(), sql).Scan(&ok); err != nil {
		return false, fmt.Errorf("query %q: %w", sql, err)
	}
	return ok, nil
}

// watchHeap samples the Go heap every 10ms until the returned function
// is called, which returns the peak.
func watchHeap() func() uint64 {
	runtime.GC()
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(stop)
		<-done
		return peak.Load()
	}
}

func gitCommitB(tb testing.TB, dir, msg string) {
	tb.Helper()
	repo, err := gitrepo.Open(dir)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := repo.CommitAll(dir, msg, time.Now()); err != nil {
		tb.Fatal(err)
	}
}
