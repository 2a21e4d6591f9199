package pgserver

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// startKeptT starts a cluster that may come from one kept under keptRoot.
func startKeptT(t *testing.T, ctx context.Context, tmpl, keptRoot string) *Server {
	t.Helper()
	binDir, fromEnv, err := FindBinDir()
	if err != nil {
		t.Fatal(err)
	}
	s, err := StartKeptFrom(ctx, binDir, fromEnv, tmpl, keptRoot)
	if err != nil {
		t.Fatalf("starting a cluster: %v", err)
	}
	t.Cleanup(func() { _ = s.Stop() })
	if !s.CanKeep() {
		t.Fatal("a cluster started with a kept root cannot be kept")
	}
	return s
}

// TestKeptCluster keeps a cluster with a table and metadata, starts the
// next one from it (moved out of the cache, and kept again), keeps only
// the newest two, and never starts on a kept cluster whose files differ
// from its list.
func TestKeptCluster(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	tmpl, kept := t.TempDir(), t.TempDir()

	s := startKeptT(t, ctx, tmpl, kept)
	if s.KeptMeta() != nil || s.Template() == TemplateKept {
		t.Fatalf("first cluster came from a kept one (%s, meta %q)", s.Template(), s.KeptMeta())
	}
	execT(t, ctx, s, "CREATE TABLE leak (id int)")
	if err := s.StopAndKeep([]byte(`first`)); err != nil {
		t.Fatalf("keeping: %v", err)
	}

	s2 := startKeptT(t, ctx, tmpl, kept)
	if s2.Template() != TemplateKept || string(s2.KeptMeta()) != "first" || !s2.TookKept() {
		t.Fatalf("second cluster: %s, meta %q, taken %t; want kept, first, taken", s2.Template(), s2.KeptMeta(), s2.TookKept())
	}
	if n := tableCount(t, ctx, s2); n != 1 {
		t.Fatalf("the kept cluster's table: %d, want 1", n)
	}
	if names := s2.keptNames(); len(names) != 0 {
		t.Fatalf("the taken cluster is still in the cache: %v", names)
	}
	// A cluster started meanwhile finds none kept.
	other := startKeptT(t, ctx, tmpl, kept)
	if other.KeptMeta() != nil {
		t.Fatalf("a second cluster got the taken one (meta %q)", other.KeptMeta())
	}
	if err := other.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := s2.StopAndKeep([]byte("second")); err != nil {
		t.Fatal(err)
	}

	// Three kept at once: the newest two stay.
	var three []*Server
	for i := 0; i < 3; i++ {
		three = append(three, startKeptT(t, ctx, tmpl, kept))
	}
	for i, m := range []string{"a", "b", "c"} {
		execT(t, ctx, three[i], "CREATE TABLE IF NOT EXISTS leak (id int)")
		if err := three[i].StopAndKeep([]byte(m)); err != nil {
			t.Fatalf("keeping %s: %v", m, err)
		}
	}
	names := s.keptNames()
	if len(names) != keptMax {
		t.Fatalf("%d kept clusters, want %d: %v", len(names), keptMax, names)
	}

	// The newest one damaged (PG_VERSION not the binaries'): it is
	// removed, and the next one is used.
	newest := filepath.Join(s.keptDir(), names[0])
	if err := os.WriteFile(filepath.Join(newest, "data", "PG_VERSION"), []byte("99\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s4 := startKeptT(t, ctx, tmpl, kept)
	if string(s4.KeptMeta()) != "b" {
		t.Fatalf("meta %q after damaging c, want b", s4.KeptMeta())
	}
	if _, err := os.Stat(newest); !os.IsNotExist(err) {
		t.Errorf("the damaged kept cluster is still there (%v)", err)
	}
	if err := s4.StopAndKeep([]byte("d")); err != nil {
		t.Fatal(err)
	}
	// One whose file list was edited: removed, and the cluster starts
	// from the template.
	names = s.keptNames()
	if len(names) != 1 {
		t.Fatalf("kept clusters %v, want one", names)
	}
	dir := filepath.Join(s.keptDir(), names[0])
	list, err := os.ReadFile(filepath.Join(dir, keptFile))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(list), "\n")
	lines[5] = "1 " + strings.SplitN(lines[5], " ", 2)[1]
	if err := os.WriteFile(filepath.Join(dir, keptFile), []byte(strings.Join(lines, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	s5 := startKeptT(t, ctx, tmpl, kept)
	if s5.KeptMeta() != nil || s5.Template() == TemplateKept {
		t.Fatalf("started from a kept cluster whose list was edited (%s, meta %q)", s5.Template(), s5.KeptMeta())
	}
	if n := tableCount(t, ctx, s5); n != 0 {
		t.Fatalf("the template cluster holds %d leak tables", n)
	}
	if names := s.keptNames(); len(names) != 0 {
		t.Fatalf("the kept cluster whose list was edited is still there: %v", names)
	}
}
