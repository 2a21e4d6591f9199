package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/internal/gitrepo"
)

// fleetBenchTables is the number of tables in each tenant database.
const fleetBenchTables = 50

// BenchmarkFleet measures a fleet of tenant databases on the test server,
// each with 50 tables and a reference table synced as data: fleet plan
// and fleet apply of one added column and one changed reference row,
// against a loop of single-database applies (renovate apply --url, one
// target after the other) of the same kind of change, and the peak Go
// heap. The sizes come from RENOVATE_FLEET_SIZES (comma-separated,
// default 10); RENOVATE_FLEET_LOOP_MAX bounds the sizes the loop of single
// applies is measured at (default: all). It is not part of the default
// suite (a benchmark); run it with
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
	for _, n := range sizes {
		b.Run(fmt.Sprintf("targets=%d", n), func(b *testing.B) {
			for range b.N {
				benchFleet(b, n, n <= loopMax)
			}
		})
	}
}

func benchFleet(b *testing.B, n int, loop bool) {
	b.StopTimer()
	setup := time.Now()
	dsns := createDatabases(b, n)
	var ddl strings.Builder
	for i := 1; i <= fleetBenchTables; i++ {
		fmt.Fprintf(&ddl, "CREATE TABLE t%02d (id bigint PRIMARY KEY, name text NOT NULL, amount numeric(12,2), created timestamptz NOT NULL DEFAULT now());\n", i)
		fmt.Fprintf(&ddl, "CREATE INDEX t%02d_name_idx ON t%02d (name);\n", i, i)
	}
	ddl.WriteString("CREATE TABLE ref (code text PRIMARY KEY, label text NOT NULL, rate integer NOT NULL);\n")
	ddl.WriteString("INSERT INTO ref SELECT 'r' || i, 'Rate ' || i, i FROM generate_series(1, 100) AS i;\n")
	var wg sync.WaitGroup
	errs := make([]error, n)
	sem := make(chan struct{}, 4)
	for i := range dsns {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = execDBErr(dsns[i], ddl.String())
		}(i)
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		b.Fatal(err)
	}
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
	change := func(col, oldRow, newRow string) {
		p := filepath.Join(dir, "public", "tables", "t01.sql")
		sql := readFile(b, p)
		edited := strings.Replace(sql, "    name text NOT NULL,", "    name text NOT NULL,\n    "+col+" text,", 1)
		if edited == sql {
			b.Fatalf("cannot add a column to t01.sql:\n%s", sql)
		}
		writeFile(b, p, edited)
		dp := filepath.Join(dir, "public", "data", "ref.sql")
		data := readFile(b, dp)
		if !strings.Contains(data, oldRow) {
			b.Fatalf("ref.sql has no %q", oldRow)
		}
		writeFile(b, dp, strings.Replace(data, oldRow, newRow, 1))
		gitCommitB(b, dir, "t01."+col+", one ref row")
	}
	change("extra", "'Rate 7', 7)", "'Rate seven', 7)")
	b.Logf("targets=%d: setup (databases, %d tables each, init) %s", n, fleetBenchTables, time.Since(setup).Round(time.Millisecond))

	measure := func(what string, args ...string) time.Duration {
		peak := watchHeap()
		start := time.Now()
		out, errOut, code := runIn(b, session{}, args...)
		d := time.Since(start)
		if code != 0 && code != ExitChanges {
			b.Fatalf("%s: exit %d\n%.4000s\n%.4000s", what, code, out, errOut)
		}
		b.Logf("targets=%d: %-28s %9s  peak Go heap %5.1f MB", n, what, d.Round(time.Millisecond), float64(peak())/(1<<20))
		return d
	}
	b.StartTimer()
	plan := measure("fleet plan (--parallel 4)", "plan", "--dir", dir, "--env", "tenants", "--format", "json", "--parallel", "4", "--verify=never")
	apply := measure("fleet apply (--parallel 4)", "apply", "--dir", dir, "--env", "tenants", "--parallel", "4", "--yes")
	b.StopTimer()
	b.ReportMetric(plan.Seconds(), "plan-s")
	b.ReportMetric(apply.Seconds(), "apply-s")
	if !loop {
		return
	}
	// The same kind of change, one database after the other.
	change("extra2", "'Rate 8', 8)", "'Rate eight', 8)")
	peak := watchHeap()
	start := time.Now()
	for i, d := range dsns {
		out, errOut, code := runIn(b, session{}, "apply", "--dir", dir, "--env", "tenants", "--url", d, "--yes", "--verify=never")
		if code != 0 {
			b.Fatalf("single apply %d: exit %d\n%.4000s\n%.4000s", i, code, out, errOut)
		}
	}
	single := time.Since(start)
	b.Logf("targets=%d: %-28s %9s  peak Go heap %5.1f MB", n, "loop of single applies", single.Round(time.Millisecond), float64(peak())/(1<<20))
	b.ReportMetric(single.Seconds(), "loop-s")
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
