package engine

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/layout"
)

// peakHeap samples the Go heap in use until stop is called and returns
// the largest value seen, in bytes.
func peakHeap() (stop func() uint64) {
	var (
		mu   sync.Mutex
		peak uint64
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		mu.Lock()
		if m.HeapInuse > peak {
			peak = m.HeapInuse
		}
		mu.Unlock()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		sample()
		return peak
	}
}

// BenchmarkData1M measures the data diff at 1,000,000 rows: writing the
// data file of a table keyed by a natural text key (fetch), then planning
// that file, with 100 rows changed, 10 deleted and 10 added by hand,
// against the database. It reports rows per second of each and the peak
// Go heap during the plan (run under /usr/bin/time -v for the process's
// maximum resident set, which includes the PostgreSQL server the
// benchmark starts; process-peak-RSS-MB is renovate's process alone).
func BenchmarkData1M(b *testing.B) {
	const n = 1_000_000
	ctx := context.Background()
	dsn := srv.NewDatabase(b)
	conn, err := connect(b, dsn)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `
		CREATE TABLE public.items (
		    id bigserial PRIMARY KEY,
		    code text NOT NULL UNIQUE,
		    name text NOT NULL,
		    price numeric(10,2),
		    created timestamp with time zone NOT NULL,
		    tags text[]
		);
		INSERT INTO public.items (code, name, price, created, tags)
		SELECT 'item-' || lpad(i::text, 8, '0'), 'Item number ' || i, (i % 10000) / 100.0,
		       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second',
		       CASE WHEN i % 3 = 0 THEN ARRAY['a', 'b ' || i] END
		FROM generate_series(1, `+fmt.Sprint(n)+`) AS i;
		ANALYZE public.items;`); err != nil {
		b.Fatal(err)
	}
	sc := Scope{Data: []state.DataTable{{Table: state.QualName{Schema: "public", Name: "items"}, Key: []string{"code"}}}}
	remote, err := LoadRemote(ctx, conn)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if _, err := remote.WriteFiles(dir); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var writeTime, planTime time.Duration
	var peak uint64
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := WriteData(ctx, conn, dir+fmt.Sprint(i), remote.Raw, sc); err != nil {
			b.Fatal(err)
		}
		writeTime += time.Since(start)
		b.StopTimer()
		data := filepath.Join(dir+fmt.Sprint(i), layout.DataPath(state.QualName{Schema: "public", Name: "items"}))
		if err := os.Rename(data, filepath.Join(dir, "items.tmp")); err != nil {
			b.Fatal(err)
		}
		if err := editDataFile(filepath.Join(dir, "items.tmp"), filepath.Join(dir, layout.DataPath(state.QualName{Schema: "public", Name: "items"}))); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		b.StartTimer()
		stop := peakHeap()
		start = time.Now()
		local, err := LoadLocal(dir)
		if err != nil {
			b.Fatal(err)
		}
		p, err := Plan(ctx, conn, local, remote, WithData(sc.DataTables(), DataSide{Dir: dir}))
		if err != nil {
			b.Fatal(err)
		}
		planTime += time.Since(start)
		peak = max(peak, stop())
		if got := len(p.Steps); got != 100+1+1 {
			b.Fatalf("plan has %d steps, want 100 updates, 1 delete and 1 insert", got)
		}
	}
	b.StopTimer()
	// The floor: reading the same rows in key order at all, on the same
	// server, in the same run.
	start := time.Now()
	tag, err := conn.PgConn().CopyTo(ctx, io.Discard, "COPY (SELECT code, name, price, created, tags FROM public.items ORDER BY code) TO STDOUT")
	if err != nil {
		b.Fatal(err)
	}
	copyTime := time.Since(start)
	if tag.RowsAffected() != n {
		b.Fatalf("COPY read %d rows, want %d", tag.RowsAffected(), n)
	}
	b.ReportMetric(float64(n*b.N)/writeTime.Seconds(), "write-rows/s")
	b.ReportMetric(float64(n*b.N)/planTime.Seconds(), "plan-rows/s")
	b.ReportMetric(float64(n)/copyTime.Seconds(), "copy-rows/s")
	// Speed relative to COPY: 1 or more is at least as fast as reading
	// the rows.
	b.ReportMetric((float64(n*b.N)/planTime.Seconds())/(float64(n)/copyTime.Seconds()), "plan-speed-x-copy")
	b.ReportMetric((float64(n*b.N)/writeTime.Seconds())/(float64(n)/copyTime.Seconds()), "write-speed-x-copy")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	if hwm, ok := peakRSS(); ok {
		b.ReportMetric(hwm, "process-peak-RSS-MB")
	}
}

// peakRSS is this process's peak resident set (VmHWM, Linux), without the
// PostgreSQL server the tests start, which /usr/bin/time counts as its
// child.
func peakRSS() (float64, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			var kb float64
			if _, err := fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), &kb); err == nil {
				return kb / 1024, true
			}
		}
	}
	return 0, false
}

// editDataFile copies a data file line by line, changing the name of
// every 10,000th row, dropping 10 rows and appending 10 new ones.
func editDataFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	f, err := os.Create(to)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(f)
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	row := 0
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "INSERT") {
			row++
			switch {
			case row%10_000 == 0:
				l = strings.Replace(l, "'Item number", "'Renamed item", 1)
			case row%10_000 == 5_000 && row <= 100_000:
				continue
			}
		}
		out.WriteString(l)
		out.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		f.Close()
		return err
	}
	for i := 0; i < 10; i++ {
		fmt.Fprintf(out, "INSERT INTO public.items (code, name, price, created, tags) VALUES ('new-%d', 'New', 1.00, '2025-01-01 00:00:00+00', NULL);\n", i)
	}
	if err := out.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
