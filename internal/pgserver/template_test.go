package pgserver

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// startT starts a cluster from the template under dir and checks how its
// data directory was made.
func startT(t *testing.T, ctx context.Context, dir string, want TemplateUse) *Server {
	t.Helper()
	binDir, fromEnv, err := FindBinDir()
	if err != nil {
		t.Fatal(err)
	}
	s, err := StartFromTemplate(ctx, binDir, fromEnv, dir)
	if err != nil {
		t.Fatalf("starting a cluster from the template in %s: %v", dir, err)
	}
	t.Cleanup(func() { _ = s.Stop() })
	if s.Template() != want {
		t.Errorf("template %s, want %s", s.Template(), want)
	}
	return s
}

// exec runs sql on the cluster's postgres database.
func execT(t *testing.T, ctx context.Context, s *Server, sql string) {
	t.Helper()
	conn, err := pgx.Connect(ctx, s.AdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func tableCount(t *testing.T, ctx context.Context, s *Server) int {
	t.Helper()
	conn, err := pgx.Connect(ctx, s.AdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM pg_class WHERE relname = 'leak'").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestTemplate makes the template once, reuses it (nothing of an earlier
// cluster leaks into the next), runs two clusters from it at once, and
// checks that every kind of damaged or foreign template is detected and
// made again rather than used. Only the first start and the damaged ones
// run initdb.
func TestTemplate(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	dir := t.TempDir()

	first := startT(t, ctx, dir, TemplateBuilt)
	tmpl := first.TemplatePath()
	if _, err := os.Stat(filepath.Join(tmpl, readyFile)); err != nil {
		t.Fatalf("no READY in the template: %v", err)
	}
	execT(t, ctx, first, "CREATE TABLE leak (a int)")
	if err := first.Stop(); err != nil {
		t.Fatal(err)
	}

	// Two at once, from the template, on data directories of their own.
	var wg sync.WaitGroup
	servers := make([]*Server, 2)
	errs := make([]error, 2)
	binDir, fromEnv, err := FindBinDir()
	if err != nil {
		t.Fatal(err)
	}
	for i := range servers {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			servers[i], errs[i] = StartFromTemplate(ctx, binDir, fromEnv, dir)
		}(i)
	}
	wg.Wait()
	for i, s := range servers {
		if errs[i] != nil {
			t.Fatalf("concurrent start %d: %v", i, errs[i])
		}
		t.Cleanup(func() { _ = s.Stop() })
		if s.Template() != TemplateReused {
			t.Errorf("concurrent start %d: template %s, want reused", i, s.Template())
		}
		if n := tableCount(t, ctx, s); n != 0 {
			t.Errorf("concurrent start %d: the table of an earlier cluster leaked into a new one", i)
		}
	}
	if servers[0].tmpDir == servers[1].tmpDir {
		t.Errorf("two clusters share %s", servers[0].tmpDir)
	}
	execT(t, ctx, servers[0], "CREATE TABLE leak (a int)")
	if n := tableCount(t, ctx, servers[1]); n != 0 {
		t.Errorf("a table made in one cluster shows in the other")
	}
	for _, s := range servers {
		if err := s.Stop(); err != nil {
			t.Fatal(err)
		}
	}

	// Each damage must be detected, and the template removed rather
	// than used. The checks run on a copy of the intact template, without
	// initdb; the last damage is also started on, to see it made again.
	pristine := filepath.Join(t.TempDir(), "pristine")
	if _, err := copyTree(tmpl, pristine, nil); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T)
	}{
		{"no READY (a build cut short)", func(t *testing.T) {
			must(t, os.Remove(filepath.Join(tmpl, readyFile)))
		}},
		{"READY of other binaries", func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(tmpl, readyFile))
			must(t, err)
			b[len(templateFormat)+5] ^= 1 // a hex digit of the key
			must(t, os.WriteFile(filepath.Join(tmpl, readyFile), b, 0o600))
		}},
		{"PG_VERSION of another major version", func(t *testing.T) {
			must(t, os.WriteFile(filepath.Join(tmpl, "data", "PG_VERSION"), []byte("9\n"), 0o600))
		}},
		{"missing file", func(t *testing.T) {
			must(t, os.Remove(filepath.Join(tmpl, "data", "pg_hba.conf")))
		}},
		{"extra file", func(t *testing.T) {
			must(t, os.WriteFile(filepath.Join(tmpl, "data", "postmaster.pid"), []byte("1\n"), 0o600))
		}},
		{"truncated catalog file", func(t *testing.T) {
			must(t, os.Truncate(filepath.Join(tmpl, "data", "global", "pg_control"), 100))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			must(t, os.RemoveAll(tmpl))
			if _, err := copyTree(pristine, tmpl, nil); err != nil {
				t.Fatal(err)
			}
			tc.damage(t)
			probe := &Server{binDir: binDir, runBin: binDir, tmpDir: t.TempDir(), templateRoot: dir}
			ok, err := probe.prepareTemplate(ctx)
			must(t, err)
			if ok && probe.copyTemplate(filepath.Join(probe.tmpDir, "data")) {
				t.Fatalf("the damaged template was used")
			}
			if _, err := os.Stat(tmpl); !os.IsNotExist(err) {
				t.Errorf("the damaged template is still there (%v)", err)
			}
		})
	}
	// A build a dead process left an hour ago goes with the next build.
	left := filepath.Join(dir, ".build-dead")
	must(t, os.MkdirAll(filepath.Join(left, "data"), 0o700))
	old := time.Now().Add(-2 * leftoverAge)
	must(t, os.Chtimes(left, old, old))

	// Damaged so that only the server can tell (pg_control zeroed, its
	// size kept), and started on: no server starts on the copy, so the
	// template is made again, then reused.
	if _, err := copyTree(pristine, tmpl, nil); err != nil {
		t.Fatal(err)
	}
	control := filepath.Join(tmpl, "data", "global", "pg_control")
	fi, err := os.Stat(control)
	must(t, err)
	must(t, os.WriteFile(control, make([]byte, fi.Size()), 0o600))
	s := startT(t, ctx, dir, TemplateRebuilt)
	if s.TemplatePath() != tmpl {
		t.Errorf("template moved from %s to %s", tmpl, s.TemplatePath())
	}
	must(t, s.Stop())
	must(t, startT(t, ctx, dir, TemplateReused).Stop())
	// Nothing is left but the template itself.
	entries, err := os.ReadDir(dir)
	must(t, err)
	if len(entries) != 1 || entries[0].Name() != filepath.Base(tmpl) {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("%s holds %v, want only the template", dir, names)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
