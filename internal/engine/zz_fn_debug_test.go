package engine

import (
	"os"
	"path/filepath"
	"testing"
)

func TestZZFnDebugPlan(t *testing.T) {
	dir := os.Getenv("FNCASE")
	if dir == "" {
		t.Skip()
	}
	from := readFile(t, filepath.Join(dir, "from.sql"))
	to := readFile(t, filepath.Join(dir, "to.sql"))
	dsnA := srv.NewDatabase(t)
	if err := execSQL(t, dsnA, from); err != nil {
		t.Fatal(err)
	}
	local := t.TempDir()
	os.WriteFile(filepath.Join(local, "to.sql"), []byte(to), 0o644)
	p, err := makePlanFor(t, dsnA, local)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + planSQL(p))
}
