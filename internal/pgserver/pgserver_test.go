package pgserver

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestStartStop starts a real cluster from the machine's binaries, runs a
// query on it, and checks that Stop removes every trace. Without server
// binaries it fails (renovate's tests never skip the database).
func TestStartStop(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, err := Start(ctx)
	if err != nil {
		t.Fatalf("starting a cluster: %v", err)
	}
	tmp := s.tmpDir
	conn, err := pgx.Connect(ctx, s.AdminDSN())
	if err != nil {
		_ = s.Stop()
		t.Fatal(err)
	}
	var one int
	err = conn.QueryRow(ctx, "SELECT 1").Scan(&one)
	conn.Close(ctx)
	if err != nil || one != 1 {
		t.Errorf("SELECT 1: %d, %v", one, err)
	}
	if s.Version() < 13 || s.BinDir() == "" {
		t.Errorf("version %d, bin dir %q", s.Version(), s.BinDir())
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := s.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Errorf("%s still exists after Stop", tmp)
	}
	if _, err := pgx.Connect(ctx, s.AdminDSN()); err == nil {
		t.Errorf("the cluster still accepts connections after Stop")
	}
}

// TestFindBinDirFromEnv checks that RENOVATE_PG_BIN naming a directory
// without the binaries is an error naming it.
func TestFindBinDirFromEnv(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvBin, dir)
	if _, _, err := FindBinDir(); err == nil {
		t.Fatalf("FindBinDir with %s=%s (empty): no error", EnvBin, dir)
	}
}
