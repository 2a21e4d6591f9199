package engine

import (
	"context"
	"os"
	"syscall"
	"testing"

	"github.com/renovate-pg/renovate/state/catalog"
)

// coverageTablespace is the tablespace the coverage matrix puts relations
// in (createTestTablespace).
const coverageTablespace = "cov_ts"

// createTestTablespace creates the tablespace name in a temporary
// directory on the test cluster, for tests of relations stored there.
// Tablespaces belong to the cluster, which other tests share: the name
// must be the test's own, and the tablespace is dropped when the test
// ends. Call it before the test creates its databases, so that it is
// dropped after them (cleanups run last first; a tablespace holding a
// database's relations cannot be dropped). The directory belongs to the
// server's user (that of its data directory), as PostgreSQL requires.
func createTestTablespace(t *testing.T, name string) {
	t.Helper()
	ctx := context.Background()
	admin, err := connect(t, srv.AdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	var dataDir string
	if err := admin.QueryRow(ctx, "SELECT current_setting('data_directory')").Scan(&dataDir); err != nil {
		t.Fatalf("reading the server's data directory (a tablespace needs a local server): %v", err)
	}
	fi, err := os.Stat(dataDir)
	if err != nil {
		t.Fatalf("the server's data directory %s is not on this machine (a tablespace needs a local server): %v", dataDir, err)
	}
	dir, err := os.MkdirTemp("", "renovate-ts-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && os.Geteuid() == 0 {
		if err := os.Chown(dir, int(st.Uid), int(st.Gid)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(ctx, "DROP TABLESPACE IF EXISTS "+name); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(ctx, "CREATE TABLESPACE "+name+" LOCATION '"+dir+"'"); err != nil {
		t.Fatalf("creating tablespace %s in %s: %v", name, dir, err)
	}
	t.Cleanup(func() {
		conn, err := catalog.Connect(context.Background(), srv.AdminDSN())
		if err != nil {
			t.Errorf("dropping tablespace %s: %v", name, err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), "DROP TABLESPACE IF EXISTS "+name); err != nil {
			t.Errorf("dropping tablespace %s: %v", name, err)
		}
	})
}
