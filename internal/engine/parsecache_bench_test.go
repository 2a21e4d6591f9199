package engine

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/internal/parsecache"
)

// pgDumpPath finds the pg_dump the benchmarks compare with: the test
// server's, else one on PATH or under /usr/lib/postgresql.
func pgDumpPath(b *testing.B) string {
	b.Helper()
	if d := srv.BinDir(); d != "" {
		if p := filepath.Join(d, "pg_dump"); isFile(p) {
			return p
		}
	}
	if p, err := exec.LookPath("pg_dump"); err == nil {
		return p
	}
	if m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_dump"); len(m) > 0 {
		return m[len(m)-1]
	}
	b.Fatal("no pg_dump to compare with")
	return ""
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// timed runs f and returns how long it took.
func timed(b *testing.B, f func() error) time.Duration {
	b.Helper()
	start := time.Now()
	if err := f(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// benchPlanCache measures, side by side in each iteration, pg_dump
// --schema-only of a generated n-table database and renovate's plan of
// the same database against its files (LoadLocalFiles, LoadRemoteFor,
// Plan, as benchPlan): without the parse cache ("off"), with an empty one
// ("cold"), and with the entries this very plan stored ("warm"). With
// changed > 0, that many tables in a hundred have a column added first,
// and "edit" is the first plan after the edit: the cache holds only what
// the no-op plan before it stored (so the remote is read from the cache,
// the edited files are parsed and the others read back from the files
// entry). It reports each time in ms and its
// ratio to pg_dump's.
func benchPlanCache(b *testing.B, n int, changed bool) {
	ctx := context.Background()
	dsn := srv.NewDatabase(b)
	conn, err := connect(b, dsn)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := conn.Exec(ctx, genSchema(n)); err != nil {
		b.Fatal(err)
	}
	remote, err := LoadRemote(ctx, conn)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if _, err := remote.WriteFiles(dir); err != nil {
		b.Fatal(err)
	}
	pgDump := pgDumpPath(b)
	planWant := func(empty bool) error {
		local, err := LoadLocalFiles(dir)
		if err != nil {
			return err
		}
		remote, err := LoadRemoteFor(ctx, conn, local)
		if err != nil {
			return err
		}
		p, err := Plan(ctx, conn, local.Parsed, remote)
		if err != nil {
			return err
		}
		if p.Empty() != empty {
			b.Fatalf("plan has %d steps, want empty: %v", len(p.Steps), empty)
		}
		return nil
	}
	plan := func() error { return planWant(!changed) }
	b.Setenv(parsecache.EnvMinBytes, "0")
	// The entries a no-op plan stores (its model and its files entry),
	// for "edit".
	var noopEntries []string
	if changed {
		d := b.TempDir()
		b.Setenv(parsecache.EnvVar, d)
		if err := planWant(true); err != nil {
			b.Fatal(err)
		}
		if m, _ := filepath.Glob(filepath.Join(d, "[0-9a-f]*.entry")); len(m) != 1 {
			b.Fatalf("the no-op plan stored %d models", len(m))
		}
		noopEntries, _ = filepath.Glob(filepath.Join(d, "*.entry"))
		changeFiles(b, dir, 100)
	}
	var dump, off, cold, warm, edit time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dump += timed(b, func() error {
			return exec.CommandContext(ctx, pgDump, "--schema-only", "-f", os.DevNull, "-d", dsn).Run()
		})
		b.Setenv(parsecache.EnvVar, "off")
		off += timed(b, plan)
		cache := b.TempDir()
		b.Setenv(parsecache.EnvVar, cache)
		cold += timed(b, plan)
		warm += timed(b, plan)
		if changed {
			cache := b.TempDir()
			for _, p := range noopEntries {
				e, err := os.ReadFile(p)
				if err != nil {
					b.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(cache, filepath.Base(p)), e, 0o600); err != nil {
					b.Fatal(err)
				}
			}
			b.Setenv(parsecache.EnvVar, cache)
			edit += timed(b, plan)
		}
	}
	ms := func(d time.Duration) float64 { return float64(d.Milliseconds()) / float64(b.N) }
	b.ReportMetric(ms(dump), "pg_dump-ms")
	for _, m := range []struct {
		name string
		d    time.Duration
	}{{"off", off}, {"cold", cold}, {"warm", warm}, {"edit", edit}} {
		if m.name == "edit" && !changed {
			continue
		}
		b.ReportMetric(ms(m.d), m.name+"-ms")
		b.ReportMetric(float64(m.d)/float64(dump), m.name+"/pg_dump")
	}
}

func BenchmarkPlanCacheNoop1000(b *testing.B) { benchPlanCache(b, 1000, false) }
func BenchmarkPlanCacheNoop5000(b *testing.B) { benchPlanCache(b, 5000, false) }
func BenchmarkPlanCache1Pct1000(b *testing.B) { benchPlanCache(b, 1000, true) }
func BenchmarkPlanCache1Pct5000(b *testing.B) { benchPlanCache(b, 5000, true) }
