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
// next one from it, keeps only the newest two, and never starts on a
// kept cluster whose files differ from its list.
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
	if s2.Template() != TemplateKept || string(s2.KeptMeta()) != "first" {
		t.Fatalf("second cluster: %s, meta %q; want kept, first", s2.Template(), s2.KeptMeta())
	}
	if n := tableCount(t, ctx, s2); n != 1 {
		t.Fatalf("the kept cluster's table: %d, want 1", n)
	}
	// Stopped without keeping: the kept cluster stays as it was.
	if err := s2.Stop(); err != nil {
		t.Fatal(err)
	}

	// Three more kept: the newest two stay.
	for _, m := range []string{"a", "b", "c"} {
		s := startKeptT(t, ctx, tmpl, kept)
		execT(t, ctx, s, "CREATE TABLE IF NOT EXISTS leak (id int)")
		if err := s.StopAndKeep([]byte(m)); err != nil {
			t.Fatalf("keeping %s: %v", m, err)
		}
	}
	s3 := startKeptT(t, ctx, tmpl, kept)
	if string(s3.KeptMeta()) != "c" {
		t.Fatalf("meta %q, want the newest, c", s3.KeptMeta())
	}
	_ = s3.Stop()
	names := s3.keptNames()
	if len(names) != keptMax {
		t.Fatalf("%d kept clusters, want %d: %v", len(names), keptMax, names)
	}

	// The newest one damaged (a file shorter than KEPT says): it is
	// removed, and the next one is used.
	newest := filepath.Join(s3.keptDir(), names[0])
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
	// One whose file list was edited: removed, and the cluster starts
	// from the template.
	other := filepath.Join(s4.keptDir(), names[1])
	ready, err := os.ReadFile(filepath.Join(other, keptFile))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(ready), "\n")
	lines[5] = "1 " + strings.SplitN(lines[5], " ", 2)[1]
	if err := os.WriteFile(filepath.Join(other, keptFile), []byte(strings.Join(lines, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	_ = s4.Stop()
	s5 := startKeptT(t, ctx, tmpl, kept)
	if s5.KeptMeta() != nil || s5.Template() == TemplateKept {
		t.Fatalf("started from a kept cluster whose list was edited (%s, meta %q)", s5.Template(), s5.KeptMeta())
	}
	if n := tableCount(t, ctx, s5); n != 0 {
		t.Fatalf("the template cluster holds %d leak tables", n)
	}
}
