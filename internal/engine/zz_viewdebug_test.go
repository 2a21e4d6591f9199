package engine

import (
	"os"
	"path/filepath"
	"testing"
)

func TestZZViewDebugPlan(t *testing.T) {
	dir := os.Getenv("VIEWCASE")
	if dir == "" {
		return
	}
	from := readFile(t, filepath.Join(dir, "from.sql"))
	to := readFile(t, filepath.Join(dir, "to.sql"))
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, from); err != nil {
		t.Fatal(err)
	}
	local := t.TempDir()
	os.WriteFile(filepath.Join(local, "to.sql"), []byte(to), 0o644)
	p, err := makePlanFor(t, dsn, local)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("plan:\n%s", planSQL(p))
}
